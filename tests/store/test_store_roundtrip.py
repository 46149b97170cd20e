"""Document -> database -> document is the identity, for whole cases and for any sequence of edits."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from store_helpers import snapshot
from strategies import case_documents, case_infos, free_text, households, people, services

from circles_desktop.graph import edits as E
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import Edit
from circles_desktop.graph.model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    EcomapTie,
    Emotional,
    EmotionalType,
    Parentage,
    ParentageType,
    Partnership,
    PartnershipType,
    Person,
    Service,
    TieStrength,
    new_id,
)
from circles_desktop.graph.validation import ValidationError
from circles_desktop.store.library import Library

DB_SETTINGS = settings(max_examples=25, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@DB_SETTINGS
@given(doc=case_documents())
def test_a_stored_document_reads_back_the_same(library: Library, doc: CaseDocument) -> None:
    before = snapshot(doc)
    case_id = library.add_document(doc)
    assert doc.case_id == case_id and doc.sink is not None
    assert snapshot(library.open_case(case_id)) == before


def _draw_relationship(data: st.DataObject, nodes: list[AnyNode]) -> AnyRelationship:
    """A new relationship between two nodes (validation may still refuse it, e.g. a parentage loop)."""
    source, target = data.draw(st.lists(st.sampled_from(nodes), min_size=2, max_size=2, unique=True))
    notes = data.draw(free_text)
    if isinstance(source, Person) and isinstance(target, Person):
        return data.draw(st.sampled_from([
            Partnership(source.id, target.id, notes=notes, type=data.draw(st.sampled_from(PartnershipType))),
            Parentage(source.id, target.id, notes=notes, type=data.draw(st.sampled_from(ParentageType))),
            Emotional(source.id, target.id, notes=notes, type=data.draw(st.sampled_from(EmotionalType)))]))
    return EcomapTie(source.id, target.id, notes=notes, strength=data.draw(st.sampled_from(TieStrength)))


def _draw_edit(data: st.DataObject, doc: CaseDocument) -> Edit | None:
    """One edit a practitioner could make on ``doc`` now (it may still be refused by validation)."""
    nodes = list(doc.nodes())
    persons = [n for n in nodes if isinstance(n, Person)]
    rels = doc.relationships()
    changes = ["relationship", "update", "move", "delete", "combined"] + (["change relationship"] if rels else [])
    op = data.draw(st.sampled_from(["person", "service", "household", "case"] + (changes * 2 if nodes else [])))
    if op == "person":
        return E.add_node(replace(data.draw(people()), id=new_id()))
    if op == "service":
        return E.add_node(replace(data.draw(services()), id=new_id()))
    if op == "household":
        return E.add_node(replace(data.draw(households(tuple(p.id for p in persons))), id=new_id()))
    if op == "relationship" and len(nodes) >= 2:
        return E.add_relationship(_draw_relationship(data, nodes))
    if op == "case":
        return E.update_case(doc, data.draw(case_infos))
    if not nodes:
        return None
    node = data.draw(st.sampled_from(nodes))
    if op == "update":
        if isinstance(node, Person):
            return E.update_node(doc, replace(data.draw(people()), id=node.id))
        if isinstance(node, Service):
            return E.update_node(doc, replace(data.draw(services()), id=node.id))
        return E.update_node(doc, replace(node, name=data.draw(free_text)))
    if op == "move":
        return E.move_nodes(doc, data.draw(st.sampled_from(["genogram", "ecomap"])),
                            {node.id: (data.draw(st.floats(-1e6, 1e6)), data.draw(st.floats(-1e6, 1e6)))})
    if op == "delete":
        return E.remove_nodes(doc, [node.id])
    if op == "change relationship":
        rel = data.draw(st.sampled_from(rels))
        return E.update_relationship(doc, replace(rel, notes=data.draw(free_text), confidential=not rel.confidential))
    if op == "combined":
        return E.combine("Two changes", [E.add_node(Person(given_names="Ayesha")),
                                         E.update_node(doc, replace(node, notes=data.draw(free_text)))])
    return None


@DB_SETTINGS
@given(data=st.data())
def test_every_edit_and_undo_is_saved_as_applied(db_url: str, library: Library, data: st.DataObject) -> None:
    doc = library.create_case(data.draw(case_infos))
    done: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 12))):
        if done and data.draw(st.booleans()):  # undo the latest edit
            doc.revert(done.pop())
            event("undone")
            continue
        edit = _draw_edit(data, doc)
        if edit is None:
            continue
        try:
            doc.apply(edit)
        except ValidationError:
            event("refused by validation")
            continue
        event(f"applied: {edit.label.split()[0]}")
        done.append(edit)
    assert doc.case_id is not None
    # Another connection, as after a restart, sees exactly what the document shows.
    with Library.open(db_url) as other:
        assert snapshot(other.open_case(doc.case_id)) == snapshot(doc)
    # The document's idea of each row's version is still right: touching every row succeeds.
    for node in list(doc.nodes()):
        doc.apply(E.update_node(doc, replace(node, notes="checked")))
    doc.apply(E.update_case(doc, replace(doc.info, summary="checked")))
    assert snapshot(library.open_case(doc.case_id)) == snapshot(doc)


def test_undo_of_a_delete_restores_the_rows(library: Library) -> None:
    doc = library.create_case(CaseInfo("Sayah"))
    mother, sayah = Person(given_names="Mother"), Person(given_names="Sayah")
    doc.apply(E.add_node(mother))
    doc.apply(E.add_child(doc, [mother.id], sayah))
    delete = E.remove_nodes(doc, [mother.id])
    doc.apply(delete)
    assert snapshot(library.open_case(doc.case_id)) == snapshot(doc)  # type: ignore[arg-type]
    doc.revert(delete)
    reopened = library.open_case(doc.case_id)  # type: ignore[arg-type]
    assert {p.given_names for p in reopened.people()} == {"Mother", "Sayah"}
    assert [p.id for p in reopened.parents_of(sayah.id)] == [mother.id]


@pytest.mark.parametrize("name", ["", "Zain family", "রোকেয়া\x00", "خالد حداد"])
def test_case_details_round_trip(library: Library, name: str) -> None:
    info = CaseInfo(name, reference="REF\x00-1", summary="line\nbreak", author="a", team="North")
    doc = library.create_case(info)
    assert library.open_case(doc.case_id).info == info  # type: ignore[arg-type]
