"""The one exception every importer raises for a file it cannot turn into a case.

The command line prints it as a single line and exits with status 2, so the message always names
the file, where in it (line and column, or the node, relationship and field) and what is wrong, and
never spans lines, whatever the file or its content contained.
"""

from __future__ import annotations

import os
import re

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


class ImportFailed(ValueError):
    """A file that is not a case Circles can read; nothing was imported from it."""

    def __init__(self, path: str | os.PathLike[str], problem: str, where: str = "") -> None:
        self.path = os.fspath(path)
        self.where = where
        self.problem = problem
        message = ": ".join(part for part in (self.path, where, problem) if part)
        super().__init__(_LINE_BREAKS.sub(" ", message))
