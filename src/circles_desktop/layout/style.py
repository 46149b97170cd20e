"""The one style table: sizes, line patterns, colours and fonts for every notation element.

Every back end (PDF, SVG, PNG, the editor's scene) reads this module and nothing else for how a
genogram looks, so a printout matches the screen (DESIGN.md, house rule 5). Lengths are in points
(1/72 inch). Meaning is always carried by shape and line pattern; colour only helps a reader who can
see it, and every colour here stays dark enough to survive a greyscale photocopy.

The ecomap and circles views add their own sections here when they are built.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..graph.model import EmotionalType, Gender, ParentageType, PartnershipType


class LinePattern(str, Enum):
    """How a line is drawn. Dash patterns come from :data:`DASHES`; the rest are built by strokes.py."""

    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"
    DASH_DOT = "dash_dot"
    DASH_DOT_DOT = "dash_dot_dot"
    DOUBLE = "double"  # two parallel lines
    TRIPLE = "triple"  # three parallel lines
    ZIGZAG = "zigzag"
    ZIGZAG_ON_LINE = "zigzag_on_line"  # a zigzag over a straight line
    BROKEN = "broken"  # a gap closed off by two short bars
    BROKEN_REPAIRED = "broken_repaired"  # the two bars, with the line running through again


class ShapeKind(str, Enum):
    SQUARE = "square"
    CIRCLE = "circle"
    DIAMOND = "diamond"
    ROUNDED_SQUARE = "rounded_square"
    TRIANGLE = "triangle"
    DOT = "dot"  # a small filled circle
    CROSS = "cross"  # a small X and nothing else


# On/off lengths in points, for a line 1 pt wide; back ends scale nothing themselves.
DASHES: dict[LinePattern, tuple[float, ...]] = {
    LinePattern.DASHED: (5.0, 3.0),
    LinePattern.DOTTED: (0.01, 2.6),  # with round caps: dots
    LinePattern.DASH_DOT: (6.0, 2.5, 0.01, 2.5),
    LinePattern.DASH_DOT_DOT: (6.0, 2.2, 0.01, 2.2, 0.01, 2.2),
}

ROUND_CAPS = frozenset({LinePattern.DOTTED, LinePattern.DASH_DOT, LinePattern.DASH_DOT_DOT})


@dataclass(frozen=True)
class Colours:
    ink: str = "#000000"
    paper: str = "#ffffff"
    muted: str = "#555555"
    household: str = "#4d4d4d"
    close: str = "#1e6b34"  # green family for closeness
    distant: str = "#3d5a80"
    conflict: str = "#a3231a"  # red family for conflict and hostility
    cut_off: str = "#333333"
    focus: str = "#1f4e96"
    harm: str = "#7a1020"  # abuse, neglect, coercive control
    legend_frame: str = "#999999"


COLOURS = Colours()


@dataclass(frozen=True)
class Fonts:
    """Font family names and sizes. The files behind the names are found by fonts.py."""

    family: str = "Noto Sans"
    fallback: tuple[str, ...] = ("DejaVu Sans", "Arial", "sans-serif")
    name: float = 8.0
    age: float = 9.0
    years: float = 7.0
    couple: float = 7.0
    tag: float = 7.0
    legend: float = 7.5
    legend_title: float = 9.0
    title: float = 12.0
    line_height: float = 1.2  # multiple of the size


FONTS = Fonts()


@dataclass(frozen=True)
class Genogram:
    """Sizes of the genogram's parts, in points."""

    symbol: float = 30.0  # square side, circle diameter
    small_symbol: float = 14.0  # pregnancy, miscarriage, termination, stillbirth
    outline: float = 1.2
    double_gap: float = 3.0  # between the two outlines of the child at the centre
    line: float = 1.0
    couple_drop: float = 9.0  # how far below the symbols a spanning couple line runs
    couple_step: float = 5.0  # extra depth for each couple line nested inside another
    bar_step: float = 5.0  # vertical distance between sibling bars that would overlap
    twin_rise: float = 14.0  # height of the twins' shared point above their symbols' tops
    slash: float = 9.0  # length of a separation/divorce slash
    slash_gap: float = 3.5
    arrow: float = 7.0  # arrow head length
    arrow_width: float = 6.0
    parallel_gap: float = 2.2  # between the lines of a double or triple line
    zigzag_amplitude: float = 2.6
    zigzag_wavelength: float = 5.5
    break_gap: float = 7.0  # the gap of a cut-off
    break_bar: float = 8.0
    emotion_gap: float = 3.0  # emotional lines stop this far from the symbol
    emotion_spacing: float = 5.0  # between several emotional lines joining the same two people
    label_gap: float = 2.0  # between a symbol and its name
    name_max_width: float = 84.0  # longer names wrap
    slot_padding: float = 8.0  # room left and right of each person's widest label
    union_width: float = 30.0  # least room between two partners (the couple line's visible length)
    rank_gap: float = 58.0  # between one generation's labels and the next one's dates
    household_padding: float = 7.0
    household_radius: float = 10.0
    margin: float = 18.0  # around the whole drawing


