"""Hartman's ecomap: the child (or their household) in the middle, a circle for each tie around it.

People and services are grouped around the centre by sector (family at the top, professionals
clockwise after it, friends and community after them) and, within a sector, by who they are or what
kind of service they are, so related circles sit together and every tie is a straight radial line
that crosses nothing. Each circle is small, with its words (name, who they are, the support) just
beyond it, straight out from the middle, so no line runs through them; the words are wrapped per
circle to take least room along the orbit. The orbit is the smallest on which no two circles or
blocks of words touch: measured, not guessed. When one orbit would be far wider than the centre
needs, a second, staggered one is tried, each outer line passing between two inner circles; a
slightly narrower orbit is tried too, and the placement that needs the smallest sheet of paper
(with its key) wins. Circles the practitioner placed by hand stay where they were put.

Coordinates are points, x right, y down, the centre at (0, 0): the editor's scene uses the same
ones, so a position dragged to is stored as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..graph.document import CaseDocument
from ..graph.model import (
    AnyNode,
    EcomapTie,
    Gender,
    Household,
    Person,
    Point,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
    TieStrength,
)
from .circles import (
    SECTOR_TITLES,
    SECTORS,
    box_at,
    centre_words,
    default_sector,
    farthest_distance,
    label_width,
    nearest_distance,
    node_detail,
    polar,
    radius_for_nearest,
)
from .diagram import Align, Bounds, Text, segment_crosses
from .labels import name_lines
from .style import COLOURS, ECOMAP, FONTS, GENOGRAM, SUPPORT_COLOUR
from .textsize import wrap

VIEW = "ecomap"
_STRENGTH_ORDER = {TieStrength.STRONG: 0, TieStrength.MODERATE: 1, TieStrength.TENUOUS: 2}
_CATEGORY_ORDER = {c: i for i, c in enumerate(ServiceCategory)}
_KIN_ORDER = ("mother", "father", "parent", "step", "adoptive", "foster", "kinship", "sister", "brother", "sibling",
              "half", "grand", "aunt", "uncle", "cousin")
_SUPPORT_ORDER = {k: i for i, k in enumerate(SupportKind)}
_ROW_COST = 3.0  # points of orbit worth saving to write a circle's words on one row fewer
_COMPACT_ENOUGH = 1.03  # a more readable placement wins if the drawing is at most this much bigger
_SECOND_ORBIT = 1.8  # a second orbit is tried when one would be this much wider than the centre needs
_KEY_ROOM = (236.0, 176.0)  # about what the key takes beside or below the drawing, with the gap


@dataclass(frozen=True)
class EcomapCircle:
    """One person or service: a small circle, and its words just beyond it.

    The words are the name, who they are to the child, and the kinds of support on the tie. They sit
    straight out from the middle, on the far side of the circle from its line, so no line runs
    through them; ``label`` is the block they fill.
    """

    node_id: str
    centre: Point
    radius: float
    sector: Sector
    texts: tuple[Text, ...]
    label: Bounds
    hand_placed: bool = False

    def box(self) -> Bounds:
        """The circle and its words."""
        x, y = self.centre
        return Bounds(x - self.radius, y - self.radius, x + self.radius, y + self.radius).union(self.label)


@dataclass(frozen=True)
class EcomapLink:
    """A tie as a straight line from the rim of the centre (or a member in it) to a circle's rim."""

    rel_id: str
    source_id: str
    target_id: str
    start: Point
    end: Point
    inner: bool = False  # between two people inside the centre


@dataclass(frozen=True)
class Member:
    """A person in the household drawn as a small genogram in the centre."""

    node_id: str
    centre: Point
    size: float
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class MemberLine:
    """A couple line or a line of descent inside the household's small genogram."""

    points: tuple[Point, ...]
    rel_id: str | None
    kind: str  # "couple" or "descent"


@dataclass(frozen=True)
class EcomapLayout:
    centre_ids: tuple[str, ...]  # the child, or the household's members
    household_id: str | None  # set when the household is in the centre
    centre_radius: float
    centre_texts: tuple[Text, ...]
    members: tuple[Member, ...]
    member_lines: tuple[MemberLine, ...]
    circles: dict[str, EcomapCircle]
    links: tuple[EcomapLink, ...]
    sector_titles: tuple[Text, ...]
    orbits: tuple[float, ...] = field(default=())  # the inner (and outer) orbit's half-height

    def bounds(self) -> Bounds:
        r = self.centre_radius
        whole = Bounds(-r, -r, r, r)
        for circle in self.circles.values():
            whole = whole.union(circle.box())
        for text in self.sector_titles:
            whole = whole.union(text.bounds)
        return whole


# ----- what goes where --------------------------------------------------------------------------------


def _kin_rank(detail: str) -> int:
    return next((i for i, word in enumerate(_KIN_ORDER) if detail.startswith(word) or f" {word}" in detail),
                len(_KIN_ORDER))


def _group_key(node: AnyNode, detail: str, tie: EcomapTie) -> tuple[object, ...]:
    """Within a sector: people by how they are related, services by category, strongest ties first."""
    if isinstance(node, Service):
        group: tuple[object, ...] = (1, _CATEGORY_ORDER[node.category], "")
    else:
        group = (0, _kin_rank(detail), detail)
    return (*group, _STRENGTH_ORDER[tie.strength], node.label.casefold())


def support_text(tie: EcomapTie) -> str:
    """The kinds of support on a tie, in a fixed order ("practical, emotional")."""
    return ", ".join(k.value for k in sorted(tie.support, key=_SUPPORT_ORDER.__getitem__))


