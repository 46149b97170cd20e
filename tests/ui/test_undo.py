"""The undo adapter: commands only call the document; refusals are reported, never recorded."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from circles_desktop.graph import edits
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Parentage, PartialDate, Person
from circles_desktop.ui.undo import push_edit


def _doc() -> tuple[CaseDocument, Person, Person]:
    doc = CaseDocument(CaseInfo("Test"))
    mum, kid = Person(given_names="Mum", birth=PartialDate(1980)), Person(given_names="Kid", birth=PartialDate(2010))
    doc.load(doc.info, [mum, kid], [Parentage(mum.id, kid.id)])
    return doc, mum, kid


def test_a_refused_edit_is_reported_and_not_in_the_history(qapp) -> None:
    doc, mum, kid = _doc()
    stack, messages = QUndoStack(), []
    assert not push_edit(stack, doc, edits.add_relationship(Parentage(kid.id, mum.id)), messages.append)
    assert stack.count() == 0 and "own ancestor" in messages[0]
    assert len(doc.relationships()) == 1


def test_undo_and_redo_call_the_document(qapp) -> None:
    doc, mum, kid = _doc()
    stack: QUndoStack = QUndoStack()
    assert push_edit(stack, doc, edits.add_partner(doc, mum.id, Person(given_names="Dad")), print)
    assert stack.undoText() == "Add partner" and len(doc.people()) == 3
    stack.undo()
    assert len(doc.people()) == 2
    stack.redo()
    assert len(doc.people()) == 3


def test_steps_of_one_gesture_merge_and_others_do_not(qapp) -> None:
    doc, mum, _kid = _doc()
    stack: QUndoStack = QUndoStack()
    token = ("nudge", (mum.id,))
    for x in (10.0, 20.0, 30.0):
        push_edit(stack, doc, edits.move_nodes(doc, "genogram", {mum.id: (x, 0.0)}, "Move Mum"), print, token)
    assert stack.count() == 1  # three nudges, one undo step
    push_edit(stack, doc, edits.move_nodes(doc, "genogram", {mum.id: (50.0, 0.0)}, "Move Mum"), print)
    assert stack.count() == 2  # a drag is its own step
    stack.undo()
    assert doc.node(mum.id).positions["genogram"] == (30.0, 0.0)
    stack.undo()
    assert "genogram" not in doc.node(mum.id).positions


def test_a_step_the_case_has_moved_past_is_dropped_with_a_message(qapp) -> None:
    doc, mum, _kid = _doc()
    stack, messages = QUndoStack(), []
    push_edit(stack, doc, edits.update_node(doc, Person(id=mum.id, given_names="Mother", birth=mum.birth)),
              messages.append)
    # Someone else changes the same person behind this stack's back (another window, a team member).
    doc.apply(edits.update_node(doc, Person(id=mum.id, given_names="Mama", birth=mum.birth)))
    stack.undo()
    assert doc.node(mum.id).given_names == "Mama"  # not overwritten
    assert messages and "changed since" in messages[0]
    assert stack.count() == 0
