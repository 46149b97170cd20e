"""A whole case between the database and a :class:`CaseDocument`: load it, or insert it at once.

Both directions are the hot paths of opening and importing a case, so they use Core statements
over plain tuples and executemany, not ORM objects (which cost several times as much per row).
"""

from __future__ import annotations

import gc
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

from sqlalchemy import JSON, ColumnElement, Connection, Table, bindparam, cast, func, insert, select
from sqlalchemy.types import UserDefinedType

from ..graph.codec import CodecError, decode_case_info, decode_node, decode_relationship, encode
from ..graph.document import CaseDocument
from ..graph.edits import Change, Subject
from ..graph.model import AnyNode, AnyRelationship, CaseInfo, Relationship
from ..graph.validation import ValidationError
from .errors import CaseNotFound, StoreError
from .schema import cases, column_text, edit_log, nodes, relationships, search_key

# What a row stores, per kind of model object: the key used in versions and the edit log.
CASE, NODE, RELATIONSHIP = "case", "node", "relationship"
RowKey = tuple[str, str]  # (CASE | NODE | RELATIONSHIP, id)


@dataclass(frozen=True)
class Stamp:
    """Who and when, the same for every row one transaction writes."""

    by: str
    at: datetime

    @classmethod
    def now(cls, by: str) -> Stamp:
        return cls(by, datetime.now(timezone.utc))

    @classmethod
    def columns(cls, connection: Connection) -> tuple[ColumnElement[Any], ...]:
        """What to select for a stamp: on PostgreSQL the signed-in role and the server's clock (the
        same values its triggers write, so rows and audit agree); elsewhere nothing."""
        if connection.dialect.name == "postgresql":
            return func.current_user(), func.now()
        return ()

    @classmethod
    def of(cls, values: Sequence[Any], client: Stamp) -> Stamp:
        """The stamp from the values of :meth:`columns`; with none, the ``client``'s."""
        if not values:
            return client
        by, at = values
        return cls(by, at.astimezone(timezone.utc))

    @classmethod
    def on(cls, connection: Connection, user: str) -> Stamp:
        """Who and when for the transaction ``connection`` is in."""
        columns = cls.columns(connection)
        return cls.of(connection.execute(select(*columns)).one() if columns else (), cls.now(user))

    def new_row(self) -> dict[str, Any]:
        return {"version": 1, "created_at": self.at, "created_by": self.by,
                "updated_at": self.at, "updated_by": self.by}


def row_key(subject: Subject, case_id: str) -> RowKey:
    if isinstance(subject, CaseInfo):
        return CASE, case_id
    return (RELATIONSHIP if isinstance(subject, Relationship) else NODE), subject.id


def case_values(info: CaseInfo) -> dict[str, Any]:
    return {"name": column_text(info.name), "reference": column_text(info.reference),
            "team": column_text(info.team), "info": encode(info)}


def node_values(node: AnyNode) -> dict[str, Any]:
    label = node.label
    return {"id": node.id, "kind": node.kind, "label": column_text(label), "search_key": search_key(label),
            "data": encode(node)}


def relationship_values(rel: AnyRelationship) -> dict[str, Any]:
    return {"id": rel.id, "kind": rel.kind.value, "source_id": rel.source, "target_id": rel.target,
            "data": encode(rel)}


