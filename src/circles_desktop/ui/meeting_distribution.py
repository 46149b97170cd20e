"""Who receives the plan: ticked from the network. Anyone who must not be told about the meeting, or
is not to be invited, is shown with the reason and refused if ticked, so a copy never goes to them."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..graph import meeting_edits as me
from ..graph.meeting import Meeting
from .editor import CaseEditor
from .meeting_forms import Section, button, error_label, show_problem

REFUSED_MARK = "⛔"  # with the words that say why, never colour alone


class DistributionSection(Section):
    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("Who receives the plan", editor, parent)
        self.setAccessibleName("Distribution")
        layout = QVBoxLayout(self)
        note = QLabel("Tick everyone who gets a copy. Nobody who must not be told about the meeting, or is not "
                      "to be invited, can receive it.")
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.everyone_button = button("Add everyone invited", self.add_everyone_invited)
        self.everyone_button.setToolTip("The children and everyone on the invite list who may take part")
        self.count = QLabel()
        self.count.setAccessibleName("How many receive the plan")
        row.addWidget(self.everyone_button)
        row.addWidget(self.count, 1)
        layout.addLayout(row)
        self.readers = QListWidget()
        self.readers.setAccessibleName("Who receives the plan")
        self.readers.itemChanged.connect(self._on_item)
        layout.addWidget(self.readers)
        self.error = error_label()
        layout.addWidget(self.error)

    def show_meeting(self, meeting: Meeting) -> None:
        doc = self.doc
        chosen = set(meeting.plan.distribution)
        ids = [n.id for n in me.meeting_people(doc, meeting)] + list(meeting.plan.distribution)
        ids += [i.node_id for i in meeting.invitations] + [n.id for n in me.network_members(doc)]
        blocker = QSignalBlocker(self.readers)
        current = self.readers.currentRow()
        self.readers.clear()
        for node_id in dict.fromkeys(i for i in ids if doc.has_node(i)):
            why = me.left_out(doc, meeting, node_id)
            name = self.name(node_id)
            text = name + (f"  {REFUSED_MARK} {why.removeprefix(name).strip()}: cannot receive the plan" if why else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, node_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if node_id in chosen else Qt.CheckState.Unchecked)
            if why:
                item.setToolTip(f"{why}, so they cannot receive the plan.")
            self.readers.addItem(item)
        self.readers.setCurrentRow(min(current, self.readers.count() - 1))
        del blocker
        # every name in sight, so the page scrolls rather than a small list inside it
        rows = sum(self.readers.sizeHintForRow(r) for r in range(self.readers.count()))
        rows += self.fontMetrics().lineSpacing() * max(0, 3 - self.readers.count())
        self.readers.setFixedHeight(rows + 2 * self.readers.frameWidth() + 4)
        total = len(meeting.plan.distribution)
        self.count.setText(f"{total} {'receives' if total == 1 else 'receive'} the plan")

    def _on_item(self, item: QListWidgetItem) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        node_id = item.data(Qt.ItemDataRole.UserRole)
        readers = [r for r in meeting.plan.distribution if r != node_id]
        name = self.name(node_id)
        if item.checkState() == Qt.CheckState.Checked:
            readers.append(node_id)
            label = f"Send the plan to {name}"
        else:
            label = f"Stop sending the plan to {name}"
        if not self.push(lambda mid: me.set_distribution(self.doc, mid, readers, label), self._tell):
            self.show_meeting(meeting)  # the tick as it really is; the reason stays under the list
            return
        self._tell("")

    def _tell(self, message: str) -> None:
        show_problem(self.error, message, "who receives the plan")

    def add_everyone_invited(self) -> bool:
        meeting = self.meeting
        if meeting is None:
            return False
        readers = meeting.plan.distribution + me.everyone_invited(self.doc, meeting)
        done = self.push(lambda mid: me.set_distribution(self.doc, mid, readers, "Send the plan to everyone invited"),
                         self._tell)
        if done:
            self._tell("")
        return done
