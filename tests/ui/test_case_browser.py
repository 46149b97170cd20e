"""The case list (issue 2, item 1): list, new, open, delete with confirmation, search, recent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox

from circles_desktop.app import _first_run
from circles_desktop.demo_cases import ZAIN
from circles_desktop.graph.edits import add_node
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.library import Library


def _rows(window) -> list[list[str]]:  # type: ignore[no-untyped-def]
    tree = window.browser.cases
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


def test_first_run_adds_the_demo_cases_once(library: Library, settings) -> None:  # type: ignore[no-untyped-def]
    opening = _first_run(library, settings, "test")
    names = [c.name for c in library.list_cases()]
    assert ZAIN in names and len(names) >= 4
    assert library.find_case(opening).name == ZAIN
    for case in library.list_cases():
        library.delete_case(case.id)
    assert _first_run(library, settings, "test") is None  # emptied on purpose: not filled again
    assert library.list_cases() == []


def test_the_list_shows_name_reference_people_and_date(window, library: Library) -> None:  # type: ignore[no-untyped-def]
    doc = library.create_case(CaseInfo("Okafor family", reference="CIN-0042"))
    doc.apply(add_node(Person(given_names="Ada")))
    doc.apply(add_node(Person(given_names="Obi")))
    window.refresh_cases()
    [row] = _rows(window)
    assert [row[0], row[1], row[3]] == ["Okafor family", "2", "CIN-0042"]
    assert row[2]  # the date it was last changed, in the user's locale


def test_new_case_through_the_dialog(qtbot, window, library: Library, when_modal) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit, "new_case_name"), "Nowak family")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "new_case_reference"), "R-7")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(fill)
    window.actions["case.new"].trigger()
    [case] = library.list_cases()
    assert (case.name, case.reference) == ("Nowak family", "R-7")
    assert window.editor is not None and window.editor.doc.case_id == case.id
    assert window.windowTitle().startswith("Nowak family (R-7)")
    assert window.settings.recent_cases() == [case.id]


def test_delete_asks_first_and_cancel_keeps_the_case(qtbot, window, library: Library, when_modal) -> None:  # type: ignore[no-untyped-def]
    case_id = library.create_case(CaseInfo("Keep me")).case_id
    window.refresh_cases()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert window.delete_case(case_id) is False
    assert [c.name for c in library.list_cases()] == ["Keep me"]
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert window.delete_case(case_id) is True
    assert library.list_cases() == []
    assert _rows(window) == []


def test_search_finds_a_name_in_any_case(qtbot, window, library: Library) -> None:  # type: ignore[no-untyped-def]
    for name, person in (("Zain family", "Nikita"), ("Other family", "Nikolai"), ("Third", "Julian")):
        library.create_case(CaseInfo(name)).apply(add_node(Person(given_names=person)))
    window.refresh_cases()
    window.actions["edit.find"].trigger()
    qtbot.keyClicks(window.browser.search, "nik")
    qtbot.keyClick(window.browser.search, Qt.Key.Key_Return)
    rows = _rows(window)
    assert sorted(rows) == [["Nikita", "Zain family"], ["Nikolai", "Other family"]]
    window.browser.search.clear()
    qtbot.keyClick(window.browser.search, Qt.Key.Key_Return)
    assert len(_rows(window)) == 3


def test_recent_cases_are_remembered(qtbot, window, library: Library, settings) -> None:  # type: ignore[no-untyped-def]
    first = library.create_case(CaseInfo("First")).case_id
    second = library.create_case(CaseInfo("Second")).case_id
    window.refresh_cases()
    assert window.open_case(first) and window.open_case(second)
    assert settings.recent_cases() == [second, first]
    recent = window.browser.recent
    assert [recent.topLevelItem(i).text(0) for i in range(recent.topLevelItemCount())] == ["Second", "First"]


def test_window_state_is_saved_on_close(qtbot, window, settings) -> None:  # type: ignore[no-untyped-def]
    window.resize(900, 640)
    window.close()
    assert settings.window_geometry() is not None and settings.window_state() is not None


def test_switching_to_another_library_is_remembered(qtbot, window, library: Library, settings, tmp_path,
                                                    when_modal) -> None:  # type: ignore[no-untyped-def]
    library.create_case(CaseInfo("In the first library"))
    window.refresh_cases()
    other = tmp_path / "team.db"
    assert window.switch_library(str(other))
    assert _rows(window) == [] and settings.database_url == str(other)
    seen = []
    when_modal(lambda box: (seen.append(box.text()), box.accept()))
    assert not window.switch_library(str(tmp_path / "no such folder" / "x.db"))
    assert "does not exist" in seen[0]
    assert window.library.list_cases() == []  # the good library stays in use
    window.library.close()


def test_delete_in_the_case_list_deletes_no_one_in_the_case(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.demo_cases import demo_id

    nikita = demo_id("zain/nikita")
    zain.editor.select([nikita])
    zain.browser.cases.setFocus()
    qtbot.keyClick(zain.browser.cases, Qt.Key.Key_Delete)
    assert zain.editor.doc.has_node(nikita)
    zain.frame.current_view().setFocus()
    qtbot.keyClick(zain.frame.current_view(), Qt.Key.Key_Delete)
    assert not zain.editor.doc.has_node(nikita)
