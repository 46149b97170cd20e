"""ANSEL (ANSI/NISO Z39.47), the character set of most GEDCOM 5 files written before UTF-8.

Python has no ANSEL codec. ANSEL is ASCII below 0x80; above it are spacing letters and signs
(Ł, Ø, Æ, £, ©, …) and *combining* diacritics. Unlike Unicode, ANSEL writes a diacritic *before* the
letter it sits on ("\\xe2e" is é), so decoding maps each byte, moves every run of diacritics after
the letter that follows it, and composes the result with NFC so "e" + U+0301 becomes "é" where
Unicode has a precomposed letter (and stays a base letter plus combining mark where it has not).

The table is the GEDCOM 5.5 appendix (MARC-8's ANSEL plus GEDCOM's 0xBE, 0xBF and 0xCD–0xCF).
"""

from __future__ import annotations

import unicodedata

_SPACING = {
    0x8D: "\u200d",  # zero width joiner
    0x8E: "\u200c",  # zero width non-joiner
    0xA1: "Ł", 0xA2: "Ø", 0xA3: "Đ", 0xA4: "Þ", 0xA5: "Æ", 0xA6: "Œ",
    0xA7: "ʹ",  # miagkii znak (soft sign)
    0xA8: "·", 0xA9: "♭", 0xAA: "®", 0xAB: "±", 0xAC: "Ơ", 0xAD: "Ư",
    0xAE: "ʼ",  # alif
    0xB0: "ʻ",  # ayn
    0xB1: "ł", 0xB2: "ø", 0xB3: "đ", 0xB4: "þ", 0xB5: "æ", 0xB6: "œ",
    0xB7: "ʺ",  # tverdyi znak (hard sign)
    0xB8: "ı", 0xB9: "£", 0xBA: "ð", 0xBC: "ơ", 0xBD: "ư",
    0xBE: "□", 0xBF: "■",  # GEDCOM: empty box, black box
    0xC0: "°", 0xC1: "ℓ", 0xC2: "℗", 0xC3: "©", 0xC4: "♯", 0xC5: "¿", 0xC6: "¡",
    0xC7: "ß", 0xC8: "€",  # MARC-8 additions
    0xCD: "e", 0xCE: "o",  # GEDCOM: midline e and o, no Unicode equivalents
    0xCF: "ß",  # GEDCOM's es-zet
}

_COMBINING = {
    0xE0: "\u0309",  # hook above
    0xE1: "\u0300",  # grave
    0xE2: "\u0301",  # acute
    0xE3: "\u0302",  # circumflex
    0xE4: "\u0303",  # tilde
    0xE5: "\u0304",  # macron
    0xE6: "\u0306",  # breve
    0xE7: "\u0307",  # dot above
    0xE8: "\u0308",  # diaeresis (umlaut)
    0xE9: "\u030c",  # caron (hacek)
    0xEA: "\u030a",  # ring above
    0xEB: "\ufe20",  # ligature, left half
    0xEC: "\ufe21",  # ligature, right half
    0xED: "\u0315",  # comma above right
    0xEE: "\u030b",  # double acute
    0xEF: "\u0310",  # candrabindu
    0xF0: "\u0327",  # cedilla
    0xF1: "\u0328",  # ogonek (right hook)
    0xF2: "\u0323",  # dot below
    0xF3: "\u0324",  # diaeresis below
    0xF4: "\u0325",  # ring below
    0xF5: "\u0333",  # double low line
    0xF6: "\u0332",  # low line
    0xF7: "\u0326",  # comma below (left hook)
    0xF8: "\u031c",  # left half ring below (right cedilla)
    0xF9: "\u032e",  # breve below
    0xFA: "\ufe22",  # double tilde, left half
    0xFB: "\ufe23",  # double tilde, right half
    0xFE: "\u0313",  # comma above
}

# A translation table from the Latin-1 reading of the bytes (one character per byte) to Unicode.
_TABLE: dict[int, str] = {byte: "\ufffd" for byte in range(0x80, 0x100)}
_TABLE.update(_SPACING)
_TABLE.update(_COMBINING)
_MARKS = frozenset(_COMBINING.values())


def decode_ansel(data: bytes) -> tuple[str, int]:
    """The text of ANSEL bytes, and how many bytes had no ANSEL meaning (read as U+FFFD)."""
    text = data.decode("latin-1")
    if text.isascii():
        return text, 0
    undefined = sum(1 for ch in text if ord(ch) >= 0x80 and _TABLE[ord(ch)] == "\ufffd")
    mapped = text.translate(_TABLE)
    if not any(ch in _MARKS for ch in mapped):
        return mapped, undefined
    return unicodedata.normalize("NFC", _marks_after_base(mapped)), undefined


def _marks_after_base(text: str) -> str:
    """Move each run of combining marks from before its letter (ANSEL) to after it (Unicode)."""
    out: list[str] = []
    pending: list[str] = []
    for ch in text:
        if ch in _MARKS:
            pending.append(ch)
        else:
            out.append(ch)
            out.extend(pending)
            pending.clear()
    out.extend(pending)  # marks at the very end have no letter; keep them rather than lose them
    return "".join(out)
