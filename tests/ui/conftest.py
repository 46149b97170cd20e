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


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: QApplication) -> Iterator[None]:
    """The offscreen platform crashes at exit when the clipboard still holds data (PySide6 6.11.3;
    not on xcb), so every test leaves it empty."""
    yield
    qapp.clipboard().clear()


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


def _when_modal(action: Callable[[QWidget], None], timeout_ms: int = 5000, kind: type = QWidget) -> None:
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        elif waited[0] < timeout_ms:
            waited[0] += 20
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


@pytest.fixture
def zain(qtbot, window, library: Library):  # type: ignore[no-untyped-def]
    """The main window with the demo Zain family open and drawn."""
    from circles_desktop.demo_cases import demo_cases

    zain_doc = demo_cases()[0]
    case_id = library.add_document(zain_doc)
    window.refresh_cases()
    assert window.open_case(case_id)
    view = window.frame.current_view()
    qtbot.waitUntil(lambda: view.diagram_scene.diagram is not None and len(view.diagram_scene.nodes) > 5)
    qtbot.wait(10)  # the first fit to the window
    return window


class CanvasDriver:
    """Real mouse and keyboard input on a canvas view, in scene coordinates."""

    def __init__(self, qtbot, view) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.view = view

    @property
    def viewport(self) -> QWidget:
        return self.view.viewport()

    def at_node(self, node_id: str):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QPointF

        item = self.view.diagram_scene.nodes[node_id]
        self.view.ensureVisible(item, 20, 20)
        return self.view.mapFromScene(QPointF(*item.centre))

    def at(self, x: float, y: float):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QPointF

        return self.view.mapFromScene(QPointF(x, y))

    def click(self, pos, modifiers=None) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        self.qtbot.mouseClick(self.viewport, Qt.MouseButton.LeftButton,
                              modifiers or Qt.KeyboardModifier.NoModifier, pos)

    def double_click(self, pos) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        self.qtbot.mouseDClick(self.viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)

    def drag(self, start, end, steps: int = 8, modifiers=None) -> None:  # type: ignore[no-untyped-def]
        """Press, move in steps with the button held, release: as a hand on a mouse does."""
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        mods = modifiers or Qt.KeyboardModifier.NoModifier
        button = Qt.MouseButton.LeftButton
        self.qtbot.mousePress(self.viewport, button, mods, start)
        for i in range(1, steps + 1):
            p = start + (end - start) * i / steps
            point = QPointF(QPoint(round(p.x()), round(p.y())))
            event = QMouseEvent(QMouseEvent.Type.MouseMove, point, self.viewport.mapToGlobal(point),
                                Qt.MouseButton.NoButton, button, mods)
            QApplication.sendEvent(self.viewport, event)
        self.qtbot.mouseRelease(self.viewport, button, mods, end)

    def key(self, key, modifiers=None) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        self.view.setFocus()
        self.qtbot.keyClick(self.view, key, modifiers or Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def canvas(qtbot, zain):  # type: ignore[no-untyped-def]
    return CanvasDriver(qtbot, zain.frame.current_view())
