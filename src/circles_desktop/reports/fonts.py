"""Fonts for every script, picked per run of text, shaped with HarfBuzz, in visual order.

Names in a case come in any script, often several in one line ("Nikita (নিকিতা)"). ReportLab (>= 4.1)
shapes text with HarfBuzz when ``uharfbuzz`` is installed and a TrueType font is registered as
``shapable`` (the default); its ``shapeStr`` returns a ``ShapedStr`` that the canvas and
``graphics.shapes.String`` draw glyph by glyph. But a ReportLab Paragraph shapes each space-separated
word in *one* font and guesses its direction, so a word that changes script, or an Arabic name inside
English text, comes out as boxes or in the wrong order. So this module does the work itself:

1. the text is split into runs, each in the first face of the fallback chain that has its glyphs
   (marks, spaces and punctuation stay with the run they belong to);
2. right-to-left runs get their embedding levels (bidi.py) and the runs are put in visual order;
3. runs in complex scripts are shaped (``shapeStr``); Latin, Greek and Cyrillic are drawn plainly,
   so ligatures do not turn "fi" into a private glyph that text extraction cannot read.

Fonts are registered with ReportLab on first use only: the CJK face alone takes 0.2 s to load.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeStr

from ..runtime import fonts_dir
from . import bidi


@dataclass(frozen=True)
class Face:
    """One family in the fallback chain; ``ranges`` are the blocks it is preferred for."""

    name: str
    regular: str
    bold: str | None
    ranges: tuple[tuple[int, int], ...] = ()
    shaped: bool = True  # complex script: needs HarfBuzz


FACES: tuple[Face, ...] = (
    Face("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", shaped=False),
    Face("NotoSansBengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", ((0x0980, 0x09FF),)),
    Face("NotoNaskhArabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf",
         ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    Face("NotoSansTamil", "NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf", ((0x0B80, 0x0BFF),)),
    Face("NotoSansGujarati", "NotoSansGujarati-Regular.ttf", "NotoSansGujarati-Bold.ttf", ((0x0A80, 0x0AFF),)),
    Face("NotoSansGurmukhi", "NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", ((0x0A00, 0x0A7F),)),
    Face("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf",
         ((0x0900, 0x097F), (0xA8E0, 0xA8FF))),
    Face("NotoSansEthiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", ((0x1200, 0x139F),)),
    Face("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", ((0x0590, 0x05FF),)),
    # Chinese, Japanese kana, Korean: TrueType outlines (ReportLab cannot embed CFF-based Noto CJK).
    Face("DroidSansFallback", "DroidSansFallbackFull.ttf", None,
         ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF)),
         shaped=False),
)
BASE = FACES[0]
_BY_NAME = {face.name: face for face in FACES}


class FontMissing(RuntimeError):
    """The fonts Circles ships are not where they should be (a broken installation)."""


@functools.cache
def _font(face: Face, bold: bool) -> TTFont:
    """The registered ReportLab font for a face (bold falls back to regular where there is none)."""
    file = face.bold if bold and face.bold else face.regular
    name = face.name + ("-Bold" if bold and face.bold else "")
    path = Path(fonts_dir(), file)
    if not path.is_file():
        raise FontMissing(f"{path}: font file missing; reinstall Circles")
    font = TTFont(name, str(path), shapable=face.shaped)
    pdfmetrics.registerFont(font)
    return font


def font_name(face: Face = BASE, bold: bool = False) -> str:
    """The ReportLab name of a face, registering it on first use."""
    return _font(face, bold).fontName


def _covers(face: Face, char: str) -> bool:
    return ord(char) in _font(face, False).face.charToGlyph


def _preferred(char: str) -> Face:
    code = ord(char)
    for face in FACES[1:]:
        if any(lo <= code <= hi for lo, hi in face.ranges):
            return face
    return BASE


def _clings(char: str) -> bool:
    """Marks, spaces, joiners, digits and punctuation: they belong to the run they sit in."""
    return unicodedata.category(char)[0] in "MZPSNC"


@functools.lru_cache(maxsize=8192)
def face_for(char: str) -> Face | None:
    """The first face that can draw ``char``, preferring the one made for its script; None if none can."""
    preferred = _preferred(char)
    if _covers(preferred, char):
        return preferred
    return next((face for face in FACES if face is not preferred and _covers(face, char)), None)


def missing(text: str) -> list[str]:
    """Characters no shipped font can draw (they would show as empty boxes)."""
    return sorted({c for c in clean(text) if not c.isspace()
                   and unicodedata.category(c) not in ("Cf", "Cc") and face_for(c) is None})


@dataclass(frozen=True)
class Run:
    """Part of a text in one face, weight and embedding level, in logical order."""

    text: str
    face: Face
    level: int
    bold: bool = False

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def runs(text: str, rtl: bool | None = None, bold: bool | Sequence[bool] = False) -> list[Run]:
    """The text cut into runs by face, weight and direction, in logical order.

    ``text`` should be NFC-normalised (:func:`clean`); ``bold`` is one flag or one per character;
    ``rtl`` sets the paragraph direction (by its first strong character when None).
    """
    if not text:
        return []
    weights = [bold] * len(text) if isinstance(bold, bool) else list(bold)
    if text.isascii() and not rtl and text.isprintable() and len(set(weights)) == 1:
        return [Run(text, BASE, 0, weights[0])]  # most text: one run, no bidi, no lookups
    levels = bidi.levels(text, None if rtl is None else int(rtl))
    out: list[Run] = []
    current: Face | None = None
    for char, level, heavy in zip(text, levels, weights):
        face = current if current is not None and _clings(char) and _covers(current, char) else None
        face = face or face_for(char) or (current if current is not None else BASE)
        last = out[-1] if out else None
        if last is not None and last.face is face and last.level == level and last.bold == heavy:
            out[-1] = Run(last.text + char, face, level, heavy)
        else:
            out.append(Run(char, face, level, heavy))
        current = face
    return out


def clean(text: str) -> str:
    """Composed characters (so Latin diacritics draw without shaping), no control characters."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")


