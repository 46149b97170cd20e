"""Edits: every change to a case is one of these, so it can be undone, saved and audited.

An :class:`Edit` is data: a label for the undo menu and a list of :class:`Change` records, each the
object before and after (``None`` when it did not exist). Applying writes every ``after``; reverting
writes every ``before`` in reverse order. Because each change states what it expects to find, an edit
refuses to apply over a state it was not made for (:class:`StaleEditError`) instead of silently
overwriting someone else's work.

The builder functions below turn a practitioner's intent ("add a partner") into an edit; they read
the document but never change it. Only :meth:`CaseDocument.apply` changes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, TypeAlias

from .model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    CirclePlacement,
    EcomapTie,
    Household,
    Parentage,
    ParentageType,
    Partnership,
    PartnershipType,
    Person,
    Point,
)

if TYPE_CHECKING:
    from .document import CaseDocument

Subject: TypeAlias = AnyNode | AnyRelationship | CaseInfo


class StaleEditError(RuntimeError):
    """The case is not in the state an edit was made for (someone or something changed it)."""


@dataclass(frozen=True)
class Change:
    """One object before and after. Exactly one of the two may be ``None``."""

    before: Subject | None
    after: Subject | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")
        if self.before is not None and self.after is not None:
            if type(self.before) is not type(self.after) or _identity(self.before) != _identity(self.after):
                raise ValueError("a change replaces one object with a new version of itself")

    @property
    def subject(self) -> Subject:
        return self.after if self.after is not None else self.before  # type: ignore[return-value]

    @property
    def key(self) -> str:
        return _identity(self.subject)

    def inverse(self) -> Change:
        return Change(self.after, self.before)


def _identity(obj: Subject) -> str:
    return "case" if isinstance(obj, CaseInfo) else obj.id


class GraphWriter(Protocol):
    """What an edit may touch: the document's private write access, nothing more."""

    def current(self, change: Change) -> Subject | None: ...

    def write(self, change: Change) -> None: ...


@dataclass(frozen=True)
class Edit:
    label: str
    changes: tuple[Change, ...]
    undo: bool = False  # this edit takes back an earlier one (the audit trail says so)

    def apply(self, writer: GraphWriter) -> None:
        self._run(writer, self.changes)

    def revert(self, writer: GraphWriter) -> None:
        self._run(writer, tuple(c.inverse() for c in reversed(self.changes)))

    def inverse(self) -> Edit:
        """The edit that takes this one back: an undo, or (the inverse of an undo) a redo."""
        return Edit(self.label, tuple(c.inverse() for c in reversed(self.changes)), undo=not self.undo)

    @staticmethod
    def _run(writer: GraphWriter, changes: Sequence[Change]) -> None:
        done: list[Change] = []
        try:
            for change in changes:
                if writer.current(change) != change.before:
                    raise StaleEditError(
                        f"'{_describe(change.subject)}' was changed since this edit was made"
                    )
                writer.write(change)
                done.append(change)
        except BaseException:
            for change in reversed(done):
                writer.write(change.inverse())
            raise

    def merged_with(self, later: Edit) -> Edit | None:
        """One edit doing both, when ``later`` only changes again what this one changed.

        A drag sends many moves of the same symbols; merged, they are one undo step.
        """
        if self.label != later.label or [c.key for c in self.changes] != [c.key for c in later.changes]:
            return None
        if any(c.before is None or c.after is None for c in self.changes + later.changes):
            return None
        return Edit(
            self.label,
            tuple(Change(first.before, second.after) for first, second in zip(self.changes, later.changes)),
        )

    @property
    def is_empty(self) -> bool:
        return all(c.before == c.after for c in self.changes)


def _describe(subject: Subject) -> str:
    if isinstance(subject, CaseInfo):
        return subject.name
    label = getattr(subject, "label", None)
    return label if isinstance(label, str) else f"{subject.kind.value} relationship"


def combine(label: str, edits: Iterable[Edit]) -> Edit:
    """Several edits as one undo step."""
    return Edit(label, tuple(change for edit in edits for change in edit.changes))


# ----- builders: intent in, edit out ---------------------------------------------------------------


def add_node(node: AnyNode, label: str | None = None) -> Edit:
    return Edit(label or f"Add {node.kind}", (Change(None, node),))


def update_node(doc: CaseDocument, node: AnyNode, label: str | None = None) -> Edit:
    return Edit(label or f"Change {node.label}", (Change(doc.node(node.id), node),))


def add_relationship(rel: AnyRelationship, label: str | None = None) -> Edit:
    return Edit(label or f"Add {rel.kind.value} relationship", (Change(None, rel),))


def update_relationship(doc: CaseDocument, rel: AnyRelationship, label: str | None = None) -> Edit:
    return Edit(label or f"Change {rel.kind.value} relationship", (Change(doc.relationship(rel.id), rel),))


def remove_relationships(doc: CaseDocument, ids: Iterable[str], label: str = "Delete relationship") -> Edit:
    return Edit(label, tuple(Change(doc.relationship(rid), None) for rid in dict.fromkeys(ids)))


