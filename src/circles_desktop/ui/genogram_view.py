"""The Genogram tab: a canvas on the genogram scene, as a :class:`~.views.CaseView`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .diagram_scene import Builder
from .editing_view import EditingView
from .editor import CaseEditor
from .genogram_scene import GenogramScene, build_genogram


class GenogramView(EditingView):
    """Shows and edits the case as a genogram."""

    view_key = "genogram"

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None, builder: Builder = build_genogram) -> None:
        super().__init__(editor, GenogramScene(editor, None, builder), parent)
        self.setObjectName("genogram_view")
        self.setAccessibleName("Genogram")

    @property
    def scene_(self) -> GenogramScene:
        return self.diagram_scene  # type: ignore[return-value]
