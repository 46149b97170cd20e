"""The form parts every section of the Meeting tab is made of, so each rule lives in one place.

A checked field parses what is typed as it is typed (with :mod:`.meeting_values`) and shows the
problem under itself; what was typed stays, however long it is left wrong, until the coordinator
corrects it, and only a valid value is committed. A :class:`Section` is one titled part of the tab:
it redraws from the meeting it is given and turns each change into one undoable edit through the
editor, with the document's refusal shown where the change was made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..graph.document import CaseDocument
from ..graph.edits import Edit
from ..graph.meeting import Meeting, latest_meeting
from ..graph.meeting_edits import (
    MeetingEditError,
    left_out,
    meeting_people,
    update_plan,
)
from .editor import CaseEditor
from .meeting_values import TEXT_LIMIT, checked_text
from .property_dock import ERROR_STYLE
from .undo import Report

Parse = Callable[[str], Any]
NOBODY = "(nobody yet)"
LONGEST = 1_000_000  # characters a line edit holds: a long paste is refused whole, never cut


def lines_of(text: str, what: str = "This list") -> tuple[str, ...]:
    """A list typed one item a line; blank lines dropped."""
    checked = checked_text(text, what, limit=TEXT_LIMIT, lines=True)
    return tuple(line.strip() for line in checked.splitlines() if line.strip())


def error_label(parent: QWidget | None = None) -> QLabel:
    """Where a field or a table says what is wrong: red words (never colour alone), wrapped."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_problem(label: QLabel, message: str, about: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))
    label.setAccessibleName(f"Problem with {about}: {message}" if message else "")


def button(text: str, slot: Callable[[], object], shortcut: str = "", name: str = "") -> QPushButton:
    made = QPushButton(text)
    made.setAccessibleName(name or text)
    if shortcut:
        made.setShortcut(QKeySequence(shortcut))
        made.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
    made.clicked.connect(lambda: slot())
    return made


