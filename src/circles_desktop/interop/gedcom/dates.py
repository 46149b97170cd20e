"""GEDCOM dates to Circles' :class:`PartialDate` and back.

Circles holds a year, perhaps a month and a day, and one qualifier (about, before, after). GEDCOM
can say more; the mapping keeps what a practitioner needs and is the same both ways for every
date Circles can hold:

=====================================  ====================================================
GEDCOM                                 Circles
=====================================  ====================================================
``12 MAR 1987``, ``MAR 1987``, ``1987``  the same, exact
``ABT``, ``CAL``, ``EST`` *date*       about *date*
``BEF`` *date* / ``AFT`` *date*        before / after *date*
``BET`` *x* ``AND`` *y*                about the year of *x* (a range collapsed to its start)
``FROM`` *x* ``TO`` *y*                about the year of *x*
``FROM`` *x* / ``TO`` *y*              after *x* / before *y*
``INT`` *date* ``(phrase)``            *date*
dual year ``1700/01``                  1701, the year as counted today
``JULIAN`` / ``@#DJULIAN@`` *date*     *date* as written (days differ by 10 or so)
=====================================  ====================================================

Anything else (B.C. dates, Hebrew and French republican calendars, date phrases, impossible
days) has no PartialDate: :func:`parse_date` says why, and the reader keeps the text in the
person's notes and reports it.
"""

from __future__ import annotations

import functools
import re

from ...graph.model import DateQualifier, PartialDate

_MONTHS = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
           "OCTOBER", "NOVEMBER", "DECEMBER")
_MONTH_CODES = tuple(name[:3] for name in _MONTHS)
_ABOUT = {"ABT", "ABT.", "ABOUT", "CAL", "CAL.", "EST", "EST.", "C.", "CA", "CA.", "CIRCA"}
_CALENDAR_ESCAPE = re.compile(r"@#D([^@]*)@")
_KNOWN_CALENDARS = {"GREGORIAN", "JULIAN"}
_OTHER_CALENDARS = {"HEBREW", "FRENCH_R", "FRENCH R", "ROMAN", "UNKNOWN"}
_BCE = {"B.C.", "BC", "BCE", "B.C.E.", "B.C"}
_ISO = re.compile(r"[~<>]?\d{4}(-\d\d(-\d\d)?)?")
_DASH_RANGE = re.compile(r"(\d)\s*[-–]\s*(\d)")
_PREFIX = {DateQualifier.ABOUT: "ABT ", DateQualifier.BEFORE: "BEF ", DateQualifier.AFTER: "AFT ",
           DateQualifier.EXACT: ""}


class DateNotKept(ValueError):
    """A GEDCOM date that Circles cannot hold; the message says why, for the import report."""


def format_date(date: PartialDate) -> str:
    """The GEDCOM form of a Circles date (valid in 5.5.1 and 7)."""
    parts = [str(date.year)]
    if date.month is not None:
        parts.insert(0, _MONTH_CODES[date.month - 1])
        if date.day is not None:
            parts.insert(0, str(date.day))
    return _PREFIX[date.qualifier] + " ".join(parts)


@functools.lru_cache(maxsize=65536)
def parse_date(text: str) -> PartialDate | None:
    """The Circles date for a GEDCOM DATE payload; None for an empty one; DateNotKept if none fits."""
    words = text.strip()
    if not words:
        return None
    if _ISO.fullmatch(words):  # an ISO date or Circles' own text form, which some programs write
        try:
            return PartialDate.parse(words)
        except ValueError as exc:
            raise DateNotKept(str(exc)) from None
    words = words.upper()
    for calendar in _CALENDAR_ESCAPE.findall(words):
        _check_calendar(calendar.strip())
    words = _CALENDAR_ESCAPE.sub(" ", words)
    if "(" in words:
        phrase_at = words.index("(")
        if phrase_at == 0 or not words.startswith("INT"):
            raise DateNotKept("it is a date phrase, not a date")
        words = words[:phrase_at]
    # Common in files typed by hand: "1908 ?", "1076 or 1088", "1456-1457". Read as about the first.
    doubtful = "?" in words
    words = _DASH_RANGE.sub(r"\1 - \2", words.replace("?", " "))
    tokens = [t for t in words.split() if not _is_calendar_word(t)]
    for alternative in ("OR", "-"):
        if alternative in tokens[1:]:
            tokens = tokens[: tokens.index(alternative, 1)]
            doubtful = True
    if tokens and tokens[0] == "INT":
        tokens = tokens[1:]
    if not tokens:
        raise DateNotKept("it has no date in it")
    date = _qualified_date(tokens)
    if doubtful and date.qualifier is DateQualifier.EXACT:
        date = _qualified(date, DateQualifier.ABOUT)
    return date


