"""The circles-of-support picture as a renderer-neutral diagram: rings, sectors, people, gaps.

Built from :func:`~.circles.circles_layout` and the one style table, so the editor, the PDF, the
SVG and the PNG draw the same picture. Items carry the node they draw (``node_id``) and their part
("symbol", "name", "ring", ...), which the editor's scene uses to make them selectable and
draggable.
"""

from __future__ import annotations

from dataclasses import replace

from ..graph.document import CaseDocument
from ..graph.model import AnyNode, Person, Service
from .circles import CHILD, FAMILY, RINGS, SECTORS, CirclesLayout, PlacedNode, circles_layout, polar
from .diagram import Align, AnyItem, Bounds, Box, Diagram, Line, Point, Shape, Stroke, Text
from .legend import ROW, SAMPLE_WIDTH
from .notation import symbol_items
from .style import CIRCLES, COLOURS, FONTS, GENOGRAM, SHAPE_FOR_GENDER, LinePattern, ShapeKind

MARGIN = 6.0  # round the picture: the page and the editor's scene keep their own margins
TAG_RADIUS = 3.0  # the corners of a service's name tag
CHILD_TAG_RADIUS = 7.0  # every name in the child's picture is in a tag: rounder, friendlier


def circles_diagram(doc: CaseDocument, layout: CirclesLayout | None = None,
                    hidden: frozenset[str] = frozenset()) -> Diagram:
    """The whole circles-of-support drawing with its legend; ``hidden`` ids are left out entirely.

    A layout in the child's look (see :func:`child_circles_diagram`) is drawn without a legend:
    it has no symbols to explain, and its rings and sectors are named on the picture in plain words.
    """
    if layout is None:
        layout = circles_layout(doc, hidden)
    tag_radius = TAG_RADIUS if layout.look.symbol else CHILD_TAG_RADIUS
    items: list[AnyItem] = []
    items += _rings(layout)
    for node in layout.placed():
        if node.node_id not in hidden:
            items += node_items(doc.node(node.node_id), node, tag_radius)
    items += layout.notes
    if layout.list_title is not None and layout.not_placed():
        items += _not_placed_frame(layout)
        items.append(layout.list_title)
        for node in layout.not_placed():
            items += node_items(doc.node(node.node_id), node)
    title = layout.look.title or f"{doc.info.name}: circles of support"
    if not layout.look.symbol:
        return Diagram.of(items, margin=MARGIN, title=title)
    notation = _notation(doc, layout)
    return Diagram.of(items, margin=MARGIN, legend=circles_legend(notation), notation=notation, title=title)


def child_circles_diagram(doc: CaseDocument, child_id: str, hidden: frozenset[str] = frozenset()) -> Diagram:
    """The child's own circles, for their copy of the plan: first names only, in big type, around
    "Me", with the rings ("closest to me", "close to me", "around me") and the sectors in plain words.
    ``hidden`` ids (the child audience's redaction) are left out entirely."""
    return circles_diagram(doc, circles_layout(doc, hidden, look=CHILD, reader=child_id), hidden)


def family_circles_diagram(doc: CaseDocument, hidden: frozenset[str] = frozenset()) -> Diagram:
    """The family's copy of the circles: as the child's, with the child's name in the middle and
    the sectors named for the family."""
    return circles_diagram(doc, circles_layout(doc, hidden, look=FAMILY), hidden)


def _rings(layout: CirclesLayout) -> list[AnyItem]:
    """The discs from the outside in, the sector edges, the ring and sector titles, the child."""
    items: list[AnyItem] = []
    ring_stroke = Stroke(COLOURS.muted, CIRCLES.ring_line)
    for ring, fill in reversed(list(zip(RINGS, CIRCLES.ring_fills))):
        outer = layout.bands[ring][1]
        items.append(Shape(kind=ShapeKind.CIRCLE, centre=(0.0, 0.0), size=2 * outer, stroke=ring_stroke, fill=fill,
                           part=f"ring:{ring.value}"))
    edge_stroke = Stroke(COLOURS.muted, CIRCLES.sector_line, LinePattern.DASHED)
    for sector in SECTORS:
        angle = layout.wedges[sector].start
        items.append(Line(points=(polar(layout.centre_radius, angle), polar(layout.outer_radius, angle)),
                          stroke=edge_stroke, part="sector-edge"))
    items.append(Shape(kind=ShapeKind.CIRCLE, centre=(0.0, 0.0), size=2 * layout.centre_radius - 6,
                       stroke=Stroke(COLOURS.ink, GENOGRAM.outline), fill=COLOURS.paper, double=True,
                       double_gap=GENOGRAM.double_gap,
                       node_id=layout.centre_ids[0] if layout.centre_ids else None, part="centre"))
    items += layout.centre_texts
    items += layout.ring_titles
    items += layout.sector_titles
    return items


