"""The words written around a genogram symbol: name below, years above, age inside.

Layout needs them to reserve room, the diagram builder to write them, the legend to explain them;
they are worked out here once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..graph.model import DateQualifier, PartialDate, Partnership, PartnershipType, Person, PregnancyState
from .style import FONTS, GENOGRAM
from .textsize import estimate_width, wrap


@dataclass(frozen=True)
class PersonLabels:
    name_lines: tuple[str, ...]
    years: str  # "b. 1980", "b. 1980 – d. 2019", "d. 2019", or ""
    age: str  # inside the symbol: the age now, or the age at death

    @property
    def name_height(self) -> float:
        """Room below the symbol for the name lines."""
        if not self.name_lines:
            return 0.0
        return GENOGRAM.label_gap + len(self.name_lines) * FONTS.name * FONTS.line_height

    @property
    def years_height(self) -> float:
        """Room above the symbol for the years."""
        return FONTS.years + 3.0 if self.years else 0.0

    def width(self, beside_line: bool = False) -> float:
        """The room the labels need, centred on the symbol.

        ``beside_line``: the years are written to the right of the line coming down into the
        symbol's top, so they need twice their width.
        """
        widths = [estimate_width(line, FONTS.name) for line in self.name_lines]
        years = estimate_width(self.years, FONTS.years)
        widths.append(2 * (years + YEARS_OFFSET) if beside_line and self.years else years)
        return max(widths, default=0.0)


YEARS_OFFSET = 2.5  # from the line coming down into a symbol to the years written beside it


def _year(date: PartialDate) -> str:
    return ("~" if date.qualifier is DateQualifier.ABOUT else "") + str(date.year)


def years_text(person: Person) -> str:
    """ "b. 1980 – d. 2019"; for a pregnancy "due 2026", for a loss before birth just its year."""
    if person.pregnancy is not PregnancyState.NONE:
        when = person.birth or person.death
        if when is None:
            return ""
        return f"due {_year(when)}" if person.pregnancy is PregnancyState.PREGNANCY else _year(when)
    born = f"b. {_year(person.birth)}" if person.birth else ""
    died = f"d. {_year(person.death)}" if person.death else ""
    return " – ".join(part for part in (born, died) if part)


def age_in_years(birth: PartialDate, on: dt.date) -> int:
    """Whole years from the birth date to ``on``; a missing month or day counts as mid-period."""
    month = birth.month or 7
    day = birth.day or (1 if birth.month is None else 15)
    years = on.year - birth.year
    return years - 1 if (on.month, on.day) < (month, day) else years


def age_text(person: Person, today: dt.date) -> str:
    """The age shown inside the symbol, or "" when unknown or not meaningful (never born alive)."""
    if person.pregnancy is not PregnancyState.NONE:
        return ""
    if person.birth is not None:
        if person.deceased:
            if person.death is None:
                return ""
            end = dt.date(*person.death.earliest())
        else:
            end = today
        age = age_in_years(person.birth, end)
        approximate = person.birth.qualifier is not DateQualifier.EXACT or (
            person.deceased and person.death.qualifier is not DateQualifier.EXACT)
        return f"~{age}" if approximate and age >= 0 else str(age) if age >= 0 else ""
    if person.approximate_age is not None:
        return f"~{person.approximate_age}"
    return ""


def name_lines(person: Person) -> tuple[str, ...]:
    """The name as practitioners use it, the family name on its own line, wrapped when long."""
    if person.pregnancy is not PregnancyState.NONE and not (person.given_names or person.known_as):
        return ()
    first = person.known_as or person.given_names
    lines = wrap(first, FONTS.name, GENOGRAM.name_max_width) if first else []
    if person.family_name:
        lines += wrap(person.family_name, FONTS.name, GENOGRAM.name_max_width)
    if not lines:
        lines = [person.label]
    return tuple(lines)


def person_labels(person: Person, today: dt.date | None = None) -> PersonLabels:
    """The labels; the age only when ``today`` is given (layout needs the sizes, not the age)."""
    return PersonLabels(name_lines(person), years_text(person), age_text(person, today) if today else "")


_START_WORD = {PartnershipType.COHABITING: "tog.", PartnershipType.DATING: "", PartnershipType.ENGAGED: "eng."}
_END_WORD = {PartnershipType.SEPARATED: "sep.", PartnershipType.DIVORCED: "div.", PartnershipType.WIDOWED: "wid."}


def couple_years(rel: Partnership) -> tuple[str, str]:
    """What is written on a couple line: when it began ("m. 2003") and how it ended ("div. 2012")."""
    start_word = _START_WORD.get(rel.type, "m.")
    start = f"{start_word} {rel.start.year}" if rel.start and start_word else ""
    end = f"{_END_WORD.get(rel.type, 'ended')} {rel.end.year}" if rel.end else ""  # "ended 2019"
    return start, end
