"""The key to a genogram, built only from the notation the drawing actually uses.

A printout for a family should not explain symbols that are not on it, and must not hint at
anything that was hidden from it: the legend is made from the drawing's own notation keys, after
redaction. Samples are drawn by notation.py, the same code that draws the genogram.
"""

from __future__ import annotations

from dataclasses import replace

from ..graph.model import Gender
from .diagram import Align, AnyItem, Bounds, Box, Diagram, Point, Polygon, Stroke, Text
from .households import round_corners
from .notation import line_item, symbol_items
from .style import COLOURS, FONTS, HOUSEHOLD_LOOK, SHAPE_FOR_GENDER, ShapeKind
from .textsize import estimate_width, wrap

SAMPLE_WIDTH = 36.0
ROW = 16.0
LABEL_WIDTH = 150.0
COLUMN_ROWS = 14
SAMPLE_PART = "legend-sample"

LABELS: dict[str, str] = {
    "gender:male": "Male",
    "gender:female": "Female",
    "gender:non_binary": "Non-binary",
    "gender:unknown": "Gender not known",
    "child_at_centre": "The child at the centre",
    "deceased": "Died",
    "age": "Age (age at death for those who died)",
    "years": "Year born (b.) and died (d.)",
    "pregnancy:pregnancy": "Pregnancy",
    "pregnancy:miscarriage": "Miscarriage",
    "pregnancy:termination": "Termination",
    "pregnancy:stillbirth": "Stillbirth",
    "partnership:married": "Married",
    "partnership:civil_partnership": "Civil partnership",
    "partnership:widowed": "Widowed",
    "partnership:cohabiting": "Living together",
    "partnership:dating": "In a relationship",
    "partnership:engaged": "Engaged",
    "partnership:separated": "Separated",
    "partnership:divorced": "Divorced",
    "partnership:co_parents": "Parents, no partnership recorded",
    "parentage:birth": "Birth child",
    "parentage:adoptive": "Adopted",
    "parentage:foster": "Foster child",
    "parentage:kinship": "Kinship care or special guardianship",
    "parentage:step": "Step-child",
    "twins": "Twins",
    "twins:identical": "Identical twins",
    "emotional:close": "Close",
    "emotional:fused": "Very close (fused)",
    "emotional:distant": "Distant",
    "emotional:conflictual": "Conflict",
    "emotional:hostile": "Hostile",
    "emotional:cut_off": "Cut off",
    "emotional:cut_off_repaired": "Cut off, now repaired",
    "emotional:focused_on": "Focused on (arrow points to the person)",
    "emotional:physical_abuse": "Physical abuse (arrow to the person harmed)",
    "emotional:emotional_abuse": "Emotional abuse (arrow to the person harmed)",
    "emotional:sexual_abuse": "Sexual abuse (arrow to the person harmed)",
    "emotional:neglect": "Neglect (arrow to the person neglected)",
    "emotional:coercive_control": "Coercive control (arrow to the person controlled)",
    "household": "Household: people who live together",
}

_COUPLE_WORDS = {"m.": "married", "tog.": "moved in together", "eng.": "engaged", "sep.": "separated",
                 "div.": "divorced", "wid.": "widowed", "ended": "the year it ended"}

_ORDER = list(LABELS)


