"""Hypothesis strategies for valid case objects and whole valid cases, shared by every package's tests.

Import them as ``from strategies import case_documents`` (tests/ is on the path through its
conftest). Everything drawn here passes the model's validation: a whole case is applied as one edit,
so a strategy that ever produced something invalid would fail loudly, not test the wrong thing.

Text is hostile on purpose: names in many scripts, free text with any character but lone surrogates
(which no UTF-8 file or database can hold), control characters included.

Strategy objects are built once at import: hypothesis checks each new strategy object on first use,
and building them inside every draw made a case cost a quarter of a second. Choices that depend on
what was drawn before (which person, which later year) are plain integer draws.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import Change, Edit
from circles_desktop.graph.meeting import (
    Action,
    AgendaItem,
    Attendance,
    ChildParticipation,
    Feedback,
    Invitation,
    InviteDecision,
    InviteStatus,
    Meeting,
    Plan,
    ScalingScore,
    Stage,
)
from circles_desktop.graph.model import (
    IDENTITY_HEADINGS,
    AnyNode,
    AnyRelationship,
    CaseInfo,
    CirclePlacement,
    Contact,
    DateQualifier,
    EcomapTie,
    Emotional,
    EmotionalType,
    Flow,
    Gender,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    PregnancyState,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
    TieStrength,
)

# Names as families write them: Latin with diacritics, Bengali, Arabic, Urdu, Tamil, Gujarati,
# Gurmukhi, Chinese, Greek, Cyrillic, and the awkward Latin ones (apostrophes, hyphens).
SAMPLE_NAMES = (
    "Nikita", "Łukasz", "Zofia Wiśniewska", "Żaneta", "রোকেয়া", "তানভীর রহমান", "نور", "خالد حداد",
    "عائشہ", "தமிழ்செல்வி", "ગીતા", "ਹਰਪ੍ਰੀਤ", "李华", "Ξένια", "Анастасия", "Siobhán O'Neill-Ó Briain",
    "Nguyễn Thị Hạnh", "Ṣadé Àdìsá", "Zoë", "X Æ", "",
)
VIEWS = ("genogram", "ecomap", "circles")
CONFIDENTIAL_FIELDS = ("contact.address", "contact.phone", "contact.email", "birth", "notes", "address",
                       "identity.religion")
LAST_YEAR = 2100

# Any text a practitioner might paste, including control characters and right-to-left marks.
free_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
names = st.one_of(st.sampled_from(SAMPLE_NAMES),
                  st.text(st.characters(categories=("L", "M", "Zs", "Pd", "Po")), max_size=24))
# Ids as the application makes them (uuid hex) and as importers may (GEDCOM-like xrefs).
ids = st.one_of(st.uuids().map(lambda u: u.hex),
                st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@-", min_size=1, max_size=12))
finite = st.floats(allow_nan=False, allow_infinity=False)
contacts = st.builds(Contact, address=free_text, phone=free_text, email=free_text)
circle_placements = st.builds(CirclePlacement, st.sampled_from(Ring), st.sampled_from(Sector))
positions = st.dictionaries(st.sampled_from(VIEWS), st.tuples(finite, finite), max_size=3)
case_infos = st.builds(CaseInfo, name=names, reference=free_text, summary=free_text, author=names, team=names)

_booleans = st.booleans()
_maybe = st.booleans()  # whether an optional value is there
_month = st.integers(1, 12)
_day = st.integers(1, 28)
_qualifier = st.sampled_from(DateQualifier)
_year = st.integers(1850, LAST_YEAR - 1)
_years_later = st.integers(1, 80)
_pick = st.integers(0, 2**16)
_confidential_fields = st.frozensets(st.sampled_from(CONFIDENTIAL_FIELDS), max_size=3)
_identity = st.dictionaries(st.sampled_from(IDENTITY_HEADINGS), free_text, max_size=3)
_text_list = st.lists(free_text, max_size=3).map(tuple)
_roles = st.frozensets(st.sampled_from(Role), max_size=3)
_supports = st.frozensets(st.sampled_from(SupportKind))
_twin_groups = st.sampled_from(("", "", "twins-a", "twins-b"))
_ages = st.none() | st.integers(0, 130)
_optional_circle = st.none() | circle_placements


def _date(draw: st.DrawFn, year: int) -> PartialDate:
    month = draw(_month) if draw(_maybe) else None
    day = draw(_day) if month is not None and draw(_maybe) else None
    return PartialDate(year, month, day, draw(_qualifier))


def _maybe_date(draw: st.DrawFn, after: PartialDate | None = None) -> PartialDate | None:
    """Perhaps a date; if ``after`` is given, a date in a later year (so certainly after it)."""
    if not draw(_maybe):
        return None
    if after is None:
        return _date(draw, draw(_year))
    return _date(draw, min(after.year + draw(_years_later), LAST_YEAR))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A date known to the year, month or day, sometimes only approximately."""
    return _date(draw, draw(_year))


