"""Helpers shared by the store tests (importable because pytest puts tests/store on the path)."""

from __future__ import annotations

from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument


def snapshot(doc: CaseDocument) -> tuple:
    """Everything in a case, in a form that compares exactly, with the order of the nodes."""
    nodes = [(n.id, repr(encode(n))) for n in doc.nodes()]
    rels = sorted((r.id, repr(encode(r))) for r in doc.relationships())
    edges = sorted((u, v, k) for u, v, k in doc.graph.edges(keys=True))
    return repr(encode(doc.info)), nodes, rels, edges
