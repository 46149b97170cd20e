"""Genogram layout: where every symbol, couple line, elbow and household boundary goes.

Qt-free. The family structure (families.py) becomes DOT constraints (genogram_dot.py); Graphviz
places the symbols (graphviz.py, cached by DOT text); Circles then puts back the places a
practitioner chose by hand and routes every line itself (routing.py), because printed genograms use
square elbows that dot's splines cannot draw.

All coordinates are in points with y growing downwards. Hand-placed positions
(``node.positions["genogram"]``) are symbol centres in this same coordinate system, and win.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..graph.document import CaseDocument
from ..graph.model import Partnership, Person, PregnancyState
from .diagram import Bounds, Point
from .families import Families, genogram_people, read_families
from .focus import DEFAULT_GENERATIONS, focus_subset
from .genogram_dot import DotGraph, Slot, build_dot
from .graphviz import DEFAULT_TIMEOUT, layout_dot
from .households import household_pieces, slab_outline
from .labels import PersonLabels, couple_years, person_labels
from .routing import Placed, RoutedLine, UnionPoint, route
from .style import EMOTIONAL_LOOK, FONTS, GENOGRAM, SHAPE_FOR_GENDER, ShapeKind
from .textsize import estimate_width

VIEW = "genogram"  # the key of hand-placed positions in Node.positions

__all__ = ["GenogramLayout", "HouseholdOutline", "RoutedLine", "UnionPoint", "genogram_dot", "genogram_layout"]


@dataclass(frozen=True)
class HouseholdOutline:
    """One boundary of a household; a household whose members stand apart has several."""

    household_id: str
    points: tuple[Point, ...]  # a closed polygon with rounded corners
    members: tuple[str, ...]


@dataclass(frozen=True)
class GenogramLayout:
    """Everything a drawing of the genogram needs to know about places; nothing about looks."""

    positions: Mapping[str, Point]  # person id -> symbol centre
    sizes: Mapping[str, float]  # person id -> symbol size (small for pregnancies and losses)
    rows: Mapping[str, int]  # person id -> generation row, 0 at the top
    unions: tuple[UnionPoint, ...]
    lines: tuple[RoutedLine, ...]
    households: tuple[HouseholdOutline, ...]
    bounds: Bounds
    symbol_size: float = GENOGRAM.symbol
    focus: str | None = None
    generations: int | None = None
    excluded: frozenset[str] = frozenset()
    hand_placed: frozenset[str] = frozenset()

    @property
    def node_ids(self) -> frozenset[str]:
        return frozenset(self.positions) | frozenset(h.household_id for h in self.households)

    @property
    def rel_ids(self) -> frozenset[str]:
        return frozenset(r for line in self.lines for r in line.rel_ids)


def symbol_shape(person: Person) -> ShapeKind:
    """The symbol's outline: by gender, or the small marks of a pregnancy that did not end in a birth."""
    state = person.pregnancy
    if state is PregnancyState.PREGNANCY:
        return ShapeKind.TRIANGLE
    if state is PregnancyState.MISCARRIAGE:
        return ShapeKind.DOT
    if state is PregnancyState.TERMINATION:
        return ShapeKind.CROSS
    return SHAPE_FOR_GENDER[person.gender]


def symbol_size(person: Person) -> float:
    if person.pregnancy is PregnancyState.NONE:
        return GENOGRAM.symbol
    if person.pregnancy is PregnancyState.MISCARRIAGE:
        return GENOGRAM.small_symbol * 0.6
    return GENOGRAM.small_symbol


@dataclass(frozen=True)
class _Prepared:
    people: dict[str, Person]
    labels: dict[str, PersonLabels]
    label_widths: dict[str, float]
    families: Families
    dot: DotGraph
    focus: str | None
    generations: int | None


def _prepare(doc: CaseDocument, focus: str | None, generations: int | None, exclude: frozenset[str]) -> _Prepared:
    if focus is None and generations is not None:
        centre = doc.children_at_centre()
        focus = centre[0].id if centre else None
    subset = None
    if focus is not None:
        generations = DEFAULT_GENERATIONS if generations is None else generations
        subset = focus_subset(doc, focus, generations)
    people = genogram_people(doc, subset, exclude)
    families = read_families(doc, people, exclude)
    labels = {p.id: person_labels(p) for p in people}
    fed = {link.child for sibship in families.sibships for link in sibship.children}
    label_widths = {pid: label.width() for pid, label in labels.items()}
    widths = {pid: max(GENOGRAM.symbol + 6.0, label.width(beside_line=True) if pid in fed else label_widths[pid])
              for pid, label in labels.items()}
    tallest = max((label.name_height for label in labels.values()), default=0.0)
    dates = max((label.years_height for label in labels.values()), default=0.0)
    rank_gap = tallest + dates + 44.0
    dot = build_dot(families, widths, rank_gap, _gap_widths(doc, families))
    return _Prepared({p.id: p for p in people}, labels, label_widths, families, dot, focus, generations)


