"""PDF back end for diagrams: ReportLab graphics, vector all the way, text as real (searchable) text.

``diagram_drawing`` turns a Diagram into a ReportLab ``Drawing`` scaled to a box, for the printable
reports to place in their flowing pages; ``write_pdf`` prints one diagram on one A4 or A3 page,
turned to whichever orientation lets it be drawn largest. Geometry comes from layout.strokes, so
patterns, slashes and arrows match the screen and the SVG exactly. Text goes through reports.fonts,
which picks a shipped Noto face per script and shapes complex scripts, so a Bengali or Arabic name
on a genogram prints as it does in the meeting plan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Ellipse, Group, PolyLine, Polygon, Rect
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..layout.diagram import Align, Diagram
from ..layout.strokes import EllipseOp, Op, PathOp, Pen, RectOp, TextOp, diagram_ops
from ..layout.style import COLOURS, FONTS
from . import fonts

PAPERS = {"a4": A4, "a3": A3}
MARGIN = 12 * mm
MAX_SCALE = 1.5  # a small family is drawn larger, but not so large it looks like a poster
_ANCHOR = {Align.START: "start", Align.MIDDLE: "middle", Align.END: "end"}


def diagram_drawing(diagram: Diagram, *, width: float | None = None, height: float | None = None,
                    max_scale: float = MAX_SCALE) -> Drawing:
    """The diagram as a ReportLab Drawing, scaled to fit ``width`` x ``height`` points when given.

    The diagram is drawn as it is: place its legend first (``with_legend_placed``) to include it.
    """
    bounds = diagram.bounds
    scale = 1.0
    if width is not None and height is not None:
        scale = min(width / bounds.width, height / bounds.height, max_scale)
    group = Group()
    for _, ops in diagram_ops(diagram):
        for op in ops:
            for shape in _shapes(op, bounds.x0, bounds.y1):
                group.add(shape)
    group.transform = (scale, 0, 0, scale, 0, 0)
    drawing = Drawing(bounds.width * scale, bounds.height * scale)
    drawing.add(group)
    return drawing


def _stroke(shape: object, pen: Pen | None) -> None:
    if pen is None:
        shape.strokeColor = None  # type: ignore[attr-defined]
        return
    shape.strokeColor = HexColor(pen.colour)  # type: ignore[attr-defined]
    shape.strokeWidth = pen.width  # type: ignore[attr-defined]
    shape.strokeDashArray = list(pen.dash) if pen.dash else None  # type: ignore[attr-defined]
    shape.strokeLineCap = 1 if pen.round_cap else 0  # type: ignore[attr-defined]
    shape.strokeLineJoin = 0  # type: ignore[attr-defined]


def _shapes(op: Op, x0: float, y1: float) -> list[object]:
    """ReportLab shapes for one operation; y is flipped (ReportLab's y grows upwards)."""

    def flat(points: tuple[tuple[float, float], ...]) -> list[float]:
        return [v for x, y in points for v in (x - x0, y1 - y)]

    if isinstance(op, PathOp):
        if op.closed:
            shape: object = Polygon(flat(op.points), fillColor=HexColor(op.fill) if op.fill else None)
        else:
            shape = PolyLine(flat(op.points))
        _stroke(shape, op.pen)
        return [shape]
    if isinstance(op, EllipseOp):
        shape = Ellipse(op.centre[0] - x0, y1 - op.centre[1], op.rx, op.ry,
                        fillColor=HexColor(op.fill) if op.fill else None)
        _stroke(shape, op.pen)
        return [shape]
    if isinstance(op, RectOp):
        r = op.rect
        shape = Rect(r.x0 - x0, y1 - r.y1, r.width, r.height, rx=op.radius, ry=op.radius,
                     fillColor=HexColor(op.fill) if op.fill else None)
        _stroke(shape, op.pen)
        return [shape]
    assert isinstance(op, TextOp)
    x, y = op.at[0] - x0, y1 - op.at[1]
    shapes: list[object] = []
    if op.halo:
        drawn = fonts.width(op.text, op.size, op.bold)
        left = x - (drawn / 2 if op.align is Align.MIDDLE else drawn if op.align is Align.END else 0.0)
        shapes.append(Rect(left - 1.0, y - op.size * 0.2, drawn + 2.0, op.size * 0.95,
                           fillColor=HexColor(COLOURS.paper), strokeColor=None))
    shapes += fonts.label_strings(op.text, x, y, op.size, op.bold, _ANCHOR[op.align], HexColor(op.colour))
    return shapes


@dataclass(frozen=True)
class _Page:
    size: tuple[float, float]
    diagram: Diagram
    scale: float


def _best_page(diagram: Diagram, paper: tuple[float, float], title_room: float) -> _Page:
    """Portrait or landscape, whichever draws the diagram (legend placed to suit) the largest."""
    best: _Page | None = None
    for size in (landscape(paper), portrait(paper)):
        room_w, room_h = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - title_room
        placed = diagram.with_legend_placed(aspect=room_w / room_h)
        scale = min(room_w / placed.bounds.width, room_h / placed.bounds.height, MAX_SCALE)
        if best is None or scale > best.scale + 1e-9:
            best = _Page(size, placed, scale)
    assert best is not None
    return best


def write_pdf(diagram: Diagram, path: str | os.PathLike[str], *, paper: str = "a4", title: str = "") -> None:
    """Print the diagram, with its legend, on one page of ``paper`` ("a4" or "a3"), as vector PDF."""
    if paper.lower() not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    title_room = FONTS.title * 2.2 if title else 0.0
    page = _best_page(diagram, PAPERS[paper.lower()], title_room)
    room_w = page.size[0] - 2 * MARGIN
    drawing = diagram_drawing(page.diagram, width=room_w, height=page.size[1] - 2 * MARGIN - title_room)

    target = Path(path)
    temporary = target.with_name(f".{target.name}.part")
    try:
        canvas = Canvas(str(temporary), pagesize=page.size, invariant=True)
        canvas.setTitle(title or "Circles drawing")
        canvas.setCreator("Circles")
        if title:
            fonts.draw(canvas, MARGIN, page.size[1] - MARGIN - FONTS.title, title, FONTS.title, bold=True)
        x = MARGIN + (room_w - drawing.width) / 2
        y = page.size[1] - MARGIN - title_room - drawing.height
        renderPDF.draw(drawing, canvas, x, y)
        canvas.showPage()
        canvas.save()
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
