"""What every editable drawing tab shares: the editor, select-all, linking mode, export drawing.

The genogram, ecomap and circles tabs differ in their scene; the way a tab drives its scene is one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..layout.diagram import Diagram
from .canvas import CanvasView
from .diagram_scene import DiagramScene
from .editor import CaseEditor
from .modes import LinkMode


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

    def set_link_mode(self, on: bool) -> None:
        scene = self.diagram_scene
        if on == isinstance(scene.mode, LinkMode):
            return
        if on:
            mode = LinkMode(scene)
            mode.finished.connect(self._on_link_mode_finished)
            scene.set_mode(mode)
        else:
            scene.set_mode(scene.select_mode)

    def _on_link_mode_finished(self) -> None:
        self.set_link_mode(False)
        self.link_mode_ended.emit()

    def close_view(self) -> None:
        self.diagram_scene.close()
