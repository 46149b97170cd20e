"""The Ecomap tab, and what it shares with the Circles tab: a network drawn around the child.

Both views are :class:`~.diagram_scene.DiagramScene` subclasses fed by the shared, Qt-free layouts
and diagram builders (:mod:`..layout.ecomap_diagram`, :mod:`..layout.circles_diagram`), so the screen
shows what the PDF prints. On top of the genogram's editing they add:

- a *backdrop*: what belongs to no one node or tie (rings, sector titles, "no community ties yet");
- a pinned centre: the child (or household) stays in the middle and is not dragged;
- arrow keys that step to the nearest symbol that way (the pictures are arranged by place, not by
  lines between relatives);
- their own meaning for a drop, a double-click and "add here": on the ecomap a drag moves a circle,
  a drag *out of the centre* draws a tie (strength, stress and flow in one small menu), and whoever
  is added while the ecomap shows comes with a tie from the centre, in the same undo step; on the
  circles a drop in another ring or sector changes the placement (see :mod:`.circles_view`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QMenu,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..graph import edits
from ..graph.document import CaseDocument
from ..graph.model import AnyNode, AnyRelationship, EcomapTie, Person, Point, Service
from ..layout.diagram import AnyItem, Diagram
from ..layout.ecomap import VIEW as ECOMAP
from ..layout.ecomap import EcomapLayout, ecomap_layout
from ..layout.ecomap_diagram import ecomap_diagram
from .diagram_painter import paint_item
from .diagram_scene import DiagramScene
from .editing_view import EditingView
from .editor import CaseEditor
from .modes import LinkMode, SelectMode
from .relationship_menu import add_field_choices, choose_relationship, choose_tie


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

    def showing(self) -> bool:
        """Whether this picture is on screen (its tab is the current one)."""
        return any(view.isVisible() for view in self.views())

    def pinned(self) -> set[str]:
        """Nodes that stay where the layout puts them (the centre)."""
        return set()

    def neighbours(self, node_id: str) -> dict[str, Point]:
        """Every other symbol: the arrow keys step to the nearest one that way, since these pictures
        place people by closeness and sector, not along lines between relatives."""
        return {k: item.centre for k, item in self.nodes.items() if k != node_id}

    def drop(self, places: dict[str, Point], merge_token: object = None) -> bool:
        """Nodes were dragged (or nudged) to ``places`` (their new centres); make that one edit, or refuse."""
        return self.editor.move(self.view_key, places, merge_token)

    def add_at(self, point: Point, service: bool = False) -> None:
        """A double-click on empty space or "Add … here": add a person (or service) there, as this
        view means it."""
        raise NotImplementedError

    def tie_start_at(self, pos: QPointF) -> str | None:
        """The node a press at ``pos`` draws a new tie from, instead of selecting or moving (none here)."""
        return None

    def choose(self, doc: CaseDocument, source: str, target: str, at: QPoint,
               parent: QWidget | None = None) -> AnyRelationship | None:
        """What a line drawn from ``source`` to ``target`` becomes."""
        return choose_relationship(doc, source, target, at, parent)


class NetworkSelectMode(SelectMode):
    """Selecting and dragging as on the genogram, except that the centre stays put, a press where the
    scene says ties start draws one, and a drop, a nudge or "add here" means what the scene says
    (:meth:`NetworkScene.drop`, :meth:`~NetworkScene.add_at`)."""

    scene: NetworkScene  # type: ignore[assignment]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.LeftButton and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            source = self.scene.tie_start_at(event.scenePos())
            if source is not None:
                self.editor.select([source])
                link = LinkMode(self.scene, self.scene.choose, once=True)
                self.scene.set_mode(link)
                node = self.scene.nodes.get(source)
                link.start(source, QPointF(*node.centre) if node is not None else event.scenePos())
                return True
        return super().mousePressEvent(event)

    def movable(self, node_ids: Sequence[str]) -> list[str]:
        pinned = self.scene.pinned()
        return [k for k in node_ids if k not in pinned]

    def nudge(self, places: dict[str, Point], merge_token: object) -> bool:
        return self.scene.drop(places, merge_token)

    def add_here(self, point: Point, service: bool = False) -> None:
        self.scene.add_at(point, service)


class NetworkView(EditingView):
    """A tab showing one :class:`NetworkScene`, with the genogram tab's zoom, pan and linking."""

    view_key = "network"
    diagram_scene: NetworkScene

    def chooser(self, doc: CaseDocument, source: str, target: str, at: QPoint,
                parent: QWidget | None = None) -> AnyRelationship | None:
        return self.diagram_scene.choose(doc, source, target, at, parent)


