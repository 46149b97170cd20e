#!/usr/bin/env bash
# Set up, start a throw-away PostgreSQL server, and run every test; then the domain tests again with
# PySide6 made unimportable, to prove the domain does not need Qt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
source scripts/postgres.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/python -m pytest -q "$@"
CIRCLES_BLOCK_QT=1 .venv/bin/python -m pytest -q -m "not ui" -p no:pytest-qt \
  --ignore=tests/ui tests
