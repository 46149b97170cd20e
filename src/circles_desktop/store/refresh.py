"""Bring an open case up to date with what others have saved, without reopening it.

The edits others made are read back from the audit trail, in order, and shown through
:meth:`CaseDocument.apply_external`, so every view hears the same signals as for an edit made here.
If the document does not fit an entry (it missed something, or two edits that were each valid
meet), the case is read again whole and only the differences are applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from ..graph.codec import CodecError, decode_case_info, decode_node, decode_relationship
from ..graph.document import CaseDocument
from ..graph.edits import Change, Edit, StaleEditError
from ..graph.validation import ValidationError
from .engine import reading
from .errors import CaseNotFound
from .rows import CASE, NODE, RELATIONSHIP, RowKey, load_case
from .schema import cases, edit_log, nodes, relationships
from .writer import CaseWriter

_DECODERS = {CASE: decode_case_info, NODE: decode_node, RELATIONSHIP: decode_relationship}
_CHUNK = 500  # ids per IN (...) list
LABEL = "Changes by others"


def refresh(writer: CaseWriter, doc: CaseDocument) -> int:
    """Apply every edit others saved since the document was last up to date; return how many.

    Raises :class:`CaseNotFound` when the case is gone (deleted, or moved to a team the user is not in).
    """
    with reading(writer.engine) as connection:
        head = connection.execute(select(cases.c.last_seq).where(cases.c.id == writer.case_id)).scalar_one_or_none()
        if head is None:
            raise CaseNotFound(f"case {doc.info.name!r} was deleted, or moved to a team you are not a member of")
        if head == writer.seq:
            return 0
        entries = connection.execute(
            select(edit_log.c.seq, edit_log.c.label, edit_log.c.undo, edit_log.c.changes)
            .where((edit_log.c.case_id == writer.case_id) & (edit_log.c.seq > writer.seq)
                   & (edit_log.c.seq <= head)).order_by(edit_log.c.seq)).all()
        theirs = [entry for entry in entries if entry.seq not in writer.own]
        versions = _versions(connection, writer.case_id,
                             {(c["what"], c["id"]) for entry in theirs for c in entry.changes})
    try:
        for entry in theirs:
            doc.apply_external(Edit(entry.label, tuple(_change(c) for c in entry.changes), undo=entry.undo))
    except (StaleEditError, ValidationError, CodecError, ValueError, KeyError):
        return reload(writer, doc)
    writer.saw(versions)
    writer.seq = head
    writer.own = {seq for seq in writer.own if seq > head}
    return len(theirs)


def reload(writer: CaseWriter, doc: CaseDocument) -> int:
    """Read the case again whole and apply the differences as one edit; return 1 if there were any."""
    with reading(writer.engine) as connection:
        try:
            latest = load_case(connection, writer.case_id)
        except CaseNotFound:
            raise CaseNotFound(f"case {doc.info.name!r} was deleted, or moved to a team you are not a member of") \
                from None
    edit = difference(doc, latest.doc)
    if edit.changes:
        doc.apply_external(edit)
    writer.versions.clear()
    writer.versions.update(latest.versions)
    writer.seq = latest.seq
    writer.own.clear()
    return 1 if edit.changes else 0


def difference(current: CaseDocument, latest: CaseDocument) -> Edit:
    """One edit that turns ``current`` into ``latest``, ordered so that every step can be applied:
    lines go before the people they join, and people arrive before the lines that join them."""
    now_nodes = {n.id: n for n in current.nodes()}
    new_nodes = {n.id: n for n in latest.nodes()}
    now_rels = {r.id: r for r in current.relationships()}
    new_rels = {r.id: r for r in latest.relationships()}
    changes: list[Change] = [Change(r, None) for i, r in now_rels.items() if i not in new_rels]
    changes += _updates(now_nodes, new_nodes)
    changes += _updates(now_rels, new_rels)
    changes += [Change(n, None) for i, n in now_nodes.items() if i not in new_nodes]
    if current.info != latest.info:
        changes.append(Change(current.info, latest.info))
    return Edit(LABEL, tuple(changes))


def _updates(now: dict[str, Any], new: dict[str, Any]) -> Iterable[Change]:
    for obj_id, obj in new.items():
        before = now.get(obj_id)
        if before != obj:
            yield Change(before, obj)


def _change(logged: dict[str, Any]) -> Change:
    decode = _DECODERS[logged["what"]]
    before, after = logged["before"], logged["after"]
    if logged["what"] == CASE and after is None:
        raise CaseNotFound("this case was deleted")
    return Change(None if before is None else decode(before), None if after is None else decode(after))


def _versions(connection: Connection, case_id: str, keys: set[RowKey]) -> dict[RowKey, int | None]:
    """The version now of every row in ``keys``; None for rows that are no longer there."""
    found: dict[RowKey, int | None] = dict.fromkeys(keys)
    for what, table in ((NODE, nodes), (RELATIONSHIP, relationships)):
        ids = sorted(i for w, i in keys if w == what)
        for start in range(0, len(ids), _CHUNK):
            rows = connection.execute(select(table.c.id, table.c.version).where(
                (table.c.case_id == case_id) & table.c.id.in_(ids[start:start + _CHUNK])))
            found.update(((what, row.id), row.version) for row in rows)
    if (CASE, case_id) in keys:
        found[(CASE, case_id)] = connection.execute(
            select(cases.c.version).where(cases.c.id == case_id)).scalar_one_or_none()
    return found

