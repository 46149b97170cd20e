"""Real drags, clicks and keys on the Ecomap tab, checked against the document and the database."""

from __future__ import annotations

import math

from canvas_driver import context_menu, menu_texts, pick, reopened, show_tab
from PySide6.QtCore import QPoint, QPointF, Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import EcomapTie, Flow, Person, Service, TieStrength
from circles_desktop.layout.diagram import Text

NIKITA, JULIAN, SONIA, LEAH, CAMHS, HOME = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "sonia", "leah",
                                                                            "camhs", "zain-home"))
CTRL = Qt.KeyboardModifier.ControlModifier


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
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    ties = doc.ecomap_ties()
    assert {t.id for t in ties} <= set(scene.links)
    assert {t.target for t in ties} <= set(scene.nodes)
    assert {t.text for t in scene.backdrop.drawing if isinstance(t, Text)} >= {"Family", "Professionals"}
    assert canvas.view.drawing().legend is not None


def test_dragging_a_circle_is_one_undo_step_and_is_saved(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    x, y = scene.nodes[SONIA].centre
    start = canvas.at_node(SONIA)
    scale = canvas.view.scale_factor
    canvas.drag(start, start + QPoint(round(40 * scale), round(-25 * scale)), steps=10)
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Move Sonia D'Souza"
    moved = zain.editor.doc.node(SONIA).positions["ecomap"]
    assert abs(moved[0] - (x + 40)) < 2 and abs(moved[1] - (y - 25)) < 2
    assert reopened(library, zain).node(SONIA).positions["ecomap"] == moved
    qtbot.waitUntil(lambda: scene.network.circles[SONIA].hand_placed)
    zain.actions["edit.undo"].trigger()
    assert "ecomap" not in zain.editor.doc.node(SONIA).positions
    qtbot.waitUntil(lambda: math.dist(scene.nodes[SONIA].centre, (x, y)) < 0.01)


def test_the_household_in_the_centre_stays_put(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    assert canvas.view.diagram_scene.network.household_id == HOME
    start = canvas.at_node(NIKITA)
    canvas.drag(start, start + QPoint(90, 60), steps=8)
    assert zain.editor.undo_stack.count() == 0
    assert "ecomap" not in zain.editor.doc.node(NIKITA).positions


def test_double_click_adds_a_person_tied_to_the_centre_in_one_step(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
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
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    zain.actions["add.service"].trigger()
    [new] = [s for s in doc.services() if s.name == "New service"]
    assert isinstance(new, Service)
    assert any(isinstance(r, EcomapTie) and r.target == new.id for r in doc.relationships_of(new.id))
    qtbot.waitUntil(lambda: new.id in scene.nodes)


def test_in_linking_mode_a_tie_between_any_two_circles_uses_the_tie_menu(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    assert not any(isinstance(r, EcomapTie) for r in doc.relationships_between(SONIA, CAMHS))
    canvas.key(Qt.Key.Key_L, CTRL)
    assert zain.actions["mode.link"].isChecked()
    # From the service to the aunt: the tie still runs from the person to the service.
    when_modal(lambda menu: qtbot.keyClick(menu, Qt.Key.Key_S))  # "&Strong"
    canvas.drag(canvas.at_node(CAMHS), canvas.at_node(SONIA), steps=10)
    [tie] = [r for r in doc.relationships_between(SONIA, CAMHS) if isinstance(r, EcomapTie)]
    assert (tie.source, tie.target, tie.strength) == (SONIA, CAMHS, TieStrength.STRONG)
    assert zain.editor.undo_stack.count() == 1 and zain.editor.selection == (tie.id,)
    qtbot.waitUntil(lambda: tie.id in scene.links)
    link = next(item for item in scene.diagram.items if item.rel_id == tie.id and item.part == "tie")
    assert link.stroke.width == max(i.stroke.width for i in scene.diagram.items if i.part == "tie")
    canvas.key(Qt.Key.Key_Escape)
    assert not zain.actions["mode.link"].isChecked()


# ----- helpers for menus and lines -----------------------------------------------------------------------


def on_line(canvas, rel_id: str) -> QPoint:  # type: ignore[no-untyped-def]
    """A point on the middle of a tie's line, in view coordinates."""
    scene = canvas.view.diagram_scene
    line = next(item for item in scene.diagram.items if item.rel_id == rel_id and item.part == "tie")
    (x0, y0), (x1, y1) = line.points[0], line.points[-1]
    middle = ((x0 + x1) / 2, (y0 + y1) / 2)
    canvas.view.ensureVisible(*middle, 1, 1)
    return canvas.at(*middle)


def tie_to(doc, target: str) -> EcomapTie:  # type: ignore[no-untyped-def]
    [tie] = [r for r in doc.relationships_of(target) if isinstance(r, EcomapTie)]
    return tie


# ----- adding: one gesture, one undo step -------------------------------------------------------------


def test_add_person_from_the_toolbar_comes_with_its_tie_in_one_undo_step(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    zain.properties_dock.hide()  # the name field would take the keyboard (its own tests cover that)
    before = {n.id for n in doc.nodes()}
    canvas.key(Qt.Key.Key_Insert)
    [new] = [n for n in doc.nodes() if n.id not in before]
    tie = tie_to(doc, new.id)
    assert tie.source == HOME
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Add person to the ecomap"
    stored = reopened(library, zain)
    assert stored.has_node(new.id) and stored.has_relationship(tie.id)
    qtbot.waitUntil(lambda: new.id in scene.nodes and tie.id in scene.links)
    assert zain.editor.selection == (new.id,)
    zain.actions["edit.undo"].trigger()
    assert not doc.has_node(new.id) and not doc.has_relationship(tie.id)
    stored = reopened(library, zain)
    assert not stored.has_node(new.id) and not stored.has_relationship(tie.id)
    zain.actions["edit.redo"].trigger()
    assert doc.has_node(new.id) and doc.has_relationship(tie.id)
    qtbot.waitUntil(lambda: new.id in scene.nodes)


def test_a_relative_added_on_the_ecomap_is_tied_in_the_same_step(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    doc = zain.editor.doc
    zain.properties_dock.hide()
    canvas.click(canvas.at_node(SONIA))
    canvas.key(Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)  # add partner
    [new_id] = zain.editor.selection
    assert tie_to(doc, new_id).source == HOME
    assert zain.editor.undo_stack.count() == 1 and zain.editor.undo_stack.text(0) == "Add partner to the ecomap"


def test_add_service_here_from_the_context_menu(qtbot, zain, canvas, when_modal, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    zain.properties_dock.hide()
    spot = _empty_spot(scene)
    before = {s.id for s in doc.services()}
    when_modal(lambda menu: pick(qtbot, menu, "add_service_here"))
    context_menu(canvas.view, canvas.at(*spot))
    [new] = [s for s in doc.services() if s.id not in before]
    assert math.dist(new.positions["ecomap"], spot) < 2
    assert tie_to(doc, new.id).source == HOME
    assert zain.editor.undo_stack.count() == 1
    assert reopened(library, zain).has_node(new.id)
    qtbot.waitUntil(lambda: new.id in scene.nodes)


# ----- drawing a tie out of the centre -----------------------------------------------------------------


def test_drag_out_of_the_centre_draws_a_tie_with_strength_stress_and_flow(qtbot, zain, canvas, when_modal, library) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.ui.modes import SelectMode

    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    assert not any(isinstance(r, EcomapTie) for r in doc.relationships_between(JULIAN, CAMHS))
    seen: list[list[str]] = []

    def choose(menu) -> None:  # type: ignore[no-untyped-def]
        seen.append(menu_texts(menu))
        qtbot.keyClick(menu, Qt.Key.Key_R)  # "St&ressful": ticked, the menu stays open
        qtbot.keyClick(menu, Qt.Key.Key_F)  # "Energy flows &from ...": chosen, still open
        assert menu.isVisible()
        qtbot.keyClick(menu, Qt.Key.Key_M)  # "&Moderate": makes the tie

    when_modal(choose)
    canvas.drag(canvas.at_node(JULIAN), canvas.at_node(CAMHS), steps=10)  # Julian is inside the centre
    assert seen and seen[0][0] == "Tie from Julian Zain to Eastbridge CAMHS"
    [tie] = [r for r in doc.relationships_between(JULIAN, CAMHS) if isinstance(r, EcomapTie)]
    assert (tie.source, tie.strength, tie.stressful, tie.flow) == (JULIAN, TieStrength.MODERATE, True,
                                                                    Flow.FROM_TARGET)
    assert zain.editor.undo_stack.count() == 1 and zain.editor.undo_stack.text(0) == "Add ecomap tie"
    assert isinstance(scene.mode, SelectMode)  # the gesture is over: back to selecting and moving
    assert "ecomap" not in doc.node(JULIAN).positions  # the centre did not move
    assert reopened(library, zain).relationship(tie.id) == tie
    qtbot.waitUntil(lambda: tie.id in scene.links)
    assert any(i.rel_id == tie.id and i.part == "hatch" for i in scene.diagram.items)


def test_drag_from_the_household_circle_ties_the_household_by_mouse_clicks(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    radius = scene.network.centre_radius
    inside = next(p for p in ((0.0, radius * 0.85), (0.0, -radius * 0.85), (radius * 0.85, 0.0))
                  if scene.node_at(QPointF(*p)) is None and scene.connector_at(QPointF(*p)) is None)

    def click_through(menu) -> None:  # type: ignore[no-untyped-def]
        stressful = next(a for a in menu.actions() if a.objectName() == "option.stressful")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(stressful).center())
        assert menu.isVisible() and stressful.isChecked()
        tenuous = next(a for a in menu.actions() if a.objectName() == "strength.tenuous")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(tenuous).center())

    when_modal(click_through)
    canvas.drag(canvas.at(*inside), canvas.at_node(SONIA), steps=10)
    [tie] = [r for r in doc.relationships_between(HOME, SONIA) if isinstance(r, EcomapTie)]
    assert (tie.strength, tie.stressful) == (TieStrength.TENUOUS, True)
    assert zain.editor.undo_stack.count() == 1


def test_a_click_in_the_centre_selects_and_a_dismissed_menu_adds_nothing(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    canvas.click(canvas.at_node(NIKITA))
    assert zain.editor.selection == (NIKITA,)
    when_modal(lambda menu: qtbot.keyClick(menu, Qt.Key.Key_Escape))
    canvas.drag(canvas.at_node(NIKITA), canvas.at_node(SONIA), steps=8)
    assert zain.editor.undo_stack.count() == 0
    # From the household's circle onto someone in it: no tie to ask about.
    scene = canvas.view.diagram_scene
    radius = scene.network.centre_radius
    inside = next(p for p in ((0.0, radius * 0.85), (0.0, -radius * 0.85), (radius * 0.85, 0.0))
                  if scene.node_at(QPointF(*p)) is None and scene.connector_at(QPointF(*p)) is None)
    menus: list[object] = []

    def close_any() -> None:  # once, not polling on into the next test's menus
        popup = QApplication.activePopupWidget()
        if popup is not None:
            menus.append(popup)
            popup.close()

    QTimer.singleShot(300, close_any)
    canvas.drag(canvas.at(*inside), canvas.at_node(NIKITA), steps=8)
    qtbot.wait(400)
    assert menus == [] and zain.editor.undo_stack.count() == 0


# ----- changing and deleting ties ------------------------------------------------------------------------


def test_click_a_tie_and_change_its_strength_in_the_properties_panel(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox

    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    doc = zain.editor.doc
    tie = tie_to(doc, SONIA)
    assert tie.strength is TieStrength.STRONG
    canvas.click(on_line(canvas, tie.id))
    assert zain.editor.selection == (tie.id,)
    assert zain.properties.title.text() == "Ecomap tie"
    combo = zain.properties.findChild(QComboBox, "field.strength")
    combo.setCurrentIndex([TieStrength(s) for s in TieStrength].index(TieStrength.TENUOUS))
    combo.activated.emit(combo.currentIndex())
    assert doc.relationship(tie.id).strength is TieStrength.TENUOUS
    assert zain.editor.undo_stack.count() == 1
    assert reopened(library, zain).relationship(tie.id).strength is TieStrength.TENUOUS


def test_right_click_a_tie_to_change_its_strength(qtbot, zain, canvas, when_modal, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    tie = tie_to(doc, SONIA)
    width = next(i for i in scene.diagram.items if i.rel_id == tie.id and i.part == "tie").stroke.width
    when_modal(lambda menu: pick(qtbot, menu, "field.strength", "strength.tenuous"))
    context_menu(canvas.view, on_line(canvas, tie.id))
    assert zain.editor.selection == (tie.id,)  # a right-click selects what it is on
    assert doc.relationship(tie.id).strength is TieStrength.TENUOUS
    assert zain.editor.undo_stack.count() == 1 and zain.editor.undo_stack.text(0) == "Change the tie between Nikita and Sonia: strength"
    assert reopened(library, zain).relationship(tie.id).strength is TieStrength.TENUOUS
    qtbot.waitUntil(lambda: next(i for i in scene.diagram.items
                                 if i.rel_id == tie.id and i.part == "tie").stroke.width < width)
    texts: list[str] = []

    def both_ways(menu) -> None:  # type: ignore[no-untyped-def]
        flows = next(a.menu() for a in menu.actions() if a.menu() is not None and a.menu().objectName() == "field.flow")
        texts.extend(a.text() for a in flows.actions())
        pick(qtbot, menu, "field.flow", "flow.both")

    when_modal(both_ways)
    context_menu(canvas.view, on_line(canvas, tie.id))
    assert "&Energy flows to Sonia D'Souza" in texts  # the far end by name, not "towards them"
    assert doc.relationship(tie.id).flow is Flow.BOTH
    assert zain.editor.undo_stack.text(1) == "Energy flows both ways"
    qtbot.waitUntil(lambda: next(i for i in scene.diagram.items
                                 if i.rel_id == tie.id and i.part == "tie").arrow_start)


def test_right_click_a_circle_marks_its_tie_stressful(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    doc = zain.editor.doc
    tie = tie_to(doc, SONIA)
    assert not tie.stressful
    texts: list[list[str]] = []

    def stressful(menu) -> None:  # type: ignore[no-untyped-def]
        texts.append(menu_texts(menu))
        pick(qtbot, menu, "field.stressful")

    when_modal(stressful)
    context_menu(canvas.view, canvas.at_node(SONIA))
    assert "Tie from Nikita Zain to Sonia D'Souza" in texts[0] and "&Delete\tDel" in texts[0]
    assert doc.relationship(tie.id).stressful
    assert zain.editor.undo_stack.text(0) == "Set “Stressful” for the tie between Nikita and Sonia"


def test_delete_a_tie_then_a_service_with_the_delete_key(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    tie = tie_to(doc, CAMHS)
    canvas.click(on_line(canvas, tie.id))
    canvas.key(Qt.Key.Key_Delete)
    assert not doc.has_relationship(tie.id) and doc.has_node(CAMHS)
    qtbot.waitUntil(lambda: CAMHS not in scene.nodes)  # untied: no longer on the ecomap
    zain.actions["edit.undo"].trigger()
    qtbot.waitUntil(lambda: CAMHS in scene.nodes)
    canvas.click(canvas.at_node(CAMHS))
    canvas.key(Qt.Key.Key_Delete)
    assert not doc.has_node(CAMHS) and not doc.has_relationship(tie.id)
    assert zain.editor.undo_stack.count() == 1  # the undone first delete is gone from the history
    stored = reopened(library, zain)
    assert not stored.has_node(CAMHS) and not stored.has_relationship(tie.id)
    zain.actions["edit.undo"].trigger()
    assert doc.relationship(tie.id) == tie


# ----- clipboard, keys, zoom ------------------------------------------------------------------------------


def test_copy_and_paste_a_service_puts_the_copy_on_the_ecomap(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    canvas.click(canvas.at_node(CAMHS))
    canvas.key(Qt.Key.Key_C, CTRL)
    canvas.key(Qt.Key.Key_V, CTRL)
    [copy] = zain.editor.selection
    assert copy != CAMHS and doc.node(copy).name == "Eastbridge CAMHS"
    assert tie_to(doc, copy).source == HOME
    assert zain.editor.undo_stack.count() == 1
    qtbot.waitUntil(lambda: copy in scene.nodes)


def test_arrow_keys_step_to_the_nearest_circle_that_way_and_ctrl_arrows_nudge(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    canvas.click(canvas.at_node(SONIA))
    sonia = scene.nodes[SONIA].centre
    canvas.key(Qt.Key.Key_Down)
    [below] = zain.editor.selection
    assert below != SONIA and scene.nodes[below].centre[1] > sonia[1]
    canvas.click(canvas.at_node(SONIA))
    canvas.key(Qt.Key.Key_Left, CTRL)
    canvas.key(Qt.Key.Key_Left, CTRL)
    x, y = zain.editor.doc.node(SONIA).positions["ecomap"]
    assert (round(x - sonia[0]), round(y - sonia[1])) == (-20, 0)
    assert zain.editor.undo_stack.count() == 1  # a run of nudges is one step
    canvas.click(canvas.at_node(NIKITA))
    canvas.key(Qt.Key.Key_Left, CTRL)
    assert "ecomap" not in zain.editor.doc.node(NIKITA).positions and zain.editor.undo_stack.count() == 1


def test_zoom_in_then_fit_shows_the_whole_ecomap(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    view = canvas.view
    fitted = view.zoom
    canvas.key(Qt.Key.Key_Equal, CTRL)
    canvas.key(Qt.Key.Key_Equal, CTRL)
    assert view.zoom > fitted * 1.5
    canvas.key(Qt.Key.Key_0, CTRL)
    assert abs(view.zoom - fitted) < 1e-6
    b = view.diagram_scene.diagram.bounds
    seen = view.visible_scene_rect()
    assert seen.left() <= b.x0 + 1 and seen.right() >= b.x1 - 1 and seen.top() <= b.y0 + 1 \
        and seen.bottom() >= b.y1 - 1


# ----- one case, three views ------------------------------------------------------------------------------


def test_an_edit_in_the_genogram_shows_on_the_ecomap_keeping_selection_and_view(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    view, scene = canvas.view, canvas.view.diagram_scene
    canvas.click(canvas.at_node(SONIA))
    view.zoom_by(2.0)
    view.centerOn(QPointF(*scene.nodes[SONIA].centre))
    centre = view.visible_scene_rect().center()
    zain.frame.show_view("genogram")
    genogram = zain.frame.current_view()
    assert zain.editor.selection == (SONIA,)  # one selection for every view
    sonia = zain.editor.doc.node(SONIA)
    zain.editor.update_node(replace(sonia, known_as="Auntie Sonia, Nikita's godmother"), "Rename")
    added = zain.editor.add_service("genogram")  # from the genogram tab: no tie, so not on the ecomap
    zain.editor.select([SONIA])
    qtbot.waitUntil(lambda: any("Auntie" in getattr(i, "text", "") for i in genogram.diagram_scene.diagram.items))
    zain.frame.show_view("ecomap")
    qtbot.waitUntil(lambda: any(getattr(i, "text", "").startswith("Auntie") for i in scene.diagram.items
                                if i.node_id == SONIA))
    assert added not in scene.nodes
    assert scene.nodes[SONIA].isSelected()
    after = view.visible_scene_rect().center()
    assert abs(after.x() - centre.x()) < 1 and abs(after.y() - centre.y()) < 1


def test_a_person_added_on_the_ecomap_shows_on_the_genogram_and_in_the_circles_list(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    zain.properties_dock.hide()
    canvas.double_click(canvas.at(*_empty_spot(canvas.view.diagram_scene)))
    [new_id] = zain.editor.selection
    zain.frame.show_view("circles")
    circles = zain.frame.current_view().diagram_scene
    qtbot.waitUntil(lambda: circles.network is not None and new_id in circles.network.nodes)
    assert circles.network.nodes[new_id].ring is None  # "not placed yet": the practitioner decides
    zain.frame.show_view("genogram")
    qtbot.waitUntil(lambda: new_id in zain.frame.current_view().diagram_scene.nodes)


def test_click_ctrl_click_rubber_band_and_double_click_for_properties(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    canvas.click(canvas.at_node(SONIA))
    canvas.click(canvas.at_node(CAMHS), CTRL)
    assert zain.editor.selection == (SONIA, CAMHS)
    assert zain.properties.title.text() == "2 selected"
    b = scene.diagram.bounds
    canvas.drag(canvas.at(b.x1 + 20, b.y0 - 20), canvas.at(60, -60), steps=8)  # from the paper's corner
    chosen = set(zain.editor.selection)
    assert LEAH in chosen and all(scene.nodes[k].sceneBoundingRect().right() > 60 or
                          scene.nodes[k].sceneBoundingRect().bottom() < -60 for k in chosen)
    canvas.click(canvas.at_node(LEAH))  # a click on one of several selected selects it alone
    assert zain.editor.selection == (LEAH,)
    zain.properties_dock.hide()
    qtbot.wait(10)  # the canvas takes the dock's room
    sonia = canvas.at_node(SONIA)
    canvas.click(sonia)  # QTest's double-click is the second click alone
    canvas.double_click(sonia)
    assert zain.editor.selection == (SONIA,)
    assert zain.properties_dock.isVisible() and zain.properties.title.text() == "Sonia D'Souza"
    assert zain.editor.undo_stack.count() == 0


def test_a_new_case_starts_its_ecomap_once_someone_is_the_child(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from circles_desktop.graph.model import CaseInfo, Role

    doc = library.create_case(CaseInfo("New family"))
    assert window.open_case(doc.case_id)
    window.frame.show_view("ecomap")
    view = window.frame.current_view()
    editor = window.editor
    window.properties_dock.hide()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    [first] = editor.doc.people()
    assert editor.undo_stack.count() == 1 and not editor.doc.ecomap_ties()
    assert "child at the centre" in window.message_bar.text.text()
    editor.update_node(replace(first, given_names="Amani", roles=frozenset({Role.CHILD})))
    qtbot.waitUntil(lambda: view.diagram_scene.network is not None and view.diagram_scene.network.centre_ids == (first.id,))
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    [second] = [p for p in editor.doc.people() if p.id != first.id]
    assert tie_to(editor.doc, second.id).source == first.id
    assert editor.undo_stack.count() == 3
    qtbot.waitUntil(lambda: second.id in view.diagram_scene.nodes)


def test_without_the_mouse_shift_arrow_then_relate_draws_a_tie(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    canvas = show_tab(qtbot, zain, canvas, "ecomap")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    zain.editor.select([SONIA])
    canvas.key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    first, second = zain.editor.selection
    assert first == SONIA and scene.nodes[second].centre[0] > scene.nodes[SONIA].centre[0]
    before = set(doc.relationships_between(SONIA, second))

    def tie(menu) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(menu, Qt.Key.Key_T)  # the "Ecomap &tie" group of the Relate menu
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return)  # Strong

    when_modal(tie)
    canvas.key(Qt.Key.Key_R, CTRL)
    [new] = set(doc.relationships_between(SONIA, second)) - before
    assert isinstance(new, EcomapTie) and new.strength is TieStrength.STRONG
    assert zain.editor.undo_stack.count() == 1