@dataclass(frozen=True)
class Piece:
    """A run ready to draw left to right: the (possibly shaped) text, its font and its width."""

    text: str
    font: str
    size: float
    width: float
    actual: str = ""  # the characters in logical order, when the glyphs drawn are not those


def pieces(logical: Iterable[Run], size: float) -> list[Piece]:
    """Runs (one line's worth, logical order) as drawable pieces in visual order."""
    runs_ = list(logical)
    order = bidi.visual_order([r.level for r in runs_])
    return [_piece(runs_[i], size) for i in order]


def _piece(run: Run, size: float) -> Piece:
    name = font_name(run.face, run.bold)
    text = run.text
    if run.rtl and not bidi.has_rtl(text):
        text = bidi.mirrored(text[::-1])  # neutrals shown right to left: HarfBuzz would guess LTR
    actual = run.text if text != run.text else ""
    if run.face.shaped:
        shaped = shapeStr(text, name, size)
        advance = getattr(shaped, "__shapeData__", None)
        if advance is not None:
            return Piece(shaped, name, size, sum(d.x_advance for d in advance) * size / 1000, run.text)
    return Piece(text, name, size, pdfmetrics.stringWidth(text, name, size), actual)


def draw_piece(canvas: object, x: float, y: float, piece: Piece) -> None:
    """Draw one piece; shaped glyphs carry their text as /ActualText so copy and search find it.

    Conjuncts and ligatures have no character of their own, so without it a PDF reader would
    extract Bengali or Tamil names with letters missing, and Arabic reversed.
    """
    if piece.actual:
        hex_text = piece.actual.encode("utf-16-be").hex().upper()
        canvas.addLiteral(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")  # type: ignore[attr-defined]
    canvas.setFont(piece.font, piece.size)  # type: ignore[attr-defined]
    canvas.drawString(x, y, piece.text)  # type: ignore[attr-defined]
    if piece.actual:
        canvas.addLiteral("EMC")  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=16384)
def layout(text: str, size: float, bold: bool = False, rtl: bool | None = None) -> tuple[Piece, ...]:
    """One line of text as pieces in visual order.

    Cached: a report measures a label before it draws it, and draws the same words (headings,
    names, the page stamp) many times; pieces are immutable, and so is a shaped string.
    """
    return tuple(pieces(runs(clean(text), rtl, bold), size))


@functools.lru_cache(maxsize=16384)
def line(text: str, size: float, rtl: bool, weights: tuple[bool, ...]) -> tuple[Piece, ...]:
    """One line of a paragraph (already clean, bold per character) as pieces in visual order; cached."""
    return tuple(pieces(runs(text, rtl, weights), size))


@functools.lru_cache(maxsize=16384)
def width(text: str, size: float, bold: bool = False) -> float:
    return sum(p.width for p in layout(text, size, bold))


def draw(canvas: object, x: float, y: float, text: str, size: float, bold: bool = False,
         anchor: str = "start") -> float:
    """Draw one line on a ReportLab canvas at baseline ``y``; ``anchor`` start, middle or end.

    Returns the width drawn.
    """
    placed = layout(text, size, bold)
    total = sum(p.width for p in placed)
    x -= total / 2 if anchor == "middle" else total if anchor == "end" else 0
    for piece in placed:
        draw_piece(canvas, x, y, piece)
        x += piece.width
    return total


def label_strings(text: str, x: float, y: float, size: float, bold: bool = False, anchor: str = "middle",
                  fill: object = None) -> list[object]:
    """One label as ReportLab ``graphics.shapes.String`` objects, one per piece, for a Drawing.

    Each String is anchored at its start, so ReportLab never re-measures shaped text.
    """
    from reportlab.graphics.shapes import String

    placed = layout(text, size, bold)
    total = sum(p.width for p in placed)
    x -= total / 2 if anchor == "middle" else total if anchor == "end" else 0
    strings: list[object] = []
    for piece in placed:
        kwargs = {"fillColor": fill} if fill is not None else {}
        strings.append(String(x, y, piece.text, fontName=piece.font, fontSize=size, textAnchor="start", **kwargs))
        x += piece.width
    return strings


def face(name: str) -> Face:
    return _BY_NAME[name]
