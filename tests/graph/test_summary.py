"""The text summary reads like a practitioner's note of the case."""

from __future__ import annotations

from datetime import date

from circles_desktop.graph import edits as E
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import (
    CaseInfo,
    EcomapTie,
    Household,
    PartialDate,
    Person,
    Role,
    Service,
    ServiceCategory,
    TieStrength,
)
from circles_desktop.graph.summary import age, summarise

TODAY = date(2026, 11, 23)


def test_age_counts_whole_years_and_stops_at_death() -> None:
    assert age(Person(birth=PartialDate.parse("2010-11-24")), TODAY) == 15
    assert age(Person(birth=PartialDate.parse("2010-11-23")), TODAY) == 16
    assert age(Person(birth=PartialDate.parse("1930"), deceased=True, death=PartialDate.parse("2001-05")), TODAY) == 71
    assert age(Person(approximate_age=40), TODAY) == 40
    assert age(Person(), TODAY) is None


def test_summary_names_the_child_home_ties_and_safety_flags() -> None:
    doc = CaseDocument(CaseInfo("Zain family", reference="CIN-2041"))
    nikita = Person(given_names="Nikita", family_name="Zain", birth=PartialDate.parse("2010-03-02"),
                    roles=frozenset({Role.CHILD}), wishes="I want my family to listen")
    mum = Person(given_names="Amira", family_name="Zain", first_language="Bengali", interpreter_needed=True)
    dad = Person(given_names="Omar", family_name="Zain", must_not_be_told=True, safety_reason="court order")
    school = Service(name="Oak Academy", category=ServiceCategory.EDUCATION)
    for node in (nikita, mum, dad, school):
        doc.apply(E.add_node(node))
    doc.apply(E.add_node(Household(name="Zain household", members=frozenset({nikita.id, mum.id}))))
    doc.apply(E.add_relationship(EcomapTie(nikita.id, school.id, strength=TieStrength.TENUOUS, stressful=True)))
    text = summarise(doc, TODAY)
    assert "Zain family  [CIN-2041]" in text
    assert "Child at the centre: Nikita Zain, 16" in text
    assert '"I want my family to listen"' in text
    assert "Lives in Zain household with Amira Zain" in text
    assert "Bengali, needs an interpreter" in text
    assert "Oak Academy (education service): tenuous, stressful" in text
    assert "Omar Zain must not be told: court order" in text
