"""The audit trail window: opened from the File menu, it lists every change of the case with who and
when, narrows to one person or one practitioner, follows new edits, exports, and cannot be edited."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from circles_desktop.graph import edits as E
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.library import Library
from circles_desktop.ui.audit_view import AuditDialog, AuditView


def _open(qtbot, window, library: Library):  # type: ignore[no-untyped-def]
    """A case with a short history, open in the window, and its audit trail window."""
    doc = library.create_case(CaseInfo("Zain family"))
    doc.apply(E.add_node(Person(id="nikita", given_names="Nikita")))
    doc.apply(E.add_node(Person(id="julian", given_names="Julian")))
    window.refresh_cases()
    assert window.open_case(doc.case_id)
    editor = window.editor
    assert editor.update_node(replace(editor.doc.node("nikita"), known_as="Nikki"))
    editor.undo_stack.undo()
    window.actions["case.audit"].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AuditDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    return dialog, dialog.view


def _rows(view: AuditView) -> list[tuple[str, str]]:
    tree = view.tree
    return [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())]


def test_the_file_menu_opens_the_trail_of_the_open_case(qtbot, window, library: Library) -> None:  # type: ignore[no-untyped-def]
    dialog, view = _open(qtbot, window, library)
    assert dialog.windowTitle() == "Audit trail — Zain family" and not dialog.isModal()
    assert _rows(view) == [("tester", "Create case"), ("tester", "Add person"), ("tester", "Add person"),
                           ("tester", "Change Nikki (Nikita)"), ("tester", "Change Nikki (Nikita) (undone)")]
    renamed = view.tree.topLevelItem(3)
    assert renamed.child(0).text(2) == "changed Nikki (Nikita): known_as"
    assert view.count.text() == "5 changes"
    assert view.tree.isColumnHidden(3)  # one case: no case column


def test_the_trail_follows_the_case_as_it_is_edited(qtbot, window, library: Library) -> None:  # type: ignore[no-untyped-def]
    _dialog, view = _open(qtbot, window, library)
    new_id = window.editor.add_person("genogram")
    assert _rows(view)[-1] == ("tester", "Add person")
    assert view.person.itemText(view.person.findData(new_id)) == "(no name yet)"  # the new person can be chosen


def test_narrowed_to_one_person_or_one_practitioner(qtbot, window, library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _dialog, view = _open(qtbot, window, library)
    with Library.open(f"sqlite:///{tmp_path / 'library.db'}", user="bob") as bob:
        other = bob.open_case(window.editor.doc.case_id)
        other.apply(E.update_node(other, replace(other.node("julian"), known_as="Jules")))
        elsewhere = bob.create_case(CaseInfo("Sayah"))
        elsewhere.apply(E.add_node(Person(given_names="Sayah")))
    qtbot.waitUntil(lambda: window.editor.doc.node("julian").known_as == "Jules", timeout=10_000)  # live update
    qtbot.waitUntil(lambda: view.by.findData("bob") >= 0)
    view.person.setCurrentIndex(view.person.findData("nikita"))
    assert [what for _who, what in _rows(view)] == ["Add person", "Change Nikki (Nikita)",
                                                    "Change Nikki (Nikita) (undone)"]
    view.person.setCurrentIndex(0)
    view.by.setCurrentIndex(view.by.findData("bob"))
    assert _rows(view) == [("bob", "Change Jules (Julian)")]
    assert view.everywhere.isEnabled()
    view.everywhere.setChecked(True)  # Bob's changes in every case
    assert [view.tree.topLevelItem(i).text(3) for i in range(view.tree.topLevelItemCount())] == [
        "Zain family", "Sayah", "Sayah"]
    assert not view.person.isEnabled() and not view.tree.isColumnHidden(3)


def test_it_exports_what_it_shows(qtbot, window, library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _dialog, view = _open(qtbot, window, library)
    view.person.setCurrentIndex(view.person.findData("nikita"))
    view.export_to(tmp_path / "trail.csv")
    with (tmp_path / "trail.csv").open(encoding="utf-8", newline="") as file:
        assert [(r["seq"], r["undo"]) for r in csv.DictReader(file)] == [("2", "no"), ("4", "no"), ("5", "yes")]
    view.export_to(tmp_path / "trail.json")
    exported = json.loads((tmp_path / "trail.json").read_text(encoding="utf-8"))
    assert exported["person"] == "Nikita" and len(exported["entries"]) == 3


def test_nothing_in_it_can_be_edited(qtbot, window, library: Library) -> None:  # type: ignore[no-untyped-def]
    _dialog, view = _open(qtbot, window, library)
    items = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    items += [item.child(j) for item in items for j in range(item.childCount())]
    assert items and not any(item.flags() & Qt.ItemFlag.ItemIsEditable for item in items)


def test_closing_the_case_closes_the_trail(qtbot, window, library: Library) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, library)
    doc = window.editor.doc
    listeners = len(doc.edited._listeners)  # noqa: SLF001
    window.close_case()
    qtbot.waitUntil(lambda: not any(isinstance(w, AuditDialog) for w in QApplication.topLevelWidgets()))
    assert len(doc.edited._listeners) < listeners  # noqa: SLF001 -- the trail no longer follows it
