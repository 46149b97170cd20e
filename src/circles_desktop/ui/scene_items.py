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
from dataclasses import dataclass, replace
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from ..layout.diagram import AnyItem, Bounds, Diagram, Line, Point, Polygon, Shape, Text
from ..layout.style import FONTS, GENOGRAM, LinePattern
from .diagram_painter import paint_item

SELECTION = QColor("#00796b")
SELECTION_FILL = QColor(0, 121, 107, 38)
HOVER_FILL = QColor(0, 121, 107, 20)
HIGHLIGHT = QColor("#00897b")
RELATED_FILL = QColor(0, 137, 123, 16)
SKETCH_RELATED = QColor("#80cbc4")

# How "selected" and "related to the selection" differ, by weight and shape, not by hue alone:
# a selected symbol has a thick solid frame with handles at its corners, a related one a thin dashed
# frame; a selected line a wide band with a crisp edge, a related line a narrower soft band.
SELECTED_FRAME_PIXELS = 2.5
RELATED_FRAME_PIXELS = 1.0
HANDLE_PIXELS = 6.0
FRAME_GAP = 5.0  # points between a symbol and its frame
MOST_FRAME_POINTS = 6.0  # zoomed far out, pixel-sized parts stop growing in points at this
HALO_EXTRA = 6.0  # points a selected line's band is wider than the line (with its pattern)
RELATED_HALO_EXTRA = 3.0
HALO_EXTRA_PIXELS = 6.0  # and at least this many pixels, so it still shows zoomed out
MOST_HALO_EXTRA = 14.0

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


def _pixels(pixels: float, lod: float) -> float:
    """A size that looks ``pixels`` wide on screen, in points; capped when zoomed far out."""
    return min(pixels / max(lod, 0.05), MOST_FRAME_POINTS)


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


class _LiftedWhenSelected:
    """Selected lines are drawn above their peers, so a selected line's band is not cut by the
    lines that cross it. (Symbols are not lifted: a neighbour's name stays above a selection frame.)"""

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(math.floor(self.zValue()) + (0.5 if value else 0.0))  # type: ignore[attr-defined]
        return super().itemChange(change, value)  # type: ignore[misc]


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
        self._words: list[QRectF] = []  # where its own words are, around the symbol's centre
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
                reach = FRAME_GAP + MOST_FRAME_POINTS + 1.0  # the selection frame and its handles
                self._rect = _qrect(whole).adjusted(-4, -4, 4, 4).united(
                    self._symbol.adjusted(-reach, -reach, reach, reach))
                path = QPainterPath()
                path.addRect(_qrect(whole))
                self._shape = path
                self._words = [_qrect(i.bounds).adjusted(-1, -1, 1, 1) for i in local if isinstance(i, Text)]
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
        frame = self.frame_style(lod)
        if frame is not None:
            pen, brush, handles = frame
            painter.save()
            clear = self._clear_of_words() if text_visible(lod) else None
            if clear is not None:  # the frame stops short of names: never struck through
                painter.setClipPath(clear)
            painter.setPen(pen)
            painter.setBrush(brush)
            rect = self.frame_rect()
            painter.drawRoundedRect(rect, 6, 6)
            if handles:
                self._paint_handles(painter, rect, lod)
            painter.restore()
        paint_items(painter, self._drawing if text_visible(lod) else self._shapes)

    def _clear_of_words(self) -> QPainterPath | None:
        """Everywhere the item paints except on words, its own or a neighbour's that come close
        (a tight layout can put a name within a frame's reach); None when no words are near."""
        words = QPainterPath()
        for rect in self._words:
            words.addRect(rect)
        scene = self.scene()
        if scene is not None:
            for item in scene.items(self.mapRectToScene(self._rect)):
                if isinstance(item, NodeItem) and item is not self:
                    for rect in item._words:
                        words.addRect(self.mapRectFromItem(item, rect))
        if words.isEmpty():
            return None
        everywhere = QPainterPath()
        everywhere.addRect(self._rect)
        return everywhere.subtracted(words)

    def frame_rect(self) -> QRectF:
        return self._symbol.adjusted(-FRAME_GAP, -FRAME_GAP, FRAME_GAP, FRAME_GAP)

    def frame_style(self, lod: float) -> tuple[QPen, QBrush, bool] | None:
        """The frame round the symbol: (outline, fill, corner handles), or None for no frame.

        Selected: a thick solid outline with handles, as drawing programs mark what they will act
        on. Related to the selection (or hovered one): a thin dashed outline, no handles. Hovered
        alone: a faint fill. The differences are in weight and shape, so they do not rest on hue.
        """
        if self.isSelected():
            pen = QPen(SELECTION, _pixels(SELECTED_FRAME_PIXELS, lod))
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            return pen, QBrush(SELECTION_FILL), True
        if self.highlighted:
            pen = QPen(HIGHLIGHT, _pixels(RELATED_FRAME_PIXELS, lod), Qt.PenStyle.DashLine)
            return pen, QBrush(RELATED_FILL), False
        if self.hovered:
            return QPen(Qt.PenStyle.NoPen), QBrush(HOVER_FILL), False
        return None

    @staticmethod
    def _paint_handles(painter: QPainter, rect: QRectF, lod: float) -> None:
        side = _pixels(HANDLE_PIXELS, lod)
        painter.setPen(QPen(QColor("#ffffff"), _pixels(1.0, lod)))
        painter.setBrush(QBrush(SELECTION))
        for corner in (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()):
            painter.drawRect(QRectF(corner.x() - side / 2, corner.y() - side / 2, side, side))

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


