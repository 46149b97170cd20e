"""Circles of support: the child in the middle of three rings cut into three sectors.

Every person and service the practitioner has placed sits in its ring (closest, close, wider) and its
sector (family, friends and community, professionals), with no two labels touching. Each ring is as
thin as its fullest cell allows: the labels are packed in shelves that follow the cell's exact shape,
then spread over whatever room the cell has left. What is *missing* matters as much as what is
there, so an empty sector or ring says so on the picture, and everyone not placed yet is listed at
the side. Positions set by hand are kept, pulled back inside their cell if the rings have moved.

The picture is meant to print on one A4 sheet with no word under 7 pt; a network too big for that
is drawn with smaller names, then fewer details (:data:`FULL`'s fallbacks). The same layout, in
plain words and big type (:data:`CHILD`, :data:`FAMILY`), goes in the child's and the family's
copies of the meeting plan.

Coordinates are points, x right, y down, the child at (0, 0). The same coordinates are used by the
editor's scene, so a position the practitioner drags to is stored as it is.

This module also holds what both network views need to know about a node: its sector when none is
set and who it is to the child ("maternal aunt", "school").
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import permutations

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

    @cached_property
    def edges(self) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
        """Both edges as constraints on a point (x, y) inside the margins: k·x ≥ margin + sign·c·y."""
        return ((-math.sin(self.start), math.cos(self.start), -1.0, self.margin_start),
                (math.sin(self.end), math.cos(self.end), 1.0, self.margin_end))


SECTOR_LEAST, SECTOR_MOST = math.radians(72), math.radians(168)
SECTOR_STEP = math.radians(24)  # sectors change size in steps, so one more person rarely moves them


def sector_wedges(weights: dict[Sector, float]) -> dict[Sector, Wedge]:
    """Sectors sized by how much is in them, within bounds, the family centred at the top.

    A busy sector gets a wider wedge so its people spread along the arcs instead of piling up in
    extra rows; an empty one keeps enough of the circle to show plainly that it is empty.
    """
    return _wedges_of(_in_steps(_share_out({s: max(weights.get(s, 0.0), 0.0) for s in SECTORS})))


def _wedges_of(angles: dict[Sector, float]) -> dict[Sector, Wedge]:
    """The sectors clockwise from the family's, which is centred at the top."""
    start = -math.pi / 2 - angles[Sector.FAMILY] / 2
    wedges: dict[Sector, Wedge] = {}
    for sector in SECTORS:
        wedges[sector] = Wedge(start, start + angles[sector])
        start += angles[sector]
    return wedges


def _in_steps(angles: dict[Sector, float]) -> dict[Sector, float]:
    """Angles rounded to whole steps that still make a full turn (largest remainders round up)."""
    steps = round(math.tau / SECTOR_STEP)
    floors = {s: math.floor(a / SECTOR_STEP + 1e-9) for s, a in angles.items()}
    order = sorted(SECTORS, key=lambda s: angles[s] / SECTOR_STEP - floors[s], reverse=True)
    for s in order[:steps - sum(floors.values())]:
        floors[s] += 1
    return {s: n * SECTOR_STEP for s, n in floors.items()}


def _share_out(weights: dict[Sector, float]) -> dict[Sector, float]:
    """Angles proportional to the weights as far as each stays between SECTOR_LEAST and
    SECTOR_MOST, summing to a turn: ``clamp(k · weight)`` for the one ``k`` that makes a turn."""
    if not any(weights.values()):
        return dict.fromkeys(SECTORS, math.tau / len(SECTORS))

    def angles(k: float) -> dict[Sector, float]:
        return {s: min(SECTOR_MOST, max(SECTOR_LEAST, k * weights[s])) for s in SECTORS}

    lo, hi = 0.0, SECTOR_MOST / min(w for w in weights.values() if w > 0)
    for _ in range(60):
        k = (lo + hi) / 2
        lo, hi = (k, hi) if sum(angles(k).values()) < math.tau else (lo, k)
    return angles(hi)


