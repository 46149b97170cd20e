"""The overview never keeps part of the drawing out of sight: the canvas can scroll the corner it
covers clear of it, keyboard moves stop clear of it, and it can be hidden, which is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt

from circles_desktop.demo_cases import BLENDED, ZAIN, demo_cases
from circles_desktop.layout.sample_families import random_tree
from circles_desktop.ui.canvas import OVERVIEW_MARGIN
from circles_desktop.ui.main_window import MainWindow


def _open(qtbot, window, library, name: str, key: str):  # type: ignore[no-untyped-def]
    doc = next(d for d in demo_cases() if d.info.name == name)
    case_id = library.add_document(doc)
    window.refresh_cases()
    assert window.open_case(case_id)
    window.frame.show_view(key)
    view = window.frame.current_view()
    qtbot.waitUntil(lambda: view.diagram_scene.diagram is not None and len(view.diagram_scene.nodes) > 5)
    qtbot.wait(20)  # the first fit to the window
    return view


def _drawing(view) -> QRectF:  # type: ignore[no-untyped-def]
    b = view.diagram_scene.diagram.bounds
    return QRectF(b.x0, b.y0, b.width, b.height)


def _covered(view) -> list[str]:  # type: ignore[no-untyped-def]
    """The symbols and lines the overview hides now."""
    scene = view.diagram_scene
    items = {**scene.nodes, **scene.links}
    return [key for key, item in items.items() if view.covered_by_overview(item.sceneBoundingRect())]


def _to_bottom_right(view) -> None:  # type: ignore[no-untyped-def]
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())


@pytest.mark.parametrize("name", [ZAIN, BLENDED])
@pytest.mark.parametrize("key", ["genogram", "ecomap", "circles"])
def test_the_overview_is_clear_of_the_drawing_after_fit_and_in_the_corner(qtbot, window, library, name, key) -> None:  # type: ignore[no-untyped-def]
    view = _open(qtbot, window, library, name, key)
    view.zoom_fit()
    assert not _covered(view)  # fitted: the overview is not needed, or clear of the drawing
    for step in (1.05, 1.3, 1.8, 3.0):  # just past the window, and well past it
        view.zoom_fit()
        view.zoom_by(step)
        if view.overview.isVisible():
            _to_bottom_right(view)
            assert not _covered(view), (step, view.zoom)


def _big_tree_zoomed_out(qtbot, window, library):  # type: ignore[no-untyped-def]
    """An 80-person tree (about as tall as wide) on a canvas about as tall as wide, zoomed out so
    that the scene's own margin round the drawing (400 points) is fewer pixels than the overview is
    wide and tall: only the room the canvas makes reaches past it."""
    window.resize(1280, 680)
    case_id = library.add_document(random_tree(80, seed=5))
    window.refresh_cases()
    assert window.open_case(case_id)
    view = window.frame.current_view()
    qtbot.waitUntil(lambda: view.diagram_scene.diagram is not None and len(view.diagram_scene.nodes) > 60)
    qtbot.wait(20)
    view.zoom_fit()
    drawing, viewport, box = _drawing(view), view.viewport().size(), view.overview.size()
    bigger_than_window = max(viewport.width() / drawing.width(), viewport.height() / drawing.height())
    margin_too_small = (min(box.width(), box.height()) + OVERVIEW_MARGIN) / 400
    assert bigger_than_window < margin_too_small  # the case this test is about can happen here
    view.zoom_by((bigger_than_window + margin_too_small) / 2 / view.scale_factor)
    assert view.overview.isVisible()
    return view


def test_the_covered_corner_can_be_scrolled_clear_zoomed_out(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    view = _big_tree_zoomed_out(qtbot, window, library)
    _to_bottom_right(view)
    assert not view.covered_by_overview(_drawing(view))
    assert not _covered(view)
    window.actions["dock.overview"].trigger()  # hidden: the canvas scrolls as far as the scene reaches again
    assert view.sceneRect() == view.diagram_scene.sceneRect()
    window.actions["dock.overview"].trigger()


def test_the_overview_keeps_to_a_third_of_a_small_canvas(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    view = _big_tree_zoomed_out(qtbot, window, library)
    for width, height in ((1280, 600), (900, 500), (760, 420)):
        window.resize(width, height)
        qtbot.wait(10)
        if view.overview.isVisible():
            viewport = view.viewport().geometry()
            box = view.overview.geometry()
            assert box.width() <= max(viewport.width() // 3, 60) + 8 and box.height() <= max(viewport.height() // 3, 60) + 8
            assert viewport.contains(box)


def test_moving_to_a_symbol_by_keyboard_stops_clear_of_the_overview(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    view = _big_tree_zoomed_out(qtbot, window, library)
    nodes = view.diagram_scene.nodes
    for node_id in sorted(nodes, key=lambda n: (-nodes[n].centre[1], -nodes[n].centre[0]))[:25]:  # bottom right first
        item = nodes[node_id]
        view.ensureVisible(item, 60, 60)  # what the arrow keys do when the selection moves
        assert not view.covered_by_overview(item.sceneBoundingRect()), node_id
        view.ensureVisible(item.sceneBoundingRect(), 10, 10)
        assert not view.covered_by_overview(item.sceneBoundingRect()), node_id


def test_arrow_keys_never_leave_the_selection_under_the_overview(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    view = _open(qtbot, window, library, BLENDED, "genogram")
    view.zoom_fit()
    view.zoom_by(2.5)
    scene = view.diagram_scene
    window.editor.select([next(iter(scene.nodes))])
    view.setFocus()
    for key in [Qt.Key.Key_Right] * 12 + [Qt.Key.Key_Down] * 4 + [Qt.Key.Key_Right] * 12:
        qtbot.keyClick(view, key)
        [chosen] = window.editor.selection
        assert not view.covered_by_overview(scene.nodes[chosen].sceneBoundingRect())


def test_hiding_the_overview_is_remembered(qtbot, window, library, settings) -> None:  # type: ignore[no-untyped-def]
    view = _open(qtbot, window, library, BLENDED, "genogram")
    view.zoom_fit()
    view.zoom_by(2.0)
    assert view.overview.isVisible()
    qtbot.mouseClick(view.overview.close_button, Qt.MouseButton.LeftButton)  # its own close button
    action = window.actions["dock.overview"]
    assert not action.isChecked()
    assert not any(v.overview.isVisible() for v in window.frame.views() if hasattr(v.overview, "isVisible"))
    assert not settings.overview_shown

    again = MainWindow(library, settings)  # the next start
    qtbot.addWidget(again)
    assert not again.actions["dock.overview"].isChecked()
    again.actions["dock.overview"].trigger()  # View > Overview
    assert settings.overview_shown
    again.close()
    action.trigger()
    assert view.overview.isVisible()
