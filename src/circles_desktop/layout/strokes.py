"""Diagram items turned into four plain drawing operations every back end can do.

Double and triple lines, zigzags, cut-offs, slashes and arrow heads are geometry, worked out here
once, so the PDF, the SVG, the PNG and the editor's scene draw exactly the same marks. A back end
only needs: a polyline or polygon with a dash pattern, an ellipse, a (rounded) rectangle, and a line
of text.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from .diagram import Align, AnyItem, Bounds, Box, Diagram, Line, Point, Polygon, Shape, Stroke, Text
from .style import COLOURS, DASHES, GENOGRAM, ROUND_CAPS, LinePattern, ShapeKind


@dataclass(frozen=True)
class Pen:
    colour: str
    width: float
    dash: tuple[float, ...] | None = None  # on/off lengths in points
    round_cap: bool = False


@dataclass(frozen=True)
class PathOp:
    points: tuple[Point, ...]
    pen: Pen | None
    closed: bool = False
    fill: str | None = None


@dataclass(frozen=True)
class EllipseOp:
    centre: Point
    rx: float
    ry: float
    pen: Pen | None
    fill: str | None = None


@dataclass(frozen=True)
class RectOp:
    rect: Bounds
    pen: Pen | None
    radius: float = 0.0
    fill: str | None = None


@dataclass(frozen=True)
class TextOp:
    text: str
    at: Point
    size: float
    bold: bool
    align: Align
    colour: str
    halo: bool


Op: TypeAlias = PathOp | EllipseOp | RectOp | TextOp


def diagram_ops(diagram: Diagram) -> Iterator[tuple[AnyItem, list[Op]]]:
    """Each item in drawing order with the operations that draw it."""
    for item in diagram.items:
        yield item, item_ops(item)


def item_ops(item: AnyItem) -> list[Op]:
    if isinstance(item, Shape):
        return _shape_ops(item)
    if isinstance(item, Line):
        return _line_ops(item)
    if isinstance(item, Text):
        return [TextOp(item.text, item.at, item.size, item.bold, item.align, item.colour, item.halo)]
    if isinstance(item, Box):
        return [RectOp(item.rect, _pen(item.stroke), item.radius, item.fill)]
    assert isinstance(item, Polygon)
    return [PathOp(item.points, _pen(item.stroke), closed=True, fill=item.fill)]


def _pen(stroke: Stroke | None) -> Pen | None:
    if stroke is None:
        return None
    dash = DASHES.get(stroke.pattern)
    if dash is not None:
        scale = max(stroke.width, 1.0)
        dash = tuple(length * scale for length in dash)
    return Pen(stroke.colour, stroke.width, dash, stroke.pattern in ROUND_CAPS)


# ----- shapes ----------------------------------------------------------------------------------------


def _shape_ops(shape: Shape) -> list[Op]:
    pen = _pen(shape.stroke)
    ops = _outline(shape.kind, shape.centre, shape.size, pen, shape.fill)
    if shape.double:
        ops += _outline(shape.kind, shape.centre, shape.size + 2 * shape.double_gap, pen, None)
    if shape.crossed and pen is not None:
        ops += _cross(shape.centre, shape.size / 2, Pen(pen.colour, pen.width))
    return ops


def _outline(kind: ShapeKind, centre: Point, size: float, pen: Pen | None, fill: str | None) -> list[Op]:
    x, y = centre
    half = size / 2
    if kind is ShapeKind.SQUARE:
        return [RectOp(Bounds(x - half, y - half, x + half, y + half), pen, 0.0, fill)]
    if kind is ShapeKind.ROUNDED_SQUARE:
        return [RectOp(Bounds(x - half, y - half, x + half, y + half), pen, size * 0.3, fill)]
    if kind is ShapeKind.CIRCLE:
        return [EllipseOp(centre, half, half, pen, fill)]
    if kind is ShapeKind.DOT:
        return [EllipseOp(centre, half, half, pen, pen.colour if pen else COLOURS.ink)]
    if kind is ShapeKind.DIAMOND:
        reach = half * 1.15  # a diamond looks smaller than a square of the same box
        return [PathOp(((x, y - reach), (x + reach, y), (x, y + reach), (x - reach, y)), pen, True, fill)]
    if kind is ShapeKind.TRIANGLE:
        return [PathOp(((x, y - half), (x + half, y + half * 0.8), (x - half, y + half * 0.8)), pen, True, fill)]
    assert kind is ShapeKind.CROSS
    return _cross(centre, half, pen or Pen(COLOURS.ink, GENOGRAM.outline))


def _cross(centre: Point, half: float, pen: Pen) -> list[Op]:
    x, y = centre
    return [
        PathOp(((x - half, y - half), (x + half, y + half)), pen),
        PathOp(((x - half, y + half), (x + half, y - half)), pen),
    ]


# ----- lines -----------------------------------------------------------------------------------------


def _line_ops(line: Line) -> list[Op]:
    points = _dedupe(line.points)
    if len(points) < 2:
        return []
    stroke = line.stroke
    plain = Pen(stroke.colour, stroke.width)
    heads: list[Op] = []
    if line.arrow_end:
        points, head = _arrow(points, stroke)
        heads.append(head)
    if line.arrow_start:
        reversed_points, head = _arrow(points[::-1], stroke)
        points = reversed_points[::-1]
        heads.append(head)
    if stroke.pattern in DASHES:
        ops: list[Op] = [PathOp(points, _pen(stroke))]
    else:
        ops = [PathOp(p, plain) for p in _pattern_paths(points, stroke.pattern)]
    ops += _pattern_marks(points, stroke.pattern, plain)
    if line.slashes:
        ops += _slashes(points, line.slashes, line.marks_at, plain)
    ops += heads
    if line.tag:  # beside the middle of the line, on its upper side, so the pattern stays visible
        (mx, my), (dx, dy) = point_at(points, length(points) / 2)
        nx, ny = (dy, -dx) if -dx < 0 or (dx == 0 and dy > 0) else (-dy, dx)
        reach = line.tag_size * 0.55 + 2.5 + (GENOGRAM.parallel_gap if stroke.pattern is LinePattern.TRIPLE else 0)
        cx, cy = mx + nx * reach, my + ny * reach
        ops.append(TextOp(line.tag, (cx, cy + line.tag_size * 0.35), line.tag_size, False, Align.MIDDLE,
                          stroke.colour, True))
    return ops


def _pattern_paths(points: tuple[Point, ...], pattern: LinePattern) -> list[tuple[Point, ...]]:
    g = GENOGRAM
    if pattern is LinePattern.DOUBLE:
        return [offset(points, -g.parallel_gap / 2), offset(points, g.parallel_gap / 2)]
    if pattern is LinePattern.TRIPLE:
        return [offset(points, -g.parallel_gap), points, offset(points, g.parallel_gap)]
    if pattern is LinePattern.ZIGZAG:
        return [zigzag(points)]
    if pattern is LinePattern.ZIGZAG_ON_LINE:
        return [points, zigzag(points)]
    if pattern is LinePattern.BROKEN:
        total = length(points)
        return [sub_path(points, 0.0, (total - g.break_gap) / 2), sub_path(points, (total + g.break_gap) / 2, total)]
    return [points]


def _pattern_marks(points: tuple[Point, ...], pattern: LinePattern, pen: Pen) -> list[Op]:
    """The two short bars of a cut-off (and of a repaired one, where the line runs through them)."""
    if pattern not in (LinePattern.BROKEN, LinePattern.BROKEN_REPAIRED):
        return []
    total = length(points)
    ops: list[Op] = []
    for s in ((total - GENOGRAM.break_gap) / 2, (total + GENOGRAM.break_gap) / 2):
        (x, y), (dx, dy) = point_at(points, s)
        h = GENOGRAM.break_bar / 2
        ops.append(PathOp(((x - dy * h, y + dx * h), (x + dy * h, y - dx * h)), pen))
    return ops


def _slashes(points: tuple[Point, ...], count: int, at: Point | None, pen: Pen) -> list[Op]:
    total = length(points)
    centre = nearest_length(points, at) if at is not None else total / 2
    ops: list[Op] = []
    for i in range(count):
        s = centre + (i - (count - 1) / 2) * GENOGRAM.slash_gap
        (x, y), (dx, dy) = point_at(points, s)
        # Slanted like "/" on a left-to-right line: 60 degrees from the line.
        cos, sin = 0.5, -math.sqrt(3) / 2
        vx, vy = dx * cos - dy * sin, dx * sin + dy * cos
        h = GENOGRAM.slash / 2
        ops.append(PathOp(((x - vx * h, y - vy * h), (x + vx * h, y + vy * h)), pen))
    return ops


def _arrow(points: tuple[Point, ...], stroke: Stroke) -> tuple[tuple[Point, ...], Op]:
    """Shorten the line so its end is hidden under a filled arrow head at the last point."""
    total = length(points)
    size = GENOGRAM.arrow + stroke.width
    tip = points[-1]
    base, (dx, dy) = point_at(points, max(total - size, 0.0))
    half = GENOGRAM.arrow_width / 2 + stroke.width / 2
    head = PathOp(
        (tip, (base[0] - dy * half, base[1] + dx * half), (base[0] + dy * half, base[1] - dx * half)),
        None, closed=True, fill=stroke.colour,
    )
    return sub_path(points, 0.0, max(total - size * 0.8, 0.0)), head


# ----- polyline geometry -------------------------------------------------------------------------------


def _dedupe(points: Sequence[Point]) -> tuple[Point, ...]:
    out: list[Point] = []
    for p in points:
        if not out or math.dist(out[-1], p) > 1e-6:
            out.append((float(p[0]), float(p[1])))
    return tuple(out)


def length(points: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def point_at(points: Sequence[Point], s: float) -> tuple[Point, Point]:
    """The point ``s`` points along the polyline, and the unit direction there."""
    s = max(s, 0.0)
    for a, b in zip(points, points[1:]):
        seg = math.dist(a, b)
        if seg == 0:
            continue
        direction = ((b[0] - a[0]) / seg, (b[1] - a[1]) / seg)
        if s <= seg:
            return (a[0] + direction[0] * s, a[1] + direction[1] * s), direction
        s -= seg
    a, b = points[-2], points[-1]
    seg = math.dist(a, b) or 1.0
    return b, ((b[0] - a[0]) / seg, (b[1] - a[1]) / seg)


def nearest_length(points: Sequence[Point], target: Point) -> float:
    """How far along the polyline its point nearest to ``target`` lies."""
    best, best_d, walked = 0.0, math.inf, 0.0
    for a, b in zip(points, points[1:]):
        seg = math.dist(a, b)
        if seg == 0:
            continue
        t = ((target[0] - a[0]) * (b[0] - a[0]) + (target[1] - a[1]) * (b[1] - a[1])) / (seg * seg)
        t = min(max(t, 0.0), 1.0)
        p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        d = math.dist(p, target)
        if d < best_d:
            best, best_d = walked + t * seg, d
        walked += seg
    return best


def sub_path(points: Sequence[Point], s0: float, s1: float) -> tuple[Point, ...]:
    """The part of the polyline between lengths ``s0`` and ``s1``."""
    out = [point_at(points, s0)[0]]
    walked = 0.0
    for a, b in zip(points, points[1:]):
        walked += math.dist(a, b)
        if s0 < walked < s1:
            out.append(b)
    out.append(point_at(points, s1)[0])
    return _dedupe(out) if len(_dedupe(out)) > 1 else tuple(out)


def offset(points: Sequence[Point], d: float) -> tuple[Point, ...]:
    """The polyline moved ``d`` points to its left (mitred at corners)."""
    normals = []
    for a, b in zip(points, points[1:]):
        seg = math.dist(a, b) or 1.0
        normals.append(((b[1] - a[1]) / seg, -(b[0] - a[0]) / seg))
    out = []
    for i, p in enumerate(points):
        n_in = normals[max(i - 1, 0)]
        n_out = normals[min(i, len(normals) - 1)]
        nx, ny = n_in[0] + n_out[0], n_in[1] + n_out[1]
        norm = math.hypot(nx, ny) or 1.0
        nx, ny = nx / norm, ny / norm
        cos = nx * n_out[0] + ny * n_out[1]
        scale = d / max(cos, 0.3)
        out.append((p[0] + nx * scale, p[1] + ny * scale))
    return tuple(out)


def zigzag(points: Sequence[Point]) -> tuple[Point, ...]:
    """A regular zigzag along the polyline, with short straight ends so it meets symbols cleanly."""
    g = GENOGRAM
    total = length(points)
    lead = min(4.0, total / 4)
    step = g.zigzag_wavelength / 2
    out = [tuple(points[0])]
    s, side = lead, 1.0
    out.append(point_at(points, lead)[0])
    while s + step < total - lead:
        s += step
        (x, y), (dx, dy) = point_at(points, s)
        out.append((x + dy * g.zigzag_amplitude * side, y - dx * g.zigzag_amplitude * side))
        side = -side
    out.append(point_at(points, total - lead)[0])
    out.append(tuple(points[-1]))
    return _dedupe(out)  # type: ignore[arg-type]