# ----- the ecomap -------------------------------------------------------------------------------------


class EcomapScene(NetworkScene):
    """The ecomap: circles are dragged freely (positions are kept); new people come with a tie."""

    view_key = ECOMAP

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        self.network: EcomapLayout | None = None  # the layout last drawn, for the centre's place
        super().__init__(editor, parent)
        editor.joiners.append(self._join)

    def close(self) -> None:
        self.editor.joiners.remove(self._join)
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

    def tie_start_at(self, pos: QPointF) -> str | None:
        """Someone in the centre, or the centre's own circle: the drag draws a tie from them."""
        node = self.node_at(pos)
        if node is not None:
            return node.node_id if node.node_id in self.pinned() else None
        layout = self.network
        if layout is None or self.connector_at(pos) is not None \
                or math.hypot(pos.x(), pos.y()) > layout.centre_radius:
            return None
        return self.tie_source()

    def choose(self, doc: CaseDocument, source: str, target: str, at: QPoint,
               parent: QWidget | None = None) -> AnyRelationship | None:
        """A tie, in the ecomap's small menu; between two people inside the centre (a small genogram
        of the household) any kind of relationship; from the household to someone in it, nothing."""
        pinned = self.pinned()
        if source in pinned and target in pinned:
            household = self.network.household_id if self.network is not None else None
            return None if household in (source, target) else choose_relationship(doc, source, target, at, parent)
        return choose_tie(doc, source, target, at, parent)

    def add_at(self, point: Point, service: bool = False) -> None:
        """Added through the editor, which asks :meth:`_join` for the tie that shows them here."""
        if self.tie_source() is None:
            self.editor.problem.emit("Mark someone as the child at the centre first; ecomap ties start from them.")
        elif service:
            self.editor.add_service(self.view_key, point)
        else:
            self.editor.add_person(self.view_key, point)

    def _join(self, edit: edits.Edit, nodes: Sequence[AnyNode]) -> edits.Edit:
        """Whoever is added while the ecomap shows gets a tie from the centre, in the same edit:
        the ecomap draws only what is tied, and one gesture is one undo step."""
        if not self.showing():
            return edit
        source = self.tie_source()
        tied = {c.after.target for c in edit.changes if isinstance(c.after, EcomapTie)} | {source}
        new = [n.id for n in nodes if isinstance(n, (Person, Service)) and n.id not in tied]
        if not new:
            return edit
        if source is None:
            self.editor.problem.emit("Added, but not on the ecomap: mark someone as the child at the centre "
                                     "first; ecomap ties start from them.")
            return edit
        return edits.with_ecomap_ties(edit, source, new, f"{edit.label} to the ecomap")


class EcomapView(NetworkView):
    """Shows and edits the case as an ecomap."""

    view_key = ECOMAP
    diagram_scene: EcomapScene

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, EcomapScene(editor), parent)
        self.setObjectName("ecomap_view")
        self.setAccessibleName("Ecomap")

    def add_node_actions(self, menu: QMenu, node_id: str) -> None:
        """A circle's tie, changed without aiming at its line: strength, stress, flow."""
        if node_id in self.diagram_scene.pinned():
            return
        doc = self.editor.doc
        ties = [r for r in doc.relationships_of(node_id) if isinstance(r, EcomapTie)]
        for tie in ties:
            title = f"Tie from {doc.node(tie.source).label} to {doc.node(tie.target).label}"
            if len(ties) == 1:
                menu.addAction(title).setEnabled(False)
                add_field_choices(menu, doc, tie, self.editor.update_relationship)
            else:
                add_field_choices(menu.addMenu(title), doc, tie, self.editor.update_relationship)
