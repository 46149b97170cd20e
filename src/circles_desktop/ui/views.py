"""The registry of a case's views (Genogram now; Ecomap and Circles plug in here) and their frame.

A view is a :class:`CaseView`: a widget that draws the case for one editor and can say what it
would print. Adding a view is one line in :data:`VIEW_KINDS`; the frame, the View menu's tab
switching, export and print work for it without further change. Views are imported only when a
case is opened, which keeps the window's start-up light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from .editor import CaseEditor

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ..layout.diagram import Diagram
    from .canvas import Overview
    from .diagram_scene import DiagramScene


class CaseView(Protocol):
    """What the window needs from any view of a case (in practice a :class:`~.canvas.CanvasView`)."""

    view_key: str
    zoom_changed: SignalInstance  # float: the new scale
    link_mode_ended: SignalInstance
    diagram_scene: DiagramScene
    overview: Overview

    def set_link_mode(self, on: bool) -> None: ...

    def zoom_by(self, factor: float) -> None: ...

    def zoom_fit(self) -> None: ...

    def zoom_actual(self) -> None: ...

    def select_all(self) -> None: ...

    def drawing(self) -> Diagram:
        """The renderer-neutral drawing of this view, for export and print."""
        ...

    def close_view(self) -> None:
        """Stop following the document."""
        ...


@dataclass(frozen=True)
class ViewKind:
    key: str
    title: str
    factory: str  # "module:Class", imported on first use
    draws: bool = True  # a drawing of the network, which File > Export and Print can put on paper

    def create(self, editor: CaseEditor, parent: QWidget | None) -> QWidget:
        module_name, class_name = self.factory.split(":")
        module = importlib.import_module(module_name, __package__)
        cls: Callable[[CaseEditor, QWidget | None], QWidget] = getattr(module, class_name)
        return cls(editor, parent)


VIEW_KINDS: tuple[ViewKind, ...] = (
    ViewKind("genogram", "Genogram", ".genogram_view:GenogramView"),
    ViewKind("ecomap", "Ecomap", ".ecomap_view:EcomapView"),
    ViewKind("circles", "Circles of support", ".circles_view:CirclesView"),
    ViewKind("meeting", "Meeting", ".meeting_tab:MeetingTab", draws=False),
)
DRAWN_VIEWS = frozenset(kind.key for kind in VIEW_KINDS if kind.draws)


class CaseFrame(QTabWidget):
    """One tab per registered view, all showing the same editor.

    Only the first view is made when the case opens; the others are made the first time their tab
    is shown, so opening a case costs one layout, not three.
    """

    view_changed = Signal()
    view_created = Signal(object)  # the new CaseView, for the window to follow

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None,
                 kinds: tuple[ViewKind, ...] = VIEW_KINDS) -> None:
        super().__init__(parent)
        self.setObjectName("case_views")
        self.setAccessibleName("Views of the case")
        self.setDocumentMode(True)
        self.editor = editor
        self.kinds = kinds
        self._made: dict[int, CaseView] = {}
        for kind in kinds:
            placeholder = QWidget(self)
            placeholder.setAccessibleName(f"{kind.title} of {editor.doc.info.name}")
            self.addTab(placeholder, kind.title)
        self.setTabBarAutoHide(self.count() < 2)
        self._make(0)
        self.currentChanged.connect(self._on_current_changed)

    def _make(self, index: int) -> CaseView:
        if index not in self._made:
            kind = self.kinds[index]
            widget = kind.create(self.editor, self)
            widget.setAccessibleName(f"{kind.title} of {self.editor.doc.info.name}")
            placeholder = self.widget(index)
            self.blockSignals(True)
            try:
                current = self.currentIndex()
                self.removeTab(index)
                self.insertTab(index, widget, kind.title)
                self.setCurrentIndex(current)
            finally:
                self.blockSignals(False)
            placeholder.deleteLater()
            self._made[index] = widget  # type: ignore[assignment]
            self.view_created.emit(widget)
        return self._made[index]

    def _on_current_changed(self, index: int) -> None:
        if index >= 0:
            self._make(index)
            self.view_changed.emit()

    def current_view(self) -> CaseView:
        return self._make(self.currentIndex())

    def views(self) -> list[CaseView]:
        """The views made so far (a tab never shown has none yet)."""
        return [self._made[i] for i in sorted(self._made)]

    def show_view(self, key: str) -> None:
        for index, kind in enumerate(self.kinds):
            if kind.key == key:
                self.setCurrentIndex(index)

    def step(self, by: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + by) % self.count())

    def close_views(self) -> None:
        for view in self.views():
            view.close_view()
