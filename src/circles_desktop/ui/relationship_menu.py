"""The menus that ask what kind of relationship was just drawn, or change one already drawn.

Menus rather than dialogs: one click (or a few keys) to choose, and only the kinds that fit the
two ends are offered, so a practitioner cannot pick something the model would refuse.

- :func:`choose_relationship`: any kind, grouped (the genogram's and the "Relate" command's menu);
- :func:`choose_tie`: the ecomap's small menu, strength, stress and flow of one tie at once;
- :func:`add_field_choices`: a drawn relationship's own kinds (a tie's strength, a couple's
  partnership) as menu items, for the canvas's context menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from ..graph.document import CaseDocument
from ..graph.model import (
    AnyRelationship,
    EcomapTie,
    Emotional,
    EmotionalType,
    Flow,
    Household,
    Parentage,
    ParentageType,
    Partnership,
    PartnershipType,
    Person,
    Service,
    TieStrength,
)
from .edit_words import change_label
from .fields import Kind, fields_for, get_value, with_value
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


# ----- the ecomap's tie menu -------------------------------------------------------------------------


def tie_ends(doc: CaseDocument, one: str, other: str) -> tuple[str, str] | None:
    """Which way a tie drawn between two symbols runs: out from the child's side, whichever end the
    drag started at (household, then the child, then other people, then services). None when no
    tie can join them (two services, two households, a symbol and itself)."""
    def nearness(node_id: str) -> int:
        node = doc.node(node_id)
        if isinstance(node, Household):
            return 0
        if isinstance(node, Person):
            return 1 if node.is_child_at_centre else 2
        return 3

    if one == other:
        return None
    source, target = sorted((one, other), key=nearness)  # stable: the drag's own order among equals
    if isinstance(doc.node(source), Service) or isinstance(doc.node(target), Household):
        return None
    return source, target


def flow_words(target: str) -> dict[Flow, str]:
    """A tie's directions in words that name its far end ("towards them" leaves a reader guessing)."""
    return {Flow.NONE: "&No direction", Flow.TO_TARGET: f"&Energy flows to {target}",
            Flow.FROM_TARGET: f"Energy flows &from {target}", Flow.BOTH: "Energy flows &both ways"}


class TieMenu(QMenu):
    """Strength, stress and flow of a new ecomap tie in one small menu.

    Ticking "Stressful" or a direction keeps the menu open (by mouse, Return, Space or its letter);
    choosing a strength makes the tie with what is ticked, so the common case is one click.
    """

    def __init__(self, doc: CaseDocument, source: str, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tie_menu")
        self.ends = tie_ends(doc, source, target)
        a, b = doc.node(source), doc.node(target)
        self.setTitle(f"Ecomap tie between {a.label} and {b.label}")
        self.setAccessibleName(self.title())
        self._strengths: dict[str, TieStrength] = {}
        self._flows: list[tuple[QAction, Flow]] = []
        if self.ends is None:
            self.addAction(f"No ecomap tie can join {a.label} and {b.label}: a tie runs from the child, their "
                           "household or a person to a person or service.").setEnabled(False)
            return
        a, b = doc.node(self.ends[0]), doc.node(self.ends[1])
        self.addAction(f"Tie from {a.label} to {b.label}").setEnabled(False)
        self.addSeparator()
        for strength, text in ((TieStrength.STRONG, "&Strong"), (TieStrength.MODERATE, "&Moderate"),
                               (TieStrength.TENUOUS, "&Tenuous (dashed)")):
            action = self.addAction(text)
            action.setObjectName(f"strength.{strength.value}")
            self._strengths[action.objectName()] = strength
        self.addSeparator()
        self.stressful = self._option("St&ressful (hatched)", "stressful")
        self.addSeparator()
        flows = QActionGroup(self)
        for flow, text in flow_words(b.label).items():
            action = self._option(text, f"flow.{flow.value}")
            flows.addAction(action)
            self._flows.append((action, flow))
            action.setChecked(flow is Flow.NONE)

    def _option(self, text: str, name: str) -> QAction:
        action = self.addAction(text)
        action.setObjectName(f"option.{name}")
        action.setCheckable(True)
        return action

    @staticmethod
    def _is_option(action: QAction | None) -> bool:
        return action is not None and action.isEnabled() and action.objectName().startswith("option.")

    def tie_for(self, chosen: QAction | None) -> EcomapTie | None:
        """The tie the menu's choice makes, or None if no strength was chosen."""
        if chosen is None or self.ends is None or chosen.objectName() not in self._strengths:
            return None
        flow = next((f for action, f in self._flows if action.isChecked()), Flow.NONE)
        return EcomapTie(*self.ends, strength=self._strengths[chosen.objectName()],
                         stressful=self.stressful.isChecked(), flow=flow)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if self._is_option(action):
            action.trigger()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        active = self.activeAction()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._is_option(active):
            active.trigger()
            return
        if not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            for action in self.actions():
                mnemonic = QKeySequence.mnemonic(action.text())
                if self._is_option(action) and not mnemonic.isEmpty() and mnemonic[0].key() == key:
                    self.setActiveAction(action)
                    action.trigger()
                    return
        super().keyPressEvent(event)


def choose_tie(doc: CaseDocument, source: str, target: str, at: QPoint,
               parent: QWidget | None = None) -> EcomapTie | None:
    """Pop up the tie menu at ``at`` (global coordinates); None if the practitioner dismisses it."""
    menu = TieMenu(doc, source, target, parent)
    try:
        return menu.tie_for(menu.exec(at))
    finally:
        menu.deleteLater()


# ----- changing a drawn relationship from the canvas's context menu ---------------------------------


class Choices:
    """A submenu of checkable items of which one is ticked (a relationship's kind, a ring)."""

    def __init__(self, menu: QMenu, name: str) -> None:
        self.menu = menu
        menu.setObjectName(name)
        self.group = QActionGroup(menu)

    def add(self, text: str, name: str, checked: bool) -> QAction:
        action = self.menu.addAction(text)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setChecked(checked)
        self.group.addAction(action)
        return action


Apply = Callable[[AnyRelationship, str], object]


def add_field_choices(menu: QMenu, doc: CaseDocument, rel: AnyRelationship, apply: Apply) -> None:
    """A relationship's kinds and yes/no marks as menu items (the choices and checks of its form in the
    properties panel), each calling ``apply(changed relationship, undo label)``."""
    flows = flow_words(doc.node(rel.target).label)
    for spec in fields_for(rel):
        if spec.section != "Relationship":
            continue
        current = get_value(rel, spec.path)
        if spec.kind is Kind.CHECK:
            action = menu.addAction(spec.label)
            action.setObjectName(f"field.{spec.path}")
            action.setCheckable(True)
            action.setChecked(bool(current))
            action.triggered.connect(
                lambda on, s=spec: apply(with_value(rel, s.path, on), change_label(doc, rel, s, on)))
        elif spec.kind is Kind.CHOICE and spec.enum is not None:
            sub = Choices(menu.addMenu(spec.label), f"field.{spec.path}")
            for member in spec.enum:
                text = flows[member] if isinstance(member, Flow) else word(member)
                action = sub.add(text, f"{spec.path}.{member.value}", member == current)
                label = text.replace("&", "") if isinstance(member, Flow) else change_label(doc, rel, spec, member)
                if member != current:
                    action.triggered.connect(
                        lambda _on=False, s=spec, m=member, t=label: apply(with_value(rel, s.path, m), t))
