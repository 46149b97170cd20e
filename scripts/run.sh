#!/usr/bin/env bash
# Set up and start Circles: the desktop application where there is a display; otherwise a headless
# demo that adds the demo cases and writes their PDFs to ./out/demo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/circles-desktop "$@"
fi
echo "No display: running the headless demo (PDFs in out/demo)."
exec .venv/bin/circles demo --export out/demo "$@"
