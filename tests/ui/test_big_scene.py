"""DESIGN.md's PySide6 pitfall: 6.12.0 on Python 3.11 aborts after a few thousand calls that return
None (setPos, setFlag, ...). Build a scene of 10,000 items, use it, and tear it down; on an affected
PySide6 this test kills the interpreter."""

from __future__ import annotations

import gc

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Parentage, Person
from circles_desktop.layout.diagram import Diagram, Line
from circles_desktop.layout.notation import symbol_items
from circles_desktop.layout.style import ShapeKind
from circles_desktop.ui.diagram_scene import DiagramScene
from circles_desktop.ui.editor import CaseEditor


def _grid(people: int) -> tuple[CaseDocument, Diagram]:
    persons = [Person(id=f"p{i}", given_names=f"P{i}") for i in range(people)]
    rels = [Parentage(f"p{i - 100}", f"p{i}", id=f"r{i}") for i in range(100, people)]
    doc = CaseDocument(CaseInfo("Big"))
    doc.load(doc.info, persons, rels)
    items = []
    for i in range(people):
        items += symbol_items(ShapeKind.SQUARE, ((i % 100) * 60.0, (i // 100) * 80.0), 30.0, node_id=f"p{i}")
    for i in range(100, people):
        x, y = (i % 100) * 60.0, (i // 100) * 80.0
        items.append(Line(points=((x, y - 65.0), (x, y - 15.0)), rel_id=f"r{i}", part="descent"))
    return doc, Diagram.of(items)


def test_a_scene_of_ten_thousand_items_builds_and_tears_down(qapp) -> None:
    doc, diagram = _grid(5050)
    editor = CaseEditor(doc)
    scene = DiagramScene(editor, lambda _doc: diagram)
    scene.show_diagram(diagram)
    assert len(scene.nodes) == 5050 and len(scene.links) == 4950
    assert len(scene.items()) == 10_001  # and the sketch layer
    editor.select(list(scene.nodes)[:2000])  # thousands of setSelected calls
    scene.set_sketching(True)
    scene.set_sketching(False)
    for item in list(scene.nodes.values())[:3000]:
        item.setPos(item.pos().x() + 1.0, item.pos().y())
    scene.close()
    scene.clear()
    del scene
    editor.deleteLater()
    gc.collect()
    qapp.processEvents()