def _choose_centre(doc: CaseDocument, ties: Sequence[EcomapTie], hidden: frozenset[str],
                   household: bool | None) -> tuple[tuple[str, ...], Household | None]:
    """The child alone, or the household when ties start from it (or the caller asks for it)."""
    children = tuple(p.id for p in doc.children_at_centre() if p.id not in hidden)
    sources = [doc.node(t.source) for t in ties]
    homes = [s for s in sources if isinstance(s, Household)]
    if household is None:
        household = bool(homes)
    if not household:
        return children, None
    if not homes:
        homes = [h for c in children for h in doc.household_of(c) if h.id not in hidden]
    if not homes:
        return children, None
    home = max(dict.fromkeys(homes), key=lambda h: sum(1 for s in sources if s.id == h.id))
    members = tuple(m for m in sorted(home.members) if m not in hidden and isinstance(doc.node(m), Person))
    extra = tuple(c for c in children if c not in members)
    return members + extra, home


def ecomap_layout(doc: CaseDocument, hidden: frozenset[str] = frozenset(), household: bool | None = None,
                  show_support: bool = True) -> EcomapLayout:
    """Lay out the ecomap. ``hidden`` node and tie ids are left out (a redacted export);
    ``household`` puts the child's household in the centre (None: when ties start from it)."""
    ties = [t for t in doc.ecomap_ties()
            if t.id not in hidden and t.source not in hidden and t.target not in hidden]
    centre_ids, home = _choose_centre(doc, ties, hidden, household)
    if home is not None:
        centre_radius, centre_texts, members, member_lines = _household_centre(doc, home, centre_ids)
    else:
        centre_radius, centre_texts = _child_centre(doc, centre_ids)
        members, member_lines = (), ()
    inside = set(centre_ids) | ({home.id} if home else set())
    # Many ties meet at the centre: give each line (and arrow head) room on its rim.
    centre_radius = max(centre_radius, len(ties) * ECOMAP.tie_spacing * 1.3 / math.tau)
    child_ids = tuple(p.id for p in doc.children_at_centre() if p.id not in hidden)

    outer_ties = [t for t in ties if t.target not in inside]
    first_tie: dict[str, EcomapTie] = {}
    for tie in sorted(outer_ties, key=lambda t: _STRENGTH_ORDER[t.strength]):
        first_tie.setdefault(tie.target, tie)
    # Ties from the child (or the household) are the ecomap's own; any other's are named.
    plain = {child_ids[0] if child_ids else "", home.id if home else ""}
    specs = []
    for target, tie in first_tie.items():
        node = doc.node(target)
        detail = node_detail(doc, node, child_ids)
        sector = default_sector(doc, node, child_ids)
        support = _support_words(doc, [t for t in outer_ties if t.target == target], plain) if show_support else ""
        specs.append(_Spec(node, detail, sector, _group_key(node, detail, tie), support))
    specs.sort(key=lambda s: (SECTORS.index(s.sector), s.key))

    circles, orbits = _place_circles(specs, centre_radius)
    links = _links(doc, ties, inside, circles, centre_radius, members)
    titles = _sector_titles(circles, links, centre_radius)
    return EcomapLayout(centre_ids, home.id if home else None, centre_radius, centre_texts, members, member_lines,
                        circles, tuple(links), titles, orbits)


def _support_words(doc: CaseDocument, ties: Sequence[EcomapTie], plain: set[str]) -> str:
    """The kinds of support on the ties to one circle; a tie from someone other than the child (a
    brother, say) is prefixed with their name, since every line starts from the same centre."""
    parts = []
    for tie in ties:
        words = support_text(tie)
        if not words:
            continue
        if tie.source not in plain:
            source = doc.node(tie.source)
            name = source.known_as or source.given_names.split(" ")[0] if isinstance(source, Person) else ""
            words = f"{name}: {words}" if name else words
        parts.append(words)
    return "; ".join(parts)


# ----- the centre ------------------------------------------------------------------------------------


def _child_centre(doc: CaseDocument, child_ids: Sequence[str]) -> tuple[float, tuple[Text, ...]]:
    children = [c for c in (doc.node(i) for i in child_ids) if isinstance(c, Person)]
    return centre_words(children, ECOMAP.name_size + 1.5, ECOMAP.centre_radius, ECOMAP.text_padding)


