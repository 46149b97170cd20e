"""Hartman's ecomap: the child (or their household) in the middle, a circle for each tie around it.

People and services are grouped around the centre by sector (family at the top, professionals
clockwise after it, friends and community after them) and, within a sector, by who they are or what
kind of service they are, so related circles sit together and every tie is a straight radial line
that crosses nothing. The orbit grows until no two circles or labels touch; past a couple of dozen
ties a second, staggered orbit halves the circumference needed, and each outer line passes between
two inner circles. Circles the practitioner placed by hand stay where they were put.

Coordinates are points, x right, y down, the centre at (0, 0): the editor's scene uses the same
ones, so a position dragged to is stored as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

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
    centre_words,
    default_sector,
    label_width,
    node_detail,
    radius_for_nearest,
)
from .diagram import Bounds, Text
from .labels import name_lines
from .style import COLOURS, ECOMAP, FONTS, SUPPORT_COLOUR
from .textsize import wrap

VIEW = "ecomap"
_STRENGTH_ORDER = {TieStrength.STRONG: 0, TieStrength.MODERATE: 1, TieStrength.TENUOUS: 2}
_CATEGORY_ORDER = {c: i for i, c in enumerate(ServiceCategory)}
_KIN_ORDER = ("mother", "father", "parent", "step", "adoptive", "foster", "kinship", "sister", "brother", "sibling",
              "half", "grand", "aunt", "uncle", "cousin")
_SUPPORT_ORDER = {k: i for i, k in enumerate(SupportKind)}


@dataclass(frozen=True)
class EcomapCircle:
    """One person or service: its circle and the words inside it.

    The words are the name, who they are to the child, and the kinds of support on the tie. Inside
    the circle they cannot be mistaken for another circle's, and they never collide with a line.
    """

    node_id: str
    centre: Point
    radius: float
    sector: Sector
    texts: tuple[Text, ...]
    hand_placed: bool = False

    def box(self) -> Bounds:
        x, y = self.centre
        return Bounds(x - self.radius, y - self.radius, x + self.radius, y + self.radius)


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
    orbits: tuple[float, ...] = field(default=())

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

    circles = _place_circles(specs, centre_radius)
    links = _links(doc, ties, inside, circles, centre_radius, members)
    titles = _sector_titles(circles, centre_radius)
    orbits = tuple(sorted({round(math.hypot(*c.centre), 1) for c in circles.values() if not c.hand_placed}))
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
    members: list[Member] = []
    rows = [row for row in (adults, kids) if row]
    # Names sit above the top row and below the bottom one, so the space between the rows holds only
    # lines: descent, and any tie between the child and someone they live with.
    row_gap = symbol + 2 * ECOMAP.mini_gap
    top = -(len(rows) - 1) * row_gap / 2
    for r, row in enumerate(rows):
        widths = [max(symbol, label_width(p.short_name, size)) + ECOMAP.mini_gap for p in row]
        x = -sum(widths) / 2
        y = top + r * row_gap
        above = r == 0 and len(rows) > 1
        for person, width in zip(row, widths):
            cx = x + width / 2
            baseline = y - symbol / 2 - size * 0.45 if above else y + symbol / 2 + size * 1.1
            text = Text(text=person.short_name, at=(cx, baseline), size=size, node_id=person.id, part="name")
            members.append(Member(person.id, (cx, y), symbol, (text,)))
            x += width
    lines = _member_lines(doc, members, {p.id for p in adults})
    boxes = [Bounds(m.centre[0] - m.size / 2 - 4, m.centre[1] - m.size / 2 - 4, m.centre[0] + m.size / 2 + 4,
                    m.centre[1] + m.size / 2 + 4) for m in members] + [t.bounds for m in members for t in m.texts]
    radius = max([ECOMAP.centre_radius] + [math.hypot(max(abs(b.x0), abs(b.x1)), max(abs(b.y0), abs(b.y1)))
                                           + ECOMAP.text_padding for b in boxes])
    content_top = min((b.y0 for b in boxes), default=0.0)
    title = _household_title(home, content_top, radius)
    while title is None:
        radius += 4.0
        title = _household_title(home, content_top, radius)
    return radius, (title,), tuple(members), lines


def _household_title(home: Household, content_top: float, radius: float) -> Text | None:
    """The household's name inside the top of its circle, or None when the circle is too small for it."""
    size = ECOMAP.detail_size
    width, height = label_width(home.label, size), size * 1.1
    reach = radius - 5.0
    if width / 2 >= reach:
        return None
    top = -math.sqrt(reach * reach - (width / 2) ** 2)
    if top + height > content_top - 2.0:
        return None
    return Text(text=home.label, at=(0.0, top + size * 0.85), size=size, colour=COLOURS.muted, node_id=home.id,
                part="household-name")


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


