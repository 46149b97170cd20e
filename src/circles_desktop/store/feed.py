"""Hear that someone else changed an open case, so it can be refreshed without reopening it.

On PostgreSQL every audit entry sends ``NOTIFY circles_<md5 of the case id>`` (a trigger, migration
0002); a feed LISTENs on its own connection and wakes as soon as another practitioner's edit is
committed. A SQLite file has no notifications; for two programs on one machine the feed polls the
case's last edit number instead, which is one indexed read.

A feed blocks, so it belongs on a background thread, and it is used by that thread only: make it,
wait on it and close it there.
"""

from __future__ import annotations

import hashlib
import time
from typing import Protocol

from sqlalchemy import Engine, select

from .schema import cases

POLL_SECONDS = 0.5


def channel(case_id: str) -> str:
    """The notification channel of a case (fixed length, whatever the id holds; as the trigger names it)."""
    return "circles_" + hashlib.md5(case_id.encode("utf-8")).hexdigest()


class ChangeFeed(Protocol):
    def wait(self, timeout: float) -> bool:
        """Block until the case may have changed (True) or ``timeout`` seconds pass (False).

        The first call returns True at once, to catch up with edits made before the feed started.
        """

    def close(self) -> None: ...


def open_feed(engine: Engine, case_id: str) -> ChangeFeed:
    if engine.dialect.name == "postgresql":
        return _Listening(engine, case_id)
    return _Polling(engine, case_id)


class _Listening:
    def __init__(self, engine: Engine, case_id: str) -> None:
        proxy = engine.raw_connection()  # the engine's own connection settings (search_path, …)
        self._connection = proxy.driver_connection
        proxy.detach()  # LISTEN lasts as long as the connection: never hand it back to the pool
        self._connection.rollback()
        self._connection.autocommit = True  # a notification arrives between transactions only
        self._connection.execute(f'LISTEN "{channel(case_id)}"')
        self._started = False

    def wait(self, timeout: float) -> bool:
        if not self._started:
            self._started = True
            return True
        if not list(self._connection.notifies(timeout=timeout, stop_after=1)):
            return False
        for _ in self._connection.notifies(timeout=0):  # what else has arrived: one refresh covers it all
            pass
        return True

    def close(self) -> None:
        self._connection.close()


class _Polling:
    def __init__(self, engine: Engine, case_id: str) -> None:
        self._engine = engine
        self._case_id = case_id
        self._last: int | None = None
        self._started = False

    def _latest(self) -> int | None:
        with self._engine.connect() as connection:
            return connection.execute(select(cases.c.last_seq).where(cases.c.id == self._case_id)).scalar_one_or_none()

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            latest = self._latest()
            if latest != self._last or not self._started:
                self._last, self._started = latest, True
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(POLL_SECONDS, remaining))

    def close(self) -> None:
        """Nothing of its own to close: it borrows the library's connections."""