def _household_centre(doc: CaseDocument, home: Household, member_ids: Sequence[str]
                      ) -> tuple[float, tuple[Text, ...], tuple[Member, ...], tuple[MemberLine, ...]]:
    """The household as a small genogram: adults on top (male partner left), children below, oldest left."""
    people = [doc.node(m) for m in member_ids]
    people = [p for p in people if isinstance(p, Person)]
    ids = {p.id for p in people}
    parents_here = {p.id for p in people
                    if any(c.id in ids for c in doc.children_of(p.id))}
    adults = [p for p in people if p.id in parents_here or (p.roles & {Role.PARENT, Role.CARER, Role.KINSHIP_CARER,
                                                                          Role.FOSTER_CARER})]
    if not adults and len(people) > 1:
        adults = [p for p in people if not p.is_child_at_centre][:2]
    kids = [p for p in people if p not in adults]
    adults = _couples_first(doc, adults)
    kids.sort(key=lambda p: (p.birth.earliest() if p.birth else (9999, 12, 31), p.label))

    symbol = ECOMAP.mini_symbol
    size = ECOMAP.detail_size + 0.5
    lh = _row_height(size)
    rows = [row for row in (adults, kids) if row]
    names = {p.id: wrap_name(p.short_name, size, ECOMAP.mini_name_width) for p in people}
    places = [_row_places([max(label_width(line, size) for line in names[p.id]) for p in row]) for row in rows]

    def depth(r: int) -> float:
        """How far the names of row ``r`` reach from its symbols (two levels when staggered)."""
        levels = places[r][1]
        return sum(max((len(names[p.id]) for p, level in zip(rows[r], levels) if level == k), default=0) * lh
                   for k in (0, 1))

    # Names sit above the top row and below the bottom one, so the space between the rows holds only
    # lines: descent, and any tie between the child and someone they live with. The household's
    # name goes on top, and the whole block is centred in the circle.
    reach = symbol / 2 + GENOGRAM.double_gap + 1.0  # past the child's double outline
    row_gap = symbol + 2 * ECOMAP.mini_gap
    title_size = ECOMAP.detail_size
    title_room = _row_height(title_size) + 2.0
    above = depth(0) if len(rows) > 1 else 0.0
    below = depth(len(rows) - 1) if rows else 0.0
    height = title_room + above + max(len(rows) - 1, 0) * row_gap + 2 * reach + below
    first_row = -height / 2 + title_room + above + reach
    members: list[Member] = []
    for r, row in enumerate(rows):
        y = first_row + r * row_gap
        xs, levels = places[r]
        top = r == 0 and len(rows) > 1
        for person, cx, level in zip(row, xs, levels):
            lines = names[person.id]
            # A staggered name starts past the longest name on the level nearer the symbols.
            skip = max((len(names[p.id]) for p, k in zip(row, levels) if k == 0), default=0) * lh if level else 0.0
            if top:
                baselines = [y - reach - skip - (len(lines) - 1 - i) * lh - size * 0.25 for i in range(len(lines))]
            else:
                baselines = [y + reach + skip + i * lh + size * 0.8 for i in range(len(lines))]
            texts = tuple(Text(text=line, at=(cx, b), size=size, node_id=person.id, part="name")
                          for line, b in zip(lines, baselines))
            members.append(Member(person.id, (cx, y), symbol, texts))
    title = Text(text=home.label, at=(0.0, -height / 2 + title_size * 0.85), size=title_size, colour=COLOURS.muted,
                 node_id=home.id, part="household-name")
    lines = _member_lines(doc, members, {p.id for p in adults})
    boxes = [box_at(m.centre, 2 * reach, 2 * reach) for m in members]
    boxes += [t.bounds for m in members for t in m.texts] + [title.bounds]
    radius = max([ECOMAP.centre_radius] + [farthest_distance(b) + ECOMAP.text_padding for b in boxes])
    return radius, (title,), tuple(members), lines


def _row_places(widths: Sequence[float]) -> tuple[list[float], list[int]]:
    """Where each person in a row of the small genogram goes (centred on 0), and whether their name
    is on the first level or staggered to the second.

    Side by side each takes the width of its name. A row of four or more whose names are much wider
    than their symbols staggers the names, every other one a line further out, so the symbols can
    stand closer: the centre, and with it the whole ecomap, stays smaller.
    """
    symbol, gap = ECOMAP.mini_symbol + 2 * GENOGRAM.double_gap, ECOMAP.mini_gap
    sizes = [max(symbol, w) + gap for w in widths]
    n = len(widths)
    pitch = max([symbol + gap] + [((widths[i] + widths[i + 2]) / 2 + gap) / 2 for i in range(n - 2)])
    if n >= 4 and pitch * n < 0.8 * sum(sizes):
        return [(i - (n - 1) / 2) * pitch for i in range(n)], [i % 2 for i in range(n)]
    xs, x = [], -sum(sizes) / 2
    for size in sizes:
        xs.append(x + size / 2)
        x += size
    return xs, [0] * n


def _couples_first(doc: CaseDocument, adults: list[Person]) -> list[Person]:
    """Partners side by side, the male partner on the left where both are known."""
    ordered: list[Person] = []
    for person in sorted(adults, key=lambda p: (p.gender is not Gender.MALE, p.label)):
        if person in ordered:
            continue
        ordered.append(person)
        for rel in doc.partnerships_of(person.id):
            other = rel.target if rel.source == person.id else rel.source
            partner = next((a for a in adults if a.id == other and a not in ordered), None)
            if partner is not None:
                ordered.append(partner)
    return ordered


def _member_lines(doc: CaseDocument, members: Sequence[Member], adult_ids: set[str]) -> tuple[MemberLine, ...]:
    where = {m.node_id: m for m in members}
    lines: list[MemberLine] = []
    units: list[tuple[Point, set[str]]] = []  # where a line of descent starts, and its children
    done: set[str] = set()
    coupled: set[str] = set()
    for member in members:
        if member.node_id not in adult_ids:
            continue
        for rel in doc.partnerships_of(member.node_id):
            other = rel.target if rel.source == member.node_id else rel.source
            if other in where and other in adult_ids and rel.id not in done:
                done.add(rel.id)
                coupled |= {member.node_id, other}
                a, b = sorted((member, where[other]), key=lambda m: m.centre[0])
                y = a.centre[1]
                lines.append(MemberLine(((a.centre[0] + a.size / 2, y), (b.centre[0] - b.size / 2, y)), rel.id,
                                        "couple"))
                kids = _kids_here(doc, (a.node_id, b.node_id), where, adult_ids)
                if kids:
                    units.append((((a.centre[0] + b.centre[0]) / 2, y), kids))
    for member in members:
        if member.node_id in adult_ids and member.node_id not in coupled:
            kids = _kids_here(doc, (member.node_id,), where, adult_ids)
            if kids:
                units.append(((member.centre[0], member.centre[1] + member.size / 2), kids))
    for start, kids in units:
        child_members = sorted((where[k] for k in kids), key=lambda m: m.centre[0])
        bar_y = child_members[0].centre[1] - child_members[0].size / 2 - 6.0
        xs = [m.centre[0] for m in child_members]
        lines.append(MemberLine((start, (start[0], bar_y)), None, "descent"))
        lines.append(MemberLine(((min(xs + [start[0]]), bar_y), (max(xs + [start[0]]), bar_y)), None, "descent"))
        for m in child_members:
            lines.append(MemberLine(((m.centre[0], bar_y), (m.centre[0], m.centre[1] - m.size / 2)), None,
                                    "descent"))
    return tuple(lines)