# ----- whom the picture is for ------------------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """How the picture is labelled, for whom it is drawn.

    The full picture (the editor, case-file printouts, the professional plan) names everyone beside
    a gender symbol, with who they are to the child under the name, and services as their name in a
    rounded tag. The child's own picture has first names only, each in a tag, in type big enough to
    read across a table, with the rings and sectors in the child's words and "Me" in the middle; the
    family's is the same around the child's name. Titles and notes are tuples in ``RINGS`` /
    ``SECTORS`` order, so a look is hashable.
    """

    name_size: float
    detail_size: float
    symbol: float  # side of the gender symbol beside a person's name; 0: every name in a tag
    detail_rings: tuple[Ring, ...]  # where labels say who each person is to the child (or the kind of service)
    first_names: bool
    wraps: tuple[float, ...]  # label widths to try, widest (fewest lines, easiest to read) first
    note_size: float
    ring_title_size: float
    sector_title_size: float
    centre_size: float
    ring_titles: tuple[str, str, str]
    sector_titles: tuple[str, str, str]
    ring_notes: tuple[str, str, str]
    sector_notes: tuple[str, str, str]
    lists_unplaced: bool  # the "Not placed yet" list beside the rings
    denser: Look | None = None  # the look to fall back on when a network is too big for one sheet
    # Try the sectors' sizes around the first guess for the smallest picture: worth it for a picture
    # drawn once for a printed plan, too slow for the editor, which lays out after every edit.
    tries_sectors: bool = False
    title: str = ""  # what a printout calls the picture; "" for "<case>: circles of support"

    def ring_title(self, ring: Ring) -> str:
        return self.ring_titles[RINGS.index(ring)]

    def sector_title(self, sector: Sector) -> str:
        return self.sector_titles[SECTORS.index(sector)]


# The full picture is meant to print on one A4 sheet with no word under 7 pt: rings up to this radius
# do, with their titles and the key below or in a corner (A4 is 595 pt wide, less 15 mm each side).
FIT_RADIUS = 248.0


def _full_looks() -> Look:
    """The full picture, with what it falls back on for a network too big for one sheet: names at
    7 pt, then who each person is only in the two inner rings, then names alone."""
    names_only = Look(
        # A symbol no bigger than the name beside it, and labels wrapped at whichever width packs
        # the ring thinnest.
        name_size=CIRCLES.detail_size, detail_size=CIRCLES.detail_size, symbol=10.0, detail_rings=(),
        first_names=False,
        wraps=(CIRCLES.name_max_width * 1.5, CIRCLES.name_max_width, CIRCLES.side_name_width, 40.0),
        note_size=CIRCLES.note_size, ring_title_size=CIRCLES.ring_title_size,
        sector_title_size=CIRCLES.sector_title_size, centre_size=CIRCLES.name_size,
        ring_titles=tuple(RING_TITLES[r] for r in RINGS),  # type: ignore[arg-type]
        sector_titles=tuple(SECTOR_TITLES[s] for s in SECTORS),  # type: ignore[arg-type]
        ring_notes=tuple(EMPTY_RING_NOTES[r] for r in RINGS),  # type: ignore[arg-type]
        sector_notes=tuple(EMPTY_SECTOR_NOTES[s] for s in SECTORS),  # type: ignore[arg-type]
        lists_unplaced=True,
    )
    inner_details = replace(names_only, detail_rings=(Ring.CLOSEST, Ring.CLOSE), denser=names_only)
    small = replace(names_only, detail_rings=RINGS, denser=inner_details)
    return replace(small, name_size=CIRCLES.name_size, centre_size=CIRCLES.name_size + 1.0, denser=small)


FULL = _full_looks()
# The child's copy of the plan prints this picture across the page, at most a little under its own
# size: 12 pt names and titles stay at or above 11 pt there.
CHILD = Look(
    name_size=12.0, detail_size=12.0, symbol=0.0, detail_rings=(), first_names=True, wraps=(130.0, 90.0, 64.0),
    note_size=12.0, ring_title_size=12.0, sector_title_size=13.0, centre_size=20.0,
    ring_titles=("closest to me", "close to me", "around me"),
    sector_titles=("Family", "People who work with me", "Friends and community"),
    ring_notes=("Nobody here yet", "Nobody here yet", "Nobody here yet"),
    sector_notes=("No family here yet", "Nobody here yet", "No friends here yet"),
    lists_unplaced=False, tries_sectors=True, title="My circles",
)
# The family's copy: the same plain picture around the child, named as the family would say it.
FAMILY = replace(
    CHILD, centre_size=14.0,
    ring_titles=("closest", "close", "wider"),
    sector_titles=("Family", "People who work with your family", "Friends and community"),
    title="Our circles",
)


# ----- the footprint of a node: its mark and its words ------------------------------------------------

SYMBOL_GAP = 3.0  # between a symbol and the words beside it
TAG_PAD = (4.0, 2.5)  # inside a tag: left and right, top and bottom


@dataclass(frozen=True)
class Footprint:
    """A node's mark with its words: the unit placed in the rings.

    With a symbol, the name (and the detail under it) is written to the symbol's right, its first
    line level with the symbol: short and wide, so many fit in a thin ring. Without one
    (``symbol == 0``: a service, or any name in the child's picture) the words sit in a rounded
    tag, which is itself the mark.
    """

    lines: tuple[str, ...]
    details: tuple[str, ...]
    symbol: float
    name_size: float = CIRCLES.name_size
    detail_size: float = CIRCLES.detail_size

    @property
    def tagged(self) -> bool:
        return self.symbol <= 0.0

    @cached_property
    def _text_width(self) -> float:
        widths = [label_width(line, self.name_size) for line in self.lines]
        widths += [label_width(line, self.detail_size) for line in self.details]
        return max(widths, default=0.0)

    @cached_property
    def _text_height(self) -> float:
        return (len(self.lines) * self.name_size + len(self.details) * self.detail_size) * FONTS.line_height

    @cached_property
    def _offsets(self) -> tuple[float, float]:
        """How far below the footprint's top the symbol and the words start."""
        line = self.name_size * FONTS.line_height
        return max(0.0, (line - self.symbol) / 2), max(0.0, (self.symbol - line) / 2)

    @cached_property
    def width(self) -> float:
        if self.tagged:
            return self._text_width + 2 * TAG_PAD[0]
        return self.symbol + SYMBOL_GAP + self._text_width + 1.0

    @cached_property
    def height(self) -> float:
        if self.tagged:
            return self._text_height + 2 * TAG_PAD[1]
        symbol_top, text_top = self._offsets
        return max(symbol_top + self.symbol, text_top + self._text_height)

    def symbol_centre(self, box: Bounds) -> Point:
        """Where the node is: its symbol's centre, or the middle of its tag."""
        if self.tagged:
            return centre_of(box)
        return (box.x0 + self.symbol / 2, box.y0 + self._offsets[0] + self.symbol / 2)

    def box_around(self, symbol_centre: Point) -> Bounds:
        """The footprint whose mark is centred on ``symbol_centre`` (how positions are stored)."""
        x, y = symbol_centre
        if self.tagged:
            return box_at(symbol_centre, self.width, self.height)
        left, top = x - self.symbol / 2, y - self.symbol / 2 - self._offsets[0]
        return Bounds(left, top, left + self.width, top + self.height)

    def texts(self, box: Bounds, node_id: str) -> tuple[Text, ...]:
        """The name and detail as diagram text, inside ``box``."""
        if self.tagged:
            x, y, align = centre_of(box)[0], box.y0 + TAG_PAD[1], Align.MIDDLE
        else:
            x, y, align = box.x0 + self.symbol + SYMBOL_GAP, box.y0 + self._offsets[1], Align.START
        out = []
        for line in self.lines:
            y += self.name_size * FONTS.line_height
            out.append(Text(text=line, at=(x, y - self.name_size * 0.3), size=self.name_size, align=align,
                            node_id=node_id, part="name"))
        for line in self.details:
            y += self.detail_size * FONTS.line_height
            out.append(Text(text=line, at=(x, y - self.detail_size * 0.3), size=self.detail_size, align=align,
                            colour=COLOURS.muted, node_id=node_id, part="detail"))
        return tuple(out)


@dataclass(frozen=True)
class _Entry:
    """A node to place, before its words are wrapped: one footprint for each label width tried."""

    node_id: str
    name: str
    detail: str
    symbol: float


@lru_cache(maxsize=8192)
def _footprint(entry: _Entry, look: Look, width: float) -> Footprint:
    """The entry's footprint with its words wrapped at ``width`` (asked for again and again while packing)."""
    lines = tuple(wrap(entry.name, look.name_size, width) or [entry.name])
    details = wrap(entry.detail, look.detail_size, width) if entry.detail else []
    if len(details) > 2:
        details = [details[0], details[1] + "…"]
    return Footprint(lines, tuple(details), entry.symbol, look.name_size, look.detail_size)


def _entries(nodes: Sequence[AnyNode], details: dict[str, str], look: Look) -> list[_Entry]:
    """What each node is called on the picture; in the child's picture two people with the same
    first name keep their family names, so the child can tell them apart."""
    def short(node: AnyNode) -> str:  # a service without the words in brackets: "(youth service)"
        return node.short_name if isinstance(node, Person) else re.sub(r"\s*\([^)]*\)", "", node.label) or node.label

    counts = Counter(short(n) for n in nodes) if look.first_names else Counter()
    out = []
    for node in nodes:
        if look.first_names:
            name = short(node) if counts[short(node)] < 2 else display_name(node)
        else:
            name = display_name(node)
        symbol = look.symbol if isinstance(node, Person) else 0.0
        ring = node.circle.ring if node.circle is not None else Ring.WIDER  # the list says what the wider ring says
        out.append(_Entry(node.id, name, details.get(node.id, "") if ring in look.detail_rings else "", symbol))
    return out


# ----- the layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedNode:
    node_id: str
    box: Bounds  # the whole footprint; its mark's centre is what ``positions["circles"]`` stores
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
    look: Look = FULL

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
        nearest, farthest, wedge = inner + CIRCLES.band_padding, outer - CIRCLES.band_padding, self.wedges[sector]
        centre = snap_into(centre_of(foot.box_around(symbol_centre)), foot.width, foot.height, nearest, farthest,
                           wedge)
        box = box_at(centre, foot.width, foot.height)
        if in_cell(box, nearest, farthest, wedge):
            return foot.symbol_centre(box)
        # Too big for the cell as it is wrapped now: the mark goes in the cell, and the next layout
        # wraps the words to fit there, or places the label itself.
        return _point_in_cell(symbol_centre, nearest, farthest, wedge)


def in_cell(box: Bounds, nearest: float, farthest: float, wedge: Wedge) -> bool:
    """Whether the whole box lies between the two radii and inside the wedge's margins."""
    return wedge.holds(box) and nearest_distance(box) >= nearest - 1e-6 and farthest_distance(box) <= farthest + 1e-6


def _point_in_cell(point: Point, nearest: float, farthest: float, wedge: Wedge) -> Point:
    """The point moved the least way into the cell (clear of its edges)."""
    distance = min(max(math.hypot(*point), nearest), max(nearest, farthest))
    span = wedge.end - wedge.start
    offset = (math.atan2(point[1], point[0]) - wedge.start) % math.tau
    if offset > span:  # outside the wedge: to whichever edge is nearer
        offset = span if offset - span < math.tau - offset else 0.0
    inset = min(span / 2, (wedge.margin_start + 1.0) / max(distance, 1.0))
    return polar(distance, wedge.start + min(max(offset, inset), span - inset))


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
        return in_cell(box_at(polar(r, a), width, height), nearest, farthest, wedge)

    step = (wedge.end - wedge.start) / 400
    for k in range(401):  # the nearest angle at which the box fits, on either side
        for a in (angle - k * step, angle + k * step) if k else (angle,):
            if wedge.start - 1e-9 <= a <= wedge.end + 1e-9:
                low = radius_for_nearest(a, width, height, nearest)
                r = max(low, min(distance, radius_for_farthest(a, width, height, farthest)))
                if fits(a, r):
                    return polar(r, a)
    return polar(radius_for_nearest(wedge.middle, width, height, nearest), wedge.middle)


# ----- packing a cell: shelves of labels, like lines of text poured into the ring ----------------------
#
# A cell (one ring, one sector) is the part of an annulus inside a wedge. Labels are horizontal text,
# so they are packed in horizontal shelves, top to bottom, each label as far left as it fits: the
# shape of the cell (its curved edges, the hole in the middle, the sector's straight edges) only
# decides where each shelf may hold a label, which is worked out exactly for each label's own size.
# Compared with rows along arcs this wastes little where the ring runs diagonally across the page.

_Interval = tuple[float, float]
_SHELF_STEP = 2.0  # how far down to look again when a shelf cannot start
_SPREAD_MOST = 48.0  # extra room between labels in a cell with room to spare


def _without(intervals: list[_Interval], lo: float, hi: float) -> list[_Interval]:
    """The intervals with the open stretch (lo, hi) taken out."""
    out = []
    for a, b in intervals:
        if hi <= a or lo >= b:
            out.append((a, b))
            continue
        if a <= lo:
            out.append((a, lo))
        if hi <= b:
            out.append((hi, b))
    return out


def _spots(width: float, height: float, top: float, nearest: float, farthest: float, wedge: Wedge,
           blocks: Sequence[Bounds]) -> list[_Interval]:
    """Where the left edge of a ``width`` × ``height`` label with its top at ``top`` may go: the
    label between the two radii, inside the wedge's margins and clear of ``blocks``."""
    bottom = top + height
    far_y = max(abs(top), abs(bottom))
    if far_y >= farthest:
        return []
    half = math.sqrt(farthest * farthest - far_y * far_y)
    intervals: list[_Interval] = [(-half, half - width)]
    near_y = 0.0 if top < 0.0 < bottom else min(abs(top), abs(bottom))
    if near_y < nearest:  # the label must stay left or right of the hole
        hole = math.sqrt(nearest * nearest - near_y * near_y)
        intervals = _without(intervals, -hole - width, hole)
    lo, hi = -math.inf, math.inf
    for k, c, sign, margin in wedge.edges:  # each edge: k·x ≥ margin + sign·c·y at every corner
        need = max(margin + sign * c * top, margin + sign * c * bottom)
        if abs(k) < 1e-12:
            if need > 1e-9:
                return []
        elif k > 0:
            lo = max(lo, need / k)  # the left corners are the ones that matter
        else:
            hi = min(hi, need / k - width)  # the right corners
    intervals = [(max(a, lo), min(b, hi)) for a, b in intervals if max(a, lo) <= min(b, hi)]
    gap = CIRCLES.gap
    for block in blocks:
        if block.y1 + gap > top and bottom > block.y0 - gap:
            intervals = _without(intervals, block.x0 - gap - width, block.x1 + gap)
    return intervals


def _cell_top_bottom(nearest: float, farthest: float, wedge: Wedge) -> tuple[float, float]:
    ys = [r * math.sin(a) for r in (nearest, farthest) for a in (wedge.start, wedge.end)]
    if wedge.covers(-math.pi / 2):
        ys.append(-farthest)
    if wedge.covers(math.pi / 2):
        ys.append(farthest)
    return min(ys), max(ys)


def _shelves(sizes: Sequence[tuple[float, float]], nearest: float, farthest: float, wedge: Wedge,
             blocks: Sequence[Bounds] = (), spread: float = 0.0, lower: float = 0.0) -> list[list[Bounds]] | None:
    """The labels in shelves, in order, or None when they do not all fit.

    ``spread`` is extra room between labels and between shelves; ``lower`` starts the first
    shelf that much further down. Both only serve to spread out a cell that has room to spare.
    """
    span = (wedge.end - wedge.start) % math.tau
    if sum(w * h for w, h in sizes) > span / 2 * (farthest * farthest - nearest * nearest):
        return None  # more to hold than the whole cell
    top, bottom = _cell_top_bottom(nearest, farthest, wedge)
    y = top + lower
    gap = CIRCLES.gap + spread
    step = _SHELF_STEP
    out: list[list[Bounds]] = []
    i = 0
    while i < len(sizes):
        shelf: list[Bounds] = []
        cursor = -math.inf
        for width, height in sizes[i:]:
            room = [iv for iv in _spots(width, height, y, nearest, farthest, wedge, blocks) if iv[1] >= cursor]
            if not room:
                break
            x = max(room[0][0], cursor)
            shelf.append(Bounds(x, y, x + width, y + height))
            cursor = x + width + gap
        if not shelf:
            y += step
            if y > bottom:
                return None
            continue
        out.append(shelf)
        i += len(shelf)
        y = max(b.y1 for b in shelf) + gap
    return out


def _centred(shelf: list[Bounds], nearest: float, farthest: float, wedge: Wedge,
             blocks: Sequence[Bounds]) -> list[Bounds]:
    """The shelf moved right by half the room it has there, so it sits in the middle of the cell."""
    slack = math.inf
    for box in shelf:
        room = _spots(box.width, box.height, box.y0, nearest, farthest, wedge, blocks)
        slack = min(slack, next((b - box.x0 for a, b in room if a - 1e-6 <= box.x0 <= b + 1e-6), 0.0))
    shift = max(0.0, slack / 2)
    return [Bounds(b.x0 + shift, b.y0, b.x1 + shift, b.y1) for b in shelf]


def _most(fits: Callable[[float], bool], high: float, steps: int = 6) -> float:
    """The largest value in [0, high] for which ``fits`` holds (it holds at 0), by halving."""
    if fits(high):
        return high
    lo, hi = 0.0, high
    for _ in range(steps):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    return lo


def _spread_out(sizes: Sequence[tuple[float, float]], nearest: float, farthest: float, wedge: Wedge,
                blocks: Sequence[Bounds]) -> list[Bounds] | None:
    """The labels as evenly spread over the cell as its room allows, or None when they do not fit."""
    if _shelves(sizes, nearest, farthest, wedge, blocks) is None:
        return None
    spread = _most(lambda s: _shelves(sizes, nearest, farthest, wedge, blocks, s) is not None, _SPREAD_MOST)
    top, bottom = _cell_top_bottom(nearest, farthest, wedge)
    lower = _most(lambda d: _shelves(sizes, nearest, farthest, wedge, blocks, spread, d) is not None,
                  bottom - top)
    shelves = _shelves(sizes, nearest, farthest, wedge, blocks, spread, lower / 2)
    if shelves is None:  # halfway down is not always as good as all the way: keep what is known to fit
        shelves = _shelves(sizes, nearest, farthest, wedge, blocks, spread)
    assert shelves is not None
    return [box for shelf in shelves for box in _centred(shelf, nearest, farthest, wedge, blocks)]


def _least_outer(sizes: Sequence[tuple[float, float]], inner: float, wedge: Wedge,
                 blocks: Sequence[Bounds] = ()) -> float:
    """The smallest outer radius (to the point) of a ring starting at ``inner`` whose cell holds
    these labels, by halving between what cannot be enough and what is."""
    pad = CIRCLES.band_padding

    def fits(outer: float) -> bool:
        return _shelves(sizes, inner + pad, outer - pad, wedge, blocks) is not None

    area = sum((w + CIRCLES.gap) * (h + CIRCLES.gap) for w, h in sizes)
    full = math.sqrt(inner * inner + 2 * area / (wedge.end - wedge.start)) + 2 * pad  # if labels filled it all
    lo = max(inner + 2 * pad + max(min(w, h) for w, h in sizes), full) - 1.0
    hi = lo + max(12.0, (lo - inner) / 2)
    while not fits(hi):
        lo, hi = hi, hi + max(12.0, (hi - inner) / 2)
    while hi - lo > 1.0:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if fits(mid) else (mid, hi)
    return hi


# ----- the whole picture -------------------------------------------------------------------------------


@dataclass
class _Cell:
    ring: Ring
    sector: Sector
    auto: list[_Entry] = field(default_factory=list)
    hand: list[tuple[_Entry, Point]] = field(default_factory=list)
    everyone: list[_Entry] = field(default_factory=list)  # in the picture's order, however each is placed
    note: str = ""

    def entries(self) -> list[_Entry]:
        """Everyone in the cell, in order: what the ring's thickness is worked out from, so it does
        not change when someone is moved by hand within the cell."""
        return self.everyone


def _fit_note(text: str, inner: float, outer: float, wedge: Wedge, look: Look) -> tuple[Text, ...] | None:
    """The note centred in its cell, wrapped to fit; None when the cell is too thin for it."""
    size = look.note_size
    lh = size * FONTS.line_height
    width_limit = max(40.0, (outer + inner) / 2 * (wedge.end - wedge.start) * 0.55)
    if abs(math.cos(wedge.middle)) > 0.5:  # beside the child a wide note takes up the ring's depth
        width_limit = min(width_limit, max(CIRCLES.side_name_width, 4 * size) - 6.0)
    lines = wrap(text, size, width_limit)
    height = len(lines) * lh
    width = max(label_width(line, size) for line in lines)
    cx, cy = polar((inner + outer) / 2, wedge.middle)
    box = box_at((cx, cy), width, height)
    if not in_cell(box, inner + CIRCLES.band_padding, outer - CIRCLES.band_padding, wedge):
        return None
    return tuple(
        Text(text=line, at=(cx, box.y0 + (i + 1) * lh - size * 0.3), size=size, colour=COLOURS.muted,
             part="empty-note")
        for i, line in enumerate(lines)
    )


def _sort_key(node: AnyNode, detail: str) -> tuple[object, ...]:
    kind = 0 if isinstance(node, Person) else 1
    return (kind, node.category.value if isinstance(node, Service) else detail, display_name(node).casefold())


def circles_layout(doc: CaseDocument, hidden: frozenset[str] = frozenset(), *, look: Look = FULL,
                   reader: str | None = None, fit_radius: float | None = FIT_RADIUS) -> CirclesLayout:
    """Lay out the circles-of-support picture; ``hidden`` ids (a redacted export) are left out.

    ``look`` says whom the picture is for (:data:`FULL` or :data:`CHILD`); ``reader`` is the child
    the picture is drawn for, who is "Me" in the middle of the child's look. A network too big for
    one sheet in its look is drawn in the denser looks it falls back on, until its rings fit within
    ``fit_radius`` (one A4 sheet by default); ``None`` never falls back (the screen has no sheet).
    """
    children = [p for p in doc.children_at_centre() if p.id not in hidden]
    child_ids = tuple(p.id for p in children)
    details = {n.id: node_detail(doc, n, child_ids) for n in doc.nodes()
               if isinstance(n, (Person, Service)) and n.id not in hidden and n.id not in child_ids}
    nodes = sorted((doc.node(i) for i in details), key=lambda n: _sort_key(n, details[n.id]))
    centre = _centre(children, doc.node(reader) if reader else None, look)
    draft = _Draft(look, nodes, details, centre)
    while fit_radius is not None and look.denser is not None and draft.least_radius() > fit_radius:
        look = look.denser
        draft = _Draft(look, nodes, details, _centre(children, doc.node(reader) if reader else None, look))
    if look.tries_sectors:
        draft = draft.with_best_sectors()
    return draft.layout(child_ids)


class _Draft:
    """The picture in one look before anything is placed: who goes in which cell, the sectors' angles."""

    def __init__(self, look: Look, nodes: Sequence[AnyNode], details: dict[str, str],
                 centre: tuple[float, tuple[Text, ...]]) -> None:
        self.look = look
        self.centre_radius, self.centre_texts = centre
        self.cells = {(r, s): _Cell(r, s) for r in RINGS for s in SECTORS}
        self.unplaced: list[_Entry] = []
        listed = [n for n in nodes if n.circle is not None or (look.lists_unplaced and not (
            isinstance(n, Person) and (n.deceased or n.pregnancy is not PregnancyState.NONE)))]
        for node, entry in zip(listed, _entries(listed, details, look)):
            if node.circle is None:
                self.unplaced.append(entry)
                continue
            cell = self.cells[(node.circle.ring, node.circle.sector)]
            cell.everyone.append(entry)
            hand = node.positions.get("circles")
            if hand is not None:
                cell.hand.append((entry, (float(hand[0]), float(hand[1]))))
            else:
                cell.auto.append(entry)
        _assign_notes(self.cells, look)
        self.wedges = sector_wedges(_sector_weights(self.cells, look))

    def with_best_sectors(self) -> _Draft:
        """This draft with the sectors one step (or more) wider or narrower than guessed, while that
        makes the rings smaller."""
        steps = {s: round((w.end - w.start) / SECTOR_STEP) for s, w in self.wedges.items()}
        least, most = round(SECTOR_LEAST / SECTOR_STEP), round(SECTOR_MOST / SECTOR_STEP)
        best, radius = self, self.least_radius()
        while True:
            tries = []
            for wider, narrower in permutations(SECTORS, 2):
                trial = {**steps, wider: steps[wider] + 1, narrower: steps[narrower] - 1}
                if trial[wider] <= most and trial[narrower] >= least:
                    draft = copy(best)
                    draft.wedges = _wedges_of({s: n * SECTOR_STEP for s, n in trial.items()})
                    tries.append((draft.least_radius(), trial, draft))
            if not tries or min(t[0] for t in tries) > radius - 0.5:
                return best
            radius, steps, best = min(tries, key=lambda t: t[0])

    def ring_cells(self, ring: Ring) -> list[_Cell]:
        return [self.cells[(ring, s)] for s in SECTORS]

    def least_radius(self) -> float:
        """How big the rings must be, before labels set by hand are taken into account."""
        inner = self.centre_radius
        for ring in RINGS:
            inner = _least_ring(inner, self.ring_cells(ring), self.wedges, self.look)
        return inner

    def layout(self, child_ids: tuple[str, ...]) -> CirclesLayout:
        look, wedges = self.look, self.wedges
        bands: dict[Ring, tuple[float, float]] = {}
        placed: dict[str, PlacedNode] = {}
        notes: list[Text] = []
        # Each ring's title is written across its own outline, on the edge between professionals and
        # community; the labels on both sides of the outline keep clear of it.
        ray, size = wedges[Sector.PROFESSIONAL].end, look.ring_title_size
        ring_titles: list[Text] = []
        inner = self.centre_radius
        for ring in RINGS:
            def title_at(radius: float, ring: Ring = ring) -> Text:
                return Text(text=look.ring_title(ring), at=_on_ray(ray, radius, size), size=size,
                            colour=COLOURS.muted, part="ring-title", halo=True)

            below = ring_titles[-1].bounds if ring_titles else None
            outer, ring_nodes, ring_notes, title = _lay_ring(inner, self.ring_cells(ring), wedges, look, title_at,
                                                             below)
            bands[ring] = (inner, outer)
            placed.update(ring_nodes)
            notes.extend(ring_notes)
            ring_titles.append(title)
            inner = outer
        outer_radius = bands[Ring.WIDER][1]
        sector_titles = tuple(line for s in SECTORS for line in _sector_titles(s, wedges[s], outer_radius, look))
        layout = CirclesLayout(child_ids, self.centre_radius, self.centre_texts, bands, wedges, placed,
                               tuple(notes), sector_titles, tuple(ring_titles), None, look)
        if not self.unplaced:
            return layout
        listed = [(e.node_id, _footprint(e, look, look.wraps[1])) for e in self.unplaced]
        list_title, on_list = _list_unplaced(listed, layout.bounds(), outer_radius)
        return replace(layout, nodes={**placed, **on_list}, list_title=list_title)


def _sector_weights(cells: dict[tuple[Ring, Sector], _Cell], look: Look) -> dict[Sector, float]:
    """How much of the circle each sector needs: the room its labels take in the ring where they
    are most crowded. The ring with most in it decides how thick the rings are, and an outer ring's
    arcs are longer, so its labels count for less."""
    gap = CIRCLES.gap
    weights = dict.fromkeys(SECTORS, 0.0)
    for (ring, sector), cell in cells.items():
        area = 0.0
        for entry in cell.entries():
            foot = _footprint(entry, look, look.wraps[1])
            area += (foot.width + gap) * (foot.height + gap)
        weights[sector] = max(weights[sector], area / (RINGS.index(ring) + 1))
    return weights


def _on_ray(angle: float, distance: float, size: float) -> Point:
    """The baseline point that centres a line of text of ``size`` on the ray at ``distance``."""
    x, y = polar(distance, angle)
    return (x, y + size * 0.35)


def _assign_notes(cells: dict[tuple[Ring, Sector], _Cell], look: Look) -> None:
    """Say so where a whole sector or ring is empty, each note in a cell of its own."""
    def empty(cell: _Cell) -> bool:
        return not cell.auto and not cell.hand

    empty_sectors = [s for s in SECTORS if all(empty(cells[(r, s)]) for r in RINGS)]
    for sector in empty_sectors:
        cells[(Ring.CLOSE, sector)].note = look.sector_notes[SECTORS.index(sector)]
    if len(empty_sectors) == len(SECTORS):
        return
    for ring in RINGS:
        if all(empty(cells[(ring, s)]) for s in SECTORS):
            host = next(s for s in SECTORS if not cells[(ring, s)].note)
            cells[(ring, host)].note = look.ring_notes[RINGS.index(ring)]


def _centre(children: Sequence[Person], reader: AnyNode | None, look: Look) -> tuple[float, tuple[Text, ...]]:
    """The middle of the picture: the children's names, or "Me" in the child's own picture."""
    least = CIRCLES.centre_radius
    if reader is None:
        return centre_words(children, look.centre_size, least, 6.0, widths=tuple(float(w) for w in range(50, 150, 10)))
    others = "and " + ", ".join(c.short_name for c in children if c.id != reader.id)

    def me_and(width: float) -> tuple[float, tuple[Text, ...]]:
        lines = ["Me"] + (wrap(others, look.name_size, width, bold=True) if len(children) > 1 else [])
        return centre_lines(lines, [look.centre_size] + [look.name_size] * (len(lines) - 1), least, 6.0, reader.id)

    return min((me_and(float(width)) for width in range(50, 150, 10)), key=lambda found: found[0])


def centre_words(children: Sequence[Person], size: float, least_radius: float, padding: float,
                 widths: Sequence[float] = (110.0,)) -> tuple[float, tuple[Text, ...]]:
    """The child's name in the middle circle (both views), and the radius that holds it.

    One child: their name as on the genogram. A group of brothers and sisters: their first names,
    then the family name they share, wrapped at whichever of ``widths`` makes the smallest circle,
    so the middle stays small enough for the rings around it.
    """
    node_id = children[0].id if children else None
    if len(children) < 2:
        lines = (list(name_lines(children[0])) or [children[0].label]) if children else ["the child"]
        return centre_lines(lines, size, least_radius, padding, node_id)
    families = {c.family_name for c in children}
    shared = families.pop() if len(families) == 1 else ""
    names = ", ".join(c.short_name if shared else " ".join(name_lines(c)) for c in children)
    return min((centre_lines(wrap(names, size, width, bold=True) + ([shared] if shared else []), size,
                             least_radius, padding, node_id) for width in widths), key=lambda found: found[0])


def centre_lines(lines: Sequence[str], sizes: Sequence[float] | float, least_radius: float, padding: float,
                 node_id: str | None) -> tuple[float, tuple[Text, ...]]:
    """Bold lines centred in the middle circle, and the radius of the circle that holds them."""
    sizes = [sizes] * len(lines) if isinstance(sizes, float) else list(sizes)
    heights = [size * FONTS.line_height for size in sizes]
    width = max(label_width(line, size, bold=True) for line, size in zip(lines, sizes))
    height = sum(heights)
    # Inside the inner of the two outlines (the child's double circle, as on the genogram).
    radius = max(least_radius, math.hypot(width, height) / 2 + padding + 2 * GENOGRAM.double_gap)
    texts, y = [], -height / 2
    for line, size, lh in zip(lines, sizes, heights):
        y += lh
        texts.append(Text(text=line, at=(0.0, y - size * 0.3), size=size, bold=True, node_id=node_id,
                          part="centre-name"))
    return radius, tuple(texts)


def _least_ring(inner: float, cells: list[_Cell], wedges: dict[Sector, Wedge], look: Look) -> float:
    """The outer radius of the thinnest ring that holds what each of its cells holds, notes included."""
    outer = inner + CIRCLES.band_min
    for cell in cells:
        if cell.entries():
            outer = max(outer, _cell_outer(tuple(cell.entries()), inner, wedges[cell.sector], look))
    for cell in cells:
        while cell.note and _fit_note(cell.note, inner, outer, wedges[cell.sector], look) is None:
            outer += 6.0
    return outer


@lru_cache(maxsize=2048)
def _cell_outer(entries: tuple[_Entry, ...], inner: float, wedge: Wedge, look: Look) -> float:
    """The least outer radius of a cell holding these labels, at whichever wrap packs them thinnest."""
    return min(_least_outer([_size(e, look, width) for e in entries], inner, wedge) for width in look.wraps)


def _lay_ring(inner: float, cells: list[_Cell], wedges: dict[Sector, Wedge], look: Look,
              title_at: Callable[[float], Text], below: Bounds | None
              ) -> tuple[float, dict[str, PlacedNode], list[Text], Text]:
    """One ring: as thin as its fullest cell allows, then each cell spread over the room it has,
    clear of the ring's title on its outline (``title_at`` the outer radius) and of the title on
    the outline ``below`` it. Returns the outer radius, the nodes, the notes and the title."""
    outer = _least_ring(inner, cells, wedges, look)
    for _ in range(4):  # a ring that grows for labels set by hand moves its title: place again round it
        title = title_at(outer)
        blocks = [box for box in (below, title.bounds) if box is not None]
        placed: dict[str, PlacedNode] = {}
        grown = outer
        for cell in cells:
            cell_nodes, grown = _lay_cell(cell, inner, grown, wedges[cell.sector], look, blocks)
            placed.update(cell_nodes)
        if grown <= outer:
            break
        outer = grown
    notes: list[Text] = []
    for cell in cells:
        if cell.note:
            notes.extend(_fit_note(cell.note, inner, outer, wedges[cell.sector], look) or ())
    return outer, placed, notes, title_at(outer)


def _size(entry: _Entry, look: Look, width: float) -> tuple[float, float]:
    foot = _footprint(entry, look, width)
    return foot.width, foot.height


def _lay_cell(cell: _Cell, inner: float, outer: float, wedge: Wedge, look: Look, titles: Sequence[Bounds]
              ) -> tuple[dict[str, PlacedNode], float]:
    """The cell's labels at the widest wrap that fits the ring and keeps every label set by hand
    where it was put; else near where it was put; else the widest that fits at all. All keep clear
    of the ring ``titles``.

    Returns the nodes and the ring's outer radius, grown only when the labels set by hand or the
    titles leave too little room for the rest.
    """
    nearest, farthest = inner + CIRCLES.band_padding, outer - CIRCLES.band_padding
    fallback, honoured = None, -1
    for width in look.wraps:
        hand, auto, kept = _hand_placed(cell, look, width, nearest, farthest, wedge, titles)
        blocks = [*titles, *(n.box for n in hand.values())]
        boxes = _spread_out([_size(e, look, width) for e in auto], nearest, farthest, wedge, blocks)
        how_well = 2 if kept else 1 if len(hand) == len(cell.hand) else 0
        if boxes is not None and how_well > honoured:
            fallback, honoured = (width, hand, auto, boxes), how_well
            if kept:
                break
    if fallback is None:  # too little room left: the ring grows to hold the rest
        sizes = [_size(e, look, width) for e in auto]
        outer = max(outer, _least_outer(sizes, inner, wedge, blocks))
        boxes = _spread_out(sizes, nearest, outer - CIRCLES.band_padding, wedge, blocks)
        while boxes is None:  # (packing is not quite monotonic in the radius)
            outer += 6.0
            boxes = _spread_out(sizes, nearest, outer - CIRCLES.band_padding, wedge, blocks)
        fallback = (width, hand, auto, boxes)
    width, hand, auto, boxes = fallback
    placed = dict(hand)
    for entry, box in zip(auto, boxes):
        placed[entry.node_id] = PlacedNode(entry.node_id, box, _footprint(entry, look, width), cell.ring, cell.sector)
    return placed, outer


def _hand_placed(cell: _Cell, look: Look, width: float, nearest: float, farthest: float, wedge: Wedge,
                 titles: Sequence[Bounds]) -> tuple[dict[str, PlacedNode], list[_Entry], bool]:
    """The labels set by hand, pulled inside their cell; the labels to place with the rest (those
    with no free room near their spot too); and whether every one set by hand stays where it was put."""
    placed: dict[str, PlacedNode] = {}
    rest = list(cell.auto)
    kept = True
    for entry, point in cell.hand:
        foot = _footprint(entry, look, width)
        box = _free_spot(centre_of(foot.box_around(point)), foot, nearest, farthest, wedge,
                         [*titles, *(n.box for n in placed.values())])
        if box is None:  # dropped on top of others with no room nearby: placed like the rest
            rest.append(entry)
            kept = False
            continue
        placed[entry.node_id] = PlacedNode(entry.node_id, box, foot, cell.ring, cell.sector, hand_placed=True)
        kept = kept and math.dist(foot.symbol_centre(box), point) < 0.01
    return placed, rest, kept


def _free_spot(point: Point, foot: Footprint, nearest: float, farthest: float, wedge: Wedge,
               taken: Sequence[Bounds]) -> Bounds | None:
    """The hand-placed box, snapped into its cell and, if it lands on another, moved to the nearest
    free place around it; None when there is none close by."""
    centre = snap_into(point, foot.width, foot.height, nearest, farthest, wedge)
    gap = CIRCLES.gap

    def free(box: Bounds) -> bool:  # inside too: snapping gives up on a cell too small for the box
        return in_cell(box, nearest, farthest, wedge) and not any(box.intersects(o.expanded(gap)) for o in taken)

    box = box_at(centre, foot.width, foot.height)
    if free(box):
        return box
    if not in_cell(box, nearest, farthest, wedge):  # too big for the cell at this wrap: no use looking around
        return None
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


def _sector_titles(sector: Sector, wedge: Wedge, outer: float, look: Look) -> tuple[Text, ...]:
    """The sector's name outside the rings: the family's above them, the others' in the corners
    below, where the square around the rings has room to spare; beside the rings when it has not."""
    size = look.sector_title_size
    beside = abs(math.cos(wedge.middle)) > 0.5
    title = look.sector_title(sector)
    lines = wrap(title, size, max(70.0, 6 * size), bold=True) if beside else [title]
    lh = size * FONTS.line_height
    width, height = max(label_width(line, size, bold=True) for line in lines), len(lines) * lh
    clear = outer + 8.0
    cx, cy = polar(radius_for_nearest(wedge.middle, width, height, clear), wedge.middle)
    if beside:
        corner_x = math.copysign(outer - width / 2, math.cos(wedge.middle))
        corner_y = math.copysign(outer - height / 2, math.sin(wedge.middle))
        corner = box_at((corner_x, corner_y), width, height)
        if nearest_distance(corner) >= clear and wedge.covers(math.atan2(corner_y, corner_x)):
            cx, cy = corner_x, corner_y
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

