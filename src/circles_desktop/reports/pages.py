"""The page every Circles PDF is printed on: header, footer, protective marking, page X of Y.

Case files need each sheet to say what it is even when the pages are separated: the case reference
and title at the top; "OFFICIAL-SENSITIVE", the page number out of the total, the date printed and
who printed it at the bottom. The total is only known at the end, so the canvas keeps each page
and stamps the footers when the document is saved. Files are written beside the target and moved
into place only when complete, so a failure never leaves half a PDF.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from . import fonts

MARKING = "OFFICIAL-SENSITIVE"
GREY = HexColor("#555555")
RULE = HexColor("#9a9a9a")
PAPERS = {"a4": A4, "a3": A3}


@dataclass(frozen=True)
class Stamp:
    """What is printed on every page."""

    reference: str
    title: str
    author: str = ""
    printed: date | None = None
    marking: str = MARKING
    size: float = 8.5  # header and footer type

    def footer_right(self) -> str:
        return f"Printed {long_date(self.printed or date.today())}" + (f" by {self.author}" if self.author else "")


def long_date(day: date) -> str:
    """14 April 2026: the form families and courts read without doubt."""
    return f"{day.day} {day:%B %Y}"


def _stamped_canvas(stamp: Stamp) -> type[Canvas]:
    class StampedCanvas(Canvas):
        """Holds back each page until the total is known, then stamps header and footer."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _stamp_page(self, stamp, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return StampedCanvas


def _stamp_page(canvas: Canvas, stamp: Stamp, number: int, total: int) -> None:
    width, height = canvas._pagesize  # noqa: SLF001 (the page size of this page)
    left, right = 15 * mm, width - 15 * mm
    top, bottom = height - 10 * mm, 9 * mm
    size = stamp.size
    canvas.saveState()
    canvas.setFillColor(GREY)
    fonts.draw(canvas, left, top, stamp.reference, size, bold=True)
    fonts.draw(canvas, right, top, stamp.title, size, anchor="end")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 3, right, top - 3)
    canvas.line(left, bottom + size + 2, right, bottom + size + 2)
    fonts.draw(canvas, left, bottom, stamp.marking, size, bold=True)
    fonts.draw(canvas, width / 2, bottom, f"Page {number} of {total}", size, anchor="middle")
    fonts.draw(canvas, right, bottom, stamp.footer_right(), size, anchor="end")
    canvas.restoreState()


def frame_box(pagesize: tuple[float, float]) -> tuple[float, float, float, float]:
    """x, y, width, height of the space between header and footer."""
    width, height = pagesize
    return 15 * mm, 16 * mm, width - 30 * mm, height - 32 * mm


def write_pdf(path: Path | str, story: Sequence[Flowable], stamp: Stamp, *, paper: str = "a4",
              landscape_: bool = False, subject: str = "",
              on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None) -> None:
    """Lay out ``story`` on stamped pages and write it to ``path`` all at once."""
    pagesize = PAPERS[paper]
    if landscape_:
        pagesize = landscape(pagesize)
    path = Path(path)
    handle, temp = tempfile.mkstemp(suffix=".pdf", prefix=".circles-", dir=path.parent)
    os.close(handle)
    try:
        doc = BaseDocTemplate(temp, pagesize=pagesize, title=stamp.title, author=stamp.author,
                              subject=subject, creator="Circles", leftMargin=15 * mm, rightMargin=15 * mm,
                              topMargin=16 * mm, bottomMargin=16 * mm)
        x, y, w, h = frame_box(pagesize)
        frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        extra = {"onPage": on_page} if on_page is not None else {}
        doc.addPageTemplates([PageTemplate("page", [frame], pagesize=pagesize, **extra)])
        doc.build(list(story), canvasmaker=_stamped_canvas(stamp))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def tint(colour: Color, amount: float) -> Color:
    """A lighter version of a colour, for table headers and boxes that must print in grey too."""
    return Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))
