"""The audit trail: every edit with who, when, before and after and whether it was an undo; read per
case, per person and per practitioner; exported as CSV or JSON; never changed, not even by its owner."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from store_helpers import is_postgres, practitioners

from circles_desktop.cli import main
from circles_desktop.graph import edits as E
from circles_desktop.graph.model import CaseInfo, Emotional, EmotionalType, Household, Person
from circles_desktop.store.audit import find_person
from circles_desktop.store.engine import make_engine, resolve_url
from circles_desktop.store.library import Library


@pytest.fixture
def zain(library: Library):  # type: ignore[no-untyped-def]
    """A case with a history: Nikita added, renamed, the rename undone and redone, a line to Julian."""
    doc = library.create_case(CaseInfo("Zain family", team="North"))
    nikita, julian = Person(given_names="Nikita", family_name="Zain"), Person(given_names="Julian")
    doc.apply(E.add_node(nikita))
    doc.apply(E.add_node(julian))
    rename = E.update_node(doc, replace(nikita, known_as="Nikki"), "Rename Nikita")
    doc.apply(rename)
    doc.revert(rename)
    doc.apply(rename)
    doc.apply(E.add_relationship(Emotional(julian.id, nikita.id, type=EmotionalType.CONFLICTUAL)))
    doc.apply(E.add_node(Household(name="The Zain home", members=frozenset({julian.id}))))
    return doc, nikita, julian


def test_every_edit_is_in_the_trail_with_who_when_before_after_and_undo(library: Library, zain) -> None:  # type: ignore[no-untyped-def]
    doc = zain[0]
    trail = library.audit(doc.case_id)
    assert [(e.seq, e.label, e.undo) for e in trail] == [
        (1, "Create case", False), (2, "Add person", False), (3, "Add person", False), (4, "Rename Nikita", False),
        (5, "Rename Nikita", True), (6, "Rename Nikita", False), (7, "Add emotional relationship", False),
        (8, "Add household", False)]
    assert {e.by for e in trail} == {library.user} and {e.team for e in trail} == {"North"}
    assert all(a.at <= b.at for a, b in zip(trail, trail[1:]))
    renamed, undone = trail[3].changes[0], trail[4].changes[0]
    assert (renamed.action, renamed.name, renamed.fields) == ("changed", "Nikki (Nikita Zain)", ["known_as"])
    assert (undone.before, undone.after) == (renamed.after, renamed.before)
    assert renamed.describe() == "changed Nikki (Nikita Zain): known_as"
    assert trail[6].changes[0].describe() == "added emotional relationship"


def test_the_trail_of_one_person_holds_what_concerns_them(library: Library, zain) -> None:  # type: ignore[no-untyped-def]
    doc, nikita, julian = zain
    about_nikita = library.audit(doc.case_id, node_id=nikita.id)
    assert [e.seq for e in about_nikita] == [2, 4, 5, 6, 7]  # added, renamed thrice, the line from Julian
    about_julian = library.audit(doc.case_id, node_id=julian.id)
    assert [e.seq for e in about_julian] == [3, 7, 8]  # added, the line, joining the household
    assert find_person(library.audit(doc.case_id), "nikita") == nikita.id  # a part of the name will do
    assert find_person(library.audit(doc.case_id), julian.id) == julian.id
    with pytest.raises(ValueError, match="nobody called 'Sayah' appears"):
        find_person(library.audit(doc.case_id), "Sayah")


def test_the_trail_of_one_practitioner_spans_their_cases(db_url: str, library: Library) -> None:
    first = library.create_case(CaseInfo("Zain family", team="North"))
    with practitioners(db_url, ["alice"], distinct=True) as desks, desks["alice"].open() as alice:
        doc = alice.open_case(first.case_id)  # type: ignore[arg-type]
        doc.apply(E.add_node(Person(given_names="Nikita")))
        other = alice.create_case(CaseInfo("Sayah", team="North"))
        other.apply(E.add_node(Person(given_names="Sayah")))
        mine = alice.audit(by=alice.user)
        assert [(e.case_id, e.label) for e in mine] == [
            (first.case_id, "Add person"), (other.case_id, "Create case"), (other.case_id, "Add person")]
        assert alice.audit(first.case_id, by=alice.user) == mine[:1]


def test_the_trail_cannot_be_changed_or_deleted_not_even_by_the_owner(db_url: str, library: Library,
                                                                      zain) -> None:  # type: ignore[no-untyped-def]
    doc = zain[0]
    engine = make_engine(resolve_url(db_url))
    attempts = ["UPDATE edit_log SET label = 'nothing happened'", "DELETE FROM edit_log"]
    if is_postgres(db_url):
        attempts.append("TRUNCATE edit_log")
    try:
        for sql in attempts:
            with pytest.raises(DBAPIError, match=r"the audit trail \(edit_log\) is append-only"):
                with engine.begin() as connection:
                    connection.execute(text(sql))
    finally:
        engine.dispose()
    assert len(library.audit(doc.case_id)) == 8


def test_a_practitioner_may_not_even_try_to_change_the_trail(db_url: str, library: Library, zain) -> None:  # type: ignore[no-untyped-def]
    if not is_postgres(db_url):
        pytest.skip("roles and privileges are PostgreSQL's")
    with practitioners(db_url, ["alice"], distinct=True) as desks:
        engine = make_engine(resolve_url(desks["alice"].url))
        try:
            with engine.begin() as connection:
                assert connection.execute(text("SELECT count(*) FROM edit_log")).scalar_one() == 8
            for sql in ("UPDATE edit_log SET label = 'x'", "DELETE FROM edit_log", "TRUNCATE edit_log"):
                with pytest.raises(DBAPIError, match="permission denied for table edit_log"):
                    with engine.begin() as connection:
                        connection.execute(text(sql))
        finally:
            engine.dispose()


# ----- export: the library and `circles audit` ----------------------------------------------------


def test_circles_audit_prints_and_exports_csv_and_json(db_url: str, library: Library, zain, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    doc, nikita, _ = zain
    assert main(["--db", db_url, "audit", "Zain family"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"{doc.case_id}#1\t") and printed[0].endswith("\tCreate case")
    assert any(line.endswith("\tRename Nikita  (undo)") for line in printed)
    assert "\tchanged Nikki (Nikita Zain): known_as" in printed

    assert main(["--db", db_url, "audit", "Zain family", "--person", "Nikita", "-o", str(tmp_path / "a.csv")]) == 0
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["seq"], r["action"], r["undo"]) for r in rows] == [
        ("2", "added", "no"), ("4", "changed", "no"), ("5", "changed", "yes"), ("6", "changed", "no"),
        ("7", "added", "no")]
    assert json.loads(rows[1]["after"])["known_as"] == "Nikki" and rows[0]["before"] == ""

    assert main(["--db", db_url, "audit", doc.case_id, "-o", str(tmp_path / "a.json")]) == 0
    exported = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert (exported["format"], exported["version"], exported["case_id"]) == ("circles-audit", 1, doc.case_id)
    assert [e["seq"] for e in exported["entries"]] == list(range(1, 9))
    assert exported["entries"][4]["undo"] is True
    assert exported["entries"][1]["changes"][0] == {
        "what": "node", "id": nikita.id, "name": "Nikita Zain", "action": "added", "before": None,
        "after": {"kind": "person", "id": nikita.id, "given_names": "Nikita", "family_name": "Zain"}}


def test_the_trail_of_a_deleted_case_can_still_be_exported(db_url: str, library: Library, zain,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    doc = zain[0]
    library.delete_case(doc.case_id)
    assert main(["--db", db_url, "audit", "Zain family"]) == 2  # the name has gone with the case…
    assert main(["--db", db_url, "audit", doc.case_id, "-o", str(tmp_path / "gone.json")]) == 0  # …the id has not
    entries = json.loads((tmp_path / "gone.json").read_text(encoding="utf-8"))["entries"]
    assert [e["label"] for e in entries][-2:] == ["Add household", "Delete case"]


@pytest.mark.parametrize("args, message", [
    (["audit"], "name a CASE, or a practitioner with --by, or both"),
    (["audit", "Zain family", "-o", "trail.txt"], "trail.txt: the audit trail is written as .csv or .json"),
    (["audit", "Zain family", "-o", "no/such/folder/trail.csv"], "no/such/folder: no such folder"),
    (["audit", "Zain family", "--person", "Sayah"], "nobody called 'Sayah' appears in this audit trail"),
    (["audit", "Nobody"], "no case matches 'Nobody'"),
    (["team", "members"], "teams are kept on a PostgreSQL team server"),
])
def test_circles_audit_and_team_say_what_is_wrong_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch, args: list[str],
                                                             message: str) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'library.db'}"
    with Library.open(url) as library:
        library.create_case(CaseInfo("Zain family"))
    assert main(["--db", url, *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("library.db")] == []  # nothing half-written
