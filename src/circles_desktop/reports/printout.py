"""Case-file printouts of a genogram, ecomap or circles drawing: one page if it stays readable, else tiles.

A drawing is fitted to one page (portrait or landscape, whichever draws it larger, the legend placed
to suit each) as long as its smallest label stays at least ``MIN_LABEL`` points. Beyond that it
is printed with its smallest label at exactly that size over several sheets that overlap by ``OVERLAP``,
with cut marks, a note at each edge naming the page that continues the drawing there, and a small
page map in a strip kept free for it. Sheets with nothing of the drawing on them are not printed.
The legend is never cut: it goes where it fits whole on one sheet, else on a page of its own with a
guide to putting the sheets together. Both orientations are planned in full; the fewer sheets win.

Before anything is written, the drawing is checked against the audience's redaction profile: a
family or child copy that would show a hidden person or name is refused, not printed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from ..graph.redaction import Audience, redaction_for
from ..layout.diagram import Bounds, Diagram, Line, Text, touches
from ..layout.legend import SAMPLE_PART
from ..layout.textsize import wrap
from . import figures, fonts
from .pages import PAPERS, Stamp, frame_box, write_pdf

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from ..graph.document import CaseDocument

MIN_LABEL = 7.0  # points: the smallest label a case file can be read at, on one page or tiled
MAX_ENLARGE = 1.6  # a small drawing is enlarged, but not into a poster
OVERLAP = 12 * mm  # each tiled sheet repeats this much of its neighbour, to trim and tape
STRIP = 10 * mm  # kept free at the foot of each tiled sheet for where-am-I words and the page map
LEGEND_CLEARANCE = 10.0  # drawing points between the legend and anything of the drawing
_NOT_LABELS = ("symbol", SAMPLE_PART)  # marks drawn on symbols and legend samples: not words to read
_INK, _MUTED, _MARK = HexColor("#222222"), HexColor("#555555"), HexColor("#777777")
_AUDIENCE_WORDS = {Audience.CASE_FILE: "case file", Audience.PROFESSIONAL: "professional copy",
                   Audience.FAMILY: "family copy", Audience.CHILD: "child's copy"}


class PrintoutError(ValueError):
    """A drawing that cannot be printed for its audience; the message says why."""


@dataclass(frozen=True)
class Tile:
    """One printed sheet of the drawing: its place in the grid and the part of the drawing it shows."""

    column: int
    row: int
    area: Bounds  # in drawing points, overlaps included


@dataclass(frozen=True)
class Sheets:
    """How a drawing goes onto paper: its scale, the grid, the sheets that are printed, where the key is."""

    scale: float
    landscape: bool
    room: tuple[float, float]  # the width and height of one sheet's printable frame
    drawing: Diagram  # what the tiles show: the legend is part of it when it fits whole on one tile
    columns: int
    rows: int
    tiles: tuple[Tile, ...]  # only those with something of the drawing, in reading order
    key: Diagram | None = None  # the legend, when it has a page of its own

    @property
    def tiled(self) -> bool:
        return self.columns * self.rows > 1

    @property
    def count(self) -> int:
        return len(self.tiles) + (self.key is not None)

    @property
    def key_first(self) -> bool:
        """A tiled printout opens with its key and assembly guide; a one-sheet drawing comes first."""
        return self.key is not None and self.tiled

    def page_of(self, tile: Tile) -> int:
        return self.tiles.index(tile) + 1 + self.key_first

    def tile_at(self, column: int, row: int) -> Tile | None:
        return next((t for t in self.tiles if (t.column, t.row) == (column, row)), None)

    def trimmed(self, tile: Tile) -> Bounds:
        """The part of the drawing only ``tile`` shows once the overlaps are cut in their middle."""
        a, half = tile.area, OVERLAP / self.scale / 2
        return Bounds(a.x0 + (half if tile.column > 0 else 0.0), a.y0 + (half if tile.row > 0 else 0.0),
                      a.x1 - (half if tile.column < self.columns - 1 else 0.0),
                      a.y1 - (half if tile.row < self.rows - 1 else 0.0))


def smallest_text(diagram: Diagram) -> float:
    """The size of the smallest label or tag in the drawing (legend included, symbol marks not)."""
    sizes = [item.size for item in diagram.items if isinstance(item, Text) and item.part not in _NOT_LABELS]
    sizes += [item.tag_size for item in diagram.items if isinstance(item, Line) and item.tag]
    if diagram.legend is not None:
        sizes.append(smallest_text(diagram.legend))
    return min(sizes, default=MIN_LABEL)


def plan_sheets(diagram: Diagram, paper: str = "a4") -> Sheets:
    """The way to print ``diagram`` on the fewest sheets of ``paper``, every label readable."""
    smallest = smallest_text(diagram)
    options = [_plan(diagram, smallest, PAPERS[paper], turned) for turned in (False, True)]
    return min(options, key=lambda s: (s.count, s.key is not None, len(s.tiles), -s.scale))


def _plan(diagram: Diagram, smallest: float, paper: tuple[float, float], turned: bool) -> Sheets:
    """The best plan for one orientation: one page with the legend placed to suit it, else tiles."""
    _, _, room_w, room_h = frame_box(landscape(paper) if turned else paper)
    whole = diagram.with_legend_placed(room_w / room_h)
    fit = min(room_w / whole.bounds.width, room_h / whole.bounds.height)
    if smallest * fit >= MIN_LABEL - 1e-9:
        scale = min(fit, MAX_ENLARGE)
        return Sheets(scale, turned, (room_w, room_h), whole, 1, 1, (Tile(0, 0, _top_centred(whole.bounds,
                      room_w / scale, room_h / scale)),))
    body = replace(diagram, legend=None)
    scale = MIN_LABEL / smallest
    options = [_tiled(body, diagram.legend, scale, turned, room_w, room_h, f) for f in product((0.0, 0.5, 1.0),
                                                                                               repeat=2)]
    best = min(options, key=lambda s: (s.count, s.key is not None))
    if not best.tiled and best.key is not None:  # the drawing alone fits one sheet, its key has another:
        # draw it as large as fits
        scale = min(room_w / body.bounds.width, room_h / body.bounds.height, MAX_ENLARGE)
        best = replace(best, scale=scale, tiles=(Tile(0, 0, _top_centred(body.bounds, room_w / scale,
                                                                           room_h / scale)),))
    return best


def _top_centred(bounds: Bounds, width: float, height: float) -> Bounds:
    x0 = bounds.x0 - (width - bounds.width) / 2
    return Bounds(x0, bounds.y0, x0 + width, bounds.y0 + height)


def _count(length: float, room: float, overlap: float) -> int:
    return max(1, math.ceil((length - overlap) / (room - overlap) - 1e-9))


def _tiled(body: Diagram, legend: Diagram | None, scale: float, turned: bool, room_w: float, room_h: float,
           slack_used: tuple[float, float]) -> Sheets:
    """Tiles at ``scale``; ``slack_used`` says how far into the spare room (0 to 1) the drawing is moved."""
    overlap, width, height = OVERLAP / scale, room_w / scale, room_h / scale
    columns, rows = _count(body.bounds.width, width, overlap), _count(body.bounds.height, height, overlap)
    if columns * rows > 1:  # tiled sheets keep the strip for the page map
        height = (room_h - STRIP) / scale
        rows = _count(body.bounds.height, height, overlap)
    spare_x = columns * (width - overlap) + overlap - body.bounds.width
    spare_y = rows * (height - overlap) + overlap - body.bounds.height
    x0, y0 = body.bounds.x0 - spare_x * slack_used[0], body.bounds.y0 - spare_y * slack_used[1]
    grid = {(c, r): Bounds(x0 + c * (width - overlap), y0 + r * (height - overlap),
                           x0 + c * (width - overlap) + width, y0 + r * (height - overlap) + height)
            for r in range(rows) for c in range(columns)}
    every = tuple(Tile(c, r, grid[c, r]) for r in range(rows) for c in range(columns))
    sheets = Sheets(scale, turned, (room_w, room_h), body, columns, rows, every, legend)
    sheets = replace(sheets, tiles=tuple(t for t in every if not body.is_clear(sheets.trimmed(t))))
    if legend is None:
        return sheets
    for tile in sheets.tiles:
        spot = _legend_spot(sheets, legend, tile)
        if spot is not None:
            return replace(sheets, drawing=replace(body, legend=legend).with_legend_at(*spot), key=None)
    return sheets


def _legend_spot(sheets: Sheets, legend: Diagram, tile: Tile) -> tuple[float, float] | None:
    """Where the legend fits whole on ``tile``, on no other sheet, clear of the drawing; else None."""
    a, overlap = tile.area, OVERLAP / sheets.scale

    def shared(dc: int, dr: int) -> float:
        return overlap if sheets.tile_at(tile.column + dc, tile.row + dr) else 0.0

    region = Bounds(a.x0 + shared(-1, 0), a.y0 + shared(0, -1), a.x1 - shared(1, 0), a.y1 - shared(0, 1))
    region = region.expanded(-LEGEND_CLEARANCE / 2)  # not right against the edge of the paper
    size = legend.bounds
    spot = sheets.drawing.clear_spot(size.width, size.height, region, clearance=LEGEND_CLEARANCE,
                                     near=sheets.drawing.bounds)
    if spot is None:
        return None
    placed = Bounds(spot[0], spot[1], spot[0] + size.width, spot[1] + size.height).expanded(LEGEND_CLEARANCE)
    return None if any(t.area.intersects(placed) for t in sheets.tiles if t != tile) else spot


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
    sheets = plan_sheets(diagram, paper)
    pages: list[Flowable] = [_Sheet(sheets, tile) for tile in sheets.tiles]
    if sheets.key is not None:
        key_page = _KeySheet(sheets)
        pages = [key_page, *pages] if sheets.key_first else [*pages, key_page]
    story: list[Flowable] = []
    for page in pages:
        story += [PageBreak(), page] if story else [page]
    name = title or diagram.title or "drawing"
    stamp = Stamp(doc.info.reference or doc.info.name,
                  f"{doc.info.name}: {name} ({_AUDIENCE_WORDS[audience]})", doc.info.author)
    write_pdf(path, story, stamp, paper=paper, landscape_=sheets.landscape, subject=name)
    return sheets


def _render(canvas: Canvas, diagram: Diagram, area: Bounds, scale: float, x: float, y: float) -> None:
    """Draw the part of ``diagram`` inside ``area`` with its top left at (x, y) on the page, clipped.

    Only the items that reach into the area are drawn, so the text of a PDF page is the text of
    what is printed on it (a key's words are on one page, not hidden under the clip of every page).
    """
    from reportlab.graphics import renderPDF

    shown = Diagram(tuple(item for item in diagram.items if touches(item, area)), area)
    drawing = figures.drawing_of(shown)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y - area.height * scale, area.width * scale, area.height * scale)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(x, y - area.height * scale)
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()


class _Page(Flowable):
    """A flowable that takes the whole frame of one sheet."""

    def __init__(self, sheets: Sheets) -> None:
        super().__init__()
        self.sheets = sheets

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.sheets.room


class _Sheet(_Page):
    """One sheet's part of the drawing; when tiled, with cut marks, edge notes and the page map."""

    def __init__(self, sheets: Sheets, tile: Tile) -> None:
        super().__init__(sheets)
        self.tile = tile

    def draw(self) -> None:
        sheets, canvas = self.sheets, self.canv
        room_w, room_h = sheets.room
        _render(canvas, sheets.drawing, self.tile.area, sheets.scale, 0.0, room_h)
        if sheets.tiled:
            self._marks(room_w, room_h)
            self._edge_notes(room_w, room_h)
            self._strip(room_w)

    def _neighbour(self, dc: int, dr: int) -> int | None:
        tile = self.sheets.tile_at(self.tile.column + dc, self.tile.row + dr)
        return self.sheets.page_of(tile) if tile else None

    def _marks(self, room_w: float, room_h: float) -> None:
        """Cut marks outside the drawing, across the middle of each overlap shared with a printed sheet."""
        canvas, bottom, tick = self.canv, STRIP, 4 * mm
        canvas.saveState()
        canvas.setStrokeColor(_MARK)
        canvas.setLineWidth(0.5)
        for dc, x in ((-1, OVERLAP / 2), (1, room_w - OVERLAP / 2)):
            if self._neighbour(dc, 0) is not None:  # short below: the strip's words run under the marks
                canvas.line(x, room_h + 1, x, room_h + 3.5 * mm)
                canvas.line(x, bottom - 1, x, bottom - 2.5 * mm)
        for dr, y in ((-1, room_h - OVERLAP / 2), (1, bottom + OVERLAP / 2)):
            if self._neighbour(0, dr) is not None:
                canvas.line(-1, y, -tick, y)
                canvas.line(room_w + 1, y, room_w + tick, y)
        canvas.restoreState()

    def _edge_notes(self, room_w: float, room_h: float) -> None:
        """At each edge that continues on another sheet, the page it continues on and a pointer to it.

        Side notes run up the margin; the notes for the sheets above and below sit in the gap under
        the header and in the strip.
        """
        canvas, size = self.canv, 7.0
        mid_y = STRIP + (room_h - STRIP) / 2
        canvas.saveState()
        canvas.setFillColor(_MUTED)
        for (dc, dr), (x, y) in (((1, 0), (room_w + 5 * mm, mid_y)), ((-1, 0), (-5 * mm, mid_y)),
                                 ((0, -1), (room_w / 2, room_h + 1.6 * mm)), ((0, 1), (room_w / 2, 1.3 * mm))):
            page = self._neighbour(dc, dr)
            if page is None:
                continue
            words = f"continues on page {page}"
            if dc:
                canvas.saveState()
                canvas.translate(x + size * 0.35, y)
                canvas.rotate(90)
                width = fonts.draw(canvas, 0, 0, words, size, bold=True, anchor="middle")
                canvas.restoreState()
                _pointer(canvas, x, y + width / 2 + 6, (dc, 0))
            else:
                width = fonts.draw(canvas, x, y, words, size, bold=True, anchor="middle")
                _pointer(canvas, x + width / 2 + 6, y + size * 0.35, (0, -dr))
        canvas.restoreState()

    def _strip(self, room_w: float) -> None:
        """Where this sheet sits, in words and as a small map of the sheets that exist."""
        canvas, sheets = self.canv, self.sheets
        cell = min(4 * mm, (STRIP - 3.5 * mm) / sheets.rows, 36 * mm / sheets.columns)
        width, height = cell * sheets.columns, cell * sheets.rows
        x, y = room_w - width, 0.5 * mm
        canvas.saveState()
        canvas.setLineWidth(0.4)
        for r in range(sheets.rows):
            for c in range(sheets.columns):
                if sheets.tile_at(c, r) is None:
                    continue  # no sheet was printed there: the map shows only what exists
                here = (c, r) == (self.tile.column, self.tile.row)
                canvas.setStrokeColor(_MUTED)
                canvas.setFillColor(_MUTED if here else white)
                canvas.rect(x + c * cell, y + height - (r + 1) * cell, cell, cell, stroke=1, fill=1)
        canvas.setFillColor(_INK)
        words = (f"Page {sheets.page_of(self.tile)}: row {self.tile.row + 1} of {sheets.rows}, "
                 f"column {self.tile.column + 1} of {sheets.columns}. The sheets overlap by "
                 f"{OVERLAP / mm:.0f} mm: cut along the marks and tape them together.")
        fonts.draw(canvas, 0, STRIP - 5.3 * mm, words, 7.0)
        canvas.restoreState()


def _pointer(canvas: Canvas, x: float, y: float, direction: tuple[int, int]) -> None:
    """A small filled triangle at (x, y) pointing along ``direction`` (x right, y up)."""
    dx, dy = direction
    length, half = 5.0, 3.0
    tip = (x + dx * length / 2, y + dy * length / 2)
    base = (x - dx * length / 2, y - dy * length / 2)
    path = canvas.beginPath()
    path.moveTo(*tip)
    path.lineTo(base[0] - dy * half, base[1] + dx * half)
    path.lineTo(base[0] + dy * half, base[1] - dx * half)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


class _KeySheet(_Page):
    """The legend on a page of its own; for tiled sheets, with a map of how they fit together."""

    def draw(self) -> None:
        sheets, canvas = self.sheets, self.canv
        assert sheets.key is not None
        room_w, room_h = sheets.room
        top = room_h
        if sheets.tiled:
            canvas.setFillColor(_INK)
            fonts.draw(canvas, 0, top - 12, "How the sheets fit together", 12, bold=True)
            words = (f"This drawing is printed full size on {len(sheets.tiles)} sheets (pages "
                     f"{sheets.page_of(sheets.tiles[0])} to {sheets.page_of(sheets.tiles[-1])}), placed as below. "
                     f"Neighbouring sheets overlap by {OVERLAP / mm:.0f} mm: cut each sheet along the marks on the "
                     "edges it shares, lay it against its neighbour so the drawing lines up, and tape them "
                     "together from behind. The key is below.")
            lines = wrap(words, 8.5, room_w)
            for i, line in enumerate(lines):
                fonts.draw(canvas, 0, top - 28 - i * 11, line, 8.5)
            top -= 28 + len(lines) * 11
            top = self._assembly_map(room_w, top, room_h * 0.5) - 8 * mm
        key = sheets.key
        scale = min(sheets.scale, room_w / key.bounds.width, top / key.bounds.height)
        _render(canvas, key, key.bounds, scale, 0.0, top)

    def _assembly_map(self, room_w: float, top: float, height: float) -> float:
        """The outline of the drawing with each printed sheet's part and page number; returns its foot."""
        sheets, canvas = self.sheets, self.canv
        areas = [sheets.trimmed(t) for t in sheets.tiles]
        whole = areas[0]
        for area in areas[1:]:
            whole = whole.union(area)
        scale = min(room_w / whole.width, height / whole.height)
        outline = Diagram(tuple(i for i in sheets.drawing.items if not isinstance(i, Text)), whole)
        x0 = (room_w - whole.width * scale) / 2
        _render(canvas, outline, whole, scale, x0, top)
        canvas.saveState()
        canvas.setStrokeColor(_INK)
        canvas.setLineWidth(1.0)
        for tile, a in zip(sheets.tiles, areas):
            left, right = x0 + (a.x0 - whole.x0) * scale, x0 + (a.x1 - whole.x0) * scale
            upper, lower = top - (a.y0 - whole.y0) * scale, top - (a.y1 - whole.y0) * scale
            canvas.rect(left, lower, right - left, upper - lower, stroke=1, fill=0)
            canvas.setFillColor(white)
            label = str(sheets.page_of(tile))
            cx, cy = (left + right) / 2, (lower + upper) / 2
            canvas.circle(cx, cy + 4, 11, stroke=1, fill=1)
            canvas.setFillColor(_INK)
            fonts.draw(canvas, cx, cy, label, 13, bold=True, anchor="middle")
        canvas.restoreState()
        return top - whole.height * scale
