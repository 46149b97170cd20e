"""Store test fixtures: every store test runs on SQLite and, when CIRCLES_TEST_PG names a server, on
PostgreSQL too, each test in a schema of its own that is dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from circles_desktop.store.engine import resolve_url
from circles_desktop.store.library import Library

PG_URL = os.environ.get("CIRCLES_TEST_PG")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'library.db'}"
    else:
        with pg_schema() as url:
            yield url


@pytest.fixture
def library(db_url: str) -> Iterator[Library]:
    with Library.open(db_url, user="tester") as lib:
        yield lib


@contextmanager
def pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema, made the default for connections through the URL it yields."""
    if not PG_URL:
        pytest.skip("set CIRCLES_TEST_PG to a PostgreSQL URL to run the store tests on PostgreSQL too")
    name = f"circles_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(resolve_url(PG_URL))
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield make_url(resolve_url(PG_URL)).update_query_dict({"options": f"-csearch_path={name}"}) \
            .render_as_string(hide_password=False)
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        engine.dispose()