GENOGRAM = Genogram()


SHAPE_FOR_GENDER: dict[Gender, ShapeKind] = {
    Gender.MALE: ShapeKind.SQUARE,
    Gender.FEMALE: ShapeKind.CIRCLE,
    Gender.NON_BINARY: ShapeKind.DIAMOND,
    # Not known: a rounded square with a question mark at its corner, so it reads as neither square
    # nor circle and says plainly that the gender is not recorded.
    Gender.UNKNOWN: ShapeKind.ROUNDED_SQUARE,
}


@dataclass(frozen=True)
class LineLook:
    pattern: LinePattern
    colour: str = COLOURS.ink
    width: float = GENOGRAM.line
    slashes: int = 0  # separation 1, divorce 2
    arrow: bool = False  # directed: an arrow head at the target
    tag: str = ""  # a word written on the line where pattern alone is not enough


PARTNERSHIP_LOOK: dict[PartnershipType, LineLook] = {
    PartnershipType.MARRIED: LineLook(LinePattern.SOLID),
    PartnershipType.CIVIL_PARTNERSHIP: LineLook(LinePattern.SOLID),
    PartnershipType.COHABITING: LineLook(LinePattern.DASHED),
    PartnershipType.DATING: LineLook(LinePattern.DOTTED),
    PartnershipType.ENGAGED: LineLook(LinePattern.DASH_DOT),
    PartnershipType.SEPARATED: LineLook(LinePattern.SOLID, slashes=1),
    PartnershipType.DIVORCED: LineLook(LinePattern.SOLID, slashes=2),
    PartnershipType.WIDOWED: LineLook(LinePattern.SOLID),
}

# Two people who share a child but have no partnership on record.
CO_PARENTS_LOOK = LineLook(LinePattern.DASH_DOT_DOT, colour=COLOURS.muted)

PARENTAGE_LOOK: dict[ParentageType, LineLook] = {
    ParentageType.BIRTH: LineLook(LinePattern.SOLID),
    ParentageType.ADOPTIVE: LineLook(LinePattern.DASHED),
    ParentageType.FOSTER: LineLook(LinePattern.DOTTED),
    ParentageType.KINSHIP: LineLook(LinePattern.DASH_DOT),
    ParentageType.STEP: LineLook(LinePattern.DASH_DOT_DOT),
}

_W = 1.1
EMOTIONAL_LOOK: dict[EmotionalType, LineLook] = {
    EmotionalType.CLOSE: LineLook(LinePattern.DOUBLE, COLOURS.close, 0.8),
    EmotionalType.FUSED: LineLook(LinePattern.TRIPLE, COLOURS.close, 0.8),
    EmotionalType.DISTANT: LineLook(LinePattern.DOTTED, COLOURS.distant, 1.4),
    EmotionalType.CONFLICTUAL: LineLook(LinePattern.ZIGZAG_ON_LINE, COLOURS.conflict, 0.9),
    EmotionalType.HOSTILE: LineLook(LinePattern.ZIGZAG, COLOURS.conflict, _W),
    EmotionalType.CUT_OFF: LineLook(LinePattern.BROKEN, COLOURS.cut_off, _W),
    EmotionalType.CUT_OFF_REPAIRED: LineLook(LinePattern.BROKEN_REPAIRED, COLOURS.cut_off, _W),
    EmotionalType.FOCUSED_ON: LineLook(LinePattern.SOLID, COLOURS.focus, _W, arrow=True),
    EmotionalType.PHYSICAL_ABUSE: LineLook(LinePattern.ZIGZAG, COLOURS.harm, _W, arrow=True, tag="physical abuse"),
    EmotionalType.EMOTIONAL_ABUSE: LineLook(LinePattern.DASHED, COLOURS.harm, _W, arrow=True, tag="emotional abuse"),
    EmotionalType.SEXUAL_ABUSE: LineLook(LinePattern.ZIGZAG_ON_LINE, COLOURS.harm, _W, arrow=True, tag="sexual abuse"),
    EmotionalType.NEGLECT: LineLook(LinePattern.DOTTED, COLOURS.harm, 1.4, arrow=True, tag="neglect"),
    EmotionalType.COERCIVE_CONTROL: LineLook(LinePattern.DOUBLE, COLOURS.harm, 0.8, arrow=True,
                                             tag="coercive control"),
}

