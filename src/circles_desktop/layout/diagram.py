"""A renderer-neutral drawing: shapes, lines, text and outlines on a page-free canvas in points.

Views (genogram, ecomap, circles) build a :class:`Diagram`; back ends (PDF, SVG, PNG, the editor's
scene) draw it. Items say *what* they mean (a gender symbol, a divorced couple line, a cut-off) and
carry the node or relationship they draw, so the scene can hit-test them and a redacted export can be
checked item by item. How a pattern becomes strokes is decided once, in strokes.py.

Coordinates: x to the right, y downwards (as on screen and in SVG); the PDF back end flips them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property
from typing import TypeAlias

from .style import COLOURS, LinePattern, ShapeKind
from .textsize import estimate_width

Point: TypeAlias = tuple[float, float]


@dataclass(frozen=True)
class Bounds:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def expanded(self, margin: float) -> Bounds:
        return Bounds(self.x0 - margin, self.y0 - margin, self.x1 + margin, self.y1 + margin)

    def union(self, other: Bounds) -> Bounds:
        return Bounds(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def intersects(self, other: Bounds) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def contains(self, other: Bounds) -> bool:
        return self.x0 <= other.x0 and other.x1 <= self.x1 and self.y0 <= other.y0 and other.y1 <= self.y1

    def moved(self, dx: float, dy: float) -> Bounds:
        return Bounds(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)

    @classmethod
    def around(cls, points: Iterable[Point]) -> Bounds:
        xs, ys = zip(*points)
        return cls(min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class Stroke:
    colour: str = COLOURS.ink
    width: float = 1.0
    pattern: LinePattern = LinePattern.SOLID


class Align(str, Enum):
    START = "start"
    MIDDLE = "middle"
    END = "end"


@dataclass(frozen=True, kw_only=True)
class Item:
    """What every drawn thing carries: the node and/or relationship it draws, and which part it is.

    ``part`` names the role in the view ("symbol", "name", "couple", "descent", "emotional",
    "household", "legend", ...), so a scene knows what is selectable and tests can ask for it.
    """

    node_id: str | None = None
    rel_id: str | None = None
    part: str = ""


@dataclass(frozen=True, kw_only=True)
class Shape(Item):
    """A symbol: ``size`` is the side of its square bounding box, centred on ``centre``."""

    kind: ShapeKind
    centre: Point
    size: float
    stroke: Stroke | None = Stroke()
    fill: str | None = COLOURS.paper
    double: bool = False  # a second outline outside the first: the child at the centre
    double_gap: float = 3.0
    crossed: bool = False  # an X through it: deceased

    @property
    def bounds(self) -> Bounds:
        half = self.size / 2 + (self.double_gap if self.double else 0.0)
        x, y = self.centre
        return Bounds(x - half, y - half, x + half, y + half)


@dataclass(frozen=True, kw_only=True)
class Line(Item):
    """An open polyline with a pattern, optional arrow heads, slash marks and a short tag."""

    points: tuple[Point, ...]
    stroke: Stroke = Stroke()
    arrow_start: bool = False
    arrow_end: bool = False
    slashes: int = 0
    marks_at: Point | None = None  # where slashes sit; the middle of the line when None
    tag: str = ""
    tag_size: float = 6.0

    @property
    def bounds(self) -> Bounds:
        return Bounds.around(self.points)


@dataclass(frozen=True, kw_only=True)
class Text(Item):
    """One line of text; ``at`` is on its baseline, at the start, middle or end per ``align``."""

    text: str
    at: Point
    size: float
    bold: bool = False
    align: Align = Align.MIDDLE
    colour: str = COLOURS.ink
    halo: bool = False  # a paper-coloured band behind it, so lines passing under stay readable

    @property
    def bounds(self) -> Bounds:
        width = estimate_width(self.text, self.size, self.bold) * 1.06  # room for the real font to be wider
        x, y = self.at
        x0 = x if self.align is Align.START else x - width / 2 if self.align is Align.MIDDLE else x - width
        return Bounds(x0, y - self.size * 0.8, x0 + width, y + self.size * 0.25)


@dataclass(frozen=True, kw_only=True)
class Box(Item):
    """A rectangle with optional rounded corners (frames, legend boxes)."""

    rect: Bounds
    radius: float = 0.0
    stroke: Stroke | None = Stroke()
    fill: str | None = None

    @property
    def bounds(self) -> Bounds:
        return self.rect


@dataclass(frozen=True, kw_only=True)
class Polygon(Item):
    """A closed outline (a household boundary that follows its members)."""

    points: tuple[Point, ...]
    stroke: Stroke | None = Stroke()
    fill: str | None = None

    @property
    def bounds(self) -> Bounds:
        return Bounds.around(self.points)


AnyItem: TypeAlias = Shape | Line | Text | Box | Polygon


@dataclass(frozen=True)
class Diagram:
    """Items in drawing order (first is at the back), their bounds, and an optional legend.

    ``notation`` lists the notation keys the items use (see legend.py); the legend is built from it,
    so it never shows a symbol that is not on the drawing, nor one that was hidden.
    """

    items: tuple[AnyItem, ...]
    bounds: Bounds
    legend: Diagram | None = None
    notation: tuple[str, ...] = ()
    title: str = ""

    @classmethod
    def of(cls, items: Iterable[AnyItem], margin: float = 0.0, **kwargs: object) -> Diagram:
        """A diagram whose bounds just hold its items (plus ``margin``)."""
        items = tuple(items)
        if items:
            bounds = items[0].bounds
            for item in items[1:]:
                bounds = bounds.union(item.bounds)
        else:
            bounds = Bounds(0.0, 0.0, 1.0, 1.0)
        return cls(items, bounds.expanded(margin), **kwargs)  # type: ignore[arg-type]

    def translated(self, dx: float, dy: float) -> Diagram:
        return replace(
            self,
            items=tuple(_translate(item, dx, dy) for item in self.items),
            bounds=self.bounds.moved(dx, dy),
            legend=self.legend.translated(dx, dy) if self.legend else None,
        )

    def node_ids(self) -> set[str]:
        return {item.node_id for item in self.items if item.node_id}

    def rel_ids(self) -> set[str]:
        return {item.rel_id for item in self.items if item.rel_id}

    def texts(self) -> list[str]:
        texts = [item.text for item in self.items if isinstance(item, Text)]
        texts += [item.tag for item in self.items if isinstance(item, Line) and item.tag]
        return texts + (self.legend.texts() if self.legend else [])

    @cached_property
    def _footprints(self) -> tuple[tuple[Bounds, AnyItem], ...]:
        """Each item with the box it can draw in, measured once (text widths are not free)."""
        return tuple((footprint(item), item) for item in self.items)

    def is_clear(self, rect: Bounds) -> bool:
        """True when nothing of the drawing (its legend aside) is drawn inside ``rect``.

        Finer than comparing bounding boxes: a ring or a long diagonal line has a box that covers
        empty corners, and those corners are where a legend or a page break can go.
        """
        return not any(box.intersects(rect) and _draws_in(item, rect) for box, item in self._footprints)

    def clear_spot(self, width: float, height: float, region: Bounds, clearance: float = 0.0,
                   near: Bounds | None = None) -> Point | None:
        """The top left of a ``width`` x ``height`` space inside ``region``, clear of the drawing by
        ``clearance``, at the region's edge (a corner first) or, given ``near``, as close to that as
        can be: where a key can sit without coming between the people. None when there is no room."""
        if width > region.width + 1e-6 or height > region.height + 1e-6:
            return None
        reach = region.expanded(clearance)
        nearby = [(box, item) for box, item in self._footprints if box.intersects(reach)]
        left, right, top, bottom = region.x0, region.x1 - width, region.y0, region.y1 - height
        steps = 8
        xs = [left + (right - left) * i / steps for i in range(1, steps)]
        ys = [top + (bottom - top) * i / steps for i in range(1, steps)]
        spots = [(left, top), (right, top), (left, bottom), (right, bottom)]
        spots += [(x, y) for y in (top, bottom) for x in xs] + [(x, y) for x in (left, right) for y in ys]
        if near is not None:  # hugging its foot or its right side, and nearest first
            below, beside = near.y1 + clearance, near.x1 + clearance
            spots += [(x, below) for x in (left, near.x0, right)] + [(beside, y) for y in (top, near.y0, bottom)]
            spots = [(x, y) for x, y in spots if left <= x <= right and top <= y <= bottom]
            spots.sort(key=lambda p: _gap(Bounds(p[0], p[1], p[0] + width, p[1] + height), near))
        for x, y in spots:
            rect = Bounds(x, y, x + width, y + height).expanded(clearance)
            if not any(box.intersects(rect) and _draws_in(item, rect) for box, item in nearby):
                return (x, y)
        return None

    def with_legend_at(self, x: float, y: float) -> Diagram:
        """One diagram with the legend's top left corner at (``x``, ``y``)."""
        if self.legend is None:
            return self
        legend = self.legend.translated(x - self.legend.bounds.x0, y - self.legend.bounds.y0)
        return Diagram(self.items + legend.items, self.bounds.union(legend.bounds), None, self.notation, self.title)

    def with_legend_placed(self, aspect: float = 297 / 210, gap: float = 18.0) -> Diagram:
        """One diagram with the legend in a free corner of the drawing, else beside or below it,
        whichever lets the whole be drawn largest on a page of this ``aspect``.

        ``aspect`` is the width/height of the page the drawing is for; the default is A-series
        landscape. Back ends call this so every output places the legend the same way.
        """
        if self.legend is None:
            return self
        legend, body = self.legend.bounds, self.bounds
        inside = self.clear_spot(legend.width, legend.height, body, clearance=gap / 2)
        if inside is not None:
            return self.with_legend_at(*inside)

        def page_width_needed(candidate: Diagram) -> float:
            """Drawn on a page of this aspect, the scale is the page width over this: smaller is larger."""
            return max(candidate.bounds.width, candidate.bounds.height * aspect)

        beside = self.with_legend_at(body.x1 + gap, body.y0)
        below = self.with_legend_at(body.x0 + (body.width - legend.width) / 2, body.y1 + gap)  # centred under it
        return min((beside, below), key=page_width_needed)


