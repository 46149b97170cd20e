"""The meeting's own details: title, when, where and how to get in, who coordinates, why, and the
professionals' bottom lines (what any safe plan must achieve)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from functools import partial
from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget

from ..graph import meeting_edits as me
from ..graph.meeting import Meeting
from .editor import CaseEditor
from .meeting_forms import CheckedLine, Section, TextBox, add_row, lines_of
from .meeting_values import TEXT_LIMIT, checked_text, parse_date, parse_time


def _text(what: str, required: bool = False) -> Callable[[str], str]:
    return partial(checked_text, what=what, required=required)


def _long(what: str) -> Callable[[str], str]:
    return partial(checked_text, what=what, limit=TEXT_LIMIT, lines=True)


# field, label, the parse, a hint, lines (0: one line)
_FIELDS: tuple[tuple[str, str, Callable[[str], Any], str, int], ...] = (
    ("title", "Title", _text("The title", required=True), "", 0),
    ("on", "Date", partial(parse_date, what="The meeting date"), "year-month-day, e.g. 2026-12-05", 0),
    ("start", "Time", partial(parse_time, what="The start time"), "hours:minutes, e.g. 10:00", 0),
    ("venue", "Venue", _text("The venue"), "the place and the room", 0),
    ("venue_access", "Access", _long("Access to the venue"),
     "step-free, parking, a separate room for private family time, joining by video", 3),
    ("coordinator", "Coordinator", _text("The coordinator"), "the independent coordinator's name", 0),
    ("purpose", "Purpose", _long("The purpose"), "what the family and professionals want the meeting to achieve", 2),
    ("bottom_lines", "Bottom lines", partial(lines_of, what="The bottom lines"),
     "What any safe plan must achieve, one a line", 6),
)


def shown(value: object) -> str:
    """The text a field shows for a stored value."""
    if value is None:
        return ""
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "\n\n".join(value)  # a blank line between items: a long one reads as one
    return str(value)


class DetailsSection(Section):
    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__("The meeting", editor, parent)
        self.setAccessibleName("Meeting details")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, CheckedLine | TextBox] = {}
        for field, label, parse, hint, lines in _FIELDS:
            name = f"Meeting {label.lower()}"
            widget = TextBox(name, parse, hint, lines) if lines else CheckedLine(name, parse, hint)
            widget.committed.connect(lambda value, f=field: self._commit(f, value))
            self.fields[field] = widget
            add_row(form, f"{label}:", widget)

    def show_meeting(self, meeting: Meeting) -> None:
        for field, widget in self.fields.items():
            widget.show_text(shown(getattr(meeting, field)))

    def _commit(self, field: str, value: object) -> bool:
        meeting = self.meeting
        if meeting is None or getattr(meeting, field) == value:
            return False
        widget = self.fields[field]
        words = widget.accessibleName().replace("Meeting ", "")
        if field in ("on", "start"):
            on, start = (value, meeting.start) if field == "on" else (meeting.on, value)
            return self.push(lambda mid: me.set_when(self.doc, mid, on, start, f"Change meeting {words}"),  # type: ignore[arg-type]
                             widget.report)
        changed = replace(meeting, **{field: value})
        return self.push(lambda _mid: me.update_meeting(self.doc, changed, f"Change meeting {words}"), widget.report)
