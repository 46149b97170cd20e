"""Real clicks, drags and keys on the genogram, checked against the document and the database."""

from __future__ import annotations

from canvas_driver import reopened
from PySide6.QtCore import QPoint, Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import Parentage, Partnership, Person

NIKITA, JULIAN, KARIM, MARIA = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "karim", "maria"))
SONIA = demo_id("zain/sonia")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _editor(window):  # type: ignore[no-untyped-def]
    return window.editor


def test_click_selects_and_ctrl_click_adds(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.click(canvas.at_node(NIKITA))
    assert zain.editor.selection == (NIKITA,)
    assert zain.properties.title.text() == "Nikita Zain"
    assert zain.frame.current_view().accessibleDescription() == "Selected: Nikita Zain"  # for screen readers
    canvas.click(canvas.at_node(JULIAN), CTRL)
    assert zain.editor.selection == (NIKITA, JULIAN)
    canvas.click(canvas.at_node(NIKITA), CTRL)
    assert zain.editor.selection == (JULIAN,)
    assert [k for k, item in zain.frame.current_view().diagram_scene.nodes.items() if item.isSelected()] == [JULIAN]


def test_rubber_band_selects_what_it_touches(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    scene = zain.frame.current_view().diagram_scene
    nikita, julian = scene.nodes[NIKITA].centre, scene.nodes[JULIAN].centre
    below = max(nikita[1], julian[1]) + 60
    start = canvas.at(min(nikita[0], julian[0]) - 30, below)
    end = canvas.at(max(nikita[0], julian[0]) + 10, nikita[1])
    canvas.drag(start, end)
    assert set(zain.editor.selection) == {NIKITA, JULIAN}
    canvas.click(canvas.at(nikita[0] - 30, below + 40))
    assert zain.editor.selection == ()


def test_drag_moves_in_one_undo_step_and_is_saved(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    scene = zain.frame.current_view().diagram_scene
    x, y = scene.nodes[JULIAN].centre
    view = zain.frame.current_view()
    start = canvas.at_node(JULIAN)
    end = start + QPoint(round(60 * view.scale_factor), round(30 * view.scale_factor))
    canvas.drag(start, end, steps=12)
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Move Julian Zain"
    moved = zain.editor.doc.node(JULIAN).positions["genogram"]
    assert abs(moved[0] - (x + 60)) < 2 and abs(moved[1] - (y + 30)) < 2
    assert reopened(library, zain).node(JULIAN).positions["genogram"] == moved
    assert zain.actions["edit.undo"].text() == "&Undo Move Julian Zain"
    zain.actions["edit.undo"].trigger()
    assert "genogram" not in zain.editor.doc.node(JULIAN).positions
    assert "genogram" not in reopened(library, zain).node(JULIAN).positions
    qtbot.waitUntil(lambda: abs(scene.nodes[JULIAN].centre[0] - x) < 0.01 and abs(scene.nodes[JULIAN].centre[1] - y) < 0.01)


def test_double_click_on_empty_space_adds_a_person_there(zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    scene = zain.frame.current_view().diagram_scene
    b = scene.diagram.bounds
    spot = (b.x1 - 20, b.y1 - 10)
    before = len(zain.editor.doc.people())
    canvas.double_click(canvas.at(*spot))
    people = zain.editor.doc.people()
    assert len(people) == before + 1
    [new] = [p for p in people if "genogram" in p.positions]
    assert abs(new.positions["genogram"][0] - spot[0]) < 2 and abs(new.positions["genogram"][1] - spot[1]) < 2
    assert zain.editor.selection == (new.id,)
    assert reopened(library, zain).has_node(new.id)


def test_add_partner_by_keyboard_reads_undo_add_partner(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas.click(canvas.at_node(SONIA))
    canvas.key(Qt.Key.Key_Right, CTRL_SHIFT)
    doc = zain.editor.doc
    [new_id] = zain.editor.selection
    assert isinstance(doc.node(new_id), Person)
    assert any(isinstance(r, Partnership) for r in doc.relationships_between(SONIA, new_id))
    assert zain.actions["edit.undo"].text() == "&Undo Add partner"
    zain.actions["edit.undo"].trigger()
    assert not doc.has_node(new_id) and not reopened(library, zain).has_node(new_id)
    assert zain.actions["edit.redo"].text() == "&Redo Add partner"
    zain.actions["edit.redo"].trigger()
    assert doc.has_node(new_id) and reopened(library, zain).has_node(new_id)
    qtbot.waitUntil(lambda: new_id in zain.frame.current_view().diagram_scene.nodes)


def test_add_child_of_a_couple_makes_both_lines(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.click(canvas.at_node(KARIM))
    canvas.key(Qt.Key.Key_Down, CTRL_SHIFT)
    [child] = zain.editor.selection
    parents = {p.id for p in zain.editor.doc.parents_of(child)}
    assert parents == {KARIM, MARIA}
    assert zain.editor.doc.node(child).family_name == "Zain"


def test_arrow_keys_walk_along_relationships(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.click(canvas.at_node(NIKITA))
    canvas.key(Qt.Key.Key_Up)
    [parent] = zain.editor.selection
    assert parent in {KARIM, MARIA}
    canvas.key(Qt.Key.Key_Down)
    assert zain.editor.selection[0] in {NIKITA, JULIAN}


def test_delete_key_deletes_and_undo_brings_back(zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    doc = zain.editor.doc
    lines = len(doc.relationships_of(JULIAN))
    canvas.click(canvas.at_node(JULIAN))
    canvas.key(Qt.Key.Key_Delete)
    assert not doc.has_node(JULIAN) and not reopened(library, zain).has_node(JULIAN)
    zain.actions["edit.undo"].trigger()
    assert doc.has_node(JULIAN) and len(doc.relationships_of(JULIAN)) == lines
    assert len(reopened(library, zain).relationships_of(JULIAN)) == lines


def test_copy_and_paste_within_the_case(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    doc = zain.editor.doc
    canvas.click(canvas.at_node(KARIM))
    canvas.click(canvas.at_node(MARIA), CTRL)
    before_people, before_rels = len(doc.people()), len(doc.relationships())
    canvas.key(Qt.Key.Key_C, CTRL)
    canvas.key(Qt.Key.Key_V, CTRL)
    assert len(doc.people()) == before_people + 2
    pasted = zain.editor.selection
    assert len(pasted) == 2 and not {KARIM, MARIA} & set(pasted)
    assert {doc.node(i).given_names for i in pasted} == {"Karim", "Maria"}
    assert len(doc.relationships()) > before_rels  # their partnership came along
    assert any(isinstance(r, Partnership) for r in doc.relationships_between(*pasted))
    assert zain.editor.undo_stack.text(zain.editor.undo_stack.count() - 1) == "Paste 2 items"


def test_rearrange_forgets_moves_in_one_step(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    view = zain.frame.current_view()
    for node in (JULIAN, NIKITA):
        start = canvas.at_node(node)
        canvas.drag(start, start + QPoint(round(40 * view.scale_factor), 0))
    assert all("genogram" in zain.editor.doc.node(n).positions for n in (JULIAN, NIKITA))
    canvas.key(Qt.Key.Key_L, CTRL_SHIFT)
    assert not any("genogram" in zain.editor.doc.node(n).positions for n in (JULIAN, NIKITA))
    assert zain.editor.undo_stack.text(zain.editor.undo_stack.count() - 1) == "Re-arrange"
    zain.actions["edit.undo"].trigger()
    assert all("genogram" in zain.editor.doc.node(n).positions for n in (JULIAN, NIKITA))


def test_a_refused_edit_is_explained_not_crashed(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.graph.model import ParentageType

    ok = zain.editor.relate(Parentage(NIKITA, KARIM, type=ParentageType.BIRTH))
    assert not ok
    assert zain.message_bar.isVisible()
    assert "own ancestor" in zain.message_bar.text.text() or "born first" in zain.message_bar.text.text()
    assert zain.editor.undo_stack.count() == 0


def test_zoom_keys_and_fit(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    view = zain.frame.current_view()
    before = view.zoom
    canvas.key(Qt.Key.Key_Equal, CTRL)
    assert view.zoom > before
    canvas.key(Qt.Key.Key_Minus, CTRL)
    canvas.key(Qt.Key.Key_Minus, CTRL)
    assert view.zoom < before
    canvas.key(Qt.Key.Key_0, CTRL)
    seen = view.visible_scene_rect()
    b = view.diagram_scene.diagram.bounds
    assert seen.contains(b.x0 + 1, b.y0 + 1) and seen.contains(b.x1 - 1, b.y1 - 1)


def test_draw_a_relationship_by_dragging_and_choosing_its_kind(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from circles_desktop.graph.model import Emotional, EmotionalType

    def choose_close(menu) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(menu, Qt.Key.Key_E)  # the "&Emotional" submenu
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return)  # its first kind: Close

    canvas.key(Qt.Key.Key_L, CTRL)
    assert zain.actions["mode.link"].isChecked()
    when_modal(choose_close)
    canvas.drag(canvas.at_node(JULIAN), canvas.at_node(SONIA), steps=10)
    [tie] = [r for r in zain.editor.doc.relationships_between(JULIAN, SONIA) if isinstance(r, Emotional)]
    assert (tie.source, tie.target, tie.type) == (JULIAN, SONIA, EmotionalType.CLOSE)
    assert zain.editor.undo_stack.text(zain.editor.undo_stack.count() - 1) == "Add emotional line"
    canvas.key(Qt.Key.Key_Escape)
    assert not zain.actions["mode.link"].isChecked()
    canvas.click(canvas.at_node(NIKITA))
    assert zain.editor.selection == (NIKITA,)  # selecting again, not drawing


def test_copy_in_one_case_and_paste_into_another(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.graph.model import CaseInfo

    canvas.click(canvas.at_node(KARIM))
    canvas.click(canvas.at_node(MARIA), CTRL)
    canvas.key(Qt.Key.Key_C, CTRL)
    other = library.create_case(CaseInfo("Another family")).case_id
    assert zain.open_case(other)
    zain.frame.current_view().setFocus()
    qtbot.keyClick(zain.frame.current_view(), Qt.Key.Key_V, CTRL)
    doc = zain.editor.doc
    assert sorted(p.given_names for p in doc.people()) == ["Karim", "Maria"]
    assert any(isinstance(r, Partnership) for r in doc.relationships())
    assert sorted(p.given_names for p in reopened(library, zain).people()) == ["Karim", "Maria"]


def test_hovering_a_person_highlights_their_relationships(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    scene = zain.frame.current_view().diagram_scene
    qtbot.mouseMove(canvas.viewport, canvas.at_node(JULIAN))
    qtbot.waitUntil(lambda: scene.nodes[JULIAN].hovered)
    lit = {key for key, item in scene.links.items() if item.highlighted}
    assert lit and all(JULIAN in scene.links[key].ends for key in lit)
    assert scene.nodes[KARIM].highlighted or scene.nodes[MARIA].highlighted  # a parent at the other end
    assert not scene.nodes[SONIA].highlighted or any(
        {JULIAN, SONIA} == {r.source, r.target} for r in zain.editor.doc.relationships_of(JULIAN))


def test_zooming_out_far_switches_to_the_sketch_and_back(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    view = zain.frame.current_view()
    for _ in range(12):
        canvas.key(Qt.Key.Key_Minus, CTRL)
    assert view.diagram_scene.sketching and view.diagram_scene.sketch.isVisible()
    assert all(item.opacity() == 0.0 for item in view.diagram_scene.nodes.values())
    canvas.click(canvas.at_node(NIKITA))  # still clickable while sketched
    assert zain.editor.selection == (NIKITA,)
    canvas.key(Qt.Key.Key_1, CTRL)  # actual size
    assert not view.diagram_scene.sketching and abs(view.zoom - 1.0) < 1e-6


def test_the_overview_appears_when_the_network_is_bigger_than_the_window(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    view = zain.frame.current_view()
    view.zoom_fit()
    assert not view.overview.isVisible()
    for _ in range(4):
        canvas.key(Qt.Key.Key_Equal, CTRL)
    assert view.overview.isVisible()
    before = view.visible_scene_rect().center()
    qtbot.mouseClick(view.overview, Qt.MouseButton.LeftButton, pos=view.overview.rect().topLeft() + QPoint(8, 8))
    assert view.visible_scene_rect().center() != before


def test_middle_button_drag_pans(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    view = zain.frame.current_view()
    for _ in range(3):
        canvas.key(Qt.Key.Key_Equal, CTRL)
    before = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    middle = Qt.MouseButton.MiddleButton
    start = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), middle, pos=start)
    end = QPointF(start + QPoint(-40, -30))
    QApplication.sendEvent(view.viewport(), QMouseEvent(QMouseEvent.Type.MouseMove, end, view.viewport().mapToGlobal(end),
                                                         Qt.MouseButton.NoButton, middle, Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(view.viewport(), middle, pos=end.toPoint())
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) != before
    assert zain.editor.undo_stack.count() == 0  # panning changes nothing in the case


def test_a_big_case_is_laid_out_in_the_background(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.layout.sample_families import random_tree

    case_id = library.add_document(random_tree(400, seed=3))
    assert window.open_case(case_id)
    scene = window.frame.current_view().diagram_scene
    assert scene.diagram is None and window.busy_bar.isVisible()  # the window is free meanwhile
    qtbot.waitUntil(lambda: scene.diagram is not None, timeout=60_000)
    assert len(scene.nodes) >= 350 and not window.busy_bar.isVisible()


def test_an_empty_case_says_how_to_start(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.graph.model import CaseInfo

    assert window.open_case(library.create_case(CaseInfo("New family")).case_id)
    view = window.frame.current_view()
    assert "Press Insert" in view.placeholder()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: view.placeholder() == "")
    window.actions["view.redraw"].trigger()
    assert len(view.diagram_scene.nodes) == 1


def test_ctrl_arrows_nudge_in_one_undo_step(zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.click(canvas.at_node(JULIAN))
    x, y = zain.frame.current_view().diagram_scene.nodes[JULIAN].centre
    for _ in range(3):
        canvas.key(Qt.Key.Key_Right, CTRL)
    assert zain.editor.doc.node(JULIAN).positions["genogram"] == (x + 30.0, y)
    assert zain.editor.undo_stack.count() == 1
