"""The genogram's lines, routed from symbol positions: couple lines, elbows to children, carers, feelings.

Printed genograms use square elbows: from the couple's union point down to a horizontal sibling bar,
then straight down to each child; twins meet the bar at one point. Graphviz curves cannot do that, so
dot only places the symbols and every line is worked out here from the positions.

Vertical rhythm of one generation (y grows downwards)::

    ───────┬────────────  sibling bars (staggered where two families' bars would overlap)
           │
       b. 1980             years, above the symbol
    ┌───┐      ( )         symbols; a couple line joins neighbours at mid-height
    └───┘──┬───( )
     John  │  Mary         names, below the symbol
           │               the stem down to the children's bar
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from typing import NamedTuple

from ..graph.model import EmotionalType, ParentageType
from .diagram import Point
from .families import Families, Sibship
from .style import EMOTIONAL_LOOK, FONTS, GENOGRAM, ShapeKind

COUPLE = "couple"
STEM = "stem"
BAR = "bar"
DROP = "drop"
TWINS = "twins"
TWIN_BAR = "twin_bar"
CARER = "carer"
EMOTIONAL = "emotional"

# Notation keys of the lines, made once (reading an enum's value is slow in Python 3.11).
PARENTAGE_STYLE = {t: f"parentage:{t.value}" for t in ParentageType}
EMOTIONAL_STYLE = {t: f"emotional:{t.value}" for t in EmotionalType}


class Placed(NamedTuple):
    """A person's symbol on the page, with the room its labels take above and below it.

    (Named tuples rather than frozen dataclasses here: thousands are made per layout, and a named
    tuple is made several times faster.)
    """

    x: float
    y: float
    size: float
    shape: ShapeKind
    name_height: float  # below the symbol
    years_height: float  # above the symbol
    label_width: float
    ring: float = 0.0  # the second outline of the child at the centre lies this far outside

    @property
    def top(self) -> float:
        return self.y - self.size / 2 - self.ring

    @property
    def bottom(self) -> float:
        return self.y + self.size / 2 + self.ring

    @property
    def label_top(self) -> float:
        return self.top - self.years_height

    @property
    def label_bottom(self) -> float:
        return self.bottom + self.name_height

    def top_at(self, dx: float) -> float:
        """Where a vertical line ``dx`` from the centre meets the top of the (outer) outline."""
        half = self.size / 2 + self.ring
        dx = min(abs(dx), half * 0.95)
        if self.shape in (ShapeKind.CIRCLE, ShapeKind.DOT):
            return self.y - math.sqrt(half * half - dx * dx)
        if self.shape is ShapeKind.DIAMOND:
            return self.y - (half * 1.15 - dx)
        return self.top

    def bottom_at(self, dx: float) -> float:
        return 2 * self.y - self.top_at(dx)


class RoutedLine(NamedTuple):
    """One routed line: what it is (``kind``), the notation it is drawn in (``style``) and its ends.

    ``start_node``/``end_node`` name the people whose symbols the first/last point touches (None
    where it starts on a couple line or a sibling bar).
    """

    kind: str
    points: tuple[Point, ...]
    style: str
    rel_ids: tuple[str, ...] = ()
    start_node: str | None = None
    end_node: str | None = None
    union: str = ""
    marks_at: Point | None = None
    directed: bool = False


class UnionPoint(NamedTuple):
    """Where a couple's (or single parent's) children descend from."""

    id: str
    partners: tuple[str, ...]
    point: Point
    rel_ids: tuple[str, ...]
    style: str


def _overlapping_levels(intervals: list[tuple[float, float, str]], margin: float) -> dict[str, int]:
    """Give each interval the lowest level where it overlaps no interval already there (shortest first).

    Each level keeps its intervals sorted and disjoint, so one bisection finds the only neighbour that
    could overlap: O(n log n) even for the thousands of bars of a big tree's widest row.
    """
    levels: dict[str, int] = {}
    starts: list[list[float]] = []
    ends: list[list[float]] = []
    for lo, hi, key in sorted(intervals, key=lambda t: (t[1] - t[0], t[0])):
        level = 0
        while True:
            if level == len(starts):
                starts.append([])
                ends.append([])
            i = bisect.bisect_left(starts[level], hi + margin)
            if i == 0 or ends[level][i - 1] + margin <= lo:
                break
            level += 1
        starts[level].insert(i, lo)
        ends[level].insert(i, hi)
        levels[key] = level
    return levels


class _Rows:
    """People grouped by the row they stand on, to ask who stands between two symbols."""

    def __init__(self, placed: dict[str, Placed]) -> None:
        self._placed = placed
        by_row: dict[float, list[float]] = defaultdict(list)
        for p in placed.values():
            by_row[round(p.y, 1)].append(p.x)
        self._xs = {row: sorted(xs) for row, xs in by_row.items()}

    def between(self, a: str, b: str) -> bool:
        pa, pb = self._placed[a], self._placed[b]
        if round(pa.y, 1) != round(pb.y, 1):
            return True
        lo, hi = sorted((pa.x, pb.x))
        xs = self._xs[round(pa.y, 1)]
        return bisect.bisect_left(xs, hi - 0.5) > bisect.bisect_right(xs, lo + 0.5)


def route(families: Families, placed: dict[str, Placed], union_x: dict[str, float | None]
          ) -> tuple[list[UnionPoint], list[RoutedLine]]:
    rows = _Rows(placed)
    unions, lines = _couples(families, placed, union_x, rows)
    points = {u.id: u for u in unions}
    descents, bars = _descents(families, placed, points)
    lines += descents
    lines += _carers(families, placed, points, bars)
    floors: dict[float, float] = defaultdict(float)  # per row: the deepest couple line running under it
    for line in lines:
        if line.kind == COUPLE and len(line.points) == 4 and line.start_node:
            row = round(placed[line.start_node].y, 1)
            floors[row] = max(floors[row], line.points[1][1])
    lines += _emotional(families, placed, rows, floors)
    return unions, lines


def _couples(families: Families, placed: dict[str, Placed], union_x: dict[str, float | None], rows: _Rows
             ) -> tuple[list[UnionPoint], list[RoutedLine]]:
    g = GENOGRAM
    with_children = {s.union for s in families.sibships} | {c.union for c in families.carers if c.union}
    spanning = []
    for couple in families.couples:
        left, right = sorted((couple.left, couple.right), key=lambda pid: placed[pid].x)
        if rows.between(left, right):
            spanning.append((placed[left].x, placed[right].x, couple.id))
    levels = _overlapping_levels(spanning, margin=2.0)

    unions: list[UnionPoint] = []
    lines: list[RoutedLine] = []
    for couple in families.couples:
        left, right = sorted((couple.left, couple.right), key=lambda pid: placed[pid].x)
        a, b = placed[left], placed[right]
        ux = union_x.get(couple.id)
        if couple.id in levels:
            depth = max(a.label_bottom, b.label_bottom) + g.couple_drop + levels[couple.id] * g.couple_step
            lx, rx = a.x + a.size * 0.3, b.x - b.size * 0.3
            pts = ((lx, a.bottom_at(a.size * 0.3)), (lx, depth), (rx, depth), (rx, b.bottom_at(b.size * 0.3)))
            y, lo, hi = depth, lx, rx
        else:
            y = a.y
            lo, hi = a.x + _half_width_at(a, 0.0), b.x - _half_width_at(b, 0.0)
            pts = ((lo, y), (hi, y))
        if ux is None or not lo + 3 <= ux <= hi - 3:
            ux = (lo + hi) / 2 if ux is None or hi - lo < 6 else min(max(ux, lo + 3), hi - 3)
        marks = (ux, y)
        if couple.id in with_children:  # slashes beside the stem, not across it
            marks = ((lo + ux) / 2, y) if ux - lo >= hi - ux else ((ux + hi) / 2, y)
        style = f"partnership:{couple.type}"
        unions.append(UnionPoint(couple.id, (left, right), (ux, y), couple.rel_ids, style))
        lines.append(RoutedLine(COUPLE, pts, style, couple.rel_ids, left, right, couple.id, marks))
    return unions, lines


def _origin(sibship_union: str, placed: dict[str, Placed], unions: dict[str, UnionPoint]) -> Point | None:
    if sibship_union in unions:
        return unions[sibship_union].point
    parent = placed.get(sibship_union)
    return (parent.x, parent.bottom) if parent else None


def _descents(families: Families, placed: dict[str, Placed], unions: dict[str, UnionPoint]
              ) -> tuple[list[RoutedLine], dict[str, tuple[float, float, float]]]:
    """The elbows from each union to its children, and each union's sibling bar (y, left, right)."""
    g = GENOGRAM
    twin_of: dict[str, tuple[str, tuple[str, ...]]] = {}
    for key, members in families.twin_groups.items():
        for member in members:
            twin_of[member] = (key, members)

    plans = []
    for sibship in families.sibships:
        origin = _origin(sibship.union, placed, unions)
        if origin is None:
            continue
        anchors = _anchors(sibship, placed, twin_of)
        xs = [origin[0], *(x for x, _ in anchors.values())]
        base = min(placed[link.child].label_top for link in sibship.children) - 7.0
        plans.append((sibship, origin, anchors, base, min(xs), max(xs)))
    # Bars of different families that would overlap on the same row are staggered upwards.
    by_row: dict[float, list[tuple[float, float, str]]] = defaultdict(list)
    for sibship, _, _, base, lo, hi in plans:
        by_row[round(base)].append((lo, hi, sibship.union))
    levels: dict[str, int] = {}
    for intervals in by_row.values():
        levels.update(_overlapping_levels(intervals, margin=6.0))

    lines: list[RoutedLine] = []
    bars: dict[str, tuple[float, float, float]] = {}
    for sibship, origin, anchors, base, lo, hi in plans:
        bar_y = base - levels[sibship.union] * g.bar_step
        if origin[1] < bar_y - 2:
            bar_y = max(bar_y, origin[1] + 6)
        lines += _sibship_lines(sibship, origin, anchors, bar_y, lo, hi, placed, families)
        bars[sibship.union] = (bar_y, lo, hi)
    return lines, bars


