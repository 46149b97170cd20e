"""A scene that shows a case as a :class:`~..layout.diagram.Diagram` and keeps it up to date.

The scene is a view in napari's sense: it watches the document (``_on_edited``) and redraws from a
fresh diagram, changing only the items whose drawing changed. It never changes the case; mouse
gestures are handled by the current interaction mode (:mod:`.modes`), which asks the editor. The
genogram is one subclass (:mod:`.genogram_scene`); the ecomap and circles views are others, with
their own diagram builders.

Big cases are laid out on a worker thread from a snapshot of the document; a newer edit simply
makes the older result stale, and it is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from ..graph.document import CaseDocument
from ..graph.model import Household
from ..layout.diagram import AnyItem, Diagram, Point, Shape
from .editor import CaseEditor
from .scene_items import ConnectorItem, HouseholdItem, LinkItem, NodeItem, SketchLayer
from .workers import Task, snapshot

if TYPE_CHECKING:
    from .modes import Mode

Builder = Callable[[CaseDocument], Diagram]

# Above this many nodes the layout runs on a worker thread and the scene shows the old drawing
# until the new one is ready.
BACKGROUND_ABOVE = 250

_LAYOUT_POOL: QThreadPool | None = None


def layout_pool() -> QThreadPool:
    """One layout at a time: dot is the slow part, and its cache is not shared across threads."""
    global _LAYOUT_POOL
    if _LAYOUT_POOL is None:
        _LAYOUT_POOL = QThreadPool()
        _LAYOUT_POOL.setMaxThreadCount(1)
    return _LAYOUT_POOL


class DiagramScene(QGraphicsScene):
    """Items for one diagram view of one case, kept in step with the document."""

    view_key = "diagram"

    properties_requested = Signal()
    laid_out = Signal()  # a new drawing is on screen
    busy = Signal(bool)  # a layout is running in the background
    layout_failed = Signal(str)

    def __init__(self, editor: CaseEditor, builder: Builder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.builder = builder
        self.nodes: dict[str, NodeItem] = {}
        self.links: dict[str, ConnectorItem] = {}
        self.diagram: Diagram | None = None
        self.sketch = SketchLayer()
        self.sketch.setVisible(False)
        self.addItem(self.sketch)
        self.sketching = False
        self._task: Task | None = None
        self.laying_out = False  # a layout for the latest edit is running in the background
        self._generation = 0
        self._syncing_selection = False
        self._hover: str | None = None
        self._highlighted: set[str] = set()
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.rebuild)
        from .modes import Mode, SelectMode

        self.select_mode = SelectMode(self)
        self.mode: Mode = self.select_mode
        self.selectionChanged.connect(self._on_scene_selection_changed)
        editor.selection_changed.connect(self._on_editor_selection_changed)
        editor.doc.edited.connect(self._on_edited)

    def close(self) -> None:
        """Stop following the document and the editor, and drop any layout still running."""
        self.editor.doc.edited.disconnect(self._on_edited)
        self.editor.selection_changed.disconnect(self._on_editor_selection_changed)
        self.selectionChanged.disconnect(self._on_scene_selection_changed)
        if self._task is not None:
            self._task.cancel()
        self._refresh.stop()
        self.sketch.track((), ())
        self.nodes.clear()
        self.links.clear()
        self._highlighted.clear()

    # ----- building the drawing -------------------------------------------------------------------

    def _on_edited(self, _edit: object) -> None:
        self._refresh.start()

    def rebuild(self) -> None:
        """Draw the case again; in the background when it is big."""
        self._generation += 1
        generation = self._generation
        doc = self.editor.doc
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if len(doc) <= BACKGROUND_ABOVE:
            if self.laying_out:
                self.laying_out = False
                self.busy.emit(False)
            try:
                diagram = self.builder(doc)
            except Exception as exc:  # noqa: BLE001 -- a layout failure is shown, the old drawing stays
                self.layout_failed.emit(str(exc))
                return
            self.show_diagram(diagram)
            return
        copy = snapshot(doc)
        builder = self.builder
        self._task = Task(lambda _task: builder(copy), self)
        self._task.ended.connect(self._task.deleteLater)
        self._task.finished.connect(lambda diagram: self._on_built(generation, diagram))
        self._task.failed.connect(lambda message: self._on_build_failed(generation, message))
        self.laying_out = True
        self.busy.emit(True)
        self._task.start(layout_pool())

    def _on_built(self, generation: int, diagram: Diagram) -> None:
        if generation != self._generation:
            return  # a newer edit has started a newer layout
        if self.mode.busy:  # never move symbols under the practitioner's hand: wait for the drop
            QTimer.singleShot(50, lambda: self._on_built(generation, diagram))
            return
        self.laying_out = False
        self.busy.emit(False)
        self.show_diagram(diagram)

    def _on_build_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.laying_out = False
            self.busy.emit(False)
            self.layout_failed.emit(message)

    def cancel_layout(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.laying_out = False
            self.busy.emit(False)

    def show_diagram(self, diagram: Diagram) -> None:
        """Make the items match ``diagram``, touching only what changed."""
        doc = self.editor.doc
        by_node: dict[str, list[AnyItem]] = defaultdict(list)
        by_link: dict[str, list[AnyItem]] = defaultdict(list)
        for item in diagram.items:
            if item.rel_id and doc.has_relationship(item.rel_id):
                by_link[item.rel_id].append(item)
            elif item.node_id and doc.has_node(item.node_id):
                node = doc.node(item.node_id)
                (by_link if isinstance(node, Household) else by_node)[item.node_id].append(item)
        self._syncing_selection = True  # removing selected items must not echo back to the editor
        try:
            self._sync_nodes(by_node)
            self._sync_links(by_link)
        finally:
            self._syncing_selection = False
        self.diagram = diagram
        self.sketch.track(self.nodes.values(), self.links.values())
        margin = 400.0
        b = diagram.bounds
        self.setSceneRect(QRectF(b.x0 - margin, b.y0 - margin, b.width + 2 * margin, b.height + 2 * margin))
        self._apply_selection()
        self._apply_highlight()
        self.laid_out.emit()

    def _sync_nodes(self, by_node: dict[str, list[AnyItem]]) -> None:
        for node_id in list(self.nodes):
            if node_id not in by_node:
                self.removeItem(self.nodes.pop(node_id))
        for node_id, drawing in by_node.items():
            centre = _centre(drawing)
            item = self.nodes.get(node_id)
            if item is None:
                item = NodeItem(node_id, centre, drawing)
                item.setOpacity(0.0 if self.sketching else 1.0)
                self.nodes[node_id] = item
                self.addItem(item)
            else:
                item.set_drawing(centre, drawing)

    def _sync_links(self, by_link: dict[str, list[AnyItem]]) -> None:
        doc = self.editor.doc
        for key in list(self.links):
            if key not in by_link:
                self.removeItem(self.links.pop(key))
        for key, drawing in by_link.items():
            if doc.has_relationship(key):
                rel = doc.relationship(key)
                ends, cls = (rel.source, rel.target), LinkItem
            else:
                household = doc.node(key)
                assert isinstance(household, Household)
                ends, cls = tuple(sorted(household.members)), HouseholdItem
            item = self.links.get(key)
            if item is None or type(item) is not cls:
                if item is not None:
                    self.removeItem(item)
                item = cls(key, ends, drawing)
                item.setOpacity(0.0 if self.sketching else 1.0)
                self.links[key] = item
                self.addItem(item)
            else:
                item.set_drawing(ends, drawing)

    def drop(self, places: dict[str, Point]) -> bool:
        """Symbols were dragged to ``places`` (their new centres): one edit, or False if refused.
        Views where a drop means more than a move (the circles) say so by overriding this."""
        return self.editor.move(self.view_key, places)

    # ----- level of detail ----------------------------------------------------------------------------

    def set_sketching(self, on: bool) -> None:
        """Tiny symbols: let the sketch layer draw; the detailed items stay for clicks, unpainted."""
        if on == self.sketching:
            return
        self.sketching = on
        opacity = 0.0 if on else 1.0
        for item in (*self.nodes.values(), *self.links.values()):
            item.setOpacity(opacity)
        self.sketch.setVisible(on)

    # ----- selection ---------------------------------------------------------------------------------

    def _on_scene_selection_changed(self) -> None:
        if self._syncing_selection:
            return
        chosen = [item for item in self.selectedItems() if isinstance(item, (NodeItem, ConnectorItem))]
        ids = [i.node_id if isinstance(i, NodeItem) else i.key for i in chosen]
        # Keep the editor's order for what stays selected, so "the first selected" is stable.
        order = {key: index for index, key in enumerate(self.editor.selection)}
        ids.sort(key=lambda key: order.get(key, len(order)))
        self.editor.select(ids)
        self._apply_highlight()

    def _on_editor_selection_changed(self) -> None:
        self._apply_selection()
        self._apply_highlight()

    def _apply_selection(self) -> None:
        wanted = set(self.editor.selection)
        self._syncing_selection = True
        try:
            for item in self.selectedItems():
                if self._key(item) not in wanted:
                    item.setSelected(False)
            for key in wanted:
                item = self.nodes.get(key) or self.links.get(key)
                if item is not None and not item.isSelected():
                    item.setSelected(True)
        finally:
            self._syncing_selection = False
        self.sketch.invalidate()

    @staticmethod
    def _key(item: QGraphicsItem) -> str | None:
        if isinstance(item, NodeItem):
            return item.node_id
        if isinstance(item, ConnectorItem):
            return item.key
        return None

    def select_ids(self, ids: Iterable[str], *, add: bool = False) -> None:
        current = list(self.editor.selection) if add else []
        self.editor.select([*current, *ids])

    # ----- highlighting a person's relationships ---------------------------------------------------------

    def set_hover(self, node_id: str | None) -> None:
        if node_id != self._hover and self.nodes:
            if self._hover in self.nodes:
                self.nodes[self._hover].set_hovered(False)
            self._hover = node_id
            if node_id in self.nodes:
                self.nodes[node_id].set_hovered(True)
            self._apply_highlight()

    def _apply_highlight(self) -> None:
        """The relationships (and the people at their other ends) of the hovered and selected people."""
        focus = {key for key in self.editor.selection if key in self.nodes}
        if self._hover:
            focus.add(self._hover)
        doc = self.editor.doc
        wanted: set[str] = set()
        for node_id in focus:
            for rel in doc.relationships_of(node_id):
                wanted.add(rel.id)
                wanted.update(end for end in (rel.source, rel.target) if end not in focus)
        for key in self._highlighted - wanted:
            item = self.nodes.get(key) or self.links.get(key)
            if item is not None:
                item.set_highlighted(False)
        for key in wanted - self._highlighted:
            item = self.nodes.get(key) or self.links.get(key)
            if item is not None:
                item.set_highlighted(True)
        self._highlighted = wanted

    # ----- geometry for modes and keys -------------------------------------------------------------

    def node_at(self, pos: QPointF) -> NodeItem | None:
        if self.sketching:  # Qt does not hit-test fully transparent items: look for the symbol itself
            return next((n for n in self.nodes.values() if n.sceneBoundingRect().contains(pos)), None)
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def connector_at(self, pos: QPointF) -> ConnectorItem | None:
        if self.sketching:
            return None  # lines a pixel wide are not worth aiming at; zoom in to pick one
        for item in self.items(pos):
            if isinstance(item, ConnectorItem):
                return item
        return None

    def nodes_in(self, rect: QRectF) -> list[NodeItem]:
        """The symbols a rubber band touches."""
        if self.sketching:
            return [n for n in self.nodes.values() if n.sceneBoundingRect().intersects(rect)]
        return [item for item in self.items(rect, Qt.ItemSelectionMode.IntersectsItemShape)
                if isinstance(item, NodeItem)]

    def connectors_of(self, node_ids: Iterable[str]) -> list[ConnectorItem]:
        ids = set(node_ids)
        return [link for link in self.links.values() if ids.intersection(link.ends)]

    def neighbours(self, node_id: str) -> dict[str, Point]:
        """Where the people joined to ``node_id`` by a relationship are drawn."""
        doc = self.editor.doc
        found: dict[str, Point] = {}
        for rel in doc.relationships_of(node_id):
            other = rel.target if rel.source == node_id else rel.source
            if other in self.nodes:
                found[other] = self.nodes[other].centre
        return found

    # ----- events go to the current mode ------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.mode.leave()
        self.mode = mode
        mode.enter()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.mode.mousePressEvent(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.mode.mouseMoveEvent(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.mode.mouseReleaseEvent(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.mode.mouseDoubleClickEvent(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.mode.keyPressEvent(event):
            super().keyPressEvent(event)


def _centre(drawing: list[AnyItem]) -> Point:
    """A node's place is its symbol's centre, else the middle of its drawing."""
    shapes = [item for item in drawing if isinstance(item, Shape)]
    for shape in sorted(shapes, key=lambda s: s.part != "symbol"):
        return shape.centre
    b = drawing[0].bounds
    for item in drawing[1:]:
        b = b.union(item.bounds)
    return ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)

