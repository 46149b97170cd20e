"""Slow work off the UI thread: layout of big cases, export, print rendering.

A :class:`Task` runs a plain function on a thread pool and hands its result back on the UI thread.
Cancelling is cooperative and always safe: the function may ask :meth:`Task.cancelled` between steps
and stop early, and whatever a cancelled task returns is dropped, so a stale layout never
overwrites a newer one. :func:`run_with_progress` adds the progress dialog with its Cancel button
for work the practitioner is waiting for.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..graph.document import CaseDocument

Work = Callable[["Task"], Any]


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, str)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._run()


class Task(QObject):
    """One piece of background work; connect to ``finished``/``failed`` before :meth:`start`."""

    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, str)  # percent (0-100), what is being done
    ended = Signal()  # after finished, failed, or the end of a cancelled run

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._signals = _Signals()  # lives on the UI thread; emitting from the pool queues to it
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self.done = False

    def start(self, pool: QThreadPool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        """For the work function: stop early when this is true."""
        return self._cancel.is_set()

    def report(self, percent: int, doing: str = "") -> None:
        """For the work function: how far it has got."""
        self._signals.progressed.emit(percent, doing)

    def _run(self) -> None:
        try:
            result = self._work(self)
        except Exception as exc:  # noqa: BLE001 -- reported on the UI thread, never lost in the pool
            traceback.print_exc()
            self._signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            self._signals.finished.emit(result)

    def _on_finished(self, result: object) -> None:
        self.done = True
        if not self.cancelled():
            self.finished.emit(result)
        self.ended.emit()

    def _on_failed(self, message: str) -> None:
        self.done = True
        if not self.cancelled():
            self.failed.emit(message)
        self.ended.emit()


def run_with_progress(work: Work, title: str, parent: QWidget, on_done: Callable[[Any], None],
                      on_failed: Callable[[str], None]) -> Task:
    """Run ``work`` in the background with a progress dialog (shown after half a second) and Cancel."""
    dialog = QProgressDialog(title, "Cancel", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(True)
    dialog.setValue(0)
    task = Task(work, parent)

    def progressed(percent: int, doing: str) -> None:
        if doing:
            dialog.setLabelText(doing)
        dialog.setValue(min(percent, 99))

    def finish() -> None:
        dialog.reset()
        dialog.deleteLater()
        task.deleteLater()

    dialog.canceled.connect(task.cancel)
    task.progressed.connect(progressed)
    task.finished.connect(on_done)
    task.failed.connect(on_failed)
    task.ended.connect(finish)
    task.start()
    return task


def snapshot(doc: CaseDocument) -> CaseDocument:
    """A detached copy of the case for a worker thread to read while the practitioner edits on.

    Model objects are immutable, so the copy shares them; only the graph structure is new.
    """
    copy = CaseDocument(doc.info, doc.case_id)
    copy.load(doc.info, list(doc.nodes()), doc.relationships())
    return copy
