"""PNG export of a Diagram through Qt (QImage), which shapes every script correctly.

Works headless: without a running GUI it starts a QGuiApplication on the "offscreen" platform.
The file is written next to its final name and moved into place, so a failure never leaves half a
PNG behind.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from ..layout.diagram import Diagram
from ..layout.style import COLOURS
from .diagram_painter import paint_diagram

MAX_SIDE = 16_000  # pixels; beyond this the DPI is lowered so the image stays openable
_METRES_PER_INCH = 0.0254
_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt needs an application object for fonts; start a headless one if there is none."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Qt says so each time Noto Sans hands Bengali or Tamil to its fallback font; on the command
        # line that is noise around a PNG that is drawn right.
        QLoggingCategory.setFilterRules("qt.text.font.db=false")
        _app = QGuiApplication([])


def render_image(diagram: Diagram, *, dpi: float = 150) -> QImage:
    """The diagram (with its legend placed) as an image at ``dpi`` dots per inch."""
    ensure_gui_application()
    diagram = diagram.with_legend_placed()
    bounds = diagram.bounds
    scale = dpi / 72.0
    largest = max(bounds.width, bounds.height) * scale
    if largest > MAX_SIDE:
        scale *= MAX_SIDE / largest
        dpi = scale * 72.0
    width, height = max(1, math.ceil(bounds.width * scale)), max(1, math.ceil(bounds.height * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    # Painted at 72 dpi so one diagram unit is one point; the file then states the real resolution.
    image.setDotsPerMeterX(round(72 / _METRES_PER_INCH))
    image.setDotsPerMeterY(round(72 / _METRES_PER_INCH))
    image.fill(QColor(COLOURS.paper))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.translate(-bounds.x0, -bounds.y0)
        paint_diagram(painter, diagram)
    finally:
        painter.end()
    image.setDotsPerMeterX(round(dpi / _METRES_PER_INCH))
    image.setDotsPerMeterY(round(dpi / _METRES_PER_INCH))
    return image


def write_png(diagram: Diagram, path: str | os.PathLike[str], *, dpi: float = 150) -> None:
    """Write the diagram as a PNG file at ``dpi``."""
    target = Path(path)
    image = render_image(diagram, dpi=dpi)
    temporary = target.with_name(f".{target.name}.part")
    try:
        if not image.save(str(temporary), "PNG"):
            raise OSError(f"could not write the image {target}")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


__all__ = ["ensure_gui_application", "render_image", "write_png"]
