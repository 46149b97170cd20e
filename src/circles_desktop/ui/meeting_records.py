"""A section that is a list of the meeting's records: the table, a Delete button, and for records
with no sensible blank (a score nobody gave) a row of fields to type a new one into.

Subclasses say which records they show and which builder of :mod:`..graph.meeting_edits` puts one in
or takes one out; typing into a cell, adding and deleting are then one undoable edit each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..graph.edits import Edit
from ..graph.meeting import Meeting
from .meeting_forms import CheckedLine, Choice, Section, error_label, show_problem
from .meeting_table import Column, RecordTable
from .undo import Report


class EntryForm(QWidget):
    """A new record typed in a row of fields made from the table's columns, added in one edit.

    For records that have no sensible blank to add and fill in later (a score nobody gave): every
    field is checked as typed, and Add (or Enter) refuses, keeping what was typed, until all are right.
    """

    def __init__(self, what: str, columns: Sequence[Column], blank: Any,
                 add: Callable[[Any, Report], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"New {what}")
        self.blank = blank
        self.add = add
        self.columns = [c for c in columns if c.field and (c.parse is not None or c.choices is not None)]
        self.fields: dict[str, Choice | CheckedLine] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, column in enumerate(self.columns):
            field: Choice | CheckedLine
            if column.choices is not None:
                field = Choice(f"New {what}: {column.title.lower()}", column.choices(blank), getattr(blank, column.field))
            else:
                assert column.parse is not None
                field = CheckedLine(f"New {what}: {column.title.lower()}", column.parse, column.hint)
                field.returnPressed.connect(self.submit)
            # widths as in the table below, whatever the text in them
            field.setSizePolicy(QSizePolicy.Policy.Ignored, field.sizePolicy().verticalPolicy())
            field.setMinimumWidth(min(column.width, 90))
            caption = QLabel(column.title)
            caption.setBuddy(field)
            grid.addWidget(caption, 0, col)
            grid.addWidget(field, 1, col)
            grid.setColumnStretch(col, column.width)
            self.fields[column.field] = field
        self.add_button = QPushButton(f"Add {what}")
        self.add_button.setAccessibleName(f"Add {what}")
        self.add_button.clicked.connect(self.submit)
        grid.addWidget(self.add_button, 1, len(self.columns))
        self.error = error_label()
        for row, field in enumerate((f for f in self.fields.values() if isinstance(f, CheckedLine)), start=2):
            grid.addWidget(field.error, row, 0, 1, len(self.columns) + 1)
        grid.addWidget(self.error, len(self.fields) + 2, 0, 1, len(self.columns) + 1)
        self._what = what

    def refresh_choices(self) -> None:
        """The people who may be chosen change with the network and the invite list."""
        for column in self.columns:
            field = self.fields[column.field]
            if isinstance(field, Choice) and column.choices is not None:
                field.set_items(column.choices(self.blank), field.value())

    def submit(self) -> bool:
        """Add the record typed; False (with every problem shown, the text kept) when it is not right yet."""
        wrong = [f for f in self.fields.values() if isinstance(f, CheckedLine) and not f.check()]
        if wrong:
            wrong[0].setFocus()
            return False
        values = {name: f.value() if isinstance(f, Choice) else f.parsed() for name, f in self.fields.items()}
        try:
            record = replace(self.blank, **values)
        except ValueError as exc:  # the model's own check (a score from 0 to 10)
            self.tell(str(exc))
            return False
        if not self.add(record, self.tell):
            return False
        self.tell("")
        for field in self.fields.values():
            if isinstance(field, CheckedLine):
                field.clear()
            else:
                field.setCurrentIndex(0)
        next(iter(self.fields.values())).setFocus()
        return True

    def tell(self, message: str) -> None:
        show_problem(self.error, message, f"the new {self._what}")


class RecordsSection(Section):
    """A section showing one list of the meeting's records, changed a cell, a new record or a deleted
    row at a time; subclasses say which builder puts a record in and which takes a row out."""

    table: RecordTable

    def rows(self, meeting: Meeting) -> Sequence[Any]:
        """The records the table shows, in their order."""
        raise NotImplementedError

    def show_meeting(self, meeting: Meeting) -> None:
        self.table.show_records(self.rows(meeting))

    def put(self, meeting_id: str, record: Any, row: int | None) -> Edit:
        """The edit that adds ``record`` (``row`` None) or puts it in place of row ``row``."""
        raise NotImplementedError

    def remove(self, meeting_id: str, row: int) -> Edit:
        raise NotImplementedError

    def make_table(self, name: str, columns: Sequence[Column], describe: Callable[[Any], str],
                   table_type: type[RecordTable] | None = None, **options: Any) -> RecordTable:
        self.table = (table_type or RecordTable)(name, columns, self.commit_cell, describe=describe, **options)
        return self.table

    def lay_out(self, layout: QVBoxLayout, delete: str = "", entry: EntryForm | None = None) -> None:
        """The entry form (if any), the table with its problem line, and a Delete button (if any) under it."""
        if entry is not None:
            layout.addWidget(entry)
        layout.addWidget(self.table)
        layout.addWidget(self.table.error)
        if delete:
            row = QHBoxLayout()
            self.delete_button = QPushButton(delete)
            self.delete_button.setAccessibleName(delete)
            self.delete_button.clicked.connect(self.delete_row)
            row.addWidget(self.delete_button)
            row.addStretch(1)
            layout.addLayout(row)

    def commit_cell(self, row: int, field: str, value: Any, report: Report) -> bool:
        """Change one field of the record in ``row`` as the document holds it now: two cells changed
        before the table is redrawn (a tick right after typing) must not undo each other."""
        meeting = self.meeting
        rows = self.rows(meeting) if meeting is not None else []
        key = self.table.key
        if row >= len(rows) or (key is not None and key(rows[row]) != key(self.table.records[row])):
            report("The list changed while you typed; type it again in the row where it belongs.")
            return False
        record = rows[row]
        if getattr(record, field) == value:
            return True
        changed = replace(record, **{field: value})
        return self.push(lambda mid: self.put(mid, changed, row), report)

    def add(self, record: Any, report: Report) -> bool:
        return self.push(lambda mid: self.put(mid, record, None), report)

    def delete_row(self) -> bool:
        row = self.table.current_record_row()
        return row >= 0 and self.push(lambda mid: self.remove(mid, row))