def remove_nodes(doc: CaseDocument, ids: Iterable[str], label: str | None = None) -> Edit:
    """Delete nodes with every relationship that touches them and their household memberships."""
    doomed = list(dict.fromkeys(ids))
    gone = set(doomed)
    changes: list[Change] = []
    rel_ids = dict.fromkeys(rel.id for node_id in doomed for rel in doc.relationships_of(node_id))
    changes.extend(Change(doc.relationship(rid), None) for rid in rel_ids)
    for household in doc.households():
        if household.id not in gone and household.members & gone:
            changes.append(Change(household, replace(household, members=household.members - gone)))
    changes.extend(Change(doc.node(node_id), None) for node_id in doomed)
    if label is None:
        label = f"Delete {doc.node(doomed[0]).label}" if len(doomed) == 1 else f"Delete {len(doomed)} items"
    return Edit(label, tuple(changes))


def update_case(doc: CaseDocument, info: CaseInfo, label: str = "Change case details") -> Edit:
    return Edit(label, (Change(doc.info, info),))


def move_nodes(doc: CaseDocument, view: str, places: dict[str, Point], label: str = "Move") -> Edit:
    """Remember where the user put nodes in one view; these places win over automatic layout."""
    changes = []
    for node_id, point in places.items():
        node = doc.node(node_id)
        positions = {**node.positions, view: (float(point[0]), float(point[1]))}
        changes.append(Change(node, replace(node, positions=positions)))
    return Edit(label, tuple(changes))


def clear_positions(doc: CaseDocument, view: str, label: str = "Re-arrange") -> Edit:
    """Forget hand-placed positions in one view, so automatic layout takes over again."""
    changes = []
    for node in doc.nodes():
        if view in node.positions:
            positions = {k: v for k, v in node.positions.items() if k != view}
            changes.append(Change(node, replace(node, positions=positions)))
    return Edit(label, tuple(changes))


def add_parent(
    doc: CaseDocument,
    child_id: str,
    parent: Person,
    type: ParentageType = ParentageType.BIRTH,
    parental_responsibility: bool = True,
) -> Edit:
    """Add a parent; if the child already has one birth parent, join the two as a couple."""
    changes = [
        Change(None, parent),
        Change(None, Parentage(parent.id, child_id, type=type, parental_responsibility=parental_responsibility)),
    ]
    if type is ParentageType.BIRTH:
        others = [p for p in doc.parents_of(child_id, ParentageType.BIRTH)]
        if len(others) == 1:
            changes.append(Change(None, Partnership(others[0].id, parent.id, type=PartnershipType.MARRIED)))
    return Edit("Add parent", tuple(changes))


def add_partner(doc: CaseDocument, person_id: str, partner: Person,
                type: PartnershipType = PartnershipType.MARRIED) -> Edit:
    doc.node(person_id)
    return Edit("Add partner", (Change(None, partner), Change(None, Partnership(person_id, partner.id, type=type))))


def add_child(doc: CaseDocument, parent_ids: Sequence[str], child: Person,
              type: ParentageType = ParentageType.BIRTH) -> Edit:
    """Add a child of one parent or of a couple (both lines are made)."""
    changes = [Change(None, child)]
    for parent_id in parent_ids:
        doc.node(parent_id)
        changes.append(Change(None, Parentage(parent_id, child.id, type=type, parental_responsibility=True)))
    return Edit("Add child", tuple(changes))


def add_sibling(doc: CaseDocument, person_id: str, sibling: Person) -> Edit:
    """Add a full sibling: a child of the same birth parents."""
    parents = [p.id for p in doc.parents_of(person_id, ParentageType.BIRTH)]
    edit = add_child(doc, parents, sibling)
    return Edit("Add sibling", edit.changes)


def with_ecomap_ties(edit: Edit, source: str, node_ids: Iterable[str], label: str | None = None) -> Edit:
    """``edit`` (which adds people or services) and a tie from ``source`` to each of ``node_ids``,
    as one undo step.

    The ecomap draws only what is tied to the child or their household, so someone added while the
    practitioner looks at the ecomap needs a tie to appear there; made apart, the two would be two
    undo steps, and undoing the tie alone would leave the newcomer invisible on the picture.
    """
    ties = [add_relationship(EcomapTie(source, node_id)) for node_id in dict.fromkeys(node_ids)]
    return combine(label or edit.label, [edit, *ties])


def add_to_household(doc: CaseDocument, household_id: str, person_ids: Iterable[str]) -> Edit:
    household = doc.node(household_id)
    assert isinstance(household, Household)
    return update_node(doc, replace(household, members=household.members | frozenset(person_ids)),
                       "Add to household")


def place_in_circles(doc: CaseDocument, places: dict[str, tuple[CirclePlacement | None, Point | None]],
                     label: str | None = None) -> Edit:
    """Put nodes in a ring and sector of the circles of support, where they were dropped.

    Each node id maps to its new placement (None takes it out of the circles) and the point it was
    dropped at (None lets the layout place it). One drag of several people is one undo step.
    """
    changes = []
    for node_id, (placement, point) in places.items():
        node = doc.node(node_id)
        positions = {k: v for k, v in node.positions.items() if k != "circles"}
        if placement is not None and point is not None:
            positions["circles"] = (float(point[0]), float(point[1]))
        changes.append(Change(node, replace(node, circle=placement, positions=positions)))
    if label is None:
        if len(places) != 1:
            label = f"Place {len(places)} items"
        else:
            node_id, (placement, _) = next(iter(places.items()))
            name = doc.node(node_id).label
            label = (f"Place {name} in the {placement.ring.value} circle" if placement is not None
                     else f"Take {name} out of the circles")
    return Edit(label, tuple(changes))
