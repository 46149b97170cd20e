#!/usr/bin/env bash
# Everything Circles needs on a fresh Debian machine: system packages, then a virtual environment.
# Idempotent: a second run installs nothing new. Sourced by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DEBIAN_PACKAGES=(
  graphviz                       # dot, for genogram layout
  poppler-utils                  # pdftoppm/pdftotext, for looking at and testing PDFs
  xvfb xauth                     # a screen for the GUI tests and screenshots
  postgresql                     # the team server, tested for real
  fonts-noto-core fonts-noto-cjk # every script on screen
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1
  patchelf                       # makes the bundled Graphviz relocatable (installer/)
)

source scripts/debian.sh
need_debian_packages "${DEBIAN_PACKAGES[@]}"

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch .venv/.installed
fi
