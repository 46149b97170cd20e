"""Bring a database to the current schema when it is opened, safely.

A new, empty database gets the whole schema. An older Circles database is first copied next to
itself (SQLite files; a server's backups are its administrator's job), then upgraded in one
transaction, so a failed upgrade leaves it as it was. A database that is not Circles', or that a
newer Circles made, is refused and left untouched.

Almost every open finds the database already at :data:`HEAD`. That is one plain query, so Alembic
(about 0.15 s to import and to read its script directory) is loaded only when there is work for it:
a new or older database, or one it must refuse.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from .engine import describe, reading, sqlite_path, writing
from .errors import StoreError

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0002"  # the newest revision in migrations/versions (tests/store checks it against Alembic's head)
VERSION_TABLE = "circles_schema"  # not "alembic_version": this says whose schema it is
_PG_LOCK = 0x0C1C1E5  # advisory lock: one client at a time checks and upgrades a shared server


def prepare(engine: Engine, *, backup: bool = True, name: str | None = None,
            script_location: Path = MIGRATIONS) -> None:
    """Create or upgrade the schema of ``engine``'s database, or raise :class:`StoreError`.

    ``name`` is what messages call the database (default: its URL, without a password).
    """
    if script_location == MIGRATIONS:
        with reading(engine) as connection:
            if stored_revisions(connection) == (HEAD,):
                return
    _upgrade(engine, backup, name, script_location)


def stored_revisions(connection: Connection) -> tuple[str, ...] | None:
    """The revisions stamped in the database, read without Alembic; None when it has no version table."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return tuple(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())


def _upgrade(engine: Engine, backup: bool, name: str | None, script_location: Path) -> None:
    """Check the schema with Alembic and upgrade it, under a lock that one client at a time holds."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(script_location))
    head = script.get_current_head()
    with writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        current = schema_revision(connection, script, name or describe(engine.url))
        if current == head:
            return
        path = sqlite_path(engine.url)
        if current is not None and backup and path is not None:
            backup_copy(path, current)
        config = Config()
        config.set_main_option("script_location", str(script_location))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def schema_revision(connection: Connection, script: ScriptDirectory, where: str) -> str | None:
    """The database's schema revision, ``None`` for an empty database; refuse anything else."""
    from alembic.runtime.migration import MigrationContext

    heads = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}).get_current_heads()
    if not heads:
        tables = inspect(connection).get_table_names()
        if tables:
            raise StoreError(f"{where} is not a Circles database (it holds other tables: "
                             f"{', '.join(sorted(tables)[:5])})")
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if len(heads) > 1 or heads[0] not in known:
        raise StoreError(f"{where} has database schema {', '.join(heads)}, which this version of Circles "
                         "does not know: it was made by a newer Circles (update Circles to open it)")
    return heads[0]


def backup_copy(path: Path, revision: str) -> Path:
    """A consistent copy of a SQLite file next to it, made before it is upgraded; returns its path.

    SQLite's backup API, not a file copy: it includes what is still in the WAL file.
    """
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.schema-{revision}.{stamp}.bak")
    partial = target.with_name(target.name + ".partial")
    try:
        with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write a backup before upgrading the database ({exc}); "
                         "it was not changed") from exc
    return target
