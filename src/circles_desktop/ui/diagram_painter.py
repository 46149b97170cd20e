"""Paint a Diagram with QPainter: the back end of the PNG export and of the editor's scene items.

Qt shapes every script correctly (Bengali, Arabic, Tamil, ...), which is why raster output goes
through Qt. Geometry comes from layout.strokes, so patterns, slashes and arrows match the PDF and
SVG exactly. Coordinates are diagram points; the caller sets the painter's transform.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen, QPolygonF

from ..layout.diagram import Align, AnyItem, Diagram
from ..layout.fonts import font_file, shipped_fonts
from ..layout.strokes import EllipseOp, Op, PathOp, Pen, RectOp, TextOp, diagram_ops, item_ops
from ..layout.style import COLOURS, FONTS


@cache
def font_family() -> str:
    """Register the shipped fonts with Qt (once) and return the drawing font's family name.

    Every shipped face is registered, not just Noto Sans, so Qt's own fallback finds Bengali, Arabic,
    Tamil, ... glyphs on machines that have no such fonts installed. Needs a QGuiApplication.
    """
    for path in shipped_fonts():
        QFontDatabase.addApplicationFont(str(path))
    font_id = QFontDatabase.addApplicationFont(str(font_file(False)))
    QFontDatabase.addApplicationFont(str(font_file(True)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else FONTS.family


def paint_diagram(painter: QPainter, diagram: Diagram) -> None:
    """Paint every item of ``diagram`` (not its legend: place that first with with_legend_placed)."""
    for _, ops in diagram_ops(diagram):
        paint_ops(painter, ops)


def paint_item(painter: QPainter, item: AnyItem) -> None:
    """Paint one item; a scene item wrapping a diagram item calls this from its ``paint``."""
    paint_ops(painter, item_ops(item))


def paint_ops(painter: QPainter, ops: Iterable[Op]) -> None:
    for op in ops:
        if isinstance(op, TextOp):
            _text(painter, op)
            continue
        painter.setPen(_qpen(op.pen))
        painter.setBrush(QBrush(QColor(op.fill)) if op.fill else Qt.BrushStyle.NoBrush)
        if isinstance(op, PathOp):
            polygon = QPolygonF([QPointF(x, y) for x, y in op.points])
            if op.closed:
                painter.drawPolygon(polygon)
            else:
                painter.drawPolyline(polygon)
        elif isinstance(op, EllipseOp):
            painter.drawEllipse(QPointF(*op.centre), op.rx, op.ry)
        elif isinstance(op, RectOp):
            r = op.rect
            rect = QRectF(r.x0, r.y0, r.width, r.height)
            if op.radius:
                painter.drawRoundedRect(rect, op.radius, op.radius)
            else:
                painter.drawRect(rect)


def _qpen(pen: Pen | None) -> QPen:
    if pen is None:
        return QPen(Qt.PenStyle.NoPen)
    qpen = QPen(QColor(pen.colour))
    qpen.setWidthF(pen.width)
    qpen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    qpen.setCapStyle(Qt.PenCapStyle.RoundCap if pen.round_cap else Qt.PenCapStyle.FlatCap)
    if pen.dash:
        unit = pen.width or 1.0  # Qt measures dashes in pen widths
        qpen.setDashPattern([max(length / unit, 0.01) for length in pen.dash])
    return qpen


def qfont(painter: QPainter, size: float, bold: bool) -> QFont:
    """A font that is ``size`` diagram units tall on this painter's device."""
    dpi = painter.device().logicalDpiY() if painter.device() else 72
    return QFont(_font(size, bold, dpi))


@lru_cache(maxsize=256)
def _font(size: float, bold: bool, dpi: int) -> QFont:
    """Fonts are made once per size, weight and device resolution: a scene paints thousands of labels."""
    font = QFont(font_family())
    font.setPointSizeF(size * 72.0 / dpi)
    font.setBold(bold)
    return font


def _text(painter: QPainter, op: TextOp) -> None:
    font = qfont(painter, op.size, op.bold)
    metrics = QFontMetricsF(font, painter.device())
    width = metrics.horizontalAdvance(op.text)
    x, y = op.at
    if op.align is Align.MIDDLE:
        x -= width / 2
    elif op.align is Align.END:
        x -= width
    if op.halo:
        painter.fillRect(QRectF(x - 1.0, y - metrics.ascent() * 0.85, width + 2.0, metrics.ascent() * 0.85
                                + metrics.descent() * 0.6), QColor(COLOURS.paper))
    painter.setFont(font)
    painter.setPen(QColor(op.colour))
    painter.drawText(QPointF(x, y), op.text)
