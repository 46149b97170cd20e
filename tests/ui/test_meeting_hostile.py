"""Hostile input in every kind of field of the Meeting tab: out-of-range and non-numeric scores, dates
that are not dates, empty names, very long text, pasted control characters, right-to-left and Bengali
text. Bad input is refused with a message that says what to type, the case is not changed, and what
was typed stays where it was typed, even when the tab is redrawn by other edits or by undo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from meeting_driver import (
    choose,
    keys,
    meeting,
    open_meeting,
    paste,
    settle,
    stored_meeting,
    type_box,
    type_cell,
    type_line,
)
from PySide6.QtCore import Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.meeting import InviteDecision
from circles_desktop.graph.model import Person
from circles_desktop.ui.meeting_table import WRONG, WRONG_EDITOR


@pytest.fixture
def opened(qtbot, window, library):  # type: ignore[no-untyped-def]
    return open_meeting(window, library)


@pytest.mark.parametrize(("typed", "words"), [("11", "11 is more than 10"), ("-1", "-1 is less than 0"),
                                              ("abc", "“abc” is not a whole number")])
def test_a_score_outside_0_to_10_is_refused_and_kept_until_put_right(qtbot, opened, typed: str,  # type: ignore[no-untyped-def]
                                                                    words: str) -> None:
    tab, _ = opened
    scaling = tab.scaling
    tab.show_page(scaling)
    scores = meeting(tab).plan.scores
    type_cell(qtbot, scaling.table, 0, 1, typed)
    settle(qtbot, tab)
    assert meeting(tab).plan.scores == scores
    assert scaling.table.item(0, 1).text() == typed and scaling.table.item(0, 1).background().color() == WRONG
    assert scaling.table.error.text() == f"Row 1, Score (0–10): The score: {words}; give a number from 0 to 10."
    assert scaling.table.error.isVisibleTo(tab)

    # another edit, and its undo, redraw the table: the refused text is still there to correct
    type_cell(qtbot, scaling.table, 1, 2, "Much better since the meeting")
    settle(qtbot, tab)
    tab.editor.undo_stack.undo()
    settle(qtbot, tab)
    assert scaling.table.item(0, 1).text() == typed and scaling.table.pending() == {(0, 1): typed}

    type_cell(qtbot, scaling.table, 0, 1, "7")
    settle(qtbot, tab)
    assert meeting(tab).plan.scores[0].score == 7
    assert scaling.table.pending() == {} and not scaling.table.error.text()
    assert scaling.table.item(0, 1).background().style() == Qt.BrushStyle.NoBrush


def test_a_cell_says_what_is_wrong_while_it_is_typed(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    scaling = tab.scaling
    tab.show_page(scaling)
    editor = type_cell(qtbot, scaling.table, 0, 1, "11", finish=False)
    assert "11 is more than 10" in scaling.table.error.text() and editor.styleSheet() == WRONG_EDITOR
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert not scaling.table.error.text() and editor.styleSheet() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_new_score_that_is_not_a_number_is_not_added_and_the_form_keeps_it(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    entry = tab.scaling.entry
    tab.show_page(tab.scaling)
    scores = meeting(tab).plan.scores
    type_line(qtbot, entry.fields["said"], "نحن نحاول", finish=False)  # Arabic
    type_line(qtbot, entry.fields["score"], "ten")
    assert meeting(tab).plan.scores == scores
    assert "“ten” is not a whole number" in entry.fields["score"].error.text()
    assert (entry.fields["score"].text(), entry.fields["said"].text()) == ("ten", "نحن نحاول")
    type_line(qtbot, entry.fields["score"], "10")  # nobody chosen yet: the document says so
    assert meeting(tab).plan.scores == scores and entry.error.text() == "Say who gave the score."
    assert entry.fields["score"].text() == "10"


def test_dates_that_are_not_dates_and_helpfulness_out_of_range_are_refused(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    feedback = tab.feedback
    tab.show_page(feedback)
    before = meeting(tab).plan.feedback
    type_cell(qtbot, feedback.table, 0, 1, "31/02/2027")
    type_cell(qtbot, feedback.table, 0, 3, "6")
    settle(qtbot, tab)
    assert meeting(tab).plan.feedback == before
    assert feedback.table.pending() == {(0, 1): "31/02/2027", (0, 3): "6"}
    assert "6 is more than 5; give a number from 1 to 5" in feedback.table.error.text()
    assert "is not a date" in feedback.table.item(0, 1).toolTip()


@pytest.mark.parametrize(("where", "words"), [("title", "The title cannot be empty"),
                                              ("agenda", "What happens cannot be empty"),
                                              ("action", "What will happen cannot be empty")])
def test_an_empty_name_is_refused(qtbot, opened, where: str, words: str) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    before = meeting(tab)
    if where == "title":
        field = tab.details.fields["title"]
        type_line(qtbot, field, "   ")
        assert words in field.error.text() and field.text() == "   "
    else:
        section = tab.agenda if where == "agenda" else tab.actions
        tab.show_page(section)
        type_cell(qtbot, section.table, 0, 0 if where == "action" else 1, "")
        assert words in section.table.error.text()
    settle(qtbot, tab)
    assert meeting(tab) == before


def test_very_long_text_is_refused_whole_not_cut(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    title = tab.details.fields["title"]
    long = "Zain family meeting " * 5000  # 100,000 characters
    paste(qtbot, title, long)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert "can be up to 500 characters; this has 99,999" in title.error.text()
    assert title.text() == long and meeting(tab).title == "Zain family network meeting"
    assert stored_meeting(db_path, case_id).title == "Zain family network meeting"


@pytest.mark.parametrize("control", ["\x07", "\x1b", "\x00", "\x7f"])
def test_pasted_control_characters_are_refused_in_lines_boxes_and_cells(qtbot, opened, control: str) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    before = meeting(tab)
    coordinator = tab.details.fields["coordinator"]
    paste(qtbot, coordinator, f"Joy{control} Mensah")
    qtbot.keyClick(coordinator, Qt.Key.Key_Return)
    assert f"control character (U+{ord(control):04X}) at character 4" in coordinator.error.text()
    assert coordinator.text() == f"Joy{control} Mensah"

    bottom = tab.details.fields["bottom_lines"]
    paste(qtbot, bottom, f"No knife\nSomeone{control} knows where she is")
    coordinator.setFocus()
    assert "control character" in bottom.error.text() and control in bottom.toPlainText()

    children = tab.children
    tab.show_page(children)
    editor = type_cell(qtbot, children.table, 0, 1, "", finish=False)
    paste(qtbot, editor, f"I want{control} to come home")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: children.table.pending() != {})
    assert children.table.pending() == {(0, 1): f"I want{control} to come home"}
    settle(qtbot, tab)
    assert meeting(tab) == before


def test_right_to_left_and_bengali_text_is_stored_as_typed(qtbot, opened, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab, case_id = opened
    fields = tab.details.fields
    type_line(qtbot, fields["title"], "জাইন পরিবারের সভা")  # Bengali
    type_line(qtbot, fields["venue"], "مرکز خاندان، کمرہ ۲")  # Urdu, with an Urdu digit
    type_box(qtbot, fields["purpose"], "أن تكون نيكيتا آمنة\nوأن يشعر جوليان بالأمان", fields["coordinator"])
    tab.show_page(tab.agenda)
    type_cell(qtbot, tab.agenda.table, 0, 3, "ג'וי מנסה")  # Hebrew
    settle(qtbot, tab)
    stored = stored_meeting(db_path, case_id)
    assert (stored.title, stored.venue, stored.purpose, stored.agenda[0].led_by) == (
        "জাইন পরিবারের সভা", "مرکز خاندان، کمرہ ۲", "أن تكون نيكيتا آمنة\nوأن يشعر جوليان بالأمان", "ג'וי מנסה")
    assert stored == meeting(tab)


def test_a_decision_the_safety_flags_forbid_is_refused_saying_why(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    tab, _ = opened
    karim = tab.editor.doc.node(demo_id("zain/karim"))
    assert isinstance(karim, Person)
    tab.editor.update_node(replace(karim, must_not_invite=True, safety_reason="Safety plan"))
    tab.show_page(tab.people)
    type_line(qtbot, tab.details.fields["venue"], "", finish=False)  # a field typed in, never committed
    tab.people.invite_network()
    settle(qtbot, tab)
    row = [i.node_id for i in meeting(tab).invitations].index(karim.id)
    assert tab.people.invites.item(row, 2).text() == "Do not invite"
    choose(qtbot, tab.people.invites, row, 2, InviteDecision.INVITE)
    settle(qtbot, tab)
    assert meeting(tab).invitation(karim.id).decision is InviteDecision.DO_NOT_INVITE
    assert tab.people.invites.item(row, 2).text() == "Do not invite"
    assert "Karim Zain's safety flags say: do not invite" in tab.people.invites.error.text()


def test_typing_goes_on_while_the_tab_is_redrawn(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    """An edit from elsewhere (another panel, undo) redraws the tab: a field being typed in keeps its text."""
    tab, _ = opened
    venue = tab.details.fields["venue"]
    type_line(qtbot, venue, "The Garden", finish=False)
    tab.show_page(tab.scaling)
    type_cell(qtbot, tab.scaling.table, 0, 2, "Better")
    tab.show_page(tab.details)
    venue.setFocus()
    keys(qtbot, venue, " Room")
    tab.editor.undo_stack.undo()
    settle(qtbot, tab)
    assert venue.text() == "The Garden Room"
