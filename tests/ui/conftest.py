"""Fixtures for the desktop tests: the offscreen Qt platform, a real SQLite library in a temporary
folder, settings in a throw-away INI file, and the main window on them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import: tests never need a display

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from circles_desktop.store.library import Library  # noqa: E402
from circles_desktop.ui.settings import Settings  # noqa: E402

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.ui)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    lib = Library.open(str(db_path), user="tester")
    yield lib
    lib.close()


@pytest.fixture
def settings(qapp: QApplication, tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, library: Library, settings: Settings):  # type: ignore[no-untyped-def]
    from circles_desktop.ui.main_window import MainWindow

    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close_case()


@pytest.fixture
def when_modal() -> Callable[[Callable[[QWidget], None]], None]:
    """Run an action on the next modal dialog or popup menu once it shows: the real dialog, driven
    as a user would drive it."""
    return _when_modal


def _when_modal(action: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if widget is not None and widget.isVisible():
            action(widget)
        elif waited[0] < timeout_ms:
            waited[0] += 20
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
