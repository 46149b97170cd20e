"""Access by case on a PostgreSQL team server: each practitioner signs in as their own database role,
and row-level security lets a role read and change only its teams' cases, even with direct SQL;
the server stamps who and when; only the administrator manages teams; a SQLite library has none."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from store_helpers import Desk, is_postgres, pg_role, practitioners

from circles_desktop.graph import edits as E
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.engine import resolve_url
from circles_desktop.store.library import CaseNotFound, Library, StoreError


@dataclass
class Server:
    url: str  # the administrator's
    admin: Library
    north: str  # the case of team North ("Zain family")
    south: str  # the case of team South ("Sayah")
    alice: Desk  # in North
    carol: Desk  # in South
    dave: Desk  # in no team


@pytest.fixture
def server(db_url: str) -> Iterator[Server]:
    if not is_postgres(db_url):
        pytest.skip("row-level security is PostgreSQL's")
    with Library.open(db_url) as admin, practitioners(db_url, ["alice"], "North", distinct=True) as north_desks, \
            practitioners(db_url, ["carol"], "South", distinct=True) as south_desks, pg_role(db_url, "dave") as dave:
        zain = admin.create_case(CaseInfo("Zain family", team="North"))
        nikita, julian = Person(given_names="Nikita"), Person(given_names="Julian")
        zain.apply(E.add_node(nikita))
        zain.apply(E.add_partner(zain, nikita.id, julian))
        sayah = admin.create_case(CaseInfo("Sayah", team="South"))
        sayah.apply(E.add_node(Person(given_names="Sayah")))
        yield Server(db_url, admin, zain.case_id, sayah.case_id, north_desks["alice"],  # type: ignore[arg-type]
                     south_desks["carol"], dave)


def _direct(who: Desk | str, sql: str, **params: object) -> list[tuple]:
    """Run SQL as a practitioner's own login (or the administrator's URL), outside Circles."""
    engine = create_engine(resolve_url(who if isinstance(who, str) else who.url))
    try:
        with engine.begin() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def test_a_practitioner_finds_opens_and_searches_only_their_teams_cases(server: Server) -> None:
    with server.alice.open() as alice:
        assert alice.user == server.alice.who and alice.restricted
        assert [c.name for c in alice.list_cases()] == ["Zain family"]
        assert sorted(h.label for h in alice.search("i")) == ["Julian", "Nikita"]
        assert alice.search("Sayah") == []
        with pytest.raises(CaseNotFound, match="no case matches 'Sayah'"):
            alice.find_case("Sayah")
        with pytest.raises(CaseNotFound, match="no case with id"):
            alice.open_case(server.south)
        assert alice.audit(server.south) == []
    with server.carol.open() as carol:
        assert [c.name for c in carol.list_cases()] == ["Sayah"]


def test_direct_sql_with_a_practitioners_own_login_cannot_read_another_teams_case(server: Server) -> None:
    counts = ("SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM nodes), "
              "(SELECT count(*) FROM relationships), (SELECT count(*) FROM edit_log)")
    assert _direct(server.alice, counts) == [(1, 2, 1, 3)]  # Zain: 2 people, 1 partnership, 3 entries
    assert _direct(server.carol, counts) == [(1, 1, 0, 2)]
    with pytest.raises(DBAPIError, match='relation "cases" does not exist'):  # in no team: not even the tables
        _direct(server.dave, counts)
    for table in ("cases", "nodes", "edit_log"):
        column = "id" if table == "cases" else "case_id"
        assert _direct(server.alice, f"SELECT * FROM {table} WHERE {column} = :c", c=server.south) == []
    # Nor change it: the rows are not there for the practitioner to update or delete.
    assert _direct(server.alice, "UPDATE nodes SET label = 'x' WHERE case_id = :c RETURNING id", c=server.south) == []
    assert _direct(server.alice, "DELETE FROM cases WHERE id = :c RETURNING id", c=server.south) == []
    # The administrator sees both cases, untouched.
    assert _direct(server.url, "SELECT count(*) FROM cases") == [(2,)]
    assert _direct(server.url, "SELECT label FROM nodes WHERE case_id = :c", c=server.south) == [("Sayah",)]


def test_a_practitioner_cannot_put_rows_into_another_teams_case(server: Server) -> None:
    with pytest.raises(DBAPIError, match="row-level security"):
        _direct(server.alice, "INSERT INTO nodes (case_id, id, kind, label, search_key, data, version, created_at, "
                "created_by, updated_at, updated_by) VALUES (:c, 'p9', 'person', 'x', 'x', '{}', 1, now(), 'x', now(), "
                "'x')", c=server.south)
    with pytest.raises(DBAPIError, match="row-level security"):
        _direct(server.alice, "UPDATE cases SET team = 'South' WHERE id = :c", c=server.north)


def test_a_practitioner_makes_cases_for_their_own_teams_only(server: Server) -> None:
    with server.alice.open() as alice:
        doc = alice.create_case(CaseInfo("New referral"))  # no team given: their only team
        assert doc.info.team == "North"
        with pytest.raises(StoreError, match=r"are a member of North, not of 'South'$"):
            alice.create_case(CaseInfo("Elsewhere", team="South"))
        with pytest.raises(StoreError, match="a case can only be given to a team you are a member of"):
            doc.apply(E.update_case(doc, replace(doc.info, team="South")))
        assert doc.info.team == "North"
        assert sorted(c.name for c in alice.list_cases()) == ["New referral", "Zain family"]
    with pytest.raises(StoreError, match=rf"you \({server.dave.who}\) cannot use the Circles cases on this server: "
                                         rf"the administrator adds you to a team first \(circles team add-member TEAM "
                                         rf"{server.dave.who}\)$"):
        server.dave.open()


def test_the_server_stamps_who_and_when_whatever_the_client_sends(server: Server) -> None:
    with server.alice.open() as alice:
        doc = alice.open_case(server.north)
        nikita = next(p for p in doc.people() if p.given_names == "Nikita")
        doc.apply(E.update_node(doc, replace(nikita, known_as="Nikki")))
    rows = _direct(server.alice, "SELECT by, at <= now(), updated_by FROM edit_log e JOIN nodes n "
                   "ON n.case_id = e.case_id AND n.id = :p WHERE e.case_id = :c ORDER BY seq DESC LIMIT 1",
                   c=server.north, p=nikita.id)
    assert rows == [(server.alice.who, True, server.alice.who)]
    forged = _direct(server.alice, "INSERT INTO edit_log (case_id, seq, at, by, label, changes, team) VALUES "
                     "(:c, 99, '2000-01-01', 'the director', 'forged', '[]', 'North') RETURNING by, at > '2001-01-01'",
                     c=server.north)
    assert forged == [(server.alice.who, True)]


def test_only_the_administrator_manages_teams(server: Server) -> None:
    with server.alice.open() as alice:
        with pytest.raises(StoreError, match=r"only the administrator who owns the Circles tables \(.+\) can change "
                                             rf"teams; you are signed in as {server.alice.who}"):
            alice.add_member("South", server.alice.who)
        assert [(m.team, m.role) for m in alice.members()] == [("North", server.alice.who)]  # their own only
    with pytest.raises(StoreError, match="there is no database role 'nobody_at_all' on this server"):
        server.admin.add_member("North", "nobody_at_all")
    assert server.admin.add_member("North", server.carol.who) is True
    assert server.admin.add_member("North", server.carol.who) is False
    with server.carol.open() as carol:
        assert sorted(c.name for c in carol.list_cases()) == ["Sayah", "Zain family"]
    assert server.admin.remove_member("North", server.carol.who) is True
    assert server.admin.remove_member("North", server.carol.who) is False
    with server.carol.open() as carol:
        assert [c.name for c in carol.list_cases()] == ["Sayah"]


def test_leaving_the_last_team_closes_the_door(server: Server) -> None:
    server.admin.remove_member("South", server.carol.who)
    with pytest.raises(StoreError, match="cannot use the Circles cases on this server"):
        server.carol.open()
    with pytest.raises(DBAPIError, match='relation "nodes" does not exist'):  # the schema is closed to them
        _direct(server.carol, "SELECT count(*) FROM nodes")


def test_a_deleted_cases_audit_trail_stays_with_its_team(server: Server) -> None:
    with server.alice.open() as alice:
        alice.delete_case(server.north)
        assert alice.list_cases() == []
        assert alice.find_audited_case(server.north) == server.north
        trail = alice.audit(server.north)
        assert [e.label for e in trail][-1] == "Delete case" and trail[-1].by == server.alice.who
    with server.carol.open() as carol:
        assert carol.audit(server.north) == []
        with pytest.raises(CaseNotFound):
            carol.find_audited_case(server.north)


# ----- SQLite and teams --------------------------------------------------------------------------


def test_a_sqlite_library_has_no_teams(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Library.open(f"sqlite:///{tmp_path / 'x.db'}", user="amira") as library:
        assert not library.restricted and library.user == "amira"
        for attempt in (lambda: library.add_member("North", "alice"), lambda: library.remove_member("North", "x"),
                        library.members):
            with pytest.raises(StoreError, match="teams are kept on a PostgreSQL team server"):
                attempt()
        assert library.my_teams() == []
        assert library.create_case(CaseInfo("Any team", team="Whatever")).info.team == "Whatever"
