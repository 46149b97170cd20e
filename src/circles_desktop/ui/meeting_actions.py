"""The plan's actions: what, who (a node of the network), by when, for how long, how we will know it
has worked, and who checks."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import Action, Meeting
from .editor import CaseEditor
from .meeting_forms import button
from .meeting_records import RecordsSection
from .meeting_table import Column
from .meeting_values import checked_text, parse_date


class ActionsSection(RecordsSection):
    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("Actions", editor, parent)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = button("Add action", self.add_action)
        self.delete_button = button("Delete action", self.delete_row)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.make_table("Actions table", [
            Column("What", 250, "what", parse=partial(checked_text, what="What will happen", required=True),
                   grow=True),
            Column("Who", 165, "who", choices=lambda a: self.people_choices(a.who)),
            Column("By when", 100, "by_when", parse=partial(parse_date, what="By when"), hint="year-month-day"),
            Column("How long", 150, "how_long", parse=partial(checked_text, what="How long")),
            Column("How we'll know", 220, "success_sign", parse=partial(checked_text, what="How we'll know")),
            Column("Who checks", 165, "checked_by", choices=lambda a: self.people_choices(a.checked_by)),
        ], lambda a: a.what or "new action", key=lambda a: a.id)
        self.lay_out(layout)

    def put(self, meeting_id: str, record: Action, row: int | None) -> Edit:
        return me.set_action(self.doc, meeting_id, record, "Add action" if row is None else "Change action")

    def remove(self, meeting_id: str, row: int) -> Edit:
        return me.remove_action(self.doc, meeting_id, self.table.records[row].id)

    def rows(self, meeting: Meeting) -> tuple[Action, ...]:
        return meeting.plan.actions

    def add_action(self) -> bool:
        return self.add(Action(what="New action"), self.editor.problem.emit)