def _kids_here(doc: CaseDocument, parents: Sequence[str], where: dict[str, Member], adult_ids: set[str]) -> set[str]:
    kids = [{c.id for c in doc.children_of(p) if c.id in where and c.id not in adult_ids} for p in parents]
    return set.intersection(*kids) if len(kids) > 1 else kids[0]


# ----- the circles around it -------------------------------------------------------------------------

Row = tuple[str, float, str]  # text, size, part


@dataclass(frozen=True)
class _Block:
    """One way of wrapping a circle's words: the rows, and the size of the block they make."""

    rows: tuple[Row, ...]
    width: float
    height: float


@dataclass
class _Spec:
    node: AnyNode
    detail: str
    sector: Sector
    key: tuple[object, ...]
    support: str
    blocks: tuple[_Block, ...] = ()


def _blocks(spec: _Spec) -> tuple[_Block, ...]:
    """Name, who they are and the support, wrapped at each of a few widths.

    A narrow, tall block suits the top and bottom of the ring, where its width is what the
    neighbours make room for; a wide, short one suits the sides. The placement picks per circle.
    """
    node = spec.node
    name = (" ".join(name_lines(node)) if isinstance(node, Person) else "") or node.label
    found: dict[tuple[Row, ...], _Block] = {}
    for width in ECOMAP.label_widths:
        rows = [(part, ECOMAP.name_size, "name") for part in wrap_name(name, ECOMAP.name_size, width)]
        rows += [(part, ECOMAP.detail_size, "detail") for part in wrap(spec.detail, ECOMAP.detail_size, width)]
        rows += [(part, ECOMAP.support_size, "support") for part in wrap(spec.support, ECOMAP.support_size, width)]
        key = tuple(rows)
        if key not in found:
            found[key] = _Block(key, max(label_width(text, size) for text, size, _ in key),
                                sum(_row_height(size) for _, size, _ in key))
    return tuple(found.values())


def wrap_name(text: str, size: float, width: float) -> list[str]:
    """Wrap at spaces, and inside a long double-barrelled name after its hyphen."""
    lines = wrap(text.replace("-", "- "), size, width) or [text]
    return [line.replace("- ", "-") for line in lines]


def _row_height(size: float) -> float:
    return size * FONTS.line_height


def _label_box(centre: Point, block: _Block) -> Bounds:
    """Where a circle's words go: just beyond its rim, straight out from the middle of the ecomap,
    so its own line never runs through them."""
    dx, dy = _label_offset(_direction(centre), block.width, block.height)
    x, y, half_w, half_h = centre[0] + dx, centre[1] + dy, block.width / 2, block.height / 2
    return Bounds(x - half_w, y - half_h, x + half_w, y + half_h)


def _direction(centre: Point) -> float:
    return math.atan2(centre[1], centre[0]) if any(centre) else -math.pi / 2


@lru_cache(maxsize=8192)
def _label_offset(angle: float, width: float, height: float) -> Point:
    """From a circle's centre to the middle of its words (the search asks for the same ones often)."""
    reach = radius_for_nearest(angle, width, height, ECOMAP.node_radius + ECOMAP.label_gap)
    return (reach * math.cos(angle), reach * math.sin(angle))


def _label_texts(node_id: str, centre: Point, block: _Block, box: Bounds) -> tuple[Text, ...]:
    """The rows of words, aligned towards the circle: left-aligned on the right-hand side of the
    ecomap, right-aligned on the left, centred at the top and bottom."""
    across = math.cos(_direction(centre))
    align = Align.START if across > 0.3 else Align.END if across < -0.3 else Align.MIDDLE
    x = box.x0 if align is Align.START else box.x1 if align is Align.END else (box.x0 + box.x1) / 2
    y = box.y0
    out = []
    for text, size, part in block.rows:
        colour = {"name": COLOURS.ink, "support": SUPPORT_COLOUR}.get(part, COLOURS.muted)
        # Each row's glyphs (as Text.bounds measures them) sit inside its share of the block.
        out.append(Text(text=text, at=(x, y + size * 0.9), size=size, node_id=node_id, part=part, colour=colour,
                        align=align))
        y += _row_height(size)
    return tuple(out)


def _circle(spec: _Spec, centre: Point, block: _Block, hand: bool = False, words: bool = False) -> EcomapCircle:
    """A circle and the box its words fill; the words themselves only when ``words`` (the search for
    a placement tries thousands of circles and needs only their boxes)."""
    box = _label_box(centre, block)
    texts = _label_texts(spec.node.id, centre, block, box) if words else ()
    return EcomapCircle(spec.node.id, centre, ECOMAP.node_radius, spec.sector, texts, box, hand)