class Choice(QComboBox):
    """A combo box that gives back the Python value chosen (Qt would turn a str enum into a str)."""

    def __init__(self, name: str, items: Sequence[tuple[str, object]] = (), current: object = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._values: list[object] = []
        self.set_items(items, current)

    def set_items(self, items: Sequence[tuple[str, object]], current: object) -> None:
        """New choices (when the network changed) without announcing a change of value."""
        was = self.blockSignals(True)
        try:
            if [v for _t, v in items] != self._values or [self.itemText(i) for i in range(self.count())] != \
                    [t for t, _v in items]:
                self.clear()
                self._values = [value for _text, value in items]
                for text, _value in items:
                    self.addItem(text)
            self.setCurrentIndex(self._values.index(current) if current in self._values else 0)
        finally:
            self.blockSignals(was)

    def value(self) -> object:
        return self._values[self.currentIndex()] if self._values else None

    def index_of(self, value: object) -> int:
        return self._values.index(value)


class _Checked:
    """What a checked field shares: parse as typed, show the problem, keep the text, commit valid values."""

    committed: Signal
    error: QLabel
    _parse: Parse
    _about: str

    def _prepare(self, name: str, parse: Parse) -> None:
        self._parse = parse
        self._about = name.lower()
        self.error = error_label()
        self.setAccessibleName(name)  # type: ignore[attr-defined]

    def raw(self) -> str:
        raise NotImplementedError

    def parsed(self) -> Any:
        """The value typed; ValueError when it is not valid (see :meth:`check`)."""
        return self._parse(self.raw())

    def check(self) -> bool:
        """Validate what is typed now; the message stays under the field until it is put right."""
        try:
            self._parse(self.raw())
        except ValueError as exc:
            self.report(str(exc))
            return False
        self.report("")
        return True

    def report(self, message: str) -> None:
        """Show a problem (a parse error, or the document's refusal of the value)."""
        show_problem(self.error, message, self._about)
        self.setAccessibleDescription(message)  # type: ignore[attr-defined]

    def _finish(self) -> None:
        if self.check():
            self.committed.emit(self._parse(self.raw()))

    def _keeps_typing(self) -> bool:
        """Whether a redraw must leave the text alone: it is being typed, or it is wrong and kept."""
        return self.hasFocus() or bool(self.error.text())  # type: ignore[attr-defined]


class CheckedLine(_Checked, QLineEdit):
    """One line, parsed as typed, committed when the coordinator leaves it or presses Enter."""

    committed = Signal(object)

    def __init__(self, name: str, parse: Parse, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepare(name, parse)
        self.setPlaceholderText(hint)
        self.setMaxLength(LONGEST)  # Qt's own 32,767 would cut a long paste without a word
        self.textEdited.connect(lambda _text: self.check())
        self.editingFinished.connect(self._finish)

    def raw(self) -> str:
        return self.text()

    def show_text(self, text: str) -> None:
        """Show the stored value's text, unless the coordinator is typing something else or has
        typed something refused; "9.30" just committed reads back as "09:30"."""
        if self.text() == text or bool(self.error.text()):
            return
        if self.hasFocus():
            try:
                if self._parse(self.raw()) != self._parse(text):
                    return
            except ValueError:
                return
            self.setText(text)
            return
        self.setText(text)
        self.setCursorPosition(0)  # the start of a long value, not its end


class TextBox(_Checked, QPlainTextEdit):
    """Several lines, parsed as typed, committed when the coordinator leaves the box (or Ctrl+Enter)."""

    committed = Signal(object)

    def __init__(self, name: str, parse: Parse, hint: str = "", lines: int = 4,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepare(name, parse)
        self.setPlaceholderText(hint)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self.textChanged.connect(self.check)

    def raw(self) -> str:
        return self.toPlainText()

    def show_text(self, text: str) -> None:
        """Show the stored text unless it says the same as what is typed (only blank lines apart)."""
        if self._keeps_typing():
            return
        try:
            same = self._parse(self.raw()) == self._parse(text)
        except ValueError:
            same = False
        if not same:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._finish()
            return
        super().keyPressEvent(event)


def add_row(form: QFormLayout, label: str, field: QWidget) -> None:
    """A labelled field with its problem line under it; the label's mnemonic reaches the field."""
    caption = QLabel(label)
    caption.setBuddy(field)
    caption.setWordWrap(True)
    form.addRow(caption, field)
    error = getattr(field, "error", None)
    if isinstance(error, QLabel):
        form.addRow("", error)


class Section(QGroupBox):
    """One titled part of the Meeting tab, showing the case's latest meeting and changing it by edits."""

    def __init__(self, title: str, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self.editor = editor

    @property
    def doc(self) -> CaseDocument:
        return self.editor.doc

    @property
    def meeting(self) -> Meeting | None:
        return latest_meeting(self.doc.info.meetings)

    def show_meeting(self, meeting: Meeting) -> None:
        """Redraw from the document (after any edit, undo and redo included)."""
        raise NotImplementedError

    def push(self, build: Callable[[str], Edit], report: Report | None = None) -> bool:
        """Build an edit for the shown meeting and push it; a refusal is reported, not raised."""
        meeting = self.meeting
        if meeting is None:
            return False
        tell = report or self.editor.problem.emit
        try:
            edit = build(meeting.id)
        except MeetingEditError as exc:
            tell(str(exc))
            return False
        return self.editor.push(edit, report=tell)

    def push_plan(self, field: str, value: object, label: str, report: Report | None = None) -> bool:
        """Set one field of the shown meeting's plan; nothing happens when it already holds ``value``."""
        meeting = self.meeting
        if meeting is None or getattr(meeting.plan, field) == value:
            return False
        plan = replace(meeting.plan, **{field: value})
        return self.push(lambda mid: update_plan(self.doc, mid, plan, label), report)

    def name(self, node_id: str) -> str:
        if not node_id:
            return ""
        return self.doc.node(node_id).label if self.doc.has_node(node_id) else "(no longer in the case)"

    def people_choices(self, current: str = "", none: str = NOBODY) -> list[tuple[str, object]]:
        """Who may be chosen (never the left out), with the current choice kept visible if it is not."""
        meeting = self.meeting
        people = meeting_people(self.doc, meeting) if meeting else []
        items: list[tuple[str, object]] = [(none, "")] + [(n.label, n.id) for n in people]
        if current and current not in {n.id for n in people}:  # kept, and said why it is not offered
            if not self.doc.has_node(current):
                items.append((self.name(current), current))
            else:
                why = "left out of this meeting" if meeting and left_out(self.doc, meeting, current) \
                    else "not in the child's circles"
                items.append((f"{self.name(current)} ({why})", current))
        return items
