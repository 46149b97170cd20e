"""Driving the Meeting tab as a coordinator would: the Zain family opened from a real SQLite library,
text typed key by key into fields and table cells (or pasted), and the stored case read back from a
second connection to the library, as after a restart.

Import as ``from meeting_driver import ...`` (each test folder is on the path, like store_helpers).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.edits import update_case
from circles_desktop.graph.meeting import Meeting
from circles_desktop.store.library import Library
from circles_desktop.ui.meeting_forms import Choice
from circles_desktop.ui.meeting_tab import MeetingTab
from circles_desktop.ui.meeting_table import RecordTable


def open_meeting(window, library: Library, keep_meetings: bool = True) -> tuple[MeetingTab, str]:  # type: ignore[no-untyped-def]
    """The Zain family (with its demo meeting, or none) on the Meeting tab; the tab and the case id."""
    doc = demo_cases()[0]
    if not keep_meetings:
        doc.apply(update_case(doc, replace(doc.info, meetings=())))
    case_id = library.add_document(doc)
    window.refresh_cases()
    assert window.open_case(case_id)
    window.frame.show_view("meeting")
    tab = window.frame.current_view()
    assert isinstance(tab, MeetingTab)
    tab.open_previews = False
    return tab, case_id


def settle(qtbot, tab: MeetingTab) -> None:  # type: ignore[no-untyped-def]
    """Wait for the redraw an edit asks for (it runs once the slot that made the edit returns)."""
    qtbot.waitUntil(lambda: not tab._pending)


def stored_meeting(db_path: Path, case_id: str) -> Meeting:
    """The meeting as the library holds it, read through a new connection."""
    with Library.open(str(db_path), user="tester") as again:
        return again.open_case(case_id).info.meetings[0]


def meeting(tab: MeetingTab) -> Meeting:
    found = tab.meeting
    assert found is not None
    return found


def keys(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text key by key. QTest knows only ASCII keys, so any other letter (Bengali, Arabic…)
    comes as a key press carrying its text, which is what a keyboard layout for that script sends."""
    for char in text:
        if char.isascii() and char.isprintable():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_line(qtbot, field: QLineEdit, text: str, finish: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Replace a line's text by typing it, then press Enter (which commits it)."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    keys(qtbot, field, text)
    if finish:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def type_box(qtbot, box: QPlainTextEdit, text: str, elsewhere: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Replace a box's text by typing it (Enter between lines), then leave the box (which commits it)."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        keys(qtbot, box, line)
    elsewhere.setFocus()


def paste(qtbot, field: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Paste text as the coordinator would (Ctrl+V), control characters and all."""
    field.setFocus()
    QApplication.clipboard().setText(text)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def type_cell(qtbot, table: RecordTable, row: int, column: int, text: str,  # type: ignore[no-untyped-def]
              finish: bool = True) -> QLineEdit:
    """Open a cell's editor and type the text key by key, then press Enter (unless ``finish`` is
    False: then the open editor is returned, to look at while it is typed)."""
    table.window().activateWindow()  # a name list that popped up while typing may have taken it
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = table.indexWidget(table.model().index(row, column))
    assert isinstance(editor, QLineEdit), f"no editor opened in row {row}, column {column}"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    keys(qtbot, editor, text)
    if finish:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        # the view commits the editor's text on its next turn of the event loop
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    return editor


def _open_choice(qtbot, table: RecordTable, row: int, column: int) -> Choice:  # type: ignore[no-untyped-def]
    table.window().activateWindow()
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    box = table.indexWidget(table.model().index(row, column))
    assert isinstance(box, Choice), f"no drop-down opened in row {row}, column {column}"
    return box


def choose(qtbot, table: RecordTable, row: int, column: int, value: object) -> None:  # type: ignore[no-untyped-def]
    """Choose in a drop-down cell from the keyboard: F2 opens it, the arrow keys move, Enter chooses."""
    box = _open_choice(qtbot, table, row, column)
    target = box.index_of(value)
    while box.currentIndex() != target:
        qtbot.keyClick(box, Qt.Key.Key_Down if target > box.currentIndex() else Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def offered(qtbot, table: RecordTable, row: int, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The words a drop-down cell offers (opened and closed again with Escape, choosing nothing)."""
    box = _open_choice(qtbot, table, row, column)
    words = [box.itemText(i) for i in range(box.count())]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    return words
