"""The parts of the Meeting tab a coordinator prepares the day with: the agenda, the children, scaling,
who receives the plan, feedback, the contingency and review. Each is typed into as a coordinator would,
then checked in the document, in the library (read again through a new connection), and undone and
redone one step at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from meeting_driver import (
    choose,
    meeting,
    offered,
    open_meeting,
    settle,
    stored_meeting,
    type_box,
    type_cell,
    type_line,
)
from PySide6.QtCore import Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.meeting import (
    Attendance,
    Feedback,
    ScalingScore,
    Stage,
    default_agenda,
)
from circles_desktop.graph.model import Person
from circles_desktop.ui.meeting_distribution import REFUSED_MARK
from circles_desktop.ui.meeting_tab import MeetingTab


def _z(slug: str) -> str:
    return demo_id(f"zain/{slug}")


@pytest.fixture
def opened(qtbot, window, library):  # type: ignore[no-untyped-def]
    """The Zain family's demo meeting on the Meeting tab, with the case id for reading it back."""
    return open_meeting(window, library)


def _undo_redo(qtbot, tab: MeetingTab, before: object, after: object, read) -> None:  # type: ignore[no-untyped-def]
    """One undo gives ``before`` back, one redo ``after``, in the document and on screen."""
    tab.editor.undo_stack.undo()
    settle(qtbot, tab)
    assert read() == before
    tab.editor.undo_stack.redo()
    settle(qtbot, tab)
    assert read() == after


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _exclude(tab: MeetingTab, slug: str, **flags: bool) -> Person:
    person = tab.editor.doc.node(_z(slug))
    assert isinstance(person, Person)
    assert tab.editor.update_node(replace(person, safety_reason="Safety plan", **flags))
    return person


def test_agenda_from_the_standard_one_then_items_added_typed_moved_and_deleted(
        qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    agenda = tab.agenda
    tab.show_page(agenda)
    demo = meeting(tab).agenda
    _click(qtbot, agenda.standard_button)
    settle(qtbot, tab)
    assert meeting(tab).agenda == default_agenda()
    _undo_redo(qtbot, tab, demo, default_agenda(), lambda: meeting(tab).agenda)

    agenda.table.setCurrentCell(0, 1)
    _click(qtbot, agenda.add_button)
    settle(qtbot, tab)
    assert meeting(tab).agenda[1].title == "New item" and agenda.table.currentRow() == 1
    type_cell(qtbot, agenda.table, 1, 1, "Tea, and the children show their drawings")
    type_cell(qtbot, agenda.table, 1, 2, "15")
    type_cell(qtbot, agenda.table, 1, 3, "جولیان اور نکیتا")  # Urdu: right to left
    settle(qtbot, tab)
    item = meeting(tab).agenda[1]
    assert (item.stage, item.title, item.minutes, item.led_by) == (
        Stage.WELCOME, "Tea, and the children show their drawings", 15, "جولیان اور نکیتا")
    assert "Total time: 2 h 45 min, from 10:00 to 12:45" in agenda.summary.text()

    choose(qtbot, agenda.table, 1, 0, Stage.PRIVATE_FAMILY_TIME)
    settle(qtbot, tab)
    assert meeting(tab).agenda[1].stage is Stage.PRIVATE_FAMILY_TIME
    assert agenda.table.item(1, 4).text() == "Family and friends only"

    agenda.table.setCurrentCell(1, 1)
    _click(qtbot, agenda.down_button)
    settle(qtbot, tab)
    assert meeting(tab).agenda[2] == replace(item, stage=Stage.PRIVATE_FAMILY_TIME)
    assert agenda.table.currentRow() == 2
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, tab)
    assert meeting(tab).agenda[1].title == item.title
    moved = meeting(tab).agenda
    assert stored_meeting(db_path, case_id).agenda == moved

    agenda.table.setCurrentCell(1, 1)
    _click(qtbot, agenda.delete_button)
    settle(qtbot, tab)
    assert meeting(tab).agenda == default_agenda()
    _undo_redo(qtbot, tab, moved, default_agenda(), lambda: meeting(tab).agenda)
    assert stored_meeting(db_path, case_id).agenda == default_agenda()


