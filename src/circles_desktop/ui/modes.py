"""Interaction modes: what a mouse gesture or key means on the canvas right now.

Each mode is an object the scene hands its events to (orange-canvas-core's "user interaction"
pattern), instead of flags tested all over the event handlers. A mode reads the scene, shows
temporary feedback (a rubber band, a line being drawn) and, when the gesture is complete, asks the
editor for one edit. Modes never change the document themselves.

- :class:`SelectMode` (the default): click, Ctrl-click, drag symbols (one undo step per drag),
  double-click to add a person, arrow keys to walk along relationships (Shift+arrows to add to the
  selection), Ctrl+arrows to nudge.
  Views change what these mean through its public hooks (:meth:`~SelectMode.movable`,
  :meth:`~SelectMode.nudge`, :meth:`~SelectMode.add_here` and the scene's ``drop``), never
  through its drag state.
- :class:`RubberBandMode`: started by dragging on empty space; selects what the rectangle touches.
- :class:`LinkMode`: drag from one symbol to another, then choose the kind of relationship; held on
  as a mode (Ctrl+L) or for one gesture (the ecomap's drag out of the centre).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QWidget,
)

from ..graph.document import CaseDocument
from ..graph.model import AnyRelationship, Point, Role
from .navigation import step_along
from .relationship_menu import choose_relationship
from .scene_items import SELECTION, ConnectorItem, NodeItem

if TYPE_CHECKING:
    from .diagram_scene import DiagramScene

NUDGE = 10.0  # points moved by Ctrl+arrow
_ARROWS = {Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right", Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down"}

Chooser = Callable[[CaseDocument, str, str, QPoint, QWidget | None], AnyRelationship | None]


class Mode(QObject):
    """The base mode: handles nothing, so the scene's default handling applies."""

    finished = Signal()  # the mode ended by itself (Esc); the view returns to selecting

    def __init__(self, scene: DiagramScene) -> None:
        super().__init__(scene)
        self.scene = scene

    @property
    def editor(self):  # type: ignore[no-untyped-def]
        return self.scene.editor

    @property
    def busy(self) -> bool:
        """In the middle of a gesture: the scene keeps a new drawing until it is over."""
        return False

    def enter(self) -> None:
        """Called when the mode becomes current."""

    def leave(self) -> None:
        """Called when another mode takes over; remove any temporary feedback."""

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def keyPressEvent(self, event: QKeyEvent) -> bool:
        return False


