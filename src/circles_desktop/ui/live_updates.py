"""Show other practitioners' edits to the open case as they save them, without reopening it.

A background thread waits on the library's change feed (LISTEN/NOTIFY on a PostgreSQL team server,
polling on a SQLite file) and, when it wakes, asks the UI thread to refresh the document. The refresh
itself runs on the UI thread, because only that thread may change the document: it applies the others'
edits through the document, whose usual signals redraw the views, exactly as for an edit made here.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal

from ..graph.document import CaseDocument
from ..store.errors import CaseNotFound, StoreError
from ..store.library import Library

WAIT_SECONDS = 0.5  # how long the thread waits on the feed before it looks whether it should stop
RETRY_SECONDS = 5.0  # after the server was unreachable


class LiveUpdates(QObject):
    """Follows one open case; :meth:`stop` before the case is closed."""

    updated = Signal(int)  # how many edits by others were just applied
    problem = Signal(str)  # for the practitioner: the server is unreachable, the case was deleted, …
    _woken = Signal()  # from the thread: the case may have changed
    _failed = Signal(str)  # from the thread: the feed failed

    def __init__(self, library: Library, doc: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert doc.case_id is not None
        self._library = library
        self._doc = doc
        self._case_id = doc.case_id
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._follow, name=f"live updates {doc.case_id}", daemon=True)
        self._woken.connect(self._on_woken, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self.problem, Qt.ConnectionType.QueuedConnection)

    def start(self) -> LiveUpdates:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop following: the thread ends within :data:`WAIT_SECONDS`; nothing is applied after this."""
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=WAIT_SECONDS * 4)

    @property
    def following(self) -> bool:
        return self._thread.is_alive() and not self._stopping.is_set()

    # ----- the background thread --------------------------------------------------------------------

    def _follow(self) -> None:
        feed = None
        reported = False
        while not self._stopping.is_set():
            try:
                if feed is None:
                    feed = self._library.change_feed(self._case_id)
                    reported = False
                if feed.wait(WAIT_SECONDS) and not self._stopping.is_set():
                    self._woken.emit()
            except Exception as exc:  # noqa: BLE001 -- the server went away: say so once, then try again
                if not reported and not self._stopping.is_set():
                    self._failed.emit(f"Changes by others cannot be followed just now: {exc}")
                    reported = True
                feed = self._closed(feed)
                self._stopping.wait(RETRY_SECONDS)
        self._closed(feed)

    @staticmethod
    def _closed(feed: object) -> None:
        close = getattr(feed, "close", None)
        if close is not None:
            try:
                close()
            except Exception:  # noqa: BLE001 -- a connection that is already gone cannot be closed twice
                pass

    # ----- the UI thread ----------------------------------------------------------------------------

    def _on_woken(self) -> None:
        if self._stopping.is_set():
            return
        try:
            applied = self._library.refresh(self._doc)
        except CaseNotFound as exc:
            self._stopping.set()
            self.problem.emit(f"{exc}. Its changes are no longer followed.")
            return
        except StoreError as exc:
            self.problem.emit(str(exc))
            return
        if applied:
            self.updated.emit(applied)