def _span(centre: Point, block: _Block) -> tuple[float, float, float]:
    """The angles (relative to the circle's own direction) that a circle at ``centre`` and its words
    cover, seen from the middle, and its distance from there: two neighbours whose spans do not
    meet cannot touch, and no line runs through either."""
    x, y = centre
    distance = math.hypot(x, y) or 1.0
    ux, uy = x / distance, y / distance
    dx, dy = _label_offset(_direction(centre), block.width, block.height)
    half = math.asin(min(1.0, ECOMAP.node_radius / distance))
    low, high = -half, half
    for cx in (x + dx - block.width / 2, x + dx + block.width / 2):
        for cy in (y + dy - block.height / 2, y + dy + block.height / 2):
            turn = math.atan2(ux * cy - uy * cx, ux * cx + uy * cy)
            low, high = min(low, turn), max(high, turn)
    return low, high, distance


# ----- placing them on one or two orbits ------------------------------------------------------------


@dataclass(frozen=True)
class _Ring:
    """A trial placement: the order, which circles go on the outer orbit, how the words are chosen,
    and the orbit's shape.

    Words beside circles on the left and right stick out sideways, those at the top and bottom
    only a few rows, so a round orbit makes a drawing wider than tall; a slightly narrower orbit
    (``squash`` below 1) evens that out, and a page holds a squarer drawing (with its key) larger.
    """

    specs: tuple[_Spec, ...]
    outer: tuple[bool, ...]
    weight: float  # how much a block's depth counts against the room it takes along the orbit
    inner_weight: float = 0.0  # the same on the inner of two orbits, whose words the outer must clear
    squash: float = 1.0  # the orbit's width over its height

    def point(self, radius: float, angle: float) -> Point:
        """Where the orbit of (vertical) ``radius`` meets the straight line out at ``angle``."""
        c, s = math.cos(angle), math.sin(angle)
        reach = radius * self.squash / math.sqrt(c * c + (self.squash * s) ** 2)
        return (reach * c, reach * s)

    def circles(self, angles: Sequence[float], inner: float, outer: float,
                blocks: Sequence[_Block]) -> list[EcomapCircle]:
        return [_circle(s, self.point(outer if o else inner, a), b)
                for s, o, a, b in zip(self.specs, self.outer, angles, blocks)]

    def choose(self, angles: Sequence[float], inner: float, outer: float) -> list[_Block]:
        """Per circle, the wrapping that takes least room along the orbit (and not too much outwards)."""
        chosen = []
        two = any(self.outer)
        for spec, out, angle in zip(self.specs, self.outer, angles):
            centre = self.point(outer if out else inner, angle)
            distance = math.hypot(*centre)
            weight = self.inner_weight if two and not out else self.weight

            def cost(block: _Block, centre: Point = centre, distance: float = distance, weight: float = weight
                     ) -> float:
                low, high, _ = _span(centre, block)
                return ((high - low) * distance + weight * (farthest_distance(_label_box(centre, block)) - distance)
                        + _ROW_COST * len(block.rows))

            chosen.append(min(spec.blocks, key=cost))
        return chosen

    def spans(self, angles: Sequence[float], inner: float, outer: float,
              blocks: Sequence[_Block]) -> list[tuple[float, float, float]]:
        """Each circle's span and distance (see ``_span``), without building the circles: the search
        for the orbit asks this for every size it tries."""
        return [_span(self.point(outer if o else inner, a), b) for o, a, b in zip(self.outer, angles, blocks)]

    def gaps(self, spans: Sequence[tuple[float, float, float]]) -> list[float]:
        """The least angle from each circle to the next one clockwise.

        On one orbit neighbours' spans must not meet. On two, each outer circle's line passes
        between the two inner circles beside it, and circles on the same orbit keep apart.
        """
        n = len(spans)
        distances = [distance for _, _, distance in spans]
        gap, clear = ECOMAP.node_gap, ECOMAP.line_clearance + ECOMAP.strong / 2
        out = []
        for i in range(n):
            j = (i + 1) % n
            if self.outer[i] == self.outer[j]:
                need = spans[i][1] - spans[j][0] + gap / min(distances[i], distances[j])
            elif self.outer[j]:
                need = spans[i][1] + clear / distances[i]
            else:
                need = -spans[j][0] + clear / distances[j]
            if self.specs[i].sector is not self.specs[j].sector:
                need += ECOMAP.sector_gap / min(distances[i], distances[j])
            out.append(need)
        if any(self.outer) and n > 2:
            for i in range(n):
                k = (i + 2) % n
                if self.outer[i] != self.outer[k] or self.outer[i] == self.outer[(i + 1) % n]:
                    continue
                short = spans[i][1] - spans[k][0] + gap / min(distances[i], distances[k]) - out[i] - out[(i + 1) % n]
                if short > 0:
                    out[i] += short / 2
                    out[(i + 1) % n] += short / 2
        return out

    def spread(self, gaps: Sequence[float]) -> list[float]:
        """Angles clockwise with the slack shared out evenly, the family (when there is any) centred
        at the top, else the widest gap there."""
        n = len(gaps)
        slack = max(0.0, math.tau - sum(gaps)) / n
        angles, angle = [], 0.0
        for i in range(n):
            angles.append(angle)
            angle += gaps[i] + slack
        family = [i for i, s in enumerate(self.specs) if s.sector is Sector.FAMILY]
        if family:
            anchor = (angles[family[0]] + angles[family[-1]]) / 2
        else:
            anchor = angles[-1] + (gaps[-1] + slack) / 2 - math.tau
        return [a - anchor - math.pi / 2 for a in angles]


@dataclass(frozen=True)
class _Placed:
    circles: list[EcomapCircle]
    blocks: list[_Block]
    orbits: tuple[float, ...]
    size: float  # how big a sheet it needs (see _sheet_needed)


