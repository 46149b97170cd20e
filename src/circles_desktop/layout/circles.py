"""Circles of support: the child in the middle of three rings cut into three sectors.

Every person and service the practitioner has placed sits in its ring (closest, close, wider) and its
sector (family, friends and community, professionals), spread evenly in that cell with no two labels
touching; a cell with more people than fit on one arc gets sub-rows and the ring widens. What is
*missing* matters as much as what is there, so an empty sector or ring says so on the picture, and
everyone not placed yet is listed at the side. Positions set by hand are kept, pulled back inside
their cell if the rings have moved.

Coordinates are points, x right, y down, the child at (0, 0). The same coordinates are used by the
editor's scene, so a position the practitioner drags to is stored as it is.

This module also holds what both network views need to know about a node: its sector when none is
set, who it is to the child ("maternal aunt", "school") and the symbol-with-name footprint.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..graph.document import CaseDocument
from ..graph.model import (
    AnyNode,
    Gender,
    Household,
    Parentage,
    ParentageType,
    Partnership,
    Person,
    Point,
    PregnancyState,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
)
from .diagram import Align, Bounds, Text
from .labels import name_lines
from .style import CIRCLES, COLOURS, FONTS, GENOGRAM
from .textsize import wrap

RINGS: tuple[Ring, ...] = (Ring.CLOSEST, Ring.CLOSE, Ring.WIDER)
# Clockwise from the top (y grows downwards, so angles grow clockwise on the page).
SECTORS: tuple[Sector, ...] = (Sector.FAMILY, Sector.PROFESSIONAL, Sector.COMMUNITY)
SECTOR_TITLES: dict[Sector, str] = {
    Sector.FAMILY: "Family",
    Sector.COMMUNITY: "Friends and community",
    Sector.PROFESSIONAL: "Professionals",
}
RING_TITLES: dict[Ring, str] = {Ring.CLOSEST: "closest", Ring.CLOSE: "close", Ring.WIDER: "wider"}
EMPTY_SECTOR_NOTES: dict[Sector, str] = {
    Sector.FAMILY: "No family ties yet",
    Sector.COMMUNITY: "No community ties yet",
    Sector.PROFESSIONAL: "No professionals yet",
}
EMPTY_RING_NOTES: dict[Ring, str] = {
    Ring.CLOSEST: "Nobody in the closest circle yet",
    Ring.CLOSE: "Nobody in the close circle yet",
    Ring.WIDER: "Nobody in the wider circle yet",
}
NOT_PLACED_TITLE = "Not placed yet"

# Services that are someone's job to provide; the rest (faith, leisure, community, voluntary) are
# part of the family's own community.
_PROFESSIONAL_SERVICES = frozenset({
    ServiceCategory.EDUCATION, ServiceCategory.HEALTH, ServiceCategory.MENTAL_HEALTH, ServiceCategory.STATUTORY,
    ServiceCategory.LEGAL, ServiceCategory.HOUSING, ServiceCategory.FINANCIAL, ServiceCategory.EMPLOYMENT,
    ServiceCategory.OTHER,
})
_CATEGORY_WORDS: dict[ServiceCategory, str] = {
    ServiceCategory.MENTAL_HEALTH: "mental health",
    ServiceCategory.OTHER: "service",
}
_ROLE_WORDS: dict[Role, str] = {
    Role.PARENT: "parent",
    Role.CARER: "carer",
    Role.KINSHIP_CARER: "kinship carer",
    Role.FOSTER_CARER: "foster carer",
    Role.PROFESSIONAL: "professional",
    Role.ADVOCATE: "advocate",
    Role.FRIEND: "friend",
    Role.NEIGHBOUR: "neighbour",
}


# ----- who a node is to the child --------------------------------------------------------------------


def category_word(category: ServiceCategory) -> str:
    return _CATEGORY_WORDS.get(category, category.value.replace("_", " "))


def _gendered(person: Person, female: str, male: str, other: str) -> str:
    return female if person.gender is Gender.FEMALE else male if person.gender is Gender.MALE else other


def _side(parent: Person) -> str:
    return _gendered(parent, "maternal ", "paternal ", "")


_PARENT_WORDS: dict[ParentageType, tuple[str, str, str]] = {
    ParentageType.BIRTH: ("mother", "father", "parent"),
    ParentageType.ADOPTIVE: ("adoptive mother", "adoptive father", "adoptive parent"),
    ParentageType.STEP: ("stepmother", "stepfather", "step-parent"),
    ParentageType.FOSTER: ("foster carer", "foster carer", "foster carer"),
    ParentageType.KINSHIP: ("kinship carer", "kinship carer", "kinship carer"),
}


def _parent_lines(doc: CaseDocument, child_id: str) -> list[tuple[Person, ParentageType]]:
    return [
        (doc.node(rel.source), rel.type)  # type: ignore[misc]
        for rel in doc.relationships_of(child_id)
        if isinstance(rel, Parentage) and rel.target == child_id and isinstance(doc.node(rel.source), Person)
    ]


def _birth_parents(doc: CaseDocument, person_id: str) -> set[str]:
    return {p.id for p in doc.parents_of(person_id, ParentageType.BIRTH)}


def _partners(doc: CaseDocument, person_id: str) -> list[str]:
    return [r.target if r.source == person_id else r.source for r in doc.partnerships_of(person_id)]


def _sibling_word(doc: CaseDocument, a: str, b: Person) -> str:
    """"sister", "half-brother" or "" for someone who is not a sibling of ``a``."""
    mine, theirs = _birth_parents(doc, a), _birth_parents(doc, b.id)
    shared = mine & theirs
    if not shared:
        return ""
    half = "half-" if mine != theirs and len(shared) < 2 else ""
    return half + _gendered(b, "sister", "brother", "sibling")


def kinship_term(doc: CaseDocument, child_id: str, person: Person) -> str:
    """What the child would call this person in a case note ("paternal grandmother"), or ""."""
    for parent, kind in _parent_lines(doc, child_id):
        if parent.id == person.id:
            return _gendered(person, *_PARENT_WORDS[kind])
    sibling = _sibling_word(doc, child_id, person)
    if sibling:
        return sibling
    parents = [p for p, kind in _parent_lines(doc, child_id) if kind is ParentageType.BIRTH]
    for parent in parents:
        if person.id in _birth_parents(doc, parent.id):
            return _side(parent) + _gendered(person, "grandmother", "grandfather", "grandparent")
    for parent in parents:
        if person.id in _partners(doc, parent.id):
            return f"{_gendered(parent, 'mother', 'father', 'parent')}'s partner"
        if person.id != parent.id and _sibling_word(doc, parent.id, person):
            return _side(parent) + _gendered(person, "aunt", "uncle", "aunt or uncle")
    for parent in parents:
        for grandparent in _birth_parents(doc, parent.id):
            for aunt in doc.children_of(grandparent, ParentageType.BIRTH):
                if aunt.id == parent.id:
                    continue
                if person.id in _partners(doc, aunt.id):
                    word = _gendered(aunt, "aunt", "uncle", "aunt or uncle")
                    return f"{_side(parent)}{word}'s partner"
                if aunt.id in _birth_parents(doc, person.id):
                    return _side(parent) + "cousin"
    for kid in doc.children_of(child_id):
        if kid.id == person.id:
            return _gendered(person, "daughter", "son", "child")
    if person.id in _partners(doc, child_id):
        return "partner"
    return ""


def node_detail(doc: CaseDocument, node: AnyNode, child_ids: Sequence[str]) -> str:
    """A few words under a name: who the person is to the child, or what kind of service it is."""
    if isinstance(node, Service):
        return category_word(node.category)
    if isinstance(node, Household):
        return "household"
    for child_id in child_ids:
        term = kinship_term(doc, child_id, node)
        if term:
            return term
    if node.occupation:
        return node.occupation
    roles = [_ROLE_WORDS[r] for r in sorted(node.roles, key=lambda r: list(Role).index(r)) if r in _ROLE_WORDS]
    return roles[0] if roles else ""


def _is_family(doc: CaseDocument, node_id: str, child_ids: Sequence[str]) -> bool:
    """Whether the person is joined to the child by parent or partner lines (blood, step or care)."""
    graph = doc.graph
    seen, todo = {node_id}, [node_id]
    while todo:
        here = todo.pop()
        if here in child_ids:
            return True
        for _, _, rel in [*graph.out_edges(here, data="obj"), *graph.in_edges(here, data="obj")]:
            other = rel.target if rel.source == here else rel.source
            if isinstance(rel, (Parentage, Partnership)) and other not in seen:
                seen.add(other)
                todo.append(other)
    return False


def default_sector(doc: CaseDocument, node: AnyNode, child_ids: Sequence[str]) -> Sector:
    """The sector a node belongs in when the practitioner has not said: its placement, else a guess."""
    if node.circle is not None:
        return node.circle.sector
    if isinstance(node, Service):
        return Sector.PROFESSIONAL if node.category in _PROFESSIONAL_SERVICES else Sector.COMMUNITY
    if isinstance(node, Person):
        if node.roles & {Role.PROFESSIONAL, Role.ADVOCATE}:
            return Sector.PROFESSIONAL
        if node.roles & {Role.PARENT, Role.CARER, Role.KINSHIP_CARER, Role.FOSTER_CARER}:
            return Sector.FAMILY
        if node.roles & {Role.FRIEND, Role.NEIGHBOUR}:
            return Sector.COMMUNITY
        if _is_family(doc, node.id, child_ids):
            return Sector.FAMILY
    return Sector.COMMUNITY


def label_width(text: str, size: float, bold: bool = False) -> float:
    """How wide a line of text is on the drawing, measured as the diagram measures it."""
    return Text(text=text, at=(0.0, 0.0), size=size, bold=bold).bounds.width


def display_name(node: AnyNode) -> str:
    if isinstance(node, Person):
        return " ".join(name_lines(node)) or node.label
    return node.label


# ----- geometry --------------------------------------------------------------------------------------


def box_at(centre: Point, width: float, height: float) -> Bounds:
    x, y = centre
    return Bounds(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def centre_of(box: Bounds) -> Point:
    return ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)


def nearest_distance(box: Bounds) -> float:
    """How close the box comes to the child at the origin."""
    dx = 0.0 if box.x0 <= 0.0 <= box.x1 else min(abs(box.x0), abs(box.x1))
    dy = 0.0 if box.y0 <= 0.0 <= box.y1 else min(abs(box.y0), abs(box.y1))
    return math.hypot(dx, dy)


def farthest_distance(box: Bounds) -> float:
    return math.hypot(max(abs(box.x0), abs(box.x1)), max(abs(box.y0), abs(box.y1)))


def corners(box: Bounds) -> tuple[Point, Point, Point, Point]:
    return ((box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1))


def angle_in(angle: float, start: float, end: float) -> bool:
    """Whether ``angle`` lies in the clockwise span from ``start`` to ``end`` (radians)."""
    return (angle - start) % math.tau <= (end - start) % math.tau + 1e-9


def inside_wedge(box: Bounds, start: float, end: float, margin_start: float, margin_end: float) -> bool:
    """Whether the whole box lies in the wedge, at least the margins away from its two edges.

    The wedge is convex (at most 180 degrees), so its four corners being inside is enough.
    """
    c0, s0, c1, s1 = math.cos(start), math.sin(start), math.cos(end), math.sin(end)
    return all(c0 * y - s0 * x >= margin_start and x * s1 - y * c1 >= margin_end for x, y in corners(box))


def _nearest_at(radius: float, cx: float, cy: float, hw: float, hh: float) -> float:
    """``nearest_distance`` of a box of half-sizes ``hw``, ``hh`` centred ``radius`` along (|cos|, |sin|)."""
    return math.hypot(max(0.0, radius * cx - hw), max(0.0, radius * cy - hh))


def radius_for_nearest(angle: float, width: float, height: float, nearest: float) -> float:
    """The centre distance, along ``angle``, at which a box's closest point is ``nearest`` from the origin.

    Solved in closed form for each way the box can face the origin (an edge or a corner nearest);
    the distance grows with the radius, so the smallest candidate that reaches ``nearest`` is the one.
    """
    cx, cy = abs(math.cos(angle)), abs(math.sin(angle))
    hw, hh = width / 2, height / 2
    candidates = []
    if cx > 1e-9:
        candidates.append((nearest + hw) / cx)
    if cy > 1e-9:
        candidates.append((nearest + hh) / cy)
    b = hw * cx + hh * cy
    disc = b * b - (hw * hw + hh * hh - nearest * nearest)
    if disc >= 0:
        candidates.append(b + math.sqrt(disc))
    fits = [r for r in candidates if _nearest_at(r, cx, cy, hw, hh) >= nearest - 1e-6]
    return min(fits) if fits else nearest + hw + hh


def radius_for_farthest(angle: float, width: float, height: float, farthest: float) -> float:
    """The centre distance, along ``angle``, at which a box's farthest corner is ``farthest`` away."""
    b = width / 2 * abs(math.cos(angle)) + height / 2 * abs(math.sin(angle))
    disc = b * b - ((width / 2) ** 2 + (height / 2) ** 2 - farthest * farthest)
    return -b + math.sqrt(disc) if disc >= 0 else 0.0


