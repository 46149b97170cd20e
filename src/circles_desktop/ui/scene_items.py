"""Scene items: one per person or service symbol, one per relationship's lines, one per household.

Each item paints its share of the renderer-neutral :class:`~..layout.diagram.Diagram` with the
shared QPainter back end, so the screen shows exactly what the PDF prints. Items paint by level of
detail: names only when they are big enough to read, and below that the :class:`SketchLayer` draws
the whole network in a few batched calls while the detailed items stand aside (opacity 0: not
painted, still clickable).

While a symbol is dragged, the lines joined to it stretch: each point of a line follows the end it
belongs to (the nearer one). Only the moved items and their lines are repainted; the exact
notation is drawn again from the layout when the drag is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from ..layout.diagram import AnyItem, Bounds, Diagram, Line, Point, Polygon, Shape, Text
from ..layout.style import FONTS, GENOGRAM
from .diagram_painter import paint_item

SELECTION = QColor("#00796b")
SELECTION_FILL = QColor(0, 121, 107, 38)
HOVER_FILL = QColor(0, 121, 107, 20)
HIGHLIGHT = QColor("#00897b")

# Level of detail is the view's scale (1.0 = a point is a pixel). Below these, parts are left out.
MIN_TEXT_PIXELS = 4.5  # text smaller than this on screen is unreadable: do not draw it
SKETCH_SYMBOL_PIXELS = 7.0  # symbols smaller than this: the sketch layer draws everything

NODE_TYPE = QGraphicsItem.UserType + 1
LINK_TYPE = QGraphicsItem.UserType + 2
HOUSEHOLD_TYPE = QGraphicsItem.UserType + 3


def paint_items(painter: QPainter, items: Iterable[AnyItem]) -> None:
    for item in items:
        paint_item(painter, item)


def text_visible(lod: float) -> bool:
    return FONTS.name * lod >= MIN_TEXT_PIXELS


def sketch_level(lod: float) -> bool:
    return GENOGRAM.symbol * lod < SKETCH_SYMBOL_PIXELS


def _qrect(b: Bounds) -> QRectF:
    return QRectF(b.x0, b.y0, b.width, b.height)


def shifted(items: Sequence[AnyItem], dx: float, dy: float) -> tuple[AnyItem, ...]:
    """Diagram items moved by (dx, dy), through the diagram's own translation."""
    return Diagram(tuple(items), Bounds(0.0, 0.0, 0.0, 0.0)).translated(dx, dy).items if dx or dy else tuple(items)


def _union(items: Iterable[AnyItem]) -> Bounds | None:
    bounds: Bounds | None = None
    for item in items:
        bounds = item.bounds if bounds is None else bounds.union(item.bounds)
    return bounds


class NodeItem(QGraphicsItem):
    """A person's or service's symbol with its name and dates; its position is the symbol's centre."""

    def __init__(self, node_id: str, centre: Point, drawing: Sequence[AnyItem]) -> None:
        super().__init__()
        self.node_id = node_id
        self.hovered = False
        self.highlighted = False
        self._raw: tuple[AnyItem, ...] = ()  # as the diagram gave it, in scene coordinates
        self._drawing: tuple[AnyItem, ...] = ()  # around the symbol's centre
        self._shapes: tuple[AnyItem, ...] = ()
        self._rect = QRectF()
        self._symbol = QRectF()
        self._shape = QPainterPath()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        self.set_drawing(centre, drawing)

    def type(self) -> int:
        return NODE_TYPE

    def set_drawing(self, centre: Point, drawing: Sequence[AnyItem]) -> None:
        """New look and place from a fresh diagram; items arrive in scene coordinates.

        A redraw after an edit hands every node its drawing again; most are unchanged, so the
        comparison comes first and the work only when something differs.
        """
        drawing = tuple(drawing)
        if drawing != self._raw:
            self._raw = drawing
            local = shifted(drawing, -centre[0], -centre[1])
            if local != self._drawing:
                self.prepareGeometryChange()
                self._drawing = local
                self._shapes = tuple(i for i in local if not isinstance(i, Text))
                symbols = [i for i in local if isinstance(i, Shape)] or list(local)
                half = GENOGRAM.symbol / 2
                symbol = _union(symbols) or Bounds(-half, -half, half, half)
                whole = _union(local) or symbol
                self._symbol = _qrect(symbol)
                self._rect = _qrect(whole).adjusted(-4, -4, 4, 4)
                path = QPainterPath()
                path.addRect(_qrect(whole))
                self._shape = path
                self.update()
        if (self.pos().x(), self.pos().y()) != centre:
            self.setPos(QPointF(*centre))

    @property
    def centre(self) -> Point:
        pos = self.pos()
        return (pos.x(), pos.y())

    def symbol_rect(self) -> QRectF:
        """The symbol's box in scene coordinates, for the sketch layer and for linking."""
        return self._symbol.translated(self.pos())

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.isSelected() or self.hovered or self.highlighted:
            painter.setPen(QPen(SELECTION, 1.5 / max(lod, 0.05)) if self.isSelected() else Qt.PenStyle.NoPen)
            painter.setBrush(SELECTION_FILL if self.isSelected() or self.highlighted else HOVER_FILL)
            painter.drawRoundedRect(self._symbol.adjusted(-5, -5, 5, 5), 6, 6)
        paint_items(painter, self._drawing if text_visible(lod) else self._shapes)

    def set_hovered(self, on: bool) -> None:
        if on != self.hovered:
            self.hovered = on
            self.update()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        scene = self.scene()
        if hasattr(scene, "set_hover"):
            scene.set_hover(self.node_id)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        scene = self.scene()
        if hasattr(scene, "set_hover"):
            scene.set_hover(None)

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()


