"""What every editable drawing tab shares: the editor, select-all, linking mode, the context menu,
export drawing.

The genogram, ecomap and circles tabs differ in their scene; the way a tab drives its scene is one.
A tab says what is its own through :meth:`EditingView.chooser` (what a line drawn between two
symbols becomes) and :meth:`EditingView.add_node_actions` (its own items in a symbol's context
menu); what "add here" adds is its scene's select mode's (:meth:`~.modes.SelectMode.add_here`).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMenu, QWidget

from ..graph.document import CaseDocument
from ..graph.model import AnyRelationship, Point
from ..layout.diagram import Diagram
from .actions import SPECS, shortcut_text
from .canvas import CanvasView
from .diagram_scene import DiagramScene
from .editor import CaseEditor
from .modes import LinkMode
from .relationship_menu import add_field_choices, choose_relationship


class EditingView(CanvasView):
    """A tab showing one scene of the case, with zoom, pan, selection and drawing relationships."""

    view_key = "drawing"
    link_mode_ended = Signal()

    def __init__(self, editor: CaseEditor, scene: DiagramScene, parent: QWidget | None = None) -> None:
        self.editor = editor
        super().__init__(scene, parent)
        scene.setParent(self)
        scene.rebuild()

    def select_all(self) -> None:
        self.editor.select(self.diagram_scene.nodes)

    def drawing(self) -> Diagram:
        """What is on screen now, with its legend, for export and print."""
        diagram = self.diagram_scene.diagram
        return diagram if diagram is not None else self.diagram_scene.builder(self.editor.doc)

    # ----- what a tab makes of a gesture -------------------------------------------------------------

    def chooser(self, doc: CaseDocument, source: str, target: str, at: QPoint,
                parent: QWidget | None = None) -> AnyRelationship | None:
        """What a line drawn from ``source`` to ``target`` becomes: here, any kind of relationship."""
        return choose_relationship(doc, source, target, at, parent)

    def add_node_actions(self, menu: QMenu, node_id: str) -> None:
        """This tab's own items in a symbol's context menu (none on the genogram)."""

    # ----- linking mode ------------------------------------------------------------------------------

    def set_link_mode(self, on: bool) -> None:
        scene = self.diagram_scene
        if on == (isinstance(scene.mode, LinkMode) and not scene.mode.once):
            return
        if on:
            mode = LinkMode(scene, self.chooser)
            mode.finished.connect(self._on_link_mode_finished)
            scene.set_mode(mode)
        else:
            scene.set_mode(scene.select_mode)

    def _on_link_mode_finished(self) -> None:
        self.set_link_mode(False)
        self.link_mode_ended.emit()

    # ----- the context menu --------------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click (or the Menu key, on the selection): what can be done to that, or here."""
        scene = self.diagram_scene
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            key = next((k for k in self.editor.selection if k in scene.nodes or k in scene.links), None)
            point = QPointF(*scene.nodes[key].centre) if key in scene.nodes else \
                self.mapToScene(self.viewport().rect().center())
            at = self.viewport().mapToGlobal(self.mapFromScene(point))
        else:
            point = self.mapToScene(event.pos())
            at = event.globalPos()
            node = scene.node_at(point)
            link = scene.connector_at(point) if node is None else None
            key = node.node_id if node is not None else link.key if link is not None else None
            if key is not None and key not in self.editor.selection:
                self.editor.select([key])
        menu = self.context_menu(key, (round(point.x(), 1), round(point.y(), 1)))
        try:
            menu.exec(at)
        finally:
            menu.deleteLater()
        event.accept()

    def context_menu(self, key: str | None, point: Point) -> QMenu:
        """The menu for a symbol or line (``key``), or for empty paper at ``point``."""
        menu = QMenu(self)
        menu.setObjectName("canvas_menu")
        doc = self.editor.doc
        if key is None:
            menu.setAccessibleName("Add or arrange")
            add_here = self.diagram_scene.select_mode.add_here
            menu.addAction("Add &person here", lambda: add_here(point)).setObjectName("add_person_here")
            menu.addAction("Add &service here", lambda: add_here(point, True)).setObjectName("add_service_here")
            menu.addSeparator()
            menu.addAction(_keyed("Select &all", "edit.select_all"), self.select_all)
            menu.addAction(_keyed("&Fit to window", "zoom.fit"), self.zoom_fit)
            menu.addAction("Re-&arrange", lambda: self.editor.rearrange(self.view_key))
            return menu
        if doc.has_relationship(key):
            rel = doc.relationship(key)
            menu.setAccessibleName(f"Relationship between {doc.node(rel.source).label} and "
                                   f"{doc.node(rel.target).label}")
            add_field_choices(menu, doc, rel, self.editor.update_relationship)
        else:
            menu.setAccessibleName(doc.node(key).label)
            self.add_node_actions(menu, key)
        menu.addSeparator()
        menu.addAction(_keyed("&Properties…", "edit.properties"),
                       self.diagram_scene.properties_requested.emit).setObjectName("properties")
        menu.addAction(_keyed("&Delete", "edit.delete"), self.editor.delete_selection).setObjectName("delete")
        return menu

    def close_view(self) -> None:
        self.diagram_scene.close()


def _keyed(text: str, action: str) -> str:
    """A menu text with the window action's first shortcut beside it, as the platform writes it."""
    keys = shortcut_text(SPECS[action]).split(", ")[0]
    return f"{text}\t{keys}" if keys else text
