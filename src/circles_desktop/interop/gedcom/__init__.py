"""GEDCOM 5.5.1 and 7: import into a Circles case, and export as GEDCOM 7.

Hand-written rather than a PyPI parser, because none reads every GEDCOM character set *and*
imports the sound part of a damaged file with each problem's line: see docs/gedcom-extensions.md.
"""

from .problems import GedcomError, GedcomProblem
from .reader import GedcomImport, read_gedcom
from .writer import write_gedcom

__all__ = ["GedcomError", "GedcomImport", "GedcomProblem", "read_gedcom", "write_gedcom"]
