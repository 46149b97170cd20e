"""Validation: the checks refuse what cannot be true and say so in a practitioner's words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from circles_desktop.graph import edits as E
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import (
    CaseInfo,
    EcomapTie,
    Emotional,
    Household,
    PartialDate,
    Parentage,
    ParentageType,
    Partnership,
    Person,
    Service,
)
from circles_desktop.graph.validation import Severity, ValidationError


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.fixture
def family() -> tuple[CaseDocument, Person, Person, Person]:
    doc = CaseDocument(CaseInfo("Checks"))
    gran = Person(given_names="Gran", birth=d("1950"))
    mum = Person(given_names="Mum", birth=d("1975-06"))
    kid = Person(given_names="Kid", birth=d("2008-02-29"))
    for p in (gran, mum, kid):
        doc.apply(E.add_node(p))
    doc.apply(E.add_relationship(Parentage(gran.id, mum.id)))
    doc.apply(E.add_relationship(Parentage(mum.id, kid.id)))
    return doc, gran, mum, kid


def test_nobody_is_their_own_ancestor(family: tuple) -> None:
    doc, gran, _, kid = family
    with pytest.raises(ValidationError, match="own ancestor"):
        doc.apply(E.add_relationship(Parentage(kid.id, gran.id, type=ParentageType.ADOPTIVE)))
    assert len(doc.relationships()) == 2


def test_an_import_sized_edit_finds_a_cycle_too() -> None:
    doc = CaseDocument(CaseInfo("Bulk"))
    people = [Person(given_names=f"P{i}") for i in range(30)]
    lines = [Parentage(a.id, b.id) for a, b in zip(people, people[1:])]
    lines.append(Parentage(people[-1].id, people[0].id))
    bulk = E.combine("Import", [E.add_node(p) for p in people] + [E.add_relationship(r) for r in lines])
    with pytest.raises(ValidationError, match="own ancestor"):
        doc.apply(bulk)
    assert len(doc) == 0


def test_a_parent_is_born_before_their_birth_child(family: tuple) -> None:
    doc, _, mum, kid = family
    with pytest.raises(ValidationError, match="a parent is born first"):
        doc.apply(E.update_node(doc, replace(kid, birth=d("1970"))))
    # A foster carer may be any age.
    carer = Person(given_names="Carer", birth=d("2000"))
    doc.apply(E.add_node(carer))
    younger = Person(given_names="Older child", birth=d("1999"))
    doc.apply(E.add_node(younger))
    doc.apply(E.add_relationship(Parentage(carer.id, younger.id, type=ParentageType.FOSTER)))


@pytest.mark.parametrize("birth, death, ok", [("1950", "2019", True), ("1950-05", "1950-05", True),
                                              ("1950", "1949-12", False), ("~1950", "1950", True)])
def test_death_is_not_before_birth(birth: str, death: str, ok: bool) -> None:
    doc = CaseDocument(CaseInfo("Dates"))
    person = Person(given_names="Grandad", birth=d(birth), deceased=True, death=d(death))
    if ok:
        doc.apply(E.add_node(person))
    else:
        with pytest.raises(ValidationError, match="before their date of birth"):
            doc.apply(E.add_node(person))


def test_relationship_dates_in_order(family: tuple) -> None:
    doc, _, mum, _ = family
    partner = Person(given_names="Partner")
    doc.apply(E.add_node(partner))
    with pytest.raises(ValidationError, match="ends .* before it starts"):
        doc.apply(E.add_relationship(Partnership(mum.id, partner.id, start=d("2010"), end=d("2001"))))


def test_a_relationship_kind_fits_its_two_ends(family: tuple) -> None:
    doc, _, mum, kid = family
    school = Service(name="Oak School")
    home = Household(name="Home", members=frozenset({kid.id}))
    doc.apply(E.add_node(school))
    doc.apply(E.add_node(home))
    for rel, words in [
        (Parentage(school.id, kid.id), "between people"),
        (Partnership(mum.id, mum.id), "with themselves"),
        (Emotional(kid.id, school.id), "between people"),
        (EcomapTie(school.id, kid.id), "not from a service"),
        (EcomapTie(kid.id, home.id), "not to a household"),
    ]:
        with pytest.raises(ValidationError, match=words):
            doc.apply(E.add_relationship(rel))
    doc.apply(E.add_relationship(EcomapTie(kid.id, school.id)))
    doc.apply(E.add_relationship(EcomapTie(home.id, mum.id)))


def test_only_people_in_the_case_live_in_a_household(family: tuple) -> None:
    doc, *_ = family
    with pytest.raises(ValidationError, match="Only people in this case"):
        doc.apply(E.add_node(Household(name="Ghosts", members=frozenset({"missing"}))))


def test_a_date_of_death_needs_the_deceased_mark() -> None:
    doc = CaseDocument(CaseInfo("Dates"))
    with pytest.raises(ValidationError, match="not marked as deceased"):
        doc.apply(E.add_node(Person(given_names="X", death=d("2001"))))


def test_warnings_do_not_block(family: tuple) -> None:
    doc, _, _, kid = family
    flagged = replace(kid, must_not_be_told=True)
    doc.apply(E.update_node(doc, flagged))
    problems = doc.check()
    assert any(p.severity is Severity.WARNING and "Say why" in p.message for p in problems)
    assert any("child at the centre" in p.message for p in problems)


@pytest.mark.parametrize("text", ["", "1990-13", "1990-02-30", "nineteen", "0000", "1990-1-1", "12345",
                                  "~", "1990-02-29", "２０２０"])
def test_impossible_dates_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValueError) as error:
        PartialDate.parse(text)
    assert str(error.value)


@pytest.mark.parametrize("text", ["1990", "~1990", "<2001-03", ">1950-12-31", "2000-02-29"])
def test_dates_round_trip_their_text(text: str) -> None:
    assert PartialDate.parse(text).iso() == text


@pytest.mark.parametrize("field, value", [
    ("gender", "female"),            # a str enum compares equal to its text: only the type tells
    ("given_names", None),
    ("approximate_age", True),       # a bool is an int to isinstance, never an age
    ("strengths", ["Kind"]),         # a list where the model keeps a tuple
    ("birth", "1975-06"),            # a string where a PartialDate belongs
])
def test_a_value_of_the_wrong_type_is_refused_and_nothing_changes(family: tuple, field: str, value: object) -> None:
    doc, _, mum, _ = family
    with pytest.raises(ValidationError, match="wrong kind.*" + field):
        doc.apply(E.update_node(doc, replace(mum, **{field: value})))
    assert doc.node(mum.id) == mum and type(doc.node(mum.id).gender) is type(mum.gender)


def test_an_int_is_a_float_and_optional_fields_take_none(family: tuple) -> None:
    doc, _, mum, _ = family
    doc.apply(E.update_node(doc, replace(mum, approximate_age=None, birth=None)))
    assert doc.node(mum.id).birth is None


def test_a_wrongly_typed_relationship_and_case_detail_are_refused(family: tuple) -> None:
    doc, gran, mum, _ = family
    with pytest.raises(ValidationError, match="wrong kind"):
        doc.apply(E.add_relationship(Emotional(gran.id, mum.id, type="close")))
    with pytest.raises(ValidationError, match="wrong kind"):
        doc.apply(E.update_case(doc, replace(doc.info, name=42)))
