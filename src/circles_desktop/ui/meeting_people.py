"""Who takes part: the invite list made from the network (with the excluded marked, and people dragged
in and out), and how each child at the centre takes part, with their advocate and their own words."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import (
    Attendance,
    ChildParticipation,
    Invitation,
    InviteDecision,
    InviteStatus,
    Meeting,
)
from ..graph.model import Household, Person
from .editor import CaseEditor
from .meeting_drag import InviteTable, PeopleList
from .meeting_forms import button
from .meeting_records import RecordsSection
from .meeting_table import Column
from .meeting_values import TEXT_LIMIT, checked_text
from .undo import Report
from .words import choices

EXCLUDED_MARK = "⛔ Excluded"  # a word and a sign, never colour alone
DECISION_WORDS = {InviteDecision.INVITE: "Invite", InviteDecision.DO_NOT_INVITE: "Do not invite",
                  InviteDecision.MUST_NOT_BE_TOLD: "Must not be told"}
ATTENDANCE_WORDS = {Attendance.ATTENDS: "Attends", Attendance.PART: "Comes for part of it",
                    Attendance.VIEWS_SHARED: "Does not come; views shared",
                    Attendance.NOT_TAKING_PART: "Not taking part"}


def _line(what: str) -> Any:
    return partial(checked_text, what=what)


class InvitesSection(RecordsSection):
    """The invite list beside the network members not on it; drag or use the buttons between them."""

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("Who is invited", editor, parent)
        self.setAccessibleName("Invite list")
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.invite_button = button("Invite the network", self.invite_network, "Ctrl+Shift+I")
        self.add_button = button("Add to the list ↑", self.add_selected, name="Add to the list")
        self.add_button.setToolTip("Add the people chosen below the list (Enter there does it too)")
        self.remove_button = button("Take off the list ↓", self.remove_selected, name="Take off the list")
        self.remove_button.setToolTip("Take the chosen rows off the list (Delete in the table does it too)")
        for made in (self.invite_button, self.add_button, self.remove_button):
            buttons.addWidget(made)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.invites = self.make_table("Invitations", self._columns(), lambda inv: self.name(inv.node_id),
                                       InviteTable, key=lambda inv: inv.node_id)
        self.invites.dropped.connect(self.add_people)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.invites)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.others = PeopleList()
        self.others.dropped.connect(self.remove_people)
        self.others.setAccessibleName("Network members not on the list")
        self.others.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # people side by side, wrapped, so the invite table above keeps the whole width
        self.others.setFlow(QListView.Flow.LeftToRight)
        self.others.setWrapping(True)
        self.others.setResizeMode(QListView.ResizeMode.Adjust)
        self.others.setSpacing(3)
        self.others.setFixedHeight(self.others.fontMetrics().lineSpacing() * 3 + 16)
        self.others.itemActivated.connect(lambda _item: self.add_selected())  # Enter or double-click
        layout.addWidget(self.invites)
        layout.addWidget(self.invites.error)
        hint = QLabel("Not on the list: drag people up onto it or down off it, or choose them and press Enter.")
        hint.setWordWrap(True)
        hint.setBuddy(self.others)
        layout.addWidget(hint)
        layout.addWidget(self.others)

    def _columns(self) -> list[Column]:
        decisions = [(text, value) for value, text in DECISION_WORDS.items()]
        return [
            Column("Name", 165, text=lambda inv: self.name(inv.node_id)),
            Column("Marked", 95, text=lambda inv: EXCLUDED_MARK if inv.excluded else ""),
            Column("Decision", 140, "decision", choices=lambda _inv: decisions),
            Column("Status", 110, "status", choices=lambda _inv: choices(InviteStatus)),
            Column("First language", 120, "first_language", parse=_line("The first language")),
            Column("Interpreter", 105, "interpreter_needed", check=True,
                   text=lambda inv: "Interpreter" if inv.interpreter_needed else ""),
            Column("Reason (never shown to the family)", 230, "reason", parse=_line("The reason"),
                   hint="why not invited or not told"),
            Column("Access needs", 220, "access_needs", parse=_line("The access needs"), grow=True),
            Column("Private family time", 150, "attends_private_time", check=True,
                   text=lambda inv: "Stays" if inv.attends_private_time else "Leaves the room"),
        ]

    def rows(self, meeting: Meeting) -> tuple[Invitation, ...]:
        return meeting.invitations

    def show_meeting(self, meeting: Meeting) -> None:
        super().show_meeting(meeting)
        for row, invitation in enumerate(meeting.invitations):
            name, mark = self.invites.item(row, 0), self.invites.item(row, 1)
            font = name.font()
            font.setStrikeOut(invitation.excluded)
            self.invites.blockSignals(True)
            name.setFont(font)
            mark.setToolTip(DECISION_WORDS[invitation.decision] if invitation.excluded else "")
            self.invites.blockSignals(False)
        listed = {i.node_id for i in meeting.invitations}
        self.others.clear()
        for node in self._members():
            if node.id not in listed and not (isinstance(node, Person) and node.is_child_at_centre):
                item = QListWidgetItem(node.label)
                item.setData(Qt.ItemDataRole.UserRole, node.id)
                self.others.addItem(item)

    def _members(self) -> list[Any]:
        """The network first (the order of the invite list), then anyone else in the case."""
        network = me.network_members(self.doc)
        seen = {n.id for n in network}
        rest = sorted((n for n in self.doc.nodes() if not isinstance(n, Household) and n.id not in seen),
                      key=lambda n: n.label.casefold())
        return network + rest

    # ----- intents ----------------------------------------------------------------------------------

    def put(self, meeting_id: str, record: Invitation, row: int | None) -> Edit:
        return me.set_invitation(self.doc, meeting_id, record, f"Change invitation of {self.name(record.node_id)}")

    def commit_cell(self, row: int, field: str, value: object, report: Report) -> bool:
        """As any cell, but a decision the person's safety flags forbid is refused, saying why."""
        invitation: Invitation = self.invites.records[row]  # the decision is checked on the row as shown
        node = self.doc.node(invitation.node_id) if self.doc.has_node(invitation.node_id) else None
        required = me.safety_decision(node) if node is not None and not isinstance(node, Household) else None
        if field == "decision" and required is not None and value is not required[0]:
            name = self.name(invitation.node_id)
            report(f"{name}'s safety flags say: {DECISION_WORDS[required[0]].lower()}. Change them in "
                   f"{name}'s properties first, if that is right.")
            return False
        return super().commit_cell(row, field, value, report)

    def invite_network(self) -> bool:
        return self.push(lambda mid: me.invite_network(self.doc, mid))

    def add_selected(self) -> bool:
        return self.add_people([i.data(Qt.ItemDataRole.UserRole) for i in self.others.selectedItems()])

    def remove_selected(self) -> bool:
        rows = sorted({index.row() for index in self.invites.selectedIndexes()})
        return self.remove_people([self.invites.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows])

    def add_people(self, node_ids: list[str]) -> bool:
        """Put these people on the invite list (one undo step); their safety flags still decide."""
        meeting, doc = self.meeting, self.doc
        chosen = [n for n in dict.fromkeys(node_ids) if doc.has_node(n) and meeting and not meeting.invitation(n)]
        if meeting is None or not chosen:
            return False
        added = meeting.invitations + tuple(me.invitation_for(doc.node(n)) for n in chosen)  # type: ignore[arg-type]
        label = f"Invite {self.name(chosen[0])}" if len(chosen) == 1 else f"Invite {len(chosen)} people"
        return self.push(lambda _mid: me.update_meeting(doc, replace(meeting, invitations=added), label))

    def remove_people(self, node_ids: list[str]) -> bool:
        """Take these people off the invite list (one undo step)."""
        meeting = self.meeting
        gone = [n for n in dict.fromkeys(node_ids) if meeting and meeting.invitation(n)]
        if meeting is None or not gone:
            return False
        kept = tuple(i for i in meeting.invitations if i.node_id not in gone)
        label = f"Take {self.name(gone[0])} off the list" if len(gone) == 1 else \
            f"Take {len(gone)} people off the list"
        return self.push(lambda _mid: me.update_meeting(self.doc, replace(meeting, invitations=kept), label))