@dataclass
class _Spec:
    node: AnyNode
    detail: str
    sector: Sector
    key: tuple[object, ...]
    support: str
    rows: tuple[tuple[str, float, str], ...] = ()  # text, size, part
    radius: float = 0.0


def _fit_words(spec: _Spec) -> None:
    """Name, who they are and the support, wrapped and sized to sit in the smallest circle that holds them.

    Wider or narrower wrapping and a slightly smaller name are tried; the name never drops below
    the smallest size that prints readably.
    """
    raw = list(name_lines(spec.node)) if isinstance(spec.node, Person) else [spec.node.label]
    best: tuple[float, tuple[tuple[str, float, str], ...]] | None = None
    for size in (ECOMAP.name_size, ECOMAP.name_size - 0.5, ECOMAP.min_name_size):
        for width in (44.0, 54.0, 64.0, 76.0):
            rows = [(part, size, "name") for line in raw for part in wrap_name(line, size, width)]
            if spec.detail:
                rows += [(part, ECOMAP.detail_size, "detail")
                         for part in wrap(spec.detail, ECOMAP.detail_size, max(width, 60.0))]
            if spec.support:
                rows += [(part, ECOMAP.support_size, "support")
                         for part in wrap(spec.support, ECOMAP.support_size, max(width, 60.0))]
            radius = _radius_for(rows)
            if best is None or radius < best[0] - 0.5:
                best = (radius, tuple(rows))
        if best is not None and best[0] <= ECOMAP.node_max_radius:
            break
    assert best is not None
    spec.radius, spec.rows = best


def wrap_name(text: str, size: float, width: float) -> list[str]:
    """Wrap at spaces, and inside a long double-barrelled name after its hyphen."""
    lines = wrap(text.replace("-", "- "), size, width) or [text]
    return [line.replace("- ", "-") for line in lines]


def _row_height(size: float) -> float:
    return size * FONTS.line_height


def _radius_for(rows: Sequence[tuple[str, float, str]]) -> float:
    """The least circle radius around a centred block of text rows (each row's corners inside)."""
    height = sum(_row_height(size) for _, size, _ in rows)
    y = -height / 2
    reach = 0.0
    for text, size, _ in rows:
        half = label_width(text, size) / 2
        reach = max(reach, math.hypot(half, y), math.hypot(half, y + _row_height(size)))
        y += _row_height(size)
    return reach + ECOMAP.text_padding


def _inner_texts(spec: _Spec, centre: Point) -> tuple[Text, ...]:
    height = sum(_row_height(size) for _, size, _ in spec.rows)
    x, y = centre[0], centre[1] - height / 2
    out = []
    for text, size, part in spec.rows:
        y += _row_height(size)
        colour = {"name": COLOURS.ink, "support": SUPPORT_COLOUR}.get(part, COLOURS.muted)
        out.append(Text(text=text, at=(x, y - size * 0.3), size=size, node_id=spec.node.id, part=part,
                        colour=colour))
    return tuple(out)


