"""The Ecomap tab, and what it shares with the Circles tab: a network drawn around the child.

Both views are :class:`~.diagram_scene.DiagramScene` subclasses fed by the shared, Qt-free layouts
and diagram builders (:mod:`..layout.ecomap_diagram`, :mod:`..layout.circles_diagram`), so the screen
shows what the PDF prints. On top of the genogram's editing they add:

- a *backdrop*: what belongs to no one node or tie (rings, sector titles, "no community ties yet");
- a pinned centre: the child (or household) stays in the middle and is not dragged;
- their own meaning for a drop and a double-click: on the ecomap a drag moves a circle and a
  double-click adds a person tied to the child; on the circles a drop in another ring or sector
  changes the placement (see :mod:`.circles_view`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..graph import edits
from ..graph.document import CaseDocument
from ..graph.model import AnyNode, EcomapTie, Person, Point, Service
from ..layout.diagram import AnyItem, Diagram
from ..layout.ecomap import VIEW as ECOMAP
from ..layout.ecomap import EcomapLayout, ecomap_layout
from ..layout.ecomap_diagram import ecomap_diagram
from .diagram_painter import paint_item
from .diagram_scene import DiagramScene
from .editing_view import EditingView
from .editor import CaseEditor
from .modes import SelectMode


class BackdropItem(QGraphicsItem):
    """The parts of a drawing that belong to no node or tie, painted behind everything."""

    def __init__(self) -> None:
        super().__init__()
        self._drawing: tuple[AnyItem, ...] = ()
        self._rect = QRectF()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_drawing(self, drawing: Sequence[AnyItem]) -> None:
        drawing = tuple(drawing)
        if drawing == self._drawing:
            return
        self.prepareGeometryChange()
        self._drawing = drawing
        if drawing:
            bounds = Diagram.of(drawing).bounds
            self._rect = QRectF(bounds.x0 - 2, bounds.y0 - 2, bounds.width + 4, bounds.height + 4)
        else:
            self._rect = QRectF()
        self.update()

    @property
    def drawing(self) -> tuple[AnyItem, ...]:
        return self._drawing

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for item in self._drawing:
            paint_item(painter, item)


class NetworkScene(DiagramScene):
    """A diagram scene for a view drawn around the child, remembering the layout it last drew."""

    view_key = "network"

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        super().__init__(editor, self.build, parent)
        self.backdrop = BackdropItem()
        self.addItem(self.backdrop)
        self.select_mode = NetworkSelectMode(self)
        self.mode = self.select_mode

    def build(self, doc: CaseDocument) -> Diagram:
        """Lay out and draw the case (maybe on a worker thread, from a snapshot of ``doc``)."""
        raise NotImplementedError

    def show_diagram(self, diagram: Diagram) -> None:
        super().show_diagram(diagram)
        doc = self.editor.doc
        self.backdrop.set_drawing([item for item in diagram.items
                                   if not (item.rel_id and doc.has_relationship(item.rel_id))
                                   and not (item.node_id and doc.has_node(item.node_id))])

    def pinned(self) -> set[str]:
        """Nodes that stay where the layout puts them (the centre)."""
        return set()

    def drop(self, places: dict[str, Point]) -> bool:
        """Nodes were dragged to ``places`` (their new centres); make that one edit, or refuse."""
        return self.editor.move(self.view_key, places)

    def add_at(self, point: Point) -> None:
        """A double-click on empty space: add a person there."""
        self.editor.add_person(self.view_key, point)

    def push_new(self, edit: edits.Edit, node_id: str) -> None:
        """Add a node (with whatever joins it to the picture) as one step, then select it for naming."""
        if self.editor.push(edit):
            self.editor.select([node_id])
            self.editor.node_created.emit(node_id)


class NetworkSelectMode(SelectMode):
    """Selecting and dragging as on the genogram, except that the centre stays put and a drop or a
    double-click means what the view says it means (:meth:`NetworkScene.drop`, :meth:`~.add_at`)."""

    scene: NetworkScene  # type: ignore[assignment]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        handled = super().mousePressEvent(event)
        pinned = self.scene.pinned()
        if self._starts and pinned.intersection(self._starts):
            self._starts = {k: v for k, v in self._starts.items() if k not in pinned}
            if not self._starts:
                self._press = None
        return handled

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._press is None or not self._dragging:
            return super().mouseReleaseEvent(event)
        places = {k: self.scene.nodes[k].centre for k in self._starts if k in self.scene.nodes}
        if not self.scene.drop(places):
            self._move_to(0.0, 0.0)
        for link in self._links:
            link.end_stretch()
        self._press, self._starts, self._links, self._dragging = None, {}, [], False
        return True

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        if event.button() != Qt.MouseButton.LeftButton or self.scene.node_at(pos) is not None \
                or self.scene.connector_at(pos) is not None:
            return super().mouseDoubleClickEvent(event)
        self.scene.add_at((round(pos.x(), 1), round(pos.y(), 1)))
        return True


class NetworkView(EditingView):
    """A tab showing one :class:`NetworkScene`, with the genogram tab's zoom, pan and linking."""

    view_key = "network"


