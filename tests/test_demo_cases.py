"""The demo cases: valid, stable, and rich enough to show every feature Circles has."""

from __future__ import annotations

import re

import networkx as nx
import pytest

from circles_desktop.demo_cases import BLENDED, PARENTING, SAYAH, ZAIN, demo_cases, demo_id
from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import remove_nodes
from circles_desktop.graph.model import (
    EcomapTie,
    Emotional,
    Parentage,
    ParentageType,
    Partnership,
    Person,
    PregnancyState,
    RelKind,
    Role,
    Service,
    ServiceCategory,
)
from circles_desktop.graph.validation import Severity

NOW_YEAR = 2026  # the year the stories are told in
BENGALI = re.compile("[\u0980-\u09ff]")
ARABIC = re.compile("[\u0600-\u06ff]")
POLISH = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


@pytest.fixture(scope="module")
def cases() -> dict[str, CaseDocument]:
    return {doc.info.name: doc for doc in demo_cases()}


def snapshot(doc: CaseDocument) -> tuple[object, ...]:
    return (doc.case_id, encode(doc.info), sorted(repr(encode(n)) for n in doc.nodes()),
            sorted(repr(encode(r)) for r in doc.relationships()))


def names_of(doc: CaseDocument) -> str:
    return " ".join(f"{p.given_names} {p.family_name} {p.known_as}" for p in doc.people())


def test_there_are_four_cases_with_stable_names(cases: dict[str, CaseDocument]) -> None:
    assert list(cases) == [ZAIN, SAYAH, PARENTING, BLENDED]
    assert ZAIN == "Zain family" and SAYAH == "Sayah" and "parenting programme" in PARENTING


def test_two_calls_give_the_same_ids_and_content_but_separate_documents() -> None:
    first, second = demo_cases(), demo_cases()
    assert [snapshot(doc) for doc in first] == [snapshot(doc) for doc in second]
    assert len({doc.case_id for doc in first}) == 4
    doc = first[0]
    doc.apply(remove_nodes(doc, [demo_id("zain/julian")]))
    assert demo_cases()[0].has_node(demo_id("zain/julian")), "a call hands out new documents every time"


def test_tests_can_find_people_by_slug(cases: dict[str, CaseDocument]) -> None:
    nikita = cases[ZAIN].node(demo_id("zain/nikita"))
    assert isinstance(nikita, Person) and nikita.given_names == "Nikita" and nikita.is_child_at_centre
    assert cases[SAYAH].node(demo_id("sayah/sayah")).is_child_at_centre  # type: ignore[union-attr]
    assert cases[BLENDED].case_id == demo_id("blended")


@pytest.mark.parametrize("name", [ZAIN, SAYAH, PARENTING, BLENDED])
def test_each_case_is_valid_detached_and_tidy(cases: dict[str, CaseDocument], name: str) -> None:
    doc = cases[name]
    assert doc.sink is None
    problems = doc.check()
    assert not [p for p in problems if p.severity is Severity.ERROR], [str(p) for p in problems]
    assert problems == [], "a demo case shows a tidy case: " + "; ".join(map(str, problems))


@pytest.mark.parametrize("name", [ZAIN, SAYAH, PARENTING, BLENDED])
def test_each_case_tells_a_story(cases: dict[str, CaseDocument], name: str) -> None:
    doc = cases[name]
    assert doc.info.summary and doc.info.reference and doc.info.author and doc.info.team
    children = doc.children_at_centre()
    assert children
    assert any(child.wishes for child in children), "the child's own words"
    assert all(child.strengths or child.worries for child in children)
    assert sum(1 for p in doc.people() if p.strengths) >= 3
    assert sum(1 for p in doc.people() if p.worries) >= 2
    assert doc.relationships(RelKind.EMOTIONAL) and doc.relationships(RelKind.PARTNERSHIP)
    assert doc.households()
    assert any(p.first_language for p in doc.people()) and any(p.interpreter_needed for p in doc.people())


