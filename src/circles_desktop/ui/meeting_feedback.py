"""What family members said about the plan and the meeting afterwards, so feedback shapes the service."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import Feedback, Meeting
from .editor import CaseEditor
from .meeting_records import EntryForm, RecordsSection
from .meeting_table import Column
from .meeting_values import TEXT_LIMIT, checked_text, parse_date, parse_whole


def _helpful(text: str) -> int | None:
    return parse_whole(text, "How helpful", 1, 5, required=False)


class FeedbackSection(RecordsSection):
    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("Family feedback after the meeting", editor, parent)
        self.setAccessibleName("Family feedback")
        layout = QVBoxLayout(self)
        note = QLabel("What family members said about the plan and the meeting afterwards. How helpful: "
                      "1 (not at all) to 5 (very), if they gave a number.")
        note.setWordWrap(True)
        layout.addWidget(note)
        columns = [
            Column("Who", 160, "given_by", choices=lambda f: self.people_choices(f.given_by, "(choose who)")),
            Column("When", 105, "on", parse=partial(parse_date, what="The date of the feedback"),
                   hint="year-month-day"),
            Column("What they said", 240, "text", grow=True,
                   parse=partial(checked_text, what="What they said", required=True, limit=TEXT_LIMIT)),
            Column("How helpful (1–5)", 120, "helpful", parse=_helpful, hint="1 to 5"),
        ]
        self.entry = EntryForm("feedback", columns, Feedback("", ""), self.add)
        self.make_table("Feedback", columns, lambda f: f"feedback from {self.name(f.given_by)}")
        self.lay_out(layout, "Delete feedback", self.entry)

    def put(self, meeting_id: str, record: Feedback, row: int | None) -> Edit:
        return me.set_feedback(self.doc, meeting_id, record, row)

    def remove(self, meeting_id: str, row: int) -> Edit:
        return me.remove_feedback(self.doc, meeting_id, row)

    def rows(self, meeting: Meeting) -> tuple[Feedback, ...]:
        return meeting.plan.feedback

    def show_meeting(self, meeting: Meeting) -> None:
        self.entry.refresh_choices()
        super().show_meeting(meeting)
