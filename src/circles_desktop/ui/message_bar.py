"""A slim bar above the canvas for messages the practitioner should read but need not answer.

A refused edit ("nobody can be their own ancestor") is shown here rather than in a modal box: the
practitioner, perhaps with the family in the room, reads it and carries on, and nothing waits for
a click. Screen readers are told through the bar's accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

SHOW_FOR_MS = 12_000


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#message_bar { background: #fff8e1; border-bottom: 1px solid #ffcc80; }")
        self.text = QLabel(self)
        self.text.setObjectName("message_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName("Dismiss the message")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_FOR_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, message: str) -> None:
        self.text.setText(message)
        self.setAccessibleName(message)
        self.show()
        self._timer.start()
