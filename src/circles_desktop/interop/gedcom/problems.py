"""What can be wrong with a GEDCOM file, in two grades.

A :class:`GedcomProblem` is something the import worked around (a dangling reference, a date it
could not read): the sound rest of the file is still imported, and the practitioner is told what
was left out and where. A :class:`GedcomError` refuses the whole file, because it is not GEDCOM at
all; nothing is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ImportFailed

# Problems are printed one per line; a file can hold hundreds, so the quoted text is kept short.
_QUOTE_LIMIT = 60
# Beyond this many (a large binary file has one per "line"), problems are counted, not listed.
_LIST_LIMIT = 10_000


@dataclass(frozen=True, slots=True)  # slots: a large damaged file makes ten thousand of these
class GedcomProblem:
    """One thing the import worked around, at a line of the file (0 when no line applies)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class GedcomError(ImportFailed):
    """The file is not GEDCOM (empty, binary, no record structure) or cannot be read at all."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(path, problem)


def quote(text: str) -> str:
    """Text from the file as it may appear in a one-line message: no line breaks, not too long."""
    flat = " ".join(text.split())
    if len(flat) > _QUOTE_LIMIT:
        flat = flat[: _QUOTE_LIMIT - 1] + "…"
    return f"'{flat}'"


class Problems:
    """The problems of one import, in the order they were found."""

    def __init__(self) -> None:
        self.items: list[GedcomProblem] = []
        self.unlisted = 0

    def add(self, line: int, message: str) -> None:
        if len(self.items) < _LIST_LIMIT:
            self.items.append(GedcomProblem(line, " ".join(message.split())))
        else:
            self.unlisted += 1

    def listed(self) -> list[GedcomProblem]:
        """Every problem, or the first ten thousand and how many more there were."""
        more = [GedcomProblem(0, f"{self.unlisted} more problems not listed")] if self.unlisted else []
        return self.items + more
