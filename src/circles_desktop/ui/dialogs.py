"""Small dialogs: a new case, choosing the kind of a drawn relationship, the keyboard help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..graph.model import CaseInfo
from .actions import ACTIONS, shortcut_text


class NewCaseDialog(QDialog):
    """Name (required) and reference of a new case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New case")
        self.name = QLineEdit(self)
        self.name.setObjectName("new_case_name")
        self.name.setAccessibleName("Case name")
        self.name.setPlaceholderText("e.g. the family's name")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("new_case_reference")
        self.reference.setAccessibleName("Case reference")
        self.reference.setPlaceholderText("the case number in your records (optional)")
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Reference:", self.reference)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create case")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._on_name_changed)
        self._on_name_changed(self.name.text())
        self.resize(420, self.sizeHint().height())

    def _on_name_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def case_info(self) -> CaseInfo:
        return CaseInfo(name=self.name.text().strip(), reference=self.reference.text().strip())


class LibraryDialog(QDialog):
    """Where the cases are kept: a SQLite file on this computer, or a team's database URL."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case library")
        self.url = QLineEdit(current, self)
        self.url.setObjectName("library_url")
        self.url.setAccessibleName("Library database: a file or a database address")
        self.url.setPlaceholderText("a .db file, or postgresql://user@server/circles")
        browse = QPushButton("&Browse…", self)
        browse.setAccessibleName("Choose a library file")
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(browse)
        note = QLabel("A file on this computer keeps the cases here. A team shares cases through its "
                      "PostgreSQL server; never put a library file on a shared network drive.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel("&Library:", self)
        label.setBuddy(self.url)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _on_browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Library file", self.url.text(), "Circles library (*.db *.sqlite);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.url.setText(path)

    def chosen(self) -> str:
        return self.url.text().strip()


class ShortcutsDialog(QDialog):
    """Every command and its keys, straight from the actions table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        extra = (
            ("Move the selection to a related person", "Arrow keys"),
            ("Add a person where you double-click", "Double-click on empty space"),
            ("Select several", "Ctrl+click, or drag a rectangle on empty space"),
            ("Pan", "Drag with the middle mouse button, or Space+drag"),
            ("Zoom", "Ctrl+mouse wheel"),
            ("Cancel drawing a relationship", "Esc"),
        )
        rows = [(spec.accessible, shortcut_text(spec)) for spec in ACTIONS] + list(extra)
        table = QTableWidget(len(rows), 2, self)
        table.setAccessibleName("Commands and their keyboard shortcuts")
        table.setHorizontalHeaderLabels(("Command", "Keys"))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel("Every command can be reached from the keyboard. Menus open with Alt and the underlined "
                      "letter.", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(640, 560)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
