"""The Meeting tab: prepare the family network meeting and record the plan, then preview its PDFs.

The tab shows the case's latest meeting (:func:`~..graph.meeting.latest_meeting`). Every field
commits through the editor as one undoable edit built by :mod:`..graph.meeting_edits`, so it is
saved at once and Ctrl+Z takes it back; the tab never keeps its own copy of the meeting but redraws
from the document after each edit. It is registered beside the drawings in :data:`.views.VIEW_KINDS`,
so it carries inert stand-ins for the canvas parts the window follows (zoom, overview, layout).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import (
    Action,
    InviteDecision,
    InviteStatus,
    Meeting,
    latest_meeting,
)
from ..graph.model import Household, Person
from ..graph.redaction import Audience
from ..reports.plan_pdf import write_plan
from .editor import CaseEditor
from .export import _file_name
from .meeting_drag import InviteTable, PeopleList
from .words import choices
from .workers import Task, run_with_progress, snapshot

VIEW = "meeting"
EXCLUDED_MARK = "⛔ Excluded"  # a word and a sign, never colour alone
_DECISION_WORDS = {InviteDecision.INVITE: "Invite", InviteDecision.DO_NOT_INVITE: "Do not invite",
                   InviteDecision.MUST_NOT_BE_TOLD: "Must not be told"}


class LinesEdit(QPlainTextEdit):
    """A list typed one item a line, committed when the practitioner leaves the box."""

    committed = Signal(tuple)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setPlaceholderText("One a line")
        self.setTabChangesFocus(True)
        self.setFixedHeight(96)

    def items(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.toPlainText().splitlines() if line.strip())

    def show_items(self, items: tuple[str, ...]) -> None:
        if self.items() != items:
            self.setPlainText("\n".join(items))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit(self.items())


class _NoDrawing(QObject):
    """What the window follows on a canvas's scene; the Meeting tab draws nothing, so it never fires."""

    busy = Signal(bool)
    layout_failed = Signal(str)
    properties_requested = Signal()
    laying_out = False
    diagram = None

    def rebuild(self) -> None:
        """Nothing to lay out again."""

    def cancel_layout(self) -> None:
        """Nothing is being laid out."""


class _NoOverview:
    def set_enabled_by_user(self, on: bool) -> None:
        """The meeting has no picture to give an overview of."""


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a date: write it as year-month-day, e.g. 2026-12-05") from None


def _parse_time(text: str) -> time | None:
    text = text.strip()
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a time: write it as hours:minutes, e.g. 10:30") from None


class _Choice(QComboBox):
    """A combo box that gives back the Python value chosen (Qt would turn a str enum into a str)."""

    def __init__(self, name: str, items: list[tuple[str, object]], current: object) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self._values = [value for _text, value in items]
        for text, _value in items:
            self.addItem(text)
        self.setCurrentIndex(self._values.index(current) if current in self._values else 0)

    def value(self) -> object:
        return self._values[self.currentIndex()]

    def index_of(self, value: object) -> int:
        return self._values.index(value)


def _widths(table: QTableWidget, widths: tuple[int, ...]) -> None:
    """Columns wide enough to read at any window size; a narrow window scrolls sideways rather
    than squeezing the text to a letter a line."""
    header = table.horizontalHeader()
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    header.setStretchLastSection(True)