@pytest.mark.parametrize("name", [ZAIN, SAYAH, PARENTING, BLENDED])
def test_each_case_has_an_ecomap_of_real_world_services(cases: dict[str, CaseDocument], name: str) -> None:
    doc = cases[name]
    categories = {s.category for s in doc.services()}
    assert {ServiceCategory.EDUCATION, ServiceCategory.HEALTH, ServiceCategory.MENTAL_HEALTH, ServiceCategory.FAITH,
            ServiceCategory.LEISURE, ServiceCategory.COMMUNITY} <= categories
    assert any("youth" in s.name.lower() for s in doc.services()), "a youth service"
    workers = [p for p in doc.people() if Role.PROFESSIONAL in p.roles and "social worker" in p.occupation.lower()]
    assert workers, "the allocated social worker is a person with the professional role"
    tied = {t.target for t in doc.ecomap_ties()}
    assert {s.id for s in doc.services()} <= tied, "every service is on the ecomap"
    assert workers[0].id in tied


def test_the_father_is_on_a_parenting_programme_run_in_his_language(cases: dict[str, CaseDocument]) -> None:
    doc = cases[PARENTING]
    programme = doc.node(demo_id("parenting/dads"))
    father = doc.node(demo_id("parenting/shahid"))
    assert isinstance(programme, Service) and "parenting programme" in programme.name
    assert "Bengali/Sylheti" in programme.first_language_offer and "Tagalog" in programme.first_language_offer
    assert isinstance(father, Person) and father.interpreter_needed
    assert any(isinstance(r, EcomapTie) and r.target == programme.id for r in doc.relationships_of(father.id))


@pytest.mark.parametrize("name", [ZAIN, SAYAH, PARENTING, BLENDED])
def test_everyone_around_the_child_is_placed_in_the_circles(cases: dict[str, CaseDocument], name: str) -> None:
    doc = cases[name]
    around = [n for n in doc.nodes() if isinstance(n, Service) or isinstance(n, Person) and not (
        n.is_child_at_centre or n.deceased or n.pregnancy is not PregnancyState.NONE)]
    unplaced = [n.label for n in around if n.circle is None]
    assert not unplaced
    assert {n.circle.sector for n in around if n.circle} == {"family", "community", "professional"}


def test_the_mothers_address_is_hidden_from_the_father(cases: dict[str, CaseDocument]) -> None:
    doc = cases[PARENTING]
    mother, father = doc.node(demo_id("parenting/rukhsana")), doc.node(demo_id("parenting/shahid"))
    assert isinstance(mother, Person) and isinstance(father, Person)
    assert mother.contact.address and "contact.address" in mother.confidential_fields
    assert father.must_not_be_told and "address" in father.safety_reason
    home = doc.node(demo_id("parenting/mother-home"))
    assert "address" in home.confidential_fields
    assert any(isinstance(r, Emotional) and r.type.directed and r.source == father.id for r in doc.relationships())
    assert any(s.confidential for s in doc.services()), "the children's new school gives away where they live"


def test_sayahs_case_keeps_her_safe_without_naming_her_abusers(cases: dict[str, CaseDocument]) -> None:
    doc = cases[SAYAH]
    sayah = doc.node(demo_id("sayah/sayah"))
    assert isinstance(sayah, Person) and "contact.address" in sayah.confidential_fields
    flagged = [p for p in doc.people() if p.must_not_invite]
    assert flagged and all(p.safety_reason for p in flagged)
    assert doc.node(demo_id("sayah/oakfield")).label.startswith("Oakfield House")
    ended = [t for t in doc.ecomap_ties() if t.end]
    assert ended, "the residential home, CAMHS and college are ties that ended"


def birth_graph(doc: CaseDocument) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_edges_from((r.source, r.target) for r in doc.relationships(RelKind.PARENTAGE)
                         if isinstance(r, Parentage) and r.type is ParentageType.BIRTH)
    return graph


def test_the_blended_family_is_big_and_four_generations_deep(cases: dict[str, CaseDocument]) -> None:
    doc = cases[BLENDED]
    assert len(doc.people()) >= 40
    assert nx.dag_longest_path_length(birth_graph(doc)) >= 3, "four generations: three parent lines"


