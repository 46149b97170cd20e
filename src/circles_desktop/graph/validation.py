"""Checks that keep a case believable, worded for the practitioner who has to fix them.

Errors stop an edit (nobody can be their own ancestor); warnings are shown but allowed, because real
families are not always tidy (three birth parents may be a mistake, or a record of a disputed
paternity the practitioner wants to keep).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import networkx as nx

from .field_types import wrong_fields
from .model import (
    EcomapTie,
    Emotional,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    Person,
    Relationship,
    Service,
)

if TYPE_CHECKING:
    from .document import CaseDocument
    from .edits import Change


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str
    subject_id: str = ""

    def __str__(self) -> str:
        return self.message


class ValidationError(ValueError):
    """An edit that would make the case wrong; the message is for the practitioner."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(" ".join(p.message for p in problems))


def _name(doc: CaseDocument, node_id: str) -> str:
    return doc.node(node_id).label if doc.has_node(node_id) else "someone not in this case"


def _before(a: PartialDate, b: PartialDate) -> bool:
    """True when ``a`` is certainly later than ``b`` could be; approximate dates get the benefit of the doubt."""
    return a.earliest() > b.latest()


def check_node(doc: CaseDocument, node: object) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(node, Person):
        if node.death and not node.deceased:
            problems.append(Problem(Severity.ERROR, f"{node.label} has a date of death but is not marked as "
                                    "deceased.", node.id))
        if node.birth and node.death and _before(node.birth, node.death):
            problems.append(Problem(Severity.ERROR, f"{node.label}'s date of death ({node.death}) is before "
                                    f"their date of birth ({node.birth}).", node.id))
        if node.approximate_age is not None and not 0 <= node.approximate_age <= 130:
            problems.append(Problem(Severity.ERROR, f"An age of {node.approximate_age} for {node.label} is not "
                                    "possible; give an age between 0 and 130.", node.id))
        if (node.must_not_invite or node.must_not_be_told) and not node.safety_reason.strip():
            problems.append(Problem(Severity.WARNING, f"Say why {node.label} must not be invited or told, so "
                                    "the meeting coordinator knows.", node.id))
    elif isinstance(node, Household):
        for member in node.members:
            if not doc.has_node(member) or not isinstance(doc.node(member), Person):
                problems.append(Problem(Severity.ERROR, f"Only people in this case can live in "
                                        f"{node.label}.", node.id))
                break
    elif isinstance(node, Service) and not node.name.strip():
        problems.append(Problem(Severity.WARNING, "A service needs a name.", node.id))
    return problems


_PERSON_ONLY = {Partnership: "a partnership", Parentage: "a parent and child relationship",
                Emotional: "an emotional relationship"}


def check_relationship(doc: CaseDocument, rel: Relationship, check_ancestry: bool = True) -> list[Problem]:
    """Problems with one relationship; ``check_ancestry=False`` when the caller checks loops once for all."""
    problems: list[Problem] = []
    source = doc.node(rel.source) if doc.has_node(rel.source) else None
    target = doc.node(rel.target) if doc.has_node(rel.target) else None
    what = _PERSON_ONLY.get(type(rel), "an ecomap tie")
    if source is None or target is None:
        return [Problem(Severity.ERROR, f"{what.capitalize()} must join two people or services in this case.", rel.id)]
    if rel.source == rel.target:
        return [Problem(Severity.ERROR, f"{source.label} cannot have {what} with themselves.", rel.id)]
    if type(rel) in _PERSON_ONLY and not (isinstance(source, Person) and isinstance(target, Person)):
        odd = source if not isinstance(source, Person) else target
        problems.append(Problem(Severity.ERROR, f"{what.capitalize()} is between people; {odd.label} is a "
                                f"{odd.kind}. Use an ecomap tie for a service.", rel.id))
    if isinstance(rel, EcomapTie):
        if isinstance(source, Service):
            problems.append(Problem(Severity.ERROR, f"An ecomap tie starts from the child or their household, "
                                    f"not from a service ({source.label}).", rel.id))
        if isinstance(target, Household):
            problems.append(Problem(Severity.ERROR, "An ecomap tie goes to a person or a service, not to a "
                                    "household.", rel.id))
    if rel.start and rel.end and _before(rel.start, rel.end):
        problems.append(Problem(Severity.ERROR, f"The relationship between {source.label} and {target.label} "
                                f"ends ({rel.end}) before it starts ({rel.start}).", rel.id))
    if isinstance(rel, Parentage) and isinstance(source, Person) and isinstance(target, Person):
        problems.extend(_check_parentage(doc, rel, source, target, check_ancestry))
    return problems


