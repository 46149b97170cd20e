"""The family structure a genogram draws: couples, sibships and carers, read from the case graph.

A genogram is not drawn edge by edge. Children hang from their parents' *union* (the couple line, or
a single parent), oldest on the left; birth parents decide where a child sits, and adoptive, foster,
kinship and step carers join with their own line without moving anyone. This module turns the
case's people and relationships into exactly those groups, so the DOT builder, the line router and
the diagram builder all agree on them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..graph.document import CaseDocument
from ..graph.model import (
    Emotional,
    Gender,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    Role,
)

# Without birth parents on record, the first carers found in this order place the child.
_DRIVING_ORDER = (ParentageType.BIRTH, ParentageType.ADOPTIVE, ParentageType.KINSHIP, ParentageType.FOSTER,
                  ParentageType.STEP)
# People who belong on the ecomap rather than in the family tree, unless a family line joins them.
_NOT_FAMILY = frozenset({Role.PROFESSIONAL, Role.FRIEND, Role.NEIGHBOUR, Role.ADVOCATE})
_FAR_FUTURE = (9999, 12, 31)
_PARTNERSHIP_KIND = {t: t.value for t in PartnershipType}  # an enum's value is slow to read in Python 3.11


class Couple(NamedTuple):
    """Two people joined by a couple line: a recorded partnership, or co-parents with none on record.

    (This module's records are named tuples: a big tree makes thousands of them per layout.)

    ``id`` is the id of the partnership drawn (the latest, when they had several), or ``co:a:b`` for
    co-parents. ``left`` and ``right`` are the preferred order on the page.
    """

    id: str
    left: str
    right: str
    rel_ids: tuple[str, ...]  # every partnership between the two, the drawn one first
    type: str  # a PartnershipType value, or "co_parents"
    start: tuple[int, int, int] | None = None  # the earliest recorded start, for ordering partners


class ChildLink(NamedTuple):
    child: str
    type: ParentageType
    rel_ids: tuple[str, ...]


class Sibship(NamedTuple):
    """Children who share the same parents that place them: a couple (``union`` is its id) or one parent."""

    union: str
    parents: tuple[str, ...]
    children: tuple[ChildLink, ...]  # oldest first; twins next to each other


class CarerLink(NamedTuple):
    """A parent or carer who does not place the child: a line of its own, drawn in the carer's pattern.

    ``union`` is the couple id when the carers are a couple (the line starts at their couple line),
    else empty and ``carers`` holds the one carer the line starts from.
    """

    child: str
    carers: tuple[str, ...]
    union: str
    type: ParentageType
    rel_ids: tuple[str, ...]


@dataclass(frozen=True)
class Families:
    people: tuple[str, ...]  # in document order
    blocks: tuple[tuple[str, ...], ...]  # partners side by side, left to right; a single person alone
    couples: tuple[Couple, ...]
    sibships: tuple[Sibship, ...]
    carers: tuple[CarerLink, ...]
    emotional: tuple[Emotional, ...]
    households: tuple[Household, ...]
    twin_groups: dict[str, tuple[str, ...]]  # group key -> children, for sibships with twins
    identical: frozenset[str]  # twin group keys that are identical twins


def in_genogram(doc: CaseDocument, person: Person) -> bool:
    """Family members, the child at the centre, and anyone a family line joins; not professionals."""
    if person.is_child_at_centre or not (person.roles & _NOT_FAMILY):
        return True
    return any(isinstance(r, (Partnership, Parentage)) for r in doc.relationships_of(person.id))


def genogram_people(doc: CaseDocument, subset: Iterable[str] | None = None,
                    excluded: frozenset[str] = frozenset()) -> list[Person]:
    wanted = set(subset) if subset is not None else None
    return [
        p for p in doc.people()
        if p.id not in excluded and (wanted is None or p.id in wanted) and in_genogram(doc, p)
    ]


def _date_key(date: PartialDate | None) -> tuple[int, int, int]:
    return date.earliest() if date else _FAR_FUTURE


def birth_key(person: Person, order: int) -> tuple:
    """Oldest first: by birth date, else by approximate age, else as entered."""
    if person.birth is not None:
        return (person.birth.earliest(), order)
    if person.approximate_age is not None:
        return ((dt.date.today().year - person.approximate_age, 7, 1), order)
    return (_FAR_FUTURE, order)


def read_families(doc: CaseDocument, people: list[Person], excluded: frozenset[str] = frozenset()) -> Families:
    ids = {p.id: i for i, p in enumerate(people)}
    by_id = {p.id: p for p in people}

    # One pass over the relationships; every later step reads these buckets.
    pairs: dict[frozenset[str], list[Partnership]] = defaultdict(list)
    parentage_of: dict[str, list[Parentage]] = defaultdict(list)
    emotional: list[Emotional] = []
    for rel in doc.relationships():
        if rel.source == rel.target or rel.source not in ids or rel.target not in ids or rel.id in excluded:
            continue
        if isinstance(rel, Partnership):
            pairs[frozenset((rel.source, rel.target))].append(rel)
        elif isinstance(rel, Parentage):
            parentage_of[rel.target].append(rel)
        elif isinstance(rel, Emotional):
            emotional.append(rel)

    # Couples from recorded partnerships, one per pair.
    couples: dict[frozenset[str], Couple] = {}
    for pair, unique in pairs.items():
        unique.sort(key=lambda r: (_date_key(r.start) if r.start else (0, 0, 0), r.id), reverse=True)
        a, b = sorted(pair, key=ids.__getitem__)
        start = min((r.start.earliest() for r in unique if r.start), default=None)
        couples[pair] = Couple(unique[0].id, a, b, tuple(r.id for r in unique), _PARTNERSHIP_KIND[unique[0].type],
                               start)

    # Who places each child, and who only cares for them.
    sibling_groups: dict[str, list[ChildLink]] = defaultdict(list)
    sibling_parents: dict[str, tuple[str, ...]] = {}
    carers: list[CarerLink] = []
    for child in people:
        rels = parentage_of.get(child.id)
        if not rels:
            continue
        by_type: dict[ParentageType, list[Parentage]] = {}
        for rel in rels:
            by_type.setdefault(rel.type, []).append(rel)
        driving_type = next(t for t in _DRIVING_ORDER if t in by_type)
        driving = sorted(by_type[driving_type], key=lambda r: ids[r.source])
        placing, extra = _placing_parents(driving, couples)
        parents = tuple(sorted({r.source for r in placing}, key=ids.__getitem__))
        if len(parents) == 2:
            pair = frozenset(parents)
            if pair not in couples:
                left, right = parents
                couples[pair] = Couple(f"co:{left}:{right}", left, right, (), "co_parents")
            union = couples[pair].id
        else:
            union = parents[0]
        sibling_groups[union].append(ChildLink(child.id, driving_type, tuple(r.id for r in placing)))
        sibling_parents[union] = parents
        for rel in extra:
            carers.append(CarerLink(child.id, (rel.source,), "", rel.type, (rel.id,)))
        for ptype, rels in by_type.items():
            if ptype is not driving_type:
                carers.extend(_carer_links(child.id, ptype, rels, couples))

    blocks, ordered_couples = _blocks(list(couples.values()), people, sibling_groups, ids)
    twin_groups: dict[str, tuple[str, ...]] = {}
    identical: set[str] = set()
    sibships = []
    for union, links in sibling_groups.items():
        ordered = _oldest_first(links, by_id, ids)
        sibships.append(Sibship(union, sibling_parents[union], tuple(ordered)))
        twins: dict[str, list[str]] = defaultdict(list)
        for link in ordered:
            if by_id[link.child].twin_group:
                twins[by_id[link.child].twin_group].append(link.child)
        for key, members in twins.items():
            if len(members) > 1:
                twin_groups[f"{union}|{key}"] = tuple(members)
                if all(by_id[m].identical_twin for m in members):
                    identical.add(f"{union}|{key}")

    households = tuple(h for h in doc.households() if h.id not in excluded and h.members & ids.keys())
    return Families(tuple(ids), tuple(blocks), tuple(ordered_couples), tuple(sibships), tuple(carers),
                    tuple(emotional), households, twin_groups, frozenset(identical))


def _placing_parents(driving: list[Parentage],
                     couples: dict[frozenset[str], Couple]) -> tuple[list[Parentage], list[Parentage]]:
    """At most two parents place a child: a recorded couple among them if there is one."""
    if len(driving) <= 2:
        return driving, []
    for i, a in enumerate(driving):
        for b in driving[i + 1:]:
            if frozenset((a.source, b.source)) in couples:
                return [a, b], [r for r in driving if r is not a and r is not b]
    return driving[:2], driving[2:]


def _carer_links(child: str, ptype: ParentageType, rels: list[Parentage],
                 couples: dict[frozenset[str], Couple]) -> list[CarerLink]:
    sources = sorted({r.source for r in rels})
    if len(sources) == 2 and frozenset(sources) in couples:
        couple = couples[frozenset(sources)]
        return [CarerLink(child, (couple.left, couple.right), couple.id, ptype, tuple(r.id for r in rels))]
    return [CarerLink(child, (r.source,), "", ptype, (r.id,)) for r in rels]


def _oldest_first(links: list[ChildLink], by_id: dict[str, Person], ids: dict[str, int]) -> list[ChildLink]:
    """Siblings oldest on the left; twins together, at the place of the older twin."""
    keys = {link.child: birth_key(by_id[link.child], ids[link.child]) for link in links}
    group_key: dict[str, tuple] = {}
    for link in links:
        group = by_id[link.child].twin_group
        if group:
            group_key[group] = min(group_key.get(group, keys[link.child]), keys[link.child])

    def key(link: ChildLink) -> tuple:
        group = by_id[link.child].twin_group
        return (group_key[group] if group else keys[link.child], keys[link.child])

    return sorted(links, key=key)


def _blocks(couples: list[Couple], people: list[Person], sibling_groups: dict[str, list[ChildLink]],
            ids: dict[str, int]) -> tuple[list[tuple[str, ...]], list[Couple]]:
    """Line partners up side by side: each group of people joined by partnerships is one block.

    The male partner stands left where both genders are known (McGoldrick). Someone with several
    partners stands between them, earlier partners on the left and later ones on the right, so couple
    lines stay short and each child hangs under the right union. Returns the blocks (left to right)
    and the couples with ``left``/``right`` set to match.
    """
    by_id = {p.id: p for p in people}
    partners: dict[str, list[Couple]] = {}
    for couple in couples:
        partners.setdefault(couple.left, []).append(couple)
        partners.setdefault(couple.right, []).append(couple)
    began: dict[str, tuple] = {}

    def when(couple: Couple) -> tuple:
        """When the couple got together: the recorded start, else their first child's birth."""
        if couple.id not in began:
            start = couple.start
            if start is None:
                births = [by_id[c.child].birth for c in sibling_groups.get(couple.id, [])]
                start = min((b.earliest() for b in births if b is not None), default=None)
            began[couple.id] = (start or _FAR_FUTURE, min(ids[couple.left], ids[couple.right]))
        return began[couple.id]

    def other(couple: Couple, person: str) -> str:
        return couple.right if couple.left == person else couple.left

    blocks: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for person in people:
        if person.id in seen:
            continue
        if person.id not in partners:
            blocks.append((person.id,))
            continue
        component = [person.id]
        seen.add(person.id)
        for member in component:  # grows while it is walked
            for couple in partners[member]:
                if other(couple, member) not in seen:
                    seen.add(other(couple, member))
                    component.append(other(couple, member))
        hub = max(component, key=lambda p: (len(partners[p]), -ids[p]))
        order, queue = [hub], [hub]
        while queue:
            current = queue.pop(0)
            sequence = sorted(partners[current], key=when)
            waiting = [c for c in sequence if other(c, current) not in order]
            at = order.index(current)
            placed_sides = {order.index(other(c, current)) < at for c in sequence if c not in waiting}
            for i, couple in enumerate(waiting):
                mate = other(couple, current)
                if placed_sides:  # partners already stand on one side: the others go on the free side
                    on_left = placed_sides == {False}
                elif len(waiting) > 1:  # earlier partners left, later ones right
                    on_left = i < len(waiting) // 2
                else:  # the male partner on the left
                    on_left = by_id[mate].gender is Gender.MALE and by_id[current].gender is not Gender.MALE
                at = order.index(current)
                if on_left:
                    order.insert(at, mate)  # earlier partners end up further left
                else:
                    order.insert(at + 1 + sum(1 for c in waiting[:i] if order.index(other(c, current)) > at), mate)
                queue.append(mate)
        blocks.append(tuple(order))
    position = {pid: i for block in blocks for i, pid in enumerate(block)}
    oriented = [
        couple if position[couple.left] < position[couple.right]
        else Couple(couple.id, couple.right, couple.left, couple.rel_ids, couple.type, couple.start)
        for couple in couples
    ]
    return blocks, oriented