def polar(radius: float, angle: float) -> Point:
    return (radius * math.cos(angle), radius * math.sin(angle))


@dataclass(frozen=True)
class Wedge:
    """A sector's span (clockwise from ``start`` to ``end``, radians, at most half a turn) and the
    room kept free along its two edges."""

    start: float
    end: float
    margin_start: float = CIRCLES.edge_margin
    margin_end: float = CIRCLES.edge_margin

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2

    def holds(self, box: Bounds, extra: float = 0.0) -> bool:
        return inside_wedge(box, self.start, self.end, self.margin_start + extra, self.margin_end + extra)

    def covers(self, angle: float) -> bool:
        return angle_in(angle, self.start, self.end)


SECTOR_LEAST, SECTOR_MOST = math.radians(96), math.radians(168)
SECTOR_STEP = math.radians(24)  # sectors change size in steps, so one more person rarely moves them


def sector_wedges(weights: dict[Sector, float], title_room: tuple[float, float] = (0.0, 0.0)) -> dict[Sector, Wedge]:
    """Sectors sized by how much is in them, within bounds, the family centred at the top.

    A busy sector gets a wider wedge so its people spread along the arcs instead of piling up in
    extra rows; an empty one keeps enough of the circle to show plainly that it is empty.
    ``title_room`` (half width and half height of the widest ring title) is kept clear along the
    edge between professionals and community, where the ring titles are written.
    """
    angles = _in_steps(_share_out({s: max(weights.get(s, 0.0), 0.0) for s in SECTORS}))
    family = angles[Sector.FAMILY]
    start = -math.pi / 2 - family / 2
    spans: dict[Sector, tuple[float, float]] = {}
    for sector in SECTORS:
        spans[sector] = (start, start + angles[sector])
        start += angles[sector]
    ray = spans[Sector.PROFESSIONAL][1]
    room = title_room[0] * abs(math.sin(ray)) + title_room[1] * abs(math.cos(ray)) + 3.0 if title_room[0] else 0.0
    edge = CIRCLES.edge_margin
    return {
        Sector.FAMILY: Wedge(*spans[Sector.FAMILY]),
        Sector.PROFESSIONAL: Wedge(*spans[Sector.PROFESSIONAL], edge, max(edge, room)),
        Sector.COMMUNITY: Wedge(*spans[Sector.COMMUNITY], max(edge, room), edge),
    }