def _ctrl(event: QGraphicsSceneMouseEvent | QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


def _dragged_far_enough(event: QGraphicsSceneMouseEvent) -> bool:
    moved = event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
    return moved.manhattanLength() >= QApplication.startDragDistance()


class SelectMode(Mode):
    """Select, move and walk through the network."""

    def __init__(self, scene: DiagramScene) -> None:
        super().__init__(scene)
        self._press: QPointF | None = None
        self._starts: dict[str, Point] = {}
        self._links: list[ConnectorItem] = []
        self._dragging = False
        self._narrow_to: str | None = None  # a click (not a drag) on one of several selected selects it alone

    @property
    def busy(self) -> bool:
        return self._dragging

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        node = self.scene.node_at(pos)
        selection = list(self.editor.selection)
        if node is not None:
            if _ctrl(event):
                self.editor.select([k for k in selection if k != node.node_id] if node.node_id in selection
                                   else [*selection, node.node_id])
            elif node.node_id not in selection:
                self.editor.select([node.node_id])
            elif len(selection) > 1:
                self._narrow_to = node.node_id
            moving = self.movable([k for k in self.editor.selection if k in self.scene.nodes])
            if node.node_id in self.editor.selection and moving:
                self._press = pos
                self._starts = {k: self.scene.nodes[k].centre for k in moving}
            return True
        link = self.scene.connector_at(pos)
        if link is not None:
            if _ctrl(event):
                self.editor.select([k for k in selection if k != link.key] if link.key in selection
                                   else [*selection, link.key])
            else:
                self.editor.select([link.key])
            return True
        band = RubberBandMode(self.scene, pos, add=_ctrl(event))
        self.scene.set_mode(band)
        return True

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        if not self._dragging:
            if not _dragged_far_enough(event):
                return True
            self._dragging = True
            self._links = self.scene.connectors_of(self._starts)
            centres = {k: item.centre for k, item in self.scene.nodes.items()
                       if any(k in link.ends for link in self._links)}
            for link in self._links:
                link.begin_stretch(centres)
        delta = event.scenePos() - self._press
        self._move_to(delta.x(), delta.y())
        return True

    def _move_to(self, dx: float, dy: float) -> None:
        for key, (x, y) in self._starts.items():
            self.scene.nodes[key].setPos(x + dx, y + dy)
        deltas = dict.fromkeys(self._starts, (dx, dy))
        for link in self._links:
            link.stretch(deltas)
        if self.scene.sketching:
            self.scene.sketch.invalidate()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        narrow, self._narrow_to = self._narrow_to, None
        if self._dragging:
            places = {k: self.scene.nodes[k].centre for k in self._starts if k in self.scene.nodes}
            if not self.scene.drop(places):
                self._move_to(0.0, 0.0)
            for link in self._links:
                link.end_stretch()
        elif narrow is not None:
            self.editor.select([narrow])
        handled = self._press is not None or narrow is not None
        self._press, self._starts, self._links, self._dragging = None, {}, [], False
        return handled

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        if self.scene.node_at(pos) is not None or self.scene.connector_at(pos) is not None:
            self.scene.properties_requested.emit()
        else:
            self.add_here((round(pos.x(), 1), round(pos.y(), 1)))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> bool:
        direction = _ARROWS.get(Qt.Key(event.key()))
        if direction is None:
            if event.key() == Qt.Key.Key_Escape and self.editor.selection:
                self.editor.select([])
                return True
            return False
        shift = Qt.KeyboardModifier.ShiftModifier
        if _ctrl(event) and not event.modifiers() & shift:
            return self._nudge(direction)
        extra = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if extra & ~shift:
            return False
        self._walk(direction, add=bool(extra & shift))
        return True

    def _walk(self, direction: str, add: bool = False) -> None:
        """Step to the next symbol that way; with Shift, add it to the selection (then Ctrl+R relates
        the two: drawing a relationship without the mouse)."""
        nodes = [k for k in self.editor.selection if k in self.scene.nodes]
        if not nodes:
            start = self._starting_node()
            if start:
                self._reveal(start)
            return
        current = nodes[-1]
        target = step_along(self.scene.nodes[current].centre, self.scene.neighbours(current), direction)
        if target:
            self._reveal(target, add)

    def _starting_node(self) -> str | None:
        """With nothing selected, the arrows start from the child at the centre of the case."""
        people = self.editor.doc.people()
        child = next((p.id for p in people if Role.CHILD in p.roles and p.id in self.scene.nodes), None)
        return child or next(iter(self.scene.nodes), None)

    def _reveal(self, node_id: str, add: bool = False) -> None:
        self.editor.select([*self.editor.selection, node_id] if add else [node_id])
        for view in self.scene.views():
            view.ensureVisible(self.scene.nodes[node_id], 60, 60)

    def _nudge(self, direction: str) -> bool:
        keys = self.movable([k for k in self.editor.selection if k in self.scene.nodes])
        if not keys:
            return False
        dx, dy = {"left": (-NUDGE, 0.0), "right": (NUDGE, 0.0), "up": (0.0, -NUDGE), "down": (0.0, NUDGE)}[direction]
        places = {k: (self.scene.nodes[k].centre[0] + dx, self.scene.nodes[k].centre[1] + dy) for k in keys}
        if self.nudge(places, ("nudge", tuple(keys))):
            for key, (x, y) in places.items():  # at once, so a quick second press starts from here
                self.scene.nodes[key].setPos(x, y)
        return True

    # ----- what a view may mean by a gesture --------------------------------------------------------

    def movable(self, node_ids: Sequence[str]) -> list[str]:
        """Which of the selected symbols a drag or Ctrl+arrow takes along; the others stay put.
        Everything moves on the genogram; the network views keep the child in the middle."""
        return list(node_ids)

    def nudge(self, places: dict[str, Point], merge_token: object) -> bool:
        """Ctrl+arrow moved symbols to ``places``: one edit, merged with the presses before it that
        carry the same ``merge_token``. (A drag's end is the scene's ``drop``.)"""
        return self.editor.move(self.scene.view_key, places, merge_token=merge_token)

    def add_here(self, point: Point, service: bool = False) -> None:
        """A double-click on empty paper, or "Add … here" from the context menu: a new person (or
        service) at ``point``."""
        if service:
            self.editor.add_service(self.scene.view_key, point)
        else:
            self.editor.add_person(self.scene.view_key, point)


class RubberBandMode(Mode):
    """Drag a rectangle over empty space; everything it touches is selected (Ctrl adds)."""

    def __init__(self, scene: DiagramScene, origin: QPointF, add: bool) -> None:
        super().__init__(scene)
        self.origin = origin
        self.base = list(scene.editor.selection) if add else []
        self.band = QGraphicsRectItem()
        pen = QPen(SELECTION, 0)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.band.setPen(pen)
        fill = QColor(SELECTION)
        fill.setAlpha(30)
        self.band.setBrush(fill)
        self.band.setZValue(10)

    def enter(self) -> None:
        self.scene.addItem(self.band)
        self.band.setRect(QRectF(self.origin, self.origin))
        if not self.base:
            self.editor.select([])

    def leave(self) -> None:
        self.scene.removeItem(self.band)
        self.deleteLater()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        rect = QRectF(self.origin, event.scenePos()).normalized()
        self.band.setRect(rect)
        touched = [item.node_id for item in self.scene.nodes_in(rect)]
        self.editor.select([*self.base, *touched])
        return True

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.scene.set_mode(self.scene.select_mode)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select(self.base)
            self.scene.set_mode(self.scene.select_mode)
            return True
        return False


class LinkMode(Mode):
    """Drag from one symbol to another to draw a relationship, then choose its kind.

    Held on (``once=False``) it stays until Esc or the toolbar switches it off; for one gesture
    (``once=True``) the scene goes back to selecting when the button is let go.
    """

    def __init__(self, scene: DiagramScene, chooser: Chooser = choose_relationship, once: bool = False) -> None:
        super().__init__(scene)
        self.chooser = chooser
        self.once = once
        self.source: str | None = None
        self.target: NodeItem | None = None
        self.line = QGraphicsLineItem()
        pen = QPen(SELECTION, 2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.line.setPen(pen)
        self.line.setZValue(10)

    def enter(self) -> None:
        for view in self.scene.views():
            view.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def leave(self) -> None:
        self._clear()
        for view in self.scene.views():
            view.viewport().unsetCursor()
        self.deleteLater()

    def _clear(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        if self.target is not None:
            self.target.set_hovered(False)
        self.source, self.target = None, None

    def _done(self) -> None:
        if self.once:
            self.scene.set_mode(self.scene.select_mode)

    def start(self, source: str, origin: QPointF) -> None:
        """Begin a line from ``source`` (a node or household id) at ``origin``."""
        self.source = source
        self.line.setLine(QLineF(origin, origin))
        if self.line.scene() is None:
            self.scene.addItem(self.line)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        node = self.scene.node_at(event.scenePos())
        if node is not None:
            self.start(node.node_id, QPointF(*node.centre))
        return True

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.source is None:
            return True
        self.line.setLine(QLineF(self.line.line().p1(), event.scenePos()))
        target = self.scene.node_at(event.scenePos())
        target = target if target is not None and target.node_id != self.source else None
        if target is not self.target:
            if self.target is not None:
                self.target.set_hovered(False)
            self.target = target
            if target is not None:
                target.set_hovered(True)
        return True

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        source, target = self.source, self.scene.node_at(event.scenePos())
        self._clear()
        if source is not None and target is not None and target.node_id != source:
            view = self.scene.views()[0] if self.scene.views() else None
            relationship = self.chooser(self.editor.doc, source, target.node_id, event.screenPos(), view)
            if relationship is not None:
                self.editor.relate(relationship)
        self._done()
        return True

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> bool:
        return True

    def keyPressEvent(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            drawing = self.source is not None
            self._clear()
            if self.once:
                self._done()
            elif not drawing:
                self.finished.emit()
            return True
        return False
