"""Render the application icon, resources/icons/circles.svg, to the PNG that desktops and the
installers use (PyInstaller turns the PNG into .ico/.icns on Windows and macOS with Pillow).

Run after changing the SVG: python installer/render_icon.py
"""

from __future__ import annotations

import os
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(svg: Path, png: Path, size: int = 256) -> None:
    """Draw `svg` into a transparent `size` x `size` PNG with Qt's SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"{png}: could not be written")


if __name__ == "__main__":
    render(ICONS / "circles.svg", ICONS / "circles.png")