class MeetingTab(QScrollArea):
    """Shows and edits the case's latest family network meeting and its plan."""

    view_key = VIEW
    zoom_changed = Signal(float)
    link_mode_ended = Signal()
    preview_written = Signal(object)  # the Path of a preview PDF, once written
    zoom = 1.0

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_view")
        self.setAccessibleName("Family network meeting")
        self.setWidgetResizable(True)
        self.editor = editor
        self.diagram_scene = _NoDrawing(self)
        self.overview = _NoOverview()
        self.open_previews = True  # tests switch this off: they read the file instead
        self.preview_folder = Path(tempfile.gettempdir())
        self.task: Task | None = None
        self._refreshing = False
        self._pending = False
        self._build()
        editor.doc.edited.connect(self._on_edited)
        self.refresh()

    # ----- the CaseView stand-ins ---------------------------------------------------------------

    def set_link_mode(self, on: bool) -> None:
        """Drawing lines is for the canvases."""

    def zoom_by(self, factor: float) -> None:
        """The form does not zoom."""

    def zoom_fit(self) -> None:
        """The form does not zoom."""

    def zoom_actual(self) -> None:
        """The form does not zoom."""

    def select_all(self) -> None:
        """Selection is per field here."""

    def close_view(self) -> None:
        self.editor.doc.edited.disconnect(self._on_edited)

    # ----- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        body.setAccessibleName("Meeting and plan")
        self.setWidget(body)
        outer = QVBoxLayout(body)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        note = QLabel("There is no family network meeting for this case yet.")
        note.setAccessibleName("No meeting yet")
        self.plan_button = self._button("Plan a family network meeting", self.plan_meeting, "Ctrl+Shift+M")
        empty_layout.addWidget(note)
        empty_layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        outer.addWidget(self.empty)

        self.content = QWidget()
        self.content.setAccessibleName("The meeting")
        content = QVBoxLayout(self.content)
        content.addLayout(self._preview_row())
        content.addWidget(self._details_box())
        content.addWidget(self._invite_box())
        content.addWidget(self._plan_box())
        content.addWidget(self._actions_box())
        outer.addWidget(self.content)

    def _button(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        button.clicked.connect(lambda: slot())
        return button

    def _preview_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_buttons: dict[Audience, QPushButton] = {}
        for audience, text in ((Audience.PROFESSIONAL, "Preview PDF for professionals"),
                               (Audience.FAMILY, "Preview PDF for the family"),
                               (Audience.CHILD, "Preview PDF for the child")):
            button = self._button(text, lambda a=audience: self.preview(a))
            self.preview_buttons[audience] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _details_box(self) -> QGroupBox:
        box = QGroupBox("The meeting")
        box.setAccessibleName("Meeting details")
        form = QFormLayout(box)
        self.details: dict[str, QLineEdit] = {}
        for field, label, hint in (("title", "Title", ""), ("on", "Date", "year-month-day"),
                                   ("start", "Time", "hours:minutes"), ("venue", "Venue", ""),
                                   ("venue_access", "Access", "step-free, parking, a room for private time"),
                                   ("coordinator", "Coordinator", ""), ("purpose", "Purpose", "")):
            edit = QLineEdit()
            edit.setAccessibleName(f"Meeting {label.lower()}")
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(lambda f=field: self._commit_detail(f))
            self.details[field] = edit
            form.addRow(f"{label}:", edit)
        self.bottom_lines = LinesEdit("Bottom lines")
        self.bottom_lines.committed.connect(
            lambda items: self._change_meeting(lambda m: replace(m, bottom_lines=items), "Change bottom lines"))
        form.addRow("Bottom lines:", self.bottom_lines)
        return box

    def _invite_box(self) -> QGroupBox:
        box = QGroupBox("Who is invited")
        box.setAccessibleName("Invite list")
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.invite_button = self._button("Invite the network", self.invite_network, "Ctrl+Shift+I")
        self.add_button = self._button("Add to the list ←", self.add_selected, "Ctrl+Shift+A")
        self.remove_button = self._button("Take off the list →", self.remove_selected, "Ctrl+Shift+D")
        for button in (self.invite_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        self.invites = InviteTable(0, 7)
        self.invites.dropped.connect(self.add_people)
        self.invites.setAccessibleName("Invitations")
        self.invites.setHorizontalHeaderLabels(
            ["Name", "Marked", "Decision", "Reason (never shown to the family)", "Status", "First language",
             "Interpreter"])
        self.invites.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        _widths(self.invites, (170, 100, 140, 220, 110, 130, 100))
        self.invites.verticalHeader().hide()
        self.invites.setMinimumHeight(340)
        self.invites.itemChanged.connect(self._on_invite_item)
        self.others = PeopleList()
        self.others.dropped.connect(self.remove_people)
        self.others.setAccessibleName("Network members not on the list")
        self.others.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.others.setMaximumWidth(170)
        self.others.itemActivated.connect(lambda _item: self.add_selected())  # Enter or double-click
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.invites)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        others = QVBoxLayout()
        hint = QLabel("Not on the list (drag people in or out):")
        hint.setWordWrap(True)
        others.addWidget(hint)
        others.addWidget(self.others)
        row.addWidget(self.invites, 1)
        row.addLayout(others)
        layout.addLayout(row)
        return box

    def _plan_box(self) -> QGroupBox:
        box = QGroupBox("The plan")
        box.setAccessibleName("The plan")
        outer = QVBoxLayout(box)
        row = QHBoxLayout()
        outer.addLayout(row)
        self.columns: dict[str, LinesEdit] = {}
        for field, title in (("worries", "What are we worried about?"), ("working_well", "What's working well?"),
                             ("needs_to_happen", "What needs to happen?")):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            edit = LinesEdit(title)
            edit.setFixedHeight(140)
            edit.committed.connect(lambda items, f=field, t=title: self._change_plan(f, items, t))
            self.columns[field] = edit
            column.addWidget(edit)
            row.addLayout(column)
        form = QFormLayout()
        self.contingency = LinesEdit("If the plan does not work in time")
        self.contingency.setPlaceholderText("What happens if the plan does not work within the child's timeframe")
        self.contingency.committed.connect(
            lambda items: self._change_plan("contingency", "\n".join(items), "If the plan does not work"))
        self.review = QLineEdit()
        self.review.setAccessibleName("Review date")
        self.review.setPlaceholderText("year-month-day")
        self.review.editingFinished.connect(self._commit_review)
        form.addRow("If it does not work:", self.contingency)
        form.addRow("Review date:", self.review)
        outer.addLayout(form)
        return box

    def _actions_box(self) -> QGroupBox:
        box = QGroupBox("Actions")
        box.setAccessibleName("Actions")
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button("Add action", self.add_action, "Ctrl+Shift+N"))
        buttons.addWidget(self._button("Delete action", self.delete_action))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.actions_table = QTableWidget(0, 6)
        self.actions_table.setAccessibleName("Actions table")
        self.actions_table.setHorizontalHeaderLabels(
            ["What", "Who", "By when", "How long", "How we'll know", "Who checks"])
        _widths(self.actions_table, (250, 160, 95, 150, 220, 160))
        self.actions_table.setWordWrap(True)
        self.actions_table.verticalHeader().hide()
        self.actions_table.setMinimumHeight(300)
        self.actions_table.itemChanged.connect(self._on_action_item)
        layout.addWidget(self.actions_table)
        return box

    # ----- showing the document -----------------------------------------------------------------

    @property
    def meeting(self) -> Meeting | None:
        return latest_meeting(self.editor.doc.info.meetings)

    def _on_edited(self, _edit: Edit) -> None:
        # Redraw after the slot that made the edit has returned: the widget that sent it may be
        # one the redraw replaces.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        meeting = self.meeting
        self.empty.setVisible(meeting is None)
        self.content.setVisible(meeting is not None)
        if meeting is None:
            return
        self._refreshing = True
        try:
            for field, edit in self.details.items():
                value = getattr(meeting, field)
                text = "" if value is None else value.isoformat(timespec="minutes") if isinstance(value, time) \
                    else str(value)
                if not edit.hasFocus() and edit.text() != text:
                    edit.setText(text)
            self.bottom_lines.show_items(meeting.bottom_lines)
            for field, edit in self.columns.items():
                edit.show_items(getattr(meeting.plan, field))
            self.contingency.show_items(tuple(meeting.plan.contingency.splitlines()))
            review = meeting.plan.review_date.isoformat() if meeting.plan.review_date else ""
            if not self.review.hasFocus() and self.review.text() != review:
                self.review.setText(review)
            self._show_invitations(meeting)
            self._show_actions(meeting)
        finally:
            self._refreshing = False

    def _name(self, node_id: str) -> str:
        doc = self.editor.doc
        return doc.node(node_id).label if doc.has_node(node_id) else "(no longer in the case)"

    def _show_invitations(self, meeting: Meeting) -> None:
        table = self.invites
        table.blockSignals(True)
        table.setRowCount(len(meeting.invitations))
        for row, inv in enumerate(meeting.invitations):
            name = QTableWidgetItem(self._name(inv.node_id))
            name.setData(Qt.ItemDataRole.UserRole, inv.node_id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            mark = QTableWidgetItem(EXCLUDED_MARK if inv.excluded else "")
            mark.setFlags(mark.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if inv.excluded:
                font = name.font()
                font.setStrikeOut(True)
                name.setFont(font)
                mark.setToolTip(_DECISION_WORDS[inv.decision])
            table.setItem(row, 0, name)
            table.setItem(row, 1, mark)
            decision = _Choice(f"Decision for {name.text()}",
                              [(text, value) for value, text in _DECISION_WORDS.items()], inv.decision)
            decision.currentIndexChanged.connect(
                lambda _i, n=inv.node_id, box=decision: self._set_invitation(n, decision=box.value()))
            table.setCellWidget(row, 2, decision)
            table.setItem(row, 3, QTableWidgetItem(inv.reason))
            status = _Choice(f"Status for {name.text()}", choices(InviteStatus), inv.status)
            status.currentIndexChanged.connect(
                lambda _i, n=inv.node_id, box=status: self._set_invitation(n, status=box.value()))
            table.setCellWidget(row, 4, status)
            table.setItem(row, 5, QTableWidgetItem(inv.first_language))
            interpreter = QTableWidgetItem("Interpreter" if inv.interpreter_needed else "")
            interpreter.setFlags((interpreter.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
            interpreter.setCheckState(Qt.CheckState.Checked if inv.interpreter_needed else Qt.CheckState.Unchecked)
            table.setItem(row, 6, interpreter)
        table.blockSignals(False)

        listed = {i.node_id for i in meeting.invitations}
        self.others.clear()
        for node in self._members():
            if node.id not in listed and not (isinstance(node, Person) and node.is_child_at_centre):
                item = QListWidgetItem(node.label)
                item.setData(Qt.ItemDataRole.UserRole, node.id)
                self.others.addItem(item)

    def _members(self) -> list:  # type: ignore[type-arg]
        """The network first (the order of the invite list), then anyone else in the case."""
        doc = self.editor.doc
        network = me.network_members(doc)
        seen = {n.id for n in network}
        rest = sorted((n for n in doc.nodes() if not isinstance(n, Household) and n.id not in seen),
                      key=lambda n: n.label.casefold())
        return network + rest

    def _show_actions(self, meeting: Meeting) -> None:
        table = self.actions_table
        table.blockSignals(True)
        table.setRowCount(len(meeting.plan.actions))
        people = [("(nobody yet)", "")] + [(n.label, n.id) for n in self._members()]
        for row, action in enumerate(meeting.plan.actions):
            what = QTableWidgetItem(action.what)
            what.setData(Qt.ItemDataRole.UserRole, action.id)
            table.setItem(row, 0, what)
            table.setItem(row, 2, QTableWidgetItem(action.by_when.isoformat() if action.by_when else ""))
            table.setItem(row, 3, QTableWidgetItem(action.how_long))
            table.setItem(row, 4, QTableWidgetItem(action.success_sign))
            for column, field, title in ((1, "who", "Who does"), (5, "checked_by", "Who checks")):
                box = _Choice(f"{title}: {action.what or 'new action'}", people, getattr(action, field))
                box.currentIndexChanged.connect(
                    lambda _i, a=action.id, f=field, b=box: self._change_action(a, **{f: b.value()}))
                table.setCellWidget(row, column, box)
        table.resizeRowsToContents()
        table.blockSignals(False)

    # ----- intents --------------------------------------------------------------------------------

    def _push(self, edit: Edit) -> bool:
        return self.editor.push(edit)

    def plan_meeting(self) -> bool:
        """Create a meeting with the network invited and the standard agenda."""
        return self._push(me.add_meeting(self.editor.doc, me.new_meeting(self.editor.doc),
                                         "Plan a family network meeting"))

    def invite_network(self) -> bool:
        meeting = self.meeting
        return meeting is not None and self._push(me.invite_network(self.editor.doc, meeting.id))

    def _change_meeting(self, how: Callable[[Meeting], Meeting], label: str) -> bool:
        meeting = self.meeting
        if meeting is None or self._refreshing:
            return False
        changed = how(meeting)
        return changed == meeting or self._push(me.update_meeting(self.editor.doc, changed, label))

    def _commit_detail(self, field: str) -> None:
        text = self.details[field].text().strip()
        try:
            value: object = _parse_date(text) if field == "on" else _parse_time(text) if field == "start" else text
        except ValueError as exc:
            self.editor.problem.emit(str(exc))
            return
        label = self.details[field].accessibleName().replace("Meeting ", "")
        self._change_meeting(lambda m: replace(m, **{field: value}), f"Change meeting {label}")

    def _change_plan(self, field: str, value: object, title: str) -> None:
        self._change_meeting(lambda m: replace(m, plan=replace(m.plan, **{field: value})), f"Change “{title}”")

    def _commit_review(self) -> None:
        try:
            review = _parse_date(self.review.text())
        except ValueError as exc:
            self.editor.problem.emit(str(exc))
            return
        self._change_plan("review_date", review, "Review date")

    def _set_invitation(self, node_id: str, **changes: object) -> bool:
        meeting = self.meeting
        invitation = meeting.invitation(node_id) if meeting else None
        if meeting is None or invitation is None or self._refreshing:
            return False
        changed = replace(invitation, **changes)  # type: ignore[arg-type]
        if changed == invitation:
            return False
        return self._push(me.set_invitation(self.editor.doc, meeting.id, changed,
                                            f"Change invitation of {self._name(node_id)}"))

    def _on_invite_item(self, item: QTableWidgetItem) -> None:
        node_id = self.invites.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        if item.column() == 3:
            self._set_invitation(node_id, reason=item.text().strip())
        elif item.column() == 5:
            self._set_invitation(node_id, first_language=item.text().strip())
        elif item.column() == 6:
            self._set_invitation(node_id, interpreter_needed=item.checkState() == Qt.CheckState.Checked)

    def add_selected(self) -> bool:
        return self.add_people([i.data(Qt.ItemDataRole.UserRole) for i in self.others.selectedItems()])

    def remove_selected(self) -> bool:
        rows = sorted({index.row() for index in self.invites.selectedIndexes()})
        return self.remove_people([self.invites.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows])

    def add_people(self, node_ids: list[str]) -> bool:
        """Put these people on the invite list (one undo step); their safety flags still decide."""
        meeting = self.meeting
        doc = self.editor.doc
        chosen = [n for n in dict.fromkeys(node_ids) if doc.has_node(n) and meeting and not meeting.invitation(n)]
        if meeting is None or not chosen:
            return False
        added = meeting.invitations + tuple(me.invitation_for(doc.node(n)) for n in chosen)
        label = f"Invite {self._name(chosen[0])}" if len(chosen) == 1 else f"Invite {len(chosen)} people"
        return self._push(me.update_meeting(doc, replace(meeting, invitations=added), label))

    def remove_people(self, node_ids: list[str]) -> bool:
        """Take these people off the invite list (one undo step)."""
        meeting = self.meeting
        gone = [n for n in dict.fromkeys(node_ids) if meeting and meeting.invitation(n)]
        if meeting is None or not gone:
            return False
        kept = tuple(i for i in meeting.invitations if i.node_id not in gone)
        label = f"Take {self._name(gone[0])} off the list" if len(gone) == 1 else \
            f"Take {len(gone)} people off the list"
        return self._push(me.update_meeting(self.editor.doc, replace(meeting, invitations=kept), label))

    def add_action(self) -> bool:
        meeting = self.meeting
        return meeting is not None and self._push(
            me.set_action(self.editor.doc, meeting.id, Action(what="New action"), "Add action"))

    def delete_action(self) -> bool:
        meeting = self.meeting
        row = self.actions_table.currentRow()
        if meeting is None or row < 0:
            return False
        action_id = self.actions_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        return self._push(me.remove_action(self.editor.doc, meeting.id, action_id))

    def _change_action(self, action_id: str, **changes: object) -> bool:
        meeting = self.meeting
        if meeting is None or self._refreshing:
            return False
        action = meeting.plan.action(action_id)
        changed = replace(action, **changes)  # type: ignore[arg-type]
        if changed == action:
            return False
        return self._push(me.set_action(self.editor.doc, meeting.id, changed, "Change action"))

    def _on_action_item(self, item: QTableWidgetItem) -> None:
        action_id = self.actions_table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        text = item.text().strip()
        if item.column() == 2:
            try:
                self._change_action(action_id, by_when=_parse_date(text))
            except ValueError as exc:
                self.editor.problem.emit(str(exc))
            return
        field = {0: "what", 3: "how_long", 4: "success_sign"}.get(item.column())
        if field:
            self._change_action(action_id, **{field: text})

    # ----- preview --------------------------------------------------------------------------------

    def preview(self, audience: Audience) -> Task | None:
        """Write the plan for ``audience`` to a temporary PDF off the UI thread, then open it."""
        meeting = self.meeting
        if meeting is None:
            return None
        copy = snapshot(self.editor.doc)
        target = self.preview_folder / f"{_file_name(self.editor.doc.info.name)} - plan ({audience.value}).pdf"

        def work(_task: Task) -> Path:
            write_plan(copy, target, audience, meeting=meeting)
            return target

        self.task = run_with_progress(work, "Preparing the preview", self, self._on_preview,
                                      lambda message: self.editor.problem.emit(f"The preview failed: {message}"))
        return self.task

    def _on_preview(self, path: Path) -> None:
        self.preview_written.emit(path)
        if self.open_previews:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

