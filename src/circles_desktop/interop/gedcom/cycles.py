"""Parent lines that would make someone their own ancestor, found in linear time.

A damaged file can say that A is B's parent and B is A's. Circles refuses such a case outright, so
the reader drops the line that closes each loop and reports it. Testing every line for a loop is
quadratic; instead Kahn's topological sort peels off everyone who cannot be on a loop (almost
everyone, in a sound file), and only the lines among the rest are tested one by one, in file order,
so the line dropped is the later one in the file.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Sequence


def lines_closing_loops(edges: Sequence[tuple[Hashable, Hashable]]) -> list[int]:
    """Indexes of the parent → child edges to drop so that no one is their own ancestor."""
    remaining = _on_or_below_loops(edges)
    if not remaining:
        return []
    children: dict[Hashable, list[Hashable]] = defaultdict(list)
    dropped = []
    for index, (parent, child) in enumerate(edges):
        if parent not in remaining or child not in remaining:
            continue
        if parent == child or _reaches(children, child, parent):
            dropped.append(index)
        else:
            children[parent].append(child)
    return dropped


def _on_or_below_loops(edges: Sequence[tuple[Hashable, Hashable]]) -> set[Hashable]:
    """Everyone Kahn's algorithm cannot order: the people on loops and their descendants."""
    indegree: dict[Hashable, int] = defaultdict(int)
    children: dict[Hashable, list[Hashable]] = defaultdict(list)
    for parent, child in edges:
        children[parent].append(child)
        indegree[child] += 1
        indegree.setdefault(parent, 0)
    ready = deque(node for node, count in indegree.items() if count == 0)
    while ready:
        node = ready.popleft()
        for child in children.get(node, ()):
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
        del indegree[node]
    return set(indegree)


def _reaches(children: dict[Hashable, list[Hashable]], start: Hashable, goal: Hashable) -> bool:
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for child in children.get(node, ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return False
