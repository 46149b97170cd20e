#!/bin/sh
# Put Circles in this user's application menu: run it from the unpacked circles folder.
# (Nothing is installed system-wide; delete the two files it names to undo it.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/circles.png" "$icons/circles.png"
sed "s|^Exec=.*|Exec=\"$here/circles-desktop\"|" "$here/circles.desktop" > "$apps/circles.desktop"
echo "added $apps/circles.desktop and $icons/circles.png"
