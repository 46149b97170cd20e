"""Several practitioners on one case: no lost update, refused edits say who and when, and each copy of
the case catches up with the others' edits (refresh, the change feed) without reopening."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from store_helpers import practitioners, snapshot

from circles_desktop.graph import edits as E
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Emotional, Household, Parentage, Person
from circles_desktop.store.library import CaseNotFound, ConflictError, Library
from circles_desktop.store.refresh import difference

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_concurrency.py"


@pytest.fixture
def desks(db_url: str, library: Library):  # type: ignore[no-untyped-def]
    """Alice and Bob signed in as themselves, each with their own copy of a case with Nikita and Julian."""
    doc = library.create_case(CaseInfo("Zain family", team="North"))
    doc.apply(E.add_node(Person(id="nikita", given_names="Nikita")))
    doc.apply(E.add_node(Person(id="julian", given_names="Julian")))
    with practitioners(db_url, ["alice", "bob"]) as people, people["alice"].open() as alice, \
            people["bob"].open() as bob:
        yield alice, alice.open_case(doc.case_id), bob, bob.open_case(doc.case_id)  # type: ignore[arg-type]


def _rename(doc: CaseDocument, node_id: str, known_as: str) -> E.Edit:
    return E.update_node(doc, replace(doc.node(node_id), known_as=known_as), f"Call them {known_as}")  # type: ignore[type-var]


def _heard(doc: CaseDocument) -> list[tuple[str, str]]:
    """What the document's views are told, from now on."""
    heard: list[tuple[str, str]] = []
    doc.node_added.connect(lambda node: heard.append(("added", node.id)))
    doc.node_changed.connect(lambda before, after: heard.append(("changed", after.id)))
    doc.node_removed.connect(lambda node: heard.append(("removed", node.id)))
    doc.relationship_added.connect(lambda rel: heard.append(("line added", rel.id)))
    doc.relationship_removed.connect(lambda rel: heard.append(("line removed", rel.id)))
    doc.edited.connect(lambda edit: heard.append(("edited", edit.label)))
    return heard


