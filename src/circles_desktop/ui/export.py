"""Export (PDF, SVG, PNG) and print the current view, for a stated audience, off the UI thread.

The drawing is built by the same code the `circles export` command uses
(:func:`..reports.figures.diagram` with the audience's redaction profile), and written by the shared
back ends: ReportLab for PDF (with header, footer and protective marking), the SVG writer, and the
QPainter PNG back end. Printing paints the same diagram on a QPrinter with the same header and
footer. Layout and writing run on a worker with a progress dialog and Cancel; files appear only
when complete.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..graph.document import CaseDocument
from ..graph.redaction import Audience, redaction_for
from .diagram_painter import font_family, paint_diagram
from .workers import Task, run_with_progress, snapshot

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ..layout.diagram import Diagram
    from .settings import Settings

FORMATS = {"pdf": "PDF document (*.pdf)", "svg": "SVG drawing (*.svg)", "png": "PNG picture (*.png)"}
AUDIENCES = (
    (Audience.CASE_FILE, "The case file (everything)"),
    (Audience.PROFESSIONAL, "Professionals (no confidential details)"),
    (Audience.FAMILY, "The family (nothing confidential, nobody who must not be told)"),
    (Audience.CHILD, "The child"),
)
VIEW_TITLES = {"genogram": "genogram", "ecomap": "ecomap", "circles": "circles of support"}


@dataclass(frozen=True)
class Choice:
    audience: Audience
    paper: str  # "a4" or "a3"


class ExportOptions(QDialog):
    """Who the copy is for, and the paper it is printed on."""

    def __init__(self, title: str, with_paper: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.audience = QComboBox(self)
        self.audience.setObjectName("export_audience")
        self.audience.setAccessibleName("Who the copy is for")
        for _audience, text in AUDIENCES:
            self.audience.addItem(text)
        self.paper = QComboBox(self)
        self.paper.setObjectName("export_paper")
        self.paper.setAccessibleName("Paper size")
        self.paper.addItems(["A4", "A3"])
        form = QFormLayout()
        form.addRow("&For:", self.audience)
        if with_paper:
            form.addRow("&Paper:", self.paper)
        else:
            self.paper.hide()
        note = QLabel("Copies for the family or the child leave out everyone and everything marked "
                      "confidential, and anyone who must not be told.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choice(self) -> Choice:
        return Choice(AUDIENCES[self.audience.currentIndex()][0], self.paper.currentText().lower())


def build_drawing(doc: CaseDocument, view: str, choice: Choice) -> Diagram:
    """The view drawn for the audience and paper: what it may not see is left out of the layout itself."""
    from ..reports import figures

    return figures.diagram(doc, view, redaction_for(doc, choice.audience), choice.paper)


def write_drawing(doc: CaseDocument, diagram: Diagram, view: str, path: Path, choice: Choice,
                  task: Task | None = None) -> Path:
    """Write ``diagram`` to ``path`` by its extension; the file appears only when complete."""
    part = path.with_name(f".{path.stem}.part{path.suffix}")
    try:
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from ..reports.printout import write_printout

            write_printout(doc, diagram, part, paper=choice.paper, audience=choice.audience,
                           title=VIEW_TITLES.get(view, view))
        elif suffix == ".svg":
            from ..layout.svg import write_svg

            write_svg(diagram, part)
        elif suffix == ".png":
            from .raster import write_png

            write_png(diagram, part)
        else:
            raise ValueError(f"{path.name}: export as .pdf, .svg or .png")
        if task is not None and task.cancelled():
            raise _Cancelled
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


class _Cancelled(Exception):
    """The practitioner cancelled; nothing was written."""


class Exporter(QObject):
    """The window's export and print commands for the open case's current view."""

    done = Signal(str)  # a message for the status bar
    failed = Signal(str)  # a message for the practitioner

    def __init__(self, parent: QWidget, settings: Settings) -> None:
        super().__init__(parent)
        self.window = parent
        self.settings = settings
        self.task: Task | None = None

    # ----- export --------------------------------------------------------------------------------

    def export(self, doc: CaseDocument, view: str, kind: str) -> None:
        options = ExportOptions(f"Export the {VIEW_TITLES.get(view, view)} as {kind.upper()}", kind == "pdf",
                                self.window)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        choice = options.choice()
        folder = str(self.settings.store.value("export/folder", str(Path.home())))
        suggested = Path(folder) / f"{_file_name(doc.info.name)} - {VIEW_TITLES.get(view, view)}.{kind}"
        path, _filter = QFileDialog.getSaveFileName(self.window, "Export", str(suggested), FORMATS[kind])
        if not path:
            return
        target = Path(path) if Path(path).suffix.lower() == f".{kind}" else Path(f"{path}.{kind}")
        self.settings.store.setValue("export/folder", str(target.parent))
        self.export_to(doc, view, target, choice)

    def export_to(self, doc: CaseDocument, view: str, target: Path, choice: Choice) -> Task:
        """Build and write in the background (also what the tests call, without the dialogs)."""
        copy = snapshot(doc)

        def work(task: Task) -> Path | None:
            task.report(5, "Laying out the drawing…")
            diagram = build_drawing(copy, view, choice)
            if task.cancelled():
                return None
            task.report(60, f"Writing {target.name}…")
            try:
                return write_drawing(copy, diagram, view, target, choice, task)
            except _Cancelled:
                return None

        self.task = run_with_progress(work, "Exporting", self.window,
                                      lambda path: path and self.done.emit(f"Exported to {path}"),
                                      lambda message: self.failed.emit(f"The export failed: {message}"))
        return self.task

    # ----- print ----------------------------------------------------------------------------------

    def print_(self, doc: CaseDocument, view: str, preview: bool) -> None:
        options = ExportOptions("Print", True, self.window)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        choice = options.choice()
        copy = snapshot(doc)
        self.task = run_with_progress(lambda task: build_drawing(copy, view, choice), "Preparing the printout",
                                      self.window, lambda diagram: self._print(copy, view, diagram, choice, preview),
                                      lambda message: self.failed.emit(f"The printout could not be made: {message}"))

    def _print(self, doc: CaseDocument, view: str, diagram: Diagram, choice: Choice, preview: bool) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

        from ..reports.printout import PrintoutError, check_audience

        try:
            check_audience(doc, diagram, choice.audience)
        except PrintoutError as exc:
            self.failed.emit(str(exc))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = QPageSize.PageSizeId.A3 if choice.paper == "a3" else QPageSize.PageSizeId.A4
        wide = diagram.bounds.width >= diagram.bounds.height
        printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Landscape if wide
                                          else QPageLayout.Orientation.Portrait, QMarginsF(12, 12, 12, 12),
                                          QPageLayout.Unit.Millimeter))
        printer.setDocName(f"{doc.info.name} - {VIEW_TITLES.get(view, view)}")
        sheet = Sheet(doc, view, diagram, choice.audience)
        if preview:
            dialog = QPrintPreviewDialog(printer, self.window)
            dialog.setWindowTitle(f"Print preview: {doc.info.name}")
            dialog.paintRequested.connect(sheet.print_on)
            dialog.exec()
        else:
            dialog = QPrintDialog(printer, self.window)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                sheet.print_on(printer)
                self.done.emit("Sent to the printer")


class Sheet:
    """One printed page: header, the drawing (with its legend) scaled to fit, footer."""

    def __init__(self, doc: CaseDocument, view: str, diagram: Diagram, audience: Audience) -> None:
        from ..reports.pages import MARKING, long_date

        info = doc.info
        what = VIEW_TITLES.get(view, view)
        words = {Audience.CASE_FILE: "case file", Audience.PROFESSIONAL: "professional copy",
                 Audience.FAMILY: "family copy", Audience.CHILD: "child's copy"}[audience]
        self.header_left = info.reference or info.name
        self.header_right = f"{info.name}: {what} ({words})"
        self.footer = (MARKING, "Page 1 of 1",
                       f"Printed {long_date(dt.date.today())}" + (f" by {info.author}" if info.author else ""))
        self.diagram = diagram

    def print_on(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            self.paint(painter, QRectF(printer.pageLayout().paintRectPixels(printer.resolution())),
                       printer.resolution() / 72.0)
        finally:
            painter.end()

    def paint(self, painter: QPainter, page: QRectF, pixels_per_point: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = page.translated(-page.topLeft())  # the painter's origin is the printable area's corner
        font = QFont(font_family())
        font.setPixelSize(max(1, round(8.5 * pixels_per_point)))
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(page.left(), page.top(), page.width(), line), Qt.AlignmentFlag.AlignLeft,
                         self.header_left)
        painter.drawText(QRectF(page.left(), page.top(), page.width(), line), Qt.AlignmentFlag.AlignRight,
                         self.header_right)
        bottom = QRectF(page.left(), page.bottom() - line, page.width(), line)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, self.footer[0])
        painter.setFont(font)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter, self.footer[1])
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, self.footer[2])
        body = page.adjusted(0, line * 1.8, 0, -line * 1.8)
        whole = self.diagram.with_legend_placed(body.width() / max(body.height(), 1.0))
        b = whole.bounds
        scale = min(body.width() / b.width, body.height() / b.height, 1.5 * pixels_per_point)
        painter.save()
        painter.translate(body.center().x() - b.width * scale / 2, body.center().y() - b.height * scale / 2)
        painter.scale(scale, scale)
        painter.translate(-b.x0, -b.y0)
        paint_diagram(painter, whole)
        painter.restore()


def _file_name(name: str) -> str:
    """A case name as a file name on any system."""
    kept = "".join(c if c.isalnum() or c in " -_" else "-" for c in name).strip(" -")
    return kept or "case"
