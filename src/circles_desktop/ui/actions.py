"""The one table of user actions, from which the menus, the toolbar and the shortcut help are built.

Keeping every command in one table means a command cannot exist in the toolbar without a shortcut,
an accessible name or a menu entry (the access rule of DESIGN.md), and the keyboard help is always
true to what the window does. Handlers are connected by the window that owns the actions; this
module knows nothing about what an action does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from . import icons

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command: where it appears, how to reach it by keyboard, and what a screen reader says."""

    key: str
    text: str
    shortcuts: tuple[str | StandardKey, ...]
    accessible: str
    menu: str
    group: str
    icon: str = ""
    toolbar: bool = False
    checkable: bool = False
    needs: str = ""  # "case", "selection", "one", "two": when the action makes sense
    canvas: bool = False  # its keys work only where the case is drawn (Delete in the case list deletes no one)


MENUS: tuple[str, ...] = ("&File", "&Edit", "&Network", "&View", "&Help")

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("case.new", "&New case…", (StandardKey.New,), "Create a new case", "&File", "case",
               "case-new", toolbar=True),
    ActionSpec("case.open", "&Open case…", (StandardKey.Open,), "Choose a case to open from the case list",
               "&File", "case", "case-open", toolbar=True),
    ActionSpec("case.import", "&Import a case…", ("Ctrl+I",),
               "Import a family tree (GEDCOM) or a case file as a new case", "&File", "case"),
    ActionSpec("case.close", "&Close case", (StandardKey.Close,), "Close the open case", "&File", "case",
               needs="case"),
    ActionSpec("case.delete", "&Delete case…", ("Ctrl+Shift+Del",), "Delete the case chosen in the case list",
               "&File", "case"),
    ActionSpec("case.audit", "Audit &trail…", ("Ctrl+Shift+A",), "Show who changed what in this case, and when",
               "&File", "case", needs="case"),
    ActionSpec("library.choose", "Use another case &library…", ("Ctrl+Shift+O",),
               "Open the cases in another library database or a team server", "&File", "library"),
    ActionSpec("export.pdf", "Export as &PDF…", ("Ctrl+E",), "Export the current view as a PDF file", "&File",
               "export", "export", toolbar=True, needs="case"),
    ActionSpec("export.svg", "Export as &SVG…", ("Ctrl+Shift+E",), "Export the current view as an SVG drawing",
               "&File", "export", needs="case"),
    ActionSpec("export.png", "Export as P&NG…", ("Ctrl+Shift+G",), "Export the current view as a PNG picture",
               "&File", "export", needs="case"),
    ActionSpec("print", "&Print…", (StandardKey.Print,), "Print the current view", "&File", "print", "print",
               toolbar=True, needs="case"),
    ActionSpec("print.preview", "Print pre&view…", ("Ctrl+Shift+P",), "Preview the printout of the current view",
               "&File", "print", needs="case"),
    ActionSpec("app.quit", "&Quit", (StandardKey.Quit, "Ctrl+Q"), "Quit Circles", "&File", "quit"),
    # Edit
    ActionSpec("edit.undo", "&Undo", (StandardKey.Undo,), "Undo the last change", "&Edit", "undo", "undo",
               toolbar=True),
    ActionSpec("edit.redo", "&Redo", (StandardKey.Redo, "Ctrl+Y"), "Redo the change just undone", "&Edit", "undo",
               "redo", toolbar=True),
    ActionSpec("edit.cut", "Cu&t", (StandardKey.Cut,), "Cut the selected people and services", "&Edit",
               "clipboard", needs="selection", canvas=True),
    ActionSpec("edit.copy", "&Copy", (StandardKey.Copy,), "Copy the selected people and services", "&Edit",
               "clipboard", needs="selection", canvas=True),
    ActionSpec("edit.paste", "&Paste", (StandardKey.Paste,), "Paste people and services into this case", "&Edit",
               "clipboard", needs="case", canvas=True),
    ActionSpec("edit.delete", "&Delete", (StandardKey.Delete,), "Delete the selection", "&Edit", "select",
               "delete", toolbar=True, needs="selection", canvas=True),
    ActionSpec("edit.select_all", "Select &all", (StandardKey.SelectAll,), "Select everything in the view",
               "&Edit", "select", needs="case", canvas=True),
    ActionSpec("edit.find", "&Find a person…", (StandardKey.Find,), "Search every case for a name", "&Edit",
               "find"),
    ActionSpec("edit.properties", "P&roperties", ("Alt+Return", "F2"),
               "Edit the details of the selection in the properties panel", "&Edit", "find", needs="one"),
    # Network
    ActionSpec("add.person", "Add &person", ("Ins", "Ctrl+Shift+N"), "Add a person to the network", "&Network",
               "add", "add-person", toolbar=True, needs="case"),
    ActionSpec("add.service", "Add &service", ("Ctrl+Shift+S",), "Add a service or organisation", "&Network",
               "add", "add-service", toolbar=True, needs="case"),
    ActionSpec("add.parent", "Add pa&rent", ("Ctrl+Shift+Up",), "Add a parent of the selected person",
               "&Network", "family", "add-parent", toolbar=True, needs="one"),
    ActionSpec("add.partner", "Add pa&rtner", ("Ctrl+Shift+Right",), "Add a partner of the selected person",
               "&Network", "family", "add-partner", toolbar=True, needs="one"),
    ActionSpec("add.child", "Add c&hild", ("Ctrl+Shift+Down",),
               "Add a child of the selected person or couple", "&Network", "family", "add-child", toolbar=True,
               needs="selection"),
    ActionSpec("add.sibling", "Add si&bling", ("Ctrl+Shift+Left",), "Add a brother or sister of the selected person",
               "&Network", "family", "add-sibling", toolbar=True, needs="one"),
    ActionSpec("relate", "&Relate the two selected…", ("Ctrl+R",),
               "Add a relationship between the two selected people or services", "&Network", "relate", needs="two"),
    ActionSpec("mode.link", "&Draw relationships", ("Ctrl+L",),
               "Drag from one symbol to another to draw a relationship", "&Network", "relate", "link",
               toolbar=True, checkable=True, needs="case"),
    ActionSpec("rearrange", "Re-&arrange", ("Ctrl+Shift+L",), "Forget moved positions and lay out automatically",
               "&Network", "layout", "rearrange", toolbar=True, needs="case"),
    # View
    ActionSpec("zoom.in", "Zoom &in", (StandardKey.ZoomIn, "Ctrl+="), "Zoom in", "&View", "zoom", "zoom-in",
               toolbar=True, needs="case"),
    ActionSpec("zoom.out", "Zoom &out", (StandardKey.ZoomOut,), "Zoom out", "&View", "zoom", "zoom-out",
               toolbar=True, needs="case"),
    ActionSpec("zoom.fit", "&Fit to window", ("Ctrl+0",), "Zoom to show the whole network", "&View", "zoom",
               "zoom-fit", toolbar=True, needs="case"),
    ActionSpec("zoom.actual", "&Actual size", ("Ctrl+1",), "Zoom to actual size", "&View", "zoom", needs="case"),
    ActionSpec("view.redraw", "&Redraw", ("F5",), "Lay out and draw the network again", "&View", "zoom",
               needs="case"),
    ActionSpec("view.next", "&Next view", ("Ctrl+PgDown",), "Show the next view of the case", "&View", "views",
               needs="case"),
    ActionSpec("view.previous", "Pre&vious view", ("Ctrl+PgUp",), "Show the previous view of the case", "&View",
               "views", needs="case"),
    ActionSpec("dock.cases", "&Case list", ("Ctrl+Shift+C",), "Show or hide the case list", "&View", "docks",
               checkable=True),
    ActionSpec("dock.properties", "&Properties panel", ("Ctrl+Shift+R",), "Show or hide the properties panel",
               "&View", "docks", checkable=True),
    ActionSpec("dock.history", "Undo &history", ("Ctrl+H",), "Show or hide the list of changes", "&View", "docks",
               checkable=True),
    ActionSpec("dock.overview", "O&verview", ("Ctrl+Shift+V",), "Show or hide the overview of the network",
               "&View", "docks", checkable=True),
    # Help
    ActionSpec("help.keys", "&Keyboard shortcuts", (StandardKey.HelpContents, "F1"),
               "List every command and its keyboard shortcut", "&Help", "help"),
    ActionSpec("help.about", "&About Circles", ("Shift+F1",), "About Circles", "&Help", "help"),
)

