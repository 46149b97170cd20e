#!/usr/bin/env bash
# Build Circles for Linux: dist/circles/ (one folder: circles-desktop, circles, Python, Qt, Graphviz)
# and dist/circles-<version>-linux-x86_64.tar.gz. Run from anywhere; uses the project's .venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
source installer/lib.sh
need_debian_packages patchelf graphviz
started=$SECONDS

if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  .venv/bin/python -m pip install -q "pyinstaller>=6.10"
fi

version=$(project_version)
installed=$(.venv/bin/python -c "import circles_desktop; print(circles_desktop.__version__)")
if [ "$installed" != "$version" ]; then  # the metadata the bundle copies must say what pyproject says
  .venv/bin/python -m pip install -q --no-deps -e .
fi

.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/circles.spec

# The desktop entry, its icon and the script that registers both for the user who unpacks it.
bundle=dist/circles
cp installer/circles.desktop resources/icons/circles.png installer/install-desktop-entry.sh "$bundle/"
chmod +x "$bundle/install-desktop-entry.sh"

tarball="dist/circles-$version-linux-x86_64.tar.gz"
tar -C dist -czf "$tarball" circles
echo "bundle   $bundle  $(du -sh "$bundle" | cut -f1)"
echo "tarball  $tarball  $(du -sh "$tarball" | cut -f1)"
echo "built in $((SECONDS - started)) s"
