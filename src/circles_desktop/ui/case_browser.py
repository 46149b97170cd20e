"""The case list: every case in the library, the recent ones, and a search across all names.

The browser is a view: the window hands it case summaries and search hits and acts on the
signals it sends (open, new, delete, search). It never touches the library itself, so it can be
tested with plain values and reused for a team server's case list.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

RECENT_ROWS = 5
ID_ROLE = Qt.ItemDataRole.UserRole
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class CaseRow(Protocol):
    id: str
    name: str
    reference: str
    people: int
    updated_at: datetime | None


class NameHit(Protocol):
    case_id: str
    case_name: str
    node_id: str
    label: str


class _SortableItem(QTreeWidgetItem):
    """Sorts numbers and dates by value, not by their text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return self.text(column).casefold() < other.text(column).casefold()


class CaseBrowser(QWidget):
    """Lists cases; a search box finds a person by any of their names in every case."""

    open_requested = Signal(str, str)  # case id, node id to select ("" for none)
    new_requested = Signal()
    delete_requested = Signal(str)
    search_changed = Signal(str)

    COLUMNS = ("Case", "People", "Updated", "Reference")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_browser")
        self.search = QLineEdit(self)
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText("Find a person in any case…")
        self.search.setAccessibleName("Search every case for a name")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._on_return_in_search)

        self.recent_label = QLabel("&Recent", self)
        self.recent = QTreeWidget(self)
        self.recent.setObjectName("recent_cases")
        self.recent.setAccessibleName("Recently opened cases")
        self.recent.setHeaderHidden(True)
        self.recent.setRootIsDecorated(False)
        self.recent.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_label.setBuddy(self.recent)

        self.list_label = QLabel("&All cases", self)
        self.cases = QTreeWidget(self)
        self.cases.setObjectName("case_list")
        self.cases.setAccessibleName("All cases")
        self.cases.setRootIsDecorated(False)
        self.cases.setAlternatingRowColors(True)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setSortingEnabled(True)
        self.list_label.setBuddy(self.cases)
        self._show_case_columns()

        for tree in (self.recent, self.cases):
            tree.itemActivated.connect(self._on_activated)
            tree.setUniformRowHeights(True)

        self.new_button = QPushButton("&New…", self)
        self.open_button = QPushButton("&Open", self)
        self.delete_button = QPushButton("Delete…", self)
        for button, name in ((self.new_button, "Create a new case"), (self.open_button, "Open the chosen case"),
                             (self.delete_button, "Delete the chosen case")):
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.cases.currentItemChanged.connect(lambda *_: self._update_buttons())

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(self.list_label)
        layout.addWidget(self.cases, 1)
        layout.addLayout(buttons)
        self._summaries: list[CaseRow] = []
        self._searching = False
        self._update_buttons()

    # ----- filled by the window -----------------------------------------------------------------

    def show_cases(self, summaries: Sequence[CaseRow], recent_ids: Sequence[str]) -> None:
        """Show every case, keeping the chosen one chosen."""
        chosen = self.chosen_case()
        self._summaries = list(summaries)
        by_id = {s.id: s for s in self._summaries}
        self.recent.clear()
        for case_id in recent_ids:
            if case_id in by_id:
                item = QTreeWidgetItem([by_id[case_id].name])
                item.setData(0, ID_ROLE, case_id)
                item.setToolTip(0, _case_tooltip(by_id[case_id]))
                self.recent.addTopLevelItem(item)
        rows = self.recent.topLevelItemCount()
        self.recent.setVisible(rows > 0)
        self.recent_label.setVisible(rows > 0)
        if rows:
            row_height = self.recent.sizeHintForRow(0)
            self.recent.setFixedHeight(min(rows, RECENT_ROWS) * row_height + 2 * self.recent.frameWidth() + 2)
        if not self._searching:
            self._fill_cases(chosen)

    def show_hits(self, text: str, hits: Sequence[NameHit]) -> None:
        """Replace the list by the people whose names match; an empty search brings the cases back."""
        chosen = self.chosen_case()
        self._searching = bool(text)
        if not self._searching:
            self._fill_cases(chosen)
            return
        self.cases.setSortingEnabled(False)
        self.cases.clear()
        self.cases.setHeaderLabels(("Person", "Case"))
        self.cases.setColumnCount(2)
        for hit in hits:
            item = _SortableItem([hit.label, hit.case_name])
            item.setData(0, ID_ROLE, hit.case_id)
            item.setData(0, NODE_ROLE, hit.node_id)
            self.cases.addTopLevelItem(item)
        self.list_label.setText(f"{len(hits)} {'person' if len(hits) == 1 else 'people'} found for “{text}”")
        self.cases.setSortingEnabled(True)
        if hits:
            self.cases.setCurrentItem(self.cases.topLevelItem(0))
        self._update_buttons()

    def chosen_case(self) -> str | None:
        item = self.cases.currentItem()
        if item is None and self.recent.hasFocus():
            item = self.recent.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def choose(self, case_id: str) -> None:
        for index in range(self.cases.topLevelItemCount()):
            item = self.cases.topLevelItem(index)
            if item.data(0, ID_ROLE) == case_id:
                self.cases.setCurrentItem(item)
                return

    # ----- inside -------------------------------------------------------------------------------

    def _show_case_columns(self) -> None:
        self.cases.setColumnCount(len(self.COLUMNS))
        self.cases.setHeaderLabels(self.COLUMNS)
        header = self.cases.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _fill_cases(self, chosen: str | None) -> None:
        self.cases.setSortingEnabled(False)
        self.cases.clear()
        self._show_case_columns()
        locale = QLocale()
        for summary in self._summaries:
            updated = summary.updated_at
            text = locale.toString(updated.date(), QLocale.FormatType.ShortFormat) if updated else ""
            item = _SortableItem([summary.name, str(summary.people), text, summary.reference])
            if updated:
                item.setToolTip(2, locale.toString(updated, QLocale.FormatType.LongFormat))
            item.setData(0, ID_ROLE, summary.id)
            item.setData(1, SORT_ROLE, summary.people)
            item.setData(2, SORT_ROLE, updated.timestamp() if updated else 0.0)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, _case_tooltip(summary))
            self.cases.addTopLevelItem(item)
        self.list_label.setText(f"&All cases ({len(self._summaries)})")
        widest = max((self.cases.fontMetrics().horizontalAdvance(s.name) for s in self._summaries), default=0)
        self.cases.setColumnWidth(0, max(120, min(widest + 16, 240)))
        self.cases.setSortingEnabled(True)
        self.cases.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        if chosen:
            self.choose(chosen)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.cases.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen and not self._searching)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(item.data(0, ID_ROLE), item.data(0, NODE_ROLE) or "")

    def _on_open_clicked(self) -> None:
        item = self.cases.currentItem()
        if item is not None:
            self._on_activated(item, 0)

    def _on_delete_clicked(self) -> None:
        case_id = self.chosen_case()
        if case_id:
            self.delete_requested.emit(case_id)

    def _on_return_in_search(self) -> None:
        self._debounce.stop()
        self.search_changed.emit(self.search.text().strip())
        self.cases.setFocus()


def _case_tooltip(summary: CaseRow) -> str:
    reference = f" ({summary.reference})" if summary.reference else ""
    return f"{summary.name}{reference}: {summary.people} {'person' if summary.people == 1 else 'people'}"
