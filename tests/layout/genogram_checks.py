"""The layout rules of a printed genogram, as checks that list every broken rule (empty when all hold).

Used by the layout tests on synthetic families, the demo cases and royal92.ged. They test
invariants, never pixels.
"""

from __future__ import annotations

import math
from collections import defaultdict

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import Gender, Parentage, ParentageType, Person
from circles_desktop.layout.diagram import Bounds, Diagram, Point, Shape, Text
from circles_desktop.layout.genogram import GenogramLayout
from circles_desktop.layout.routing import BAR, CARER, COUPLE, DROP, EMOTIONAL, STEM, TWINS, RoutedLine
from circles_desktop.layout.style import GENOGRAM


def _name(doc: CaseDocument, pid: str) -> str:
    return doc.node(pid).label


def _distance_to_polyline(p: Point, points: tuple[Point, ...]) -> float:
    best = math.inf
    for a, b in zip(points, points[1:]):
        length2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1]))
                                                / length2))
        best = min(best, math.dist(p, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))))
    return best


def _inside(p: Point, polygon: tuple[Point, ...]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _touches_symbol(doc: CaseDocument, layout: GenogramLayout, pid: str, p: Point) -> bool:
    """The point lies on the symbol's outline (or on the outer ring of the child at the centre)."""
    x, y = layout.positions[pid]
    person = doc.node(pid)
    ring = GENOGRAM.double_gap if isinstance(person, Person) and person.is_child_at_centre else 0.0
    reach = layout.sizes[pid] / 2 * 1.15 + ring + GENOGRAM.emotion_gap + 0.6  # a diamond reaches 1.15
    near = abs(p[0] - x) <= reach and abs(p[1] - y) <= reach
    return near and math.dist(p, (x, y)) >= layout.sizes[pid] * 0.3


def layout_problems(doc: CaseDocument, layout: GenogramLayout, sibling_order: bool = True) -> list[str]:
    """Broken layout rules. ``sibling_order=False`` leaves out "oldest on the left".

    That one rule can conflict with keeping couples together when cousins marry across families (as
    royal92 does many times); Graphviz then moves a married child's block, which is the right call.
    Everything else must hold everywhere.
    """
    problems: list[str] = []
    pos, rows = layout.positions, layout.rows
    auto = set(pos) - layout.hand_placed
    couples = [line for line in layout.lines if line.kind == COUPLE]
    unions = {u.id: u for u in layout.unions}

    # Partners on one rank; the male partner on the left where each has one partner only.
    partner_count: dict[str, int] = defaultdict(int)
    for line in couples:
        partner_count[line.start_node] += 1  # type: ignore[index]
        partner_count[line.end_node] += 1  # type: ignore[index]
    for line in couples:
        a, b = line.start_node, line.end_node
        assert a and b
        if {a, b} <= auto and (rows[a] != rows[b] or abs(pos[a][1] - pos[b][1]) > 0.5):
            problems.append(f"partners {_name(doc, a)} and {_name(doc, b)} are on rows {rows[a]} and {rows[b]}")
        ga, gb = doc.node(a).gender, doc.node(b).gender  # type: ignore[union-attr]
        if {a, b} <= auto and partner_count[a] == partner_count[b] == 1 and {ga, gb} == {Gender.MALE, Gender.FEMALE}:
            male, female = (a, b) if ga is Gender.MALE else (b, a)
            if pos[male][0] > pos[female][0]:
                problems.append(f"{_name(doc, male)} stands right of his partner {_name(doc, female)}")

    # Each child below its birth parents (unless the family joins them by partnerships, which puts them
    # on one row: a son who married his father's widow), and hanging from their union.
    block = _partner_groups(couples)
    for rel in doc.relationships():
        if isinstance(rel, Parentage) and rel.type is ParentageType.BIRTH and {rel.source, rel.target} <= auto:
            below = rows[rel.target] > rows[rel.source] and pos[rel.target][1] > pos[rel.source][1]
            if not below and block.get(rel.target) != block.get(rel.source):
                problems.append(f"{_name(doc, rel.target)} is not below their parent {_name(doc, rel.source)}")
    for line in layout.lines:
        if line.kind in (DROP, TWINS) and line.end_node:
            birth = {p.id for p in doc.parents_of(line.end_node, ParentageType.BIRTH) if p.id in pos}
            hung_from = set(unions[line.union].partners) if line.union in unions else {line.union}
            if birth and len(birth) <= 2 and hung_from != birth:
                problems.append(f"{_name(doc, line.end_node)} hangs from the wrong union")

    # Every line ends at its symbols; lines from a union start on that union's lines.
    on_union: dict[str, list[tuple[Point, ...]]] = defaultdict(list)
    for line in layout.lines:
        if line.kind in (COUPLE, BAR, STEM) or (line.kind == DROP and not line.start_node):
            on_union[line.union].append(line.points)
    for line in layout.lines:
        ends = ((line.start_node, line.points[0]), (line.end_node, line.points[-1]))
        for pid, point in ends:
            if pid and not _touches_symbol(doc, layout, pid, point):
                problems.append(f"a {line.kind} line does not end at {_name(doc, pid)}'s symbol ({point})")
        if line.kind in (STEM, DROP, TWINS, CARER) and not line.start_node:
            start = line.points[0]
            union = unions.get(line.union)
            at_union = union is not None and math.dist(start, union.point) < 0.6
            on_lines = any(_distance_to_polyline(start, pts) < 0.6 for pts in on_union[line.union])
            single = line.union in pos and _touches_symbol(doc, layout, line.union, start)
            if not (at_union or on_lines or single):
                problems.append(f"a {line.kind} line of union {line.union} starts nowhere ({start})")
        if line.kind == EMOTIONAL and not (line.start_node and line.end_node):
            problems.append("an emotional line without two people")

    # Siblings oldest on the left.
    by_union: dict[str, list[str]] = defaultdict(list)
    for line in layout.lines:
        if line.kind in (DROP, TWINS) and line.end_node in auto:
            by_union[line.union].append(line.end_node)
    for children in by_union.values() if sibling_order else ():
        dated = [c for c in children if doc.node(c).birth]  # type: ignore[union-attr]
        dated.sort(key=lambda c: pos[c][0])
        births = [doc.node(c).birth.earliest() for c in dated]  # type: ignore[union-attr]
        if births != sorted(births):
            problems.append("siblings not oldest on the left: " + ", ".join(_name(doc, c) for c in dated))

    # Twins from one point.
    twin_starts: dict[tuple[str, str], set[Point]] = defaultdict(set)
    for line in layout.lines:
        if line.kind == TWINS and line.end_node:
            group = doc.node(line.end_node).twin_group  # type: ignore[union-attr]
            twin_starts[(line.union, group)].add((round(line.points[0][0], 1), round(line.points[0][1], 1)))
    problems += [f"twins of {key[0]} come from {len(s)} points" for key, s in twin_starts.items() if len(s) != 1]

    # Households: every member inside one of its outlines, nobody else inside any.
    for outline in layout.households:
        for pid in pos:
            inside = _inside(pos[pid], outline.points)
            if pid in outline.members and not inside:
                problems.append(f"{_name(doc, pid)} is outside their household's outline")
            if pid not in doc.node(outline.household_id).members and inside:  # type: ignore[union-attr]
                problems.append(f"{_name(doc, pid)} is inside the outline of a household they do not live in")
    return problems


def _partner_groups(couples: list[RoutedLine]) -> dict[str, int]:
    """Which people are joined by partnerships, directly or through others."""
    group: dict[str, int] = {}
    for i, line in enumerate(couples):
        a, b = line.start_node, line.end_node
        ga, gb = group.get(a, i), group.get(b, i)  # type: ignore[arg-type]
        merged = min(ga, gb)
        for person, g in list(group.items()):
            if g in (ga, gb):
                group[person] = merged
        group[a], group[b] = merged, merged  # type: ignore[index]
    return group


def diagram_problems(diagram: Diagram) -> list[str]:
    """No two symbols overlap, and no two names collide."""
    problems: list[str] = []
    symbols = [item for item in diagram.items if isinstance(item, Shape) and item.node_id]
    problems += _overlaps([(s.node_id, s.bounds) for s in symbols], "symbols")  # type: ignore[misc]
    names: dict[str, Bounds] = {}
    for item in diagram.items:
        if isinstance(item, Text) and item.part == "name" and item.node_id:
            box = item.bounds
            names[item.node_id] = names[item.node_id].union(box) if item.node_id in names else box
    problems += _overlaps(list(names.items()), "names")
    return problems


def _overlaps(boxes: list[tuple[str, Bounds]], what: str) -> list[str]:
    problems = []
    boxes = sorted(boxes, key=lambda item: item[1].x0)
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            if box_b.x0 >= box_a.x1:
                break
            if a != b and box_a.intersects(box_b):
                problems.append(f"{what} of {a} and {b} overlap")
    return problems