def node_items(node: AnyNode, placed: PlacedNode, tag_radius: float = TAG_RADIUS) -> list[AnyItem]:
    """A person's symbol with the name beside it, or a name in its tag (also used by the editor's scene)."""
    foot = placed.footprint
    if foot.tagged:
        centre = placed.symbol_centre
        tag = Box(rect=placed.box, radius=tag_radius, stroke=Stroke(COLOURS.ink, GENOGRAM.outline),
                  fill=COLOURS.paper, node_id=node.id, part="service" if isinstance(node, Service) else "tag")
        # An unpainted square in the tag: scenes find a node's place (what positions["circles"]
        # stores) from the Shape marked "symbol", as for a person.
        anchor = Shape(kind=ShapeKind.SQUARE, centre=centre, size=placed.box.height, stroke=None, fill=None,
                       node_id=node.id, part="symbol")
        return [anchor, tag, *placed.texts()]
    kind = SHAPE_FOR_GENDER[node.gender] if isinstance(node, Person) else ShapeKind.ROUNDED_SQUARE
    crossed = isinstance(node, Person) and node.deceased
    return [*_person_symbol(kind, placed.symbol_centre, foot.symbol, crossed=crossed, node_id=node.id),
            *placed.texts()]


def small_symbol_items(kind: ShapeKind, centre: Point, size: float, *, double: bool = False, crossed: bool = False,
                       node_id: str | None = None) -> list[AnyItem]:
    """A person's symbol drawn smaller than on the genogram, its "?" (gender not known) kept readable
    in print: no mark below the size of the smallest words around it."""
    least = CIRCLES.detail_size
    return [replace(item, size=least) if isinstance(item, Text) and item.size < least else item
            for item in symbol_items(kind, centre, size, double=double, crossed=crossed, node_id=node_id)]


def _person_symbol(kind: ShapeKind, centre: Point, size: float, *, crossed: bool = False,
                   node_id: str | None = None) -> list[AnyItem]:
    """A person's small symbol with its "?" (gender not known) inside it: the name is written close
    beside the symbol, where a "?" at its corner would run into it."""
    return [replace(item, at=(centre[0], centre[1] + item.size * 0.35), align=Align.MIDDLE)
            if isinstance(item, Text) else item
            for item in small_symbol_items(kind, centre, size, crossed=crossed, node_id=node_id)]


def _not_placed_frame(layout: CirclesLayout) -> list[AnyItem]:
    boxes = [n.box for n in layout.not_placed()]
    assert layout.list_title is not None
    whole = layout.list_title.bounds
    for box in boxes:
        whole = whole.union(box)
    return [Box(rect=Bounds(whole.x0 - 8, whole.y0 - 6, whole.x1 + 8, whole.y1 + 6), radius=6.0,
                stroke=Stroke(COLOURS.legend_frame, 0.8, LinePattern.DASHED), fill=None, part="not-placed")]


def _notation(doc: CaseDocument, layout: CirclesLayout) -> tuple[str, ...]:
    """The legend keys this drawing uses, in legend order."""
    keys = ["circles.rings", "circles.sectors"]
    nodes = [doc.node(n.node_id) for n in layout.nodes.values()]
    for gender, shape in SHAPE_FOR_GENDER.items():
        if any(isinstance(n, Person) and n.gender is gender for n in nodes):
            keys.append(f"symbol.{shape.value}")
    if any(isinstance(n, Service) for n in nodes):
        keys.append("circles.service")
    if any(isinstance(n, Person) and n.deceased for n in nodes):
        keys.append("symbol.deceased")
    if layout.notes:
        keys.append("circles.empty")
    if layout.not_placed():
        keys.append("circles.not-placed")
    if layout.look.symbol and layout.look.detail_rings != RINGS:
        keys.append("circles.names-only" if not layout.look.detail_rings else "circles.wider-names-only")
    return tuple(keys)



