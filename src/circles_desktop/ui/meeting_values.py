"""Typed text to the values of a meeting, refused with a message that names the field and what to type.

Qt-free, so every rule is tested without widgets; the Meeting tab's fields and table cells call
these as the coordinator types. A refusal is a ``ValueError`` whose message the form shows under the
field, keeping what was typed so it can be corrected.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

LINE_LIMIT = 500  # one line: a title, a name, a language, how long
TEXT_LIMIT = 5000  # several sentences: what a child said, the contingency plan

_WHOLE = re.compile(r"[+-]?\d+")  # \d: any script's digits (Bengali ৫ is 5), not "1_0" or "²"
_DAY_FIRST = ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")  # how dates are written in the UK and much of Europe


def checked_text(text: str, what: str, *, required: bool = False, limit: int = LINE_LIMIT,
                 lines: bool = False) -> str:
    """The text without surrounding space; refused when empty (if required), too long, or holding a
    control character (pasted from elsewhere, invisible, and it would break a printout)."""
    stripped = text.strip()
    if required and not stripped:
        raise ValueError(f"{what} cannot be empty; type a few words.")
    if len(stripped) > limit:
        raise ValueError(f"{what} can be up to {limit:,} characters; this has {len(stripped):,}. Shorten it.")
    allowed = "\n\t" if lines else ""
    for place, char in enumerate(stripped, start=1):
        if unicodedata.category(char) == "Cc" and char not in allowed:
            raise ValueError(f"{what} holds an invisible control character (U+{ord(char):04X}) at character "
                             f"{place}; delete it (it often comes with pasted text).")
    return stripped


def parse_date(text: str, what: str = "The date") -> date | None:
    """A day as year-month-day (2026-12-05) or day/month/year (5/12/2026); empty is no date."""
    stripped = checked_text(text, what)
    if not stripped:
        return None
    try:
        return date.fromisoformat(stripped)
    except ValueError:
        pass
    for pattern in _DAY_FIRST:
        try:
            return datetime.strptime(stripped, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{what}: “{_short(stripped)}” is not a date; write it as year-month-day, e.g. 2026-12-05, "
                     "or day/month/year, e.g. 5/12/2026.")


def parse_time(text: str, what: str = "The time") -> time | None:
    """A time of day as hours:minutes (10:30, 9.15); empty is no time."""
    stripped = checked_text(text, what)
    if not stripped:
        return None
    try:
        return datetime.strptime(stripped.replace(".", ":"), "%H:%M").time()
    except ValueError:
        raise ValueError(f"{what}: “{_short(stripped)}” is not a time; write it as hours:minutes, "
                         "e.g. 10:30.") from None


def parse_whole(text: str, what: str, low: int, high: int, *, required: bool = True) -> int | None:
    """A whole number from ``low`` to ``high`` (a score, minutes, a rating); empty is None unless required."""
    stripped = checked_text(text, what)
    if not stripped:
        if required:
            raise ValueError(f"{what} is needed: give a whole number from {low} to {high}.")
        return None
    if not _WHOLE.fullmatch(stripped):
        raise ValueError(f"{what}: “{_short(stripped)}” is not a whole number; give a number from {low} to {high}.")
    number = int(stripped)
    if not low <= number <= high:
        side = "more than" if number > high else "less than"
        raise ValueError(f"{what}: {number} is {side} {high if number > high else low}; give a number from "
                         f"{low} to {high}.")
    return number


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
