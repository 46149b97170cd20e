"""The main window: the case list, the open case's views, its panels, menus and status bar.

The window wires things together and shows messages; it holds no case logic. The open case lives
in a :class:`~.editor.CaseEditor` (document, undo stack, selection); the views draw it; the library
stores it. Every edit is in the database before the screen shows it, so there is no Save command
and nothing to lose on quit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from . import icons
from .actions import Actions
from .audit_view import AuditDialog
from .case_browser import CaseBrowser
from .clipboard import ClipboardError, Fragment
from .dialogs import LibraryDialog, NewCaseDialog, ShortcutsDialog
from .editor import RELATIVES, CaseEditor
from .export import Exporter
from .importer import Importer
from .live_updates import LiveUpdates
from .message_bar import MessageBar
from .property_dock import PropertyPanel
from .relationship_menu import choose_relationship
from .settings import Settings
from .views import DRAWN_VIEWS, CaseFrame, CaseView

if TYPE_CHECKING:
    from ..store.library import Library

APP_NAME = "Circles"


class MainWindow(QMainWindow):
    """The case browser and the editor of one open case."""

    first_painted = Signal()

    def __init__(self, library: Library, settings: Settings, parent: QWidget | None = None,
                 library_url: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowIcon(icons.app_icon())
        self.library = library
        self.library_url = library_url
        self.settings = settings
        self.editor: CaseEditor | None = None
        self.frame: CaseFrame | None = None
        self.live: LiveUpdates | None = None  # shows others' edits to the open case as they save them
        self._painted = False

        self.actions = Actions(self)
        self.actions.build_menus(self.menuBar())
        self.toolbar = QToolBar("Tools", self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setAccessibleName("Tools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.actions.build_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)

        self.undo_group = QUndoGroup(self)
        self.browser = CaseBrowser(self)
        self.cases_dock = self._dock("cases_dock", "Cases", self.browser, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.history = QUndoView(self.undo_group, self)
        self.history.setObjectName("undo_history")
        self.history.setAccessibleName("Changes made to the case, oldest first")
        self.history.setEmptyLabel("Case as opened")
        self.history_dock = self._dock("history_dock", "Undo history", self.history,
                                       Qt.DockWidgetArea.RightDockWidgetArea)

        self.properties = PropertyPanel(self)
        self.properties_dock = self._dock("properties_dock", "Properties", self.properties,
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.properties_dock, self.history_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.properties_dock, self.history_dock], [3, 1], Qt.Orientation.Vertical)
        self.resizeDocks([self.cases_dock, self.properties_dock], [380, 340], Qt.Orientation.Horizontal)

        self.welcome = _Welcome(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.message_bar = MessageBar(self)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(centre)
        self.actions.scope_to_canvas(self.stack)

        self.case_label = QLabel(self)
        self.case_label.setObjectName("status_case")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("status_saved")
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("status_zoom")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName("Laying out the network")
        self.busy_cancel = QToolButton(self)
        self.busy_cancel.setText("Cancel")
        self.busy_cancel.setAccessibleName("Cancel the layout")
        for widget in (self.busy_bar, self.busy_cancel):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.case_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.saved_label)

        self.exporter = Exporter(self, settings)
        self.exporter.done.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.exporter.failed.connect(self._on_problem)
        self.importer = Importer(self, settings)
        self.importer.imported.connect(self._on_imported)
        self.importer.failed.connect(self._on_problem)

        self._connect()
        self._restore_window()
        self._show_case_title()
        self.refresh_cases()
        self._update_actions()

    # ----- building ---------------------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setAccessibleName(f"{title} panel")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        a = self.actions
        a["case.new"].triggered.connect(self.new_case)
        a["case.open"].triggered.connect(self._on_open_case)
        a["case.close"].triggered.connect(self.close_case)
        a["case.delete"].triggered.connect(self._on_delete_chosen)
        a["case.audit"].triggered.connect(self._on_audit)
        a["library.choose"].triggered.connect(self._on_choose_library)
        a["case.import"].triggered.connect(lambda: self.importer.choose_and_import(self.library))
        a["app.quit"].triggered.connect(self.close)
        for kind in ("pdf", "svg", "png"):
            a[f"export.{kind}"].triggered.connect(
                lambda _checked=False, k=kind: self.editor and self.exporter.export(self.editor.doc, self._view_key(), k))
        a["print"].triggered.connect(
            lambda: self.editor and self.exporter.print_(self.editor.doc, self._view_key(), preview=False))
        a["print.preview"].triggered.connect(
            lambda: self.editor and self.exporter.print_(self.editor.doc, self._view_key(), preview=True))
        a["edit.undo"].triggered.connect(self.undo_group.undo)
        a["edit.redo"].triggered.connect(self.undo_group.redo)
        self.undo_group.canUndoChanged.connect(a["edit.undo"].setEnabled)
        self.undo_group.canRedoChanged.connect(a["edit.redo"].setEnabled)
        self.undo_group.undoTextChanged.connect(lambda text: a["edit.undo"].setText(_step("&Undo", text)))
        self.undo_group.redoTextChanged.connect(lambda text: a["edit.redo"].setText(_step("&Redo", text)))
        a["edit.undo"].setEnabled(False)
        a["edit.redo"].setEnabled(False)
        a["edit.cut"].triggered.connect(self.cut)
        a["edit.copy"].triggered.connect(self.copy)
        a["edit.paste"].triggered.connect(self.paste)
        a["edit.delete"].triggered.connect(lambda: self.editor and self.editor.delete_selection())
        a["edit.select_all"].triggered.connect(lambda: self.frame and self.frame.current_view().select_all())
        a["edit.find"].triggered.connect(self._on_find)
        a["add.person"].triggered.connect(lambda: self.editor and self.editor.add_person(self._view_key()))
        a["add.service"].triggered.connect(lambda: self.editor and self.editor.add_service(self._view_key()))
        for relation in RELATIVES:
            a[f"add.{relation}"].triggered.connect(
                lambda _checked=False, r=relation: self.editor and self.editor.add_relative(r))
        a["rearrange"].triggered.connect(lambda: self.editor and self.editor.rearrange(self._view_key()))
        a["zoom.in"].triggered.connect(lambda: self.frame and self.frame.current_view().zoom_by(1.25))
        a["zoom.out"].triggered.connect(lambda: self.frame and self.frame.current_view().zoom_by(0.8))
        a["zoom.fit"].triggered.connect(lambda: self.frame and self.frame.current_view().zoom_fit())
        a["zoom.actual"].triggered.connect(lambda: self.frame and self.frame.current_view().zoom_actual())
        a["view.redraw"].triggered.connect(lambda: self.frame and self.frame.current_view().diagram_scene.rebuild())
        a["view.next"].triggered.connect(lambda: self.frame and self.frame.step(1))
        a["view.previous"].triggered.connect(lambda: self.frame and self.frame.step(-1))
        for key, dock in (("dock.cases", self.cases_dock), ("dock.history", self.history_dock),
                          ("dock.properties", self.properties_dock)):
            self._pair(a[key], dock)
        a["dock.overview"].setChecked(self.settings.overview_shown)
        a["dock.overview"].toggled.connect(self._on_overview_toggled)
        a["mode.link"].toggled.connect(self._on_link_mode_toggled)
        a["relate"].triggered.connect(self._on_relate)
        a["edit.properties"].triggered.connect(self._on_properties)
        self.properties.done.connect(self._focus_view)
        self.busy_cancel.clicked.connect(self._on_cancel_layout)
        a["help.keys"].triggered.connect(lambda: ShortcutsDialog(self).exec())
        a["help.about"].triggered.connect(self._on_about)

        self.browser.open_requested.connect(self.open_case)
        self.browser.new_requested.connect(self.new_case)
        self.browser.delete_requested.connect(self.delete_case)
        self.browser.search_changed.connect(self._on_search)
        self.welcome.new_button_clicked.connect(self.new_case)

    @staticmethod
    def _pair(action: QAction, dock: QDockWidget) -> None:
        """A View-menu check item that shows and hides a panel and follows it when closed."""
        action.setChecked(dock.isVisible())
        action.toggled.connect(dock.setVisible)
        dock.visibilityChanged.connect(lambda _visible: action.setChecked(not dock.isHidden()))

    # ----- cases ------------------------------------------------------------------------------------

    def refresh_cases(self) -> None:
        self.browser.show_cases(self.library.list_cases(), self.settings.recent_cases())

    def open_case(self, case_id: str, node_id: str = "") -> bool:
        """Open a case (closing the one open now) and select ``node_id`` if given."""
        if self.editor is not None and self.editor.doc.case_id == case_id:
            if node_id:
                self.editor.select([node_id])
            return True
        try:
            doc = self.library.open_case(case_id)
        except Exception as exc:  # noqa: BLE001 -- any failure to read a case is shown, never a crash
            self._warn("The case could not be opened", str(exc))
            return False
        self.close_case()
        self.editor = CaseEditor(doc, self)
        self.editor.problem.connect(self._on_problem)
        self.editor.selection_changed.connect(self._update_actions)
        self.undo_group.addStack(self.editor.undo_stack)
        self.undo_group.setActiveStack(self.editor.undo_stack)
        doc.edited.connect(self._on_doc_edited)
        doc.case_changed.connect(self._on_case_changed)
        self.live = LiveUpdates(self.library, doc, self)
        self.live.updated.connect(lambda n: self.statusBar().showMessage(
            f"{n} {'change' if n == 1 else 'changes'} by others shown", 4000))
        self.live.problem.connect(self._on_problem)
        self.live.start()
        self.editor.node_created.connect(self._on_node_created)
        self.frame = CaseFrame(self.editor, self)
        self.frame.view_changed.connect(self._update_actions)
        self.frame.view_changed.connect(self._on_zoom_changed)
        self.frame.view_created.connect(self._follow_view)
        for view in self.frame.views():
            self._follow_view(view)
        self.properties.set_editor(self.editor)
        self.stack.addWidget(self.frame)
        self.stack.setCurrentWidget(self.frame)
        self.settings.remember_case(case_id)
        self.refresh_cases()
        self.browser.choose(case_id)
        self._show_case_title()
        self._update_actions()
        if node_id:
            self.editor.select([node_id])
        self.frame.current_view().setFocus()
        self.statusBar().showMessage(f"Opened {doc.info.name}", 4000)
        return True

    def close_case(self) -> None:
        if self.editor is None or self.frame is None:
            return
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None
        self.editor.doc.edited.disconnect(self._on_doc_edited)
        self.editor.doc.case_changed.disconnect(self._on_case_changed)
        self.properties.set_editor(None)
        self.actions["mode.link"].setChecked(False)
        self.message_bar.hide()
        self._on_busy(False)
        self.frame.close_views()
        self.undo_group.removeStack(self.editor.undo_stack)
        self.editor.close()
        self.stack.removeWidget(self.frame)
        self.frame.deleteLater()
        self.editor.deleteLater()
        self.frame = None
        self.editor = None
        self.stack.setCurrentWidget(self.welcome)
        self.zoom_label.clear()
        for key in ("edit.undo", "edit.redo"):
            self.actions[key].setEnabled(False)
        self._show_case_title()
        self._update_actions()

    def new_case(self) -> None:
        dialog = NewCaseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            doc = self.library.create_case(dialog.case_info())
        except Exception as exc:  # noqa: BLE001
            self._warn("The case could not be created", str(exc))
            return
        assert doc.case_id is not None
        self.open_case(doc.case_id)

    def delete_case(self, case_id: str) -> bool:
        summary = next((s for s in self.library.list_cases() if s.id == case_id), None)
        if summary is None:
            return False
        answer = QMessageBox.warning(
            self, "Delete case",
            f"Delete the case “{summary.name}” and everyone in it ({summary.people} "
            f"{'person' if summary.people == 1 else 'people'})?\n\nThis cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.editor is not None and self.editor.doc.case_id == case_id:
            self.close_case()
        self.library.delete_case(case_id)
        self.settings.forget_case(case_id)
        self.refresh_cases()
        self.statusBar().showMessage(f"Deleted {summary.name}", 4000)
        return True

    def _on_imported(self, case_id: str, problems: list[str]) -> None:
        self.refresh_cases()
        self.open_case(case_id)
        if problems:
            shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
            self._on_problem(f"Imported with {len(problems)} problem{'s' if len(problems) > 1 else ''}: {shown}")

    def switch_library(self, url: str) -> bool:
        """Close this library and use the one at ``url`` from now on (remembered in the settings)."""
        from ..store.library import Library

        try:
            library = Library.open(url)
        except Exception as exc:  # noqa: BLE001 -- a bad address or file is explained, not a crash
            self._warn("The library could not be opened", str(exc))
            return False
        self.close_case()
        self.library.close()
        self.library, self.library_url = library, url
        self.settings.database_url = url
        self.browser.search.clear()
        self.refresh_cases()
        self.statusBar().showMessage(f"Using the library {url}", 6000)
        return True

    def _on_choose_library(self) -> None:
        dialog = LibraryDialog(self.library_url or "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.switch_library(dialog.chosen())

    def _on_open_case(self) -> None:
        self.cases_dock.show()
        self.cases_dock.raise_()
        chosen = self.browser.chosen_case()
        if chosen and self.browser.cases.hasFocus():
            self.open_case(chosen)
        else:
            self.browser.cases.setFocus()

    def _on_audit(self) -> None:
        if self.editor is not None and self.frame is not None:  # the dialog closes with the case's frame
            AuditDialog(self.library, self.editor.doc, self.frame).show()

    def _on_delete_chosen(self) -> None:
        chosen = self.browser.chosen_case()
        if chosen:
            self.delete_case(chosen)
        else:
            self._on_problem("Choose the case to delete in the case list first.")

    def _on_find(self) -> None:
        self.cases_dock.show()
        self.browser.search.setFocus()
        self.browser.search.selectAll()

    def _on_search(self, text: str) -> None:
        self.browser.show_hits(text, self.library.search(text) if text else [])

    # ----- clipboard --------------------------------------------------------------------------------

    def copy(self) -> bool:
        fragment = self.editor.copy_selection() if self.editor else None
        if fragment is None:
            return False
        names = "\n".join(n.label for n in self.editor.selected_nodes())  # type: ignore[union-attr]
        QGuiApplication.clipboard().setMimeData(fragment.to_mime(names))
        return True

    def cut(self) -> None:
        if self.copy() and self.editor is not None:
            self.editor.delete_selection()

    def paste(self) -> None:
        if self.editor is None:
            return
        try:
            fragment = Fragment.from_mime(QGuiApplication.clipboard().mimeData())
        except ClipboardError as exc:
            self._on_problem(str(exc))
            return
        self.editor.paste(fragment)

    # ----- following the case -----------------------------------------------------------------------

    def _on_doc_edited(self, _edit: object) -> None:
        self._show_case_title()
        self.saved_label.setText("All changes saved")

    def _on_case_changed(self, _info: object) -> None:
        self._show_case_title()
        self.refresh_cases()

    def _on_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.message_bar.show_message(message)

    # ----- the views --------------------------------------------------------------------------------

    def _follow_view(self, view: CaseView) -> None:
        view.zoom_changed.connect(self._on_zoom_changed)
        view.link_mode_ended.connect(lambda: self.actions["mode.link"].setChecked(False))
        view.diagram_scene.busy.connect(self._on_busy)
        if view.diagram_scene.laying_out:
            self._on_busy(True)
        view.diagram_scene.layout_failed.connect(
            lambda message: self._on_problem(f"The network could not be laid out: {message}"))
        view.diagram_scene.properties_requested.connect(self._on_properties)
        view.overview.set_enabled_by_user(self.actions["dock.overview"].isChecked())
        view.overview.closed.connect(lambda: self.actions["dock.overview"].setChecked(False))
        view.set_link_mode(self.actions["mode.link"].isChecked())

    def _on_zoom_changed(self, _zoom: float = 0.0) -> None:
        """Show the zoom of the view on screen (hidden tabs zoom too, when they are laid out)."""
        if self.frame is not None and self._view_key() in DRAWN_VIEWS:
            self.zoom_label.setText(f"Zoom {self.frame.current_view().zoom * 100:.0f}%")
        else:
            self.zoom_label.clear()  # the Meeting tab is forms, with nothing to zoom

    def _on_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_cancel.setVisible(busy)
        if busy:
            self.statusBar().showMessage("Laying out the network…")
        else:
            self.statusBar().clearMessage()

    def _on_cancel_layout(self) -> None:
        if self.frame is not None:
            self.frame.current_view().diagram_scene.cancel_layout()
            self.frame.current_view().viewport().update()
            self.statusBar().showMessage("Layout cancelled; press F5 to draw the network again.", 10000)

    def _on_overview_toggled(self, on: bool) -> None:
        self.settings.overview_shown = on
        for view in self.frame.views() if self.frame else []:
            view.overview.set_enabled_by_user(on)
        if not on:
            keys = self.actions["dock.overview"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.statusBar().showMessage(f"Overview hidden; View > Overview ({keys}) shows it again.", 8000)

    def _on_link_mode_toggled(self, on: bool) -> None:
        for view in self.frame.views() if self.frame else []:
            view.set_link_mode(on)
        if on:
            self.statusBar().showMessage("Drag from one symbol to another to draw a relationship; Esc to stop.")

    def _on_relate(self) -> None:
        """The keyboard path for drawing a relationship: between the two selected."""
        if self.editor is None or self.frame is None:
            return
        nodes = [n.id for n in self.editor.selected_nodes()]
        if len(nodes) != 2:
            self._on_problem("Select the two people or services to relate (Ctrl+click the second one).")
            return
        view = self.frame.current_view()
        centre = view.mapToGlobal(view.rect().center())
        relationship = choose_relationship(self.editor.doc, nodes[0], nodes[1], centre, self)
        if relationship is not None:
            self.editor.relate(relationship)

    def _on_properties(self) -> None:
        self.properties_dock.show()
        self.properties_dock.raise_()
        self.properties.focus_first_field()

    def _on_node_created(self, _node_id: str) -> None:
        """A new person: straight to their name, so a family can be typed in without the mouse."""
        if self.properties_dock.isVisible():
            QTimer.singleShot(0, self.properties.focus_first_field)

    def _focus_view(self) -> None:
        if self.frame is not None:
            self.frame.current_view().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_case_title(self) -> None:
        if self.editor is None:
            self.setWindowTitle(APP_NAME)
            self.case_label.setText("No case open")
            self.saved_label.setText("")
            return
        info = self.editor.doc.info
        reference = f" ({info.reference})" if info.reference else ""
        self.setWindowTitle(f"{info.name}{reference} — {APP_NAME}")
        people = len(self.editor.doc.people())
        self.case_label.setText(f"{info.name}: {people} {'person' if people == 1 else 'people'}")
        self.saved_label.setText("Every change is saved as you make it")

    def _update_actions(self) -> None:
        selected = len(self.editor.selection) if self.editor else 0
        self.actions.enable_for(case=self.editor is not None, selected=selected)
        # Export and print draw the current view; the Meeting tab prints its plan from its own buttons.
        drawing = self.editor is not None and self._view_key() in DRAWN_VIEWS
        for key in ("export.pdf", "export.svg", "export.png", "print", "print.preview",
                    "zoom.in", "zoom.out", "zoom.fit", "zoom.actual"):
            self.actions[key].setEnabled(drawing)

    def _view_key(self) -> str:
        return self.frame.current_view().view_key if self.frame else "genogram"

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _on_about(self) -> None:
        from .about import show_about

        show_about(self)

    # ----- window state -----------------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.close_case()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._painted:
            target = self.frame.current_view().viewport() if self.frame else self.welcome
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tell the start-up benchmark and the screenshot tool when the case has first been drawn."""
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return False


class _Welcome(QWidget):
    """What the middle of the window shows when no case is open."""

    new_button_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel("<h2>No case is open</h2>", self)
        text = QLabel("Choose a case in the case list (Ctrl+O), find a person in any case (Ctrl+F), or start a "
                      "new case (Ctrl+N).", self)
        text.setWordWrap(True)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton("&New case…", self)
        button.setAccessibleName("Create a new case")
        button.clicked.connect(self.new_button_clicked)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


def _step(verb: str, text: str) -> str:
    return f"{verb} {text}" if text else verb
