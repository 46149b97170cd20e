"""The Genogram tab: a canvas on the genogram scene, as a :class:`~.views.CaseView`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..layout.diagram import Diagram
from .canvas import CanvasView
from .diagram_scene import Builder
from .editor import CaseEditor
from .genogram_scene import GenogramScene, build_genogram
from .modes import LinkMode


class GenogramView(CanvasView):
    """Shows and edits the case as a genogram."""

    view_key = "genogram"
    link_mode_ended = Signal()

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None, builder: Builder = build_genogram) -> None:
        self.editor = editor
        scene = GenogramScene(editor, None, builder)
        super().__init__(scene, parent)
        scene.setParent(self)
        self.setObjectName("genogram_view")
        self.setAccessibleName("Genogram")
        scene.rebuild()

    @property
    def scene_(self) -> GenogramScene:
        return self.diagram_scene  # type: ignore[return-value]

    def select_all(self) -> None:
        self.editor.select(self.diagram_scene.nodes)

    def drawing(self) -> Diagram:
        """What is on screen now, for export and print (the genogram diagram, with its legend)."""
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