SPECS: dict[str, ActionSpec] = {spec.key: spec for spec in ACTIONS}


class Actions(Mapping[str, QAction]):
    """The window's QActions by key, made from :data:`ACTIONS`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.key)
            action.setShortcuts(_sequences(spec.shortcuts))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            action.setStatusTip(spec.accessible)
            action.setToolTip(f"{spec.accessible} ({shortcut_text(spec)})")
            action.setWhatsThis(spec.accessible)
            if spec.icon:
                action.setIcon(icons.icon(spec.icon))
            self._actions[spec.key] = action

    def __getitem__(self, key: str) -> QAction:
        return self._actions[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._actions)

    def __len__(self) -> int:
        return len(self._actions)

    def enable_for(self, *, case: bool, selected: int) -> None:
        """Grey out what cannot apply now, so the menus show what is possible."""
        met = {"": True, "case": case, "selection": case and selected > 0, "one": case and selected == 1,
               "two": case and selected == 2}
        for spec in ACTIONS:
            if spec.key not in ("edit.undo", "edit.redo"):  # the undo stack drives these two
                self._actions[spec.key].setEnabled(met[spec.needs])

    def build_menus(self, menubar: QMenuBar) -> None:
        for title in MENUS:
            menu = menubar.addMenu(title)
            menu.setObjectName(f"menu.{_plain(title).lower()}")
            menu.setAccessibleName(f"{_plain(title)} menu")
            group = None
            for spec in ACTIONS:
                if spec.menu != title:
                    continue
                if group is not None and spec.group != group:
                    menu.addSeparator()
                group = spec.group
                menu.addAction(self._actions[spec.key])

    def build_toolbar(self, toolbar: QToolBar) -> None:
        group = None
        for spec in ACTIONS:
            if not spec.toolbar:
                continue
            if group is not None and spec.menu + spec.group != group:
                toolbar.addSeparator()
            group = spec.menu + spec.group
            action = self._actions[spec.key]
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            button.setAccessibleName(spec.accessible)
            button.setObjectName(f"tool.{spec.key}")

    def scope_to_canvas(self, canvas: QWidget) -> None:
        """Let the canvas-only actions' keys work only while the keyboard is in ``canvas``."""
        for spec in ACTIONS:
            if spec.canvas:
                action = self._actions[spec.key]
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                canvas.addAction(action)


def _sequences(shortcuts: tuple[str | StandardKey, ...]) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        found = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, StandardKey) else [QKeySequence(shortcut)]
        sequences.extend(seq for seq in found if not seq.isEmpty() and seq not in sequences)
    return sequences


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcuts as the user's platform writes them (Ctrl+Z, ⌘Z), for tooltips and help."""
    return ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in _sequences(spec.shortcuts))


def _plain(title: str) -> str:
    return title.replace("&", "")
