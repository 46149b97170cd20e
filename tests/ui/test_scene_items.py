"""How selection shows on the canvas: a selected line stands out from its own width, and a selected
symbol is marked differently from the ones related to it (by weight and shape, not by hue)."""

from __future__ import annotations

import dataclasses
import math

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import EcomapTie, TieStrength
from circles_desktop.layout.diagram import Line

NIKITA, KARIM, CAMHS = (demo_id(f"zain/{n}") for n in ("nikita", "karim", "camhs"))
PAPER = QColor("#ffffff")


def _view(qtbot, window, key: str):  # type: ignore[no-untyped-def]
    window.frame.show_view(key)
    view = window.frame.current_view()
    qtbot.waitUntil(lambda: view.diagram_scene.diagram is not None and len(view.diagram_scene.nodes) > 5)
    return view


def _tie_to(window, target: str, **changes: object) -> EcomapTie:  # type: ignore[no-untyped-def]
    """The Zain family's tie from Nikita to ``target``, changed as asked through the editor."""
    doc = window.editor.doc
    [tie] = [t for t in doc.ecomap_ties() if t.target == target]
    changed = dataclasses.replace(tie, **changes)
    if changed != tie:
        assert window.editor.update_relationship(changed, "Change the tie for the test")
    return doc.relationship(tie.id)  # type: ignore[return-value]


def _render(scene, rect: QRectF, scale: float = 4.0) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(PAPER)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def _tie_line(item) -> Line:  # type: ignore[no-untyped-def]
    return next(i for i in item._drawing if isinstance(i, Line) and i.part == "tie")


@pytest.mark.parametrize("strength", list(TieStrength))
@pytest.mark.parametrize("stressful", [False, True])
def test_a_selected_ties_band_is_wider_than_the_tie_at_every_zoom(qtbot, zain, strength, stressful) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, zain, "ecomap")
    tie = _tie_to(zain, CAMHS, strength=strength, stressful=stressful)
    qtbot.waitUntil(lambda: _tie_line(view.diagram_scene.links[tie.id]).stroke.width > 0)
    zain.editor.select([tie.id])
    item = view.diagram_scene.links[tie.id]
    assert item.isSelected()
    own = _tie_line(item).stroke.width
    for lod in (0.3, 0.7, 1.0, 1.33, 3.0, 8.0):
        assert item.halo_width(lod) >= own + 6.0, (strength, lod)
        edge, _fill = item.halo_style(lod)
        assert edge.style() == Qt.PenStyle.SolidLine and edge.widthF() > 0


def test_the_band_is_unbroken_along_a_dashed_tie(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    """Where a tenuous tie's dashes leave gaps, the selected tie's band still shows."""
    view = _view(qtbot, zain, "ecomap")
    tie = _tie_to(zain, CAMHS, strength=TieStrength.TENUOUS, stressful=False)
    scene = view.diagram_scene
    qtbot.waitUntil(lambda: _tie_line(scene.links[tie.id]).stroke.pattern.value == "dashed")
    line = _tie_line(scene.links[tie.id])
    (x0, y0), (x1, y1) = line.points[0], line.points[-1]
    rect = QRectF(QPointF(min(x0, x1) - 10, min(y0, y1) - 10), QPointF(max(x0, x1) + 10, max(y0, y1) + 10))

    def papers_along(image: QImage) -> int:
        count = 0
        for k in range(10, 31):  # the middle of the tie, clear of the arrow heads at its ends
            t = k / 40
            x, y = (x0 + (x1 - x0) * t - rect.x()) * 4, (y0 + (y1 - y0) * t - rect.y()) * 4
            count += image.pixelColor(int(x), int(y)) == PAPER
        return count

    zain.editor.select([])
    assert papers_along(_render(scene, rect)) > 0  # the gaps between the dashes
    zain.editor.select([tie.id])
    assert papers_along(_render(scene, rect)) == 0


def test_the_band_shows_beside_a_strong_tie(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    """Just outside a strong tie's own width, the selection band is painted: it is not hidden under
    the line (it was 6 pt under a 3.4 pt line, about 1 pt each side)."""
    view = _view(qtbot, zain, "ecomap")
    tie = _tie_to(zain, CAMHS, strength=TieStrength.STRONG, stressful=False)
    scene = view.diagram_scene
    line = _tie_line(scene.links[tie.id])
    (x0, y0), (x1, y1) = line.points[0], line.points[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    reach = line.stroke.width / 2 + 2.0  # two points outside the line's edge
    rect = QRectF(mx - 10, my - 10, 20, 20)

    def beside(image: QImage) -> list[QColor]:
        return [image.pixelColor(int((mx + side * nx * reach - rect.x()) * 4), int((my + side * ny * reach - rect.y()) * 4))
                for side in (-1, 1)]

    zain.editor.select([])
    assert beside(_render(scene, rect)) == [PAPER, PAPER]
    zain.editor.select([tie.id])
    for colour in beside(_render(scene, rect)):
        assert colour != PAPER and colour.green() > colour.red()  # the selection's teal, over paper


@pytest.mark.parametrize("key", ["genogram", "ecomap", "circles"])
def test_selected_and_related_symbols_are_marked_differently(qtbot, zain, key) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, zain, key)
    scene = view.diagram_scene
    zain.editor.select([NIKITA])
    selected, related = scene.nodes[NIKITA], scene.nodes[KARIM]
    assert selected.isSelected() and related.highlighted and not related.isSelected()
    for lod in (0.5, 1.0, 2.0):
        pen_s, brush_s, handles_s = selected.frame_style(lod)
        pen_r, brush_r, handles_r = related.frame_style(lod)
        assert handles_s and not handles_r  # shape: corner handles only on the selection
        assert pen_s.style() == Qt.PenStyle.SolidLine and pen_r.style() == Qt.PenStyle.DashLine
        assert pen_s.widthF() >= 2 * pen_r.widthF()  # weight
        assert brush_s.color().alpha() > brush_r.color().alpha()
    unmarked = [n for n in scene.nodes.values() if not n.isSelected() and not n.highlighted and not n.hovered]
    assert unmarked and all(n.frame_style(1.0) is None for n in unmarked)


def test_selected_and_related_lines_are_marked_differently(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, zain, "genogram")
    scene = view.diagram_scene
    doc = zain.editor.doc
    rels = list(doc.relationships_of(NIKITA))
    chosen, other = rels[0], rels[1]
    zain.editor.select([chosen.id, NIKITA])
    item, related = scene.links[chosen.id], scene.links[other.id]
    assert item.isSelected() and related.highlighted and not related.isSelected()
    edge_s, _ = item.halo_style(1.0)
    edge_r, _ = related.halo_style(1.0)
    assert edge_s.style() == Qt.PenStyle.SolidLine and edge_r.style() == Qt.PenStyle.NoPen  # an edge only when selected
    assert item.halo_width(1.0) - item.line_width() > related.halo_width(1.0) - related.line_width()
    assert item.zValue() > related.zValue()
    zain.editor.select([])
    assert item.halo_width(1.0) == 0.0 and item.zValue() == related.zValue()


def test_the_sketch_marks_the_selection_by_size_too(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, zain, "genogram")
    scene = view.diagram_scene
    zain.editor.select([NIKITA])
    batches = scene.sketch._batches()
    [selected] = batches.selected
    assert batches.related and all(selected.width() > r.width() * 1.3 for r in batches.related)
    assert scene.nodes[NIKITA].symbol_rect() not in batches.plain