def test_each_child_takes_part_with_an_advocate_and_their_own_words(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    children = tab.children
    tab.show_page(children)
    assert [children.table.item(r, 0).text() for r in range(2)] == ["Nikita Zain", "Julian Zain"]
    before = meeting(tab).children[0]
    choose(qtbot, children.table, 0, 2, Attendance.VIEWS_SHARED)
    settle(qtbot, tab)
    advocates = offered(qtbot, children.table, 0, 3)
    assert advocates[0] == "(no advocate)" and "Nikita Zain" not in advocates and "Sonia D'Souza" in advocates
    choose(qtbot, children.table, 0, 3, _z("sonia"))
    settle(qtbot, tab)
    words = "আমি চাই মা আর বাবা আবার আমাকে বিশ্বাস করুক"  # Bengali
    type_cell(qtbot, children.table, 0, 1, words)
    settle(qtbot, tab)
    nikita = meeting(tab).children[0]
    assert (nikita.attendance, nikita.advocate_id, nikita.own_words) == (Attendance.VIEWS_SHARED, _z("sonia"), words)
    assert stored_meeting(db_path, case_id).children[0] == nikita
    _undo_redo(qtbot, tab, replace(nikita, own_words=before.own_words), nikita, lambda: meeting(tab).children[0])
    for _ in range(3):
        tab.editor.undo_stack.undo()
    settle(qtbot, tab)
    assert meeting(tab).children[0] == before

    _exclude(tab, "karim", must_not_be_told=True)
    settle(qtbot, tab)
    assert "Karim Zain" not in offered(qtbot, children.table, 0, 3)


def test_scores_entered_with_who_gave_them_changed_and_deleted(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    scaling = tab.scaling
    tab.show_page(scaling)
    scores = meeting(tab).plan.scores
    who = scaling.entry.fields["given_by"]
    who.setCurrentIndex(who.index_of(_z("julian")))
    type_line(qtbot, scaling.entry.fields["said"], "Nikita plays FIFA with me again", finish=False)
    type_line(qtbot, scaling.entry.fields["score"], "7")  # Enter adds the score
    settle(qtbot, tab)
    julian = ScalingScore(_z("julian"), 7, "Nikita plays FIFA with me again")
    assert meeting(tab).plan.scores == scores + (julian,)
    assert scaling.entry.fields["score"].text() == "" and who.currentIndex() == 0  # ready for the next one
    assert scaling.table.rowCount() == len(scores) + 1
    assert stored_meeting(db_path, case_id).plan.scores[-1] == julian
    _undo_redo(qtbot, tab, scores, scores + (julian,), lambda: meeting(tab).plan.scores)

    type_cell(qtbot, scaling.table, 0, 1, "8")
    settle(qtbot, tab)
    assert meeting(tab).plan.scores[0] == replace(scores[0], score=8)
    _undo_redo(qtbot, tab, scores[0], replace(scores[0], score=8), lambda: meeting(tab).plan.scores[0])

    type_box(qtbot, scaling.question, "Where would you put things now?", scaling.table)
    settle(qtbot, tab)
    assert meeting(tab).plan.scaling_question == "Where would you put things now?"

    scaling.table.setCurrentCell(0, 1)
    _click(qtbot, scaling.delete_button)
    settle(qtbot, tab)
    assert meeting(tab).plan.scores[0] == scores[1]
    assert stored_meeting(db_path, case_id).plan.scores == meeting(tab).plan.scores


def test_who_receives_the_plan_is_ticked_and_the_left_out_are_refused(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    section = tab.distribution
    tab.show_page(section)
    readers = meeting(tab).plan.distribution

    def row_of(slug: str) -> int:
        ids = [section.readers.item(r).data(Qt.ItemDataRole.UserRole) for r in range(section.readers.count())]
        return ids.index(_z(slug))

    section.readers.item(row_of("karim")).setCheckState(Qt.CheckState.Unchecked)
    settle(qtbot, tab)
    section.readers.item(row_of("kayla")).setCheckState(Qt.CheckState.Checked)
    settle(qtbot, tab)
    changed = tuple(r for r in readers if r != _z("karim")) + (_z("kayla"),)
    assert meeting(tab).plan.distribution == changed
    assert stored_meeting(db_path, case_id).plan.distribution == changed
    assert section.count.text() == f"{len(changed)} receive the plan"
    _undo_redo(qtbot, tab, changed[:-1], changed, lambda: meeting(tab).plan.distribution)

    _exclude(tab, "mrs-patel", must_not_be_told=True)
    settle(qtbot, tab)
    patel = section.readers.item(row_of("mrs-patel"))
    assert patel.text() == f"Hemlata Patel  {REFUSED_MARK} must not be told about this meeting: cannot receive " \
                           "the plan"
    patel.setCheckState(Qt.CheckState.Checked)
    settle(qtbot, tab)
    assert _z("mrs-patel") not in meeting(tab).plan.distribution
    assert section.readers.item(row_of("mrs-patel")).checkState() == Qt.CheckState.Unchecked
    assert "Hemlata Patel must not be told about this meeting, so they cannot receive the plan" in \
        section.error.text()

    _click(qtbot, section.everyone_button)
    settle(qtbot, tab)
    everyone = meeting(tab).plan.distribution
    assert _z("julian") in everyone and _z("kayla") in everyone and _z("mrs-patel") not in everyone
    assert not section.error.text()
    assert stored_meeting(db_path, case_id).plan.distribution == everyone


def test_feedback_after_the_meeting_added_changed_and_refused_before_it(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    section = tab.feedback
    tab.show_page(section)
    before = meeting(tab).plan.feedback
    entry = section.entry
    who = entry.fields["given_by"]
    who.setCurrentIndex(who.index_of(_z("samira")))
    type_line(qtbot, entry.fields["on"], "1/12/2026", finish=False)
    said = "شكراً، شعرت أن الجميع استمع إليّ"  # Arabic: Teta's words
    type_line(qtbot, entry.fields["text"], said, finish=False)
    type_line(qtbot, entry.fields["helpful"], "5", finish=False)
    _click(qtbot, entry.add_button)
    settle(qtbot, tab)
    assert meeting(tab).plan.feedback == before  # 1 December is before the meeting on 5 December
    assert "is before it" in entry.error.text() and entry.fields["text"].text() == said  # nothing lost
    type_line(qtbot, entry.fields["on"], "20/12/2026")  # Enter adds it
    settle(qtbot, tab)
    samira = Feedback(_z("samira"), said, date(2026, 12, 20), 5)
    assert meeting(tab).plan.feedback == before + (samira,)
    assert not entry.error.text() and entry.fields["text"].text() == ""
    assert stored_meeting(db_path, case_id).plan.feedback[-1] == samira
    _undo_redo(qtbot, tab, before, before + (samira,), lambda: meeting(tab).plan.feedback)

    type_cell(qtbot, section.table, 2, 3, "")
    settle(qtbot, tab)
    assert meeting(tab).plan.feedback[2] == replace(samira, helpful=None)
    section.table.setCurrentCell(0, 2)
    _click(qtbot, section.delete_button)
    settle(qtbot, tab)
    assert meeting(tab).plan.feedback == (before[1], replace(samira, helpful=None))
    _undo_redo(qtbot, tab, before + (replace(samira, helpful=None),), (before[1], replace(samira, helpful=None)),
               lambda: meeting(tab).plan.feedback)


def test_contingency_and_a_review_date_that_must_come_after_the_meeting(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    section = tab.contingency
    tab.show_page(section)
    review, contingency = meeting(tab).plan.review_date, meeting(tab).plan.contingency
    type_line(qtbot, section.review, "2026-11-30")
    assert meeting(tab).plan.review_date == review
    assert "cannot be before the meeting (05 December 2026)" in section.review.error.text()
    assert section.review.text() == "2026-11-30"
    type_line(qtbot, section.review, "2027-04-01")
    assert meeting(tab).plan.review_date == date(2027, 4, 1) and not section.review.error.text()
    plan = "Sonia and Leah have Nikita to stay\nThe family meets again within a week"
    type_box(qtbot, section.contingency, plan, section.review)
    settle(qtbot, tab)
    assert meeting(tab).plan.contingency == plan
    stored = stored_meeting(db_path, case_id).plan
    assert (stored.review_date, stored.contingency) == (date(2027, 4, 1), plan)
    _undo_redo(qtbot, tab, contingency, plan, lambda: meeting(tab).plan.contingency)

    tab.show_page(tab.details)
    when = tab.details.fields["on"]
    type_line(qtbot, when, "2027-05-01")
    assert meeting(tab).on == date(2026, 12, 5) and "cannot be before the meeting" in when.error.text()


def test_details_venue_access_and_interpreters_are_edited_in_place(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    details = tab.details.fields
    type_box(qtbot, details["venue_access"], "Step-free; a hearing loop\nThe Willow Room for private time",
             details["coordinator"])
    type_line(qtbot, details["start"], "9.30")
    settle(qtbot, tab)
    assert meeting(tab).venue_access == "Step-free; a hearing loop\nThe Willow Room for private time"
    assert meeting(tab).start.isoformat(timespec="minutes") == "09:30"
    assert details["start"].text() == "09:30"

    people = tab.people
    tab.show_page(people)
    row = [people.invites.item(r, 0).text() for r in range(people.invites.rowCount())].index("Kayla Morris")
    type_cell(qtbot, people.invites, row, 4, "বাংলা")
    people.invites.item(row, 5).setCheckState(Qt.CheckState.Checked)
    settle(qtbot, tab)
    type_cell(qtbot, people.invites, row, 7, "Needs a quiet room")
    settle(qtbot, tab)
    kayla = meeting(tab).invitation(_z("kayla"))
    assert (kayla.first_language, kayla.interpreter_needed, kayla.access_needs) == ("বাংলা", True, "Needs a quiet room")
    assert stored_meeting(db_path, case_id).invitation(_z("kayla")) == kayla
    _undo_redo(qtbot, tab, replace(kayla, access_needs=""), kayla, lambda: meeting(tab).invitation(_z("kayla")))


def test_an_action_for_someone_left_out_later_says_so_and_they_are_not_offered_again(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    actions = tab.actions
    tab.show_page(actions)
    row = [a.who for a in meeting(tab).plan.actions].index(_z("karim"))
    assert actions.table.item(row, 1).text() == "Karim Zain"
    _exclude(tab, "karim", must_not_be_told=True)
    settle(qtbot, tab)
    assert actions.table.item(row, 1).text() == "Karim Zain (left out of this meeting)"
    assert "Karim Zain" not in offered(qtbot, actions.table, 0, 1)
    choose(qtbot, actions.table, row, 1, _z("yusuf"))
    settle(qtbot, tab)
    assert meeting(tab).plan.actions[row].who == _z("yusuf")
