"""Right-to-left text in a left-to-right world: embedding levels and visual order (Unicode UAX #9).

ReportLab reorders right-to-left text only through ``rlbidi``, which is not on PyPI, and python-bidi
returns the reordered string without the levels, which are what shaping needs (a run of Arabic must
reach HarfBuzz in logical order, with its direction, and only the runs are reordered). So this
module resolves the levels itself: the implicit rules W1-W7, N1-N2, I1-I2 and L2 of the Unicode
Bidirectional Algorithm. Explicit embedding and isolate controls are treated as neutrals, which is
enough for names and practitioners' text.

>>> text = "Ali (علي) 12"
>>> "".join(text[i] for i in visual_order(levels(text)))[:9]
'Ali (يلع)'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_STRONG_R = {"R", "AL"}
_NEUTRAL = {"B", "S", "WS", "ON", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))


def classes(text: str) -> list[str]:
    return [unicodedata.bidirectional(c) or "L" for c in text]


def base_level(text: str) -> int:
    """0 (left to right) or 1, from the first strong character (P2-P3); 0 when there is none."""
    for cls in classes(text):
        if cls == "L":
            return 0
        if cls in _STRONG_R:
            return 1
    return 0


def has_rtl(text: str) -> bool:
    return any(cls in _STRONG_R for cls in classes(text))


def levels(text: str, base: int | None = None) -> list[int]:
    """The embedding level of every character: even is left to right, odd right to left."""
    if base is None:
        base = base_level(text)
    types = classes(text)
    if not any(t in _STRONG_R or t == "AN" for t in types):
        return _all_ltr(types, base)
    sos = "R" if base % 2 else "L"
    _weak_types(types, sos)
    _bracket_pairs(text, types, sos, sos)
    _neutral_types(types, sos, sos)
    result = []
    for t in types:
        if base % 2 == 0:
            result.append(base + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            result.append(base + (1 if t in ("L", "EN", "AN") else 0))
    return result


def _all_ltr(types: list[str], base: int) -> list[int]:
    if base == 0:
        return [0] * len(types)
    # an LTR text in an RTL paragraph: letters and numbers up one level, neutrals between them too
    strong = [t in ("L", "EN") for t in types]
    out = []
    for i, t in enumerate(types):
        if strong[i] or (any(strong[:i]) and any(strong[i + 1:])):
            out.append(base + 1)
        else:
            out.append(base)
    return out


def _weak_types(types: list[str], sos: str) -> None:
    prev = sos
    last_strong = sos
    for i, t in enumerate(types):  # W1, W2, W3
        if t == "NSM":
            t = types[i] = prev if prev not in ("LRI", "RLI", "FSI", "PDI") else "ON"
        if t == "EN" and last_strong == "AL":
            t = types[i] = "AN"
        if t in ("L", "R", "AL"):
            last_strong = t
        if t == "AL":
            t = types[i] = "R"
        prev = t
    for i in range(1, len(types) - 1):  # W4
        before, here, after = types[i - 1], types[i], types[i + 1]
        if here == "ES" and before == after == "EN":
            types[i] = "EN"
        elif here == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    for i, t in enumerate(types):  # W5: European terminators next to European numbers
        if t == "ET":
            j = i
            while j < len(types) and types[j] == "ET":
                j += 1
            near = (i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN")
            if near:
                for k in range(i, j):
                    types[k] = "EN"
    last_strong = sos
    for i, t in enumerate(types):  # W6, W7
        if t in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif t == "EN" and last_strong == "L":
            types[i] = "L"
        if t in ("L", "R"):
            last_strong = t


_OPENING = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}


def _strong(t: str) -> str | None:
    return "L" if t == "L" else "R" if t in ("R", "EN", "AN") else None


def _bracket_pairs(text: str, types: list[str], sos: str, embedding: str) -> None:
    """N0: a pair of brackets takes the direction of what it encloses, judged with its context."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, char in enumerate(text):
        if types[i] != "ON":
            continue
        if char in _OPENING:
            stack.append(i)
        elif stack and _OPENING[text[stack[-1]]] == char:
            pairs.append((stack.pop(), i))
    for start, end in sorted(pairs):
        inside = {_strong(t) for t in types[start + 1:end]} - {None}
        if embedding in inside:
            chosen = embedding
        elif inside:
            before = next((_strong(t) for t in reversed(types[:start]) if _strong(t)), sos)
            chosen = before if before != embedding else embedding
        else:
            continue
        types[start] = types[end] = chosen


def _neutral_types(types: list[str], sos: str, embedding: str) -> None:
    direction = _strong
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(types) and types[j] in _NEUTRAL:
            j += 1
        before = direction(types[i - 1]) if i > 0 else sos
        after = direction(types[j]) if j < len(types) else sos
        fill = before if before == after and before is not None else embedding  # N1, N2
        for k in range(i, j):
            types[k] = fill
        i = j


def visual_order(levels_: Sequence[int]) -> list[int]:
    """Logical indexes in the order they are shown, left to right (rule L2)."""
    order = list(range(len(levels_)))
    if not levels_:
        return order
    highest = max(levels_)
    lowest_odd = min((lv for lv in levels_ if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels_[order[i]] >= level:
                j = i
                while j < len(order) and levels_[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def mirrored(text: str) -> str:
    """Brackets and quotes turned the other way, for characters shown right to left (rule L4)."""
    return "".join(_MIRROR.get(c, c) for c in text)