def _in_steps(angles: dict[Sector, float]) -> dict[Sector, float]:
    """Angles rounded to whole steps that still make a full turn (largest remainders round up)."""
    steps = round(math.tau / SECTOR_STEP)
    floors = {s: math.floor(a / SECTOR_STEP + 1e-9) for s, a in angles.items()}
    order = sorted(SECTORS, key=lambda s: angles[s] / SECTOR_STEP - floors[s], reverse=True)
    for s in order[:steps - sum(floors.values())]:
        floors[s] += 1
    return {s: n * SECTOR_STEP for s, n in floors.items()}


def _share_out(weights: dict[Sector, float]) -> dict[Sector, float]:
    """Angles proportional to the weights, each between SECTOR_LEAST and SECTOR_MOST, summing to a turn."""
    fixed: dict[Sector, float] = {}
    while True:
        free = [s for s in SECTORS if s not in fixed]
        room = math.tau - sum(fixed.values())
        total = sum(weights[s] for s in free)
        angles = {s: room * (weights[s] / total if total else 1 / len(free)) for s in free}
        under = {s: SECTOR_LEAST for s, a in angles.items() if a < SECTOR_LEAST - 1e-9}
        over = [s for s, a in angles.items() if a > SECTOR_MOST + 1e-9]
        if under:  # the smallest first: raising them is what can push another past the most
            fixed.update(under)
        elif over:
            fixed[max(over, key=angles.__getitem__)] = SECTOR_MOST
        else:
            return {**fixed, **angles}