def test_the_blended_family_has_every_kind_of_family_tie(cases: dict[str, CaseDocument]) -> None:
    doc = cases[BLENDED]
    kinds = {r.type for r in doc.relationships(RelKind.PARENTAGE) if isinstance(r, Parentage)}
    assert kinds == set(ParentageType)
    roles = {role for p in doc.people() for role in p.roles}
    assert {Role.KINSHIP_CARER, Role.FOSTER_CARER, Role.PROFESSIONAL, Role.CHILD} <= roles
    partnered = [p.id for p in doc.people() if len(doc.partnerships_of(p.id)) >= 2]
    assert len(partnered) >= 3, "remarriages"
    assert {r.type.value for r in doc.relationships(RelKind.PARTNERSHIP) if isinstance(r, Partnership)} >= {
        "married", "divorced", "separated", "widowed", "dating"}


def test_the_blended_family_has_half_and_step_siblings(cases: dict[str, CaseDocument]) -> None:
    doc = cases[BLENDED]
    maja = demo_id("blended/maja")
    parents = {p.id for p in doc.parents_of(maja, ParentageType.BIRTH)}
    half = [c for parent in parents for c in doc.children_of(parent, ParentageType.BIRTH)
            if c.id != maja and {p.id for p in doc.parents_of(c.id, ParentageType.BIRTH)} != parents]
    assert len({c.id for c in half}) >= 4
    step_parents = {p.id for p in doc.parents_of(maja, ParentageType.STEP)}
    step_siblings = {c.id for s in step_parents for c in doc.children_of(s, ParentageType.BIRTH)} - {c.id for c in half}
    assert step_siblings, "Lily, Tom's daughter"


def test_the_blended_family_has_twins_of_both_kinds(cases: dict[str, CaseDocument]) -> None:
    doc = cases[BLENDED]
    groups: dict[str, list[Person]] = {}
    for person in doc.people():
        if person.twin_group:
            groups.setdefault(person.twin_group, []).append(person)
    assert {all(p.identical_twin for p in twins) for twins in groups.values()} == {True, False}
    for twins in groups.values():
        assert len(twins) == 2 and twins[0].birth == twins[1].birth
        assert {p.id for p in doc.parents_of(twins[0].id)} == {p.id for p in doc.parents_of(twins[1].id)}


def test_the_blended_family_has_a_deceased_grandparent_and_babies_not_born(cases: dict[str, CaseDocument]) -> None:
    doc = cases[BLENDED]
    maja = demo_id("blended/maja")
    grandparents = {g for p in doc.parents_of(maja, ParentageType.BIRTH) for g in doc.parents_of(p.id)}
    assert any(g.deceased and g.death for g in grandparents)
    states = {p.pregnancy for p in doc.people()}
    assert {PregnancyState.PREGNANCY, PregnancyState.MISCARRIAGE} <= states


def test_names_are_written_in_bengali_arabic_and_polish(cases: dict[str, CaseDocument]) -> None:
    names = names_of(cases[BLENDED])
    assert BENGALI.search(names) and ARABIC.search(names) and POLISH.search(names)
    assert "Łukasz" in names and "Zofia Wiśniewska" in names
    assert BENGALI.search(names_of(cases[PARENTING]))


@pytest.mark.parametrize("name", [ZAIN, SAYAH, PARENTING, BLENDED])
def test_dates_are_plausible(cases: dict[str, CaseDocument], name: str) -> None:
    doc = cases[name]
    for rel in doc.relationships(RelKind.PARENTAGE):
        parent, child = doc.node(rel.source), doc.node(rel.target)
        assert isinstance(parent, Person) and isinstance(child, Person)
        if isinstance(rel, Parentage) and rel.type is ParentageType.BIRTH and parent.birth and child.birth:
            assert child.birth.year - parent.birth.year >= 16, f"{parent.label} → {child.label}"
    for person in doc.people():
        if person.birth:
            assert person.birth.year <= NOW_YEAR
        if person.death:
            assert person.deceased and person.death.year <= NOW_YEAR
        if person.pregnancy is PregnancyState.NONE and Role.PROFESSIONAL not in person.roles \
                and not person.confidential:
            assert person.birth, f"{person.label} has no date of birth"
