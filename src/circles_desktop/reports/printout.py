"""Case-file printouts of a genogram, ecomap or circles drawing: one page if it stays readable, else tiles.

A drawing is fitted to one page (portrait or landscape, whichever gives the larger scale) as long as
its smallest label stays at least ``MIN_LABEL`` points. Beyond that it is printed at exactly that
size over several sheets that overlap by ``OVERLAP``, so they can be trimmed and taped together;
each sheet carries a small page map showing where it sits. Every sheet has the header, footer and
protective marking of pages.py, and the legend travels with the drawing.

Before anything is written, the drawing is checked against the audience's redaction profile: a
family or child copy that would show a hidden person or name is refused, not printed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from ..graph.redaction import Audience, redaction_for
from . import figures, fonts
from .pages import PAPERS, Stamp, frame_box, write_pdf

if TYPE_CHECKING:
    from ..graph.document import CaseDocument
    from ..layout.diagram import Diagram

MIN_LABEL = 7.0  # points: the smallest label a case file can be read at
MAX_ENLARGE = 1.6  # a small drawing is enlarged, but not into a poster
OVERLAP = 12 * mm
_AUDIENCE_WORDS = {Audience.CASE_FILE: "case file", Audience.PROFESSIONAL: "professional copy",
                   Audience.FAMILY: "family copy", Audience.CHILD: "child's copy"}


class PrintoutError(ValueError):
    """A drawing that cannot be printed for its audience; the message says why."""


@dataclass(frozen=True)
class Sheets:
    """How a drawing goes onto paper: its scale and the grid of sheets."""

    scale: float
    columns: int
    rows: int
    landscape: bool
    room: tuple[float, float]  # the printable width and height of one sheet

    @property
    def count(self) -> int:
        return self.columns * self.rows


def _tiles(length: float, room: float) -> int:
    return max(1, math.ceil((length - OVERLAP) / (room - OVERLAP) - 1e-9))


def plan_sheets(width: float, height: float, smallest: float, paper: str = "a4") -> Sheets:
    """The best way to print a ``width`` × ``height`` drawing whose smallest label is ``smallest`` pt."""
    options = []
    for turned in (False, True):
        size = landscape(PAPERS[paper]) if turned else PAPERS[paper]
        _, _, room_w, room_h = frame_box(size)
        fit = min(room_w / width, room_h / height)
        if smallest * fit >= MIN_LABEL:
            options.append((0, -fit, Sheets(min(fit, MAX_ENLARGE), 1, 1, turned, (room_w, room_h))))
        else:
            scale = MIN_LABEL / smallest
            cols, rows = _tiles(width * scale, room_w), _tiles(height * scale, room_h)
            options.append((cols * rows, 0.0, Sheets(scale, cols, rows, turned, (room_w, room_h))))
    return min(options, key=lambda o: (o[0], o[1]))[2]


def smallest_text(diagram: Diagram) -> float:
    """The size of the smallest label or tag in the drawing (legend included)."""
    from ..layout.diagram import Line, Text

    sizes = [item.size for item in diagram.items if isinstance(item, Text)]
    sizes += [item.tag_size for item in diagram.items if isinstance(item, Line) and item.tag]
    if diagram.legend is not None:
        sizes.append(smallest_text(diagram.legend))
    return min(sizes, default=MIN_LABEL)


def check_audience(doc: CaseDocument, diagram: Diagram, audience: Audience) -> None:
    """Refuse a drawing that shows this audience someone or something hidden from it."""
    redaction = redaction_for(doc, audience)
    shown = diagram.node_ids() | diagram.rel_ids()
    if diagram.legend is not None:
        shown |= diagram.legend.node_ids()
    hidden = shown & (redaction.hidden | redaction.hidden_relationships)
    leaks = [t for t in diagram.texts() if redaction.leaks(t)]
    if hidden or leaks:
        raise PrintoutError(f"the {_AUDIENCE_WORDS[audience]} of this drawing would show "
                            f"{len(hidden) + len(leaks)} thing(s) hidden from that audience; "
                            "draw it with the audience's hidden ids")


def write_printout(doc: CaseDocument, diagram: Diagram, path: Path | str, *, paper: str = "a4",
                   audience: Audience | str = Audience.CASE_FILE, title: str = "") -> Sheets:
    """Print ``diagram`` (built for ``audience``) on one page or tiled sheets; returns how it was laid out."""
    audience = Audience(audience)
    if paper not in PAPERS:
        raise PrintoutError(f"unknown paper {paper!r} (use {' or '.join(PAPERS)})")
    check_audience(doc, diagram, audience)
    smallest = smallest_text(diagram)
    probe = plan_sheets(diagram.bounds.width, diagram.bounds.height, smallest, paper)
    aspect = probe.room[0] / probe.room[1]
    whole = diagram.with_legend_placed(aspect)
    drawing = figures.drawing_of(whole)
    if drawing is None:
        raise PrintoutError("this version of Circles has no PDF drawing back end (reports/pdf_drawing.py)")
    sheets = plan_sheets(drawing.width, drawing.height, smallest, paper)
    story: list[Flowable] = []
    for row in range(sheets.rows):
        for column in range(sheets.columns):
            if story:
                story.append(PageBreak())
            story.append(_Sheet(drawing, sheets, column, row))
    name = title or whole.title or "drawing"
    stamp = Stamp(doc.info.reference or doc.info.name,
                  f"{doc.info.name}: {name} ({_AUDIENCE_WORDS[audience]})", doc.info.author)
    write_pdf(path, story, stamp, paper=paper, landscape_=sheets.landscape, subject=name)
    return sheets


class _Sheet(Flowable):
    """One sheet's part of the drawing, clipped to the frame, with the page map when tiled."""

    def __init__(self, drawing: Any, sheets: Sheets, column: int, row: int) -> None:
        super().__init__()
        self.drawing, self.sheets, self.column, self.row = drawing, sheets, column, row

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.sheets.room

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        canvas, sheets = self.canv, self.sheets
        room_w, room_h = sheets.room
        full_w, full_h = self.drawing.width * sheets.scale, self.drawing.height * sheets.scale
        canvas.saveState()
        if sheets.count == 1:
            canvas.translate((room_w - full_w) / 2, room_h - full_h)
        else:
            path = canvas.beginPath()
            path.rect(0, 0, room_w, room_h)
            canvas.clipPath(path, stroke=0, fill=0)
            x0 = self.column * (room_w - OVERLAP)
            y0 = self.row * (room_h - OVERLAP)
            canvas.translate(-x0, room_h - (full_h - y0))
        canvas.scale(sheets.scale, sheets.scale)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()
        if sheets.count > 1:
            self._page_map(room_w)

    def _page_map(self, room_w: float) -> None:
        """A thumbnail grid in the bottom right corner with this sheet filled in."""
        canvas, sheets = self.canv, self.sheets
        cell = min(6 * mm, 36 * mm / sheets.columns)
        width, height = cell * sheets.columns, cell * sheets.rows
        x, y = room_w - width - 2 * mm, 2 * mm + 10
        canvas.saveState()
        canvas.setFillColor(white)
        canvas.setStrokeColor(HexColor("#444444"))
        canvas.rect(x - 2 * mm, y - 12, width + 4 * mm, height + 14 + 2 * mm, stroke=1, fill=1)
        canvas.setLineWidth(0.5)
        for r in range(sheets.rows):
            for c in range(sheets.columns):
                here = (r, c) == (self.row, self.column)
                canvas.setFillColor(HexColor("#555555") if here else white)
                canvas.rect(x + c * cell, y + height - (r + 1) * cell, cell, cell, stroke=1, fill=1)
        canvas.setFillColor(HexColor("#222222"))
        number = self.row * sheets.columns + self.column + 1
        fonts.draw(canvas, x + width / 2, y - 9, f"Sheet {number} of {sheets.count}", 7, anchor="middle")
        canvas.restoreState()
