"""The audit trail as people read it: who changed what in a case and when, per case, per person in the
network or per practitioner, and written out as CSV or JSON for a case file or an inspection.

Read-only by design: nothing here (or anywhere in Circles) changes an entry, and the database
refuses it too (see migration 0002).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ..graph.codec import CodecError, decode_node
from .errors import StoreError
from .rows import CASE, NODE
from .schema import edit_log

FORMAT = "circles-audit"
FORMAT_VERSION = 1
CSV_COLUMNS = ("case_id", "seq", "at", "by", "label", "undo", "team", "what", "id", "name", "action", "fields",
               "before", "after")


@dataclass(frozen=True)
class AuditChange:
    """One object in one entry: before and after as the codec wrote them (None: did not exist)."""

    what: str  # "case", "node" or "relationship"
    id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def action(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"

    @property
    def name(self) -> str:
        """What a reader calls it: a person's or service's name, a relationship's kind, "case details"."""
        data = self.after if self.after is not None else self.before or {}
        if self.what == CASE:
            return "case details"
        if self.what == NODE:
            try:
                return decode_node(data).label
            except CodecError:
                return str(data.get("id", self.id))
        return f"{data.get('kind', 'a')} relationship"

    @property
    def fields(self) -> list[str]:
        """The fields that differ between before and after (all of them for an addition or removal)."""
        before, after = self.before or {}, self.after or {}
        return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))

    def touches(self, node_id: str) -> bool:
        """Whether this change is about that person (or service): them, a line to or from them, or their
        joining or leaving a household."""
        before, after = self.before or {}, self.after or {}
        if self.id == node_id:
            return True
        if self.what == NODE:
            return node_id in set(before.get("members", ())) ^ set(after.get("members", ()))
        return node_id in {d.get(end) for d in (before, after) for end in ("source", "target")}

    def describe(self) -> str:
        text = f"{self.action} {self.name}"
        return f"{text}: {', '.join(self.fields)}" if self.action == "changed" else text


@dataclass(frozen=True)
class AuditEntry:
    """One edit as it was saved: its number in the case, when and by whom, and every change in it."""

    case_id: str
    seq: int
    at: datetime
    by: str
    label: str
    undo: bool
    team: str
    changes: tuple[AuditChange, ...]

    def touches(self, node_id: str) -> bool:
        return any(change.touches(node_id) for change in self.changes)

    def about(self, node_id: str) -> AuditEntry:
        """This entry with only the changes that concern that person or service."""
        return replace(self, changes=tuple(c for c in self.changes if c.touches(node_id)))

    def as_json(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "seq": self.seq, "at": _iso(self.at), "by": self.by, "label": self.label,
                "undo": self.undo, "team": self.team,
                "changes": [{"what": c.what, "id": c.id, "name": c.name, "action": c.action, "before": c.before,
                             "after": c.after} for c in self.changes]}


def read_audit(connection: Connection, *, case_id: str | None = None, by: str | None = None,
               node_id: str | None = None) -> list[AuditEntry]:
    """The entries of one case, or by one practitioner, or both; oldest first.

    ``node_id`` keeps only what concerns that person or service (see :meth:`AuditChange.touches`).
    On PostgreSQL the database shows only entries of the user's teams.
    """
    if case_id is None and by is None:
        raise ValueError("read the audit trail of a case or of a practitioner")
    stmt = select(edit_log).order_by(edit_log.c.at, edit_log.c.case_id, edit_log.c.seq)
    if case_id is not None:
        stmt = stmt.where(edit_log.c.case_id == case_id)
    if by is not None:
        stmt = stmt.where(edit_log.c.by == by)
    entries = [AuditEntry(row.case_id, row.seq, row.at, row.by, row.label, bool(row.undo), row.team,
                          tuple(_change(c) for c in row.changes or ()))
               for row in connection.execute(stmt)]
    if case_id is not None:
        entries.sort(key=lambda e: e.seq)
    return entries if node_id is None else [e.about(node_id) for e in entries if e.touches(node_id)]


def find_person(entries: Iterable[AuditEntry], ref: str) -> str:
    """The id of the person or service ``ref`` names (an id, or a name matching one) in these entries;
    names come from the trail itself, so this works for people since deleted, and for deleted cases."""
    wanted = ref.strip()
    names: dict[str, set[str]] = {}
    for entry in entries:
        for change in entry.changes:
            if change.what == NODE:
                if change.id == wanted:
                    return wanted
                names.setdefault(change.name.casefold(), set()).add(change.id)
    found = sorted(names.get(wanted.casefold(), ()))
    if not found:  # "Nikita" for "Nikita Zain", as the case list's search finds her
        found = sorted({i for name, ids in names.items() if wanted.casefold() in name for i in ids})
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"nobody called {ref!r} appears in this audit trail")
    raise ValueError(f"{ref!r} names {len(found)} people in this audit trail ({', '.join(found)}); use the id")


def _change(logged: dict[str, Any]) -> AuditChange:
    return AuditChange(str(logged.get("what", "")), str(logged.get("id", "")), logged.get("before"),
                       logged.get("after"))


# ----- export --------------------------------------------------------------------------------------


def audit_csv(entries: Iterable[AuditEntry]) -> str:
    """One row per change (an entry with no itemised changes gets one row), for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        head = [entry.case_id, entry.seq, _iso(entry.at), entry.by, entry.label, "yes" if entry.undo else "no",
                entry.team]
        if not entry.changes:
            writer.writerow(head + [""] * 7)
        for change in entry.changes:
            writer.writerow(head + [change.what, change.id, change.name, change.action, " ".join(change.fields),
                                    _json(change.before), _json(change.after)])
    return out.getvalue()


def audit_json(entries: Sequence[AuditEntry], about: dict[str, str]) -> str:
    """The entries with what they are about (``about``: the case or the practitioner), as JSON."""
    document = {"format": FORMAT, "version": FORMAT_VERSION, "exported_at": _iso(datetime.now(timezone.utc)),
                **about, "entries": [entry.as_json() for entry in entries]}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_audit(entries: Sequence[AuditEntry], path: Path, about: dict[str, str]) -> None:
    """Write the entries to ``path`` as .csv or .json, whole or not at all (a temporary file renamed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = audit_csv(entries)
    elif suffix == ".json":
        text = audit_json(entries, about)
    else:
        raise StoreError(f"{path}: cannot write the audit trail as {suffix or 'a file without an extension'} "
                         "(use .csv or .json)")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _json(data: dict[str, Any] | None) -> str:
    return "" if data is None else json.dumps(data, ensure_ascii=False, sort_keys=True)