# ----- the legend --------------------------------------------------------------------------------------

LegendRow = tuple[list[AnyItem], str]  # a sample drawn across [0, SAMPLE_WIDTH] around y = 0, and its words


def keyed_legend(title: str, rows: list[LegendRow]) -> Diagram:
    """A framed key in the genogram legend's look: each row a small sample and the words for it."""
    items: list[AnyItem] = [Text(text=title, at=(0.0, 0.0), size=FONTS.legend_title, bold=True, align=Align.START,
                                 part="legend")]
    y = ROW
    for sample, words in rows:
        items += Diagram.of(sample).translated(0.0, y).items
        items.append(Text(text=words, at=(SAMPLE_WIDTH + 6.0, y + FONTS.legend * 0.35), size=FONTS.legend,
                          align=Align.START, part="legend"))
        y += ROW
    body = Diagram.of(items)
    frame = Box(rect=body.bounds.expanded(9.0), radius=3.0, stroke=Stroke(COLOURS.legend_frame, 0.6),
                fill=COLOURS.paper, part="legend")
    return Diagram.of([frame, *items])


_MID = SAMPLE_WIDTH / 2


def _swatch(fill: str) -> list[AnyItem]:
    return [Box(rect=Bounds(4.0, -5.0, SAMPLE_WIDTH - 4.0, 5.0), stroke=Stroke(COLOURS.muted, CIRCLES.ring_line),
                fill=fill, part="legend")]


def _symbol(kind: ShapeKind, crossed: bool = False) -> list[AnyItem]:
    return [replace(item, part="legend", node_id=None) for item in _person_symbol(kind, (_MID, 0.0), 10.0,
                                                                                 crossed=crossed)]


_SYMBOL_WORDS = {ShapeKind.SQUARE: "Male", ShapeKind.CIRCLE: "Female", ShapeKind.DIAMOND: "Non-binary",
                 ShapeKind.ROUNDED_SQUARE: "Gender not recorded"}


def circles_legend(notation: tuple[str, ...]) -> Diagram:
    rows: list[LegendRow] = []
    for key in notation:
        if key == "circles.rings":
            rows += [(_swatch(fill), words) for fill, words in zip(
                CIRCLES.ring_fills, ("Inner ring: closest", "Middle ring: close", "Outer ring: wider network"))]
        elif key == "circles.sectors":
            rows.append(([Line(points=((1.0, 0.0), (SAMPLE_WIDTH - 1.0, 0.0)),
                               stroke=Stroke(COLOURS.muted, CIRCLES.sector_line, LinePattern.DASHED), part="legend")],
                         "Edge between two sectors"))
        elif key.startswith("symbol.") and key != "symbol.deceased":
            kind = ShapeKind(key.removeprefix("symbol."))
            rows.append((_symbol(kind), _SYMBOL_WORDS[kind]))
        elif key == "circles.service":
            w, h = SAMPLE_WIDTH - 8.0, 10.0
            rows.append(([Box(rect=Bounds(_MID - w / 2, -h / 2, _MID + w / 2, h / 2), radius=TAG_RADIUS,
                              stroke=Stroke(COLOURS.ink, GENOGRAM.outline), fill=COLOURS.paper, part="legend")],
                         "Service or organisation, by name"))
        elif key == "symbol.deceased":
            rows.append((_symbol(ShapeKind.SQUARE, crossed=True), "Has died"))
        elif key == "circles.empty":
            rows.append(([Text(text="none yet", at=(_MID, 2.5), size=CIRCLES.note_size, colour=COLOURS.muted,
                               part="legend")], "A gap: nobody in this part yet"))
        elif key in ("circles.names-only", "circles.wider-names-only"):
            where = "Names only" if key == "circles.names-only" else "Wider ring: names only"
            rows.append(([Text(text="Name", at=(_MID, 2.5), size=CIRCLES.detail_size, part="legend")],
                         f"{where}, to keep a big network on one page"))
        elif key == "circles.not-placed":
            rows.append(([Box(rect=Bounds(4.0, -5.0, SAMPLE_WIDTH - 4.0, 5.0), radius=2.0,
                              stroke=Stroke(COLOURS.legend_frame, 0.8, LinePattern.DASHED), part="legend")],
                         "Not placed in a circle yet"))
    return keyed_legend("Key", rows)
