"""Import a case file (GEDCOM, JSON case file, GraphML, .circles) as a new case, off the UI thread.

Reading and checking the file and storing the new case both run on a worker with a progress dialog,
so a big family tree never freezes the window; the reader is the one the `circles import` command
uses, so the GUI and the command accept and refuse exactly the same files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from .workers import Task, run_with_progress

if TYPE_CHECKING:
    from ..store.library import Library
    from .settings import Settings

FILTER = "Case files (*.ged *.json *.graphml *.circles);;GEDCOM family trees (*.ged);;" \
         "Circles case files (*.json *.circles);;GraphML (*.graphml);;All files (*)"


class Importer(QObject):
    """The window's Import command."""

    imported = Signal(str, list)  # the new case's id, the problems worth reporting
    failed = Signal(str)

    def __init__(self, parent: QWidget, settings: Settings) -> None:
        super().__init__(parent)
        self.window = parent
        self.settings = settings
        self.task: Task | None = None

    def choose_and_import(self, library: Library) -> None:
        folder = str(self.settings.store.value("import/folder", str(Path.home())))
        path, _filter = QFileDialog.getOpenFileName(self.window, "Import a case", folder, FILTER)
        if path:
            self.settings.store.setValue("import/folder", str(Path(path).parent))
            self.import_file(library, Path(path))

    def import_file(self, library: Library, path: Path) -> Task:
        def work(task: Task) -> tuple[str, list[str]] | None:
            from ..case_import import read_case  # the command line's reader too

            task.report(5, f"Reading {path.name}…")
            doc, problems = read_case(path)
            if task.cancelled():
                return None
            task.report(60, f"Saving {doc.info.name} ({len(doc.people()):,} people)…")
            return library.add_document(doc), problems

        def done(result: tuple[str, list[str]] | None) -> None:
            if result is not None:
                self.imported.emit(*result)

        self.task = run_with_progress(work, "Importing", self.window, done,
                                      lambda message: self.failed.emit(f"The import failed: {message}"))
        return self.task
