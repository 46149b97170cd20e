"""The actions table: every command reachable by keyboard, named for screen readers, built once."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolButton

from circles_desktop.ui.actions import ACTIONS, MENUS, Actions
from circles_desktop.ui import icons


def test_every_action_has_a_shortcut_and_an_accessible_name(qapp) -> None:
    window = QMainWindow()
    actions = Actions(window)
    for spec in ACTIONS:
        action = actions[spec.key]
        assert action.shortcuts(), f"{spec.key} has no keyboard shortcut"
        assert spec.accessible.strip(), f"{spec.key} has no accessible name"
        assert spec.menu in MENUS, f"{spec.key} is in no menu"


def test_no_two_actions_share_a_shortcut(qapp) -> None:
    window = QMainWindow()
    actions = Actions(window)
    used = Counter(seq.toString(QKeySequence.SequenceFormat.PortableText)
                   for key in actions for seq in actions[key].shortcuts())
    assert [seq for seq, n in used.items() if n > 1] == []


def test_menus_and_toolbar_come_from_the_table(qapp) -> None:
    window = QMainWindow()
    actions = Actions(window)
    actions.build_menus(window.menuBar())
    toolbar = window.addToolBar("Tools")
    actions.build_toolbar(toolbar)
    in_menus = {a.objectName() for menu in window.menuBar().findChildren(QMenu)
                for a in menu.actions() if not a.isSeparator()}
    assert {spec.key for spec in ACTIONS} <= in_menus
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
    on_toolbar = {spec.key for spec in ACTIONS if spec.toolbar}
    assert {b.defaultAction().objectName() for b in buttons} == on_toolbar
    for button in buttons:
        assert button.accessibleName(), f"toolbar button {button.objectName()} has no accessible name"
        assert not button.defaultAction().icon().isNull()


def test_every_icon_draws_something(qapp) -> None:
    for name in icons.names():
        image = icons.icon(name).pixmap(24, 24).toImage()
        painted = sum(1 for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 0)
        assert painted > 20, f"icon {name} is (nearly) empty"


def test_enable_for_greys_out_what_cannot_apply(qapp) -> None:
    window = QMainWindow()
    actions = Actions(window)
    actions.enable_for(case=False, selected=0)
    assert not actions["add.person"].isEnabled()
    assert actions["case.new"].isEnabled()
    actions.enable_for(case=True, selected=1)
    assert actions["add.partner"].isEnabled() and not actions["relate"].isEnabled()
    actions.enable_for(case=True, selected=2)
    assert actions["relate"].isEnabled() and not actions["add.partner"].isEnabled()
