"""The Meeting tab: prepare the family network meeting and record the plan, then preview its PDFs.

The tab shows the case's latest meeting (:func:`~..graph.meeting.latest_meeting`) in pages that follow
the conference: the meeting itself, who takes part, the agenda, the plan, its actions and review, and
the family's feedback afterwards. Each page is made of sections (``meeting_*.py``); every field commits
through the editor as one undoable edit built by :mod:`..graph.meeting_edits`, so it is saved at once
and Ctrl+Z takes it back. The tab never keeps its own copy of the meeting but redraws every section
from the document after each edit. It is registered beside the drawings in :data:`.views.VIEW_KINDS`,
so it carries inert stand-ins for the canvas parts the window follows (zoom, overview, layout).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..graph import meeting_edits as me
from ..graph.edits import Edit
from ..graph.meeting import Meeting, latest_meeting
from ..graph.redaction import Audience
from ..reports.plan_pdf import write_plan
from .editor import CaseEditor
from .export import _file_name
from .meeting_actions import ActionsSection
from .meeting_agenda import AgendaSection
from .meeting_details import DetailsSection
from .meeting_distribution import DistributionSection
from .meeting_feedback import FeedbackSection
from .meeting_forms import Section, button
from .meeting_people import ChildrenSection, InvitesSection
from .meeting_plan import ColumnsSection, ContingencySection
from .meeting_scaling import ScalingSection
from .workers import Task, run_with_progress, snapshot

VIEW = "meeting"


class _NoDrawing(QObject):
    """What the window follows on a canvas's scene; the Meeting tab draws nothing, so it never fires."""

    busy = Signal(bool)
    layout_failed = Signal(str)
    properties_requested = Signal()
    laying_out = False
    diagram = None

    def rebuild(self) -> None:
        """Nothing to lay out again."""

    def cancel_layout(self) -> None:
        """Nothing is being laid out."""


class _NoOverview(QObject):
    """The meeting has no picture to give an overview of: it is never shown, so never closed."""

    closed = Signal()

    def set_enabled_by_user(self, on: bool) -> None:
        pass


def _page(title: str, *sections: QWidget) -> QScrollArea:
    """One page of the tab: its sections one under the other, scrolled when the window is small."""
    body = QWidget()
    body.setAccessibleName(title)
    layout = QVBoxLayout(body)
    for section in sections:
        layout.addWidget(section)
    layout.addStretch(1)
    page = QScrollArea()
    page.setAccessibleName(f"{title} page")
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidget(body)
    return page


