"""The audit trail of the open case: who changed what, and when, read-only.

It can be narrowed to one person (or service) in the network — what was recorded about them — and
to one practitioner, in this case or in every case the user may see. It follows the case as it is
edited, here or by others, and exports what it shows as CSV or JSON for the case file. Nothing in
it can be changed: the trail is the record, and the database refuses changes to it too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..graph.document import CaseDocument
from ..graph.edits import Edit
from ..store.audit import AuditEntry, write_audit
from ..store.library import Library

FILTERS = "Spreadsheet (CSV) (*.csv);;JSON (*.json)"
COLUMNS = ("When (UTC)", "Who", "What", "Case")


class AuditView(QWidget):
    """The trail itself, with its two filters and the export button."""

    def __init__(self, library: Library, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert doc.case_id is not None
        self._library = library
        self._doc = doc
        self._entries: list[AuditEntry] = []

        self.person = QComboBox(self)
        self.person.setObjectName("audit_person")
        self.person.setAccessibleName("Show the changes about")
        self.by = QComboBox(self)
        self.by.setObjectName("audit_by")
        self.by.setAccessibleName("Show the changes made by")
        self.everywhere = QCheckBox("in &every case", self)
        self.everywhere.setObjectName("audit_everywhere")
        self.everywhere.setAccessibleName("Show this practitioner's changes in every case")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("audit_entries")
        self.tree.setAccessibleName("Audit trail: every change, oldest first")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.count = QLabel(self)
        self.count.setObjectName("audit_count")
        self.export_button = QPushButton("E&xport…", self)
        self.export_button.setObjectName("audit_export")
        self.export_button.setAccessibleName("Export the changes shown as CSV or JSON")

        filters = QHBoxLayout()
        for text, widget in (("About &person:", self.person), ("Made &by:", self.by)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 1)
        filters.addWidget(self.everywhere)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addLayout(footer)

        self._fill_filters()
        self.person.currentIndexChanged.connect(self.reload)
        self.by.currentIndexChanged.connect(self._on_by_changed)
        self.everywhere.toggled.connect(self._on_by_changed)
        self.export_button.clicked.connect(self._on_export)
        doc.edited.connect(self._on_edited)
        self._on_by_changed()

    def detach(self) -> None:
        """Stop following the case (the view is closing)."""
        try:
            self._doc.edited.disconnect(self._on_edited)
        except ValueError:  # already detached (closed, then destroyed)
            pass

    # ----- what is shown ----------------------------------------------------------------------------

    @property
    def entries(self) -> list[AuditEntry]:
        """The entries shown, oldest first."""
        return list(self._entries)

    def reload(self) -> None:
        node_id = self.person.currentData() or None
        by = self.by.currentData() or None
        every_case = by is not None and self.everywhere.isChecked()
        try:
            self._entries = self._library.audit(None if every_case else self._doc.case_id, by=by,
                                                node_id=None if every_case else node_id)
        except Exception as exc:  # noqa: BLE001 -- a database that went away is shown, never a crash
            self.count.setText(f"The audit trail cannot be read: {exc}")
            return
        names = {case.id: case.name for case in self._library.list_cases()} if every_case else {}
        self.tree.clear()
        for entry in self._entries:
            what = f"{entry.label} (undone)" if entry.undo else entry.label
            row = QTreeWidgetItem([f"{entry.at:%Y-%m-%d %H:%M:%S}", entry.by, what,
                                   names.get(entry.case_id, entry.case_id) if every_case else self._doc.info.name])
            row.setToolTip(2, f"Change {entry.seq} in this case" + (" — it took back an earlier change"
                                                                       if entry.undo else ""))
            for change in entry.changes:
                row.addChild(QTreeWidgetItem(["", "", change.describe(), ""]))
            self.tree.addTopLevelItem(row)
        self.tree.setColumnHidden(3, not every_case)
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        if self._entries:
            self.tree.scrollToItem(self.tree.topLevelItem(len(self._entries) - 1))
        shown = len(self._entries)
        self.count.setText(f"{shown} {'change' if shown == 1 else 'changes'}")
        self.export_button.setEnabled(bool(self._entries))

    def export_to(self, path: Path) -> None:
        """Write what is shown as .csv or .json (by the extension)."""
        about = {"case_id": self._doc.case_id or ""}
        if self.by.currentData():
            about["by"] = self.by.currentData()
            if self.everywhere.isChecked():
                del about["case_id"]
        if self.person.currentData() and "case_id" in about:
            about["person"] = self.person.currentText()
        write_audit(self._entries, path, about)

    # ----- following --------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        chosen_person, chosen_by = self.person.currentData(), self.by.currentData()
        for combo in (self.person, self.by):
            combo.blockSignals(True)
            combo.clear()
        self.person.addItem("Everyone in the case", "")
        for node in sorted(self._doc.nodes(), key=lambda n: n.label.casefold()):
            self.person.addItem(node.label, node.id)
        self.by.addItem("Anyone", "")
        for who in sorted({entry.by for entry in self._library.audit(self._doc.case_id)}):
            self.by.addItem(who, who)
        for combo, chosen in ((self.person, chosen_person), (self.by, chosen_by)):
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _on_by_changed(self) -> None:
        self.everywhere.setEnabled(bool(self.by.currentData()))
        self.person.setEnabled(not (self.everywhere.isChecked() and self.by.currentData()))
        self.reload()

    def _on_edited(self, _edit: Edit) -> None:
        self._fill_filters()
        self.reload()

    def _on_export(self) -> None:
        suggested = Path.home() / f"{self._doc.info.name} audit trail.csv"
        path, _filter = QFileDialog.getSaveFileName(self, "Export the audit trail", str(suggested), FILTERS)
        if not path:
            return
        try:
            self.export_to(Path(path))
        except Exception as exc:  # noqa: BLE001 -- a full disk or a bad name is explained, not a crash
            QMessageBox.warning(self, "The audit trail could not be exported", str(exc))


class AuditDialog(QDialog):
    """The audit trail in a window of its own, beside the case (not modal)."""

    def __init__(self, library: Library, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(f"Audit trail — {doc.info.name}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = AuditView(library, doc, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        view = self.view
        self.finished.connect(lambda _result: view.detach())
        self.destroyed.connect(lambda _obj=None: view.detach())
        self.resize(860, 560)
