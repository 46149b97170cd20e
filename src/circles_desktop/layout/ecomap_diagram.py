"""The ecomap as a renderer-neutral diagram, in Hartman's notation, with its legend.

Tie strength is line weight and pattern (strong thick, moderate plain, tenuous dashed), a stressful
tie carries cross-marks along its length, and arrows show which way energy and resources flow. The
look of each comes from the one style table, so screen and paper agree. Items carry the node or tie
they draw, which the editor's scene uses for selection.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..graph.document import CaseDocument
from ..graph.model import EcomapTie, Flow, Partnership, Person
from .circles_diagram import LegendRow, keyed_legend, small_symbol_items
from .diagram import AnyItem, Diagram, Line, Point, Shape, Stroke, Text
from .ecomap import EcomapLayout, EcomapLink, ecomap_layout
from .legend import SAMPLE_WIDTH
from .style import (
    COLOURS,
    ECOMAP,
    GENOGRAM,
    PARTNERSHIP_LOOK,
    SHAPE_FOR_GENDER,
    STRESSFUL_COLOUR,
    SUPPORT_COLOUR,
    TIE_LOOK,
    LinePattern,
    ShapeKind,
)


def ecomap_diagram(doc: CaseDocument, layout: EcomapLayout | None = None,
                   hidden: frozenset[str] = frozenset()) -> Diagram:
    """The whole ecomap with its legend; ``hidden`` node and tie ids are left out entirely."""
    if layout is None:
        layout = ecomap_layout(doc, hidden)
    items: list[AnyItem] = []
    items += _centre(doc, layout)
    for link in layout.links:
        if link.rel_id not in hidden:
            tie = doc.relationship(link.rel_id)
            assert isinstance(tie, EcomapTie)
            items += tie_items(tie, link)
    for circle in layout.circles.values():
        if circle.node_id in hidden:
            continue
        items.append(Shape(kind=ShapeKind.CIRCLE, centre=circle.centre, size=2 * circle.radius,
                           stroke=Stroke(COLOURS.ink, ECOMAP.outline), fill=COLOURS.paper, node_id=circle.node_id,
                           part="symbol"))
        items += circle.texts
    items += layout.sector_titles
    notation = _notation(doc, layout)
    return Diagram.of(items, margin=ECOMAP.margin, legend=ecomap_legend(notation), notation=notation,
                      title=f"{doc.info.name}: ecomap")


def _centre(doc: CaseDocument, layout: EcomapLayout) -> list[AnyItem]:
    """The child's circle (double, as on the genogram), or the household's circle with its genogram."""
    alone = layout.household_id is None
    items: list[AnyItem] = [
        Shape(kind=ShapeKind.CIRCLE, centre=(0.0, 0.0), size=2 * layout.centre_radius - (6.0 if alone else 0.0),
              stroke=Stroke(COLOURS.ink, GENOGRAM.outline if alone else ECOMAP.strong * 0.6), fill=COLOURS.paper,
              double=alone, double_gap=GENOGRAM.double_gap,
              node_id=layout.household_id or (layout.centre_ids[0] if layout.centre_ids else None), part="centre")
    ]
    items += layout.centre_texts
    for line in layout.member_lines:
        look = None
        if line.rel_id is not None:
            rel = doc.relationship(line.rel_id)
            look = PARTNERSHIP_LOOK[rel.type] if isinstance(rel, Partnership) else None
        stroke = Stroke(COLOURS.ink, GENOGRAM.line, look.pattern if look else LinePattern.SOLID)
        items.append(Line(points=line.points, stroke=stroke, slashes=look.slashes if look else 0,
                          rel_id=line.rel_id, node_id=None if line.rel_id else layout.household_id,
                          part=line.kind))
    for member in layout.members:
        person = doc.node(member.node_id)
        assert isinstance(person, Person)
        items += small_symbol_items(SHAPE_FOR_GENDER[person.gender], member.centre, member.size,
                              double=person.is_child_at_centre, crossed=person.deceased, node_id=person.id)
        items += member.texts
    return items


def tie_items(tie: EcomapTie, link: EcomapLink) -> list[AnyItem]:
    """One tie: its line in the strength's weight and pattern, arrows for the flow, hatching if stressful."""
    look = TIE_LOOK[tie.strength]
    colour = STRESSFUL_COLOUR if tie.stressful else look.colour
    stroke = Stroke(colour, look.width, look.pattern)
    # Seen from the tie's source (the child or household): "to target" flows out to the circle.
    towards = tie.flow in (Flow.TO_TARGET, Flow.BOTH)
    back = tie.flow in (Flow.FROM_TARGET, Flow.BOTH)
    items: list[AnyItem] = [Line(points=(link.start, link.end), stroke=stroke, arrow_end=towards, arrow_start=back,
                                 rel_id=tie.id, part="tie")]
    if tie.stressful:
        # Not right by the centre, where many lines meet and marks would run into each other.
        items += hatch_marks(link.start, link.end, colour, tie.id,
                             keep_clear=max(GENOGRAM.arrow + 6.0, math.dist(link.start, link.end) * 0.2))
    return items