def _node_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {"notes": draw(free_text), "confidential": draw(_booleans),
            "confidential_fields": draw(_confidential_fields), "positions": draw(positions),
            "circle": draw(_optional_circle)}


@st.composite
def people(draw: st.DrawFn) -> Person:
    """A valid person: any names, a death only after birth and only if deceased, perhaps an age.

    About half are sketched (names, gender, birth), as most people in a real case are; the rest
    have every field, so each field is still exercised often.
    """
    return _person(draw, draw(ids))


def _person(draw: st.DrawFn, node_id: str) -> Person:
    birth = _maybe_date(draw)
    sketch = Person(id=node_id, given_names=draw(names), family_name=draw(names),
                    gender=draw(st.sampled_from(Gender)), birth=birth)
    if draw(_booleans):
        return sketch
    deceased = draw(_booleans)
    must_not = draw(_booleans)
    return replace(
        sketch, **_node_fields(draw), known_as=draw(names), approximate_age=draw(_ages), deceased=deceased,
        death=_maybe_date(draw, birth) if deceased else None, pregnancy=draw(st.sampled_from(PregnancyState)),
        first_language=draw(names), interpreter_needed=draw(_booleans), identity=draw(_identity),
        strengths=draw(_text_list), worries=draw(_text_list), wishes=draw(free_text), contact=draw(contacts),
        roles=draw(_roles), occupation=draw(free_text), twin_group=draw(_twin_groups),
        identical_twin=draw(_booleans), must_not_invite=must_not and draw(_booleans),
        must_not_be_told=must_not and draw(_booleans), safety_reason=draw(free_text) if must_not else "",
    )


@st.composite
def services(draw: st.DrawFn) -> Service:
    return _service(draw, draw(ids))


def _service(draw: st.DrawFn, node_id: str) -> Service:
    return Service(id=node_id, **_node_fields(draw), name=draw(names), category=draw(st.sampled_from(ServiceCategory)),
                   contact_person=draw(names), contact=draw(contacts), first_language_offer=draw(free_text))


@st.composite
def households(draw: st.DrawFn, member_ids: tuple[str, ...] = ()) -> Household:
    """A household of some of the given people (members must be people of the same case)."""
    return _household(draw, tuple(member_ids), draw(ids))


def _household(draw: st.DrawFn, member_ids: tuple[str, ...], node_id: str) -> Household:
    members = frozenset(member_ids[draw(_pick) % len(member_ids)] for _ in range(draw(st.integers(0, 4)))) \
        if member_ids else frozenset()
    return Household(id=node_id, **_node_fields(draw), name=draw(names), members=members, address=draw(free_text))


def _one_of(draw: st.DrawFn, items: list[Any]) -> Any:
    return items[draw(_pick) % len(items)]


_KINDS = ("ecomap", "partnership", "parentage", "emotional")


def _relationship(draw: st.DrawFn, persons: list[Person], others: list[AnyNode],
                  rel_id: str) -> AnyRelationship | None:
    """One relationship whose kind fits its two ends; None if nothing can join what there is.

    ``persons`` are in a fixed order and a parent always comes before the child in it, so parentage
    can never run in a circle; a birth parent is also born in an earlier year when both are known.
    """
    kind = _KINDS[draw(st.integers(0, 3))] if len(persons) >= 2 else "ecomap"
    start = _maybe_date(draw)
    common: dict[str, Any] = {"id": rel_id, "start": start, "end": _maybe_date(draw, start) if start else
                              _maybe_date(draw), "notes": draw(free_text), "confidential": draw(_booleans)}
    if kind == "ecomap":
        sources = [n for n in [*persons, *others] if not isinstance(n, Service)]
        source = _one_of(draw, sources) if sources else None
        targets = [n for n in [*persons, *others] if not isinstance(n, Household) and n is not source]
        if source is None or not targets:
            return None
        return EcomapTie(source.id, _one_of(draw, targets).id, **common,
                         strength=draw(st.sampled_from(TieStrength)), stressful=draw(_booleans),
                         flow=draw(st.sampled_from(Flow)), frequency=draw(free_text), support=draw(_supports))
    first = draw(_pick) % (len(persons) - 1)
    second = first + 1 + draw(_pick) % (len(persons) - 1 - first)
    a, b = persons[first], persons[second]
    if kind == "partnership":
        return Partnership(a.id, b.id, **common, type=draw(st.sampled_from(PartnershipType)))
    if kind == "emotional":
        source, target = (a, b) if draw(_booleans) else (b, a)
        return Emotional(source.id, target.id, **common, type=draw(st.sampled_from(EmotionalType)))
    parent_type = draw(st.sampled_from(ParentageType))
    if parent_type is ParentageType.BIRTH and a.birth and b.birth and not a.birth.year < b.birth.year:
        parent_type = ParentageType.STEP
    return Parentage(a.id, b.id, **common, type=parent_type, parental_responsibility=draw(_booleans))