# ----- the footprint of a node: its symbol with its name under it -------------------------------------


@dataclass(frozen=True)
class Footprint:
    """A symbol with name lines and a line or two of detail under it: the unit placed in the rings."""

    lines: tuple[str, ...]
    details: tuple[str, ...]
    symbol: float
    name_size: float = CIRCLES.name_size
    detail_size: float = CIRCLES.detail_size

    @cached_property
    def width(self) -> float:
        widths = [label_width(line, self.name_size) for line in self.lines]
        widths += [label_width(line, self.detail_size) for line in self.details]
        return max([self.symbol, *widths]) + 2.0

    @cached_property
    def height(self) -> float:
        lh = FONTS.line_height
        return self.symbol + 2.0 + len(self.lines) * self.name_size * lh + len(self.details) * self.detail_size * lh + 1.0

    def symbol_centre(self, box: Bounds) -> Point:
        return ((box.x0 + box.x1) / 2, box.y0 + self.symbol / 2)

    def box_around(self, symbol_centre: Point) -> Bounds:
        """The footprint whose symbol is centred on ``symbol_centre`` (how positions are stored)."""
        x, y = symbol_centre
        top = y - self.symbol / 2
        return Bounds(x - self.width / 2, top, x + self.width / 2, top + self.height)

    def texts(self, box: Bounds, node_id: str) -> tuple[Text, ...]:
        """The name and detail as diagram text, inside ``box``."""
        x = (box.x0 + box.x1) / 2
        y = box.y0 + self.symbol + 2.0
        out = []
        for line in self.lines:
            y += self.name_size * FONTS.line_height
            out.append(Text(text=line, at=(x, y - self.name_size * 0.3), size=self.name_size, node_id=node_id,
                            part="name"))
        for line in self.details:
            y += self.detail_size * FONTS.line_height
            out.append(Text(text=line, at=(x, y - self.detail_size * 0.3), size=self.detail_size,
                            colour=COLOURS.muted, node_id=node_id, part="detail"))
        return tuple(out)


def footprint(node: AnyNode, detail: str, width: float = CIRCLES.name_max_width) -> Footprint:
    """The node's symbol and words, wrapped at ``width`` (narrower where labels sit beside the
    child, since a wide label there takes up the ring's depth)."""
    raw = (list(name_lines(node)) or [node.label]) if isinstance(node, Person) else [node.label]
    lines = tuple(part for line in raw for part in (wrap(line, CIRCLES.name_size, width) or [line]))
    details = wrap(detail, CIRCLES.detail_size, width) if detail else []
    if len(details) > 2:
        details = [details[0], details[1] + "…"]
    return Footprint(lines, tuple(details), CIRCLES.symbol)


# ----- the layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedNode:
    node_id: str
    box: Bounds  # the whole footprint; its symbol's centre is what ``positions["circles"]`` stores
    footprint: Footprint
    ring: Ring | None  # None for someone listed as not placed yet
    sector: Sector | None
    hand_placed: bool = False

    @property
    def centre(self) -> Point:
        return centre_of(self.box)

    @property
    def symbol_centre(self) -> Point:
        return self.footprint.symbol_centre(self.box)

    def texts(self) -> tuple[Text, ...]:
        return self.footprint.texts(self.box, self.node_id)


@dataclass(frozen=True)
class CirclesLayout:
    """Where everything goes on the circles-of-support picture, in points around the child at (0, 0)."""

    centre_ids: tuple[str, ...]
    centre_radius: float
    centre_texts: tuple[Text, ...]
    bands: dict[Ring, tuple[float, float]]  # inner and outer radius of each ring
    wedges: dict[Sector, Wedge]
    nodes: dict[str, PlacedNode]  # placed and not-placed-yet alike
    notes: tuple[Text, ...]  # "No community ties yet", "Nobody in the closest circle yet"
    sector_titles: tuple[Text, ...]
    ring_titles: tuple[Text, ...]
    list_title: Text | None  # "Not placed yet", when anyone is

    @property
    def outer_radius(self) -> float:
        return self.bands[Ring.WIDER][1]

    def placed(self) -> list[PlacedNode]:
        return [n for n in self.nodes.values() if n.ring is not None]

    def not_placed(self) -> list[PlacedNode]:
        return [n for n in self.nodes.values() if n.ring is None]

    def bounds(self) -> Bounds:
        r = self.outer_radius
        whole = Bounds(-r, -r, r, r)
        for text in (*self.sector_titles, *self.ring_titles, *self.notes, *self.centre_texts):
            whole = whole.union(text.bounds)
        for node in self.nodes.values():
            whole = whole.union(node.box)
        if self.list_title is not None:
            whole = whole.union(self.list_title.bounds)
        return whole

    def cell_at(self, point: Point) -> tuple[Ring, Sector] | None:
        """The ring and sector under a point, or None in the centre or outside the rings."""
        distance = math.hypot(*point)
        ring = next((r for r in RINGS if self.bands[r][0] <= distance <= self.bands[r][1]), None)
        if ring is None:
            return None
        angle = math.atan2(point[1], point[0])
        return ring, next(s for s in SECTORS if self.wedges[s].covers(angle))

    def snap(self, node_id: str, ring: Ring, sector: Sector, symbol_centre: Point) -> Point:
        """Where a node's symbol goes when dropped at ``symbol_centre`` in this ring and sector:
        the nearest place at which its whole footprint lies inside the cell."""
        foot = self.nodes[node_id].footprint
        inner, outer = self.bands[ring]
        box = foot.box_around(symbol_centre)
        centre = snap_into(centre_of(box), foot.width, foot.height, inner + CIRCLES.band_padding,
                           outer - CIRCLES.band_padding, self.wedges[sector])
        return foot.symbol_centre(box_at(centre, foot.width, foot.height))


