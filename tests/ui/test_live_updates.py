"""Two copies of Circles on one case: each shows the other's edits without reopening, the same field
changed twice is refused for the second with who and when and the screen shows the latest, the audit
trail shows both; and on a PostgreSQL team server a third practitioner outside the team sees nothing.

Runs on a SQLite file (the copies poll it) and, with CIRCLES_TEST_PG, on PostgreSQL (LISTEN/NOTIFY,
each copy signed in as its own database role)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))  # the store tests' practitioners
from store_helpers import practitioners, pg_schema  # noqa: E402

from circles_desktop.graph import edits as E  # noqa: E402
from circles_desktop.graph.model import CaseInfo, Person  # noqa: E402
from circles_desktop.store.library import CaseNotFound, Library  # noqa: E402
from circles_desktop.ui.audit_view import AuditView  # noqa: E402
from circles_desktop.ui.main_window import MainWindow  # noqa: E402
from circles_desktop.ui.settings import Settings  # noqa: E402

WAIT_MS = 15_000


@dataclass
class Office:
    url: str
    case_id: str
    alice: MainWindow
    bob: MainWindow


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, qtbot, tmp_path: Path) -> Iterator[Office]:  # type: ignore[no-untyped-def]
    """Alice's and Bob's copies of Circles, each with the Zain family open."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / 'library.db'}"
        else:
            url = stack.enter_context(pg_schema())
        with Library.open(url) as admin:
            doc = admin.create_case(CaseInfo("Zain family", team="North"))
            doc.apply(E.add_node(Person(id="nikita", given_names="Nikita")))
            doc.apply(E.add_node(Person(id="julian", given_names="Julian")))
        desks = stack.enter_context(practitioners(url, ["alice", "bob"], "North"))
        windows = []
        for name in ("alice", "bob"):
            library = stack.enter_context(desks[name].open())
            settings = Settings(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
            window = MainWindow(library, settings)
            qtbot.addWidget(window)
            assert window.open_case(doc.case_id)  # type: ignore[arg-type]
            stack.callback(window.close_case)
            windows.append(window)
        yield Office(url, doc.case_id, *windows)  # type: ignore[arg-type]


def _rename(window: MainWindow, node_id: str, known_as: str) -> bool:
    assert window.editor is not None
    return window.editor.update_node(replace(window.editor.doc.node(node_id), known_as=known_as))  # type: ignore[type-var]


def _shows(window: MainWindow, node_id: str) -> str:
    assert window.editor is not None
    return window.editor.doc.node(node_id).known_as  # type: ignore[union-attr]


def test_two_copies_edit_one_case_and_each_sees_the_other(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    assert office.alice.live is not None and office.alice.live.following
    assert _rename(office.alice, "nikita", "Nikki")
    assert _rename(office.bob, "julian", "Jules")  # a different person: both are saved
    qtbot.waitUntil(lambda: _shows(office.bob, "nikita") == "Nikki", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _shows(office.alice, "julian") == "Jules", timeout=WAIT_MS)
    assert office.bob.editor.undo_stack.count() == 1  # others' edits are not Bob's to undo  # type: ignore[union-attr]


def test_the_same_field_twice_is_refused_for_the_second_who_then_sees_the_latest(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    alice_name = office.alice.library.user
    assert _rename(office.alice, "nikita", "Nikki")
    with qtbot.waitSignal(office.bob.editor.problem, timeout=WAIT_MS) as refused:  # type: ignore[union-attr]
        ok = _rename(office.bob, "nikita", "Kit")
    assert not ok and refused.args is not None
    assert f"'Nikita' was changed by {alice_name} at " in refused.args[0]
    qtbot.waitUntil(lambda: _shows(office.bob, "nikita") == "Nikki", timeout=WAIT_MS)  # the latest, unasked
    assert _rename(office.bob, "nikita", "Kit")  # made again on the latest state: saved
    qtbot.waitUntil(lambda: _shows(office.alice, "nikita") == "Kit", timeout=WAIT_MS)
    view = AuditView(office.alice.library, office.alice.editor.doc)  # type: ignore[union-attr]
    qtbot.addWidget(view)
    assert [(e.by, e.label) for e in view.entries][-2:] == [
        (alice_name, "Change Nikki (Nikita)"), (office.bob.library.user, "Change Kit (Nikita)")]
    view.detach()


def test_a_case_deleted_elsewhere_is_no_longer_followed(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(office.bob.live.problem, timeout=WAIT_MS) as told:  # type: ignore[union-attr]
        office.alice.close_case()
        office.alice.library.delete_case(office.case_id)
    assert "was deleted" in told.args[0]  # type: ignore[index]
    qtbot.waitUntil(lambda: not office.bob.live.following, timeout=WAIT_MS)  # type: ignore[union-attr]


def test_a_practitioner_outside_the_team_cannot_see_the_case_at_all(qtbot, office: Office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not office.url.startswith("postgresql"):
        pytest.skip("teams are a PostgreSQL team server's")
    with practitioners(office.url, ["dave"], "South", distinct=True) as desks, desks["dave"].open() as library:
        window = MainWindow(library, Settings(QSettings(str(tmp_path / "dave.ini"), QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        assert library.list_cases() == [] and library.search("Nikita") == []
        assert window.browser.cases.topLevelItemCount() == 0  # the case list shows nothing of team North
        with pytest.raises(CaseNotFound):
            library.open_case(office.case_id)
        assert library.audit(office.case_id) == []
