"""The network drawings inside reports: built for the audience, scaled to the space, or a marked gap.

The drawings come from the layout package (genogram, ecomap, circles) and reach the page through
reports/pdf_drawing.py. A build that lacks one of those modules prints a clearly marked gap in its
place instead of failing, so a plan can always be printed; ``missing_parts`` says what is missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from . import fonts

if TYPE_CHECKING:
    from ..graph.document import CaseDocument
    from ..graph.redaction import Redaction
    from ..layout.diagram import Diagram

# view -> (module, function) that builds its renderer-neutral diagram
BUILDERS = {
    "genogram": ("circles_desktop.layout.genogram_diagram", "genogram_diagram"),
    "ecomap": ("circles_desktop.layout.ecomap_diagram", "ecomap_diagram"),
    "circles": ("circles_desktop.layout.circles_diagram", "circles_diagram"),
}
TO_DRAWING = ("circles_desktop.reports.pdf_drawing", "diagram_drawing")


def find(module: str, name: str) -> Callable[..., Any] | None:
    """The function, or None when its module is not part of this build (another error is a bug)."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(loaded, name, None)


def missing_parts(view: str) -> list[str]:
    """The modules a view's drawing needs that this build does not have."""
    return [f"{m}.{n}" for m, n in (BUILDERS[view], TO_DRAWING) if find(m, n) is None]


def diagram(doc: CaseDocument, view: str, redaction: Redaction) -> Diagram | None:
    """The view drawn for this audience: everything the redaction hides is left out entirely."""
    build = find(*BUILDERS[view])
    if build is None:
        return None
    hidden = frozenset(redaction.hidden | redaction.hidden_relationships)
    if view == "genogram":
        from ..layout.genogram import genogram_layout

        return build(doc, genogram_layout(doc, exclude=hidden), hidden=hidden)  # type: ignore[no-any-return]
    return build(doc, hidden=hidden)  # type: ignore[no-any-return]


def drawing_of(diagram_: Diagram) -> Any | None:
    """The ReportLab Drawing of a diagram (in points, unscaled), when pdf_drawing is available."""
    convert = find(*TO_DRAWING)
    return convert(diagram_) if convert is not None else None


class ScaledDrawing(Flowable):
    """A vector drawing scaled to fit the width and height it is given, centred."""

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


class Gap(Flowable):
    """A dashed box saying which drawing is missing and why, so nobody mistakes it for a blank."""

    def __init__(self, message: str, height: float) -> None:
        super().__init__()
        self.message = message
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(HexColor("#777777"))
        canvas.setDash(4, 3)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setFillColor(HexColor("#444444"))
        fonts.draw(canvas, self.width / 2, self.height / 2, self.message, 10, anchor="middle")
        canvas.restoreState()


def figure(doc: CaseDocument, view: str, redaction: Redaction, width: float, height: float) -> Flowable:
    """The drawing of ``view`` for the audience, fitted to ``width`` × ``height``, or a marked gap."""
    built = diagram(doc, view, redaction)
    drawing = drawing_of(built) if built is not None else None
    if drawing is None:
        return Gap(f"[The {view} drawing is not in this version of Circles yet]", min(height, 60))
    return ScaledDrawing(drawing, width, height)