def snap_into(point: Point, width: float, height: float, nearest: float, farthest: float, wedge: Wedge) -> Point:
    """Pull a box centre into a band and a wedge, moving it as little as the cell allows."""
    angle = math.atan2(point[1], point[0])
    if not wedge.covers(angle):
        before, after = (wedge.start - angle) % math.tau, (angle - wedge.end) % math.tau
        angle = wedge.start if before < after else wedge.end
    elif angle < wedge.start:
        angle += math.tau
    distance = math.hypot(*point)

    def fits(a: float, r: float) -> bool:
        box = box_at(polar(r, a), width, height)
        return wedge.holds(box) and nearest_distance(box) >= nearest - 1e-6 \
            and farthest_distance(box) <= farthest + 1e-6

    for step in range(400):  # towards the middle of the wedge until the box fits
        a = angle + (wedge.middle - angle) * step / 400
        low = radius_for_nearest(a, width, height, nearest)
        r = max(low, min(distance, radius_for_farthest(a, width, height, farthest)))
        if fits(a, r):
            return polar(r, a)
    return polar(radius_for_nearest(wedge.middle, width, height, nearest), wedge.middle)


@dataclass
class _Cell:
    ring: Ring
    sector: Sector
    auto: list[tuple[str, Footprint]]
    hand: list[tuple[str, Footprint, Point]]
    note: str = ""


def _row_fit(sizes: Sequence[tuple[float, float]], nearest: float, wedge: Wedge, obstacles: Sequence[Bounds],
             spread: float) -> list[Bounds]:
    """Place boxes clockwise along the arc at ``nearest`` from the child, each as early as it fits.

    ``spread`` is extra room between neighbours and at both ends; the caller raises it until the row
    just fits, which spaces the row evenly. Returns as many boxes as fit, in order. This is the hot
    loop of the layout, so boxes are plain tuples here.
    """
    start, end = wedge.start, wedge.end
    c0, s0, c1, s1 = math.cos(start), math.sin(start), math.cos(end), math.sin(end)
    m0, m1 = wedge.margin_start + spread / 2, wedge.margin_end + spread / 2
    step = 1.5 / max(nearest, 1.0)
    g = CIRCLES.gap
    blocks = [(o.x0 - g, o.y0 - g, o.x1 + g, o.y1 + g) for o in obstacles]
    gap = g + spread
    angle = start
    placed: list[Bounds] = []
    previous: tuple[float, float, float, float] | None = None
    for width, height in sizes:
        hw, hh = width / 2, height / 2
        while True:
            if angle > end:
                return placed
            radius = radius_for_nearest(angle, width, height, nearest)
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            x0, y0, x1, y1 = x - hw, y - hh, x + hw, y + hh
            clear = all(c0 * py - s0 * px >= m0 and px * s1 - py * c1 >= m1
                        for px, py in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)))
            if clear and previous is not None:
                clear = not (x0 < previous[2] and previous[0] < x1 and y0 < previous[3] and previous[1] < y1)
            if clear and blocks:
                clear = not any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in blocks)
            if clear:
                placed.append(Bounds(x0, y0, x1, y1))
                previous = (x0 - gap, y0 - gap, x1 + gap, y1 + gap)
                break
            angle += step
    return placed


def _tight_row(sizes: Sequence[tuple[float, float]], nearest: float, wedge: Wedge,
               obstacles: Sequence[Bounds]) -> list[Bounds]:
    return _row_fit(sizes, nearest, wedge, obstacles, 0.0)


def _even_row(sizes: Sequence[tuple[float, float]], nearest: float, wedge: Wedge,
              obstacles: Sequence[Bounds]) -> list[Bounds]:
    """The row spread evenly: the room left at the end of a tight row, shared between all the gaps."""
    tight = _row_fit(sizes, nearest, wedge, obstacles, 0.0)
    if len(tight) < len(sizes) or not tight:
        return tight
    # How far the last box could still slide clockwise: that is the slack to share out.
    width, height = sizes[-1]
    last = tight[-1]
    angle = math.atan2((last.y0 + last.y1) / 2, (last.x0 + last.x1) / 2)
    if angle < wedge.start:
        angle += math.tau
    step = 1.5 / max(nearest, 1.0)
    slide = 0.0
    while angle + slide + step <= wedge.end:
        a = angle + slide + step
        if not wedge.holds(box_at(polar(radius_for_nearest(a, width, height, nearest), a), width, height)):
            break
        slide += step
    spread = slide * nearest / len(sizes)
    for _ in range(6):
        if spread < 0.5:
            break
        row = _row_fit(sizes, nearest, wedge, obstacles, spread)
        if len(row) == len(sizes):
            return row
        spread *= 0.8
    return tight