class ConnectorItem(QGraphicsItem):
    """Lines (and their tags) that join nodes: a relationship, or a household's boundary.

    ``ends`` are the nodes the drawing hangs from; while one of them is dragged the drawing
    stretches with it (see :meth:`stretch`).
    """

    def __init__(self, key: str, ends: Sequence[str], drawing: Sequence[AnyItem]) -> None:
        super().__init__()
        self.key = key
        self.ends = tuple(ends)
        self.highlighted = False
        self._base: tuple[AnyItem, ...] = ()
        self._drawing: tuple[AnyItem, ...] = ()
        self._owners: tuple[tuple[int | None, ...], ...] = ()
        self._rect = QRectF()
        self._shape = QPainterPath()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.set_drawing(ends, drawing)

    def set_drawing(self, ends: Sequence[str], drawing: Sequence[AnyItem]) -> None:
        drawing = tuple(drawing)
        self.ends = tuple(ends)
        if drawing != self._base or drawing != self._drawing:
            self._base = drawing
            self._show(drawing)

    def _show(self, drawing: tuple[AnyItem, ...]) -> None:
        self.prepareGeometryChange()
        self._drawing = drawing
        bounds = _union(drawing)
        self._rect = _qrect(bounds).adjusted(-6, -6, 6, 6) if bounds else QRectF()
        self._shape = self._outline(drawing)
        self.update()

    def _outline(self, drawing: tuple[AnyItem, ...]) -> QPainterPath:
        """What a click hits: a band along each line, so empty space inside a household stays empty."""
        path = QPainterPath()
        for item in drawing:
            points = item.points if isinstance(item, (Line, Polygon)) else ()
            if points:
                path.moveTo(*points[0])
                for point in points[1:]:
                    path.lineTo(*point)
                if isinstance(item, Polygon):
                    path.closeSubpath()
            elif isinstance(item, Text):
                path.addRect(_qrect(item.bounds))
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        return stroker.createStroke(path) if not path.isEmpty() else path

    def polylines(self) -> list[tuple[Point, ...]]:
        return [item.points for item in self._drawing if isinstance(item, (Line, Polygon))]

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.isSelected() or self.highlighted:
            pen = QPen(SELECTION if self.isSelected() else HIGHLIGHT, 6.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            colour = QColor(pen.color())
            colour.setAlpha(90 if self.isSelected() else 55)
            pen.setColor(colour)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for points in self.polylines():
                painter.drawPolyline([QPointF(*p) for p in points])
        items = self._drawing if text_visible(lod) else tuple(i for i in self._drawing if not isinstance(i, Text))
        paint_items(painter, items)

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    # ----- following a drag ------------------------------------------------------------------------

    def begin_stretch(self, centres: Mapping[str, Point]) -> None:
        """Decide, once per drag, which end each point follows: the nearest one."""
        ends = [centres.get(end) for end in self.ends]
        self._owners = tuple(tuple(_nearest(p, ends) for p in _anchor_points(item)) for item in self._base)

    def stretch(self, deltas: Mapping[str, Point]) -> None:
        """Show the drawing with each point moved by the delta of the end it follows."""
        moves = [deltas.get(end) for end in self.ends]
        stretched = []
        for item, owners in zip(self._base, self._owners):
            stretched.append(_moved(item, owners, moves))
        self._show(tuple(stretched))

    def end_stretch(self) -> None:
        self._owners = ()


class HouseholdItem(ConnectorItem):
    """The dashed boundary round a household; selectable by its line, behind everything else."""

    def __init__(self, key: str, ends: Sequence[str], drawing: Sequence[AnyItem]) -> None:
        super().__init__(key, ends, drawing)
        self.setZValue(0)

    def type(self) -> int:
        return HOUSEHOLD_TYPE


class LinkItem(ConnectorItem):
    """The lines of one relationship."""

    def __init__(self, key: str, ends: Sequence[str], drawing: Sequence[AnyItem]) -> None:
        super().__init__(key, ends, drawing)
        self.setZValue(1)

    def type(self) -> int:
        return LINK_TYPE


def _anchor_points(item: AnyItem) -> tuple[Point, ...]:
    if isinstance(item, (Line, Polygon)):
        return item.points
    if isinstance(item, Text):
        return (item.at,)
    if isinstance(item, Shape):
        return (item.centre,)
    return ((item.bounds.x0 + item.bounds.x1) / 2, (item.bounds.y0 + item.bounds.y1) / 2),


def _nearest(point: Point, ends: Sequence[Point | None]) -> int | None:
    best, best_distance = None, math.inf
    for index, end in enumerate(ends):
        if end is None:
            continue
        distance = math.hypot(point[0] - end[0], point[1] - end[1])
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def _moved(item: AnyItem, owners: tuple[int | None, ...], moves: Sequence[Point | None]) -> AnyItem:
    def shift(point: Point, owner: int | None) -> Point:
        move = moves[owner] if owner is not None else None
        return (point[0] + move[0], point[1] + move[1]) if move else point

    if isinstance(item, (Line, Polygon)):
        points = tuple(shift(p, o) for p, o in zip(item.points, owners))
        if isinstance(item, Line):
            return replace(item, points=points, marks_at=None)
        return replace(item, points=points)
    owner = owners[0] if owners else None
    move = moves[owner] if owner is not None else None
    return shifted((item,), *move)[0] if move else item


class SketchLayer(QGraphicsItem):
    """The whole network in a few batched calls, for when symbols are too small to draw properly.

    Zoomed out on thousands of people, painting each item costs a Python call per item per frame;
    this layer draws every symbol and line with one ``drawRects``/``drawLines`` call each.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(3)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)
        self._nodes: list[NodeItem] = []
        self._links: list[ConnectorItem] = []
        self._cache: tuple[list[QRectF], list[QRectF], list[QLineF], list[QLineF]] | None = None
        self._rect = QRectF()

    def track(self, nodes: Iterable[NodeItem], links: Iterable[ConnectorItem]) -> None:
        self._nodes = list(nodes)
        self._links = list(links)
        self.invalidate()

    def invalidate(self) -> None:
        self._cache = None
        rect = QRectF()
        for node in self._nodes:
            rect = rect.united(node.sceneBoundingRect())
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def _batches(self) -> tuple[list[QRectF], list[QRectF], list[QLineF], list[QLineF]]:
        if self._cache is None:
            plain, chosen = [], []
            for node in self._nodes:
                (chosen if node.isSelected() or node.highlighted else plain).append(node.symbol_rect())
            lines, marked = [], []
            for link in self._links:
                target = marked if link.isSelected() or link.highlighted else lines
                for points in link.polylines():
                    target.extend(QLineF(*a, *b) for a, b in zip(points, points[1:]))
            self._cache = (plain, chosen, lines, marked)
        return self._cache

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.paint_batches(painter)

    def paint_batches(self, painter: QPainter) -> None:
        """Every symbol as a box and every line as segments, in four calls (also the overview's map)."""
        plain, chosen, lines, marked = self._batches()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(QColor("#777777"), 0)  # cosmetic: one pixel at any zoom
        painter.setPen(pen)
        painter.drawLines(lines)
        painter.setPen(QPen(SELECTION, 0))
        painter.drawLines(marked)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#37474f")))
        painter.drawRects(plain)
        painter.setBrush(QBrush(SELECTION))
        painter.drawRects(chosen)