def footprint(item: AnyItem) -> Bounds:
    """The box ``item`` can draw in: its bounds, and for a line the width of its stroke, tag and arrows."""
    return item.bounds.expanded(_reach(item)) if isinstance(item, Line) else item.bounds


def _reach(line: Line) -> float:
    """How far a line's ink goes from its points: half its stroke, its tag, its arrow heads and slashes."""
    return line.stroke.width / 2 + (line.tag_size if line.tag else 0.0) + (
        4.0 if line.arrow_start or line.arrow_end or line.slashes else 0.0)


def touches(item: AnyItem, rect: Bounds) -> bool:
    """Whether ``item`` draws anything inside ``rect`` (a little generously: strokes count at their width)."""
    return footprint(item).intersects(rect) and _draws_in(item, rect)


def _draws_in(item: AnyItem, rect: Bounds) -> bool:
    """The finer test, for an item whose footprint meets ``rect``: lines by their segments, discs as discs."""
    if isinstance(item, Line):
        grown = rect.expanded(_reach(item))
        return any(segment_crosses(a, b, grown) for a, b in zip(item.points, item.points[1:]))
    if isinstance(item, Shape) and item.kind in (ShapeKind.CIRCLE, ShapeKind.DOT):
        cx, cy = item.centre
        radius = item.bounds.width / 2 + (item.stroke.width / 2 if item.stroke else 0.0)
        nearest_x, nearest_y = min(max(cx, rect.x0), rect.x1), min(max(cy, rect.y0), rect.y1)
        return (nearest_x - cx) ** 2 + (nearest_y - cy) ** 2 < radius**2
    return True


