"""Focus mode: the part of a large family tree that matters around one person.

An imported tree can hold thousands of people; the practitioner needs the child's own family. The
focus is the person's ancestors up to N generations, all their descendants down to N generations
below the person (so aunts, uncles, cousins and half-siblings come with them), everyone's partners,
and those partners' own families one step out (their parents and their children: step-parents'
children are the child's step-siblings). Everyone else stays in the case and can be brought in by
asking for more generations.
"""

from __future__ import annotations

from collections import deque

from ..graph.document import CaseDocument
from ..graph.model import Parentage, Partnership, Person

DEFAULT_GENERATIONS = 3
LARGE_TREE = 400  # above this many people, draw a focus by default (see suggested_focus)


def _links(doc: CaseDocument) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
    parents: dict[str, list[str]] = {}
    children: dict[str, list[str]] = {}
    partners: dict[str, list[str]] = {}
    for rel in doc.relationships():
        if isinstance(rel, Parentage):
            parents.setdefault(rel.target, []).append(rel.source)
            children.setdefault(rel.source, []).append(rel.target)
        elif isinstance(rel, Partnership):
            partners.setdefault(rel.source, []).append(rel.target)
            partners.setdefault(rel.target, []).append(rel.source)
    return parents, children, partners


def focus_subset(doc: CaseDocument, focus: str, generations: int = DEFAULT_GENERATIONS) -> frozenset[str]:
    """The ids of the people drawn in focus mode around ``focus`` (see the module docstring).

    >>> focus_subset(doc, child.id, 1)  # doctest: +SKIP
    frozenset({... the child, parents, siblings, the child's own children, partners ...})
    """
    if not isinstance(doc.node(focus), Person):
        raise ValueError(f"focus mode centres on a person; {doc.node(focus).label} is not one")
    if generations < 0:
        raise ValueError(f"generations must be 0 or more, not {generations}")
    parents, children, partners = _links(doc)

    # Generation offsets relative to the focus: ancestors negative, descendants positive.
    level: dict[str, int] = {focus: 0}
    queue = deque([focus])
    while queue:  # up through parents
        person = queue.popleft()
        if level[person] <= -generations:
            continue
        for parent in parents.get(person, ()):
            if parent not in level:
                level[parent] = level[person] - 1
                queue.append(parent)
    queue = deque(level)
    while queue:  # down through the children of everyone found so far
        person = queue.popleft()
        if level[person] >= generations:
            continue
        for child in children.get(person, ()):
            if child not in level:
                level[child] = level[person] + 1
                queue.append(child)

    chosen = set(level)
    for person in list(level):
        for partner in partners.get(person, ()):
            chosen.add(partner)
            if partner not in level:  # someone who married in brings their parents and children along
                chosen.update((*parents.get(partner, ()), *children.get(partner, ())))
        # parents of a descendant who are not partners on record (co-parents) belong to the family too
        if level[person] > -generations:
            chosen.update(parents.get(person, ()))
    return frozenset(chosen)


def suggested_focus(doc: CaseDocument) -> str | None:
    """The person to focus on when the whole tree would be too big to read, or None to draw it whole.

    The child at the centre when one is recorded; otherwise (an imported family tree) the first
    person in the case, because genealogy programs write the tree's home person first.
    """
    people = doc.people()
    if len(people) <= LARGE_TREE:
        return None
    centre = [p for p in people if p.is_child_at_centre]
    return (centre[0] if centre else people[0]).id
