"""Store test fixtures: every store test runs on SQLite and, when CIRCLES_TEST_PG names a server, on
PostgreSQL too, each test in a schema of its own that is dropped afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import pg_schema

from circles_desktop.store.library import Library

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
