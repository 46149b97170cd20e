"""Which database a URL means, how SQLite is set up, and clear errors for databases that cannot be used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import func, select, text

from circles_desktop.graph import edits as E
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.engine import make_engine, reading, resolve_url
from circles_desktop.store.library import Library, StoreError
from circles_desktop.store.schema import nodes


def test_the_default_library_is_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CIRCLES_DB", raising=False)
    expected = Path(platformdirs.user_data_dir("Circles", appauthor=False)) / "circles.db"
    assert resolve_url(None) == f"sqlite:///{expected}"


def test_the_environment_overrides_the_default_and_the_option_overrides_both(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIRCLES_DB", "sqlite:////srv/team.db")
    assert resolve_url(None) == "sqlite:////srv/team.db"
    assert resolve_url("sqlite:////tmp/mine.db") == "sqlite:////tmp/mine.db"
    monkeypatch.setenv("CIRCLES_DB", "")
    assert resolve_url(None).endswith("/circles.db")


@pytest.mark.parametrize("given, expected", [
    ("postgresql://alice:s3cret@db.example/circles", "postgresql+psycopg://alice:s3cret@db.example/circles"),
    ("postgres://alice@db.example:5433/circles", "postgresql+psycopg://alice@db.example:5433/circles"),
    ("postgresql+psycopg://alice@db/c", "postgresql+psycopg://alice@db/c"),
])
def test_postgresql_urls_use_psycopg_3(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


def test_a_plain_path_means_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("cases.db") == f"sqlite:///{tmp_path / 'cases.db'}"


def test_a_url_that_is_not_one_is_refused() -> None:
    with pytest.raises(StoreError, match=r"^not a database URL: 'mysql:/x\?\?://'"):
        resolve_url("mysql:/x??://")


def test_a_sqlite_library_is_durable_and_checks_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    Library.open(url).close()
    engine = make_engine(url)
    with engine.connect() as connection:
        pragmas = [connection.execute(text(f"PRAGMA {name}")).scalar_one()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")]
    engine.dispose()
    assert pragmas == ["wal", 2, 1, 10_000]  # synchronous 2 = FULL


def test_an_unknown_kind_of_database_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^nosuchdb://x: unknown kind of database 'nosuchdb'"):
        Library.open("nosuchdb://x")


def test_a_server_that_does_not_answer_is_a_store_error_without_the_password() -> None:
    # Port 1 on localhost: nothing listens there, so the connection is refused at once.
    with pytest.raises(StoreError, match=r"^cannot open postgresql\+psycopg://alice:\*\*\*@127.0.0.1:1/c: ") as caught:
        Library.open("postgresql://alice:s3cret@127.0.0.1:1/c")
    assert "s3cret" not in str(caught.value)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"the folder .*nowhere does not exist"):
        Library.open(f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")
    assert not (tmp_path / "nowhere").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Dear diary, " * 100)
    with pytest.raises(StoreError, match=r"notes.db: not a Circles database \(not a SQLite database\)$"):
        Library.open(f"sqlite:///{path}")
    assert path.read_bytes() == b"Dear diary, " * 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"other.db is not a Circles database \(it holds other tables: invoices\)"):
        Library.open(f"sqlite:///{path}")
    assert path.read_bytes() == before
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]


def test_an_empty_file_becomes_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    path.touch()
    with Library.open(f"sqlite:///{path}") as library:
        assert library.list_cases() == []


def test_a_read_sees_one_state_while_others_write(library: Library, db_url: str) -> None:
    """open_case reads the case in one snapshot, so another practitioner's edit is all in or all out."""
    doc = library.create_case(CaseInfo("Zain family"))
    engine = make_engine(resolve_url(db_url))
    count = select(func.count()).select_from(nodes)
    with reading(engine) as connection:
        before = connection.execute(count).scalar_one()
        doc.apply(E.add_node(Person(given_names="Nikita")))  # committed by another connection meanwhile
        during = connection.execute(count).scalar_one()
    with reading(engine) as connection:
        after = connection.execute(count).scalar_one()
    engine.dispose()
    assert (before, during, after) == (0, 0, 1)