def _anchors(sibship: Sibship, placed: dict[str, Placed], twin_of: dict[str, tuple[str, tuple[str, ...]]]
             ) -> dict[str, tuple[float, str]]:
    """For each child, the x where its line leaves the sibling bar, and its twin group (or "")."""
    anchors = {}
    for link in sibship.children:
        key, members = twin_of.get(link.child, ("", (link.child,)))
        shown = [m for m in members if m in placed]
        anchors[link.child] = (sum(placed[m].x for m in shown) / len(shown), key)
    return anchors


def _sibship_lines(sibship: Sibship, origin: Point, anchors: dict[str, tuple[float, str]], bar_y: float,
                   lo: float, hi: float, placed: dict[str, Placed], families: Families) -> list[RoutedLine]:
    types = {link.type for link in sibship.children}
    trunk = "parentage:birth" if len(types) != 1 else PARENTAGE_STYLE[next(iter(types))]
    ox, oy = origin
    lines: list[RoutedLine] = []
    only = sibship.children[0] if len(sibship.children) == 1 else None
    if only is not None and not anchors[only.child][1] and abs(placed[only.child].x - ox) < 4.0:
        child = placed[only.child]  # straight under the union: one line, no bar
        style = PARENTAGE_STYLE[only.type]
        return [RoutedLine(DROP, ((ox, oy), (ox, child.top_at(ox - child.x))), style, only.rel_ids, None,
                           only.child, sibship.union)]
    lines.append(RoutedLine(STEM, ((ox, oy), (ox, bar_y)), trunk, (), None, None, sibship.union))
    if hi - lo > 0.5:
        lines.append(RoutedLine(BAR, ((lo, bar_y), (hi, bar_y)), trunk, (), None, None, sibship.union))
    twin_lines: dict[str, list[RoutedLine]] = defaultdict(list)
    for link in sibship.children:
        child = placed[link.child]
        ax, twin_key = anchors[link.child]
        style = PARENTAGE_STYLE[link.type]
        if twin_key:
            line = RoutedLine(TWINS, ((ax, bar_y), (child.x, child.top_at(0))), style, link.rel_ids, None,
                              link.child, sibship.union)
            twin_lines[twin_key].append(line)
        else:
            line = RoutedLine(DROP, ((child.x, bar_y), (child.x, child.top_at(0))), style, link.rel_ids, None,
                              link.child, sibship.union)
        lines.append(line)
    for key, pair in twin_lines.items():
        if key in families.identical and len(pair) >= 2:
            ends = [_lerp(line.points[0], line.points[1], 0.45) for line in (pair[0], pair[-1])]
            lines.append(RoutedLine(TWIN_BAR, (ends[0], ends[1]), "twins:identical", (), None, None, sibship.union))
    return lines


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _carers(families: Families, placed: dict[str, Placed], unions: dict[str, UnionPoint],
            bars: dict[str, tuple[float, float, float]]) -> list[RoutedLine]:
    """Carers' lines come into the child's side at mid-height, so they never read as a birth line.

    A birth line comes down into the top of the symbol; an adoptive, foster, kinship or step line
    comes in from the side, in its own pattern, down a lane beside the child. When the carers have
    children of their own in the child's generation, the line leaves the end of their sibling bar,
    so the child reads as one of that family's children, in the carers' pattern; otherwise it leaves
    their union point (or the single carer) and turns just above the child's row.
    """
    lines: list[RoutedLine] = []
    count: dict[tuple[str, float], int] = defaultdict(int)
    for link in families.carers:
        child = placed[link.child]
        union = link.union or link.carers[0]
        if link.union and link.union not in unions:
            continue
        ox, oy = unions[link.union].point if link.union else (placed[union].x, placed[union].bottom)
        bar = bars.get(union)
        side = -1.0 if ox < child.x else 1.0  # the side of the child the line comes in from
        k = count[(link.child, side)]
        count[(link.child, side)] += 1
        y = child.y + 5.0 * k
        edge = child.x + side * _half_width_at(child, abs(y - child.y))
        lane = child.x + side * (child.size / 2 + child.ring + 9.0 + 5.0 * k)
        from_bar = bar is not None and child.label_top - 45 < bar[0] < child.label_top
        if bar is not None and from_bar:  # the carers' children are in the child's generation
            bar_y, lo, hi = bar
            start = min(max(lane, lo), hi)
            pts: tuple[Point, ...] = ((start, bar_y), (lane, bar_y), (lane, y), (edge, y))
        elif oy < child.label_top - 4:  # from above: down, across just above the child's row, down the lane
            turn = child.label_top - 3.0 - 3.0 * k
            pts = ((ox, oy), (ox, turn), (lane, turn), (lane, y), (edge, y))
        else:  # a carer on the same row or below: under the names, then up the lane
            low = max(child.label_bottom, oy) + 8 + 4 * k
            pts = ((ox, oy), (ox, low), (lane, low), (lane, y), (edge, y))
        start_node = None if link.union or from_bar else link.carers[0]
        lines.append(RoutedLine(CARER, pts, PARENTAGE_STYLE[link.type], link.rel_ids, start_node, link.child,
                                union))
    return lines


