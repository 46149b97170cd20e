"""Alembic's entry point for Circles' migrations.

At run time the store opens the database itself and hands Alembic its connection, already inside the
transaction that checks and upgrades the schema (see :mod:`circles_desktop.store.migrate`). For
writing a new migration from the command line, see ``store/alembic.ini``.
"""

from __future__ import annotations

from alembic import context

from circles_desktop.store.engine import make_engine, resolve_url
from circles_desktop.store.migrate import VERSION_TABLE
from circles_desktop.store.schema import Base


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite alters tables by copying them; autogenerate should know
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line: -x db=URL, else $CIRCLES_DB, else the user's library
    engine = make_engine(resolve_url(context.get_x_argument(as_dictionary=True).get("db")))
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()
