"""Leave out, and report, what the case's own validation would refuse, so every import can be stored.

The rules are graph.validation's (its ERROR problems). Two of them would cost a search per parent
line on a large import (nobody is their own ancestor; a birth parent is born before the child), so
they are checked here in one pass each with the same comparisons; every other rule is validation's
own check_node / check_relationship, run on the loaded document.
"""

from __future__ import annotations

from dataclasses import replace

from ...graph.document import CaseDocument
from ...graph.model import AnyNode, AnyRelationship, CaseInfo, Parentage, ParentageType, PartialDate, Person
from ...graph.validation import Problem, Severity, check_node, check_relationship
from .cycles import lines_closing_loops
from .problems import Problems


def settle(info: CaseInfo, nodes: dict[str, AnyNode], node_lines: dict[str, int],
           rels: list[AnyRelationship], rel_lines: dict[str, int], problems: Problems) -> CaseDocument:
    """A detached document of everything sound; what is not is left out (dates: moved to notes)."""
    rels = _without_loops(nodes, rels, rel_lines, problems)
    rels = _dates_in_order(nodes, node_lines, rels, rel_lines, problems)
    while True:
        document = CaseDocument(info)
        document.load(info, list(nodes.values()), rels)
        errors = _errors(document, nodes, rels)
        if not errors:
            return document
        rels, changed = _leave_out(errors, nodes, node_lines, rels, rel_lines, problems)
        if not changed:
            return document


def _errors(document: CaseDocument, nodes: dict[str, AnyNode], rels: list[AnyRelationship]) -> dict[str, Problem]:
    problems = [p for node in nodes.values() for p in check_node(document, node)]
    problems += [p for rel in rels if not isinstance(rel, Parentage) for p in check_relationship(document, rel)]
    return {p.subject_id: p for p in problems if p.severity is Severity.ERROR}


def _leave_out(errors: dict[str, Problem], nodes: dict[str, AnyNode], node_lines: dict[str, int],
               rels: list[AnyRelationship], rel_lines: dict[str, int],
               problems: Problems) -> tuple[list[AnyRelationship], bool]:
    kept = [rel for rel in rels if rel.id not in errors]
    changed = len(kept) < len(rels)
    for rel in rels:
        if rel.id in errors:
            problems.add(rel_lines.get(rel.id, 0), f"left out: {errors.pop(rel.id).message}")
    for node_id, problem in errors.items():
        node = nodes.get(node_id)
        line = node_lines.get(node_id, 0)
        if isinstance(node, Person) and (node.birth or node.death or node.approximate_age is not None):
            problems.add(line, f"dates left out: {problem.message}")  # keep the person, not the dates
            nodes[node_id] = replace(node, birth=None, death=None, approximate_age=None,
                                     notes=_plus(node.notes, _dates_note(node)))
        elif node is not None:
            problems.add(line, f"left out: {problem.message}")
            del nodes[node_id]
            kept = [r for r in kept if node_id not in (r.source, r.target)]
        else:  # about no one node or relationship: nothing to leave out, so report it and stop
            problems.add(0, problem.message)
            continue
        changed = True
    return kept, changed


def _without_loops(nodes: dict[str, AnyNode], rels: list[AnyRelationship], rel_lines: dict[str, int],
                   problems: Problems) -> list[AnyRelationship]:
    parents = [r for r in rels if isinstance(r, Parentage)]
    doomed = {parents[i].id for i in lines_closing_loops([(r.source, r.target) for r in parents])}
    for rel in parents:
        if rel.id in doomed:
            parent, child = nodes[rel.source].label, nodes[rel.target].label
            problems.add(rel_lines[rel.id], f"the parent line from {parent} to {child} is left out: it would "
                                            f"make {child} their own ancestor")
    return [r for r in rels if r.id not in doomed] if doomed else rels


def _dates_in_order(nodes: dict[str, AnyNode], node_lines: dict[str, int], rels: list[AnyRelationship],
                    rel_lines: dict[str, int], problems: Problems) -> list[AnyRelationship]:
    """Dates that contradict each other: the later-read one is moved to the notes."""
    for node_id, node in nodes.items():
        if isinstance(node, Person) and node.birth and node.death and _after(node.birth, node.death):
            problems.add(node_lines[node_id], f"{node.label}: death date {node.death} is before birth date "
                                              f"{node.birth}; the death date is moved to the notes")
            nodes[node_id] = replace(node, death=None, notes=_plus(node.notes, f"Died: {node.death}"))
    fixed: list[AnyRelationship] = []
    for rel in rels:
        if rel.start and rel.end and _after(rel.start, rel.end):
            problems.add(rel_lines[rel.id], f"end date {rel.end} is before start date {rel.start}; the end date "
                                            "is moved to the relationship's notes")
            rel = replace(rel, end=None, notes=_plus(rel.notes, f"Ended: {rel.end}"))
        fixed.append(rel)
        if isinstance(rel, Parentage) and rel.type is ParentageType.BIRTH:
            parent, child = nodes[rel.source], nodes[rel.target]
            if isinstance(parent, Person) and isinstance(child, Person) and parent.birth and child.birth \
                    and not _after(child.birth, parent.birth):
                problems.add(rel_lines[rel.id], f"{child.label} (born {child.birth}) is not born after their "
                                                f"parent {parent.label} (born {parent.birth}); the child's birth "
                                                "date is moved to their notes")
                nodes[child.id] = replace(child, birth=None, notes=_plus(child.notes, f"Born: {child.birth}"))
    return fixed


def _after(a: PartialDate, b: PartialDate) -> bool:
    """``a`` is certainly later than ``b``: validation's comparison (approximate dates get the benefit
    of the doubt)."""
    return a.earliest() > b.latest()


def _dates_note(person: Person) -> str:
    parts = [f"{label}: {date}" for label, date in (("Born", person.birth), ("Died", person.death)) if date]
    if person.approximate_age is not None:
        parts.append(f"about {person.approximate_age} years old")
    return "Left out: " + ", ".join(parts)


def _plus(notes: str, line: str) -> str:
    return f"{notes}\n{line}" if notes else line