def _place(ring: _Ring, least: float, centre_radius: float) -> _Placed:
    """The smallest orbit(s) on which nothing touches and no line crosses a circle or its words."""
    n = len(ring.specs)
    two = any(ring.outer)
    least /= min(ring.squash, 1.0)  # the orbit's nearest point is at its sides
    angles = [i * math.tau / n - math.pi / 2 for i in range(n)]
    inner = least
    outer = inner + 2 * ECOMAP.node_radius + ECOMAP.node_gap if two else inner
    blocks: list[_Block] = []
    for _ in range(3):  # the words' shapes depend on where circles are, and where they are on their words
        blocks = ring.choose(angles, inner, outer)
        inner = _least_orbit(ring, angles, blocks, least, outer - inner)
        outer = inner + (_outer_step(ring, angles, blocks, inner) if two else 0.0)
        angles = ring.spread(ring.gaps(ring.spans(angles, inner, outer, blocks)))
    circles = ring.circles(angles, inner, outer, blocks)
    for _ in range(40):
        if not problems(circles, centre_radius):
            break
        inner *= 1.03
        outer = inner + (_outer_step(ring, angles, blocks, inner) if two else 0.0)
        angles = ring.spread(ring.gaps(ring.spans(angles, inner, outer, blocks)))
        circles = ring.circles(angles, inner, outer, blocks)
    whole = Bounds(-centre_radius, -centre_radius, centre_radius, centre_radius)
    for circle in circles:
        whole = whole.union(circle.box())
    return _Placed(circles, blocks, (inner, outer) if two else (inner,), _sheet_needed(whole))


def _sheet_needed(drawing: Bounds) -> float:
    """How long the short side of an A-series sheet must be to print this drawing and its key at full
    size, the sheet turned whichever way needs less: the key beside the drawing on a landscape
    sheet, or below it on a portrait one. This is what a case-file printout is judged by, and a
    drawing that fits it fits a screen too."""
    key_width, key_height = _KEY_ROOM
    landscape = max((drawing.width + key_width) / math.sqrt(2), drawing.height, key_height)
    portrait = max(drawing.width, (drawing.height + key_height) / math.sqrt(2), key_width)
    return min(landscape, portrait)


def _least_orbit(ring: _Ring, angles: Sequence[float], blocks: Sequence[_Block], least: float,
                 step: float) -> float:
    """The smallest inner orbit (at least ``least``) round which the circles' gaps add up to a turn."""
    def fits(inner: float) -> bool:
        return sum(ring.gaps(ring.spans(angles, inner, inner + step, blocks))) <= math.tau

    if fits(least):
        return least
    low, high = least, least * 2
    while not fits(high):
        low, high = high, high * 2
    while high - low > 2.0:
        middle = (low + high) / 2
        low, high = (low, middle) if fits(middle) else (middle, high)
    return high


def _outer_step(ring: _Ring, angles: Sequence[float], blocks: Sequence[_Block], inner: float) -> float:
    """How far beyond the inner orbit the outer one must be for its circles to clear the inner ones
    beside them, words and all."""
    n = len(ring.specs)
    step = 2 * ECOMAP.node_radius + ECOMAP.node_gap
    inside = ring.circles(angles, inner, inner, blocks)
    for i in range(n):
        if not ring.outer[i]:
            continue
        neighbours = [inside[j % n] for j in (i - 1, i + 1) if not ring.outer[j % n]]
        while step < 4 * inner:
            here = _circle(ring.specs[i], ring.point(inner + step, angles[i]), blocks[i])
            if all(_apart(here, other) for other in neighbours):
                break
            step += 2.0
    return step


def _place_circles(specs: list[_Spec], centre_radius: float) -> tuple[dict[str, EcomapCircle], tuple[float, ...]]:
    """Every circle, and the orbits the automatic ones are on (empty when there are none)."""
    for spec in specs:
        spec.blocks = _blocks(spec)
    hand = {s.node.id: s.node.positions[VIEW] for s in specs if VIEW in s.node.positions}
    fixed = {}
    for spec in specs:
        if spec.node.id in hand:
            centre = (float(hand[spec.node.id][0]), float(hand[spec.node.id][1]))
            block = min(spec.blocks, key=lambda b: b.width * b.height)
            fixed[spec.node.id] = _circle(spec, centre, block, True, words=True)
    auto = tuple(s for s in specs if s.node.id not in hand)
    if not auto:
        return fixed, ()
    least = centre_radius + ECOMAP.tie_length + ECOMAP.node_radius

    def trial(ring: _Ring) -> tuple[_Ring, _Placed]:
        placed = _place(ring, least, centre_radius)
        return ring, replace(placed, circles=_clear_of_fixed(placed.circles, list(fixed.values())))

    # Most readable first (words on fewer, longer rows), then more compact; one orbit before two;
    # a round orbit before a narrower one. The first within reach of the smallest is taken.
    one = (False,) * len(auto)
    results = [trial(_Ring(auto, one, w)) for w in (0.3, 0.7)]
    if min(placed.orbits[0] for _, placed in results) > _SECOND_ORBIT * least:
        # A second, staggered orbit, each outer line between two inner circles: worth trying only
        # when one orbit has to be far wider than the centre needs.
        two = tuple(i % 2 == 1 for i in range(len(auto)))
        results += [trial(_Ring(auto, two, w, inner)) for w, inner in ((0.3, 1.0), (0.7, 2.5))]
    ring, round_one = min(results, key=lambda r: r[1].size)
    narrower = trial(replace(ring, squash=0.88))
    results += [narrower, trial(replace(ring, squash=0.8 if narrower[1].size < round_one.size else 0.94))]
    smallest = min(placed.size for _, placed in results)
    _, best = next(r for r in results if r[1].size <= smallest * _COMPACT_ENOUGH)
    placed = {c.node_id: _circle(spec, c.centre, block, words=True)
              for c, spec, block in zip(best.circles, auto, best.blocks)}
    return {s.node.id: (fixed.get(s.node.id) or placed[s.node.id]) for s in specs}, best.orbits