def _emotional(families: Families, placed: dict[str, Placed], rows: _Rows, floors: dict[float, float]
               ) -> list[RoutedLine]:
    g = GENOGRAM
    groups: dict[frozenset[str], list] = defaultdict(list)
    for rel in families.emotional:
        groups[frozenset((rel.source, rel.target))].append(rel)
    lines: list[RoutedLine] = []
    for rels in groups.values():
        # room for a word beside each line when any of them carries one
        spacing = g.emotion_spacing + (FONTS.tag + 3.0 if any(EMOTIONAL_LOOK[r.type].tag for r in rels) else 0.0)
        for k, rel in enumerate(rels):
            a, b = placed[rel.source], placed[rel.target]
            pts = _emotion_path(a, b, k, len(rels), rows.between(rel.source, rel.target), spacing,
                                floors.get(round(a.y, 1), -math.inf))
            lines.append(RoutedLine(EMOTIONAL, pts, EMOTIONAL_STYLE[rel.type], (rel.id,), rel.source,
                                    rel.target, "", None, rel.type.directed))
    return lines


def _emotion_path(a: Placed, b: Placed, k: int, n: int, blocked: bool, spacing: float, floor: float
                  ) -> tuple[Point, ...]:
    gap = GENOGRAM.emotion_gap
    same_row = abs(a.y - b.y) < 0.5
    if same_row and not blocked and k == 0:  # neighbours: a straight line above their couple line
        y = a.y - a.size * 0.42
        sign = 1.0 if b.x > a.x else -1.0
        dy_a, dy_b = abs(y - a.y), abs(y - b.y)
        return ((a.x + sign * (_half_width_at(a, dy_a) + gap), y), (b.x - sign * (_half_width_at(b, dy_b) + gap), y))
    if same_row:  # others stand between them, or the straight line is taken: under the row, below the names
        k = k - 1 if not blocked else k
        low = max(a.label_bottom, b.label_bottom, floor) + 7 + spacing - GENOGRAM.emotion_spacing + k * spacing
        sign = 1.0 if b.x > a.x else -1.0
        ax, bx = a.x + sign * a.size * 0.3, b.x - sign * b.size * 0.3
        return ((ax, a.bottom_at(a.size * 0.3) + gap), (ax, low), (bx, low), (bx, b.bottom_at(b.size * 0.3) + gap))
    # Between generations: aim at the symbols' shoulders, not their centres, so the line does not
    # arrive where the line from the parents comes into the top (or leaves the bottom for children).
    lean = 1.0 if b.x >= a.x else -1.0
    a_aim = (a.x + lean * a.size * 0.3, a.y)
    b_aim = (b.x - lean * b.size * 0.3, b.y)
    dx, dy = b_aim[0] - a_aim[0], b_aim[1] - a_aim[1]
    dist = math.hypot(dx, dy) or 1.0
    ux, uy = dx / dist, dy / dist
    shift = (k - (n - 1) / 2) * spacing
    nx, ny = -uy * shift, ux * shift
    start = _leave(a, (a_aim[0] + nx, a_aim[1] + ny), (ux, uy), gap)
    end = _leave(b, (b_aim[0] + nx, b_aim[1] + ny), (-ux, -uy), gap)
    return (start, end)