def _pack_cell(items: Sequence[tuple[str, Footprint]], first_nearest: float, wedge: Wedge,
               obstacles: Sequence[Bounds]) -> dict[str, Bounds]:
    """The most compact packing: rows from the ring's inside, or fewer rows a little further out.

    Near the child the arcs are short, so one row set slightly outwards often holds what two rows
    at the inner edge would, in a thinner ring.
    """
    rough = _pack_rows(items, first_nearest, wedge, obstacles, even=False)
    if not rough:
        return rough
    reach = max(farthest_distance(b) for b in rough.values())
    best_start, rows = first_nearest, _row_count(rough)
    step = max(8.0, (reach - first_nearest) / 10)
    shift = step
    while rows > 1 and first_nearest + shift < reach:  # rough (unevenly spaced) trials are cheap
        candidate = _pack_rows(items, first_nearest + shift, wedge, obstacles, even=False)
        candidate_reach = max(farthest_distance(b) for b in candidate.values())
        if candidate_reach < reach - 0.5:
            best_start, reach, rows = first_nearest + shift, candidate_reach, _row_count(candidate)
        shift += step
    return _pack_rows(items, best_start, wedge, obstacles)


def _row_count(boxes: dict[str, Bounds]) -> int:
    nearest = sorted(nearest_distance(b) for b in boxes.values())
    return 1 + sum(1 for a, b in itertools.pairwise(nearest) if b - a > 1.0)


def _pack_rows(items: Sequence[tuple[str, Footprint]], first_nearest: float, wedge: Wedge,
               obstacles: Sequence[Bounds], even: bool = True) -> dict[str, Bounds]:
    """Rows of (evenly spaced) boxes from ``first_nearest`` outwards, as balanced as the arcs allow."""
    out: dict[str, Bounds] = {}
    rows_guess = 0
    probe_nearest = first_nearest
    probe = list(items)
    while probe:  # how many rows a greedy fill needs, so the rows can be balanced
        row = _tight_row([(f.width, f.height) for _, f in probe], probe_nearest, wedge, obstacles)
        if not row:
            probe_nearest += 6.0
            continue
        rows_guess += 1
        probe_nearest = max(farthest_distance(b) for b in row) + CIRCLES.gap
        probe = probe[len(row):]
    remaining = list(items)
    rows_left = max(rows_guess, 1)
    nearest = first_nearest
    while remaining:
        target = math.ceil(len(remaining) / rows_left)
        sizes = [(f.width, f.height) for _, f in remaining[:target]]
        row = (_even_row if even else _tight_row)(sizes, nearest, wedge, obstacles)
        if not row:
            nearest += 6.0
            continue
        for (node_id, _), box in zip(remaining, row):
            out[node_id] = box
        remaining = remaining[len(row):]
        rows_left = max(rows_left - 1, 1)
        nearest = max(farthest_distance(b) for b in row) + CIRCLES.gap
    return out


def _fit_note(text: str, inner: float, outer: float, wedge: Wedge) -> tuple[Text, ...] | None:
    """The note centred in its cell, wrapped to fit; None when the cell is too thin for it."""
    size = CIRCLES.note_size
    lh = size * FONTS.line_height
    width_limit = max(40.0, (outer + inner) / 2 * (wedge.end - wedge.start) * 0.55)
    if abs(math.cos(wedge.middle)) > 0.5:  # beside the child a wide note takes up the ring's depth
        width_limit = min(width_limit, CIRCLES.side_name_width - 6.0)
    lines = wrap(text, size, width_limit)
    height = len(lines) * lh
    width = max(label_width(line, size) for line in lines)
    cx, cy = polar((inner + outer) / 2, wedge.middle)
    box = box_at((cx, cy), width, height)
    if not (wedge.holds(box) and nearest_distance(box) >= inner + CIRCLES.band_padding
            and farthest_distance(box) <= outer - CIRCLES.band_padding):
        return None
    return tuple(
        Text(text=line, at=(cx, box.y0 + (i + 1) * lh - size * 0.3), size=size, colour=COLOURS.muted,
             part="empty-note")
        for i, line in enumerate(lines)
    )


def _sort_key(node: AnyNode, detail: str) -> tuple[object, ...]:
    kind = 0 if isinstance(node, Person) else 1
    return (kind, node.category.value if isinstance(node, Service) else detail, display_name(node).casefold())


