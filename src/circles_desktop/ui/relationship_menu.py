"""The menu that asks what kind of relationship was just drawn from one symbol to another.

A menu rather than a dialog: one click (or a few keys) to choose, and only the kinds that fit the
two ends are offered, so a practitioner cannot pick something the model would refuse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from ..graph.document import CaseDocument
from ..graph.model import (
    AnyRelationship,
    EcomapTie,
    Emotional,
    EmotionalType,
    Household,
    Parentage,
    ParentageType,
    Partnership,
    PartnershipType,
    Person,
    Service,
    TieStrength,
)
from .words import word

Factory = Callable[[], AnyRelationship]

def relationship_choices(doc: CaseDocument, source: str, target: str) -> dict[str, list[tuple[str, Factory]]]:
    """The kinds that fit these two ends, grouped for the menu: {group title: [(text, factory)]}."""
    a, b = doc.node(source), doc.node(target)
    choices: dict[str, list[tuple[str, Factory]]] = {}
    if source == target:
        return choices
    if isinstance(a, Person) and isinstance(b, Person):
        choices["&Partners"] = [(word(kind), _maker(Partnership, source, target, type=kind))
                                for kind in PartnershipType]
        for parent, child, title in ((source, target, f"{a.short_name} is a &parent of {b.short_name}"),
                                     (target, source, f"{a.short_name} is a &child of {b.short_name}")):
            choices[title] = [(word(kind), _maker(Parentage, parent, child, type=kind,
                                                  parental_responsibility=kind is not ParentageType.FOSTER))
                              for kind in ParentageType]
        choices["&Emotional"] = [(word(kind), _maker(Emotional, source, target, type=kind)) for kind in EmotionalType]
    if not isinstance(a, Service) and not isinstance(b, Household):
        choices["Ecomap &tie"] = [(word(kind), _maker(EcomapTie, source, target, strength=kind))
                                  for kind in TieStrength]
    elif isinstance(a, Service) and not isinstance(b, (Service, Household)):
        choices["Ecomap &tie"] = [(word(kind), _maker(EcomapTie, target, source, strength=kind))
                                  for kind in TieStrength]
    return choices


def _maker(cls: type, source: str, target: str, **fields: object) -> Factory:
    return lambda: cls(source, target, **fields)


def choose_relationship(doc: CaseDocument, source: str, target: str, at: QPoint,
                        parent: QWidget | None = None) -> AnyRelationship | None:
    """Pop up the menu at ``at`` (global coordinates); None if the practitioner dismisses it."""
    menu = build_menu(doc, source, target, parent)
    chosen = menu.exec(at)
    return chosen.data()() if chosen is not None and chosen.data() is not None else None


def build_menu(doc: CaseDocument, source: str, target: str, parent: QWidget | None = None) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName("relationship_menu")
    a, b = doc.node(source), doc.node(target)
    menu.setTitle(f"Relationship between {a.label} and {b.label}")
    menu.setAccessibleName(menu.title())
    header = menu.addAction(f"{a.label} → {b.label}")
    header.setEnabled(False)
    menu.addSeparator()
    for group, items in relationship_choices(doc, source, target).items():
        sub = menu.addMenu(group)
        for text, factory in items:
            action = sub.addAction(text)
            action.setData(factory)
    return menu
