"""The network drawings inside reports: built for the audience and scaled to the space given.

The drawings come from the layout package (genogram, ecomap, circles) and reach the page through
reports/pdf_drawing.py. A big imported family tree is drawn in focus mode around the child (or the
tree's home person), as on screen.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from .pdf_drawing import diagram_drawing

if TYPE_CHECKING:
    from ..graph.document import CaseDocument
    from ..graph.redaction import Redaction
    from ..layout.diagram import Diagram

VIEWS = ("genogram", "ecomap", "circles")
_SHEET_SCALE = {"a4": 1.0, "a3": math.sqrt(2)}  # how much more an A3 sheet holds across than A4


def diagram(doc: CaseDocument, view: str, redaction: Redaction, paper: str = "a4") -> Diagram:
    """The view drawn for this audience: everything the redaction hides is left out entirely.

    ``paper`` is the sheet it is meant for: a big circles picture drops details to fit one A4 sheet,
    but keeps them on A3.
    """
    doc = redaction.document(doc)  # households named after someone hidden, under their neutral names
    hidden = frozenset(redaction.hidden | redaction.hidden_relationships)
    if view == "genogram":
        from ..layout.focus import suggested_focus
        from ..layout.genogram import genogram_layout
        from ..layout.genogram_diagram import genogram_diagram

        layout = genogram_layout(doc, focus=suggested_focus(doc), exclude=hidden)
        return genogram_diagram(doc, layout, hidden=hidden)
    if view == "ecomap":
        from ..layout.ecomap_diagram import ecomap_diagram

        return ecomap_diagram(doc, hidden=hidden)
    if view == "circles":
        from ..layout.circles import FIT_RADIUS, circles_layout
        from ..layout.circles_diagram import circles_diagram

        fit = FIT_RADIUS * _SHEET_SCALE[paper]
        return circles_diagram(doc, circles_layout(doc, hidden, fit_radius=fit), hidden=hidden)
    raise ValueError(f"unknown view {view!r} (use one of {', '.join(VIEWS)})")


def drawing_of(diagram_: Diagram) -> Any:
    """The ReportLab Drawing of a diagram, in points, unscaled."""
    return diagram_drawing(diagram_)


class ScaledDrawing(Flowable):
    """A vector drawing scaled to fit the width and height it is given, centred.

    ``scale`` is known from the start (the space is given up front), so a report can tell how big
    the drawing's words will print before it places it.
    """

    def __init__(self, drawing: Any, max_width: float, max_height: float) -> None:
        super().__init__()
        self.drawing = drawing
        self.scale = min(max_width / max(drawing.width, 1), max_height / max(drawing.height, 1), 1.5)
        self.max_width = max_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.scale = min(self.scale, availWidth / max(self.drawing.width, 1))
        return availWidth, self.drawing.height * self.scale

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        width = self.drawing.width * self.scale
        self.canv.saveState()
        self.canv.translate((self.max_width - width) / 2 if self.max_width > width else 0, 0)
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


def figure(diagram_: Diagram, width: float, height: float) -> ScaledDrawing:
    """The diagram with its legend, if it has one, placed beside or below it (whichever prints the
    whole larger in this space), fitted to ``width`` × ``height``."""
    return ScaledDrawing(drawing_of(diagram_.with_legend_placed(width / height)), width, height)