def circles_layout(doc: CaseDocument, hidden: frozenset[str] = frozenset()) -> CirclesLayout:
    """Lay out the circles-of-support picture; ``hidden`` ids (a redacted export) are left out."""
    children = [p for p in doc.children_at_centre() if p.id not in hidden]
    child_ids = tuple(p.id for p in children)
    cells: dict[tuple[Ring, Sector], _Cell] = {(r, s): _Cell(r, s, [], []) for r in RINGS for s in SECTORS}
    unplaced: list[tuple[str, Footprint]] = []
    details = {n.id: node_detail(doc, n, child_ids) for n in doc.nodes()
               if isinstance(n, (Person, Service)) and n.id not in hidden and n.id not in child_ids}
    weights: dict[Sector, float] = dict.fromkeys(SECTORS, 0.0)
    for node in sorted((doc.node(i) for i in details), key=lambda n: _sort_key(n, details[n.id])):
        on_top = node.circle is not None and node.circle.sector is Sector.FAMILY  # the others are to the sides
        foot = footprint(node, details[node.id], CIRCLES.name_max_width if on_top else CIRCLES.side_name_width)
        if node.circle is None:
            if not (isinstance(node, Person) and (node.deceased or node.pregnancy is not PregnancyState.NONE)):
                unplaced.append((node.id, foot))
            continue
        cell = cells[(node.circle.ring, node.circle.sector)]
        weights[node.circle.sector] += foot.width + CIRCLES.gap
        hand = node.positions.get("circles")
        if hand is not None:
            box = foot.box_around((float(hand[0]), float(hand[1])))
            cell.hand.append((node.id, foot, centre_of(box)))
        else:
            cell.auto.append((node.id, foot))

    _assign_notes(cells)
    title_size = CIRCLES.ring_title_size
    title_half = (max(label_width(t, title_size) for t in RING_TITLES.values()) / 2, title_size * 0.6)
    wedges = sector_wedges(weights, title_half)
    centre_radius, centre_texts = centre_words(children, CIRCLES.name_size + 1.0, CIRCLES.centre_radius, 6.0)
    bands: dict[Ring, tuple[float, float]] = {}
    nodes: dict[str, PlacedNode] = {}
    notes: list[Text] = []
    inner = centre_radius
    for ring in RINGS:
        outer, ring_nodes, ring_notes = _lay_ring(ring, inner, [cells[(ring, s)] for s in SECTORS], wedges)
        bands[ring] = (inner, outer)
        nodes.update(ring_nodes)
        notes.extend(ring_notes)
        inner = outer

    outer_radius = bands[Ring.WIDER][1]
    ray = wedges[Sector.PROFESSIONAL].end  # the ring titles sit on the edge between professionals and community
    ring_titles = tuple(
        Text(text=RING_TITLES[r], at=_on_ray(ray, (bands[r][0] + bands[r][1]) / 2, title_size), size=title_size,
             colour=COLOURS.muted, part="ring-title", halo=True)
        for r in RINGS
    )
    sector_titles = tuple(line for s in SECTORS for line in _sector_titles(s, wedges[s], outer_radius))
    provisional = CirclesLayout(child_ids, centre_radius, centre_texts, bands, wedges, nodes, tuple(notes),
                                sector_titles, ring_titles, None)
    list_title = None
    if unplaced:
        list_title, listed = _list_unplaced(unplaced, provisional.bounds(), outer_radius)
        nodes.update(listed)
    return CirclesLayout(child_ids, centre_radius, centre_texts, bands, wedges, nodes, tuple(notes), sector_titles,
                         ring_titles, list_title)


def _on_ray(angle: float, distance: float, size: float) -> Point:
    """The baseline point that centres a line of text of ``size`` on the ray at ``distance``."""
    x, y = polar(distance, angle)
    return (x, y + size * 0.35)


def _assign_notes(cells: dict[tuple[Ring, Sector], _Cell]) -> None:
    """Say so where a whole sector or ring is empty, each note in a cell of its own."""
    def empty(cell: _Cell) -> bool:
        return not cell.auto and not cell.hand

    empty_sectors = [s for s in SECTORS if all(empty(cells[(r, s)]) for r in RINGS)]
    for sector in empty_sectors:
        cells[(Ring.CLOSE, sector)].note = EMPTY_SECTOR_NOTES[sector]
    if len(empty_sectors) == len(SECTORS):
        return
    for ring in RINGS:
        if all(empty(cells[(ring, s)]) for s in SECTORS):
            host = next(s for s in SECTORS if not cells[(ring, s)].note)
            cells[(ring, host)].note = EMPTY_RING_NOTES[ring]


def centre_words(children: Sequence[Person], size: float, least_radius: float, padding: float
                 ) -> tuple[float, tuple[Text, ...]]:
    """The child's name in the middle circle (both views), and the radius that holds it.

    One child: their name as on the genogram. A group of brothers and sisters: their first names,
    then the family name they share, so the middle stays small enough for the rings around it.
    """
    if len(children) == 1:
        lines = list(name_lines(children[0])) or [children[0].label]
    elif children:
        families = {c.family_name for c in children}
        shared = families.pop() if len(families) == 1 else ""
        names = [c.short_name if shared else " ".join(name_lines(c)) for c in children]
        lines = wrap(", ".join(names), size, 110.0, bold=True) + ([shared] if shared else [])
    else:
        lines = ["the child"]
    lh = size * FONTS.line_height
    width = max(label_width(line, size, bold=True) for line in lines)
    height = len(lines) * lh
    # Inside the inner of the two outlines (the child's double circle, as on the genogram).
    radius = max(least_radius, math.hypot(width, height) / 2 + padding + 2 * GENOGRAM.double_gap)
    texts = tuple(
        Text(text=line, at=(0.0, -height / 2 + (i + 1) * lh - size * 0.3), size=size, bold=True,
             node_id=children[0].id if children else None, part="centre-name")
        for i, line in enumerate(lines)
    )
    return radius, texts