def _place_circles(specs: list[_Spec], centre_radius: float) -> dict[str, EcomapCircle]:
    for spec in specs:
        _fit_words(spec)
    if not specs:
        return {}
    # One size for most circles, as on a drawn ecomap; the few with the longest names get bigger ones.
    radii = sorted(s.radius for s in specs)
    common = min(max(ECOMAP.node_radius, radii[(len(radii) - 1) // 2]), ECOMAP.node_max_radius)
    for spec in specs:
        spec.radius = max(spec.radius, common)
    hand = {s.node.id: s.node.positions[VIEW] for s in specs if VIEW in s.node.positions}
    auto = [s for s in specs if s.node.id not in hand]
    fixed = {s.node.id: _circle(s, (float(hand[s.node.id][0]), float(hand[s.node.id][1])), True) for s in specs
             if s.node.id in hand}
    best: dict[str, EcomapCircle] | None = None
    best_reach = math.inf
    for orbits in (1, 2) if len(auto) >= 12 else (1,):
        placed = _grow_until_clear(auto, centre_radius, orbits, list(fixed.values()))
        reach = max(math.hypot(*c.centre) + c.radius for c in placed.values()) if placed else 0.0
        if reach < best_reach * (0.85 if orbits == 2 else 1.0):  # two orbits only when clearly smaller
            best, best_reach = placed, reach
    assert best is not None
    return {s.node.id: (fixed.get(s.node.id) or best[s.node.id]) for s in specs}


def _circle(spec: _Spec, centre: Point, hand: bool) -> EcomapCircle:
    return EcomapCircle(spec.node.id, centre, spec.radius, spec.sector, _inner_texts(spec, centre), hand)


def _angles(specs: Sequence[_Spec], orbit: float, orbits: int) -> list[float]:
    """Angles clockwise around the centre: each circle its share, a little more between sectors,
    the slack spread evenly, and the family (when there is any) centred at the top."""
    gap = ECOMAP.node_gap
    if orbits == 1:
        needs = [2 * math.asin(min(1.0, (s.radius + gap / 2) / orbit)) for s in specs]
    else:  # neighbours alternate orbits: each needs room for half a circle and the line beside it
        needs = [2 * math.asin(min(1.0, ((s.radius + gap / 2) / 2 + 1.0) / orbit)) for s in specs]
    breaks = [i for i in range(1, len(specs)) if specs[i].sector is not specs[i - 1].sector]
    sector_gap = sum(needs) / len(needs) * 0.5 if breaks else 0.0
    spans = [(needs[i - 1] + needs[i]) / 2 if i else 0.0 for i in range(len(specs))]
    for i in breaks:
        spans[i] += sector_gap
    closing = (needs[-1] + needs[0]) / 2 + (sector_gap if specs[0].sector is not specs[-1].sector else 0.0)
    used = sum(spans) + closing
    slack = max(0.0, math.tau - used) / len(specs)
    angles, angle = [], 0.0
    for i in range(len(specs)):
        if i:
            angle += spans[i] + slack
        angles.append(angle)
    family = [a for a, s in zip(angles, specs) if s.sector is Sector.FAMILY]
    anchor = (family[0] + family[-1]) / 2 if family else -(slack + closing) / 2
    return [a - anchor - math.pi / 2 for a in angles]


def _grow_until_clear(specs: Sequence[_Spec], centre_radius: float, orbits: int,
                      fixed: Sequence[EcomapCircle]) -> dict[str, EcomapCircle]:
    """The smallest orbit (grown 6 % at a time) on which nothing overlaps and no line crosses a circle."""
    if not specs:
        return {}
    biggest = max(s.radius for s in specs)
    least = centre_radius + ECOMAP.tie_length + biggest
    gap = ECOMAP.node_gap
    if orbits == 1:
        circumference = sum(2 * s.radius + gap for s in specs)
    else:
        circumference = sum(s.radius + gap / 2 + 2.0 for s in specs)
    orbit = max(least, circumference / math.tau)
    placed: dict[str, EcomapCircle] = {}
    for _ in range(60):
        step = 2 * biggest + gap * 1.5
        angles = _angles(specs, orbit, orbits)
        placed = {}
        for i, (spec, angle) in enumerate(zip(specs, angles)):
            distance = orbit + (step if orbits == 2 and i % 2 else 0.0)
            centre = (distance * math.cos(angle), distance * math.sin(angle))
            placed[spec.node.id] = _circle(spec, centre, False)
        placed = _clear_of_fixed(placed, fixed)
        if not problems(list(placed.values()), centre_radius, fixed):
            return placed
        orbit *= 1.06
    return placed


def _clear_of_fixed(placed: dict[str, EcomapCircle], fixed: Sequence[EcomapCircle]) -> dict[str, EcomapCircle]:
    """Push a circle outwards along its line until it is clear of every hand-placed one."""
    if not fixed:
        return placed
    out = {}
    for node_id, circle in placed.items():
        x, y = circle.centre
        distance, angle = math.hypot(x, y), math.atan2(y, x)
        spec_circle = circle
        for _ in range(200):
            if not any(_touch(spec_circle, other) for other in fixed):
                break
            distance += 6.0
            centre = (distance * math.cos(angle), distance * math.sin(angle))
            spec_circle = EcomapCircle(circle.node_id, centre, circle.radius, circle.sector,
                                       _moved(circle.texts, circle.centre, centre), False)
        out[node_id] = spec_circle
    return out


def _moved(texts: tuple[Text, ...], old: Point, new: Point) -> tuple[Text, ...]:
    dx, dy = new[0] - old[0], new[1] - old[1]
    return tuple(replace(t, at=(t.at[0] + dx, t.at[1] + dy)) for t in texts)


def _touch(a: EcomapCircle, b: EcomapCircle) -> bool:
    return math.dist(a.centre, b.centre) < a.radius + b.radius + ECOMAP.node_gap


def segment_distance(p: Point, a: Point, b: Point) -> float:
    """The distance from ``p`` to the segment ``a``–``b``."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def problems(circles: Sequence[EcomapCircle], centre_radius: float,
             fixed: Sequence[EcomapCircle] = ()) -> list[str]:
    """What is wrong with a placement: circles touching each other or the centre, lines through circles.

    Used by the layout to decide whether to grow, and by the tests as the layout's invariants.
    Hand-placed circles are the practitioner's choice: their own overlaps and lines are not judged,
    and a line that passes one is left there (growing the orbit cannot move it out of the way).
    """
    found: list[str] = []
    everyone = [*circles, *fixed]
    for i, a in enumerate(everyone):
        if not a.hand_placed and math.hypot(*a.centre) < centre_radius + a.radius + ECOMAP.node_gap:
            found.append(f"{a.node_id} touches the centre")
        for b in everyone[i + 1:]:
            if (not a.hand_placed or not b.hand_placed) and _touch(a, b):
                found.append(f"{a.node_id} touches {b.node_id}")
    for a in circles:
        if a.hand_placed:
            continue
        start = _towards(a.centre, centre_radius)
        for b in circles:
            if b is not a and segment_distance(b.centre, start, a.centre) < b.radius + 1.5:
                found.append(f"the line to {a.node_id} crosses {b.node_id}")
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
                out.append(EcomapLink(tie.id, tie.source, target, _rim(a.centre, b.centre, a.size / 2 + 2),
                                      _rim(b.centre, a.centre, b.size / 2 + 2), inner=True))
    return out


def _rim(frm: Point, to: Point, distance: float) -> Point:
    dx, dy = to[0] - frm[0], to[1] - frm[1]
    length = math.hypot(dx, dy) or 1.0
    return (frm[0] + dx / length * distance, frm[1] + dy / length * distance)


def _sector_titles(circles: dict[str, EcomapCircle], centre_radius: float) -> tuple[Text, ...]:
    """Each sector's name beyond its outermost circle or label, at the middle of its circles."""
    titles: list[Text] = []
    taken: list[Bounds] = [c.box() for c in circles.values()]
    size = ECOMAP.sector_title_size
    for sector in SECTORS:
        group = [c for c in circles.values() if c.sector is sector and not c.hand_placed]
        if not group:
            continue
        xs = sum(math.cos(math.atan2(c.centre[1], c.centre[0])) for c in group)
        ys = sum(math.sin(math.atan2(c.centre[1], c.centre[0])) for c in group)
        angle = math.atan2(ys, xs)
        text = SECTOR_TITLES[sector]
        width, height = label_width(text, size, bold=True), size * 1.05
        reach = max(math.hypot(*c.centre) + c.radius for c in group) + 10.0
        for _ in range(100):
            distance = radius_for_nearest(angle, width, height, reach)
            cx, cy = distance * math.cos(angle), distance * math.sin(angle)
            title = Text(text=text, at=(cx, cy + height / 2 - size * 0.25), size=size, bold=True, part="sector-title")
            if not any(title.bounds.intersects(box.expanded(4.0)) for box in taken):
                break
            reach += 6.0
        taken.append(title.bounds)
        titles.append(title)
    return tuple(titles)
