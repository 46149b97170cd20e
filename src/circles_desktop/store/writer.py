"""The sink of an open case: every edit committed in its own transaction before the screen shows it.

Each row is written only if it still has the version this document last read or wrote (optimistic
concurrency). On a shared server that turns a lost update into a :class:`ConflictError`; on a local
SQLite file nobody else writes, so it costs one indexed comparison. If anything fails, the
transaction is rolled back and the exception reaches :meth:`CaseDocument.apply`, which undoes the
edit on screen too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ..graph.edits import Change, Edit
from ..graph.model import CaseInfo, Relationship
from .engine import reason, writing
from .errors import ConflictError, StoreError
from .rows import (
    CASE,
    NODE,
    RELATIONSHIP,
    RowKey,
    Stamp,
    case_values,
    log_changes,
    node_values,
    relationship_values,
    row_key,
)
from .schema import cases, edit_log, nodes, relationships

_TABLES: dict[str, Table] = {CASE: cases, NODE: nodes, RELATIONSHIP: relationships}


class CaseWriter:
    """Persists the edits of one open document (set as ``doc.sink``)."""

    def __init__(self, engine: Engine, case_id: str, user: str, versions: dict[RowKey, int],
                 is_open: Callable[[], bool]) -> None:
        self.case_id = case_id
        self._engine = engine
        self._user = user
        self._versions = versions  # the version of every row as this document last saw it
        self._is_open = is_open

    def __call__(self, edit: Edit) -> None:
        if not self._is_open():
            raise StoreError(f"cannot save {edit.label!r}: the case library is closed")
        if edit.is_empty:  # e.g. a drag that ended where it began: nothing to save or to audit
            return
        stamp = Stamp.now(self._user)
        written: dict[RowKey, int | None] = {}  # new versions; None once deleted
        try:
            with writing(self._engine) as connection:
                # Lock the case row first (SQLite's BEGIN IMMEDIATE already has), so the edits of one
                # case are written one after another in the order of the log, and never deadlock.
                last = connection.execute(select(cases.c.last_seq).where(cases.c.id == self.case_id)
                                          .with_for_update()).scalar_one_or_none()
                if last is None:
                    raise ConflictError(f"cannot save {edit.label!r}: this case was deleted")
                for change in edit.changes:
                    self._write(connection, change, stamp, written, edit.label)
                connection.execute(update(cases).where(cases.c.id == self.case_id)
                                   .values(last_seq=last + 1, updated_at=stamp.at, updated_by=stamp.by))
                connection.execute(insert(edit_log).values(
                    case_id=self.case_id, seq=last + 1, at=stamp.at, by=stamp.by, label=edit.label,
                    changes=log_changes(edit.changes, self.case_id)))
        except IntegrityError as exc:
            raise ConflictError(f"cannot save {edit.label!r}: someone else changed this case at the same "
                                f"time ({reason(exc)}); reopen it to see the latest state") from exc
        except DBAPIError as exc:
            raise StoreError(f"cannot save {edit.label!r}: {reason(exc)}") from exc
        for key, version in written.items():
            if version is None:
                self._versions.pop(key, None)
            else:
                self._versions[key] = version

    def _write(self, connection: Connection, change: Change, stamp: Stamp,
               written: dict[RowKey, int | None], label: str) -> None:
        key = row_key(change.subject, self.case_id)
        table = _TABLES[key[0]]
        if change.before is None:
            values = self._values(change.after)
            connection.execute(insert(table).values(case_id=self.case_id, **values, **stamp.new_row()))
            written[key] = 1
            return
        expected = written[key] if key in written else self._versions.get(key)
        if expected is None:
            raise ConflictError(f"cannot save {label!r}: {_name(change.before)} was not in this case when it "
                                "was opened; reopen it to see the latest state")
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
        """Say who changed the row underneath us, and when, if it is still there."""
        row = connection.execute(select(table.c.updated_by, table.c.updated_at)
                                 .where(self._row(table, key))).one_or_none()
        what = _name(change.before)
        if row is None:
            return f"{what} was deleted by someone else since you opened this case; reopen it to see the latest state"
        return (f"{what} was changed by {row.updated_by} at {row.updated_at:%Y-%m-%d %H:%M} UTC since you "
                "opened this case; reopen it to see the latest state and make your change again")


def _name(subject: Any) -> str:
    if isinstance(subject, CaseInfo):
        return f"the description of case {subject.name!r}"
    if isinstance(subject, Relationship):
        return f"a {subject.kind.value} relationship"
    return repr(subject.label)
