"""DOT text for a genogram: the rules of the notation written as Graphviz constraints.

- Partners are one DOT node: a *block*, an HTML table whose cells are the partners' slots with a
  gap cell (the union) between neighbours. So partners always share a generation, stand next to each
  other in the order Circles chose (male left; several partners either side of the person they
  share), and no flat edges are needed.
- Every slot is as wide as its person's widest label, so neighbours never overlap.
- Children hang from the union's gap cell (or from a single parent's own cell) with
  ``ordering=out``, listed left to right and oldest first, so siblings read oldest on the left and
  each child sits under the right union after remarriage.
- Lines from parents and carers who do not place the child have ``constraint=false``: they never
  move the birth family. A carer family joined to the tree by nothing else keeps one constraining
  line, so it sits one generation above the child instead of floating to the top.
- ``splines=false``: Circles routes the elbow lines itself, so dot need not route curves.

Node and port names are generated (``b3:c1``, ``p12``); no user text ever reaches the DOT source,
so nothing needs quoting and a name cannot break the file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .families import Families
from .style import GENOGRAM

_POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class Slot:
    """Where a person or a union sits inside its DOT node, from the node's left edge, in points."""

    node: str
    offset: float  # from the node's centre to the slot's centre
    port: str  # "b3:c1" or "p12": what an edge names to start or end here
    order: int  # left-to-right order of the slot within its node


@dataclass(frozen=True)
class DotGraph:
    text: str
    people: dict[str, Slot]  # person id -> slot
    unions: dict[str, Slot]  # couple id -> the gap cell its children hang from


def _inches(points: float) -> str:
    return f"{points / _POINTS_PER_INCH:.3f}"


class _Roots:
    """Union-find over DOT node names, to see which nodes constraining edges already join."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def build_dot(families: Families, slot_widths: dict[str, float], rank_gap: float,
              gap_widths: dict[frozenset[str], float]) -> DotGraph:
    """The DOT source for ``families``.

    ``slot_widths``: each person's width in points; ``gap_widths``: the room wanted between two
    partners (at least the style's union width).
    """
    g = GENOGRAM
    gap = math.ceil(g.union_width)
    height = math.ceil(g.symbol)
    out = [
        "digraph genogram {",
        f"graph [splines=false, nodesep={_inches(g.slot_padding)}, ranksep={_inches(rank_gap)}];",
        f'node [shape=box, fixedsize=true, label="", height={_inches(height)}, ordering=out];',
        "edge [dir=none];",
    ]
    people: dict[str, Slot] = {}
    block_of_gap: dict[tuple[str, str], Slot] = {}  # (left person, right person) of a gap -> gap slot
    for i, block in enumerate(families.blocks):
        if len(block) == 1:
            name = f"p{i}"
            people[block[0]] = Slot(name, 0.0, name, 0)
            out.append(f"{name} [width={_inches(math.ceil(slot_widths[block[0]]))}];")
            continue
        name = f"b{i}"
        widths = [math.ceil(slot_widths[pid]) for pid in block]
        gaps = [max(gap, math.ceil(gap_widths.get(frozenset(pair), 0.0))) for pair in zip(block, block[1:])]
        total = sum(widths) + sum(gaps)
        cells, x = [], -total / 2
        for k, pid in enumerate(block):
            people[pid] = Slot(name, x + widths[k] / 2, f"{name}:c{k}", 2 * k)
            cells.append(f'<TD PORT="c{k}" WIDTH="{widths[k]}" HEIGHT="{height}" FIXEDSIZE="TRUE"></TD>')
            x += widths[k]
            if k + 1 < len(block):
                room = gaps[k]
                block_of_gap[(pid, block[k + 1])] = Slot(name, x + room / 2, f"{name}:g{k}", 2 * k + 1)
                cells.append(f'<TD PORT="g{k}" WIDTH="{room}" HEIGHT="{height}" FIXEDSIZE="TRUE"></TD>')
                x += room
        out.append(f'{name} [shape=plain, fixedsize=false, label=<<TABLE BORDER="0" CELLBORDER="0" '
                   f'CELLSPACING="0" CELLPADDING="0"><TR>{"".join(cells)}</TR></TABLE>>];')

    unions: dict[str, Slot] = {}
    blocks_by_node = {people[b[0]].node: b for b in families.blocks}
    for couple in families.couples:
        block = blocks_by_node[people[couple.left].node]
        right = block.index(couple.right)
        unions[couple.id] = block_of_gap[(block[right - 1], couple.right)]  # next to the right partner

    roots = _Roots()
    edges: list[tuple[str, int, int, str]] = []  # (tail node, tail order, sequence, text)
    for sibship in families.sibships:
        source = unions.get(sibship.union) or people[sibship.union]
        for link in sibship.children:
            head = people[link.child]
            edges.append((source.node, source.order, len(edges),
                          f"{_port(source, 's')} -> {_port(head, 'n')} [weight=4];"))
            roots.join(source.node, head.node)
    for link in families.carers:
        source = unions[link.union] if link.union else people[link.carers[0]]
        head = people[link.child]
        if roots.find(source.node) != roots.find(head.node):  # anchors an otherwise unconnected carer family
            text = f"{_port(source, 's')} -> {_port(head, 'n')} [weight=1];"
            roots.join(source.node, head.node)
        else:
            text = f"{_port(source, 's')} -> {_port(head, 'n')} [constraint=false, weight=0];"
        edges.append((source.node, 1 << 30, len(edges), text))
    edges.sort(key=lambda e: (e[0], e[1], e[2]))  # ordering=out: each node's edges left to right
    out += [text for *_, text in edges]
    out.append("}")
    return DotGraph("\n".join(out) + "\n", people, unions)


def _port(slot: Slot, compass: str) -> str:
    return f"{slot.port}:{compass}"
