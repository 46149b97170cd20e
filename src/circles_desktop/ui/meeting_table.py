"""A table of a meeting's records (agenda items, scores, actions, invitations…) edited in their cells.

Each column says how its cells read and change a field of the record: typed text parsed by a
function of :mod:`.meeting_values`, a drop-down of choices, or a tick box. A cell is checked while it
is typed; a value that is refused (by the parser or by the document) stays in the cell as typed,
marked, with the problem under the table, until it is put right, even when the table is redrawn
after other edits. Only valid values reach the section's ``commit``, which makes one edit of each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from .meeting_forms import (
    LONGEST,
    Choice,
    Parse,
    error_label,
    show_problem,
)
from .undo import Report

WRONG = QColor("#fde7e9")  # a refused cell; its problem is also written under the table
WRONG_EDITOR = "QLineEdit { border: 2px solid #b00020; }"
MIN_ROWS = 2  # an empty table still shows room for rows (and for people dragged onto it)
MAX_LINES = 4  # a row shows at most this many lines of a long text
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
        tallest = self.fontMetrics().lineSpacing() * MAX_LINES + 8  # longer text: in full in its tooltip
        for row in range(self.rowCount()):
            if self.rowHeight(row) > tallest:
                self.setRowHeight(row, tallest)
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
