"""Real drags and clicks on the Circles tab, checked against the document and the database."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import CirclePlacement, Person, Ring, Sector
from circles_desktop.store.library import Library

NIKITA, JULIAN, YUSUF = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "yusuf"))


def _circles(qtbot, window, canvas):  # type: ignore[no-untyped-def]
    """The ``canvas`` driver of conftest, on the Circles tab."""
    window.frame.show_view("circles")
    view = window.frame.current_view()
    assert view.view_key == "circles"
    qtbot.waitUntil(lambda: view.diagram_scene.network is not None and len(view.diagram_scene.nodes) > 5)
    canvas.view = view
    return canvas


def _cell_middle(scene, ring: Ring, sector: Sector) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    inner, outer = scene.network.bands[ring]
    angle = scene.network.wedges[sector].middle
    return ((inner + outer) / 2 * math.cos(angle), (inner + outer) / 2 * math.sin(angle))


def _empty_spot(scene, ring: Ring, sector: Sector) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """A point in the cell with nobody drawn on it."""
    from PySide6.QtCore import QPointF

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


def _reopened(library: Library, window):  # type: ignore[no-untyped-def]
    other = Library.open(str(library._engine.url.database))
    try:
        return other.open_case(window.editor.doc.case_id)
    finally:
        other.close()


def test_the_circles_tab_is_in_the_frame(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _circles(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    placed = {n.id for n in zain.editor.doc.nodes() if n.circle is not None}
    assert placed <= set(scene.nodes)
    assert any(item.part.startswith("ring:") for item in scene.backdrop.drawing)
    assert canvas.view.drawing().legend is not None


def test_dragging_to_another_ring_changes_the_placement_in_one_undo_step(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    canvas = _circles(qtbot, zain, canvas)
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
    assert _reopened(library, zain).node(YUSUF).circle == after.circle
    qtbot.waitUntil(lambda: scene.network.nodes[YUSUF].ring is Ring.CLOSEST)
    zain.actions["edit.undo"].trigger()
    assert doc.node(YUSUF) == before
    assert _reopened(library, zain).node(YUSUF).circle == before.circle
    qtbot.waitUntil(lambda: scene.network.nodes[YUSUF].ring is Ring.CLOSE)


def test_dragging_into_another_sector_and_letting_go_over_the_edge_snaps_inside(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _circles(qtbot, zain, canvas)
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
    canvas = _circles(qtbot, zain, canvas)
    start = canvas.at_node(NIKITA)
    canvas.drag(start, start + QPoint(80, 40), steps=8)
    assert zain.editor.undo_stack.count() == 0
    assert "circles" not in zain.editor.doc.node(NIKITA).positions


def test_someone_not_placed_yet_is_dragged_into_a_ring(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas = _circles(qtbot, zain, canvas)
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
    canvas = _circles(qtbot, zain, canvas)
    scene = canvas.view.diagram_scene
    before = {p.id for p in zain.editor.doc.people()}
    spot = _empty_spot(scene, Ring.CLOSE, Sector.COMMUNITY)
    canvas.double_click(canvas.at(*spot))
    [new] = [p for p in zain.editor.doc.people() if p.id not in before]
    assert isinstance(new, Person) and new.circle == CirclePlacement(Ring.CLOSE, Sector.COMMUNITY)
    assert zain.editor.selection == (new.id,)
    zain.actions["edit.undo"].trigger()
    assert not zain.editor.doc.has_node(new.id)