def _gap(a: Bounds, b: Bounds) -> float:
    """How far apart two boxes are (0 when they touch or overlap)."""
    dx = max(b.x0 - a.x1, a.x0 - b.x1, 0.0)
    dy = max(b.y0 - a.y1, a.y0 - b.y1, 0.0)
    return (dx * dx + dy * dy) ** 0.5


def segment_crosses(a: Point, b: Point, rect: Bounds) -> bool:
    """Whether the segment ``a``–``b`` passes through ``rect`` (Liang–Barsky clipping)."""
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    low, high = 0.0, 1.0
    for p, q in ((-dx, ax - rect.x0), (dx, rect.x1 - ax), (-dy, ay - rect.y0), (dy, rect.y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _translate(item: AnyItem, dx: float, dy: float) -> AnyItem:
    def move(p: Point) -> Point:
        return (p[0] + dx, p[1] + dy)

    if isinstance(item, Shape):
        return replace(item, centre=move(item.centre))
    if isinstance(item, Line):
        return replace(item, points=tuple(map(move, item.points)),
                       marks_at=move(item.marks_at) if item.marks_at else None)
    if isinstance(item, Text):
        return replace(item, at=move(item.at))
    if isinstance(item, Box):
        r = item.rect
        return replace(item, rect=Bounds(r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy))
    return replace(item, points=tuple(map(move, item.points)))
