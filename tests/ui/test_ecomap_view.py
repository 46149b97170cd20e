"""Real drags, clicks and keys on the Ecomap tab, checked against the document and the database."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import EcomapTie, Person, Service, TieStrength
from circles_desktop.layout.diagram import Text
from circles_desktop.store.library import Library

NIKITA, JULIAN, SONIA, CAMHS, HOME = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "sonia", "camhs",
                                                                      "zain-home"))
CTRL = Qt.KeyboardModifier.ControlModifier


def _ecomap(qtbot, window, canvas):  # type: ignore[no-untyped-def]
    """The ``canvas`` driver of conftest, on the Ecomap tab."""
    window.frame.show_view("ecomap")
    view = window.frame.current_view()
    assert view.view_key == "ecomap"
    qtbot.waitUntil(lambda: view.diagram_scene.network is not None and len(view.diagram_scene.nodes) > 5)
    canvas.view = view
    return canvas


def _reopened(library: Library, window):  # type: ignore[no-untyped-def]
    other = Library.open(str(library._engine.url.database))
    try:
        return other.open_case(window.editor.doc.case_id)
    finally:
        other.close()


def _empty_spot(scene) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """A point just outside the orbit with no circle or line on it."""
    reach = max(math.hypot(*c.centre) + c.radius for c in scene.network.circles.values())
    for k in range(36):
        angle = k * math.tau / 36
        point = ((reach + 30) * math.cos(angle), (reach + 30) * math.sin(angle))
        if scene.node_at(QPointF(*point)) is None and scene.connector_at(QPointF(*point)) is None:
            return point
    raise AssertionError("no empty spot around the ecomap")


def test_the_ecomap_tab_draws_every_tie(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _ecomap(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    ties = doc.ecomap_ties()
    assert {t.id for t in ties} <= set(scene.links)
    assert {t.target for t in ties} <= set(scene.nodes)
    assert {t.text for t in scene.backdrop.drawing if isinstance(t, Text)} >= {"Family", "Professionals"}
    assert canvas.view.drawing().legend is not None


def test_dragging_a_circle_is_one_undo_step_and_is_saved(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = _ecomap(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    x, y = scene.nodes[SONIA].centre
    start = canvas.at_node(SONIA)
    scale = canvas.view.scale_factor
    canvas.drag(start, start + QPoint(round(40 * scale), round(-25 * scale)), steps=10)
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Move Sonia D'Souza"
    moved = zain.editor.doc.node(SONIA).positions["ecomap"]
    assert abs(moved[0] - (x + 40)) < 2 and abs(moved[1] - (y - 25)) < 2
    assert _reopened(library, zain).node(SONIA).positions["ecomap"] == moved
    qtbot.waitUntil(lambda: scene.network.circles[SONIA].hand_placed)
    zain.actions["edit.undo"].trigger()
    assert "ecomap" not in zain.editor.doc.node(SONIA).positions
    qtbot.waitUntil(lambda: math.dist(scene.nodes[SONIA].centre, (x, y)) < 0.01)


def test_the_household_in_the_centre_stays_put(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _ecomap(qtbot, zain, canvas)
    assert canvas.view.diagram_scene.network.household_id == HOME
    start = canvas.at_node(NIKITA)
    canvas.drag(start, start + QPoint(90, 60), steps=8)
    assert zain.editor.undo_stack.count() == 0
    assert "ecomap" not in zain.editor.doc.node(NIKITA).positions


def test_double_click_adds_a_person_tied_to_the_centre_in_one_step(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _ecomap(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    before = {n.id for n in doc.nodes()}
    spot = _empty_spot(scene)
    # With the properties panel open, the new person's name field takes the focus; undoing them
    # while it has it is the panel's own business (and its own tests'), not this view's.
    zain.properties_dock.hide()
    canvas.double_click(canvas.at(*spot))
    [new] = [n for n in doc.nodes() if n.id not in before]
    assert isinstance(new, Person)
    [tie] = [r for r in doc.relationships_of(new.id) if isinstance(r, EcomapTie)]
    assert (tie.source, tie.target) == (HOME, new.id)
    assert abs(new.positions["ecomap"][0] - spot[0]) < 2 and abs(new.positions["ecomap"][1] - spot[1]) < 2
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Add person to the ecomap"
    qtbot.waitUntil(lambda: new.id in scene.nodes and tie.id in scene.links)
    zain.actions["edit.undo"].trigger()
    assert not doc.has_node(new.id) and not doc.has_relationship(tie.id)


def test_a_service_added_from_the_toolbar_joins_the_ecomap(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _ecomap(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    zain.actions["add.service"].trigger()
    [new] = [s for s in doc.services() if s.name == "New service"]
    assert isinstance(new, Service)
    assert any(isinstance(r, EcomapTie) and r.target == new.id for r in doc.relationships_of(new.id))
    qtbot.waitUntil(lambda: new.id in scene.nodes)


def test_draw_a_tie_by_dragging_and_choosing_its_strength(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    canvas = _ecomap(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    assert not any(isinstance(r, EcomapTie) for r in doc.relationships_between(JULIAN, CAMHS))

    def choose_strong(menu) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(menu, Qt.Key.Key_T)  # the "Ecomap &tie" submenu
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return)  # its first kind: Strong

    canvas.key(Qt.Key.Key_L, CTRL)
    assert zain.actions["mode.link"].isChecked()
    when_modal(choose_strong)
    canvas.drag(canvas.at_node(JULIAN), canvas.at_node(CAMHS), steps=10)
    [tie] = [r for r in doc.relationships_between(JULIAN, CAMHS) if isinstance(r, EcomapTie)]
    assert (tie.source, tie.target, tie.strength) == (JULIAN, CAMHS, TieStrength.STRONG)
    qtbot.waitUntil(lambda: tie.id in scene.links)
    link = next(item for item in scene.diagram.items if item.rel_id == tie.id and item.part == "tie")
    assert link.stroke.width == max(i.stroke.width for i in scene.diagram.items if i.part == "tie")
    canvas.key(Qt.Key.Key_Escape)
    assert not zain.actions["mode.link"].isChecked()
