"""Scaling (Signs of Safety): the question asked, and each person's answer from 0 to 10 in their words."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import Meeting, ScalingScore
from .editor import CaseEditor
from .meeting_forms import TextBox, add_row
from .meeting_records import EntryForm, RecordsSection
from .meeting_table import Column
from .meeting_values import LINE_LIMIT, TEXT_LIMIT, checked_text, parse_whole


def _score(text: str) -> int:
    return parse_whole(text, "The score", 0, 10) or 0


class ScalingSection(RecordsSection):
    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("Scaling: where would you put things now, from 0 to 10?", editor, parent)
        self.setAccessibleName("Scaling")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.question = TextBox("Scaling question", partial(checked_text, what="The scaling question", required=True,
                                                            limit=LINE_LIMIT * 2, lines=True), lines=3)
        self.question.committed.connect(self._commit_question)
        add_row(form, "Question:", self.question)
        layout.addLayout(form)
        columns = [
            Column("Who", 170, "given_by", choices=lambda s: self.people_choices(s.given_by, "(choose who)")),
            Column("Score (0–10)", 95, "score", parse=_score, hint="0 to 10"),
            Column("Why that number, in their words", 300, "said", grow=True,
                   parse=partial(checked_text, what="Why that number", limit=TEXT_LIMIT)),
        ]
        self.entry = EntryForm("score", columns, ScalingScore("", 0), self.add)
        self.make_table("Scores", columns, lambda s: f"{self.name(s.given_by)}'s score")
        self.lay_out(layout, "Delete score", self.entry)

    def put(self, meeting_id: str, record: ScalingScore, row: int | None) -> Edit:
        return me.set_score(self.doc, meeting_id, record, row)

    def remove(self, meeting_id: str, row: int) -> Edit:
        return me.remove_score(self.doc, meeting_id, row)

    def rows(self, meeting: Meeting) -> tuple[ScalingScore, ...]:
        return meeting.plan.scores

    def show_meeting(self, meeting: Meeting) -> None:
        self.question.show_text(meeting.plan.scaling_question)
        self.entry.refresh_choices()
        super().show_meeting(meeting)

    def _commit_question(self, question: str) -> bool:
        return self.push_plan("scaling_question", question, "Change the scaling question", self.question.report)
