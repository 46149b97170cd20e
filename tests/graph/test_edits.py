"""Edits: applied then reverted, any sequence leaves the case exactly as it was."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circles_desktop.graph import edits as E
from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import Change, Edit, StaleEditError
from circles_desktop.graph.model import (
    CaseInfo,
    EcomapTie,
    Emotional,
    EmotionalType,
    Gender,
    Household,
    Parentage,
    Partnership,
    Person,
    Role,
    Service,
    ServiceCategory,
)
from circles_desktop.graph.validation import ValidationError


def snapshot(doc: CaseDocument) -> tuple:
    """Everything in the case, in a form that compares exactly."""
    nodes = sorted((n.id, repr(encode(n))) for n in doc.nodes())
    rels = sorted((r.id, repr(encode(r))) for r in doc.relationships())
    edges = sorted((u, v, k) for u, v, k in doc.graph.edges(keys=True))
    return encode(doc.info), nodes, rels, edges


# An operation is a recipe that, given the current document and a random source, makes an edit.
names = st.text(alphabet=st.characters(categories=("L", "M", "Zs")), max_size=12)


@st.composite
def operations(draw: st.DrawFn) -> tuple[str, int, str]:
    return draw(st.sampled_from(["person", "service", "partner", "child", "emotional", "tie",
                                 "rename", "delete", "household", "move", "case"])), \
        draw(st.integers(0, 10_000)), draw(names)


def make_edit(doc: CaseDocument, op: str, pick: int, name: str) -> Edit | None:
    people = sorted(doc.people(), key=lambda p: p.id)
    services = sorted(doc.services(), key=lambda s: s.id)
    nodes = sorted(doc.nodes(), key=lambda n: n.id)
    person = people[pick % len(people)] if people else None
    other = people[(pick // 7) % len(people)] if people else None
    if op == "person":
        return E.add_node(Person(given_names=name, gender=list(Gender)[pick % 4]))
    if op == "service":
        return E.add_node(Service(name=name or "School", category=list(ServiceCategory)[pick % 13]))
    if op == "case":
        return E.update_case(doc, replace(doc.info, summary=name))
    if person is None:
        return None
    if op == "partner":
        return E.add_partner(doc, person.id, Person(given_names=name))
    if op == "child":
        return E.add_child(doc, [person.id], Person(given_names=name))
    if op == "rename":
        return E.update_node(doc, replace(person, known_as=name))
    if op == "move":
        return E.move_nodes(doc, "genogram", {person.id: (pick, -pick)})
    if op == "delete":
        return E.remove_nodes(doc, [nodes[pick % len(nodes)].id])
    if op == "household":
        return E.add_node(Household(name=name, members=frozenset({person.id})))
    assert other is not None
    if op == "emotional" and other.id != person.id:
        return E.add_relationship(Emotional(person.id, other.id, type=list(EmotionalType)[pick % 13]))
    if op == "tie" and services:
        return E.add_relationship(EcomapTie(person.id, services[pick % len(services)].id))
    return None


@settings(max_examples=60, deadline=None)
@given(st.lists(operations(), min_size=1, max_size=25))
def test_any_sequence_of_edits_reverted_leaves_the_case_as_it_was(ops: list[tuple[str, int, str]]) -> None:
    doc = CaseDocument(CaseInfo("Property"))
    history: list[tuple[Edit, tuple]] = []
    for op in ops:
        edit = make_edit(doc, *op)
        if edit is None:
            continue
        before = snapshot(doc)
        try:
            doc.apply(edit)
        except ValidationError:
            assert snapshot(doc) == before, "a refused edit must change nothing"
            continue
        history.append((edit, before))
    for edit, before in reversed(history):
        doc.revert(edit)
        assert snapshot(doc) == before
    assert len(doc) == 0 and not doc.relationships()


def test_deleting_a_person_takes_their_relationships_and_household_places_and_undo_brings_them_back() -> None:
    doc = CaseDocument(CaseInfo("Zain"))
    mum, dad = Person(given_names="Amira"), Person(given_names="Omar")
    doc.apply(E.add_node(mum))
    doc.apply(E.add_partner(doc, mum.id, dad))
    child = Person(given_names="Nikita")
    doc.apply(E.add_child(doc, [mum.id, dad.id], child))
    home = Household(name="Home", members=frozenset({mum.id, dad.id, child.id}))
    doc.apply(E.add_node(home))
    before = snapshot(doc)

    delete = E.remove_nodes(doc, [dad.id])
    doc.apply(delete)
    assert not doc.has_node(dad.id)
    assert doc.node(home.id).members == frozenset({mum.id, child.id})
    assert [p.id for p in doc.parents_of(child.id)] == [mum.id]
    doc.revert(delete)
    assert snapshot(doc) == before


def test_signals_follow_every_change_in_order() -> None:
    doc = CaseDocument(CaseInfo("Signals"))
    seen: list[str] = []
    doc.node_added.connect(lambda n: seen.append(f"+{n.label}"))
    doc.node_removed.connect(lambda n: seen.append(f"-{n.label}"))
    doc.relationship_added.connect(lambda r: seen.append(f"+{r.kind.value}"))
    doc.relationship_removed.connect(lambda r: seen.append(f"-{r.kind.value}"))
    doc.edited.connect(lambda e: seen.append(f"edited:{e.label}"))
    amira = Person(given_names="Amira")
    doc.apply(E.add_node(amira, "Add person"))
    partner = E.add_partner(doc, amira.id, Person(given_names="Omar"))
    doc.apply(partner)
    doc.revert(partner)
    assert seen == ["+Amira", "edited:Add person", "+Omar", "+partnership", "edited:Add partner",
                    "-partnership", "-Omar", "edited:Add partner"]


def test_a_stale_edit_is_refused_and_changes_nothing() -> None:
    doc = CaseDocument(CaseInfo("Stale"))
    person = Person(given_names="Julian")
    doc.apply(E.add_node(person))
    first = E.update_node(doc, replace(person, known_as="Jules"))
    second = E.update_node(doc, replace(person, known_as="J"))  # made for the same old state
    doc.apply(first)
    with pytest.raises(StaleEditError):
        doc.apply(second)
    assert doc.node(person.id).known_as == "Jules"


def test_a_failing_sink_undoes_the_edit_and_views_hear_nothing() -> None:
    doc = CaseDocument(CaseInfo("Sink"))
    heard: list[object] = []
    doc.node_added.connect(heard.append)

    def broken_disk(edit: Edit) -> None:
        raise OSError("disk full")

    doc.sink = broken_disk
    with pytest.raises(OSError):
        doc.apply(E.add_node(Person(given_names="Lost")))
    assert len(doc) == 0 and heard == []


def test_drags_merge_into_one_edit() -> None:
    doc = CaseDocument(CaseInfo("Drag"))
    person = Person(given_names="Moving")
    doc.apply(E.add_node(person))
    first = E.move_nodes(doc, "genogram", {person.id: (1, 1)})
    doc.apply(first)
    second = E.move_nodes(doc, "genogram", {person.id: (5, 9)})
    doc.apply(second)
    merged = first.merged_with(second)
    assert merged is not None
    doc.revert(merged)
    assert doc.node(person.id).positions == {}
    assert first.merged_with(E.add_node(Person())) is None


def test_add_parent_joins_the_second_birth_parent_as_a_couple() -> None:
    doc = CaseDocument(CaseInfo("Parents"))
    child = Person(given_names="Nikita")
    doc.apply(E.add_node(child))
    doc.apply(E.add_parent(doc, child.id, Person(given_names="Amira", gender=Gender.FEMALE)))
    doc.apply(E.add_parent(doc, child.id, Person(given_names="Omar", gender=Gender.MALE)))
    assert len(doc.parents_of(child.id)) == 2
    couples = [r for r in doc.relationships() if isinstance(r, Partnership)]
    assert len(couples) == 1
    sibling = Person(given_names="Julian")
    doc.apply(E.add_sibling(doc, child.id, sibling))
    assert {p.id for p in doc.parents_of(sibling.id)} == {p.id for p in doc.parents_of(child.id)}


def test_a_change_must_keep_the_identity_of_its_object() -> None:
    with pytest.raises(ValueError):
        Change(Person(given_names="A"), Person(given_names="B"))
    with pytest.raises(ValueError):
        Change(None, None)


def test_relationships_must_join_nodes_in_the_case() -> None:
    doc = CaseDocument(CaseInfo("Ends"))
    person = Person()
    doc.apply(E.add_node(person))
    with pytest.raises(ValidationError, match="in this case"):
        doc.apply(E.add_relationship(Parentage(person.id, "nobody")))
    assert not doc.relationships()


def test_someone_added_to_the_ecomap_comes_with_their_tie_in_one_edit() -> None:
    doc = CaseDocument(CaseInfo("Ecomap"))
    child = Person(given_names="Nikita", roles=frozenset({Role.CHILD}))
    doc.apply(E.add_node(child))
    before = snapshot(doc)
    school = Service(name="School")
    edit = E.with_ecomap_ties(E.add_node(school, "Add service"), child.id, [school.id, school.id])
    assert edit.label == "Add service"
    doc.apply(edit)
    [tie] = doc.ecomap_ties()
    assert (tie.source, tie.target) == (child.id, school.id)
    doc.revert(edit)  # one step takes both back
    assert snapshot(doc) == before
    relabelled = E.with_ecomap_ties(E.add_node(Person()), child.id, [], "Add person to the ecomap")
    assert relabelled.label == "Add person to the ecomap" and len(relabelled.changes) == 1


def test_an_ecomap_tie_from_a_service_is_refused_with_the_newcomer() -> None:
    doc = CaseDocument(CaseInfo("Refused"))
    gp = Service(name="GP")
    doc.apply(E.add_node(gp))
    before = snapshot(doc)
    newcomer = Person(given_names="Ali")
    with pytest.raises(ValidationError, match="not from a service"):
        doc.apply(E.with_ecomap_ties(E.add_node(newcomer), gp.id, [newcomer.id]))
    assert snapshot(doc) == before  # neither the person nor the tie
