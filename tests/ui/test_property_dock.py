"""The properties panel: every field, checked as typed, committed as one undoable edit each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QToolButton

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.model import Gender, Partnership, PartnershipType, PartialDate
from circles_desktop.store.library import Library
from circles_desktop.ui.fields import PERSON_FIELDS, RELATIONSHIP_FIELDS, SERVICE_FIELDS

NIKITA, JULIAN, KARIM, MARIA = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "karim", "maria"))


def _field(window, path: str):  # type: ignore[no-untyped-def]
    return window.properties.form.editors[path]


def _saved(library: Library, window):  # type: ignore[no-untyped-def]
    other = Library.open(str(library._engine.url.database))  # noqa: SLF001
    try:
        return other.open_case(window.editor.doc.case_id)
    finally:
        other.close()


def _type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_every_model_field_has_a_place_in_a_form() -> None:
    import dataclasses

    from circles_desktop.graph.model import EcomapTie, Person, Service

    shown = {spec.path.split(".")[0] for spec in PERSON_FIELDS}
    hidden = {"id", "positions", "confidential_fields"}  # positions: by dragging; locks: per field
    assert {f.name for f in dataclasses.fields(Person)} - hidden <= shown
    assert {f.name for f in dataclasses.fields(Service)} - hidden <= {s.path.split(".")[0] for s in SERVICE_FIELDS}
    rel_shown = {s.path for s in RELATIONSHIP_FIELDS[EcomapTie]}
    assert {f.name for f in dataclasses.fields(EcomapTie)} - {"id", "source", "target"} <= rel_shown


def test_typing_a_name_commits_one_edit(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    zain.editor.select([JULIAN])
    _type_into(qtbot, _field(zain, "known_as").widget, "Jules")
    assert zain.editor.doc.node(JULIAN).known_as == "Jules"
    assert _saved(library, zain).node(JULIAN).known_as == "Jules"
    assert zain.actions["edit.undo"].text() == "&Undo Change Julian's known as"
    zain.actions["edit.undo"].trigger()
    assert _field(zain, "known_as").widget.text() == ""  # the panel follows undo


def test_a_date_is_checked_as_it_is_typed(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    zain.editor.select([JULIAN])
    birth = _field(zain, "birth")
    birth.widget.setFocus()
    birth.widget.selectAll()
    qtbot.keyClicks(birth.widget, "2015-13")
    assert birth.error.isVisible() and "month 13" in birth.error.text()
    qtbot.keyClick(birth.widget, Qt.Key.Key_Return)
    assert zain.editor.doc.node(JULIAN).birth == PartialDate(2015, 6, 2)  # nothing committed
    birth.widget.selectAll()
    qtbot.keyClicks(birth.widget, "~2015")
    assert not birth.error.isVisible()
    qtbot.keyClick(birth.widget, Qt.Key.Key_Return)
    assert zain.editor.doc.node(JULIAN).birth.iso() == "~2015"


def test_the_models_own_checks_come_back_under_the_field(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    zain.editor.select([JULIAN])
    died = _field(zain, "deceased").widget
    assert isinstance(died, QCheckBox)
    zain.properties.scroll.ensureWidgetVisible(died)
    died.setFocus()
    qtbot.keyClick(died, Qt.Key.Key_Space)
    assert zain.editor.doc.node(JULIAN).deceased
    death = _field(zain, "death")
    _type_into(qtbot, death.widget, "1990")
    assert death.error.isVisible()
    assert "before their date of birth" in death.error.text()
    assert zain.editor.doc.node(JULIAN).death is None


def test_choosing_a_gender_by_keyboard(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    zain.editor.select([JULIAN])
    combo = _field(zain, "gender").widget
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_N)  # "Non-binary"
    assert zain.editor.doc.node(JULIAN).gender is Gender.NON_BINARY
    assert _saved(library, zain).node(JULIAN).gender is Gender.NON_BINARY


def test_confidential_fields_are_marked_and_can_be_locked(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    zain.editor.select([NIKITA])
    phone = _field(zain, "contact.phone")
    assert phone.lock.isChecked() and phone.lock.text() == "Confidential"
    assert "background" in phone.widget.styleSheet()
    address = _field(zain, "contact.address")
    assert not address.lock.isChecked()
    address.lock.setFocus()
    qtbot.keyClick(address.lock, Qt.Key.Key_Space)  # the lock is reachable by keyboard too
    assert "contact.address" in zain.editor.doc.node(NIKITA).confidential_fields
    assert "contact.address" in _saved(library, zain).node(NIKITA).confidential_fields
    assert address.lock.text() == "Confidential"
    assert zain.properties.findChildren(QToolButton, "lock.contact.address")


def test_a_relationship_has_its_own_form(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    doc = zain.editor.doc
    [couple] = [r for r in doc.relationships_between(KARIM, MARIA) if isinstance(r, Partnership)]
    zain.editor.select([couple.id])
    assert zain.properties.title.text() == "Partners"
    combo = _field(zain, "type").widget
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_S)  # "Separated"
    assert combo.currentText() == "Separated"
    assert doc.relationship(couple.id).type is PartnershipType.SEPARATED
    _type_into(qtbot, _field(zain, "end").widget, "2026-10")
    assert doc.relationship(couple.id).end == PartialDate(2026, 10)


def test_nothing_selected_shows_the_case(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    zain.editor.select([])
    assert zain.properties.title.text() == "Case details"
    _type_into(qtbot, _field(zain, "reference").widget, "CIN-9")
    assert zain.editor.doc.info.reference == "CIN-9"
    assert "(CIN-9)" in zain.windowTitle()


def test_a_new_service_is_named_in_its_form(qtbot, zain, canvas, library) -> None:  # type: ignore[no-untyped-def]
    from circles_desktop.graph.model import ServiceCategory

    zain.actions["add.service"].trigger()
    [service_id] = zain.editor.selection
    assert zain.properties.subtitle.text() == "Service or organisation"
    qtbot.waitUntil(lambda: zain.properties.form.first().widget.hasFocus())
    _type_into(qtbot, _field(zain, "name").widget, "Eastbridge Food Bank")
    combo = _field(zain, "category").widget
    combo.setFocus()
    qtbot.wait(_typing_pause())
    qtbot.keyClick(combo, Qt.Key.Key_F)  # "Faith", then "Financial" on a second F
    saved = _saved(library, zain).node(service_id)
    assert saved.name == "Eastbridge Food Bank" and saved.category is ServiceCategory.FAITH


def test_who_lives_in_a_household_is_ticked(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QListWidget

    doc = zain.editor.doc
    home = next(h for h in doc.households() if NIKITA in h.members)
    zain.editor.select([home.id])
    members = _field(zain, "members").widget
    assert isinstance(members, QListWidget)
    rows = {members.item(i).text(): members.item(i) for i in range(members.count())}
    nikita_row = rows[doc.node(NIKITA).label]
    assert nikita_row.checkState() == Qt.CheckState.Checked
    members.setCurrentItem(nikita_row)
    members.setFocus()
    qtbot.keyClick(members, Qt.Key.Key_Space)
    assert NIKITA not in doc.node(home.id).members
    zain.actions["edit.undo"].trigger()
    assert NIKITA in doc.node(home.id).members


def _typing_pause() -> int:
    """Longer than Qt's keyboard interval, so letters typed into a combo box start a new search."""
    from PySide6.QtWidgets import QApplication

    return QApplication.keyboardInputInterval() + 50


def test_undo_while_a_field_is_being_typed_in_does_not_commit_to_the_case(qtbot, zain, canvas) -> None:  # type: ignore[no-untyped-def]
    """Undoing the add of the person shown switches the panel to the case; the half-typed field of
    the person's form finishes as it is hidden and must not be applied to the case details."""
    info_before = zain.editor.doc.info
    zain.editor.select([JULIAN])
    widget = _field(zain, "known_as").widget
    widget.setFocus()
    qtbot.keyClicks(widget, "Jules")  # typed, not yet committed
    zain.editor.select([])  # the panel now shows the case; the person's field loses focus
    widget.editingFinished.emit()
    assert zain.editor.doc.info == info_before