def _clear_of_fixed(circles: list[EcomapCircle], fixed: Sequence[EcomapCircle]) -> list[EcomapCircle]:
    """Push a circle outwards along its line until it and its words are clear of every hand-placed one."""
    if not fixed:
        return circles
    out = []
    for circle in circles:
        x, y = circle.centre
        distance, angle = math.hypot(x, y), math.atan2(y, x)
        moved = circle
        for _ in range(200):
            if all(_apart(moved, other) for other in fixed):
                break
            distance += 6.0
            centre = polar(distance, angle)
            dx, dy = centre[0] - circle.centre[0], centre[1] - circle.centre[1]
            moved = replace(circle, centre=centre, label=Bounds(circle.label.x0 + dx, circle.label.y0 + dy,
                                                               circle.label.x1 + dx, circle.label.y1 + dy))
        out.append(moved)
    return out


# ----- what must not happen ----------------------------------------------------------------------------


def _box_distance(point: Point, box: Bounds) -> float:
    dx = max(box.x0 - point[0], 0.0, point[0] - box.x1)
    dy = max(box.y0 - point[1], 0.0, point[1] - box.y1)
    return math.hypot(dx, dy)


def _apart(a: EcomapCircle, b: EcomapCircle) -> bool:
    """Whether two circles and their words keep the least gap from each other."""
    gap = ECOMAP.node_gap
    return (math.dist(a.centre, b.centre) >= a.radius + b.radius + gap
            and _box_distance(a.centre, b.label) >= a.radius + gap
            and _box_distance(b.centre, a.label) >= b.radius + gap
            and not a.label.expanded(gap / 2).intersects(b.label.expanded(gap / 2)))


def segment_distance(p: Point, a: Point, b: Point) -> float:
    """The distance from ``p`` to the segment ``a``–``b``."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def problems(circles: Sequence[EcomapCircle], centre_radius: float,
             fixed: Sequence[EcomapCircle] = ()) -> list[str]:
    """What is wrong with a placement: circles or words touching each other or the centre, lines
    through circles or words.

    Used by the layout to decide whether to grow, and by the tests as the layout's invariants.
    Hand-placed circles are the practitioner's choice: their own overlaps and lines are not judged,
    and a line that passes one is left there (growing the orbit cannot move it out of the way).
    """
    found: list[str] = []
    everyone = [*circles, *fixed]
    gap, clear = ECOMAP.node_gap, ECOMAP.line_clearance
    boxes = [c.box().expanded(gap) for c in everyone]  # a cheap first look before the exact one
    for i, a in enumerate(everyone):
        if not a.hand_placed and (math.hypot(*a.centre) < centre_radius + a.radius + gap
                                  or nearest_distance(a.label) < centre_radius + gap):
            found.append(f"{a.node_id} touches the centre")
        for j in range(i + 1, len(everyone)):
            b = everyone[j]
            if (not a.hand_placed or not b.hand_placed) and boxes[i].intersects(boxes[j]) and not _apart(a, b):
                found.append(f"{a.node_id} touches {b.node_id}")
    for i, a in enumerate(circles):
        if a.hand_placed:
            continue
        start = _towards(a.centre, centre_radius)
        reach = Bounds.around((start, a.centre)).expanded(clear)
        for j, b in enumerate(circles):
            if b is a or not reach.intersects(boxes[j]):
                continue
            if segment_distance(b.centre, start, a.centre) < b.radius + clear:
                found.append(f"the line to {a.node_id} crosses {b.node_id}")
            elif segment_crosses(start, a.centre, b.label.expanded(clear)):
                found.append(f"the line to {a.node_id} crosses the words of {b.node_id}")
    return found


def _towards(point: Point, distance: float) -> Point:
    """The point ``distance`` from the centre in the direction of ``point``."""
    length = math.hypot(*point) or 1.0
    return (point[0] / length * distance, point[1] / length * distance)


# ----- the lines ---------------------------------------------------------------------------------------


def _links(doc: CaseDocument, ties: Sequence[EcomapTie], inside: set[str], circles: dict[str, EcomapCircle],
           centre_radius: float, members: Sequence[Member]) -> list[EcomapLink]:
    """Each tie from the centre's rim to its circle's rim; ties sharing a circle side by side."""
    out: list[EcomapLink] = []
    by_target: dict[str, list[EcomapTie]] = {}
    for tie in ties:
        by_target.setdefault(tie.target, []).append(tie)
    where = {m.node_id: m for m in members}
    for target, group in by_target.items():
        if target in circles:
            circle = circles[target]
            x, y = circle.centre
            distance = math.hypot(x, y) or 1.0
            ux, uy = x / distance, y / distance
            # Several ties to one circle run side by side, as many as fit across the smaller circle.
            spacing = min(ECOMAP.tie_spacing, 1.6 * min(centre_radius, circle.radius) / max(len(group) - 1, 1))
            for k, tie in enumerate(group):
                offset = (k - (len(group) - 1) / 2) * spacing
                nx, ny = -uy * offset, ux * offset
                start_d = math.sqrt(max(centre_radius ** 2 - offset ** 2, 0.0))
                start = (ux * start_d + nx, uy * start_d + ny)
                # A circle dragged over the centre still gets a (short) line, never a backwards one.
                end_d = max(centre_radius, distance - math.sqrt(max(circle.radius ** 2 - offset ** 2, 0.0)))
                end = (ux * end_d + nx, uy * end_d + ny)
                out.append(EcomapLink(tie.id, tie.source, target, start, end))
        elif target in where:
            for tie in group:
                a, b = where.get(tie.source), where[target]
                if a is None:
                    continue
                # Clear of a double outline (the child's), so an arrow head shows whole.
                clear = GENOGRAM.double_gap + 1.5
                out.append(EcomapLink(tie.id, tie.source, target, _rim(a.centre, b.centre, a.size / 2 + clear),
                                      _rim(b.centre, a.centre, b.size / 2 + clear), inner=True))
    return out


def _rim(frm: Point, to: Point, distance: float) -> Point:
    dx, dy = to[0] - frm[0], to[1] - frm[1]
    length = math.hypot(dx, dy) or 1.0
    return (frm[0] + dx / length * distance, frm[1] + dy / length * distance)


# ----- the sectors' names --------------------------------------------------------------------------------


def _title_lines(text: str) -> list[list[str]]:
    """A sector's name on one line, or on two split at the space nearest its middle."""
    words = text.split()
    options = [[text]]
    if len(words) > 1:
        cut = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(text) / 2))
        options.append([" ".join(words[:cut]), " ".join(words[cut:])])
    return options


