"""Issue 4's "done when": build the Zain family from nothing by keyboard alone, quit, and find it all
on reopening the library."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from circles_desktop.graph.model import Gender, ParentageType, Partnership
from circles_desktop.store.library import Library
from circles_desktop.ui.dialogs import NewCaseDialog
from circles_desktop.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _focused(qtbot):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def _name(qtbot, given: str, family: str, gender_key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """In the properties panel that opened for a new person: name, family name, gender, Enter."""
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget().objectName() == "field.given_names")
    qtbot.keyClicks(_focused(qtbot), given)
    qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Tab)
    field = _focused(qtbot)
    assert field.objectName() == "field.family_name"
    field.selectAll()
    qtbot.keyClicks(field, family)
    qtbot.keyClick(field, Qt.Key.Key_G, ALT)  # the "&Gender" label's mnemonic
    combo = _focused(qtbot)
    assert combo.objectName() == "field.gender"
    # A combo box matches letters typed within the keyboard interval as one word ("F", "M" → "FM");
    # a person types slower than a test, so wait as they would.
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClick(combo, gender_key)
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # back to the canvas
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "genogram_view")


def _key(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focused(qtbot), key, modifiers)


def test_build_the_zain_family_by_keyboard_and_reopen(qtbot, window, library, db_path, settings,
                                                       when_modal) -> None:  # type: ignore[no-untyped-def]
    def new_case(dialog: NewCaseDialog) -> None:
        qtbot.keyClicks(dialog.name, "Zain family")
        qtbot.keyClicks(dialog.reference, "CIN-2026-0412")
        qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)  # the default button: Create case

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_modal(new_case, kind=NewCaseDialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.frame.current_view())

    _key(qtbot, Qt.Key.Key_Insert)                      # Nikita
    _name(qtbot, "Nikita", "Zain", Qt.Key.Key_F)
    _key(qtbot, Qt.Key.Key_Up, CTRL_SHIFT)             # her father
    _name(qtbot, "Karim", "Zain", Qt.Key.Key_M)
    _key(qtbot, Qt.Key.Key_Down)                       # back down to Nikita along the line
    _key(qtbot, Qt.Key.Key_Up, CTRL_SHIFT)             # her mother: joined to Karim as a couple
    _name(qtbot, "Maria", "Zain", Qt.Key.Key_F)
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Left, CTRL_SHIFT)           # her brother, a child of the same couple
    _name(qtbot, "Julian", "Zain", Qt.Key.Key_M)
    assert window.editor.undo_stack.count() >= 8
    case_id = window.editor.doc.case_id
    window.close()
    library.close()

    reopened = Library.open(str(db_path))
    try:
        doc = reopened.open_case(case_id)
        people = {p.given_names: p for p in doc.people()}
        assert set(people) == {"Nikita", "Karim", "Maria", "Julian"}
        assert {p.family_name for p in people.values()} == {"Zain"}
        assert people["Karim"].gender is Gender.MALE and people["Maria"].gender is Gender.FEMALE
        for child in ("Nikita", "Julian"):
            assert {p.given_names for p in doc.parents_of(people[child].id, ParentageType.BIRTH)} == {"Karim",
                                                                                                       "Maria"}
        assert any(isinstance(r, Partnership) for r in doc.relationships_between(people["Karim"].id,
                                                                                 people["Maria"].id))
        assert doc.info.reference == "CIN-2026-0412"
        again = MainWindow(reopened, settings)
        qtbot.addWidget(again)
        assert again.open_case(case_id)
        qtbot.waitUntil(lambda: len(again.frame.current_view().diagram_scene.nodes) == 4)
        again.close()
    finally:
        reopened.close()
