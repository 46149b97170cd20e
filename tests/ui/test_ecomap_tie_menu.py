"""The ecomap's tie menu: which way a drawn tie runs, and the menu itself driven by keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from circles_desktop.demo_cases import demo_cases, demo_id
from circles_desktop.graph.model import Flow, TieStrength
from circles_desktop.ui.relationship_menu import TieMenu, choose_tie, tie_ends

NIKITA, SONIA, CAMHS, GP, HOME, GRANDPARENTS = (
    demo_id(f"zain/{n}") for n in ("nikita", "sonia", "camhs", "gp", "zain-home", "grandparents"))


def test_a_tie_runs_out_from_the_childs_side_whichever_end_the_drag_started() -> None:
    doc = demo_cases()[0]
    assert tie_ends(doc, NIKITA, CAMHS) == (NIKITA, CAMHS)
    assert tie_ends(doc, CAMHS, NIKITA) == (NIKITA, CAMHS)
    assert tie_ends(doc, SONIA, NIKITA) == (NIKITA, SONIA)  # the child first among people
    assert tie_ends(doc, CAMHS, HOME) == (HOME, CAMHS)
    assert tie_ends(doc, NIKITA, HOME) == (HOME, NIKITA)
    assert tie_ends(doc, CAMHS, GP) is None  # two services
    assert tie_ends(doc, HOME, GRANDPARENTS) is None  # two households
    assert tie_ends(doc, SONIA, SONIA) is None


def test_between_two_services_the_menu_says_why_and_makes_nothing(qtbot, when_modal) -> None:  # type: ignore[no-untyped-def]
    doc = demo_cases()[0]
    seen: list[str] = []

    def read_and_close(menu) -> None:  # type: ignore[no-untyped-def]
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        qtbot.keyClick(menu, Qt.Key.Key_Escape)

    when_modal(read_and_close)
    assert choose_tie(doc, CAMHS, GP, QPoint(100, 100)) is None
    assert len(seen) == 1 and seen[0].startswith("No ecomap tie can join Eastbridge CAMHS and Greenway")


def test_space_and_return_tick_options_and_the_menu_stays_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = demo_cases()[0]
    menu = TieMenu(doc, CAMHS, SONIA)  # drawn from the service: the tie still starts at Sonia
    qtbot.addWidget(menu)
    assert menu.ends == (SONIA, CAMHS)
    menu.popup(QPoint(50, 50))
    qtbot.waitExposed(menu)
    options = {a.objectName(): a for a in menu.actions()}
    menu.setActiveAction(options["option.stressful"])
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    menu.setActiveAction(options["option.flow.both"])
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert menu.isVisible() and options["option.stressful"].isChecked()
    assert not options["option.flow.none"].isChecked()  # one direction at a time
    tie = menu.tie_for(options["strength.tenuous"])
    assert tie is not None and (tie.source, tie.target) == (SONIA, CAMHS)
    assert (tie.strength, tie.stressful, tie.flow) == (TieStrength.TENUOUS, True, Flow.BOTH)
    assert menu.tie_for(options["option.stressful"]) is None and menu.tie_for(None) is None
    menu.close()
