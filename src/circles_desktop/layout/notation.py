"""How each notation element is drawn, shared by the genogram and its legend.

The legend's samples are made by the same functions as the drawing, so the key can never show a
symbol or a line differently from the genogram it explains.
"""

from __future__ import annotations

from ..graph.model import EmotionalType, ParentageType, PartnershipType
from .diagram import Align, AnyItem, Line, Point, Shape, Stroke, Text
from .style import (
    CO_PARENTS_LOOK,
    COLOURS,
    EMOTIONAL_LOOK,
    FONTS,
    GENOGRAM,
    HOUSEHOLD_LOOK,
    PARENTAGE_LOOK,
    PARTNERSHIP_LOOK,
    LineLook,
    ShapeKind,
)


def look_for(style: str) -> LineLook:
    """The line look for a notation key such as ``partnership:divorced`` or ``emotional:hostile``."""
    family, _, value = style.partition(":")
    if family == "partnership":
        return CO_PARENTS_LOOK if value == "co_parents" else PARTNERSHIP_LOOK[PartnershipType(value)]
    if family == "parentage":
        return PARENTAGE_LOOK[ParentageType(value)]
    if family == "emotional":
        return EMOTIONAL_LOOK[EmotionalType(value)]
    if family == "household":
        return HOUSEHOLD_LOOK
    return LineLook(PARENTAGE_LOOK[ParentageType.BIRTH].pattern)


def line_item(points: tuple[Point, ...], style: str, **ids: object) -> Line:
    """A line drawn in the look of a notation key (shared with the legend's samples)."""
    look = look_for(style)
    return Line(points=points, stroke=Stroke(look.colour, look.width, look.pattern), slashes=look.slashes,
                arrow_end=look.arrow, tag=look.tag, tag_size=FONTS.tag, **ids)  # type: ignore[arg-type]


def symbol_items(kind: ShapeKind, centre: Point, size: float, *, double: bool = False, crossed: bool = False,
                 node_id: str | None = None) -> list[AnyItem]:
    """A person's symbol, with the "?" that marks an unknown gender (shared with the legend)."""
    stroke = Stroke(COLOURS.ink, GENOGRAM.outline)
    items: list[AnyItem] = [Shape(kind=kind, centre=centre, size=size, stroke=stroke, double=double,
                                  double_gap=GENOGRAM.double_gap, crossed=crossed, node_id=node_id, part="symbol")]
    if kind is ShapeKind.ROUNDED_SQUARE:
        q = max(size * 0.3, 5.0)
        items.append(Text(text="?", at=(centre[0] + size / 2 + q * 0.15, centre[1] - size / 2 + q * 0.35), size=q,
                          bold=True, align=Align.START, node_id=node_id, part="symbol"))
    return items
