"""The composition root of the desktop application: `circles-desktop`.

It reads the command line and the settings, opens the library, adds the demo cases on the first
run, and shows the main window. Nothing else in the program creates the QApplication or decides
which database to use. Heavy modules (ReportLab, the demo cases, the views) are imported only when
needed, so the window appears quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .store.library import Library
    from .ui.main_window import MainWindow
    from .ui.settings import Settings

ENV_VAR = "CIRCLES_DB"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="circles-desktop", description="Map a child's circles of support.")
    parser.add_argument("--db", metavar="URL", help="library database: a SQLite file or a database URL "
                        f"(default: ${ENV_VAR}, then the last one used, then the library in your data folder)")
    parser.add_argument("--open", metavar="CASE", help="open this case (an id or a name) at start")
    parser.add_argument("--settings", metavar="FILE", help=argparse.SUPPRESS)  # an INI file instead of QSettings
    parser.add_argument("--snapshot", metavar="PNG", help=argparse.SUPPRESS)  # save the first frame, then quit
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


@dataclass
class Running:
    """The pieces of a started application, for :func:`main` and for tools that drive it."""

    app: QApplication
    window: MainWindow
    library: Library
    args: argparse.Namespace
    started: float


def start(argv: Sequence[str]) -> Running | int:
    """Create the application and its window, open the library and the first case; an exit status
    (2) when the library cannot be opened."""
    started = time.perf_counter()
    args = parse_args(list(argv)[1:])

    # The store (SQLAlchemy, networkx) is imported before Qt: once PySide6 is loaded it inspects the
    # source of every module imported after it, which made start-up about 0.4 s slower.
    from .store.errors import CaseNotFound, StoreError
    from .store.library import Library

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName("Circles")
    app.setApplicationName("Circles Desktop")
    app.setApplicationDisplayName("Circles")

    from .ui.settings import Settings

    settings = Settings(QSettings(args.settings, QSettings.Format.IniFormat) if args.settings else None)
    url = args.db or os.environ.get(ENV_VAR) or settings.database_url

    try:
        library = Library.open(url)
    except StoreError as exc:
        QMessageBox.critical(None, "Circles", f"The case library could not be opened:\n\n{exc}")
        print(f"circles-desktop: {exc}", file=sys.stderr)
        return 2

    opening = _first_run(library, settings, url)

    from .ui.main_window import MainWindow

    window = MainWindow(library, settings, library_url=url)
    if args.open:
        try:
            opening = library.find_case(args.open).id
        except CaseNotFound as exc:
            print(f"circles-desktop: {exc}", file=sys.stderr)
    known = {s.id for s in library.list_cases()}
    recent = [c for c in settings.recent_cases() if c in known]
    opening = opening or (recent[0] if recent else None)
    if opening:
        window.open_case(opening)
    return Running(app, window, library, args, started)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    """The `circles-desktop` entry point."""
    running = start(sys.argv if argv is None else argv)
    if isinstance(running, int):
        return running
    if running.args.snapshot or running.args.quit_after_paint:
        _quit_after_first_frame(running.window, running.args.snapshot, running.started)
    running.window.show()
    status = running.app.exec()
    running.window.library.close()
    return status


def _first_run(library: Library, settings: Settings, url: str | None) -> str | None:
    """On a new, empty local library add the demo cases once; return the case to open first.

    Never on a team server: a practitioner who sees no cases there may simply have none in their
    teams yet, and fictional cases do not belong in a council's shared database.
    """
    from .store.engine import resolve_url, sqlite_path

    if library.restricted or sqlite_path(resolve_url(url)) is None:
        return None
    key = f"library/demo_added/{url or 'default'}"
    if library.list_cases() or settings.store.value(key, False, bool):
        return None
    from .demo_cases import ZAIN, demo_cases

    added = {doc.info.name: library.add_document(doc) for doc in demo_cases()}
    settings.store.setValue(key, True)
    return added.get(ZAIN) or next(iter(added.values()), None)


def _quit_after_first_frame(window: MainWindow, snapshot: str | None, started: float) -> None:
    """For screenshots and the start-up benchmark: wait for the case to be painted, then quit."""
    from PySide6.QtWidgets import QApplication

    def done() -> None:
        elapsed = time.perf_counter() - started
        if snapshot:
            Path(snapshot).parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(snapshot)
        print(f"first-paint {elapsed:.3f}", flush=True)
        QApplication.quit()

    window.first_painted.connect(done)


if __name__ == "__main__":
    sys.exit(main())