def _lay_ring(ring: Ring, inner: float, cells: list[_Cell], wedges: dict[Sector, Wedge]
              ) -> tuple[float, dict[str, PlacedNode], list[Text]]:
    pad = CIRCLES.band_padding
    first = inner + pad

    # How thick the ring must be: everyone packed automatically, and room for any note.
    thickness = CIRCLES.band_min
    for cell in cells:
        everyone = cell.auto + [(i, f) for i, f, _ in cell.hand]
        if everyone:
            boxes = _pack_cell(everyone, first, wedges[cell.sector], [])
            thickness = max(thickness, max(farthest_distance(b) for b in boxes.values()) + pad - inner)
    for cell in cells:
        while cell.note and _fit_note(cell.note, inner, inner + thickness, wedges[cell.sector]) is None:
            thickness += 6.0
    outer = inner + thickness

    placed: dict[str, PlacedNode] = {}
    for cell in cells:
        wedge = wedges[cell.sector]
        obstacles: list[Bounds] = []
        crowded_out: list[tuple[str, Footprint]] = []
        for node_id, foot, point in cell.hand:
            box = _free_spot(point, foot, first, outer - pad, wedge, obstacles)
            if box is None:  # dropped on top of others with no room nearby: placed like the rest
                crowded_out.append((node_id, foot))
                continue
            obstacles.append(box)
            placed[node_id] = PlacedNode(node_id, box, foot, ring, cell.sector, hand_placed=True)
        auto = cell.auto + crowded_out
        boxes = _pack_cell(auto, first, wedge, obstacles)
        if boxes and not obstacles:
            # Centre the cell's rows between the ring's edges, so a thin cell does not hug the inside.
            start = min(nearest_distance(b) for b in boxes.values())
            used = max(farthest_distance(b) for b in boxes.values()) - start
            centred_start = first + (outer - pad - first - used) / 2
            if centred_start > start + 1.0:
                centred = _pack_rows(auto, centred_start, wedge, [])
                if max(farthest_distance(b) for b in centred.values()) <= outer - pad:
                    boxes = centred
        for node_id, foot in auto:
            placed[node_id] = PlacedNode(node_id, boxes[node_id], foot, ring, cell.sector)
        for box in [*boxes.values(), *obstacles]:  # a ring grows to hold what could not fit otherwise
            outer = max(outer, farthest_distance(box) + pad)
    notes: list[Text] = []
    for cell in cells:
        if cell.note:
            notes.extend(_fit_note(cell.note, inner, outer, wedges[cell.sector]) or ())
    return outer, placed, notes


def _free_spot(point: Point, foot: Footprint, nearest: float, farthest: float, wedge: Wedge,
               taken: Sequence[Bounds]) -> Bounds | None:
    """The hand-placed box, snapped into its cell and, if it lands on another, moved to the nearest
    free place around it; None when there is none close by."""
    centre = snap_into(point, foot.width, foot.height, nearest, farthest, wedge)
    gap = CIRCLES.gap

    def free(box: Bounds) -> bool:
        return not any(box.intersects(other.expanded(gap)) for other in taken)

    box = box_at(centre, foot.width, foot.height)
    if free(box):
        return box
    for step in range(1, 16):
        distance = step * 6.0
        for k in range(12):
            a = k * math.tau / 12
            candidate = (centre[0] + distance * math.cos(a), centre[1] + distance * math.sin(a))
            snapped = snap_into(candidate, foot.width, foot.height, nearest, farthest, wedge)
            box = box_at(snapped, foot.width, foot.height)
            if free(box):
                return box
    return None


def _sector_titles(sector: Sector, wedge: Wedge, outer: float) -> tuple[Text, ...]:
    """The sector's name just outside the rings; beside them it is broken into short lines."""
    size = CIRCLES.sector_title_size
    beside = abs(math.cos(wedge.middle)) > 0.5
    lines = wrap(SECTOR_TITLES[sector], size, 70.0, bold=True) if beside else [SECTOR_TITLES[sector]]
    lh = size * FONTS.line_height
    width, height = max(label_width(line, size, bold=True) for line in lines), len(lines) * lh
    radius = radius_for_nearest(wedge.middle, width, height, outer + 8.0)
    cx, cy = polar(radius, wedge.middle)
    top = cy - height / 2
    return tuple(Text(text=line, at=(cx, top + (i + 1) * lh - size * 0.3), size=size, bold=True,
                      part="sector-title") for i, line in enumerate(lines))


def _list_unplaced(unplaced: Sequence[tuple[str, Footprint]], drawing: Bounds, outer: float
                   ) -> tuple[Text, dict[str, PlacedNode]]:
    """Everyone not placed yet, in columns to the right of the rings."""
    size = CIRCLES.sector_title_size
    x0 = drawing.x1 + CIRCLES.list_gap
    top = -outer
    title = Text(text=NOT_PLACED_TITLE, at=(x0, top + size * 0.8), size=size, bold=True, align=Align.START,
                 part="list-title")
    y = top + size * 1.6
    column_width = 0.0
    listed: dict[str, PlacedNode] = {}
    for node_id, foot in unplaced:
        if y + foot.height > outer and column_width:
            x0 += column_width + CIRCLES.gap * 3
            y, column_width = top + size * 1.6, 0.0
        box = Bounds(x0, y, x0 + foot.width, y + foot.height)
        listed[node_id] = PlacedNode(node_id, box, foot, None, None)
        y += foot.height + CIRCLES.gap
        column_width = max(column_width, foot.width)
    return title, listed


def overlaps(boxes: Iterable[tuple[str, Bounds]]) -> list[tuple[str, str]]:
    """Pairs of named boxes that touch, for tests and for a layout's own checks."""
    items = list(boxes)
    return [(a, b) for i, (a, ba) in enumerate(items) for b, bb in items[i + 1:] if ba.intersects(bb)]
