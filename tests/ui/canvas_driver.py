"""Driving the drawn tabs (genogram, ecomap, circles) as a practitioner does, for their tests.

The ``canvas`` fixture of conftest clicks and drags; these show a tab, read the case back through a
second connection, and open and walk the right-click menus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from circles_desktop.store.library import Library


def show_tab(qtbot, window, canvas, key: str):  # type: ignore[no-untyped-def]
    """The ``canvas`` driver of conftest, on the ``key`` tab once its network is drawn."""
    window.frame.show_view(key)
    view = window.frame.current_view()
    assert view.view_key == key
    qtbot.waitUntil(lambda: view.diagram_scene.network is not None and len(view.diagram_scene.nodes) > 5)
    qtbot.wait(20)  # the first fit to the window
    canvas.view = view
    return canvas


def reopened(library: Library, window):  # type: ignore[no-untyped-def]
    """The case as the database has it, read through a second connection."""
    other = Library.open(str(library._engine.url.database))  # noqa: SLF001 -- the same file, a new engine
    try:
        return other.open_case(window.editor.doc.case_id)
    finally:
        other.close()


def pick(qtbot, menu, *names: str) -> None:  # type: ignore[no-untyped-def]
    """Walk an open menu by keyboard to the item named last, through the submenus named before it
    (names are object names), and press Return on it: as a practitioner does with the arrow keys."""
    from PySide6.QtWidgets import QApplication

    for depth, name in enumerate(names):
        action = next(a for a in menu.actions()
                      if a.objectName() == name or (a.menu() is not None and a.menu().objectName() == name))
        menu.setActiveAction(action)
        if depth < len(names) - 1:
            qtbot.keyClick(menu, Qt.Key.Key_Right)
            submenu = action.menu()
            qtbot.waitUntil(lambda m=submenu: QApplication.activePopupWidget() is m)
            menu = submenu
        else:
            qtbot.keyClick(menu, Qt.Key.Key_Return)


def context_menu(view, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """Right-click at ``pos`` on the canvas, or press the Menu key (``pos`` None) on the selection."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    viewport = view.viewport()
    reason = QContextMenuEvent.Reason.Keyboard if pos is None else QContextMenuEvent.Reason.Mouse
    pos = viewport.rect().center() if pos is None else pos
    event = QContextMenuEvent(reason, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)


def menu_texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in menu.actions() if not a.isSeparator()]
