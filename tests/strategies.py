"""Hypothesis strategies for valid case objects and whole valid cases, shared by every package's tests.

Import them as ``from strategies import case_documents`` (tests/ is on the path through its
conftest). Everything drawn here passes the model's validation: the whole case is applied as one
edit, so a strategy that ever produced something invalid would fail loudly, not test the wrong thing.

Text is hostile on purpose: names in many scripts, free text with any character but lone surrogates
(which no UTF-8 file or database can hold), control characters included.
"""

from __future__ import annotations

from hypothesis import strategies as st

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import Change, Edit
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

# Any text a practitioner might paste, including control characters and right-to-left marks.
free_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
names = st.one_of(st.sampled_from(SAMPLE_NAMES),
                  st.text(st.characters(categories=("L", "M", "Zs", "Pd", "Po")), max_size=24))
# Ids as the application makes them (uuid hex) and as importers may (GEDCOM-like xrefs).
ids = st.one_of(st.uuids().map(lambda u: u.hex), st.from_regex(r"[A-Za-z0-9_@-]{1,12}", fullmatch=True))
finite = st.floats(allow_nan=False, allow_infinity=False)
VIEWS = ("genogram", "ecomap", "circles")
CONFIDENTIAL_FIELDS = ("contact.address", "contact.phone", "contact.email", "birth", "notes", "address",
                       "identity.religion")


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1850, max_year: int = 2100) -> PartialDate:
    """A date known to the year, month or day, sometimes only approximately."""
    year = draw(st.integers(min_year, max_year))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, 28))
    return PartialDate(year, month, day, draw(st.sampled_from(DateQualifier)))


@st.composite
def later_date(draw: st.DrawFn, after: PartialDate | None, max_year: int = 2100) -> PartialDate:
    """A date certainly after ``after`` (a later year), or any date when there is nothing to follow."""
    if after is None:
        return draw(partial_dates(max_year=max_year))
    return draw(partial_dates(min_year=after.year + 1, max_year=max_year))


@st.composite
def date_spans(draw: st.DrawFn) -> tuple[PartialDate | None, PartialDate | None]:
    """A start and an end, either possibly unknown, never in the wrong order."""
    start = draw(st.none() | partial_dates(max_year=2099))
    end = draw(st.none() | later_date(start))
    return start, end


contacts = st.builds(Contact, address=free_text, phone=free_text, email=free_text)
circle_placements = st.builds(CirclePlacement, st.sampled_from(Ring), st.sampled_from(Sector))
positions = st.dictionaries(st.sampled_from(VIEWS), st.tuples(finite, finite), max_size=3)


def _node_fields(draw: st.DrawFn, node_id: str) -> dict[str, object]:
    return {
        "id": node_id,
        "notes": draw(free_text),
        "confidential": draw(st.booleans()),
        "confidential_fields": draw(st.frozensets(st.sampled_from(CONFIDENTIAL_FIELDS), max_size=3)),
        "positions": draw(positions),
        "circle": draw(st.none() | circle_placements),
    }


@st.composite
def people(draw: st.DrawFn, node_id: str | None = None) -> Person:
    """A valid person: any names, a death only after birth and only if deceased, a possible age."""
    birth = draw(st.none() | partial_dates(max_year=2090))
    deceased = draw(st.booleans())
    death = draw(st.none() | later_date(birth)) if deceased else None
    must_not = draw(st.booleans())
    return Person(
        **_node_fields(draw, node_id or draw(ids)),  # type: ignore[arg-type]
        given_names=draw(names), family_name=draw(names), known_as=draw(names),
        gender=draw(st.sampled_from(Gender)), birth=birth,
        approximate_age=draw(st.none() | st.integers(0, 130)), deceased=deceased, death=death,
        pregnancy=draw(st.sampled_from(PregnancyState)), first_language=draw(names),
        interpreter_needed=draw(st.booleans()),
        identity=draw(st.dictionaries(st.sampled_from(IDENTITY_HEADINGS), free_text, max_size=3)),
        strengths=tuple(draw(st.lists(free_text, max_size=3))), worries=tuple(draw(st.lists(free_text, max_size=3))),
        wishes=draw(free_text), contact=draw(contacts), roles=draw(st.frozensets(st.sampled_from(Role), max_size=3)),
        occupation=draw(free_text), twin_group=draw(st.sampled_from(("", "", "twins-a", "twins-b"))),
        identical_twin=draw(st.booleans()), must_not_invite=must_not and draw(st.booleans()),
        must_not_be_told=must_not and draw(st.booleans()), safety_reason=draw(free_text) if must_not else "",
    )