class ChildrenSection(RecordsSection):
    """Each child at the centre: how they take part, who supports them, and what they want said."""

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("The children", editor, parent)
        self.setAccessibleName("The children's participation")
        layout = QVBoxLayout(self)
        note = QLabel("How each child takes part, who supports them (their advocate), and what they want said, "
                      "in their own words.")
        note.setWordWrap(True)
        layout.addWidget(note)
        attendance = [(text, value) for value, text in ATTENDANCE_WORDS.items()]
        self.make_table(
            "Children's participation",
            # the child's own words first: the child's voice comes first
            [Column("Child", 110, text=lambda c: self.name(c.child_id)),
             Column("In their own words", 290, "own_words", grow=True,
                    parse=partial(checked_text, what="Their own words", limit=TEXT_LIMIT)),
             Column("Taking part", 175, "attendance", choices=lambda _c: attendance),
             Column("Advocate", 160, "advocate_id",
                    choices=lambda c: [i for i in self.people_choices(c.advocate_id, "(no advocate)")
                                       if i[1] != c.child_id]),
             Column("How they take part", 240, "how", parse=_line("How they take part"))],
            lambda c: self.name(c.child_id))
        self.lay_out(layout)

    def rows(self, meeting: Meeting) -> list[ChildParticipation]:
        """The meeting's children, then any child at the centre it does not have yet (added later)."""
        have = {c.child_id for c in meeting.children}
        later = [ChildParticipation(c.id) for c in self.doc.children_at_centre() if not c.deceased and c.id not in have]
        return [*meeting.children, *later]

    def put(self, meeting_id: str, record: ChildParticipation, row: int | None) -> Edit:
        return me.set_participation(self.doc, meeting_id, record)
