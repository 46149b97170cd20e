"""A paragraph that sets text in any script: the one text flowable every report uses.

ReportLab's Paragraph cannot mix scripts inside a word or put an Arabic name in the right order
inside English text (see fonts.py), so this flowable breaks lines itself: at spaces, and between
East Asian characters, which need none. Each line is then cut into runs by font and direction and
drawn in visual order. It holds plain text with optional bold spans, which is all a plan needs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable

from . import bidi, fonts

Spans = str | Sequence[tuple[str, bool]]  # plain text, or (text, bold) pieces


@dataclass(frozen=True)
class Style:
    size: float = 10.5
    leading: float = 0.0  # 0: 1.35 × size
    bold: bool = False
    colour: Color = black
    align: str = "auto"  # left, centre, right; auto: right for right-to-left text, else left
    space_before: float = 0.0
    space_after: float = 4.0
    indent: float = 0.0
    bullet: str = ""

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.35

    def but(self, **changes: object) -> Style:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Token:
    text: str
    bold: bool
    space_before: bool  # whether a space separates it from the token before
    newline: bool = False


def _tokens(spans: Spans, bold: bool) -> list[_Token]:
    pieces = [(spans, bold)] if isinstance(spans, str) else [(t, bold or b) for t, b in spans]
    tokens: list[_Token] = []
    space = False
    for text, heavy in pieces:
        word = ""
        for char in fonts.clean(text):
            if char == "\n":
                if word:
                    tokens.append(_Token(word, heavy, space))
                tokens.append(_Token("", heavy, False, newline=True))
                word, space = "", False
            elif char.isspace():
                if word:
                    tokens.append(_Token(word, heavy, space))
                word, space = "", True
            elif unicodedata.east_asian_width(char) in ("W", "F") and not unicodedata.combining(char):
                if word:
                    tokens.append(_Token(word, heavy, space))
                    space = False
                word = char
                tokens.append(_Token(word, heavy, space))
                word, space = "", False
            else:
                word += char
        if word:
            tokens.append(_Token(word, heavy, space))
            space = False
    return tokens


class ScriptParagraph(Flowable):
    """Wrapped text in any mix of scripts, shaped and in visual order."""

    def __init__(self, spans: Spans, style: Style = Style()) -> None:
        super().__init__()
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._tokens = _tokens(spans, style.bold)
        self._rtl = bidi.base_level("".join(t.text for t in self._tokens)) == 1
        self._lines: list[list[_Token]] = []
        self._width = 0.0

    @property
    def plain_text(self) -> str:
        return "".join((" " if t.space_before else "") + t.text for t in self._tokens)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's names)
        self._width = availWidth
        self._lines = self._break(availWidth - self._text_indent())
        self.width, self.height = availWidth, len(self._lines) * self.style.line_height  # tables read these
        return self.width, self.height

    def _text_indent(self) -> float:
        return self.style.indent + (self.style.size * 1.1 if self.style.bullet else 0.0)

    def _break(self, room: float) -> list[list[_Token]]:
        size = self.style.size
        space = fonts.width(" ", size)
        lines: list[list[_Token]] = [[]]
        used = 0.0
        for token in self._tokens:
            if token.newline:
                lines.append([])
                used = 0.0
                continue
            for part in self._fit(token, room):
                w = fonts.width(part.text, size, part.bold)
                gap = space if part.space_before and lines[-1] else 0.0
                if lines[-1] and used + gap + w > room:
                    lines.append([])
                    used, gap = 0.0, 0.0
                lines[-1].append(part)
                used += gap + w
        return lines if any(lines) else []

    def _fit(self, token: _Token, room: float) -> list[_Token]:
        """A word too long for a whole line, cut where it must be (never before a mark)."""
        if fonts.width(token.text, self.style.size, token.bold) <= room:
            return [token]
        parts: list[_Token] = []
        current = ""
        for char in token.text:
            if current and not unicodedata.combining(char) and \
                    fonts.width(current + char, self.style.size, token.bold) > room:
                parts.append(_Token(current, token.bold, token.space_before if not parts else False))
                current = ""
            current += char
        parts.append(_Token(current, token.bold, token.space_before if not parts else False))
        return parts

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return []  # nothing fits, or all of it does: no split to make
        head, tail = _Lines(self, self._lines[:fit], True), _Lines(self, self._lines[fit:], False)
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def draw(self) -> None:
        self._draw_lines(self._lines)

    def _draw_lines(self, lines: list[list[_Token]]) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFillColor(style.colour)
        height = len(lines) * style.line_height
        indent = self._text_indent()
        room = self._width - indent
        align = style.align if style.align != "auto" else ("right" if self._rtl else "left")
        for index, line in enumerate(lines):
            y = height - (index + 1) * style.line_height + (style.line_height - style.size) * 0.55
            text = "".join((" " if t.space_before and i else "") + t.text for i, t in enumerate(line))
            weights = [w for i, t in enumerate(line) for w in
                       ([t.bold] * (len(t.text) + (1 if t.space_before and i else 0)))]
            placed = fonts.line(text, style.size, self._rtl, tuple(weights))
            total = sum(p.width for p in placed)
            x = indent + (room - total if align == "right" else (room - total) / 2 if align == "centre" else 0)
            if index == 0 and style.bullet:
                fonts.draw(canvas, style.indent, y, style.bullet, style.size, style.bold)
            for piece in placed:
                fonts.draw_piece(canvas, x, y, piece)
                x += piece.width


class _Lines(ScriptParagraph):
    """Some lines of a paragraph split across a page break."""

    def __init__(self, whole: ScriptParagraph, lines: list[list[_Token]], first: bool) -> None:
        Flowable.__init__(self)
        self.style = whole.style if first else whole.style.but(bullet="")
        self.spaceBefore = whole.spaceBefore
        self.spaceAfter = whole.spaceAfter
        self._tokens = [t for line in lines for t in line]
        self._rtl = whole._rtl
        self._fixed = lines
        self._lines = lines
        self._width = whole._width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = availWidth
        self.width, self.height = availWidth, len(self._fixed) * self.style.line_height
        return self.width, self.height