def test_changes_to_different_people_both_succeed_and_each_sees_the_other(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, bob, bob_doc = desks
    alice_doc.apply(_rename(alice_doc, "nikita", "Nikki"))
    bob_doc.apply(_rename(bob_doc, "julian", "Jules"))
    heard = _heard(alice_doc)
    assert alice.refresh(alice_doc) == 1 and bob.refresh(bob_doc) == 1
    assert heard == [("changed", "julian"), ("edited", "Call them Jules")]
    assert snapshot(alice_doc) == snapshot(bob_doc)
    assert alice.refresh(alice_doc) == 0  # up to date: nothing to apply, nothing to hear
    assert heard == [("changed", "julian"), ("edited", "Call them Jules")]


def test_the_same_field_twice_the_second_is_refused_naming_who_and_when_then_can_be_redone(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, bob, bob_doc = desks
    alice_doc.apply(_rename(alice_doc, "nikita", "Nikki"))
    with pytest.raises(ConflictError) as refused:
        bob_doc.apply(_rename(bob_doc, "nikita", "Kit"))
    assert str(refused.value).startswith(f"cannot save 'Call them Kit': 'Nikita' was changed by {alice.user} at 20")
    assert str(refused.value).endswith(" UTC after you last saw it; nothing was saved: look at the latest state "
                                       "and make your change again")
    assert bob_doc.node("nikita").known_as == ""  # the refused edit is taken back on Bob's screen
    bob.refresh(bob_doc)
    assert bob_doc.node("nikita").known_as == "Nikki"  # …which now shows Alice's
    bob_doc.apply(_rename(bob_doc, "nikita", "Kit"))  # made again on the latest state, it is saved
    alice.refresh(alice_doc)
    assert alice_doc.node("nikita").known_as == "Kit"
    assert [e.by for e in alice.audit(alice_doc.case_id)][-2:] == [alice.user, bob.user]


def test_a_refresh_applies_the_others_edits_in_order_and_never_ones_own_twice(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, bob, bob_doc = desks
    mother = Person(id="mother", given_names="Mother")
    bob_doc.apply(E.add_node(mother))
    alice_doc.apply(_rename(alice_doc, "nikita", "Nikki"))  # between Bob's edits, Alice's own
    bob_doc.apply(E.add_relationship(Parentage("mother", "julian", id="line")))
    bob_doc.apply(E.add_node(Household(id="home", name="Home", members=frozenset({"mother", "julian"}))))
    undo = E.add_relationship(Emotional("mother", "nikita", id="tie"))
    bob_doc.apply(undo)
    bob_doc.revert(undo)
    heard = _heard(alice_doc)
    assert alice.refresh(alice_doc) == 5
    assert heard == [("added", "mother"), ("edited", "Add person"), ("line added", "line"),
                     ("edited", "Add parentage relationship"), ("added", "home"), ("edited", "Add household"),
                     ("line added", "tie"), ("edited", "Add emotional relationship"),
                     ("line removed", "tie"), ("edited", "Add emotional relationship")]
    bob.refresh(bob_doc)
    assert snapshot(alice_doc) == snapshot(bob_doc) == snapshot(alice.open_case(alice_doc.case_id))
    alice_doc.apply(_rename(alice_doc, "mother", "Mum"))  # the refreshed rows can be edited at once
    alice_doc.apply(E.remove_nodes(alice_doc, ["julian"]))


def test_a_copy_that_drifted_is_brought_back_whole(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, _bob, bob_doc = desks
    bob_doc.apply(_rename(bob_doc, "nikita", "Nikki"))
    alice_doc.sink, sink = None, alice_doc.sink  # something changed Alice's copy without saving it
    alice_doc.apply(_rename(alice_doc, "nikita", "Kit"))
    alice_doc.apply(E.add_node(Person(id="ghost", given_names="Ghost")))
    alice_doc.sink = sink
    heard = _heard(alice_doc)
    assert alice.refresh(alice_doc) == 1  # Bob's entry no longer fits: the whole case is read again
    assert heard == [("changed", "nikita"), ("removed", "ghost"), ("edited", "Changes by others")]
    assert snapshot(alice_doc) == snapshot(alice.open_case(alice_doc.case_id))
    alice_doc.apply(_rename(alice_doc, "nikita", "Nik"))  # and it saves again as usual


def test_the_difference_of_two_documents_turns_one_into_the_other(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, _bob, _bob_doc = desks
    target = alice.open_case(alice_doc.case_id)
    target.sink = None
    target.apply(E.add_partner(target, "nikita", Person(id="partner")))
    target.apply(E.remove_nodes(target, ["julian"]))
    target.apply(E.update_case(target, replace(target.info, reference="CIN-1")))
    alice_doc.sink = None
    alice_doc.apply(E.add_relationship(Emotional("julian", "nikita")))
    alice_doc.apply_external(difference(alice_doc, target))
    assert snapshot(alice_doc)[0] == snapshot(target)[0]
    assert sorted(snapshot(alice_doc)[1]) == sorted(snapshot(target)[1]) and snapshot(alice_doc)[2:] == snapshot(target)[2:]


def test_a_case_deleted_by_someone_else(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, bob, bob_doc = desks
    bob.delete_case(bob_doc.case_id)
    with pytest.raises(CaseNotFound, match="case 'Zain family' was deleted"):
        alice.refresh(alice_doc)
    with pytest.raises(ConflictError, match=f"this case was deleted by {bob.user} at 20"):
        alice_doc.apply(_rename(alice_doc, "nikita", "Nikki"))


def test_the_change_feed_wakes_when_someone_else_saves(desks) -> None:  # type: ignore[no-untyped-def]
    alice, alice_doc, _bob, bob_doc = desks
    feed = alice.change_feed(alice_doc.case_id)
    try:
        assert feed.wait(0) is True  # at once: catch up with anything before the feed started
        assert feed.wait(0.05) is False  # nobody has saved anything since
        bob_doc.apply(_rename(bob_doc, "nikita", "Nikki"))
        assert feed.wait(30) is True
        assert alice.refresh(alice_doc) == 1
    finally:
        feed.close()


# ----- many writers at once: the benchmark's code, small ------------------------------------------


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_concurrency", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_concurrency"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_four_writers_on_one_case_lose_nothing_and_report_every_refusal(db_url: str) -> None:
    bench = _bench()
    case_id = bench.make_case(db_url, 4)
    run = bench.run_writers(db_url, case_id, writers=4, edits=50, seed=11)
    verdict = bench.verify(db_url, case_id, run)
    assert verdict.attempted == 200 == verdict.acknowledged + verdict.refused
    assert verdict.refused > 0  # they did collide
    assert verdict.clean, verdict
    assert len(run.arrived) >= verdict.acknowledged  # the follower saw every saved edit as it came
