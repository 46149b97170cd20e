"""Read a case from any file Circles imports, by its extension: one set of rules for the
`circles import` command and the desktop's File > Import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # readers are imported when used, so `circles --version` stays instant
    from .graph.document import CaseDocument

CASE_FORMATS = (".json", ".graphml", ".circles", ".ged")


class UnknownFormat(ValueError):
    """A file whose extension is none of the formats Circles reads."""


def read_case(path: Path, name: str | None = None) -> tuple[CaseDocument, list[str]]:
    """A detached document read from ``path``, with the problems worth reporting (GEDCOM's)."""
    suffix = path.suffix.lower()
    problems: list[str] = []
    if suffix == ".ged":
        from .interop.gedcom import read_gedcom

        result = read_gedcom(path, name=name)
        doc, problems = result.document, [str(p) for p in result.problems]
    elif suffix == ".json":
        from .interop.casejson import read_case_json

        doc = read_case_json(path)
    elif suffix == ".graphml":
        from .interop.graphml import read_case_graphml

        doc = read_case_graphml(path)
    elif suffix == ".circles":
        from .store.casefile import read_case_file

        doc = read_case_file(path)
    else:
        raise UnknownFormat(f"{path}: cannot import {suffix or 'a file without an extension'} "
                            f"(use one of {', '.join(CASE_FORMATS)})")
    if name:
        from .graph.edits import update_case

        doc.apply(update_case(doc, replace(doc.info, name=name), "Rename case"))
    return doc, problems
