"""Migrations: they build exactly the schema the code declares, old databases open and are upgraded
(after a backup), a failed upgrade changes nothing, and a newer database is refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from circles_desktop.graph import edits as E
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.engine import make_engine, resolve_url
from circles_desktop.store.library import Library, StoreError
from circles_desktop.store.migrate import HEAD as KNOWN_HEAD
from circles_desktop.store.migrate import MIGRATIONS, VERSION_TABLE, prepare, stored_revisions
from circles_desktop.store.schema import Base

SCHEMA_V1 = Path(__file__).parent / "data" / "schema_v1.sql"
HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_the_store_knows_the_newest_migration_without_alembic() -> None:
    """A migration added without moving migrate.HEAD would leave older libraries un-upgraded: fail here."""
    assert KNOWN_HEAD == HEAD


def _opened_with_alembic(url: str) -> bool:
    """Open the library at ``url`` in a fresh interpreter; whether Alembic was imported to do it."""
    script = ("import sys; from circles_desktop.store.library import Library; "
              "Library.open(sys.argv[1]).close(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, url], capture_output=True, text=True, check=True)
    return done.stdout.strip() == "True"


def test_only_a_database_that_needs_work_loads_alembic(tmp_path: Path) -> None:
    """Opening a library already at the head is one plain query; new and older ones still get Alembic."""
    url = f"sqlite:///{tmp_path / 'library.db'}"
    assert _opened_with_alembic(url)  # a new library: the schema is made
    assert not _opened_with_alembic(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        assert stored_revisions(connection) == (HEAD,)
    engine.dispose()
    _first_schema_database(tmp_path / "old.db")
    assert _opened_with_alembic(f"sqlite:///{tmp_path / 'old.db'}")  # an older library is upgraded
    with sqlite3.connect(tmp_path / "old.db") as db:
        assert db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]


def test_the_migrations_build_exactly_the_declared_schema(db_url: str) -> None:
    Library.open(db_url).close()
    engine = make_engine(resolve_url(db_url))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


# Rows as the first schema stored them, with the JSON the first codec wrote.
V1_ROWS = """
INSERT INTO cases VALUES ('c1', 'Zain family', 'CIN-1', 'North', '{"name": "Zain family", "reference": "CIN-1",
  "team": "North"}', 2, 1, '2026-01-05 10:00:00.000000', 'amira', '2026-01-05 10:01:00.000000', 'amira');
INSERT INTO nodes VALUES (1, 'c1', 'p1', 'person', 'Nikita Zain', 'nikita zain', '{"kind": "person", "id": "p1",
  "given_names": "Nikita", "family_name": "Zain", "gender": "female", "birth": "2009-11"}', 1,
  '2026-01-05 10:00:00.000000', 'amira', '2026-01-05 10:00:00.000000', 'amira');
INSERT INTO nodes VALUES (2, 'c1', 'p2', 'person', 'Julian Zain', 'julian zain', '{"kind": "person", "id": "p2",
  "given_names": "Julian", "family_name": "Zain", "gender": "male"}', 1,
  '2026-01-05 10:00:00.000000', 'amira', '2026-01-05 10:00:00.000000', 'amira');
INSERT INTO relationships VALUES (1, 'c1', 'r1', 'emotional', 'p1', 'p2', '{"kind": "emotional", "id": "r1",
  "source": "p1", "target": "p2", "type": "conflictual"}', 1,
  '2026-01-05 10:01:00.000000', 'amira', '2026-01-05 10:01:00.000000', 'amira');
