"""The Meeting tab on a real case in a real library: every change is an undoable edit of the document."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from meeting_driver import choose, open_meeting, settle, type_box, type_cell, type_line
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.meeting import InviteDecision, InviteStatus
from circles_desktop.graph.meeting_edits import update_meeting
from circles_desktop.graph.redaction import Audience
from circles_desktop.ui.meeting_drag import ids_mime, mime_ids
from circles_desktop.ui.meeting_forms import Choice
from circles_desktop.ui.meeting_people import EXCLUDED_MARK
from circles_desktop.ui.meeting_tab import MeetingTab


@pytest.fixture
def blank(qtbot, window, library):  # type: ignore[no-untyped-def]
    """The Zain family without a meeting, on the Meeting tab."""
    return open_meeting(window, library, keep_meetings=False)[0]


@pytest.fixture
def planned(qtbot, window, library):  # type: ignore[no-untyped-def]
    """The Zain family with its demo meeting, on the Meeting tab."""
    return open_meeting(window, library)[0]


def _settle(qtbot, tab: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot, tab)


def test_plan_a_meeting_then_undo(qtbot, blank: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    doc = blank.editor.doc
    assert blank.plan_button.isVisibleTo(blank) and not blank.content.isVisibleTo(blank)
    qtbot.mouseClick(blank.plan_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, blank)
    assert len(doc.info.meetings) == 1
    assert blank.content.isVisibleTo(blank)
    assert blank.people.invites.rowCount() == len(doc.info.meetings[0].invitations) > 5
    blank.editor.undo_stack.undo()
    _settle(qtbot, blank)
    assert doc.info.meetings == ()
    assert blank.plan_button.isVisibleTo(blank)


def test_invite_the_network_marks_the_excluded(qtbot, blank: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    doc, editor, people = blank.editor.doc, blank.editor, blank.people
    blank.plan_meeting()
    meeting = doc.info.meetings[0]
    editor.push(update_meeting(doc, replace(meeting, invitations=()), "Empty the list"))
    _settle(qtbot, blank)
    assert blank.people.invites.rowCount() == 0
    karim = next(p for p in doc.people() if p.label == "Karim Zain")
    editor.update_node(replace(karim, must_not_invite=True, safety_reason="Safety plan"))
    blank.show_page(people)
    qtbot.mouseClick(people.invite_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, blank)
    invitations = doc.info.meetings[0].invitations
    assert karim.id in {i.node_id for i in invitations}
    assert doc.info.meetings[0].invitation(karim.id).decision is InviteDecision.DO_NOT_INVITE
    rows = {people.invites.item(r, 0).text(): people.invites.item(r, 1).text() for r in range(people.invites.rowCount())}
    assert rows[karim.label] == EXCLUDED_MARK
    assert sum(1 for mark in rows.values() if mark) == 1
    editor.undo_stack.undo()
    _settle(qtbot, blank)
    assert doc.info.meetings[0].invitations == ()


def test_change_an_invitation_and_take_off_and_add_back(qtbot, planned: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    doc, tab = planned.editor.doc, planned.people
    planned.show_page(tab)
    before = doc.info.meetings[0]
    first = before.invitations[0]
    choose(qtbot, tab.invites, 0, 3, InviteStatus.DECLINED)
    _settle(qtbot, planned)
    assert tab.invites.item(0, 3).text() == "Declined"
    assert doc.info.meetings[0].invitation(first.node_id).status is InviteStatus.DECLINED
    type_cell(qtbot, tab.invites, 0, 4, "Arabic")
    _settle(qtbot, planned)
    assert doc.info.meetings[0].invitation(first.node_id).first_language == "Arabic"

    tab.invites.selectRow(0)
    tab.invites.setFocus()
    qtbot.keyClick(tab.invites, Qt.Key.Key_Delete)
    _settle(qtbot, planned)
    assert doc.info.meetings[0].invitation(first.node_id) is None
    listed = [tab.others.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tab.others.count())]
    assert first.node_id in listed
    tab.others.setCurrentRow(listed.index(first.node_id))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, planned)
    assert doc.info.meetings[0].invitation(first.node_id) is not None

    for _ in range(4):
        tab.editor.undo_stack.undo()
    _settle(qtbot, planned)
    assert doc.info.meetings[0] == before


def _drop(widget, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """What a drag from the other side delivers: the node ids, dropped on the widget's viewport."""
    data = ids_mime(ids)  # kept alive: the events do not own it
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), actions, data, buttons, keys)  # Qt drops only after an enter
    QApplication.sendEvent(widget.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget.viewport(), QDropEvent(QPointF(10, 10), actions, data, buttons, keys))


