"""The sink of an open case: every edit committed in its own transaction before the screen shows it.

Each row is written only if it still has the version this document last read or wrote (optimistic
concurrency). On a shared server that turns a lost update into a :class:`ConflictError` that names
who changed the row and when; on a local SQLite file nobody else writes, so it costs one indexed
comparison. In the same transaction the edit gets the case's next number and its entry in the audit
trail (who, when, every object before and after, and whether it was an undo). If anything fails, the
transaction is rolled back and the exception reaches :meth:`CaseDocument.apply`, which undoes the
edit on screen too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ..graph.edits import Change, Edit
from ..graph.model import CaseInfo, Relationship
from .engine import reading, reason, writing
from .errors import ConflictError, StoreError
from .rows import (
    CASE,
    NODE,
    RELATIONSHIP,
    RowKey,
    Stamp,
    case_values,
    log_changes,
    log_row,
    node_values,
    relationship_values,
    row_key,
)
from .schema import cases, edit_log, nodes, relationships

_TABLES: dict[str, Table] = {CASE: cases, NODE: nodes, RELATIONSHIP: relationships}
_LOOK_BACK = 1_000  # entries searched for who changed a row underneath us; older ones fall back to the row
_AGAIN = "nothing was saved: look at the latest state and make your change again"


class CaseWriter:
    """Persists the edits of one open document (set as ``doc.sink``).

    It also knows which of the case's edits the document shows: every one up to :attr:`seq`, and
    later ones it saved itself (:attr:`own`), so a refresh applies exactly the others' edits.
    """

    def __init__(self, engine: Engine, case_id: str, user: str, versions: dict[RowKey, int], seq: int,
                 is_open: Callable[[], bool]) -> None:
        self.case_id = case_id
        self.engine = engine
        self._user = user
        self.versions = versions  # the version of every row as this document last saw it
        self.seq = seq
        self.own: set[int] = set()
        self._is_open = is_open

    def __call__(self, edit: Edit) -> None:
        if not self._is_open():
            raise StoreError(f"cannot save {edit.label!r}: the case library is closed")
        if edit.is_empty:  # e.g. a drag that ended where it began: nothing to save or to audit
            return
        written: dict[RowKey, int | None] = {}  # new versions; None once deleted
        client = Stamp.now(self._user)
        try:
            with writing(self.engine) as connection:
                # Number the edit first: that locks the case row (SQLite's BEGIN IMMEDIATE already has),
                # so the edits of one case are written one after another in the order of the log, and
                # never deadlock. The lock is held to the commit, so it is taken in the same statement.
                row = connection.execute(
                    update(cases).where(cases.c.id == self.case_id)
                    .values(last_seq=cases.c.last_seq + 1, updated_at=client.at, updated_by=client.by)
                    .returning(cases.c.last_seq, cases.c.team, *Stamp.columns(connection))).one_or_none()
                if row is None:
                    raise ConflictError(f"cannot save {edit.label!r}: {self._gone(connection)}")
                seq, team, stamp = row.last_seq, row.team, Stamp.of(row[2:], client)
                for change in edit.changes:
                    self._write(connection, change, stamp, written, edit.label)
                    if isinstance(change.after, CaseInfo):
                        team = change.after.team
                connection.execute(insert(edit_log).values(log_row(
                    self.case_id, seq, stamp, edit.label, log_changes(edit.changes, self.case_id), team, edit.undo)))
        except IntegrityError as exc:
            raise ConflictError(f"cannot save {edit.label!r}: {self._clash(reason(exc))}") from exc
        except DBAPIError as exc:
            why = reason(exc)
            if "row-level security" in why:
                why = "a case can only be given to a team you are a member of"
            raise StoreError(f"cannot save {edit.label!r}: {why}") from exc
        self.saw(written)
        if seq == self.seq + 1:
            self.seq = seq
        else:
            self.own.add(seq)

    def saw(self, versions: dict[RowKey, int | None]) -> None:
        """Remember rows as they are now in the database (None: deleted)."""
        for key, version in versions.items():
            if version is None:
                self.versions.pop(key, None)
            else:
                self.versions[key] = version

    def _write(self, connection: Connection, change: Change, stamp: Stamp,
               written: dict[RowKey, int | None], label: str) -> None:
        key = row_key(change.subject, self.case_id)
        table = _TABLES[key[0]]
        if change.before is None:
            values = self._values(change.after)
            connection.execute(insert(table).values(case_id=self.case_id, **values, **stamp.new_row()))
            written[key] = 1
            return
        expected = written[key] if key in written else self.versions.get(key)
        if expected is None:
            raise ConflictError(f"cannot save {label!r}: {_name(change.before)} was not in this case when it "
                                f"was last brought up to date; {_AGAIN}")
        where = self._row(table, key) & (table.c.version == expected)
        if change.after is None:
            result = connection.execute(delete(table).where(where))
            written[key] = None
        else:
            result = connection.execute(update(table).where(where).values(
                **self._values(change.after), version=expected + 1,
                updated_at=stamp.at, updated_by=stamp.by))
            written[key] = expected + 1
        if result.rowcount != 1:
            raise ConflictError(f"cannot save {label!r}: {self._conflict(connection, table, key, change)}")

    def _row(self, table: Table, key: RowKey) -> ColumnElement[bool]:
        if table is cases:
            return cases.c.id == self.case_id
        return (table.c.case_id == self.case_id) & (table.c.id == key[1])

    def _values(self, subject: Any) -> dict[str, Any]:
        if isinstance(subject, CaseInfo):
            return case_values(subject)
        if isinstance(subject, Relationship):
            return relationship_values(subject)  # type: ignore[arg-type]
        return node_values(subject)

    def _conflict(self, connection: Connection, table: Table, key: RowKey, change: Change) -> str:
        """Say who changed the row underneath us, and when: from the audit trail, else from the row."""
        what = _name(change.before)
        row = connection.execute(select(table.c.updated_by, table.c.updated_at)
                                 .where(self._row(table, key))).one_or_none()
        touched = self._last_touch(connection, lambda c: (c.get("what"), c.get("id")) == key)
        if touched is not None:
            by, at, gone = touched
        elif row is not None:
            by, at, gone = row.updated_by, row.updated_at, False
        else:
            return f"{what} was deleted by someone else after you last saw it; {_AGAIN}"
        return f"{what} was {'deleted' if gone else 'changed'} by {by} at {_when(at)} after you last saw it; {_AGAIN}"

    def _last_touch(self, connection: Connection, matches: Callable[[dict[str, Any]], bool]
                    ) -> tuple[str, datetime, bool] | None:
        """Who made the latest edit since :attr:`seq` with a change that ``matches``, when, and whether that
        change deleted what it touched."""
        entries = connection.execute(
            select(edit_log.c.by, edit_log.c.at, edit_log.c.changes)
            .where((edit_log.c.case_id == self.case_id) & (edit_log.c.seq > self.seq))
            .order_by(edit_log.c.seq.desc()).limit(_LOOK_BACK))
        for entry in entries:
            for change in entry.changes:
                if matches(change):
                    return entry.by, entry.at, change.get("after") is None
        return None

    def _gone(self, connection: Connection) -> str:
        touched = self._last_touch(connection, lambda c: c.get("what") == CASE and c.get("after") is None)
        if touched is not None:
            return f"this case was deleted by {touched[0]} at {_when(touched[1])}"
        return "this case was deleted, or moved to a team you are not a member of"

    def _clash(self, why: str) -> str:
        """The database refused the edit (a line to someone just deleted, say): name the latest other edit."""
        with reading(self.engine) as connection:
            latest = connection.execute(
                select(edit_log.c.seq, edit_log.c.by, edit_log.c.at)
                .where((edit_log.c.case_id == self.case_id) & (edit_log.c.seq > self.seq))
                .order_by(edit_log.c.seq.desc()).limit(_LOOK_BACK)).all()
        others = [entry for entry in latest if entry.seq not in self.own]
        who = (f"{others[0].by} changed this case at {_when(others[0].at)}" if others
               else "someone else changed this case at the same time")
        return f"{who} ({why}); {_AGAIN}"


def _when(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M:%S} UTC"


def _name(subject: Any) -> str:
    if isinstance(subject, CaseInfo):
        return f"the description of case {subject.name!r}"
    if isinstance(subject, Relationship):
        return f"a {subject.kind.value} relationship"
    return repr(subject.label)
