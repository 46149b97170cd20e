"""The words of an undo step: what was changed, named the way a practitioner would say it.

The properties panel and the canvases' right-click menus change the same fields; they share these
words so the Undo history reads the same whichever way a change was made.
"""

from __future__ import annotations

from typing import Any

from ..graph.document import CaseDocument
from ..graph.model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    EcomapTie,
    Emotional,
    Parentage,
    ParentageType,
    Partnership,
    Person,
)
from .fields import FieldSpec, Kind

Subject = AnyNode | AnyRelationship | CaseInfo

CARERS = frozenset({ParentageType.FOSTER, ParentageType.KINSHIP})
# What a relationship's fields are called in an undo step ("Change Karim and Maria's partnership: type").
FIELD_WORDS = {"type": "type", "start": "start date", "end": "end date"}


def end_names(doc: CaseDocument, rel: AnyRelationship) -> tuple[str, str]:
    """The two ends as a practitioner says them: first names for people (full names when the two
    would read the same), a service's or household's own name."""
    ends = doc.node(rel.source), doc.node(rel.target)
    short = tuple(n.short_name if isinstance(n, Person) else n.label for n in ends)
    return (ends[0].label, ends[1].label) if short[0] == short[1] else (short[0], short[1])


def relationship_name(doc: CaseDocument, rel: AnyRelationship) -> str:
    """A relationship named by its ends, for undo steps and messages: "Karim and Maria's
    partnership", "Janet as Maja's carer", "the tie between Nikita and Eastbridge CAMHS"."""
    a, b = end_names(doc, rel)
    if isinstance(rel, Partnership):
        return f"{a} and {b}'s partnership"
    if isinstance(rel, Parentage):
        return f"{a} as {b}'s {'carer' if rel.type in CARERS else 'parent'}"
    if isinstance(rel, Emotional):
        return f"{a} and {b}'s emotional tie"
    assert isinstance(rel, EcomapTie)
    return f"the tie between {a} and {b}"


def change_label(doc: CaseDocument, subject: Subject, spec: FieldSpec, value: Any) -> str:
    """The undo step's words for setting ``spec`` of ``subject`` to ``value``."""
    if isinstance(subject, CaseInfo):
        return f"Change case {spec.name.lower()}"
    if hasattr(subject, "source"):
        owner = relationship_name(doc, subject)  # type: ignore[arg-type]
        if spec.kind is Kind.CHECK:
            return f"{'Set' if value else 'Clear'} “{spec.name}” for {owner}"
        return f"Change {owner}: {FIELD_WORDS.get(spec.path, spec.name.lower())}"
    name = getattr(subject, "short_name", None) or subject.label  # type: ignore[union-attr]
    if spec.kind is Kind.CHECK:
        return f"{'Set' if value else 'Clear'} “{spec.name}” for {name}"
    return f"Change {name}'s {spec.name.lower()}"
