"""Toolbar and window icons, drawn with QPainter.

Circles runs on machines with no icon theme (Windows, a bare X server, the offscreen platform), so
the icons are drawn here rather than looked up: one consistent line style, crisp at every size, and
the genogram commands show genogram symbols (square, circle, couple line) that practitioners know.
Each drawing works in a 24 x 24 box.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ..runtime import resource_path

INK = QColor("#37474f")
ACCENT = QColor("#00796b")
WARN = QColor("#c62828")

Drawing = Callable[[QPainter], None]
_DRAWINGS: dict[str, Drawing] = {}


def _drawing(name: str) -> Callable[[Drawing], Drawing]:
    def register(func: Drawing) -> Drawing:
        _DRAWINGS[name] = func
        return func
    return register


def _pen(p: QPainter, color: QColor = INK, width: float = 1.6) -> None:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _plus(p: QPainter, x: float, y: float, r: float = 3.5) -> None:
    _pen(p, ACCENT, 2.0)
    p.drawLine(QPointF(x - r, y), QPointF(x + r, y))
    p.drawLine(QPointF(x, y - r), QPointF(x, y + r))


def _square(p: QPainter, x: float, y: float, s: float, color: QColor = INK) -> None:
    _pen(p, color)
    p.drawRect(QRectF(x - s / 2, y - s / 2, s, s))


def _circle(p: QPainter, x: float, y: float, s: float, color: QColor = INK) -> None:
    _pen(p, color)
    p.drawEllipse(QPointF(x, y), s / 2, s / 2)


@_drawing("app")
def _app(p: QPainter) -> None:
    for radius, color in ((10.5, INK), (7, INK), (3.5, ACCENT)):
        _pen(p, color, 1.8)
        p.drawEllipse(QPointF(12, 12), radius, radius)


@_drawing("case-new")
def _case_new(p: QPainter) -> None:
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(14, 3), QPointF(5, 3), QPointF(5, 21), QPointF(19, 21), QPointF(19, 8),
                              QPointF(14, 3), QPointF(14, 8), QPointF(19, 8)]))
    _plus(p, 12, 14.5)


@_drawing("case-open")
def _case_open(p: QPainter) -> None:
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(3, 19), QPointF(3, 5), QPointF(9, 5), QPointF(11, 7), QPointF(19, 7),
                              QPointF(19, 10)]))
    p.drawPolygon(QPolygonF([QPointF(3, 19), QPointF(7, 10), QPointF(22, 10), QPointF(18, 19)]))


@_drawing("export")
def _export(p: QPainter) -> None:
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(9, 8), QPointF(4, 8), QPointF(4, 21), QPointF(20, 21), QPointF(20, 8),
                              QPointF(15, 8)]))
    _pen(p, ACCENT, 2.0)
    p.drawLine(QPointF(12, 16), QPointF(12, 3))
    p.drawPolyline(QPolygonF([QPointF(8, 7), QPointF(12, 3), QPointF(16, 7)]))


@_drawing("print")
def _print(p: QPainter) -> None:
    _pen(p)
    p.drawRect(QRectF(7, 3, 10, 6))
    p.drawPolyline(QPolygonF([QPointF(7, 17), QPointF(3, 17), QPointF(3, 9), QPointF(21, 9), QPointF(21, 17),
                              QPointF(17, 17)]))
    p.drawRect(QRectF(7, 14, 10, 7))
    _pen(p, ACCENT, 2.0)
    p.drawPoint(QPointF(18, 12))


def _turn(p: QPainter, mirror: bool) -> None:
    if mirror:
        p.translate(24, 0)
        p.scale(-1, 1)
    path = QPainterPath(QPointF(6, 10))
    path.lineTo(15, 10)
    path.cubicTo(QPointF(22, 10), QPointF(22, 20), QPointF(15, 20))
    path.lineTo(9, 20)
    _pen(p)
    p.drawPath(path)
    _pen(p, ACCENT, 2.0)
    p.drawPolyline(QPolygonF([QPointF(10, 6), QPointF(6, 10), QPointF(10, 14)]))


@_drawing("undo")
def _undo(p: QPainter) -> None:
    _turn(p, mirror=False)


@_drawing("redo")
def _redo(p: QPainter) -> None:
    _turn(p, mirror=True)


@_drawing("delete")
def _delete(p: QPainter) -> None:
    _pen(p)
    p.drawLine(QPointF(4, 6), QPointF(20, 6))
    p.drawPolyline(QPolygonF([QPointF(9, 6), QPointF(9, 3), QPointF(15, 3), QPointF(15, 6)]))
    p.drawPolyline(QPolygonF([QPointF(6, 6), QPointF(7, 21), QPointF(17, 21), QPointF(18, 6)]))
    _pen(p, WARN, 1.6)
    p.drawLine(QPointF(10, 10), QPointF(10, 17))
    p.drawLine(QPointF(14, 10), QPointF(14, 17))


@_drawing("add-person")
def _add_person(p: QPainter) -> None:
    _square(p, 9, 12, 11)
    _plus(p, 19, 6)


@_drawing("add-service")
def _add_service(p: QPainter) -> None:
    _pen(p)
    p.drawRoundedRect(QRectF(2.5, 8, 14, 11), 3, 3)
    p.drawLine(QPointF(6, 13.5), QPointF(13, 13.5))
    _plus(p, 19.5, 5)


@_drawing("add-parent")
def _add_parent(p: QPainter) -> None:
    _square(p, 5, 6, 7, ACCENT)
    _circle(p, 19, 6, 7, ACCENT)
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(5, 9.5), QPointF(5, 12), QPointF(19, 12), QPointF(19, 9.5)]))
    p.drawLine(QPointF(12, 12), QPointF(12, 15))
    _square(p, 12, 19, 7)


@_drawing("add-partner")
def _add_partner(p: QPainter) -> None:
    _square(p, 6, 9, 8)
    _circle(p, 18, 9, 8, ACCENT)
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(6, 13), QPointF(6, 18), QPointF(18, 18), QPointF(18, 13)]))


@_drawing("add-child")
def _add_child(p: QPainter) -> None:
    _square(p, 5, 5, 7)
    _circle(p, 19, 5, 7)
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(5, 8.5), QPointF(5, 11), QPointF(19, 11), QPointF(19, 8.5)]))
    p.drawLine(QPointF(12, 11), QPointF(12, 15))
    _circle(p, 12, 19, 7, ACCENT)


@_drawing("add-sibling")
def _add_sibling(p: QPainter) -> None:
    _pen(p)
    p.drawPolyline(QPolygonF([QPointF(6, 12), QPointF(6, 6), QPointF(18, 6), QPointF(18, 12)]))
    p.drawLine(QPointF(12, 2), QPointF(12, 6))
    _square(p, 6, 16, 8)
    _circle(p, 18, 16, 8, ACCENT)


@_drawing("link")
def _link(p: QPainter) -> None:
    _square(p, 5, 17, 7)
    _circle(p, 19, 6, 7)
    _pen(p, ACCENT, 2.0)
    p.drawLine(QPointF(8.5, 13.5), QPointF(15.5, 9.5))
    p.drawLine(QPointF(9.5, 15.5), QPointF(16.5, 11.5))


@_drawing("rearrange")
def _rearrange(p: QPainter) -> None:
    _square(p, 12, 4.5, 6)
    _square(p, 5, 19.5, 6)
    _circle(p, 19, 19.5, 6)
    _pen(p, ACCENT, 1.6)
    p.drawPolyline(QPolygonF([QPointF(12, 7.5), QPointF(12, 12), QPointF(5, 12), QPointF(5, 16.5)]))
    p.drawPolyline(QPolygonF([QPointF(12, 12), QPointF(19, 12), QPointF(19, 16.5)]))


def _lens(p: QPainter) -> None:
    _pen(p)
    p.drawEllipse(QPointF(10, 10), 6.5, 6.5)
    _pen(p, INK, 2.4)
    p.drawLine(QPointF(15, 15), QPointF(21, 21))


@_drawing("zoom-in")
def _zoom_in(p: QPainter) -> None:
    _lens(p)
    _plus(p, 10, 10, 3)


@_drawing("zoom-out")
def _zoom_out(p: QPainter) -> None:
    _lens(p)
    _pen(p, ACCENT, 2.0)
    p.drawLine(QPointF(7, 10), QPointF(13, 10))


@_drawing("zoom-fit")
def _zoom_fit(p: QPainter) -> None:
    _pen(p)
    for x, y, dx, dy in ((3, 3, 1, 1), (21, 3, -1, 1), (3, 21, 1, -1), (21, 21, -1, -1)):
        p.drawPolyline(QPolygonF([QPointF(x + 5 * dx, y), QPointF(x, y), QPointF(x, y + 5 * dy)]))
    _square(p, 12, 12, 7, ACCENT)


@_drawing("lock")
def _lock(p: QPainter) -> None:
    _pen(p, WARN, 2.0)
    p.drawArc(QRectF(7, 3, 10, 12), 0, 180 * 16)
    p.drawLine(QPointF(7, 9), QPointF(7, 11))
    p.drawLine(QPointF(17, 9), QPointF(17, 11))
    p.setBrush(WARN)
    p.drawRoundedRect(QRectF(4.5, 11, 15, 10), 2, 2)


@_drawing("unlocked")
def _unlocked(p: QPainter) -> None:
    grey = QColor("#9e9e9e")
    _pen(p, grey, 1.8)
    p.drawArc(QRectF(11, 2, 10, 12), 0, 180 * 16)
    p.drawLine(QPointF(21, 8), QPointF(21, 11))
    p.drawRoundedRect(QRectF(4.5, 11, 15, 10), 2, 2)


_SIZES = (16, 20, 24, 32, 48, 64)


@functools.cache
def icon(name: str) -> QIcon:
    """The named icon; unknown names are a programming error and raise KeyError."""
    draw = _DRAWINGS[name]
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 24, size / 24)
        draw(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    """The Circles logo from resources/, or the drawn rings when running without resources."""
    path = resource_path("icons", "circles.png")
    return QIcon(str(path)) if path.is_file() else icon("app")


def names() -> list[str]:
    return sorted(_DRAWINGS)