def _qualified_date(tokens: list[str]) -> PartialDate:
    head = tokens[0].rstrip(".")
    if head in ("BET", "BETWEEN", "FROM"):
        end_word = "AND" if head.startswith("BET") else "TO"
        first = tokens[1: tokens.index(end_word)] if end_word in tokens else tokens[1:]
        date = _simple(first)
        if end_word not in tokens:
            if head != "FROM":
                raise DateNotKept("BET needs AND")
            return _qualified(date, DateQualifier.AFTER)
        return PartialDate(date.year, qualifier=DateQualifier.ABOUT)
    if tokens[0] in _ABOUT:
        return _qualified(_simple(tokens[1:]), DateQualifier.ABOUT)
    if head in ("BEF", "BEFORE", "TO"):
        return _qualified(_simple(tokens[1:]), DateQualifier.BEFORE)
    if head in ("AFT", "AFTER"):
        return _qualified(_simple(tokens[1:]), DateQualifier.AFTER)
    return _simple(tokens)


def _qualified(date: PartialDate, qualifier: DateQualifier) -> PartialDate:
    return PartialDate(date.year, date.month, date.day, qualifier)


def _is_calendar_word(token: str) -> bool:
    if token in _KNOWN_CALENDARS:
        return True
    if token in _OTHER_CALENDARS or (token.startswith("_") and len(token) > 1):
        _check_calendar(token)
    return False


def _check_calendar(name: str) -> None:
    if name and name not in _KNOWN_CALENDARS:
        raise DateNotKept(f"it is in the {name.replace('_', ' ').lower()} calendar")


def _simple(tokens: list[str]) -> PartialDate:
    """``[day] [month] year [B.C.]``."""
    if tokens and tokens[-1] in _BCE:
        raise DateNotKept("it is before the Common Era (B.C.), which Circles cannot hold")
    if not 1 <= len(tokens) <= 3:
        raise DateNotKept("it is not a date")
    year = _year(tokens[-1])
    month = _month(tokens[-2]) if len(tokens) >= 2 else None
    day = None
    if len(tokens) == 3:
        if not (tokens[0].isdigit() and tokens[0].isascii() and len(tokens[0]) <= 2):
            raise DateNotKept(f"'{tokens[0]}' is not a day of the month")
        day = int(tokens[0])
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:
        raise DateNotKept(str(exc)) from None


def _year(token: str) -> int:
    digits, _, dual = token.partition("/")
    if not (digits.isdigit() and digits.isascii()):
        raise DateNotKept(f"'{token}' is not a year")
    year = int(digits)
    if dual:
        if not (dual.isdigit() and dual.isascii()):
            raise DateNotKept(f"'{token}' is not a year")
        year += 1  # "1700/01": 1700 by the old reckoning (year starting in March), 1701 by today's
    if not 1 <= year <= 9999:
        raise DateNotKept(f"the year {year} is outside the years Circles can hold (1 to 9999)")
    return year


def _month(token: str) -> int:
    word = token.rstrip(".")
    if len(word) >= 3:
        for number, name in enumerate(_MONTHS, 1):
            if name.startswith(word) or (word == "SEPT" and number == 9):
                return number
    raise DateNotKept(f"'{token}' is not a month")
