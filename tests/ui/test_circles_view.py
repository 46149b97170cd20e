"""Real drags and clicks on the Circles tab, checked against the document and the database."""

from __future__ import annotations

import math

from canvas_driver import context_menu, pick, reopened, show_tab
from PySide6.QtCore import QPoint, QPointF, Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import CirclePlacement, Person, Ring, Sector, Service

NIKITA, JULIAN, YUSUF, KAYLA = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "yusuf", "kayla"))
CTRL = Qt.KeyboardModifier.ControlModifier


def _cell_middle(scene, ring: Ring, sector: Sector) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    inner, outer = scene.network.bands[ring]
    angle = scene.network.wedges[sector].middle
    return ((inner + outer) / 2 * math.cos(angle), (inner + outer) / 2 * math.sin(angle))


def _empty_spot(scene, ring: Ring, sector: Sector) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """A point in the cell with nobody drawn on it."""

    inner, outer = scene.network.bands[ring]
    wedge = scene.network.wedges[sector]
    for t in (0.5, 0.3, 0.7, 0.2, 0.8):
        for f in (0.5, 0.35, 0.65, 0.2, 0.8):
            angle = wedge.start + (wedge.end - wedge.start) * f
            radius = inner + (outer - inner) * t
            point = (radius * math.cos(angle), radius * math.sin(angle))
            if scene.node_at(QPointF(*point)) is None and scene.network.cell_at(point) == (ring, sector):
                return point
    raise AssertionError(f"no empty spot in the {ring.value} {sector.value} cell")


