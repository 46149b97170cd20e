"""A relationship's changes are named by its two ends in the undo history and the Edit menu, and the
panel fits its fields in a narrow dock without scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from circles_desktop.demo_cases import demo_id
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import (
    CaseInfo,
    EcomapTie,
    Emotional,
    Parentage,
    ParentageType,
    Partnership,
    Person,
)
from circles_desktop.ui.fields import fields_for
from circles_desktop.ui.edit_words import change_label, relationship_name

NIKITA, JULIAN, KARIM, MARIA, CAMHS = (demo_id(f"zain/{n}") for n in ("nikita", "julian", "karim", "maria", "camhs"))


def _only(doc, kind, source: str, target: str):  # type: ignore[no-untyped-def]
    [rel] = [r for r in doc.relationships_between(source, target) if isinstance(r, kind)]
    return rel


def _editor(window, path: str):  # type: ignore[no-untyped-def]
    return window.properties.form.editors[path]


def _choose(qtbot, window, path: str, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Pick another choice in a drop-down by keyboard, as a practitioner tabbing through does."""
    combo = _editor(window, path).widget
    combo.setFocus()
    qtbot.keyClick(combo, key)


def _type(qtbot, window, path: str, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = _editor(window, path).widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _last_step(window) -> str:  # type: ignore[no-untyped-def]
    stack = window.editor.undo_stack
    return stack.text(stack.index() - 1)


def test_a_partnership_is_named_by_the_couple(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    couple = _only(zain.editor.doc, Partnership, KARIM, MARIA)
    zain.editor.select([couple.id])
    assert zain.properties.subtitle.text() == "Karim Zain and Maria Zain"  # partners have no direction
    _choose(qtbot, zain, "type", Qt.Key.Key_S)  # Separated
    assert _last_step(zain) == "Change Karim and Maria's partnership: type"
    assert zain.actions["edit.undo"].text() == "&Undo Change Karim and Maria's partnership: type"
    _type(qtbot, zain, "end", "2026-10")
    assert _last_step(zain) == "Change Karim and Maria's partnership: end date"


def test_a_parent_is_named_as_the_childs_parent(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    parentage = _only(zain.editor.doc, Parentage, KARIM, NIKITA)
    zain.editor.select([parentage.id])
    assert zain.properties.subtitle.text() == "Karim Zain, parent of Nikita Zain"
    _type(qtbot, zain, "start", "2010-03-14")
    assert _last_step(zain) == "Change Karim as Nikita's parent: start date"
    qtbot.mouseClick(_editor(zain, "parental_responsibility").widget, Qt.MouseButton.LeftButton)
    assert _last_step(zain).endswith("for Karim as Nikita's parent")


def test_an_emotional_tie_names_both_people(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    tie = _only(zain.editor.doc, Emotional, NIKITA, JULIAN)
    zain.editor.select([tie.id])
    assert zain.properties.subtitle.text() == "Nikita Zain and Julian Zain"  # conflict runs both ways
    _choose(qtbot, zain, "type", Qt.Key.Key_H)  # Hostile
    assert _last_step(zain) == "Change Nikita and Julian's emotional tie: type"
    focused = _only(zain.editor.doc, Emotional, MARIA, NIKITA)
    zain.editor.select([focused.id])
    assert zain.properties.subtitle.text() == "Maria Zain → Nikita Zain"  # who is focused on whom


def test_an_ecomap_tie_names_the_child_and_the_service(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    tie = _only(zain.editor.doc, EcomapTie, NIKITA, CAMHS)
    zain.editor.select([tie.id])
    _choose(qtbot, zain, "strength", Qt.Key.Key_S)  # Strong
    assert _last_step(zain) == "Change the tie between Nikita and Eastbridge CAMHS: strength"
    _type(qtbot, zain, "frequency", "every two weeks")
    assert _last_step(zain) == "Change the tie between Nikita and Eastbridge CAMHS: how often in touch"
    stressful = _editor(zain, "stressful")
    qtbot.mouseClick(stressful.words, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))  # on the words, as on a box's text
    assert zain.editor.doc.relationship(tie.id).stressful
    assert stressful.widget.isChecked()
    assert _last_step(zain) == "Set “Stressful” for the tie between Nikita and Eastbridge CAMHS"


def test_every_relationship_kind_and_field_names_both_ends(qtbot, zain) -> None:  # type: ignore[no-untyped-def]
    """Whatever is changed on whatever relationship, the step never reads "the case's"."""
    doc = zain.editor.doc
    for rel in doc.relationships():
        a, b = doc.node(rel.source), doc.node(rel.target)
        for spec in fields_for(rel):
            label = change_label(doc, rel, spec, True)
            assert "case" not in label
            for end in (a, b):
                assert (end.short_name if isinstance(end, Person) else end.label) in label, label


def test_two_ends_with_the_same_first_name_get_their_full_names() -> None:
    doc = CaseDocument(CaseInfo(name="Two Tomasz"))
    father = Person(given_names="Tomasz", family_name="Nowak")
    son = Person(given_names="Tomasz", family_name="Kamiński")
    rel = Parentage(source=father.id, target=son.id, type=ParentageType.FOSTER)
    doc.load(doc.info, [father, son], [rel])
    assert relationship_name(doc, rel) == "Tomasz Nowak as Tomasz Kamiński's carer"


@pytest.mark.parametrize("which", ["person", "service", "household", "partnership", "parentage", "emotional",
                                   "ecomap", "case"])
def test_the_panel_never_scrolls_sideways(qtbot, zain, which) -> None:  # type: ignore[no-untyped-def]
    """At the window's first size (1280 x 800, the dock about 340 pixels wide) and narrower, every
    field is inside the panel: long labels and check boxes wrap instead."""
    doc = zain.editor.doc
    kinds = {"partnership": Partnership, "parentage": Parentage, "emotional": Emotional, "ecomap": EcomapTie}
    nodes = {"person": doc.node(NIKITA), "service": doc.node(CAMHS), "household": doc.households()[0], "case": None}
    subject = nodes[which] if which in nodes else next(r for r in doc.relationships() if isinstance(r, kinds[which]))
    zain.editor.select([subject.id] if subject is not None else [])
    panel = zain.properties
    for width in (340, 250):
        zain.resizeDocks([zain.properties_dock], [width], Qt.Orientation.Horizontal)
        qtbot.wait(20)
        viewport = panel.scroll.viewport()
        assert panel.holder.width() <= viewport.width()
        for editor in panel.form.editors.values():
            for widget in (editor.widget, editor.lock, editor.words):
                if isinstance(widget, QWidget) and widget.isVisibleTo(panel.form):
                    right = widget.mapTo(viewport, widget.rect().topRight()).x()
                    assert right <= viewport.width(), (editor.spec.path, width)
                    if isinstance(widget, QLineEdit) and widget.placeholderText():
                        words = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
                        assert words < widget.width(), (editor.spec.path, width)  # a hint is never cut short
