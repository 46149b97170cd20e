"""The case library: listing, finding, searching, deleting, saving each edit at once, and conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timezone

import pytest
from sqlalchemy import create_engine, func, select
from store_helpers import practitioners, snapshot

from circles_desktop.graph import edits as E
from circles_desktop.graph.model import CaseInfo, Emotional, Person, Service
from circles_desktop.store.engine import resolve_url
from circles_desktop.store.library import CaseNotFound, ConflictError, Library, StoreError
from circles_desktop.store.schema import edit_log, nodes, relationships


def _people(*names: str) -> list[Person]:
    return [Person(given_names=name) for name in names]


def test_list_cases_counts_people_not_services(library: Library) -> None:
    zain = library.create_case(CaseInfo("Zain family", reference="CIN-1"))
    for person in _people("Nikita", "Julian"):
        zain.apply(E.add_node(person))
    zain.apply(E.add_node(Service(name="School")))
    library.create_case(CaseInfo("ayah"))
    summaries = library.list_cases()
    assert [(c.name, c.reference, c.people) for c in summaries] == [("ayah", "", 0), ("Zain family", "CIN-1", 2)]
    assert all(c.updated_at.tzinfo is timezone.utc for c in summaries)


def test_an_edit_moves_updated_at_forward(library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    before = library.find_case("Zain family").updated_at
    doc.apply(E.add_node(Person(given_names="Nikita")))
    assert library.find_case("Zain family").updated_at >= before


def test_find_case_by_id_or_by_one_name(library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    assert library.find_case(doc.case_id).name == "Zain family"  # type: ignore[arg-type]
    assert library.find_case("  zAIN FAMILY ").id == doc.case_id


def test_find_case_by_reference_or_part_of_one_name(library: Library) -> None:
    nowak = library.create_case(CaseInfo("Nowak and Hossain blended family", reference="CLA-2022-0311"))
    library.create_case(CaseInfo("Zain family"))
    library.create_case(CaseInfo("Zain"))
    assert library.find_case("cla-2022-0311").id == nowak.case_id
    assert library.find_case("nowak").id == nowak.case_id
    assert library.find_case("Zain").name == "Zain"  # a whole name wins over a part of another
    with pytest.raises(CaseNotFound, match="'family' matches 2 cases"):
        library.find_case("family")
    with pytest.raises(CaseNotFound, match="no case matches '  '"):
        library.find_case("  ")


def test_find_case_says_what_did_not_match(library: Library) -> None:
    first = library.create_case(CaseInfo("Zain family"))
    second = library.create_case(CaseInfo("zain family"))
    library.create_case(CaseInfo("Sayah"))
    with pytest.raises(CaseNotFound, match=r"^no case matches 'Nobody'$"):
        library.find_case("Nobody")
    with pytest.raises(CaseNotFound) as caught:
        library.find_case("ZAIN FAMILY")
    message = str(caught.value)
    assert message.startswith("'ZAIN FAMILY' matches 2 cases: ")
    assert first.case_id in message and second.case_id in message and "\n" not in message


def test_search_finds_any_name_in_any_case_ignoring_case(library: Library) -> None:
    zain = library.create_case(CaseInfo("Zain family"))
    kowalski = library.create_case(CaseInfo("Kowalski"))
    nikita, lucja, eleni = Person(given_names="Nikita", family_name="Zain"), Person(given_names="Łucja"), \
        Person(given_names="Ελένη")
    zain.apply(E.add_node(nikita))
    zain.apply(E.add_node(Service(name="Little Ilford School")))
    kowalski.apply(E.add_node(lucja))
    kowalski.apply(E.add_node(eleni))
    assert [(h.case_name, h.label) for h in library.search("I")] == [
        ("Zain family", "Little Ilford School"), ("Zain family", "Nikita Zain")]
    hit = library.search("ŁUCJA")[0]
    assert (hit.case_id, hit.case_name, hit.node_id, hit.label) == (kowalski.case_id, "Kowalski", lucja.id, "Łucja")
    assert [h.node_id for h in library.search("ΕΛΈΝΗ")] == [eleni.id]
    assert library.search("") == [] and library.search("   ") == []


def test_search_text_is_literal_not_a_pattern(library: Library) -> None:
    doc = library.create_case(CaseInfo("Odd names"))
    doc.apply(E.add_node(Person(given_names="100% Ali")))
    doc.apply(E.add_node(Person(given_names="A_B")))
    doc.apply(E.add_node(Person(given_names="Back\\slash")))
    assert [h.label for h in library.search("%")] == ["100% Ali"]
    assert [h.label for h in library.search("_")] == ["A_B"]
    assert [h.label for h in library.search("\\")] == ["Back\\slash"]


def test_a_search_follows_renames_and_deletions(library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    nikita = Person(given_names="Nikita")
    doc.apply(E.add_node(nikita))
    doc.apply(E.update_node(doc, replace(nikita, known_as="Nikki")))
    assert [h.label for h in library.search("nikki")] == ["Nikki (Nikita)"]
    doc.apply(E.remove_nodes(doc, [nikita.id]))
    assert library.search("nik") == []


def _rows(url: str, case_id: str) -> list[int]:
    engine = create_engine(resolve_url(url))
    with engine.connect() as connection:
        counts = [connection.execute(select(func.count()).select_from(table).where(table.c.case_id == case_id))
                  .scalar_one() for table in (nodes, relationships, edit_log)]
    engine.dispose()
    return counts


def test_delete_case_removes_everything_in_it_but_its_audit_trail(db_url: str, library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    keep = library.create_case(CaseInfo("Sayah"))
    a, b = _people("Mother", "Father")
    doc.apply(E.add_node(a))
    doc.apply(E.add_partner(doc, a.id, b))
    keep.apply(E.add_node(Person(given_names="Sayah")))
    assert _rows(db_url, doc.case_id) == [2, 1, 3]  # type: ignore[arg-type]
    library.delete_case(doc.case_id)  # type: ignore[arg-type]
    assert _rows(db_url, doc.case_id) == [0, 0, 4]  # type: ignore[arg-type]
    last = library.audit(doc.case_id)[-1]
    assert (last.seq, last.label, last.by, last.changes[0].action) == (4, "Delete case", library.user, "removed")
    assert last.changes[0].before["name"] == "Zain family"  # type: ignore[index]
    assert [c.name for c in library.list_cases()] == ["Sayah"]
    assert _rows(db_url, keep.case_id) == [1, 0, 2]  # type: ignore[arg-type]
    with pytest.raises(CaseNotFound, match="no case with id"):
        library.open_case(doc.case_id)  # type: ignore[arg-type]
    with pytest.raises(CaseNotFound):
        library.delete_case(doc.case_id)  # type: ignore[arg-type]


def test_an_edit_to_a_deleted_case_is_refused_and_undone(library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    library.delete_case(doc.case_id)  # type: ignore[arg-type]
    with pytest.raises(ConflictError, match="this case was deleted"):
        doc.apply(E.add_node(Person(given_names="Nikita")))
    assert len(doc) == 0


def test_each_edit_is_visible_to_another_connection_as_soon_as_apply_returns(db_url: str, library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    with Library.open(db_url) as other:
        for person in _people("Nikita", "Julian", "Mother"):
            doc.apply(E.add_node(person))
            assert snapshot(other.open_case(doc.case_id)) == snapshot(doc)  # type: ignore[arg-type]


def test_the_edit_log_records_who_when_and_before_after(db_url: str, library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    nikita = Person(given_names="Nikita")
    doc.apply(E.add_node(nikita))
    rename = E.update_node(doc, replace(nikita, known_as="Nikki"), label="Rename Nikita")
    doc.apply(rename)
    doc.revert(rename)  # undo
    engine = create_engine(resolve_url(db_url))
    with engine.connect() as connection:
        entries = connection.execute(select(edit_log).where(edit_log.c.case_id == doc.case_id)
                                     .order_by(edit_log.c.seq)).all()
    engine.dispose()
    who = "tester" if db_url.startswith("sqlite") else library.user  # on PostgreSQL: the signed-in role
    assert [(e.seq, e.by, e.label, e.undo) for e in entries] == [
        (1, who, "Create case", False), (2, who, "Add person", False), (3, who, "Rename Nikita", False),
        (4, who, "Rename Nikita", True)]
    assert entries[1].changes == [{"what": "node", "id": nikita.id, "before": None,
                                   "after": {"kind": "person", "id": nikita.id, "given_names": "Nikita"}}]
    renamed = entries[2].changes[0]
    assert renamed["before"]["given_names"] == "Nikita" and "known_as" not in renamed["before"]
    assert renamed["after"]["known_as"] == "Nikki"
    undone = entries[3].changes[0]
    assert (undone["before"], undone["after"]) == (renamed["after"], renamed["before"])
    assert entries[0].at <= entries[1].at <= entries[3].at


def test_an_edit_that_changes_nothing_writes_nothing(db_url: str, library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    nikita = Person(given_names="Nikita", positions={"genogram": (1.0, 2.0)})
    doc.apply(E.add_node(nikita))
    doc.apply(E.move_nodes(doc, "genogram", {nikita.id: (1.0, 2.0)}))  # a drag back to where it began
    assert _rows(db_url, doc.case_id) == [1, 0, 2]  # type: ignore[arg-type]


def test_a_document_already_in_a_library_is_not_added_twice(library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    with pytest.raises(StoreError, match="already stored"):
        library.add_document(doc)


def test_a_closed_library_refuses_work(library: Library) -> None:
    doc = library.create_case(CaseInfo("Zain family"))
    library.close()
    with pytest.raises(StoreError, match="closed"):
        library.list_cases()
    with pytest.raises(StoreError, match="closed"):
        doc.apply(E.add_node(Person(given_names="Nikita")))
    assert len(doc) == 0


# ----- two practitioners on one case (optimistic concurrency) ------------------------------------


@pytest.fixture
def two_desks(db_url: str, library: Library):  # type: ignore[no-untyped-def]
    """Alice and Bob, each signed in as themselves, each with their own copy of one case."""
    doc = library.create_case(CaseInfo("Zain family", team="North"))
    for person in _people("Nikita", "Julian"):
        doc.apply(E.add_node(person))
    with practitioners(db_url, ["alice", "bob"]) as desks, desks["alice"].open() as alice, \
            desks["bob"].open() as bob:
        yield alice.open_case(doc.case_id), bob.open_case(doc.case_id), library  # type: ignore[arg-type]


def _person(doc, name: str) -> Person:  # type: ignore[no-untyped-def]
    return next(p for p in doc.people() if p.given_names == name)


def test_changes_to_different_people_both_succeed(two_desks) -> None:  # type: ignore[no-untyped-def]
    alice_doc, bob_doc, library = two_desks
    alice_doc.apply(E.update_node(alice_doc, replace(_person(alice_doc, "Nikita"), known_as="Nikki")))
    bob_doc.apply(E.update_node(bob_doc, replace(_person(bob_doc, "Julian"), known_as="Jules")))
    latest = library.open_case(alice_doc.case_id)
    assert sorted(p.known_as for p in latest.people()) == ["Jules", "Nikki"]


def test_the_second_change_to_the_same_person_is_refused(two_desks) -> None:  # type: ignore[no-untyped-def]
    alice_doc, bob_doc, library = two_desks
    alice_doc.apply(E.update_node(alice_doc, replace(_person(alice_doc, "Nikita"), known_as="Nikki")))
    before = snapshot(bob_doc)
    with pytest.raises(ConflictError, match=r"'Nikita' was changed by \S+ at .* UTC after you last saw it; "
                                            r"nothing was saved"):
        bob_doc.apply(E.update_node(bob_doc, replace(_person(bob_doc, "Nikita"), known_as="Kit")))
    assert snapshot(bob_doc) == before  # the refused edit is undone on Bob's screen too
    assert _person(library.open_case(bob_doc.case_id), "Nikita").known_as == "Nikki"


def test_changing_someone_another_practitioner_deleted_is_refused(two_desks) -> None:  # type: ignore[no-untyped-def]
    alice_doc, bob_doc, library = two_desks
    alice_doc.apply(E.remove_nodes(alice_doc, [_person(alice_doc, "Julian").id]))
    with pytest.raises(ConflictError, match=r"'Julian' was deleted by \S+ at "):
        bob_doc.apply(E.update_node(bob_doc, replace(_person(bob_doc, "Julian"), known_as="Jules")))
    nikita, julian = _person(bob_doc, "Nikita"), _person(bob_doc, "Julian")
    with pytest.raises(ConflictError, match=r"\S+ changed this case at .* UTC \("):
        bob_doc.apply(E.add_relationship(Emotional(nikita.id, julian.id)))  # the database refuses the dangling end
    assert bob_doc.relationships() == []
    assert [p.given_names for p in library.open_case(bob_doc.case_id).people()] == ["Nikita"]


def test_changing_the_case_details_twice_is_refused(two_desks) -> None:  # type: ignore[no-untyped-def]
    alice_doc, bob_doc, _library = two_desks
    alice_doc.apply(E.update_case(alice_doc, replace(alice_doc.info, reference="CIN-7")))
    with pytest.raises(ConflictError, match=r"the description of case 'Zain family' was changed by \S+ at "):
        bob_doc.apply(E.update_case(bob_doc, replace(bob_doc.info, reference="CIN-8")))
    bob_doc.apply(E.add_node(Person(given_names="Mother")))  # other edits to the case still go through