@st.composite
def services(draw: st.DrawFn, node_id: str | None = None) -> Service:
    return Service(
        **_node_fields(draw, node_id or draw(ids)),  # type: ignore[arg-type]
        name=draw(names), category=draw(st.sampled_from(ServiceCategory)), contact_person=draw(names),
        contact=draw(contacts), first_language_offer=draw(free_text),
    )


@st.composite
def households(draw: st.DrawFn, member_ids: list[str], node_id: str | None = None) -> Household:
    """A household of some of the given people (its members must be people in the same case)."""
    members = draw(st.frozensets(st.sampled_from(member_ids), max_size=len(member_ids))) if member_ids else frozenset()
    return Household(**_node_fields(draw, node_id or draw(ids)), name=draw(names),  # type: ignore[arg-type]
                     members=members, address=draw(free_text))


case_infos = st.builds(CaseInfo, name=names, reference=free_text, summary=free_text, author=names, team=names)


@st.composite
def relationships(draw: st.DrawFn, persons: list[Person], others: list[AnyNode],
                  rel_id: str) -> AnyRelationship | None:
    """One relationship whose kind fits its two ends, between nodes of a case; None if nothing fits.

    ``persons`` are the case's people in a fixed order; a parent always comes before the child in
    that order, so parentage can never run in a circle. A birth parent is also born before the
    child when both dates are known. ``others`` are the services and households, for ecomap ties.
    """
    kind = draw(st.sampled_from(["ecomap"] + (["partnership", "parentage", "emotional"] if len(persons) >= 2 else [])))
    start, end = draw(date_spans())
    common = {"id": rel_id, "start": start, "end": end, "notes": draw(free_text), "confidential": draw(st.booleans())}
    if kind == "ecomap":
        sources = [n for n in [*persons, *others] if not isinstance(n, Service)]
        source = draw(st.sampled_from(sources)) if sources else None
        targets = [n for n in [*persons, *others] if not isinstance(n, Household) and n is not source]
        if source is None or not targets:
            return None
        return EcomapTie(source.id, draw(st.sampled_from(targets)).id, **common,  # type: ignore[arg-type]
                         strength=draw(st.sampled_from(TieStrength)), stressful=draw(st.booleans()),
                         flow=draw(st.sampled_from(Flow)), frequency=draw(free_text),
                         support=draw(st.frozensets(st.sampled_from(SupportKind))))
    first, second = sorted(draw(st.lists(st.integers(0, len(persons) - 1), min_size=2, max_size=2, unique=True)))
    a, b = persons[first], persons[second]
    if kind == "partnership":
        return Partnership(a.id, b.id, **common, type=draw(st.sampled_from(PartnershipType)))  # type: ignore[arg-type]
    if kind == "emotional":
        source, target = draw(st.permutations([a, b]))
        return Emotional(source.id, target.id, **common, type=draw(st.sampled_from(EmotionalType)))  # type: ignore[arg-type]
    parent_type = draw(st.sampled_from(ParentageType))
    if parent_type is ParentageType.BIRTH and a.birth and b.birth and not a.birth.year < b.birth.year:
        parent_type = ParentageType.STEP
    return Parentage(a.id, b.id, **common, type=parent_type,  # type: ignore[arg-type]
                     parental_responsibility=draw(st.booleans()))


@st.composite
def case_documents(draw: st.DrawFn, max_people: int = 8, max_services: int = 4, max_households: int = 2,
                   max_relationships: int = 16) -> CaseDocument:
    """A whole valid case, detached (no sink): people, services, households and relationships."""
    n_people = draw(st.integers(0, max_people))
    n_services = draw(st.integers(0, max_services))
    n_households = draw(st.integers(0, max_households))
    n_rels = draw(st.integers(0, max_relationships))
    node_ids = draw(st.lists(ids, min_size=n_people + n_services + n_households,
                             max_size=n_people + n_services + n_households, unique=True))
    rel_ids = draw(st.lists(ids, min_size=n_rels, max_size=n_rels, unique=True))
    persons = [draw(people(node_id)) for node_id in node_ids[:n_people]]
    # Birth parents must be older than their children, so order people by birth where known.
    persons.sort(key=lambda p: p.birth.earliest() if p.birth else (0, 0, 0))
    others: list[AnyNode] = [draw(services(node_id)) for node_id in node_ids[n_people:n_people + n_services]]
    member_ids = [p.id for p in persons]
    others += [draw(households(member_ids, node_id)) for node_id in node_ids[n_people + n_services:]]
    drawn = [draw(relationships(persons, others, rel_id)) for rel_id in rel_ids] if persons or others else []
    rels = [rel for rel in drawn if rel is not None]
    doc = CaseDocument(draw(case_infos))
    changes = [Change(None, node) for node in [*persons, *others]] + [Change(None, rel) for rel in rels]
    doc.apply(Edit("Generated case", tuple(changes)))
    return doc

