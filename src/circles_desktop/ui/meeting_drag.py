"""Drag people onto the invite list and off it again: both sides carry node ids, nothing else.

The list of network members not invited and the invite table each drag out the ids of what is
selected and say which ids were dropped on them from the other side; the Meeting tab turns that
into one undoable edit. Dropping a widget's own rows back on itself does nothing (the order of the
invite list is the network's order, not a hand-made one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTableWidgetItem,
    QWidget,
)

from .meeting_table import RecordTable

NODE_IDS = "application/x-circles-node-ids"


def ids_mime(ids: Sequence[str]) -> QMimeData:
    data = QMimeData()
    data.setData(NODE_IDS, QByteArray("\n".join(ids).encode()))
    data.setText(", ".join(ids))
    return data


def mime_ids(data: QMimeData) -> list[str]:
    if not data.hasFormat(NODE_IDS):
        return []
    return [i for i in bytes(data.data(NODE_IDS).data()).decode().split("\n") if i]


class _Drops:
    """Accept node ids from another widget and announce them with ``dropped``."""

    dropped: Signal

    def _prepare(self: QAbstractItemView) -> None:  # type: ignore[misc]
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def _wanted(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return event.source() is not self and bool(mime_ids(event.mimeData()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if self._wanted(event) else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction() if self._wanted(event) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._wanted(event):
            event.ignore()
            return
        # Copy, not move: the view must not delete the dragged rows itself; the edit redraws them.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(mime_ids(event.mimeData()))


class PeopleList(_Drops, QListWidget):
    """Network members who are not on the invite list."""

    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepare()

    def mimeTypes(self) -> list[str]:
        return [NODE_IDS]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        return ids_mime([item.data(Qt.ItemDataRole.UserRole) for item in items])


class InviteTable(_Drops, RecordTable):
    """The invite list; column 0 holds each row's node id."""

    dropped = Signal(list)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prepare()

    def mimeTypes(self) -> list[str]:
        return [NODE_IDS]

    def mimeData(self, items: Sequence[QTableWidgetItem]) -> QMimeData:
        rows = sorted({item.row() for item in items})
        return ids_mime([self.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows])
