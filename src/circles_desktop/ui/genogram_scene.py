"""The genogram as a scene: the shared genogram layout and diagram, as items the practitioner edits.

All notation (symbols, couple lines, elbows, households) comes from :mod:`..layout.genogram` and
:mod:`..layout.genogram_diagram`, the same code the PDF and SVG use, so nothing about how a genogram
looks is decided here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ..graph.document import CaseDocument
from ..layout.diagram import Diagram
from ..layout.genogram import VIEW, genogram_layout
from ..layout.genogram_diagram import genogram_diagram
from .diagram_scene import Builder, DiagramScene
from .editor import CaseEditor

# Above this many people the genogram opens on a few generations around the child at the centre,
# as DESIGN.md advises for big imported trees (a whole 5,000-person tree takes dot many seconds).
FOCUS_ABOVE = 1500


def build_genogram(doc: CaseDocument) -> Diagram:
    """The whole genogram, or a focus around the child when the tree is very big."""
    generations = 3 if len(doc.people()) > FOCUS_ABOVE and doc.children_at_centre() else None
    return genogram_diagram(doc, genogram_layout(doc, generations=generations))


class GenogramScene(DiagramScene):
    view_key = VIEW

    def __init__(self, editor: CaseEditor, parent: QObject | None = None, builder: Builder = build_genogram) -> None:
        super().__init__(editor, builder, parent)