class ConnectorItem(_LiftedWhenSelected, QGraphicsItem):
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
        self._halos: dict[float, QPainterPath] = {}  # by how much wider than the lines
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
        self._halos.clear()
        bounds = _union(drawing)
        reach = self.line_width() / 2 + MOST_HALO_EXTRA / 2 + 2.0  # room for the selection band
        self._rect = _qrect(bounds).adjusted(-reach, -reach, reach, reach) if bounds else QRectF()
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
            edge, fill = self.halo_style(lod)
            painter.setPen(edge)
            painter.setBrush(fill)
            painter.drawPath(self.halo_path(self.halo_extra(lod)))
        items = self._drawing if text_visible(lod) else tuple(i for i in self._drawing if not isinstance(i, Text))
        paint_items(painter, items)

    def line_width(self) -> float:
        """How wide the widest line looks, its pattern included (a double line, a zigzag)."""
        return max((_spread(item) for item in self._drawing if isinstance(item, (Line, Polygon))), default=0.0)

    def halo_width(self, lod: float) -> float:
        """The band under a selected or related line, across: 0 when it is neither."""
        return self.line_width() + self.halo_extra(lod) if self.isSelected() or self.highlighted else 0.0

    def halo_extra(self, lod: float) -> float:
        """How much wider than its line the band is: HALO_EXTRA points (at least HALO_EXTRA_PIXELS
        on screen) when selected, half that when related, in half-point steps so few are cached."""
        share = 1.0 if self.isSelected() else RELATED_HALO_EXTRA / HALO_EXTRA
        extra = min(max(HALO_EXTRA, HALO_EXTRA_PIXELS / max(lod, 0.05)), MOST_HALO_EXTRA) * share
        return round(extra * 2) / 2

    def halo_style(self, lod: float) -> tuple[QPen, QBrush]:
        """Selected: a band with a crisp edge. Related: a fainter band with no edge."""
        if self.isSelected():
            fill = QColor(SELECTION)
            fill.setAlpha(70)
            return QPen(SELECTION, 1.25 / max(lod, 0.05)), QBrush(fill)
        fill = QColor(HIGHLIGHT)
        fill.setAlpha(55)
        return QPen(Qt.PenStyle.NoPen), QBrush(fill)

    def halo_path(self, extra: float) -> QPainterPath:
        """One outline round every line of the drawing, each widened by ``extra`` points: one
        continuous band under dashes, hatching and arrow heads alike."""
        path = self._halos.get(extra)
        if path is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
            for item in self._drawing:
                if isinstance(item, (Line, Polygon)) and len(item.points) > 1:
                    line = QPainterPath(QPointF(*item.points[0]))
                    for point in item.points[1:]:
                        line.lineTo(*point)
                    if isinstance(item, Polygon):
                        line.closeSubpath()
                    stroker = QPainterPathStroker()
                    stroker.setWidth(_spread(item) + extra)
                    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
                    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                    path.addPath(stroker.createStroke(line))
            path = path.simplified()
            self._halos[extra] = path
        return path

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


_PATTERN_SPREAD: dict[LinePattern, float] = {
    LinePattern.DOUBLE: GENOGRAM.parallel_gap,
    LinePattern.TRIPLE: 2 * GENOGRAM.parallel_gap,
    LinePattern.ZIGZAG: 2 * GENOGRAM.zigzag_amplitude,
    LinePattern.ZIGZAG_ON_LINE: 2 * GENOGRAM.zigzag_amplitude,
}


def _spread(item: Line | Polygon) -> float:
    """How wide a line looks across: its pen, plus the room its pattern takes beside the path."""
    stroke = item.stroke
    if stroke is None:
        return 0.0
    return stroke.width + _PATTERN_SPREAD.get(stroke.pattern, 0.0)


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
        self._cache: _Batches | None = None
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

    def _batches(self) -> _Batches:
        if self._cache is None:
            batches = _Batches([], [], [], [], [], [])
            for node in self._nodes:
                rect = node.symbol_rect()
                if node.isSelected():  # bigger, and outlined: not only another colour
                    grow = rect.width() * 0.3
                    batches.selected.append(rect.adjusted(-grow, -grow, grow, grow))
                else:
                    (batches.related if node.highlighted else batches.plain).append(rect)
            for link in self._links:
                target = batches.chosen_lines if link.isSelected() else \
                    batches.related_lines if link.highlighted else batches.lines
                for points in link.polylines():
                    target.extend(QLineF(*a, *b) for a, b in pairwise(points))
            self._cache = batches
        return self._cache

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.paint_batches(painter)

    def paint_batches(self, painter: QPainter) -> None:
        """Every symbol as a box and every line as segments, a few calls in all (also the overview's
        map). Selected boxes are bigger and outlined, selected lines thicker, so they stand out by
        size as well as by colour."""
        b = self._batches()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor("#777777"), 0))  # cosmetic: one pixel at any zoom
        painter.drawLines(b.lines)
        painter.setPen(QPen(SKETCH_RELATED, 0))
        painter.drawLines(b.related_lines)
        chosen = QPen(SELECTION, 3)
        chosen.setCosmetic(True)
        painter.setPen(chosen)
        painter.drawLines(b.chosen_lines)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#37474f")))
        painter.drawRects(b.plain)
        painter.setBrush(QBrush(SKETCH_RELATED))
        painter.drawRects(b.related)
        outline = QPen(QColor("#004d40"), 2)
        outline.setCosmetic(True)
        painter.setPen(outline)
        painter.setBrush(QBrush(SELECTION))
        painter.drawRects(b.selected)


@dataclass
class _Batches:
    """What the sketch layer draws, by how it is drawn."""

    plain: list[QRectF]
    related: list[QRectF]
    selected: list[QRectF]
    lines: list[QLineF]
    related_lines: list[QLineF]
    chosen_lines: list[QLineF]
