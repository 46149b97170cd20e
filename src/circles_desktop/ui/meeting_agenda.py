"""The agenda of the day: the conference stages in order, with private family time, how long each
part takes and who leads it; started from the standard agenda and changed row by row."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import AgendaItem, Meeting, Stage
from .editor import CaseEditor
from .meeting_forms import button
from .meeting_records import RecordsSection
from .meeting_table import Column
from .meeting_values import checked_text, parse_whole

MAX_MINUTES = 480  # a whole working day; a longer part is a typing slip
STAGE_WORDS = {Stage.WELCOME: "Welcome", Stage.INFORMATION: "Information sharing",
               Stage.PRIVATE_FAMILY_TIME: "Private family time", Stage.AGREE_PLAN: "Agreeing the plan",
               Stage.NEXT_STEPS: "Next steps"}


def _minutes(text: str) -> int:
    return parse_whole(text, "The time in minutes", 0, MAX_MINUTES, required=False) or 0


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return " ".join(part for part in (f"{hours} h" if hours else "", f"{rest} min" if rest or not hours else "")
                    if part)


class AgendaSection(RecordsSection):
    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("Agenda", editor, parent)
        layout = QVBoxLayout(self)
        note = QLabel("The stages of the day. In private family time the professionals leave the room so the "
                      "family and friends can make their own plan.")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QHBoxLayout()
        self.add_button = button("Add item", self.add_item, name="Add agenda item")
        self.delete_button = button("Delete item", self.delete_row, name="Delete agenda item")
        self.up_button = button("Move up", lambda: self.move_item(-1), name="Move agenda item up")
        self.down_button = button("Move down", lambda: self.move_item(1), name="Move agenda item down")
        self.standard_button = button("Start from the standard agenda", self.use_standard)
        for made in (self.add_button, self.delete_button, self.up_button, self.down_button, self.standard_button):
            buttons.addWidget(made)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        stages = [(text, value) for value, text in STAGE_WORDS.items()]
        self.make_table("Agenda items", [
            Column("Stage", 160, "stage", choices=lambda _item: stages),
            Column("What happens", 260, "title", parse=partial(checked_text, what="What happens", required=True),
                   grow=True),
            Column("Minutes", 70, "minutes", parse=_minutes, text=lambda item: str(item.minutes or ""),
                   hint="0 to 480"),
            Column("Led by", 170, "led_by", parse=partial(checked_text, what="Who leads"), suggest=self._names,
                   hint="a role or a name"),
            Column("In the room", 175, text=lambda item: "Everyone" if item.professionals_present
                   else "Family and friends only"),
            Column("Notes", 200, "notes", parse=partial(checked_text, what="The notes")),
        ], lambda item: item.title)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_item(s))
        self.up_button.setToolTip("Move the chosen item up (Alt+Up in the table)")
        self.down_button.setToolTip("Move the chosen item down (Alt+Down in the table)")
        self.lay_out(layout)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Agenda time")
        layout.addWidget(self.summary)
        self._select: int | None = None

    def _names(self) -> list[str]:
        meeting = self.meeting
        people = me.meeting_people(self.doc, meeting) if meeting else []
        return ["the coordinator", "the family", "the social worker", *(n.label for n in people)]

    def rows(self, meeting: Meeting) -> tuple[AgendaItem, ...]:
        return meeting.agenda

    def show_meeting(self, meeting: Meeting) -> None:
        super().show_meeting(meeting)
        for row, item in enumerate(meeting.agenda):  # private family time stands out, in words and in bold
            stage = self.table.item(row, 0)
            if stage.font().bold() != (item.stage is Stage.PRIVATE_FAMILY_TIME):
                font = stage.font()
                font.setBold(item.stage is Stage.PRIVATE_FAMILY_TIME)
                self.table.blockSignals(True)
                stage.setFont(font)
                self.table.blockSignals(False)
        if self._select is not None and self._select < self.table.rowCount():
            self.table.setCurrentCell(self._select, 1)
        self._select = None
        self.summary.setText(self._summary(meeting))

    @staticmethod
    def _summary(meeting: Meeting) -> str:
        total = sum(item.minutes for item in meeting.agenda)
        words = f"Total time: {duration(total)}"
        if meeting.start is not None and total:
            end = datetime.combine(datetime.min, meeting.start) + timedelta(minutes=total)
            words += f", from {meeting.start:%H:%M} to {end:%H:%M}"
        if meeting.agenda and not any(item.stage is Stage.PRIVATE_FAMILY_TIME for item in meeting.agenda):
            words += ". There is no private family time on this agenda yet."
        return words + ("." if not words.endswith(".") else "")

    # ----- intents ----------------------------------------------------------------------------------

    def put(self, meeting_id: str, record: AgendaItem, row: int | None) -> Edit:
        return me.set_agenda_item(self.doc, meeting_id, record, row)

    def remove(self, meeting_id: str, row: int) -> Edit:
        return me.remove_agenda_item(self.doc, meeting_id, row)

    def use_standard(self) -> bool:
        return self.push(lambda mid: me.use_standard_agenda(self.doc, mid))

    def add_item(self) -> bool:
        """A new item after the chosen one (at the end when none is chosen), in the same stage."""
        row = self.table.current_record_row()
        records = self.table.records
        stage = records[row].stage if row >= 0 else records[-1].stage if records else Stage.WELCOME
        at = row + 1 if row >= 0 else len(records)
        self._select = at
        return self.push(lambda mid: me.insert_agenda_item(self.doc, mid, AgendaItem(stage, "New item"), at))

    def move_item(self, step: int) -> bool:
        row = self.table.current_record_row()
        to = row + step
        if row < 0 or not 0 <= to < len(self.table.records):
            return False
        self._select = to
        return self.push(lambda mid: me.move_agenda_item(self.doc, mid, row, to))
