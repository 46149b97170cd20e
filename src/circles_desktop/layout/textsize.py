"""How wide a label will be, estimated without a font engine.

Layout runs without Qt and without ReportLab, so it cannot ask a real font for metrics. An estimate
per character class (narrow, wide, capitals, digits, East Asian full width, combining marks) is
within about 10 % of Noto Sans for Latin names, which is all layout needs: it reserves room so labels
do not collide, and the back ends draw with the real font.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Advance widths as a fraction of the font size, close to Noto Sans / DejaVu Sans.
_NARROW = frozenset("iljI.,:;'|!()[]{}`\u00a0")
_SEMI = frozenset("frt-/\\\" ")
_WIDE = frozenset("mwMW@%")
_DIGITS = frozenset("0123456789~–")


@lru_cache(maxsize=4096)
def _char_width(char: str) -> float:
    if char in _NARROW:
        return 0.28
    if char in _SEMI:
        return 0.36
    if char in _WIDE:
        return 0.86
    if char in _DIGITS:
        return 0.57
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char.isupper():
        return 0.68
    return 0.56


@lru_cache(maxsize=65536)
def estimate_width(text: str, size: float, bold: bool = False) -> float:
    """An estimate of the advance width of ``text`` at ``size`` points."""
    width = sum(_char_width(c) for c in text) * size
    return width * 1.06 if bold else width


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``max_width`` where a break is possible."""
    words = text.split()
    if not words:
        return []
    lines = [words[0]]
    for word in words[1:]:
        candidate = f"{lines[-1]} {word}"
        if estimate_width(candidate, size, bold) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
