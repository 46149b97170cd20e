"""The editor of one open case: its undo history, its selection, and the practitioner's intents.

Views and panels never change the case themselves. They ask the editor ("add a partner of the
selected person", "these people moved here"), the editor turns the intent into a domain edit with
the builders of :mod:`circles_desktop.graph.edits`, and pushes it on the undo stack, which applies it
to the document (and so to the database). The document's signals then tell every view what
changed. This is orange-canvas-core's split: the editor owns the undo stack, the scene only draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..graph import edits
from ..graph.document import CaseDocument
from ..graph.edits import Edit
from ..graph.model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    Household,
    Parentage,
    ParentageType,
    Partnership,
    PartnershipType,
    Person,
    Point,
    Service,
)
from . import clipboard
from .undo import Report, push_edit

RELATIVES = ("parent", "partner", "child", "sibling")

# What a view adds to an edit that creates nodes so they appear on its picture (the ecomap ties
# them to the child): part of the same edit, so the practitioner's one gesture stays one undo step.
Joiner = Callable[[Edit, Sequence[AnyNode]], Edit]


class CaseEditor(QObject):
    """One open case: the document, its undo stack and what is selected in it."""

    selection_changed = Signal()
    problem = Signal(str)  # something the practitioner should read (a refused edit)
    node_created = Signal(str)  # a node the practitioner just added, to name it straight away

    def __init__(self, doc: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = QUndoStack(self)
        self._selection: tuple[str, ...] = ()
        self.joiners: list[Joiner] = []
        doc.node_removed.connect(self._on_node_removed)
        doc.relationship_removed.connect(self._on_relationship_removed)

    def close(self) -> None:
        """Stop following the document, so a closed case leaves nothing listening."""
        self.doc.node_removed.disconnect(self._on_node_removed)
        self.doc.relationship_removed.disconnect(self._on_relationship_removed)
        self.undo_stack.clear()

    # ----- undo -------------------------------------------------------------------------------------

    def push(self, edit: Edit, merge_token: object = None, report: Report | None = None) -> bool:
        """Apply and record one edit; False when the case refuses it, with the reason sent to
        ``report`` (a form shows it under the field) or else to :attr:`problem`."""
        return push_edit(self.undo_stack, self.doc, edit, report or self.problem.emit, merge_token)

    # ----- selection --------------------------------------------------------------------------------

    @property
    def selection(self) -> tuple[str, ...]:
        """Selected node and relationship ids, in the order they were selected."""
        return self._selection

    def select(self, ids: Iterable[str]) -> None:
        chosen = tuple(dict.fromkeys(i for i in ids if self.doc.has_node(i) or self.doc.has_relationship(i)))
        if chosen != self._selection:
            self._selection = chosen
            self.selection_changed.emit()

    def selected_nodes(self) -> list[AnyNode]:
        return [self.doc.node(i) for i in self._selection if self.doc.has_node(i)]

    def selected_relationships(self) -> list[AnyRelationship]:
        return [self.doc.relationship(i) for i in self._selection if self.doc.has_relationship(i)]

    def selected_people(self) -> list[Person]:
        return [n for n in self.selected_nodes() if isinstance(n, Person)]

    def _on_node_removed(self, node: AnyNode) -> None:
        self.select(i for i in self._selection if i != node.id)

    def _on_relationship_removed(self, rel: AnyRelationship) -> None:
        self.select(i for i in self._selection if i != rel.id)

    # ----- intents ----------------------------------------------------------------------------------

    def add_person(self, view: str, at: Point | None = None) -> str | None:
        person = Person(positions={view: at} if at is not None else {})
        return self._add(edits.add_node(person, "Add person"), person.id)

    def add_service(self, view: str, at: Point | None = None) -> str | None:
        service = Service(name="New service", positions={view: at} if at is not None else {})
        return self._add(edits.add_node(service, "Add service"), service.id)

    def add_relative(self, relation: str) -> str | None:
        """Add a parent, partner, child or sibling of the selection, with the lines that join them."""
        people = self.selected_people()
        if not people:
            self.problem.emit(f"Choose a person first, then add their {relation}.")
            return None
        person = people[0]
        if relation == "parent":
            new = Person()
            edit = edits.add_parent(self.doc, person.id, new)
        elif relation == "partner":
            new = Person()
            edit = edits.add_partner(self.doc, person.id, new)
        elif relation == "child":
            new = Person(family_name=person.family_name)
            edit = edits.add_child(self.doc, self._parents_for_child(people), new)
        elif relation == "sibling":
            new = Person(family_name=person.family_name)
            edit = self._sibling_edit(person, new)
        else:
            raise ValueError(f"unknown relation {relation!r} (expected one of {', '.join(RELATIVES)})")
        return self._add(edit, new.id)

    def _parents_for_child(self, people: Sequence[Person]) -> list[str]:
        """Two selected people are the couple; one person with a single partner brings the partner."""
        if len(people) >= 2:
            return [people[0].id, people[1].id]
        partners = {p.target if p.source == people[0].id else p.source for p in self.doc.partnerships_of(people[0].id)}
        return [people[0].id, *partners] if len(partners) == 1 else [people[0].id]

    def _sibling_edit(self, person: Person, sibling: Person) -> Edit:
        """A sibling hangs from the parents' line, so when there are no parents yet make two."""
        if self.doc.parents_of(person.id, ParentageType.BIRTH):
            return edits.add_sibling(self.doc, person.id, sibling)
        mother, father = Person(), Person()
        steps = [
            edits.add_node(mother),
            edits.add_node(father),
            edits.add_relationship(Partnership(mother.id, father.id, type=PartnershipType.MARRIED)),
            edits.add_relationship(Parentage(mother.id, person.id, parental_responsibility=True)),
            edits.add_relationship(Parentage(father.id, person.id, parental_responsibility=True)),
            edits.add_node(sibling),
            edits.add_relationship(Parentage(mother.id, sibling.id, parental_responsibility=True)),
            edits.add_relationship(Parentage(father.id, sibling.id, parental_responsibility=True)),
        ]
        return edits.combine("Add sibling", steps)

    def _joined(self, edit: Edit, nodes: Sequence[AnyNode]) -> Edit:
        for joiner in self.joiners:
            edit = joiner(edit, nodes)
        return edit

    def _add(self, edit: Edit, new_id: str) -> str | None:
        new = next(c.after for c in edit.changes if c.key == new_id)
        if not self.push(self._joined(edit, [new])):  # type: ignore[list-item]
            return None
        self.select([new_id])
        self.node_created.emit(new_id)
        return new_id

    def relate(self, relationship: AnyRelationship) -> bool:
        """Add a relationship the practitioner drew between two symbols."""
        label = f"Add {_REL_WORDS.get(type(relationship).__name__, 'relationship')}"
        if self.push(edits.add_relationship(relationship, label)):
            self.select([relationship.id])
            return True
        return False

    def delete_selection(self) -> bool:
        nodes = [n.id for n in self.selected_nodes()]
        rels = [r.id for r in self.selected_relationships()
                if r.source not in nodes and r.target not in nodes]
        if not nodes and not rels:
            return False
        parts = []
        if nodes:
            parts.append(edits.remove_nodes(self.doc, nodes))
        if rels:
            parts.append(edits.remove_relationships(self.doc, rels))
        label = parts[0].label if len(parts) == 1 else f"Delete {len(nodes) + len(rels)} items"
        return self.push(edits.combine(label, parts))

    def move(self, view: str, places: dict[str, Point], merge_token: object = None) -> bool:
        """Remember where the practitioner put these nodes: one drag, one undo step (and a run of
        keyboard nudges with the same ``merge_token``, one step too)."""
        moved = {i: p for i, p in places.items() if self.doc.has_node(i)
                 and self.doc.node(i).positions.get(view) != (float(p[0]), float(p[1]))}
        if not moved:
            return False
        label = f"Move {self.doc.node(next(iter(moved))).label}" if len(moved) == 1 else f"Move {len(moved)} items"
        return self.push(edits.move_nodes(self.doc, view, moved, label), merge_token)

    def rearrange(self, view: str) -> bool:
        edit = edits.clear_positions(self.doc, view)
        if edit.is_empty:
            self.problem.emit("Nothing was moved by hand, so the layout is already automatic.")
            return False
        return self.push(edit)

    def update_node(self, node: AnyNode, label: str | None = None, report: Report | None = None) -> bool:
        return self.push(edits.update_node(self.doc, node, label), report=report)

    def update_relationship(self, rel: AnyRelationship, label: str | None = None,
                            report: Report | None = None) -> bool:
        return self.push(edits.update_relationship(self.doc, rel, label), report=report)

    def update_case(self, info: CaseInfo, label: str = "Change case details", report: Report | None = None) -> bool:
        return self.push(edits.update_case(self.doc, info, label), report=report)

    # ----- clipboard --------------------------------------------------------------------------------

    def copy_selection(self) -> clipboard.Fragment | None:
        nodes = self.selected_nodes()
        if not nodes:
            return None
        return clipboard.Fragment.of(self.doc, [n.id for n in nodes])

    def paste(self, fragment: clipboard.Fragment, offset: Point = (30.0, 30.0)) -> bool:
        """Paste copies with fresh ids, so the same people can be pasted twice or into another case."""
        nodes, rels = fragment.fresh_copies(offset)
        existing = {n.id for n in nodes}
        nodes = [replace(n, members=n.members & existing) if isinstance(n, Household) else n for n in nodes]
        label = f"Paste {nodes[0].label}" if len(nodes) == 1 else f"Paste {len(nodes)} items"
        steps = [edits.add_node(n) for n in nodes] + [edits.add_relationship(r) for r in rels]
        if not self.push(self._joined(edits.combine(label, steps), nodes)):
            return False
        self.select(n.id for n in nodes)
        return True


_REL_WORDS = {"Partnership": "partnership", "Parentage": "parent and child line", "Emotional": "emotional line",
              "EcomapTie": "ecomap tie"}