INSERT INTO edit_log VALUES ('c1', 1, '2026-01-05 10:00:00.000000', 'amira', 'Import case', '[]');
INSERT INTO edit_log VALUES ('c1', 2, '2026-01-05 10:01:00.000000', 'amira', 'Add relationship', '[]');
"""


def _first_schema_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA_V1.read_text())
        db.executescript(V1_ROWS)


def _check_v1_case(library: Library) -> None:
    doc = library.open_case("c1")
    assert doc.info == CaseInfo("Zain family", reference="CIN-1", team="North")
    assert [(p.id, p.label, str(p.birth)) for p in doc.people()] == [
        ("p1", "Nikita Zain", "2009-11"), ("p2", "Julian Zain", "None")]
    assert [(r.source, r.target, r.type.value) for r in doc.relationships()] == [("p1", "p2", "conflictual")]
    # The case can be edited after the upgrade, and the edit log goes on from where it was.
    doc.apply(E.add_node(Person(given_names="Mother")))
    assert [c.people for c in library.list_cases()] == [3]
    assert [h.node_id for h in library.search("JULIAN")] == ["p2"]


def test_a_database_made_by_the_first_schema_opens_and_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _first_schema_database(path)
    with Library.open(f"sqlite:///{path}", user="amira") as library:
        _check_v1_case(library)
    with sqlite3.connect(path) as db:
        assert db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]
        assert db.execute("SELECT max(seq) FROM edit_log").fetchone() == (3,)
        # The team server's columns are filled in for the old entries, and they are now append-only.
        assert db.execute("SELECT seq, team, undo FROM edit_log ORDER BY seq").fetchall() == [
            (1, "North", 0), (2, "North", 0), (3, "North", 0)]
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("DELETE FROM edit_log")


def test_a_first_schema_library_on_each_back_end_becomes_a_team_server(db_url: str) -> None:
    """0001 → head on a library with a case in it: the audit trail is kept, given its team, outlives its
    case, and is stamped with who deleted it."""
    engine = make_engine(resolve_url(db_url))
    prepare(engine, script_location=_migrations_up_to(db_url, "0001"))
    with engine.begin() as connection:
        for statement in V1_ROWS.strip().split(";\n"):
            if statement.strip():
                connection.execute(text(statement))
        if engine.dialect.name == "postgresql":  # the rows name their ordinals: move the counters past them
            for table in ("nodes", "relationships"):
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'ordinal'), "
                                        f"(SELECT max(ordinal) FROM {table}))"))
    engine.dispose()
    with Library.open(db_url, user="amira") as library:
        _check_v1_case(library)
        library.delete_case("c1")
        trail = library.audit("c1")
        assert [(e.seq, e.team, e.undo) for e in trail] == [
            (1, "North", False), (2, "North", False), (3, "North", False), (4, "North", False)]
        assert trail[-1].label == "Delete case" and trail[-1].by == library.user


def _migrations_up_to(db_url: str, revision: str) -> Path:
    """The migrations as they were at ``revision`` (for building an old database to upgrade)."""
    folder = Path(tempfile.mkdtemp(prefix="circles-migrations-"))
    shutil.copytree(MIGRATIONS, folder / "migrations", ignore=shutil.ignore_patterns("__pycache__"))
    script = ScriptDirectory(str(folder / "migrations"))
    keep = {r.revision for r in script.iterate_revisions(revision, "base")}
    for path in (folder / "migrations" / "versions").glob("*.py"):
        if not any(path.name.startswith(f"{rev}_") for rev in keep):
            path.unlink()
    return folder / "migrations"


def test_a_case_file_made_by_the_first_schema_is_read(tmp_path: Path) -> None:
    from circles_desktop.store.casefile import read_case_file

    path = tmp_path / "old.circles"
    _first_schema_database(path)
    before = path.read_bytes()
    doc = read_case_file(path)
    assert [p.label for p in doc.people()] == ["Nikita Zain", "Julian Zain"]
    assert path.read_bytes() == before  # upgraded in a private copy, never in place


# ----- upgrades: a next revision, written here, chained after the real head ------------------------

NEXT = '''
import sqlalchemy as sa
from alembic import op

revision = "9000_test"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("colour", sa.String(), nullable=False, server_default="blue"))
    {then}


def downgrade() -> None:
    op.drop_column("cases", "colour")
'''


def _migrations_with_next(tmp_path: Path, then: str = "pass") -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9000_test.py").write_text(NEXT.format(head=HEAD, then=then))
    return folder


def _library_with_a_case(url: str) -> str:
    with Library.open(url) as library:
        doc = library.create_case(CaseInfo("Zain family"))
        doc.apply(E.add_node(Person(given_names="Nikita")))
        return doc.case_id  # type: ignore[return-value]


def _revision_and_columns(url: str) -> tuple[str, list[str]]:
    engine = make_engine(resolve_url(url))
    with engine.connect() as connection:
        revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()
        columns = [c["name"] for c in inspect(connection).get_columns("cases")]
    engine.dispose()
    return revision, columns


def test_an_older_library_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    url = f"sqlite:///{path}"
    _library_with_a_case(url)
    engine = make_engine(url)
    prepare(engine, script_location=_migrations_with_next(tmp_path))
    engine.dispose()
    revision, columns = _revision_and_columns(url)
    assert revision == "9000_test" and "colour" in columns
    (backup,) = tmp_path.glob(f"library.db.schema-{HEAD}.*.bak")
    old_revision, old_columns = _revision_and_columns(f"sqlite:///{backup}")
    assert old_revision == HEAD and "colour" not in old_columns
    with Library.open(f"sqlite:///{backup}") as library:  # the backup is a whole, working library
        assert [c.people for c in library.list_cases()] == [1]


def test_a_failed_upgrade_leaves_the_database_as_it_was(tmp_path: Path, db_url: str) -> None:
    case_id = _library_with_a_case(db_url)
    engine = make_engine(resolve_url(db_url))
    with pytest.raises(Exception, match="no_such_table"):
        prepare(engine, script_location=_migrations_with_next(tmp_path, then='op.execute("SELECT * FROM no_such_table")'))
    engine.dispose()
    revision, columns = _revision_and_columns(db_url)
    assert revision == HEAD and "colour" not in columns
    with Library.open(db_url) as library:
        assert [p.given_names for p in library.open_case(case_id).people()] == ["Nikita"]


def test_a_library_from_a_newer_circles_is_refused_untouched(tmp_path: Path, db_url: str) -> None:
    _library_with_a_case(db_url)
    engine = make_engine(resolve_url(db_url))
    prepare(engine, script_location=_migrations_with_next(tmp_path))
    engine.dispose()
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(StoreError, match=r"has database schema 9000_test, which this version of Circles does not "
                                         r"know: it was made by a newer Circles \(update Circles to open it\)$"):
        Library.open(db_url)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == files
    assert _revision_and_columns(db_url)[0] == "9000_test"


def test_the_first_schema_sql_is_still_what_the_first_migration_makes(tmp_path: Path) -> None:
    """Guards the frozen file itself: if 0001 is edited after release, this fails (write a new revision)."""
    Library.open(f"sqlite:///{tmp_path / 'new.db'}").close()
    with sqlite3.connect(tmp_path / "new.db") as db:
        if db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone() != ("0001",):
            pytest.skip("later revisions exist; the first schema is checked by the upgrade test above")
        made = [line for line in db.iterdump()]
    frozen = [line for line in SCHEMA_V1.read_text().splitlines() if not line.startswith("--")]
    assert "\n".join(made).splitlines() == frozen