class MeetingTab(QWidget):
    """Shows and edits the case's latest family network meeting and its plan."""

    view_key = VIEW
    zoom_changed = Signal(float)
    link_mode_ended = Signal()
    preview_written = Signal(object)  # the Path of a preview PDF, once written
    zoom = 1.0

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_view")
        self.setAccessibleName("Family network meeting")
        self.editor = editor
        self.diagram_scene = _NoDrawing(self)
        self.overview = _NoOverview(self)
        self.open_previews = True  # tests switch this off: they read the file instead
        self.preview_folder = Path(tempfile.gettempdir())
        self.task: Task | None = None
        self._pending = False
        self._build()
        editor.doc.edited.connect(self._on_edited)
        self.refresh()

    # ----- the CaseView stand-ins ---------------------------------------------------------------

    def set_link_mode(self, on: bool) -> None:
        """Drawing lines is for the canvases."""

    def zoom_by(self, factor: float) -> None:
        """The form does not zoom."""

    def zoom_fit(self) -> None:
        """The form does not zoom."""

    def zoom_actual(self) -> None:
        """The form does not zoom."""

    def select_all(self) -> None:
        """Selection is per field here."""

    def viewport(self) -> QWidget:
        """The window repaints a canvas's viewport; the form repaints itself."""
        return self

    def close_view(self) -> None:
        self.editor.doc.edited.disconnect(self._on_edited)

    # ----- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        note = QLabel("There is no family network meeting for this case yet.")
        note.setAccessibleName("No meeting yet")
        self.plan_button = button("Plan a family network meeting", self.plan_meeting, "Ctrl+Shift+M")
        empty_layout.addWidget(note)
        empty_layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        outer.addWidget(self.empty)

        self.content = QWidget()
        self.content.setAccessibleName("The meeting")
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(self._preview_row())
        editor = self.editor
        self.details = DetailsSection(editor)
        self.people = InvitesSection(editor)
        self.children = ChildrenSection(editor)
        self.agenda = AgendaSection(editor)
        self.columns = ColumnsSection(editor)
        self.scaling = ScalingSection(editor)
        self.actions = ActionsSection(editor)
        self.contingency = ContingencySection(editor)
        self.distribution = DistributionSection(editor)
        self.feedback = FeedbackSection(editor)
        self.sections: tuple[Section, ...] = (
            self.details, self.people, self.children, self.agenda, self.columns, self.scaling, self.actions,
            self.contingency, self.distribution, self.feedback)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("Parts of the meeting")
        self.pages.setDocumentMode(True)
        self.pages.tabBar().setAccessibleName("Parts of the meeting (Alt and the number)")
        for title, sections in (("&1 Meeting", (self.details,)), ("&2 Who takes part", (self.people, self.children)),
                                ("&3 Agenda", (self.agenda,)), ("&4 Plan", (self.columns, self.scaling)),
                                ("&5 Actions and review", (self.actions, self.contingency, self.distribution)),
                                ("&6 Feedback", (self.feedback,))):
            self.pages.addTab(_page(title.split(" ", 1)[1], *sections), title)
        content.addWidget(self.pages, 1)
        outer.addWidget(self.content, 1)

    def _preview_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Preview the plan as a PDF:"))
        self.preview_buttons: dict[Audience, QPushButton] = {}
        for audience, text, name in ((Audience.PROFESSIONAL, "For professionals", "Preview PDF for professionals"),
                                     (Audience.FAMILY, "For the family", "Preview PDF for the family"),
                                     (Audience.CHILD, "For the child", "Preview PDF for the child")):
            made = button(text, lambda a=audience: self.preview(a), name=name)
            made.setToolTip(name)
            self.preview_buttons[audience] = made
            row.addWidget(made)
        row.addStretch(1)
        return row

    def show_page(self, section: Section) -> None:
        """Bring the page holding ``section`` to the front (tests and the keyboard reach any part)."""
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if page.isAncestorOf(section):
                self.pages.setCurrentIndex(index)
                return

    # ----- showing the document -----------------------------------------------------------------

    @property
    def meeting(self) -> Meeting | None:
        return latest_meeting(self.editor.doc.info.meetings)

    def _on_edited(self, _edit: Edit) -> None:
        # Redraw after the slot that made the edit has returned: the widget that sent it may be
        # one the redraw replaces.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        meeting = self.meeting
        self.empty.setVisible(meeting is None)
        self.content.setVisible(meeting is not None)
        if meeting is not None:
            for section in self.sections:
                section.show_meeting(meeting)

    # ----- intents --------------------------------------------------------------------------------

    def plan_meeting(self) -> bool:
        """Create a meeting with the network invited and the standard agenda."""
        return self.editor.push(me.add_meeting(self.editor.doc, me.new_meeting(self.editor.doc),
                                               "Plan a family network meeting"))

    # ----- preview --------------------------------------------------------------------------------

    def preview(self, audience: Audience) -> Task | None:
        """Write the plan for ``audience`` to a temporary PDF off the UI thread, then open it."""
        meeting = self.meeting
        if meeting is None:
            return None
        copy = snapshot(self.editor.doc)
        target = self.preview_folder / f"{_file_name(self.editor.doc.info.name)} - plan ({audience.value}).pdf"

        def work(_task: Task) -> Path:
            write_plan(copy, target, audience, meeting=meeting)
            return target

        self.task = run_with_progress(work, "Preparing the preview", self, self._on_preview,
                                      lambda message: self.editor.problem.emit(f"The preview failed: {message}"))
        return self.task

    def _on_preview(self, path: Path) -> None:
        self.preview_written.emit(path)
        if self.open_previews:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
