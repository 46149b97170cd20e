"""Copy and paste of people, services and the lines between them, within and between cases.

The clipboard carries the domain codec's JSON, so what is pasted is checked as strictly as a case
file: anything on the clipboard that is not a valid fragment is refused with a message, never
half-pasted. Pasted objects get fresh ids, so the same fragment can be pasted again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QMimeData

from ..graph.codec import CodecError, decode_node, decode_relationship, encode
from ..graph.document import CaseDocument
from ..graph.model import AnyNode, AnyRelationship, Point, new_id

MIME_TYPE = "application/x-circles-fragment+json"
FORMAT_VERSION = 1


class ClipboardError(ValueError):
    """The clipboard holds something that is not people or services copied from Circles."""


@dataclass(frozen=True)
class Fragment:
    """Nodes and the relationships among them, as codec JSON."""

    nodes: tuple[dict[str, Any], ...]
    relationships: tuple[dict[str, Any], ...]

    @classmethod
    def of(cls, doc: CaseDocument, node_ids: list[str]) -> Fragment:
        chosen = set(node_ids)
        rels = {r.id: r for node_id in node_ids for r in doc.relationships_of(node_id)
                if r.source in chosen and r.target in chosen}
        return cls(tuple(encode(doc.node(i)) for i in node_ids), tuple(encode(r) for r in rels.values()))

    def fresh_copies(self, offset: Point) -> tuple[list[AnyNode], list[AnyRelationship]]:
        """Decoded copies with new ids and hand-placed positions shifted by ``offset``."""
        nodes = [decode_node(data) for data in self.nodes]
        ids = {node.id: new_id() for node in nodes}
        copies: list[AnyNode] = []
        for node in nodes:
            positions = {view: (x + offset[0], y + offset[1]) for view, (x, y) in node.positions.items()}
            changes: dict[str, Any] = {"id": ids[node.id], "positions": positions}
            if hasattr(node, "members"):
                changes["members"] = frozenset(ids[m] for m in node.members if m in ids)
            copies.append(replace(node, **changes))
        rels = [decode_relationship(data) for data in self.relationships]
        rel_copies = [replace(r, id=new_id(), source=ids[r.source], target=ids[r.target])
                      for r in rels if r.source in ids and r.target in ids]
        return copies, rel_copies

    def to_mime(self, text: str) -> QMimeData:
        mime = QMimeData()
        payload = {"format": "circles-fragment", "version": FORMAT_VERSION, "nodes": list(self.nodes),
                   "relationships": list(self.relationships)}
        mime.setData(MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        mime.setText(text)
        return mime

    @classmethod
    def from_mime(cls, mime: QMimeData | None) -> Fragment:
        """Read and check a fragment; raise :class:`ClipboardError` for anything else."""
        if mime is None or not mime.hasFormat(MIME_TYPE):
            raise ClipboardError("The clipboard holds nothing copied from Circles.")
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ClipboardError(f"The copied people could not be read ({exc}).") from None
        if not isinstance(payload, dict) or payload.get("format") != "circles-fragment":
            raise ClipboardError("The clipboard holds nothing copied from Circles.")
        if payload.get("version") != FORMAT_VERSION:
            raise ClipboardError("The people were copied from another version of Circles and cannot be pasted.")
        nodes, rels = payload.get("nodes"), payload.get("relationships")
        if not isinstance(nodes, list) or not isinstance(rels, list) or not nodes:
            raise ClipboardError("The clipboard holds no people or services.")
        fragment = cls(tuple(nodes), tuple(rels))
        try:
            fragment.fresh_copies((0.0, 0.0))
        except (CodecError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ClipboardError(f"The copied people could not be read: {exc}") from None
        return fragment
