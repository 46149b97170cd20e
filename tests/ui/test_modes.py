"""The select mode's public hooks and the one-gesture linking mode, driven by real mouse and keys on
the genogram (the ecomap and circles tests drive the views that use them)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import Emotional, EmotionalType, Point
from circles_desktop.ui.modes import LinkMode, SelectMode

NIKITA, JULIAN, SONIA = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "sonia"))
CTRL = Qt.KeyboardModifier.ControlModifier


class HoldNikita(SelectMode):
    """A view's select mode that keeps Nikita in place and records what the other hooks are given."""

    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        super().__init__(scene)
        self.nudged: list[tuple[dict[str, Point], object]] = []
        self.added: list[tuple[Point, bool]] = []

    def movable(self, node_ids):  # type: ignore[no-untyped-def]
        return [k for k in node_ids if k != NIKITA]

    def nudge(self, places, merge_token) -> bool:  # type: ignore[no-untyped-def]
        self.nudged.append((places, merge_token))
        return False

    def add_here(self, point: Point, service: bool = False) -> None:
        self.added.append((point, service))


def _use(scene, mode) -> None:  # type: ignore[no-untyped-def]
    scene.select_mode = mode
    scene.set_mode(mode)


def test_a_view_decides_what_a_drag_moves_what_a_nudge_and_a_double_click_mean(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    scene = canvas.view.diagram_scene
    mode = HoldNikita(scene)
    _use(scene, mode)
    doc = zain.editor.doc
    start = canvas.at_node(NIKITA)
    canvas.drag(start, start + QPoint(60, 30))
    assert zain.editor.undo_stack.count() == 0 and "genogram" not in doc.node(NIKITA).positions
    canvas.click(canvas.at_node(JULIAN), CTRL)
    assert set(zain.editor.selection) == {NIKITA, JULIAN}
    x, y = scene.nodes[JULIAN].centre
    start = canvas.at_node(JULIAN)
    canvas.drag(start, start + QPoint(round(50 * canvas.view.scale_factor), 0), steps=10)
    assert "genogram" not in doc.node(NIKITA).positions  # selected, but held
    moved = doc.node(JULIAN).positions["genogram"]
    assert abs(moved[0] - (x + 50)) < 2 and abs(moved[1] - y) < 2
    assert zain.editor.undo_stack.count() == 1
    canvas.key(Qt.Key.Key_Right, CTRL)
    [(places, token)] = mode.nudged
    assert list(places) == [JULIAN] and token == ("nudge", (JULIAN,))
    assert zain.editor.undo_stack.count() == 1  # the hook refused: nothing recorded
    b = scene.diagram.bounds
    canvas.double_click(canvas.at(b.x1 - 20, b.y1 - 10))
    [(point, service)] = mode.added
    assert abs(point[0] - (b.x1 - 20)) < 2 and not service
    assert zain.editor.undo_stack.count() == 1  # the hook added no one


def _close(doc, source: str, target: str, at, parent):  # type: ignore[no-untyped-def]
    """A chooser that always answers "close": what a practitioner picks, without the menu."""
    return Emotional(source, target, type=EmotionalType.CLOSE)


def test_a_one_gesture_link_draws_once_then_selecting_resumes(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    scene = canvas.view.diagram_scene
    select = scene.select_mode
    before = set(zain.editor.doc.relationships_between(NIKITA, SONIA))
    scene.set_mode(LinkMode(scene, _close, once=True))
    canvas.drag(canvas.at_node(NIKITA), canvas.at_node(SONIA), steps=8)
    [line] = set(zain.editor.doc.relationships_between(NIKITA, SONIA)) - before
    assert isinstance(line, Emotional) and (line.source, line.target) == (NIKITA, SONIA)
    assert scene.mode is select and zain.editor.undo_stack.count() == 1
    # Esc in the middle of such a gesture draws nothing and also goes back to selecting.
    scene.set_mode(LinkMode(scene, _close, once=True))
    qtbot.mousePress(canvas.viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     canvas.at_node(JULIAN))
    canvas.key(Qt.Key.Key_Escape)
    assert scene.mode is select
    qtbot.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       canvas.at_node(SONIA))
    assert zain.editor.undo_stack.count() == 1


def test_a_held_linking_mode_stays_after_a_line_and_esc_ends_it(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    scene = canvas.view.diagram_scene
    mode = LinkMode(scene, _close)
    ended: list[bool] = []
    mode.finished.connect(lambda: ended.append(True))
    scene.set_mode(mode)
    canvas.drag(canvas.at_node(NIKITA), canvas.at_node(SONIA), steps=8)
    canvas.drag(canvas.at_node(JULIAN), canvas.at_node(SONIA), steps=8)
    assert zain.editor.undo_stack.count() == 2 and scene.mode is mode
    canvas.key(Qt.Key.Key_Escape)
    assert ended == [True]


def test_right_click_a_couple_line_on_the_genogram_to_mark_a_separation(qtbot, zain, canvas, when_modal) -> None:  # type: ignore[no-untyped-def]
    from canvas_driver import context_menu, pick

    from circles_desktop.graph.model import PartnershipType

    couple = demo_id("zain/partnership/karim/maria")
    scene = canvas.view.diagram_scene
    line = next(i for i in scene.diagram.items if i.rel_id == couple and getattr(i, "points", None))
    (x0, y0), (x1, y1) = line.points[0], line.points[1]
    when_modal(lambda menu: pick(qtbot, menu, "field.type", "type.separated"))
    context_menu(canvas.view, canvas.at((x0 + x1) / 2, (y0 + y1) / 2))
    assert zain.editor.doc.relationship(couple).type is PartnershipType.SEPARATED
    assert zain.editor.undo_stack.count() == 1 and zain.editor.undo_stack.text(0) == "Change Karim and Maria's partnership: type"
