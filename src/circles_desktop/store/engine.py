"""Which database, and how to talk to it safely.

With no ``--db`` and no ``CIRCLES_DB``, the library is a SQLite file in the user's data directory.
SQLite connections are set up for durability (WAL and ``synchronous=FULL``: a committed edit
survives a killed process and a power cut), with foreign keys on and a wait instead of an error when
another process is writing. SQLAlchemy is told to emit BEGIN itself, because Python 3.11's sqlite3
otherwise starts no transaction for reads or DDL: a migration could be left half done and a case
could be read half before, half after someone else's edit.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from .errors import StoreError

ENV_VAR = "CIRCLES_DB"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_WRITE = "circles_write"  # execution option: this transaction will write (SQLite: BEGIN IMMEDIATE)


def default_url() -> str:
    path = Path(platformdirs.user_data_dir("Circles", appauthor=False)) / "circles.db"
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def resolve_url(url: str | None) -> str:
    """The database to use: ``url`` (from ``--db``), else ``$CIRCLES_DB``, else the default library.

    A plain file path means a SQLite file; ``postgresql://`` and ``postgres://`` mean psycopg 3.
    """
    text = url or os.environ.get(ENV_VAR) or default_url()
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve())).render_as_string(
            hide_password=False)
    parsed = parse_url(text)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def parse_url(text: str) -> URL:
    try:
        return make_url(text)
    except ArgumentError:
        raise StoreError(f"not a database URL: {text!r} (use e.g. sqlite:///path/to/file.db or "
                         "postgresql://user@host/database)") from None


def describe(url: str | URL) -> str:
    """The database as messages name it: a SQLite file by its path, a server by its URL without the
    password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return (parse_url(url) if isinstance(url, str) else url).render_as_string(hide_password=True)


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL; ``None`` for other databases and in-memory SQLite."""
    parsed = parse_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    database = parsed.database
    if parsed.query.get("uri") == "true" and database.startswith("file:"):
        database = database[len("file:"):]
    return Path(database)


def make_engine(url: str) -> Engine:
    """An engine for ``url``, set up for durability (see the module's docstring)."""
    parsed = parse_url(url)
    try:
        engine = create_engine(parsed, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    except NoSuchModuleError:
        raise StoreError(f"{describe(parsed)}: unknown kind of database {parsed.drivername!r} "
                         "(Circles uses sqlite:// or postgresql://)") from None
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{describe(parsed)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        _set_up_sqlite(engine)
    return engine


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN (below), not sqlite3
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer takes the write lock at once, so it waits (busy_timeout) rather than failing later
        # because another process committed since it started reading.
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def set_journal_mode(engine: Engine, mode: str) -> None:
    """Set a SQLite file's journal mode: WAL for a library, DELETE for a case file (one file to mail).

    The mode is stored in the file, so this is done once its schema is known to be Circles': merely
    opening someone else's database must not change it.
    """
    if engine.dialect.name != "sqlite":
        return
    connection = engine.raw_connection()  # outside any transaction, as SQLite requires
    try:
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA journal_mode = {mode}")
        cursor.close()
    finally:
        connection.close()


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that sees one state of the database throughout.

    SQLite's transactions already do. PostgreSQL's default (read committed) would let a case be read
    half before and half after another practitioner's edit, so reads ask for a snapshot.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that will write; committed on success, rolled back on error."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


def check_sqlite_header(path: Path, what: str, *, empty_ok: bool) -> None:
    """Refuse a file that is not SQLite before SQLite gets to it: its own error says only "file is not
    a database", and it would quietly make an empty file into a new database."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if not head and empty_ok:
        return
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not {what} ({'an empty file' if not head else 'not a SQLite database'})")


def reason(exc: DBAPIError) -> str:
    """The driver's own message, first line only."""
    lines = str(exc.orig).strip().splitlines()
    return lines[0] if lines else type(exc.orig).__name__


@contextmanager
def reported(what: str) -> Iterator[None]:
    """Turn a database failure into a one-line :class:`StoreError`: "<what>: <the driver's reason>"."""
    try:
        yield
    except DBAPIError as exc:
        raise StoreError(f"{what}: {reason(exc)}") from exc
