"""A whole case between the database and a :class:`CaseDocument`: load it, or insert it at once.

Both directions are the hot paths of opening and importing a case, so they use Core statements
over plain tuples and executemany, not ORM objects (which cost several times as much per row).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, func, insert, select

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


def node_values(node: AnyNode, data: dict[str, Any] | None = None) -> dict[str, Any]:
    label = node.label
    return {"id": node.id, "kind": node.kind, "label": column_text(label), "search_key": search_key(label),
            "data": encode(node) if data is None else data}


def relationship_values(rel: AnyRelationship, data: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"id": rel.id, "kind": rel.kind.value, "source_id": rel.source, "target_id": rel.target,
            "data": encode(rel) if data is None else data}


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


def _insert_document(connection: Connection, doc: CaseDocument, case_id: str, stamp: Stamp,
                     label: str, itemised: bool) -> dict[RowKey, int]:
    new = stamp.new_row()
    node_data = [(node, encode(node)) for node in doc.nodes()]
    rel_data = [(rel, encode(rel)) for rel in doc.relationships()]
    connection.execute(insert(cases), [{"id": case_id, "last_seq": 1, **case_values(doc.info), **new}])
    if node_data:
        connection.execute(insert(nodes), [{"case_id": case_id, **node_values(n, d), **new} for n, d in node_data])
    if rel_data:
        connection.execute(insert(relationships),
                           [{"case_id": case_id, **relationship_values(r, d), **new} for r, d in rel_data])
    added = [log_entry((CASE, case_id), None, encode(doc.info))]
    if itemised:
        added += [log_entry((NODE, n.id), None, d) for n, d in node_data]
        added += [log_entry((RELATIONSHIP, r.id), None, d) for r, d in rel_data]
    connection.execute(insert(edit_log), [log_row(case_id, 1, stamp, label, added, doc.info.team)])
    versions = {(CASE, case_id): 1}
    versions.update(((NODE, n.id), 1) for n, _ in node_data)
    versions.update(((RELATIONSHIP, r.id), 1) for r, _ in rel_data)
    return versions


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