# ----- the ecomap -------------------------------------------------------------------------------------


class EcomapScene(NetworkScene):
    """The ecomap: circles are dragged freely (positions are kept); new people come with a tie."""

    view_key = ECOMAP

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        self.network: EcomapLayout | None = None  # the layout last drawn, for the centre's place
        super().__init__(editor, parent)
        editor.node_created.connect(self._on_node_created)

    def close(self) -> None:
        self.editor.node_created.disconnect(self._on_node_created)
        super().close()

    def build(self, doc: CaseDocument) -> Diagram:
        layout = ecomap_layout(doc)
        self.network = layout
        return ecomap_diagram(doc, layout)

    def pinned(self) -> set[str]:
        layout = self.network
        if layout is None:
            return set()
        return set(layout.centre_ids) | ({layout.household_id} if layout.household_id else set())

    def tie_source(self) -> str | None:
        """Where a new tie starts: the household in the centre, else the child."""
        layout = self.network
        if layout is not None and layout.household_id:
            return layout.household_id
        children = self.editor.doc.children_at_centre()
        return children[0].id if children else None

    def add_at(self, point: Point) -> None:
        self.add_node(Person(positions={ECOMAP: point}))

    def add_node(self, node: AnyNode) -> None:
        """Add a person or service to the ecomap, tied to the centre, in one undo step."""
        source = self.tie_source()
        if source is None:
            self.editor.problem.emit("Mark someone as the child at the centre first; ecomap ties start from them.")
            return
        what = "service" if isinstance(node, Service) else "person"
        edit = edits.combine(f"Add {what} to the ecomap",
                             [edits.add_node(node), edits.add_relationship(EcomapTie(source, node.id))])
        self.push_new(edit, node.id)

    def _on_node_created(self, node_id: str) -> None:
        """Someone added from the toolbar while the ecomap is showing gets a tie, so they appear on it."""
        doc = self.editor.doc
        if not any(view.isVisible() for view in self.views()) or not doc.has_node(node_id):
            return
        if any(isinstance(r, EcomapTie) for r in doc.relationships_of(node_id)):
            return
        node = doc.node(node_id)
        source = self.tie_source()
        if source is None or source == node_id or not isinstance(node, (Person, Service)):
            return
        self.editor.push(edits.add_relationship(EcomapTie(source, node_id), f"Tie {node.label} to the ecomap"))


class EcomapView(NetworkView):
    """Shows and edits the case as an ecomap."""

    view_key = ECOMAP

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, EcomapScene(editor), parent)
        self.setObjectName("ecomap_view")
        self.setAccessibleName("Ecomap")