def _leave(p: Placed, inside: Point, direction: Point, gap: float) -> Point:
    """Where a ray from a point inside the symbol leaves its (outer) outline, plus ``gap``."""
    half = p.size / 2 + p.ring

    def contains(x: float, y: float) -> bool:
        dx, dy = abs(x - p.x), abs(y - p.y)
        if p.shape in (ShapeKind.CIRCLE, ShapeKind.DOT):
            return dx * dx + dy * dy <= half * half
        if p.shape is ShapeKind.DIAMOND:
            return dx + dy <= half * 1.15
        return dx <= half and dy <= half

    lo, hi = 0.0, 2.0 * half
    for _ in range(24):  # bisection: the ray starts inside and is outside after two half-sizes
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if contains(inside[0] + direction[0] * mid, inside[1] + direction[1] * mid) else (lo, mid)
    reach = hi + gap
    return (inside[0] + direction[0] * reach, inside[1] + direction[1] * reach)


def _half_width_at(p: Placed, dy: float) -> float:
    """Half the width of the symbol ``dy`` above or below its centre."""
    half = p.size / 2 + p.ring
    dy = min(dy, half * 0.95)
    if p.shape in (ShapeKind.CIRCLE, ShapeKind.DOT):
        return math.sqrt(half * half - dy * dy)
    if p.shape is ShapeKind.DIAMOND:
        return half * 1.15 - dy
    return half