HOUSEHOLD_LOOK = LineLook(LinePattern.DASHED, COLOURS.household, 0.9)


# ----- Ecomap and circles of support ------------------------------------------------------------------
# Added by the ecomap/circles views (layout/ecomap*.py, layout/circles*.py); additive only.

from ..graph.model import TieStrength  # noqa: E402  (kept with the section that needs it)


@dataclass(frozen=True)
class Ecomap:
    """Sizes of the ecomap's parts, in points (Hartman: the child in the middle, a circle per tie)."""

    centre_radius: float = 34.0  # least radius of the central circle
    node_radius: float = 10.0  # a person's or service's circle; its words are written beside it
    label_gap: float = 3.0  # between a circle and its words
    label_widths: tuple[float, ...] = (44.0, 56.0, 70.0, 86.0, 104.0)  # the widths words are tried at
    node_gap: float = 5.0  # least room between two circles or blocks of words
    line_clearance: float = 4.0  # least room between a line and a circle or words it passes
    sector_gap: float = 16.0  # more room between the last circle of one sector and the first of the next
    tie_length: float = 34.0  # least visible length of a tie line
    name_size: float = 8.0
    detail_size: float = 7.0  # who they are to the child, or the kind of service
    support_size: float = 7.0  # the kinds of support, under the name
    text_padding: float = 4.0  # between the centre's circle and the text inside it
    outline: float = 1.1
    strong: float = 3.4  # line widths by tie strength
    moderate: float = 1.3
    tenuous: float = 1.3
    hatch_spacing: float = 9.0  # cross-marks along a stressful tie
    hatch_length: float = 8.0
    hatch_width: float = 1.1
    tie_spacing: float = 7.0  # between two ties that reach the same circle
    sector_title_size: float = 9.5
    mini_symbol: float = 14.0  # the household's small genogram in the centre
    mini_gap: float = 10.0
    mini_name_width: float = 52.0  # a member's name wraps past this
    margin: float = 6.0


ECOMAP = Ecomap()

TIE_LOOK: dict[TieStrength, LineLook] = {
    TieStrength.STRONG: LineLook(LinePattern.SOLID, width=ECOMAP.strong),
    TieStrength.MODERATE: LineLook(LinePattern.SOLID, width=ECOMAP.moderate),
    TieStrength.TENUOUS: LineLook(LinePattern.DASHED, width=ECOMAP.tenuous),
}
STRESSFUL_COLOUR = COLOURS.conflict  # the hatching carries the meaning; the colour only helps
SUPPORT_COLOUR = COLOURS.close  # the kinds of support written in a circle, apart from who the person is


@dataclass(frozen=True)
class CirclesOfSupport:
    """Sizes of the circles-of-support picture, in points."""

    name_size: float = 8.0
    detail_size: float = 7.0
    name_max_width: float = 80.0
    side_name_width: float = 52.0  # beside the child a wide label would take up the ring's depth
    gap: float = 4.0  # least room between two labels
    band_min: float = 36.0  # the thinnest ring
    band_padding: float = 5.0  # between a ring's edge and what is in it
    edge_margin: float = 4.0  # between a sector's edge and what is in it
    centre_radius: float = 32.0
    ring_line: float = 1.0
    sector_line: float = 1.0
    note_size: float = 7.5
    ring_title_size: float = 7.0
    sector_title_size: float = 10.0
    ring_fills: tuple[str, str, str] = ("#dfe7f1", "#ebf0f6", "#f6f8fb")  # closest darkest
    list_gap: float = 36.0  # between the rings and the "not placed yet" list


CIRCLES = CirclesOfSupport()
