"""Small dialogs: a new case, choosing the kind of a drawn relationship, the keyboard help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
