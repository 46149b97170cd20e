"""The plan's words: the three Signs of Safety columns, what happens if the plan does not work within
the child's timeframe, and when it is reviewed."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..graph import meeting_edits as me
from ..graph.meeting import Meeting
from .editor import CaseEditor
from .meeting_forms import CheckedLine, Section, TextBox, add_row, lines_of
from .meeting_values import TEXT_LIMIT, checked_text, parse_date

COLUMNS = (("worries", "What are we worried about?"), ("working_well", "What's working well?"),
           ("needs_to_happen", "What needs to happen?"))


class ColumnsSection(Section):
    """Worries, strengths and next steps side by side, each a list typed one item a line."""

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("The plan", editor, parent)
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        outer.addLayout(row)
        self.columns: dict[str, TextBox] = {}
        for field, title in COLUMNS:
            name = title
            column = QVBoxLayout()
            edit = TextBox(name, partial(lines_of, what=f"“{name}”"), "One a line; a blank line between them reads best", lines=11)
            edit.committed.connect(lambda items, f=field, t=name: self._commit(f, items, t))
            caption = QLabel(title)
            caption.setBuddy(edit)
            column.addWidget(caption)
            column.addWidget(edit)
            column.addWidget(edit.error)
            self.columns[field] = edit
            row.addLayout(column)

    def show_meeting(self, meeting: Meeting) -> None:
        for field, edit in self.columns.items():
            edit.show_text("\n\n".join(getattr(meeting.plan, field)))  # a blank line between items

    def _commit(self, field: str, items: tuple[str, ...], title: str) -> bool:
        return self.push_plan(field, items, f"Change “{title}”", self.columns[field].report)


class ContingencySection(Section):
    """The fallback if the plan does not work in time, and the review date (after the meeting)."""

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("If the plan does not work, and the review", editor, parent)
        self.setAccessibleName("Contingency and review")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contingency = TextBox("If the plan does not work in time",
                                   partial(checked_text, what="The contingency plan", limit=TEXT_LIMIT, lines=True),
                                   "What happens if the plan does not work within the child's timeframe", lines=5)
        self.contingency.committed.connect(self._commit_contingency)
        self.review = CheckedLine("Review date", partial(parse_date, what="The review date"),
                                  "year-month-day, after the meeting")
        self.review.committed.connect(self._commit_review)
        add_row(form, "If it does not work:", self.contingency)
        add_row(form, "Review date:", self.review)

    def show_meeting(self, meeting: Meeting) -> None:
        self.contingency.show_text(meeting.plan.contingency)
        review = meeting.plan.review_date
        self.review.show_text(review.isoformat() if review else "")

    def _commit_contingency(self, text: str) -> bool:
        return self.push_plan("contingency", text, "Change “If the plan does not work”", self.contingency.report)

    def _commit_review(self, review: object) -> bool:
        meeting = self.meeting
        if meeting is None or meeting.plan.review_date == review:
            return False
        return self.push(lambda mid: me.set_review_date(self.doc, mid, review), self.review.report)  # type: ignore[arg-type]