def log_entry(key: RowKey, before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    return {"what": key[0], "id": key[1], "before": before, "after": after}


def log_row(case_id: str, seq: int, stamp: Stamp, label: str, changes: list[dict[str, Any]], team: str,
            undo: bool = False) -> dict[str, Any]:
    """The values of one edit-log entry."""
    return {"case_id": case_id, "seq": seq, "at": stamp.at, "by": stamp.by, "label": label, "changes": changes,
            "team": column_text(team), "undo": undo}


def log_changes(changes: Iterable[Change], case_id: str) -> list[dict[str, Any]]:
    """An edit's changes as the edit log keeps them: each object before and after, as the codec writes it."""
    return [log_entry(row_key(c.subject, case_id),
                      None if c.before is None else encode(c.before),
                      None if c.after is None else encode(c.after)) for c in changes]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a whole case is turned into objects or rows.

    Every object made then stays alive, yet the collector scans them again and again as they pile up:
    a third of the time to load a case of 5,000 people (bench/bench_store.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def insert_document(connection: Connection, doc: CaseDocument, case_id: str, stamp: Stamp,
                    label: str, *, itemised: bool = True) -> dict[RowKey, int]:
    """Write the whole document as a new case, in the caller's transaction; return the row versions.

    The edit log gets one entry, ``label``; ``itemised``, it holds everything that was added, so the
    audit trail can tell what a case looked like when it arrived. (A case file, a snapshot, does
    without: it would double the file's size for nobody to read.)
    """
    with collector_paused():
        return _insert_document(connection, doc, case_id, stamp, label, itemised)


# Rows per executemany: enough to make each call worth it, few enough that memory stays flat.
_BATCH = 2000


def _insert_document(connection: Connection, doc: CaseDocument, case_id: str, stamp: Stamp,
                     label: str, itemised: bool) -> dict[RowKey, int]:
    """Each object is encoded and written as JSON text once, for its row and for the edit log alike,
    and rows go in batches, so that besides the document only the log's text grows with the case."""
    new = stamp.new_row()
    connection.execute(insert(cases), [{"id": case_id, "last_seq": 1, **case_values(doc.info), **new}])
    log = _LogText()
    log.add([_log_entry_text(CASE, case_id, json.dumps(encode(doc.info)))])
    for what, table, objects, columns, row_of in (
            (NODE, nodes, doc.nodes(), _NODE_COLUMNS, _node_row),
            (RELATIONSHIP, relationships, doc.relationships(), _RELATIONSHIP_COLUMNS, _relationship_row)):
        statement = _BulkInsert(connection, table, {"case_id": case_id, **new}, columns)
        for batch in _batches(objects):
            rows, entries = [], []
            for obj in batch:
                text = json.dumps(encode(obj))
                rows.append((*row_of(obj), text))
                if itemised:
                    entries.append(_log_entry_text(what, obj.id, text))
            statement.run(rows)
            log.add(entries)
    values = log_row(case_id, 1, stamp, label, [], doc.info.team)
    del values["changes"]
    _insert_log(connection, values, log)
    versions = {(CASE, case_id): 1}  # made now, not while the log is the size of the case
    versions.update(((NODE, node.id), 1) for node in doc.nodes())
    versions.update(((RELATIONSHIP, rel.id), 1) for rel in doc.relationships())
    return versions


def _batches(objects: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


# The columns of a row that differ from row to row, in the order the functions below give them; the JSON
# text of the object (column ``data``) follows.
_NODE_COLUMNS = ("id", "kind", "label", "search_key", "data")
_RELATIONSHIP_COLUMNS = ("id", "kind", "source_id", "target_id", "data")


def _node_row(node: AnyNode) -> tuple[str, ...]:
    label = node.label
    return node.id, node.kind, column_text(label), search_key(label)


def _relationship_row(rel: AnyRelationship) -> tuple[str, ...]:
    return rel.id, rel.kind.value, rel.source, rel.target


class _Sent(UserDefinedType[Any]):
    """A value already in the form the driver takes: SQLAlchemy passes it on untouched."""

    cache_ok = True


def _json_text(connection: Connection, name: str) -> ColumnElement[Any]:
    """Where a JSON column takes text that is already JSON (SQLAlchemy's JSON type would encode it
    again, as a string). PostgreSQL is told it is JSON; SQLite keeps JSON as text anyway, and its
    CAST to JSON would make it a number."""
    text = bindparam(name, type_=_Sent())
    return text if connection.dialect.name == "sqlite" else cast(text, JSON())


class _BulkInsert:
    """An INSERT of many rows that share some values, compiled once and run by the driver's executemany.

    Given rows, SQLAlchemy builds and processes each row's parameters anew: a quarter of the time
    to store a large import. Here the shared values are turned into what the driver takes once, and
    each row is a plain tuple of text in the order of ``columns``, its JSON already written.
    """

    def __init__(self, connection: Connection, table: Table, shared: dict[str, Any],
                 columns: tuple[str, ...]) -> None:
        dialect = connection.dialect
        values: dict[str, Any] = {}
        for name, value in shared.items():
            process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            values[name] = bindparam(f"shared_{name}", value if process is None else process(value), type_=_Sent())
        for name in columns:
            param = f"row_{name}"
            values[name] = _json_text(connection, param) if name == "data" else bindparam(param, type_=_Sent())
        compiled = insert(table).values(**values).compile(dialect=dialect)
        self._connection = connection
        self._sql = compiled.string
        self._shared = tuple(values[name].value for name in shared)
        names = [f"shared_{name}" for name in shared] + [f"row_{name}" for name in columns]
        if compiled.positional:
            assert compiled.positiontup is not None
            where = {name: i for i, name in enumerate(names)}
            pick = operator.itemgetter(*(where[name] for name in compiled.positiontup))
            self._parameters: Callable[[tuple[Any, ...]], Any] = pick
        else:
            self._parameters = lambda row: dict(zip(names, row))

    def run(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert rows, each a tuple of values in the order of the columns."""
        shared, parameters = self._shared, self._parameters
        self._connection.exec_driver_sql(self._sql, [parameters((*shared, *row)) for row in rows])


def _log_entry_text(what: str, obj_id: str, after: str) -> str:
    """``json.dumps(log_entry((what, obj_id), None, after))``, from ``after`` already as JSON text
    (``what`` is a plain word: CASE, NODE or RELATIONSHIP)."""
    return f'{{"what": "{what}", "id": {json.dumps(obj_id)}, "before": null, "after": {after}}}'


class _LogText:
    """The changes of an edit-log entry as JSON text, gathered a batch of entries at a time.

    The log of a large import is tens of megabytes: a string per batch, rather than per entry, saves
    the overhead of a quarter of a million small strings.
    """

    def __init__(self) -> None:
        self._chunks: list[str] | None = []

    def add(self, entries: list[str]) -> None:
        """Entries, each ``json.dumps`` of one change."""
        assert self._chunks is not None, "the log was taken already"
        if entries:
            if self._chunks:
                self._chunks.append(", ")
            self._chunks.append(", ".join(entries))

    def take(self) -> str:
        """``json.dumps`` of the list of every entry added, made with one copy of the whole; the
        chunks are let go as it returns. Only once: a second call would be an empty log."""
        if self._chunks is None:
            raise RuntimeError("the edit log's text was taken already")
        chunks, self._chunks = ["[", *self._chunks, "]"], None
        return "".join(chunks)


_TAKE_LOG = "circles_take_log"


def _insert_log(connection: Connection, values: dict[str, Any], log: _LogText) -> None:
    """Insert an edit-log entry whose changes are ``log``, holding as few copies of its text as can be.

    A bound parameter would keep Python's copy alive while SQLite makes two of its own (the bound
    value and the row), and SQLite keeps the bound copy after the statement ran, until the cached
    statement is used again. On SQLite the text is therefore the result of a function called once
    by the statement itself: Python's copy is freed as soon as SQLite has taken it.
    """
    if connection.dialect.driver != "pysqlite":  # Python's sqlite3 module
        connection.execute(insert(edit_log).values(changes=_json_text(connection, "changes_text"), **values),
                           {"changes_text": log.take()})
        return
    sqlite = connection.connection.dbapi_connection
    assert sqlite is not None
    sqlite.create_function(_TAKE_LOG, 0, log.take)
    try:
        connection.execute(insert(edit_log).values(changes=getattr(func, _TAKE_LOG)(), **values))
    finally:  # Python 3.11 cannot drop a function: this leaves one that raises and holds nothing
        sqlite.create_function(_TAKE_LOG, 0, None)


class Loaded(NamedTuple):
    """A case as read: a detached document, the version of every row, and the last edit it includes."""

    doc: CaseDocument
    versions: dict[RowKey, int]
    seq: int


def load_case(connection: Connection, case_id: str) -> Loaded:
    """The case as a detached document (no sink), the version of every row it was read from, and the
    sequence number of the last edit it shows.

    Call inside a transaction, so the rows are one consistent state even while others write.
    """
    with collector_paused():
        return _load_case(connection, case_id)


def _load_case(connection: Connection, case_id: str) -> Loaded:
    row = connection.execute(select(cases.c.info, cases.c.version, cases.c.last_seq)
                             .where(cases.c.id == case_id)).one_or_none()
    if row is None:
        raise CaseNotFound(f"no case with id {case_id!r}")
    node_rows = connection.execute(select(nodes.c.id, nodes.c.version, nodes.c.data)
                                   .where(nodes.c.case_id == case_id).order_by(nodes.c.ordinal)).all()
    rel_rows = connection.execute(select(relationships.c.id, relationships.c.version, relationships.c.data)
                                  .where(relationships.c.case_id == case_id)
                                  .order_by(relationships.c.ordinal)).all()
    try:
        info = decode_case_info(row.info)
        doc = CaseDocument(info, case_id=case_id)
        doc.load(info, list(_decoded(decode_node, NODE, node_rows)),
                 list(_decoded(decode_relationship, RELATIONSHIP, rel_rows)))
    except (CodecError, ValidationError) as exc:
        raise StoreError(f"case {case_id!r} cannot be read: {exc}") from None
    versions = {(CASE, case_id): row.version}
    versions.update(((NODE, r.id), r.version) for r in node_rows)
    versions.update(((RELATIONSHIP, r.id), r.version) for r in rel_rows)
    return Loaded(doc, versions, row.last_seq)


def _decoded(decode: Any, what: str, rows: Iterable[Any]) -> Iterator[Any]:
    for row_id, _version, data in rows:
        try:
            obj = decode(data)
        except CodecError as exc:
            raise CodecError(f"{what} row {row_id!r}: {exc}") from None
        if obj.id != row_id:
            raise CodecError(f"{what} row {row_id!r} holds {what} {obj.id!r}")
        yield obj
