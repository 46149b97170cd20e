"""The case document: owner and only mutator of a case's graph.

The graph is a ``networkx.MultiDiGraph``: nodes are people, services and households (their id is
the node key, the model object is the ``obj`` attribute); edges are relationships (the relationship
id is the edge key). Everything outside reads the graph through :attr:`CaseDocument.graph`, a
read-only view, and changes it only by passing an :class:`~.edits.Edit` to :meth:`CaseDocument.apply`.

Order of events for one edit: write it to the graph, check it (a practitioner-readable
:class:`ValidationError` undoes it), hand it to the ``sink`` (the store commits it in one
transaction; a failure undoes it), and only then tell the views. So nothing reaches the screen that
is not already safe in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import networkx as nx

from .edits import Change, Edit, Subject
from .model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    EcomapTie,
    Household,
    Parentage,
    ParentageType,
    Partnership,
    Person,
    RelKind,
    Service,
)
from .signals import Signal
from .validation import Problem, Severity, ValidationError, check_changes, check_document

Sink = Callable[[Edit], None]


class CaseDocument:
    """One case: its details, its network, and the signals views follow."""

    def __init__(self, info: CaseInfo, case_id: str | None = None) -> None:
        self.case_id = case_id
        self._info = info
        self._graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._view: nx.MultiDiGraph = self._graph.copy(as_view=True)
        self._ends: dict[str, tuple[str, str]] = {}  # relationship id -> (source, target)
        self.sink: Sink | None = None

        self.node_added: Signal[[AnyNode]] = Signal("node_added")
        self.node_changed: Signal[[AnyNode, AnyNode]] = Signal("node_changed")
        self.node_removed: Signal[[AnyNode]] = Signal("node_removed")
        self.relationship_added: Signal[[AnyRelationship]] = Signal("relationship_added")
        self.relationship_changed: Signal[[AnyRelationship, AnyRelationship]] = Signal("relationship_changed")
        self.relationship_removed: Signal[[AnyRelationship]] = Signal("relationship_removed")
        self.case_changed: Signal[[CaseInfo]] = Signal("case_changed")
        # After every applied or reverted edit, with the edit as it was applied (reverts are inverses).
        self.edited: Signal[[Edit]] = Signal("edited")

    # ----- reading ---------------------------------------------------------------------------------

    @property
    def info(self) -> CaseInfo:
        return self._info

    @property
    def graph(self) -> nx.MultiDiGraph:
        """A read-only view of the case graph, for analysis and layout."""
        return self._view

    def node(self, node_id: str) -> AnyNode:
        try:
            return self._graph.nodes[node_id]["obj"]
        except KeyError:
            raise KeyError(f"no person, service or household with id {node_id!r} in this case") from None

    def has_node(self, node_id: str) -> bool:
        return node_id in self._graph

    def nodes(self) -> Iterator[AnyNode]:
        return (data["obj"] for _, data in self._graph.nodes(data=True))

    def people(self) -> list[Person]:
        return [n for n in self.nodes() if isinstance(n, Person)]

    def services(self) -> list[Service]:
        return [n for n in self.nodes() if isinstance(n, Service)]

    def households(self) -> list[Household]:
        return [n for n in self.nodes() if isinstance(n, Household)]

    def relationship(self, rel_id: str) -> AnyRelationship:
        try:
            source, target = self._ends[rel_id]
        except KeyError:
            raise KeyError(f"no relationship with id {rel_id!r} in this case") from None
        return self._graph.edges[source, target, rel_id]["obj"]

    def has_relationship(self, rel_id: str) -> bool:
        return rel_id in self._ends

    def relationships(self, kind: RelKind | None = None) -> list[AnyRelationship]:
        rels = (data["obj"] for _, _, data in self._graph.edges(data=True))
        return [r for r in rels if kind is None or r.kind is kind]

    def relationships_of(self, node_id: str) -> list[AnyRelationship]:
        """Every relationship that starts or ends at the node."""
        if node_id not in self._graph:
            return []
        out = self._graph.out_edges(node_id, data="obj")
        inc = self._graph.in_edges(node_id, data="obj")
        seen: dict[str, AnyRelationship] = {}
        for _, _, rel in (*out, *inc):
            seen[rel.id] = rel
        return list(seen.values())

    def relationships_between(self, a: str, b: str) -> list[AnyRelationship]:
        return [r for r in self.relationships_of(a) if {r.source, r.target} == {a, b} or (a == b == r.source)]

    def parents_of(self, child_id: str, type: ParentageType | None = None) -> list[Person]:
        return [
            self.node(rel.source)  # type: ignore[misc]
            for _, _, rel in self._graph.in_edges(child_id, data="obj")
            if isinstance(rel, Parentage) and (type is None or rel.type is type)
        ]

    def children_of(self, parent_id: str, type: ParentageType | None = None) -> list[Person]:
        return [
            self.node(rel.target)  # type: ignore[misc]
            for _, _, rel in self._graph.out_edges(parent_id, data="obj")
            if isinstance(rel, Parentage) and (type is None or rel.type is type)
        ]

    def partnerships_of(self, person_id: str) -> list[Partnership]:
        return [r for r in self.relationships_of(person_id) if isinstance(r, Partnership)]

    def ecomap_ties(self) -> list[EcomapTie]:
        return [r for r in self.relationships(RelKind.ECOMAP) if isinstance(r, EcomapTie)]

    def children_at_centre(self) -> list[Person]:
        return [p for p in self.people() if p.is_child_at_centre]

    def household_of(self, person_id: str) -> list[Household]:
        return [h for h in self.households() if person_id in h.members]

    def check(self) -> list[Problem]:
        """Everything that looks wrong in the whole case, for a summary or an import report."""
        return check_document(self)

    def __len__(self) -> int:
        return self._graph.number_of_nodes()

    # ----- changing --------------------------------------------------------------------------------

    def apply(self, edit: Edit) -> None:
        """Make the edit, or raise and leave the case as it was."""
        self._commit(edit, edit.apply)

    def revert(self, edit: Edit) -> None:
        """Undo an edit that was applied earlier."""
        self._commit(edit.inverse(), edit.revert)

    def apply_external(self, edit: Edit) -> None:
        """Show an edit someone else has already saved (the store's refresh): write it and tell the
        views, but neither check it nor hand it to the sink. It was checked and saved where it was made,
        and the document must mirror the database even when two edits that were each valid meet here.
        Raises :class:`StaleEditError` and changes nothing if the case is not in the state it expects.
        """
        edit.apply(_Writer(self))
        self._announce(edit)

    def load(self, info: CaseInfo, nodes: list[AnyNode], relationships: list[AnyRelationship]) -> None:
        """Fill a new, empty document from storage without emitting or persisting anything."""
        if self._graph.number_of_nodes():
            raise RuntimeError("load() fills an empty document only")
        self._info = info
        for node in nodes:
            self._write_node(node.id, node)
        for rel in relationships:
            self._write_rel(rel.id, rel)

    def _commit(self, as_applied: Edit, run: Callable[[_Writer], None]) -> None:
        writer = _Writer(self)
        run(writer)
        try:
            errors = [p for p in check_changes(self, as_applied.changes) if p.severity is Severity.ERROR]
            if errors:
                raise ValidationError(errors)
            if self.sink is not None:
                self.sink(as_applied)
        except BaseException:
            as_applied.revert(writer)
            raise
        self._announce(as_applied)

    def _announce(self, edit: Edit) -> None:
        for change in edit.changes:
            before, after = change.before, change.after
            if isinstance(change.subject, CaseInfo):
                self.case_changed.emit(after)  # type: ignore[arg-type]
            elif isinstance(change.subject, (Person, Service, Household)):
                if before is None:
                    self.node_added.emit(after)  # type: ignore[arg-type]
                elif after is None:
                    self.node_removed.emit(before)  # type: ignore[arg-type]
                else:
                    self.node_changed.emit(before, after)  # type: ignore[arg-type]
            elif before is None:
                self.relationship_added.emit(after)  # type: ignore[arg-type]
            elif after is None:
                self.relationship_removed.emit(before)  # type: ignore[arg-type]
            else:
                self.relationship_changed.emit(before, after)  # type: ignore[arg-type]
        self.edited.emit(edit)

    def _current(self, change: Change) -> Subject | None:
        subject = change.subject
        if isinstance(subject, CaseInfo):
            return self._info
        if isinstance(subject, (Person, Service, Household)):
            return self._graph.nodes[subject.id]["obj"] if subject.id in self._graph else None
        return self.relationship(subject.id) if subject.id in self._ends else None

    def _write(self, change: Change) -> None:
        subject = change.subject
        if isinstance(subject, CaseInfo):
            assert isinstance(change.after, CaseInfo), "a case's details can be changed, not removed"
            self._info = change.after
        elif isinstance(subject, (Person, Service, Household)):
            self._write_node(subject.id, change.after)  # type: ignore[arg-type]
        else:
            self._write_rel(subject.id, change.after)  # type: ignore[arg-type]

    def _write_node(self, node_id: str, node: AnyNode | None) -> None:
        if node is None:
            if any(True for _ in self._graph.in_edges(node_id)) or any(True for _ in self._graph.out_edges(node_id)):
                raise ValueError("a node is removed only after its relationships")
            self._graph.remove_node(node_id)
        elif node_id in self._graph:
            self._graph.nodes[node_id]["obj"] = node
        else:
            self._graph.add_node(node_id, obj=node, kind=node.kind)

    def _write_rel(self, rel_id: str, rel: AnyRelationship | None) -> None:
        ends = self._ends
        if rel_id in ends:
            self._graph.remove_edge(*ends.pop(rel_id), key=rel_id)
        if rel is not None:
            missing = [end for end in (rel.source, rel.target) if end not in self._graph]
            if missing:
                raise ValidationError([Problem(Severity.ERROR, "A relationship must join two people or services "
                                               "that are in this case.", rel.id)])
            self._graph.add_edge(rel.source, rel.target, key=rel_id, obj=rel, kind=rel.kind.value)
            ends[rel_id] = (rel.source, rel.target)


class _Writer:
    """The write access an edit gets: only through here does the graph change."""

    def __init__(self, doc: CaseDocument) -> None:
        self._doc = doc

    def current(self, change: Change) -> Subject | None:
        return self._doc._current(change)

    def write(self, change: Change) -> None:
        self._doc._write(change)