def _sector_titles(circles: dict[str, EcomapCircle], links: Sequence[EcomapLink],
                   centre_radius: float) -> tuple[Text, ...]:
    """Each sector's name just beyond its circles' words, where it makes the printout least bigger.

    Tried: straight out from the middle at angles across the sector's own arc, and just above (in
    the top half) or below (in the bottom half) the words of each of its circles on the outer orbit,
    so the name stays by what it names and never among the circles; a round drawing has free
    corners, and a name there costs no room at all.
    """
    size = ECOMAP.sector_title_size
    lh = size * 1.15
    gap = ECOMAP.node_gap
    taken = [c.label.expanded(gap) for c in circles.values()]
    taken += [box_at(c.centre, 2 * c.radius, 2 * c.radius).expanded(gap) for c in circles.values()]
    segments = [(link.start, link.end) for link in links if not link.inner]
    whole = Bounds(-centre_radius, -centre_radius, centre_radius, centre_radius)
    for circle in circles.values():
        whole = whole.union(circle.box())

    def clear(box: Bounds, near: Sequence[Bounds], crossing: Sequence[tuple[Point, Point]]) -> bool:
        return not any(box.intersects(t) for t in near) and \
            not any(segment_crosses(a, b, box.expanded(2.0)) for a, b in crossing)

    titles: list[Text] = []
    for sector in SECTORS:
        group = [c for c in circles.values() if c.sector is sector and not c.hand_placed]
        if not group:
            continue
        turns = sorted(math.atan2(c.centre[1], c.centre[0]) for c in group)
        middle = math.atan2(sum(math.sin(a) for a in turns), sum(math.cos(a) for a in turns))
        reach = max(math.hypot(*c.centre) for c in group)  # beyond an inner orbit's words, not between them
        outermost = [c for c in group if math.hypot(*c.centre) > reach * 0.98 - 1.0]
        offsets = sorted({(a - middle + math.pi) % math.tau - math.pi for a in turns} | {0.0})
        low, high = offsets[0], offsets[-1]
        tries = [middle + low + (high - low) * k / 8 for k in range(9)] if high > low else [middle]
        best: tuple[float, list[str], Bounds] | None = None
        for lines in _title_lines(SECTOR_TITLES[sector]):
            width = max(label_width(line, size, bold=True) for line in lines)
            height = lh * len(lines)
            boxes = []
            for angle in tries:
                distance = radius_for_nearest(angle, width, height, reach)
                # Only what lies along the way out can be in the way.
                way = Bounds.around((polar(distance, angle), polar(distance + 600.0, angle)))
                way = Bounds(way.x0 - width, way.y0 - height, way.x1 + width, way.y1 + height)
                near = [t for t in taken if t.intersects(way)]
                crossing = [(a, b) for a, b in segments if Bounds.around((a, b)).intersects(way)]
                for _ in range(200):
                    box = box_at(polar(distance, angle), width, height)
                    if clear(box, near, crossing):
                        boxes.append(box)
                        break
                    distance += 3.0
            # Beyond everything drawn: always clear, if seldom the best.
            boxes.append(box_at(polar(radius_for_nearest(middle, width, height, farthest_distance(whole) + gap),
                                      middle), width, height))
            for circle in outermost:
                words = circle.label
                x = (words.x0 + words.x1) / 2 if words.width >= width else \
                    words.x0 + width / 2 if circle.centre[0] > words.x0 else words.x1 - width / 2
                y = words.y0 - gap - height / 2 if circle.centre[1] < 0 else words.y1 + gap + height / 2
                box = box_at((x, y), width, height)
                if clear(box, taken, segments):
                    boxes.append(box)
            for box in boxes:
                grown = whole.union(box)
                turn = math.atan2((box.y0 + box.y1) / 2, (box.x0 + box.x1) / 2)
                cost = (_sheet_needed(grown) - _sheet_needed(whole)) * 100.0 + grown.width * grown.height * 1e-3 \
                    + abs((turn - middle + math.pi) % math.tau - math.pi) * 40.0
                if best is None or cost < best[0]:
                    best = (cost, lines, box)
        assert best is not None
        _, lines, box = best
        titles += [Text(text=line, at=((box.x0 + box.x1) / 2, box.y0 + lh * i + size * 0.9), size=size, bold=True,
                        part="sector-title") for i, line in enumerate(lines)]
        taken.append(box.expanded(gap))
        whole = whole.union(box)
    return tuple(titles)