def _gap_widths(doc: CaseDocument, families: Families) -> dict[frozenset[str], float]:
    """Room between two partners for what is written between them: the couple's year, a feeling's word."""
    gaps: dict[frozenset[str], float] = {}
    for couple in families.couples:
        rel = doc.relationship(couple.rel_ids[0]) if couple.rel_ids else None
        start = couple_years(rel)[0] if isinstance(rel, Partnership) else ""
        gaps[frozenset((couple.left, couple.right))] = estimate_width(start, FONTS.couple) + 10.0
    for rel in families.emotional:
        pair = frozenset((rel.source, rel.target))
        tag = EMOTIONAL_LOOK[rel.type].tag
        if pair in gaps and tag:
            gaps[pair] = max(gaps[pair], estimate_width(tag, FONTS.tag) + 12.0)
    return gaps


def genogram_dot(doc: CaseDocument, *, focus: str | None = None, generations: int | None = None,
                 exclude: frozenset[str] = frozenset()) -> str:
    """The DOT source Circles hands to Graphviz for this genogram (for benchmarks and bug reports)."""
    return _prepare(doc, focus, generations, exclude).dot.text


def genogram_layout(doc: CaseDocument, *, focus: str | None = None, generations: int | None = None,
                    exclude: frozenset[str] = frozenset(), timeout: float = DEFAULT_TIMEOUT) -> GenogramLayout:
    """Lay out the case's genogram.

    ``focus``: a person id to centre a focus-mode drawing on (see focus.py); ``generations`` how many
    generations up and down it reaches (default 3). With ``generations`` but no ``focus``, the child
    at the centre is the focus. With neither, the whole family is drawn.
    ``exclude``: ids of people, households and relationships to leave out entirely (redaction), so
    no gap or dangling line hints at them.
    Raises GraphvizNotFound, GraphvizTimeout or GraphvizError when Graphviz cannot do its part.
    """
    prep = _prepare(doc, focus, generations, exclude)
    if not prep.people:
        return GenogramLayout({}, {}, {}, (), (), (), Bounds(0.0, 0.0, 1.0, 1.0), focus=prep.focus,
                              generations=prep.generations, excluded=exclude)
    dot = layout_dot(prep.dot.text, timeout=timeout)
    centres = dict(dot.positions)  # a plain dict: looked up once per person and union

    def at(slot: Slot) -> Point:
        x, y = centres[slot.node]
        return (x + slot.offset, y)

    positions: dict[str, Point] = {}
    hand: set[str] = set()
    for pid, person in prep.people.items():
        saved = person.positions.get(VIEW)
        if saved is not None:
            positions[pid] = (float(saved[0]), float(saved[1]))
            hand.add(pid)
        else:
            positions[pid] = at(prep.dot.people[pid])
    placed = {
        pid: Placed(x, y, symbol_size(prep.people[pid]), symbol_shape(prep.people[pid]),
                    prep.labels[pid].name_height, prep.labels[pid].years_height, prep.label_widths[pid],
                    GENOGRAM.double_gap if prep.people[pid].is_child_at_centre else 0.0)
        for pid, (x, y) in positions.items()
    }
    union_x: dict[str, float | None] = {}
    for couple in prep.families.couples:
        moved = couple.left in hand or couple.right in hand
        union_x[couple.id] = None if moved else at(prep.dot.unions[couple.id])[0]
    unions, lines = route(prep.families, placed, union_x)
    rows = {y: i for i, y in enumerate(sorted({round(p.y, 1) for p in placed.values()}))}
    row_of = {pid: rows[round(p.y, 1)] for pid, p in placed.items()}
    households = _households(prep.families, placed, row_of)
    return GenogramLayout(
        positions=MappingProxyType(positions),
        sizes=MappingProxyType({pid: p.size for pid, p in placed.items()}),
        rows=MappingProxyType(row_of),
        unions=tuple(unions),
        lines=tuple(lines),
        households=households,
        bounds=_bounds(placed, lines, households),
        focus=prep.focus,
        generations=prep.generations,
        excluded=exclude,
        hand_placed=frozenset(hand),
    )


def _label_box(p: Placed, padding: float = 0.0) -> Bounds:
    half = max(p.size, p.label_width) / 2 + padding
    return Bounds(p.x - half, p.label_top - padding, p.x + half, p.label_bottom + padding)


def _households(families: Families, placed: dict[str, Placed], row_of: dict[str, int]
                ) -> tuple[HouseholdOutline, ...]:
    if not families.households:
        return ()
    rows: dict[int, list[str]] = {}
    for pid in sorted(placed, key=lambda p: placed[p].x):
        rows.setdefault(row_of[pid], []).append(pid)
    boxes = {pid: _label_box(p, GENOGRAM.household_padding) for pid, p in placed.items()}
    outlines = []
    for household in families.households:
        members = {m for m in household.members if m in placed}
        for piece in household_pieces(members, rows, row_of, boxes):
            outline = slab_outline([boxes[m] for m in piece], GENOGRAM.household_radius)
            outlines.append(HouseholdOutline(household.id, outline, tuple(sorted(piece))))
    return tuple(outlines)


def _bounds(placed: dict[str, Placed], lines: list[RoutedLine], households: tuple[HouseholdOutline, ...]) -> Bounds:
    boxes = [_label_box(p) for p in placed.values()]
    points = [pt for line in lines for pt in line.points] + [pt for h in households for pt in h.points]
    xs = [b.x0 for b in boxes] + [b.x1 for b in boxes] + [x for x, _ in points]
    ys = [b.y0 for b in boxes] + [b.y1 for b in boxes] + [y for _, y in points]
    return Bounds(min(xs), min(ys), max(xs), max(ys)).expanded(GENOGRAM.margin)