def test_the_circles_tab_is_in_the_frame(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    placed = {n.id for n in zain.editor.doc.nodes() if n.circle is not None}
    assert placed <= set(scene.nodes)
    assert any(item.part.startswith("ring:") for item in scene.backdrop.drawing)
    assert canvas.view.drawing().legend is not None


def test_dragging_to_another_ring_changes_the_placement_in_one_undo_step(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    before = doc.node(YUSUF)
    assert before.circle == CirclePlacement(Ring.CLOSE, Sector.FAMILY)
    target = _cell_middle(scene, Ring.CLOSEST, Sector.FAMILY)
    canvas.drag(canvas.at_node(YUSUF), canvas.at(*target), steps=12)
    after = doc.node(YUSUF)
    assert after.circle == CirclePlacement(Ring.CLOSEST, Sector.FAMILY)
    assert scene.network.cell_at(after.positions["circles"]) == (Ring.CLOSEST, Sector.FAMILY)
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Place Yusuf Zain in the closest circle"
    assert reopened(library, zain).node(YUSUF).circle == after.circle
    qtbot.waitUntil(lambda: scene.network.nodes[YUSUF].ring is Ring.CLOSEST)
    zain.actions["edit.undo"].trigger()
    assert doc.node(YUSUF) == before
    assert reopened(library, zain).node(YUSUF).circle == before.circle
    qtbot.waitUntil(lambda: scene.network.nodes[YUSUF].ring is Ring.CLOSE)


def test_dragging_into_another_sector_and_letting_go_over_the_edge_snaps_inside(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    wedge = scene.network.wedges[Sector.COMMUNITY]
    inner, outer = scene.network.bands[Ring.CLOSEST]
    just_inside = wedge.start + 0.06  # the symbol in the community's side, its label across the edge
    on_the_edge = ((inner + outer) / 2 * math.cos(just_inside), (inner + outer) / 2 * math.sin(just_inside))
    canvas.drag(canvas.at_node(JULIAN), canvas.at(*on_the_edge), steps=10)
    julian = zain.editor.doc.node(JULIAN)
    assert julian.circle == CirclePlacement(Ring.CLOSEST, Sector.COMMUNITY)
    qtbot.waitUntil(lambda: scene.network.nodes[JULIAN].sector is Sector.COMMUNITY)
    placed = scene.network.nodes[JULIAN]
    assert placed.hand_placed and scene.network.cell_at(placed.symbol_centre) == (Ring.CLOSEST, Sector.COMMUNITY)


def test_the_child_in_the_middle_stays_put(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    start = canvas.at_node(NIKITA)
    canvas.drag(start, start + QPoint(80, 40), steps=8)
    assert zain.editor.undo_stack.count() == 0
    assert "circles" not in zain.editor.doc.node(NIKITA).positions


def test_someone_not_placed_yet_is_dragged_into_a_ring(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    new_id = zain.editor.add_person("circles")
    assert new_id is not None
    qtbot.waitUntil(lambda: new_id in scene.nodes and scene.network.nodes[new_id].ring is None)
    assert scene.network.list_title is not None
    target = _cell_middle(scene, Ring.WIDER, Sector.PROFESSIONAL)
    canvas.drag(canvas.at_node(new_id), canvas.at(*target), steps=12)
    assert zain.editor.doc.node(new_id).circle == CirclePlacement(Ring.WIDER, Sector.PROFESSIONAL)
    qtbot.waitUntil(lambda: scene.network.nodes[new_id].ring is Ring.WIDER)
    # ...and back onto the list takes them out of the circles again.
    title = scene.network.list_title
    spot = (title.bounds.x0 + 30, title.bounds.y1 + 20) if title else (scene.network.outer_radius + 80, 0.0)
    canvas.drag(canvas.at_node(new_id), canvas.at(*spot), steps=12)
    assert zain.editor.doc.node(new_id).circle is None


def test_double_click_in_a_ring_adds_someone_placed_there(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    before = {p.id for p in zain.editor.doc.people()}
    spot = _empty_spot(scene, Ring.CLOSE, Sector.COMMUNITY)
    canvas.double_click(canvas.at(*spot))
    [new] = [p for p in zain.editor.doc.people() if p.id not in before]
    assert isinstance(new, Person) and new.circle == CirclePlacement(Ring.CLOSE, Sector.COMMUNITY)
    assert zain.editor.selection == (new.id,)
    zain.actions["edit.undo"].trigger()
    assert not zain.editor.doc.has_node(new.id)


def test_add_person_from_the_toolbar_lists_them_as_not_placed_yet(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    zain.properties_dock.hide()
    before = {p.id for p in zain.editor.doc.people()}
    canvas.key(Qt.Key.Key_Insert)
    [new] = [p for p in zain.editor.doc.people() if p.id not in before]
    assert new.circle is None
    assert zain.editor.undo_stack.count() == 1 and zain.editor.undo_stack.text(0) == "Add person"
    qtbot.waitUntil(lambda: new.id in scene.network.nodes and scene.network.nodes[new.id].ring is None)
    assert scene.nodes[new.id].isSelected()
    assert reopened(library, zain).has_node(new.id)


def test_add_service_here_places_it_in_the_ring_and_sector_under_the_mouse(qtbot, zain, canvas, when_modal, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    zain.properties_dock.hide()
    spot = _empty_spot(scene, Ring.CLOSE, Sector.COMMUNITY)
    before = {s.id for s in zain.editor.doc.services()}
    when_modal(lambda menu: pick(qtbot, menu, "add_service_here"))
    context_menu(canvas.view, canvas.at(*spot))
    [new] = [s for s in zain.editor.doc.services() if s.id not in before]
    assert isinstance(new, Service) and new.circle == CirclePlacement(Ring.CLOSE, Sector.COMMUNITY)
    stack = zain.editor.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Add service to the close circle"
    assert reopened(library, zain).node(new.id).circle == new.circle
    qtbot.waitUntil(lambda: new.id in scene.network.nodes)
    placed = scene.network.nodes[new.id]
    assert scene.network.cell_at(placed.symbol_centre) == (Ring.CLOSE, Sector.COMMUNITY)


def test_the_menu_key_places_the_selected_person_without_the_mouse(qtbot, zain, canvas, when_modal, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    before = doc.node(YUSUF)
    canvas.click(canvas.at_node(YUSUF))
    for path, placement, label in (
            (("ring", "closest"), CirclePlacement(Ring.CLOSEST, Sector.FAMILY), "Place Yusuf Zain in the closest circle"),
            (("sector", "community"), CirclePlacement(Ring.CLOSEST, Sector.COMMUNITY),
             "Move Yusuf Zain to friends and community"),
            (("ring", "none"), None, "Take Yusuf Zain out of the circles")):
        when_modal(lambda menu, p=path: pick(qtbot, menu, *p))
        context_menu(canvas.view)  # the Menu key: a menu for the selection
        assert doc.node(YUSUF).circle == placement
        assert zain.editor.undo_stack.text(zain.editor.undo_stack.count() - 1) == label
        assert reopened(library, zain).node(YUSUF).circle == placement
        qtbot.waitUntil(lambda p=placement: scene.network.nodes[YUSUF].ring is (p.ring if p else None))
    assert zain.editor.undo_stack.count() == 3
    for _ in range(3):
        zain.actions["edit.undo"].trigger()
    assert doc.node(YUSUF) == before


def test_ctrl_arrows_nudge_within_the_rings_like_a_drag(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    kayla = zain.editor.doc.node(KAYLA)
    canvas.click(canvas.at_node(KAYLA))
    # Two presses towards the middle of Kayla's cell: a move inside it, merged into one step.
    (x, y), (mx, my) = scene.nodes[KAYLA].centre, _cell_middle(scene, kayla.circle.ring, kayla.circle.sector)
    key = (Qt.Key.Key_Right if mx > x else Qt.Key.Key_Left) if abs(mx - x) > abs(my - y) else \
        (Qt.Key.Key_Down if my > y else Qt.Key.Key_Up)
    canvas.key(key, CTRL)
    canvas.key(key, CTRL)
    moved = zain.editor.doc.node(KAYLA)
    assert moved.circle == kayla.circle and math.dist(moved.positions["circles"], (x, y)) > 5
    assert scene.network.cell_at(moved.positions["circles"]) == (kayla.circle.ring, kayla.circle.sector)
    assert zain.editor.undo_stack.count() == 1
    # Far out past the rings: pulled back inside a cell, as a drop is, never left between the rings.
    for _ in range(30):
        canvas.key(Qt.Key.Key_Down, CTRL)
    moved = zain.editor.doc.node(KAYLA)
    qtbot.waitUntil(lambda: scene.network.nodes[KAYLA].ring is moved.circle.ring)
    drawn = scene.network.nodes[KAYLA]
    assert scene.network.cell_at(drawn.symbol_centre) == (moved.circle.ring, moved.circle.sector)
    canvas.click(canvas.at_node(NIKITA))
    count = zain.editor.undo_stack.count()
    canvas.key(Qt.Key.Key_Down, CTRL)  # the child in the middle stays there
    assert "circles" not in zain.editor.doc.node(NIKITA).positions and zain.editor.undo_stack.count() == count


def test_arrow_keys_step_to_the_nearest_symbol_that_way(zain, qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    zain.editor.select([])
    canvas.key(Qt.Key.Key_Up)  # with nothing selected, the arrows start from the child
    assert zain.editor.selection == (NIKITA,)
    canvas.key(Qt.Key.Key_Up)
    [above] = zain.editor.selection
    assert scene.nodes[above].centre[1] < scene.nodes[NIKITA].centre[1]


def test_delete_copy_and_paste_on_the_circles(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = show_tab(qtbot, zain, canvas, "circles")
    scene = canvas.view.diagram_scene
    doc = zain.editor.doc
    canvas.click(canvas.at_node(KAYLA))
    canvas.key(Qt.Key.Key_C, CTRL)
    canvas.key(Qt.Key.Key_V, CTRL)
    [copy] = zain.editor.selection
    assert copy != KAYLA and doc.node(copy).circle == doc.node(KAYLA).circle  # in the same ring and sector
    qtbot.waitUntil(lambda: copy in scene.nodes)
    canvas.click(canvas.at_node(KAYLA))
    canvas.key(Qt.Key.Key_Delete)
    assert not doc.has_node(KAYLA) and not reopened(library, zain).has_node(KAYLA)
    qtbot.waitUntil(lambda: KAYLA not in scene.nodes)
    assert zain.editor.undo_stack.count() == 2
    zain.actions["edit.undo"].trigger()
    assert doc.has_node(KAYLA)
    qtbot.waitUntil(lambda: KAYLA in scene.nodes)


def test_a_relationship_drawn_on_the_circles_uses_the_full_menu(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from circles_desktop.graph.model import Emotional, EmotionalType

    canvas = show_tab(qtbot, zain, canvas, "circles")

    def close(menu) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(menu, Qt.Key.Key_E)  # "&Emotional"
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return)  # its first kind: close

    canvas.key(Qt.Key.Key_L, CTRL)
    when_modal(close)
    canvas.drag(canvas.at_node(YUSUF), canvas.at_node(KAYLA), steps=10)
    [line] = zain.editor.doc.relationships_between(YUSUF, KAYLA)
    assert isinstance(line, Emotional) and line.type is EmotionalType.CLOSE
    assert zain.editor.undo_stack.count() == 1
    canvas.key(Qt.Key.Key_Escape)


def test_someone_added_on_the_genogram_waits_in_the_circles_list_and_is_placed_here(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
    circles = show_tab(qtbot, zain, canvas, "circles").view
    scene = circles.diagram_scene
    zain.frame.show_view("genogram")
    zain.properties_dock.hide()
    canvas.view = zain.frame.current_view()
    canvas.click(canvas.at_node(JULIAN))
    canvas.key(Qt.Key.Key_Left, CTRL_SHIFT)  # add a sibling on the genogram
    [sibling] = zain.editor.selection
    zain.frame.show_view("circles")
    canvas.view = circles
    qtbot.waitUntil(lambda: sibling in scene.nodes and scene.network.nodes[sibling].ring is None)
    assert scene.nodes[sibling].isSelected()  # the selection follows the practitioner across tabs
    target = _cell_middle(scene, Ring.CLOSEST, Sector.FAMILY)
    canvas.drag(canvas.at_node(sibling), canvas.at(*target), steps=12)
    assert zain.editor.doc.node(sibling).circle == CirclePlacement(Ring.CLOSEST, Sector.FAMILY)
    assert zain.editor.undo_stack.count() == 2  # the sibling, then the placing