def test_drag_people_off_the_list_and_back(qtbot, planned: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    doc, tab = planned.editor.doc, planned.people
    planned.show_page(tab)
    before = doc.info.meetings[0]
    ids = [before.invitations[0].node_id, before.invitations[1].node_id]
    assert mime_ids(tab.invites.mimeData([tab.invites.item(0, 0), tab.invites.item(1, 4)])) == ids
    _drop(tab.others, ids)
    _settle(qtbot, planned)
    assert [i.node_id for i in doc.info.meetings[0].invitations] == [i.node_id for i in before.invitations[2:]]
    assert tab.invites.rowCount() == len(before.invitations) - 2
    _drop(tab.invites, ids)
    _settle(qtbot, planned)
    assert {i.node_id for i in doc.info.meetings[0].invitations} == {i.node_id for i in before.invitations}
    tab.editor.undo_stack.undo()
    tab.editor.undo_stack.undo()
    assert doc.info.meetings[0] == before


def test_add_an_action_with_who_then_undo(qtbot, planned: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    doc, tab = planned.editor.doc, planned.actions
    planned.show_page(tab)
    before = doc.info.meetings[0].plan.actions
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, planned)
    actions = doc.info.meetings[0].plan.actions
    assert len(actions) == len(before) + 1
    row = tab.table.rowCount() - 1
    type_cell(qtbot, tab.table, row, 0, "Teta collects the children on Fridays")
    _settle(qtbot, planned)
    samira = demo_id("zain/samira")
    choose(qtbot, tab.table, row, 1, samira)
    _settle(qtbot, planned)
    added = doc.info.meetings[0].plan.actions[-1]
    assert added.what == "Teta collects the children on Fridays"
    assert added.who == samira and tab.table.item(row, 1).text() == "Teta (Samira Zain)"
    type_cell(qtbot, tab.table, row, 2, "not a date")
    _settle(qtbot, planned)
    assert doc.info.meetings[0].plan.actions[-1].by_when is None
    assert tab.table.item(row, 2).text() == "not a date" and "is not a date" in tab.table.error.text()
    for _ in range(3):
        planned.editor.undo_stack.undo()
    _settle(qtbot, planned)
    assert doc.info.meetings[0].plan.actions == before


def test_details_and_plan_columns_commit_as_edits(qtbot, planned: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    doc, tab = planned.editor.doc, planned
    type_line(qtbot, tab.details.fields["venue"], "The family centre")
    tab.show_page(tab.columns)
    worries = tab.columns.columns["worries"]
    type_box(qtbot, worries, "First worry\n\nSecond worry", tab.columns.columns["working_well"])
    _settle(qtbot, tab)
    meeting = doc.info.meetings[0]
    assert meeting.venue == "The family centre"
    assert meeting.plan.worries == ("First worry", "Second worry")
    tab.show_page(tab.contingency)
    type_line(qtbot, tab.contingency.review, "2027-03-01")
    assert doc.info.meetings[0].plan.review_date == date(2027, 3, 1)
    tab.editor.undo_stack.undo()
    assert doc.info.meetings[0].plan.review_date == meeting.plan.review_date
    tab.show_page(tab.details)
    type_line(qtbot, tab.details.fields["on"], "5 December")
    assert doc.info.meetings[0].on == meeting.on
    assert "is not a date" in tab.details.fields["on"].error.text()
    tab.editor.undo_stack.undo()
    _settle(qtbot, tab)
    assert doc.info.meetings[0].plan.worries != ("First worry", "Second worry")
    assert worries.toPlainText() == "\n\n".join(doc.info.meetings[0].plan.worries)


def test_every_widget_on_every_page_has_an_accessible_name(planned: MeetingTab) -> None:
    unnamed = []
    for page in range(planned.pages.count()):
        planned.pages.setCurrentIndex(page)
        unnamed += [(page, type(w).__name__) for w in planned.findChildren(QWidget)
                    if w.isVisibleTo(planned) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
                    and not w.accessibleName() and not type(w).__name__.startswith(("QScrollBar", "QHeaderView"))]
    assert unnamed == []


@pytest.mark.parametrize("audience", [Audience.PROFESSIONAL, Audience.FAMILY, Audience.CHILD])
def test_preview_writes_the_pdf(qtbot, planned: MeetingTab, tmp_path: Path, audience: Audience) -> None:  # type: ignore[no-untyped-def]
    planned.preview_folder = tmp_path
    with qtbot.waitSignal(planned.preview_written, timeout=60000) as written:  # a cold plan on a busy core
        qtbot.mouseClick(planned.preview_buttons[audience], Qt.MouseButton.LeftButton)
    path = written.args[0]
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Zain" in text


def test_export_and_print_are_off_on_the_meeting_tab(planned: MeetingTab, window) -> None:  # type: ignore[no-untyped-def]
    """File > Export and Print draw the current view; the Meeting tab is no drawing, so they are off."""
    keys = ("export.pdf", "export.svg", "export.png", "print", "print.preview")
    assert not any(window.actions[key].isEnabled() for key in keys)
    window.frame.show_view("ecomap")
    assert all(window.actions[key].isEnabled() for key in keys)


def test_a_choice_opens_on_one_click_and_browsing_it_with_the_arrows_changes_nothing(  # type: ignore[no-untyped-def]
        qtbot, planned: MeetingTab) -> None:
    doc, tab = planned.editor.doc, planned.people
    planned.show_page(tab)
    first = doc.info.meetings[0].invitations[0]
    index = tab.invites.model().index(0, 3)
    qtbot.mouseClick(tab.invites.viewport(), Qt.MouseButton.LeftButton, pos=tab.invites.visualRect(index).center())
    box = tab.invites.indexWidget(index)
    assert isinstance(box, Choice) and box.view().isVisible()
    box.hidePopup()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert doc.info.meetings[0].invitations[0] == first  # only looking, so far
    box.showPopup()
    confirmed = box.view().visualRect(box.view().model().index(box.index_of(InviteStatus.CONFIRMED), 0))
    qtbot.mouseClick(box.view().viewport(), Qt.MouseButton.LeftButton, pos=confirmed.center())
    qtbot.waitUntil(lambda: doc.info.meetings[0].invitations[0] != first)  # the list closes, then it is chosen
    _settle(qtbot, planned)
    assert doc.info.meetings[0].invitations[0] == replace(first, status=InviteStatus.CONFIRMED)
    assert tab.invites.item(0, 3).text() == "Confirmed" and tab.invites.state() != tab.invites.State.EditingState


def test_the_meeting_tab_has_nothing_to_zoom_or_print_as_a_drawing(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    drawing_only = ("zoom.in", "zoom.out", "zoom.fit", "export.pdf", "print")
    zain.frame.show_view("meeting")
    assert not any(zain.actions[key].isEnabled() for key in drawing_only)
    assert zain.zoom_label.text() == ""
    zain.frame.show_view("ecomap")
    assert all(zain.actions[key].isEnabled() for key in drawing_only)
    assert zain.zoom_label.text().startswith("Zoom ")
