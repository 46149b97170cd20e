"""A table of a meeting's records (agenda items, scores, actions, invitations…) edited in their cells.

Each column says how its cells read and change a field of the record: typed text parsed by a
function of :mod:`.meeting_values`, a drop-down of choices, or a tick box. A cell is checked while it
is typed; a value that is refused (by the parser or by the document) stays in the cell as typed,
marked, with the problem under the table, until it is put right, even when the table is redrawn
after other edits. Only valid values reach the section's ``commit``, which makes one edit of each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..graph.edits import Edit
from ..graph.meeting import Meeting
from .meeting_forms import (
    LONGEST,
    CheckedLine,
    Choice,
    Parse,
    Section,
    error_label,
    show_problem,
)
from .undo import Report

WRONG = QColor("#fde7e9")  # a refused cell; its problem is also written under the table
WRONG_EDITOR = "QLineEdit { border: 2px solid #b00020; }"
MIN_ROWS = 2  # an empty table still shows room for rows (and for people dragged onto it)
MAX_HEIGHT = 700  # beyond this many pixels of rows the table scrolls in the page

Commit = Callable[[int, str, Any, Report], bool]  # row, field, value, where to say why not → done


@dataclass(frozen=True)
class Column:
    """How one column shows a record and changes one of its fields."""

    title: str
    width: int
    field: str = ""  # the record's field a change sets; "" for a column that only shows
    text: Callable[[Any], str] | None = None  # the cell's words (default: the field's value)
    parse: Parse | None = None  # typed text → value; a text cell that can be edited
    choices: Callable[[Any], Sequence[tuple[str, object]]] | None = None  # a drop-down, per record
    check: bool = False  # a tick box for a True/False field
    suggest: Callable[[], list[str]] | None = None  # completions offered while typing
    hint: str = ""  # what to type, shown in an empty field
    grow: bool = False  # takes the room a wide window leaves (the column of long text)

    def shown(self, record: Any) -> str:
        if self.text is not None:
            return self.text(record)
        value = getattr(record, self.field)
        if self.choices is not None:
            return next((text for text, choice in self.choices(record) if choice == value), "")
        return "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)


class _ChoiceEditor(Choice):
    """The drop-down a choice cell opens. A pick from its list is the choice made; an arrow key only
    moves through the choices (Enter, Tab or leaving the cell makes it), so browsing changes nothing."""

    picked = Signal()

    def __init__(self, name: str, items: Sequence[tuple[str, object]], current: object, parent: QWidget) -> None:
        super().__init__(name, items, current, parent)
        self._shown_at = self.currentIndex()

    def showPopup(self) -> None:
        self._shown_at = self.currentIndex()
        super().showPopup()

    def hidePopup(self) -> None:
        # A row picked in the list becomes the current one just before the list hides; Escape
        # hides it with the current one unchanged.
        super().hidePopup()
        if self.currentIndex() != self._shown_at:
            self.picked.emit()


class _CheckedCells(QStyledItemDelegate):
    """Cell editors: text checked while it is typed (with names offered where a column has them), and
    a drop-down for a choice; a choice cell is drawn with a drop-down arrow so it reads as one."""

    ARROW = 16  # pixels kept at the right of a choice cell for its arrow

    def __init__(self, table: RecordTable) -> None:
        super().__init__(table)
        self.table = table

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        column = self.table.columns[index.column()]
        if column.choices is not None:
            record = self.table.records[index.row()]
            box = _ChoiceEditor(f"{column.title}: {self.table.describe(record)}", column.choices(record),
                                getattr(record, column.field), parent)
            box.picked.connect(lambda: (self.commitData.emit(box), self.closeEditor.emit(box)))
            return box
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and column.parse is not None:
            row = index.row()
            editor.setAccessibleName(f"{column.title}, row {row + 1}")
            editor.setMaxLength(LONGEST)
            editor.setPlaceholderText(column.hint)
            editor.textEdited.connect(lambda text, e=editor: self.table.typed(row, column, text, e))
            if column.suggest is not None:
                completer = QCompleter(column.suggest(), editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.setCompleter(completer)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if not isinstance(editor, Choice):  # a drop-down shows its choice from the start; a redraw
            super().setEditorData(editor, index)  # must not move it while it is being chosen from

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, Choice):  # the choice goes to the document; the redraw shows it
            self.table.choose(index.row(), index.column(), editor.value())
            return
        super().setModelData(editor, model, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if self.table.columns[index.column()].choices is None:
            super().paint(painter, option, index)
            return
        style = self.table.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self.table)
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(0, 0, -self.ARROW, 0)
        super().paint(painter, text, index)
        arrow = QStyleOption()
        arrow.initFrom(self.table)
        arrow.rect = QRect(option.rect.right() - self.ARROW + 3, option.rect.center().y() - 4, 9, 9)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, arrow, painter, self.table)


class RecordTable(QTableWidget):
    """Rows of records, cells edited in place; ``commit`` turns one cell's new value into one edit."""

    def __init__(self, name: str, columns: Sequence[Column], commit: Commit,
                 describe: Callable[[Any], str] = str, key: Callable[[Any], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self.setAccessibleName(name)
        self.columns = tuple(columns)
        self.commit = commit
        self.describe = describe  # a record in a few words, for the names of its drop-downs
        self.key = key  # a record's id, kept in the first cell (what a drag carries)
        self.records: list[Any] = []
        self.error = error_label()
        self._pending: dict[tuple[int, int], tuple[str, str]] = {}  # refused text and why, by cell
        self._notice = ""  # why a choice or a tick was refused (it is shown as it was)
        self.setHorizontalHeaderLabels([c.title for c in self.columns])
        for col, column in enumerate(self.columns):  # wide enough to read: a narrow window scrolls
            self.horizontalHeader().resizeSection(col, column.width)  # sideways, never squeezes the text
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setItemDelegate(_CheckedCells(self))
        self.itemChanged.connect(self._on_item)
        self.clicked.connect(self._on_clicked)

    # ----- showing ---------------------------------------------------------------------------------

    def show_records(self, records: Sequence[Any]) -> None:
        """Show these records, changing only the cells that differ (an open editor stays open)."""
        self.records = list(records)
        self.blockSignals(True)
        try:
            self.setRowCount(len(self.records))
            for row, record in enumerate(self.records):
                for col, column in enumerate(self.columns):
                    self._show_item(row, col, column, record)
            self._pending = {cell: kept for cell, kept in self._pending.items() if cell[0] < len(self.records)}
            for (row, col), (text, message) in self._pending.items():
                self._mark(self.item(row, col), text, message)
        finally:
            self.blockSignals(False)
        self._fit()
        self._show_error()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The long-text column takes the room a wide window leaves (a narrow one scrolls sideways),
        and the table is as tall as its rows, so the page scrolls rather than the table in it."""
        grow = next((i for i, c in enumerate(self.columns) if c.grow), None)
        if grow is not None:
            others = sum(c.width for i, c in enumerate(self.columns) if i != grow)
            self.horizontalHeader().resizeSection(grow, max(self.columns[grow].width,
                                                            self.viewport().width() - others))
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        spare = self.verticalHeader().defaultSectionSize() * max(0, MIN_ROWS - self.rowCount())
        sideways = self.horizontalHeader().length() > self.viewport().width()
        height = (self.horizontalHeader().height() + rows + spare + 2 * self.frameWidth() + 2
                  + (self.horizontalScrollBar().sizeHint().height() if sideways else 0))
        self.setFixedHeight(min(height, MAX_HEIGHT))

    def _show_item(self, row: int, col: int, column: Column, record: Any) -> None:
        item = self.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.setItem(row, col, item)
        # Only what differs is set: any change to an item tells an open editor to show the item's
        # text again, which would wipe what is being typed in it.
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if column.parse is not None or column.choices is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column.check:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            state = Qt.CheckState.Checked if getattr(record, column.field) else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        if item.flags() != flags:
            item.setFlags(flags)
        text = column.shown(record)
        if item.text() != text:
            item.setText(text)
        if item.background().style() != Qt.BrushStyle.NoBrush:
            item.setBackground(QBrush())
        tip = text if len(text) > 40 else ""
        if item.toolTip() != tip:
            item.setToolTip(tip)
        if col == 0 and self.key is not None and item.data(Qt.ItemDataRole.UserRole) != self.key(record):
            item.setData(Qt.ItemDataRole.UserRole, self.key(record))

    # ----- changing --------------------------------------------------------------------------------

    def _on_item(self, item: QTableWidgetItem) -> None:
        row, col = item.row(), item.column()
        column = self.columns[col]
        if column.check:
            if not self._send(row, col, item.checkState() == Qt.CheckState.Checked, ""):
                self.show_records(self.records)  # the tick as it really is; the reason is shown
            return
        if column.parse is None:
            return
        try:
            value = column.parse(item.text())
        except ValueError as exc:
            self._keep(row, col, item.text(), str(exc))
            return
        self._send(row, col, value, item.text())

    def _on_clicked(self, index: QModelIndex) -> None:
        """One click on a choice opens its list (the keyboard's way is F2, or typing, then the arrows)."""
        if self.columns[index.column()].choices is not None and index.row() < len(self.records):
            self.edit(index)
            editor = self.indexWidget(index)
            if isinstance(editor, Choice):
                editor.showPopup()

    def choose(self, row: int, col: int, value: object) -> bool:
        """Make a choice in a cell; a refusal is said under the table and the cell keeps what was held."""
        return row < len(self.records) and self._send(row, col, value, "")

    def _send(self, row: int, col: int, value: Any, text: str) -> bool:
        if row >= len(self.records):
            return False
        problems: list[str] = []
        self._notice = ""
        if self.commit(row, self.columns[col].field, value, problems.append):
            self._pending.pop((row, col), None)
            self._show_error()
            return True
        if text and problems:
            self._keep(row, col, text, problems[-1])
        elif problems:
            self._notice = problems[-1]
            self._show_error()
        return False

    def _keep(self, row: int, col: int, text: str, message: str) -> None:
        """Keep refused text in its cell, marked, with the reason under the table."""
        self._pending[(row, col)] = (text, f"Row {row + 1}, {self.columns[col].title}: {message}")
        self.blockSignals(True)
        self._mark(self.item(row, col), text, self._pending[(row, col)][1])
        self.blockSignals(False)
        self._show_error()

    @staticmethod
    def _mark(item: QTableWidgetItem, text: str, message: str) -> None:
        if item.text() != text:
            item.setText(text)
        if item.background().color() != WRONG:
            item.setBackground(WRONG)
        if item.toolTip() != message:
            item.setToolTip(message)

    def _show_error(self) -> None:
        message = next(reversed(self._pending.values()))[1] if self._pending else self._notice
        show_problem(self.error, message, self.accessibleName().lower())

    def typed(self, row: int, column: Column, text: str, editor: QLineEdit) -> None:
        """Check a cell while it is typed: the editor and the line under the table say what is wrong."""
        assert column.parse is not None
        try:
            column.parse(text)
        except ValueError as exc:
            editor.setStyleSheet(WRONG_EDITOR)
            show_problem(self.error, f"Row {row + 1}, {column.title}: {exc}", self.accessibleName().lower())
            return
        editor.setStyleSheet("")
        self._show_error()

    def pending(self) -> dict[tuple[int, int], str]:
        """Refused text kept in cells, by (row, column): what the coordinator still has to put right."""
        return {cell: text for cell, (text, _message) in self._pending.items()}

    def current_record_row(self) -> int:
        row = self.currentRow()
        return row if 0 <= row < len(self.records) else -1


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