def _check_parentage(doc: CaseDocument, rel: Parentage, parent: Person, child: Person,
                     check_ancestry: bool = True) -> list[Problem]:
    problems: list[Problem] = []
    if check_ancestry and _is_ancestor(doc, rel.target, rel.source):
        problems.append(_ancestor_problem(parent, child, rel.id))
    if rel.type is ParentageType.BIRTH:
        problems.extend(_birth_order(parent, child, rel.id))
        birth_parents = doc.parents_of(child.id, ParentageType.BIRTH)
        if len(birth_parents) > 2:
            problems.append(Problem(Severity.WARNING, f"{child.label} has {len(birth_parents)} birth parents; "
                                    "check whether one of them is a step-parent or carer.", rel.id))
    return problems


def _ancestor_problem(parent: Person, child: Person, rel_id: str) -> Problem:
    return Problem(Severity.ERROR, f"{child.label} cannot be both a child and an ancestor of {parent.label}: "
                   "nobody can be their own ancestor.", rel_id)


def _birth_order(parent: Person, child: Person, rel_id: str) -> list[Problem]:
    if parent.birth and child.birth and not _before(child.birth, parent.birth):
        return [Problem(Severity.ERROR, f"{parent.label} (born {parent.birth}) cannot be the birth parent of "
                        f"{child.label} (born {child.birth}): a parent is born first.", rel_id)]
    return []


def _parentage_view(doc: CaseDocument) -> nx.MultiDiGraph:
    graph = doc.graph
    return nx.subgraph_view(graph, filter_edge=lambda u, v, k: graph.edges[u, v, k]["kind"] == "parentage")


def _is_ancestor(doc: CaseDocument, candidate: str, person: str) -> bool:
    """Whether ``candidate`` is ``person`` or one of their ancestors along parentage lines."""
    return candidate == person or candidate in nx.ancestors(_parentage_view(doc), person)


# Above this many new parent lines in one edit (an import), one whole-graph cycle search is cheaper
# than a search from each new line.
_BULK_PARENTAGE = 20


def check_changes(doc: CaseDocument, changes: Iterable[Change]) -> list[Problem]:
    """Problems caused by an edit, judged on the case as it is after the edit."""
    changed = [c.after for c in changes if c.after is not None]
    mistyped = [problem for after in changed for problem in _type_problems(after)]
    if mistyped:  # the other checks assume the right types; they would only trip over these
        return mistyped
    new_lines = [r for r in changed if isinstance(r, Parentage) and doc.has_relationship(r.id)]
    bulk = len(new_lines) > _BULK_PARENTAGE
    problems: list[Problem] = []
    touched: set[str] = set()
    for after in changed:
        if isinstance(after, Relationship) and doc.has_relationship(after.id):
            problems.extend(check_relationship(doc, after, check_ancestry=not bulk))
        elif isinstance(after, (Person, Service, Household)) and doc.has_node(after.id):
            problems.extend(check_node(doc, after))
            touched.add(after.id)
    if bulk:
        problems.extend(_cycle_problems(doc))
    for node_id in touched:
        for rel in doc.relationships_of(node_id):
            parent, child = doc.node(rel.source), doc.node(rel.target)
            if isinstance(rel, Parentage) and rel.type is ParentageType.BIRTH \
                    and isinstance(parent, Person) and isinstance(child, Person):
                problems.extend(_birth_order(parent, child, rel.id))
    return list(dict.fromkeys(problems))


def _type_problems(obj: object) -> list[Problem]:
    """A value of the wrong type is a fault in the program, not in the practitioner's entry: say so."""
    return [Problem(Severity.ERROR, f"Circles tried to save a value of the wrong kind ({wrong}). This is a "
                    "fault in Circles, not in what you entered; nothing was saved.", getattr(obj, "id", ""))
            for wrong in wrong_fields(obj)]


def _cycle_problems(doc: CaseDocument) -> list[Problem]:
    # A plain DiGraph and a linear acyclicity test: nx.find_cycle on the filtered multigraph view
    # took 25 s on a 3,000-person import (royal92.ged).
    lines = nx.DiGraph()
    lines.add_edges_from((u, v, {"id": k}) for u, v, k, kind in doc.graph.edges(keys=True, data="kind")
                         if kind == "parentage")
    if nx.is_directed_acyclic_graph(lines):
        return []
    cycle = next(nx.simple_cycles(lines))
    parent_id, child_id = cycle[0], cycle[1 % len(cycle)]
    rel_id = lines.edges[parent_id, child_id]["id"]
    parent, child = doc.node(parent_id), doc.node(child_id)
    assert isinstance(parent, Person) and isinstance(child, Person)
    return [_ancestor_problem(parent, child, rel_id)]


def check_document(doc: CaseDocument) -> list[Problem]:
    problems: list[Problem] = []
    for node in doc.nodes():
        problems.extend(check_node(doc, node))
    for rel in doc.relationships():
        problems.extend(check_relationship(doc, rel, check_ancestry=False))
    problems.extend(_cycle_problems(doc))  # once for the whole tree: per line it took 30 s on Queen.ged
    if not doc.children_at_centre() and len(doc):
        problems.append(Problem(Severity.WARNING, "Nobody is marked as the child at the centre of this case."))
    return list(dict.fromkeys(problems))