MOST_HATCHES = 80


def hatch_marks(start: Point, end: Point, colour: str, rel_id: str | None, keep_clear: float) -> Iterable[Line]:
    """Short cross-marks across a line at even steps: Hartman's mark for a stressful tie."""
    length = math.dist(start, end)
    if length < 2 * keep_clear + 1:
        return []
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    usable = length - 2 * keep_clear
    count = min(max(1, int(usable // ECOMAP.hatch_spacing)), MOST_HATCHES)
    spacing = max(ECOMAP.hatch_spacing, usable / MOST_HATCHES)  # a line dragged far away: wider marks
    first = keep_clear + (usable - (count - 1) * spacing) / 2
    half = ECOMAP.hatch_length / 2
    # Slanted like "/" to the line, so marks read as hatching, not as a ladder.
    vx, vy = ux * 0.5 - uy * 0.866, uy * 0.5 + ux * 0.866
    marks = []
    for i in range(count):
        s = first + i * spacing
        x, y = start[0] + ux * s, start[1] + uy * s
        marks.append(Line(points=((x - vx * half, y - vy * half), (x + vx * half, y + vy * half)),
                          stroke=Stroke(colour, ECOMAP.hatch_width), rel_id=rel_id, part="hatch"))
    return marks


def _notation(doc: CaseDocument, layout: EcomapLayout) -> tuple[str, ...]:
    ties = [doc.relationship(link.rel_id) for link in layout.links]
    ties = [t for t in ties if isinstance(t, EcomapTie)]
    keys = ["ecomap.centre" if layout.household_id is None else "ecomap.household", "ecomap.circle"]
    keys += [f"ecomap.{s.value}" for s in TIE_LOOK if any(t.strength is s for t in ties)]
    if any(t.stressful for t in ties):
        keys.append("ecomap.stressful")
    if any(t.flow is not Flow.NONE for t in ties):
        keys.append("ecomap.flow")
    if any(t.part == "support" for c in layout.circles.values() for t in c.texts):
        keys.append("ecomap.support")
    return tuple(keys)


_TIE_WORDS = {"strong": "Strong tie", "moderate": "Moderate tie", "tenuous": "Tenuous (weak) tie"}


def ecomap_legend(notation: tuple[str, ...]) -> Diagram:
    rows: list[LegendRow] = []
    for key in notation:
        if key == "ecomap.centre":
            rows.append(([Shape(kind=ShapeKind.CIRCLE, centre=(SAMPLE_WIDTH / 2, 0.0), size=9.0, double=True, double_gap=1.6,
                                stroke=Stroke(COLOURS.ink, GENOGRAM.outline), part="legend")],
                         "The child at the centre"))
        elif key == "ecomap.household":
            rows.append(([Shape(kind=ShapeKind.CIRCLE, centre=(SAMPLE_WIDTH / 2, 0.0), size=12.0,
                                stroke=Stroke(COLOURS.ink, ECOMAP.strong * 0.6), part="legend")],
                         "The child's household (a small genogram)"))
        elif key == "ecomap.circle":
            rows.append(([Shape(kind=ShapeKind.CIRCLE, centre=(SAMPLE_WIDTH / 2, 0.0), size=12.0,
                                stroke=Stroke(COLOURS.ink, ECOMAP.outline), part="legend")],
                         "A person or service in the child's life"))
        elif key.removeprefix("ecomap.") in _TIE_WORDS:
            look = TIE_LOOK[next(s for s in TIE_LOOK if s.value == key.removeprefix("ecomap."))]
            rows.append(([Line(points=((1.0, 0.0), (SAMPLE_WIDTH - 1.0, 0.0)), stroke=Stroke(look.colour, look.width, look.pattern),
                               part="legend")], _TIE_WORDS[key.removeprefix("ecomap.")]))
        elif key == "ecomap.stressful":
            sample = [Line(points=((1.0, 0.0), (SAMPLE_WIDTH - 1.0, 0.0)), stroke=Stroke(STRESSFUL_COLOUR, ECOMAP.moderate),
                           part="legend")]
            sample += [Line(points=m.points, stroke=m.stroke, part="legend")
                       for m in hatch_marks((1.0, 0.0), (SAMPLE_WIDTH - 1.0, 0.0), STRESSFUL_COLOUR, None, 3.0)]
            rows.append((sample, "Stressful tie"))
        elif key == "ecomap.flow":
            rows.append(([Line(points=((1.0, 0.0), (SAMPLE_WIDTH - 1.0, 0.0)), stroke=Stroke(COLOURS.ink, ECOMAP.moderate),
                               arrow_end=True, part="legend")], "Energy or resources flow this way"))
        elif key == "ecomap.support":
            rows.append(([Text(text="practical", at=(SAMPLE_WIDTH / 2, 2.0), size=ECOMAP.support_size, colour=SUPPORT_COLOUR,
                               part="legend")], "Kinds of support given"))
    return keyed_legend("Key", rows)