def _node_ref(draw: st.DrawFn, node_ids: tuple[str, ...]) -> str:
    """A node of the case, as meetings refer to people and services; empty if there is none."""
    return _one_of(draw, list(node_ids)) if node_ids and draw(_booleans) else ""


_dates = st.none() | st.dates()
_times = st.none() | st.times()
_small_lists = st.lists(free_text, max_size=2).map(tuple)


@st.composite
def meetings(draw: st.DrawFn, node_ids: tuple[str, ...] = ()) -> Meeting:
    """A family network meeting with its plan, referring to nodes of a case by id."""
    def some(make: Any) -> tuple[Any, ...]:
        return tuple(make() for _ in range(draw(st.integers(0, 2))))

    invitations = tuple({i.node_id: i for i in some(lambda: Invitation(
        _one_of(draw, list(node_ids)) if node_ids else draw(ids), draw(st.sampled_from(InviteDecision)),
        draw(free_text), draw(st.sampled_from(InviteStatus)), draw(names), draw(_booleans), draw(free_text),
        draw(_booleans)))}.values())
    plan = Plan(
        worries=draw(_small_lists), working_well=draw(_small_lists), needs_to_happen=draw(_small_lists),
        scaling_question=draw(st.sampled_from((Plan.scaling_question, "Where are things now?"))),
        scores=some(lambda: ScalingScore(_node_ref(draw, node_ids), draw(st.integers(0, 10)), draw(free_text))),
        actions=some(lambda: Action(draw(free_text), _node_ref(draw, node_ids), draw(_dates), draw(free_text),
                                    draw(free_text), _node_ref(draw, node_ids), draw(ids))),
        contingency=draw(free_text), review_date=draw(_dates),
        distribution=tuple(dict.fromkeys(some(lambda: _node_ref(draw, node_ids)))),
        feedback=some(lambda: Feedback(_node_ref(draw, node_ids), draw(free_text), draw(_dates),
                                       draw(st.none() | st.integers(1, 5)))),
    )
    agenda = draw(st.sampled_from(("standard", "none", "own")))
    return Meeting(
        id=draw(ids), title=draw(names), on=draw(_dates), start=draw(_times), venue=draw(free_text),
        venue_access=draw(free_text), coordinator=draw(names), purpose=draw(free_text),
        bottom_lines=draw(_small_lists), invitations=invitations,
        children=some(lambda: ChildParticipation(_node_ref(draw, node_ids), draw(st.sampled_from(Attendance)),
                                                 _node_ref(draw, node_ids), draw(free_text), draw(free_text))),
        **({} if agenda == "standard" else {"agenda": () if agenda == "none" else some(lambda: AgendaItem(
            draw(st.sampled_from(Stage)), draw(free_text), draw(st.integers(0, 240)), draw(names),
            draw(free_text)))}),
        plan=plan,
    )


@st.composite
def case_documents(draw: st.DrawFn, max_people: int = 8, max_services: int = 4, max_households: int = 2,
                   max_relationships: int = 16) -> CaseDocument:
    """A whole valid case, detached (no sink): people, services, households and relationships."""
    sizes = [draw(st.integers(0, limit)) for limit in (max_people, max_services, max_households, max_relationships)]
    n_people, n_services, n_households, n_rels = sizes
    base = draw(ids)  # one drawn id made unique per object: drawing each id was most of the cost
    node_ids = [f"{base}-n{i}" for i in range(sum(sizes[:3]))]
    rel_ids = [f"{base}-r{i}" for i in range(n_rels)]
    persons = [_person(draw, node_id) for node_id in node_ids[:n_people]]
    persons.sort(key=lambda p: p.birth.earliest() if p.birth else (0, 0, 0))  # parents before children
    others: list[AnyNode] = [_service(draw, node_id) for node_id in node_ids[n_people:n_people + n_services]]
    member_ids = tuple(p.id for p in persons)
    others += [_household(draw, member_ids, node_id) for node_id in node_ids[n_people + n_services:]]
    drawn = [_relationship(draw, persons, others, rel_id) for rel_id in rel_ids] if persons or others else []
    rels = [rel for rel in drawn if rel is not None]
    info = draw(case_infos)
    if draw(st.integers(0, 2)) == 0:  # a third of cases have had a meeting or two
        info = replace(info, meetings=tuple({m.id: m for m in (draw(meetings(tuple(node_ids)))
                                                                 for _ in range(draw(st.integers(1, 2))))}.values()))
    doc = CaseDocument(info)
    changes = [Change(None, node) for node in [*persons, *others]] + [Change(None, rel) for rel in rels]
    doc.apply(Edit("Generated case", tuple(changes)))
    return doc
