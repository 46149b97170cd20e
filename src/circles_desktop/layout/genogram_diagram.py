"""The genogram as a renderer-neutral Diagram, in the notation of McGoldrick, Gerson and Petry.

Symbols by gender (square male, circle female, diamond non-binary, a rounded square with "?" when
the gender is not known), the child at the centre with a double outline, an X through the deceased
with the age at death inside, small marks for pregnancies that did not end in a birth, couple lines
with their marks, children's elbows in the pattern of their parentage, twins from one point,
emotional lines in their standard patterns, households as dashed boundaries; names below, age
inside, years above. Every item carries the node or relationship it draws. The legend lists only
what the drawing uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..graph.document import CaseDocument
from ..graph.model import Household, Partnership, Person, PregnancyState
from .diagram import Align, AnyItem, Diagram, Point, Polygon, Stroke, Text
from .genogram import GenogramLayout, genogram_layout, symbol_shape
from .labels import YEARS_OFFSET, PersonLabels, couple_years, person_labels
from .legend import build_legend
from .notation import line_item, symbol_items
from .routing import CARER, COUPLE, EMOTIONAL, TWIN_BAR, RoutedLine
from .style import COLOURS, FONTS, GENOGRAM, HOUSEHOLD_LOOK, ShapeKind
from .textsize import wrap


def notation_of_person(person: Person) -> list[str]:
    keys = []
    if person.pregnancy is PregnancyState.NONE:
        keys.append(f"gender:{person.gender.value}")
    else:
        keys.append(f"pregnancy:{person.pregnancy.value}")
    if person.is_child_at_centre:
        keys.append("child_at_centre")
    if person.deceased and person.pregnancy is PregnancyState.NONE:
        keys.append("deceased")
    return keys


def genogram_diagram(doc: CaseDocument, layout: GenogramLayout, *, hidden: frozenset[str] = frozenset(),
                     today: dt.date | None = None) -> Diagram:
    """The genogram of ``doc`` drawn from ``layout``, leaving out everything in ``hidden``.

    ``hidden`` holds ids of people, households and relationships the audience must not see. When the
    layout still contains any of them, the genogram is laid out again without them, so the drawing
    shows no gap or dangling line where they were; and nothing hidden reaches the legend.
    """
    today = today or dt.date.today()
    drawn = layout.node_ids | layout.rel_ids | {u.id for u in layout.unions}
    if hidden & drawn:
        layout = genogram_layout(doc, focus=layout.focus, generations=layout.generations,
                                 exclude=layout.excluded | hidden)
    builder = _Builder(doc, layout, hidden, today)
    return builder.build()


class _Builder:
    def __init__(self, doc: CaseDocument, layout: GenogramLayout, hidden: frozenset[str], today: dt.date) -> None:
        self.doc, self.layout, self.hidden, self.today = doc, layout, hidden, today
        self.back: list[AnyItem] = []  # households
        self.lines: list[AnyItem] = []
        self.front: list[AnyItem] = []  # symbols, then text
        self.text: list[AnyItem] = []
        self.notation: dict[str, None] = {}

    def use(self, *keys: str) -> None:
        for key in keys:
            self.notation.setdefault(key, None)

    def build(self) -> Diagram:
        for outline in self.layout.households:
            self._household(outline.household_id, outline.points)
        for line in self.layout.lines:
            self._line(line)
        # People whose parents' line comes into the top of their symbol, and the side it comes from
        fed = {line.end_node: line.points[0][0] - line.points[-1][0] for line in self.layout.lines
               if line.kind in ("drop", "twins") and line.end_node}
        for pid, centre in self.layout.positions.items():
            person = self.doc.node(pid)
            assert isinstance(person, Person)
            self._person(person, centre, self.layout.sizes[pid], fed.get(pid))
        items = [i for i in (*self.back, *self.lines, *self.front, *self.text) if not self._is_hidden(i)]
        diagram = Diagram.of(items, margin=GENOGRAM.margin, notation=tuple(self.notation))
        legend = build_legend(diagram.notation)
        return replace(diagram, legend=legend)

    def _is_hidden(self, item: AnyItem) -> bool:
        return bool({item.node_id, item.rel_id} & self.hidden)

    # ----- households and lines ------------------------------------------------------------------

    def _household(self, household_id: str, points: tuple[Point, ...]) -> None:
        household = self.doc.node(household_id)
        assert isinstance(household, Household)
        look = HOUSEHOLD_LOOK
        self.back.append(Polygon(points=points, stroke=Stroke(look.colour, look.width, look.pattern), fill=None,
                                 node_id=household_id, part="household"))
        # The name sits on the bottom edge, wrapped to the outline's width so neighbours' names do not collide.
        bottom = max(p[1] for p in points)
        edge = [p[0] for p in points if abs(p[1] - bottom) < 1.0]
        middle, room = (min(edge) + max(edge)) / 2, max(max(edge) - min(edge) + 2 * GENOGRAM.household_radius - 8, 30)
        for i, text in enumerate(wrap(household.label, FONTS.years, room)):
            self.text.append(Text(text=text, at=(middle, bottom + FONTS.years * (0.35 + 1.15 * i)), size=FONTS.years,
                                  colour=COLOURS.household, halo=True, node_id=household_id, part="household"))
        self.use("household")

    def _line(self, line: RoutedLine) -> None:
        rel_id = line.rel_ids[0] if line.rel_ids else None
        part = {COUPLE: "couple", CARER: "carer", EMOTIONAL: "emotional", TWIN_BAR: "twins"}.get(line.kind, "descent")
        if line.kind == TWIN_BAR:
            item = line_item(line.points, "parentage:birth", rel_id=rel_id, part=part)
            self.use("twins:identical")
        else:
            item = line_item(line.points, line.style, rel_id=rel_id, part=part)
            if line.kind == "twins":
                self.use("twins")
            if line.kind == COUPLE:
                item = replace(item, marks_at=line.marks_at)
                self._couple_dates(line)
            self.use(line.style)
        (self.lines if line.kind != EMOTIONAL else self.front).append(item)

    def _couple_dates(self, line: RoutedLine) -> None:
        """The year the couple got together ("m. 2003") above the line, and how it ended below it."""
        rels = [self.doc.relationship(r) for r in line.rel_ids if r not in self.hidden]
        rel = next((r for r in rels if isinstance(r, Partnership)), None)
        if rel is None or line.marks_at is None:
            return
        start, end = couple_years(rel)
        xs = [p[0] for p in line.points]
        y = line.points[1][1] if len(line.points) > 2 else line.points[0][1]
        mid = (min(xs) + max(xs)) / 2
        if start:
            self.text.append(Text(text=start, at=(mid, y - 4.5), size=FONTS.couple, colour=COLOURS.muted,
                                  rel_id=rel.id, part="couple", halo=True))
            self.use(f"couple_date:{start.split()[0]}")
        if end:
            self.text.append(Text(text=end, at=(line.marks_at[0], y + FONTS.couple + 5), size=FONTS.couple,
                                  colour=COLOURS.muted, rel_id=rel.id, part="couple", halo=True))
            self.use(f"couple_date:{end.split()[0]}")

    # ----- people --------------------------------------------------------------------------------

    def _person(self, person: Person, centre: Point, size: float, fed_from: float | None) -> None:
        kind = symbol_shape(person)
        crossed = person.deceased or person.pregnancy is PregnancyState.STILLBIRTH
        if kind in (ShapeKind.CROSS, ShapeKind.DOT):
            crossed = False
        self.front += symbol_items(kind, centre, size, double=person.is_child_at_centre, crossed=crossed,
                                   node_id=person.id)
        self.use(*notation_of_person(person))
        self._labels(person, person_labels(person, self.today), centre, size, fed_from)

    def _labels(self, person: Person, labels: PersonLabels, centre: Point, size: float, fed: float | None) -> None:
        """Age inside, name below, years above: beside the line from the parents, on the side it does not
        come from (``fed`` is that line's horizontal offset at the top, None when there is no such line)."""
        x, y = centre
        bold = person.is_child_at_centre
        if labels.age:
            self.text.append(Text(text=labels.age, at=(x, y + FONTS.age * 0.36), size=FONTS.age, bold=True,
                                  halo=person.deceased, node_id=person.id, part="age"))
            self.use("age")
        line_height = FONTS.name * FONTS.line_height
        baseline = y + size / 2 + GENOGRAM.label_gap + FONTS.name * 0.8
        for i, text in enumerate(labels.name_lines):
            self.text.append(Text(text=text, at=(x, baseline + i * line_height), size=FONTS.name, bold=bold,
                                  halo=True, node_id=person.id, part="name"))
        if labels.years:
            years_y = y - size / 2 - 3
            if fed is None:
                self.text.append(Text(text=labels.years, at=(x, years_y), size=FONTS.years, halo=True,
                                      node_id=person.id, part="years"))
            else:
                left = fed > 0.5  # a twin's line comes in from the right: write the years on the left
                self.text.append(Text(text=labels.years, at=(x - YEARS_OFFSET if left else x + YEARS_OFFSET, years_y),
                                      size=FONTS.years, align=Align.END if left else Align.START, halo=True,
                                      node_id=person.id, part="years"))
            self.use("years")