def _sample(key: str, x: float, y: float) -> list[AnyItem]:
    """A small drawing of one notation element, in the box [x, x + SAMPLE_WIDTH] around ``y``."""
    mid: Point = (x + SAMPLE_WIDTH / 2, y)
    family, _, value = key.partition(":")
    if family == "gender":
        return symbol_items(SHAPE_FOR_GENDER[Gender(value)], mid, 12.0)
    if key == "child_at_centre":
        return symbol_items(ShapeKind.SQUARE, mid, 10.0, double=True)
    if key == "deceased":
        return symbol_items(ShapeKind.SQUARE, mid, 12.0, crossed=True)
    if key == "age":
        return [*symbol_items(ShapeKind.CIRCLE, mid, 14.0),
                Text(text="42", at=(mid[0], y + 2.4), size=6.5, bold=True)]
    if key == "years":
        return [Text(text="b. 1980", at=(mid[0], y + 2.3), size=FONTS.years)]
    if family == "pregnancy":
        kind, size, crossed = {
            "pregnancy": (ShapeKind.TRIANGLE, 11.0, False),
            "miscarriage": (ShapeKind.DOT, 6.0, False),
            "termination": (ShapeKind.CROSS, 8.0, False),
            "stillbirth": (ShapeKind.SQUARE, 10.0, True),
        }[value]
        return symbol_items(kind, mid, size, crossed=crossed)
    if family == "twins":
        apex = (mid[0], y - 7)
        items: list[AnyItem] = [line_item((apex, (mid[0] - 9, y + 7)), "parentage:birth"),
                                line_item((apex, (mid[0] + 9, y + 7)), "parentage:birth")]
        if value == "identical":
            items.append(line_item(((mid[0] - 4.5, y), (mid[0] + 4.5, y)), "parentage:birth"))
        return items
    if key == "household":
        corners = ((x + 2, y - 6.5), (x + SAMPLE_WIDTH - 2, y - 6.5), (x + SAMPLE_WIDTH - 2, y + 6.5),
                   (x + 2, y + 6.5))
        look = HOUSEHOLD_LOOK
        return [Polygon(points=round_corners(corners, 4.0), stroke=Stroke(look.colour, look.width, look.pattern))]
    return [replace(line_item(((x + 1, y), (x + SAMPLE_WIDTH - 1, y)), key), tag="")]


def _entries(notation: tuple[str, ...]) -> list[tuple[str, list[AnyItem] | None]]:
    """(label, sample) rows in a fixed order; rows whose samples look the same share one row."""
    used = set(notation)
    rows: list[tuple[str, str, list[AnyItem] | None]] = []  # (family, label, sample)
    for key in _ORDER:
        if key not in used:
            continue
        sample = _sample(key, 0.0, 0.0)
        family = key.partition(":")[0]
        for i, (other_family, label, other) in enumerate(rows):
            if other_family == family and other is not None and repr(other) == repr(sample):
                rows[i] = (family, f"{label}; {LABELS[key].lower()}", other)
                break
        else:
            rows.append((family, LABELS[key], sample))
    words = [f"{word} {_COUPLE_WORDS[word]}" for word in _COUPLE_WORDS if f"couple_date:{word}" in used]
    if words:
        rows.append(("couple_date", "Couple years: " + ", ".join(words), None))
    return [(label, sample) for _, label, sample in rows]


def build_legend(notation: tuple[str, ...], title: str = "Key") -> Diagram | None:
    """The legend for a drawing that uses ``notation``; None when there is nothing to explain."""
    entries = _entries(notation)
    if not entries:
        return None
    columns = (len(entries) + COLUMN_ROWS - 1) // COLUMN_ROWS
    per_column = (len(entries) + columns - 1) // columns
    items: list[AnyItem] = [Text(text=title, at=(0.0, 0.0), size=FONTS.legend_title, bold=True, align=Align.START,
                                 part="legend")]
    column_x = 0.0
    for c in range(columns):
        y = ROW
        widest = 0.0
        for label, sample in entries[c * per_column:(c + 1) * per_column]:
            lines = wrap(label, FONTS.legend, LABEL_WIDTH)
            if sample is None:  # a note in words only
                text_x = column_x
            else:
                items += [_as_legend(item) for item in _sample_at(sample, column_x, y)]
                text_x = column_x + SAMPLE_WIDTH + 6
            for i, line in enumerate(lines):
                items.append(Text(text=line, at=(text_x, y + FONTS.legend * 0.35 + i * FONTS.legend * 1.15),
                                  size=FONTS.legend, align=Align.START, part="legend"))
                widest = max(widest, text_x - column_x + estimate_width(line, FONTS.legend))
            y += ROW + (len(lines) - 1) * FONTS.legend * 1.15
        column_x += widest + 16
    body = Diagram.of(items)
    frame = Box(rect=body.bounds.expanded(9.0), radius=3.0, stroke=Stroke(COLOURS.legend_frame, 0.6),
                fill=COLOURS.paper, part="legend")
    return Diagram.of([frame, *items])


def _sample_at(sample: list[AnyItem], x: float, y: float) -> list[AnyItem]:
    return list(Diagram(tuple(sample), Bounds(0, 0, 1, 1)).translated(x, y).items)


def _as_legend(item: AnyItem) -> AnyItem:
    """A sample's item, marked as such: its marks ("?", "42") are drawing, not words to be read,
    so a printout does not scale the whole chart up to make them as large as a label."""
    return replace(item, part=SAMPLE_PART, node_id=None, rel_id=None)
