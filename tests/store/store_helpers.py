"""Helpers shared by the store tests (importable because pytest puts tests/store on the path).

Practitioners are real: on PostgreSQL each is a database role of its own, made for the test (which
needs CIRCLES_TEST_PG to sign in as a superuser, as scripts/postgres.sh's server does) and a member of
the test's team; on SQLite each is a name passed as the library's user.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.store.engine import resolve_url
from circles_desktop.store.library import Library

PG_URL = os.environ.get("CIRCLES_TEST_PG")


def snapshot(doc: CaseDocument) -> tuple:
    """Everything in a case, in a form that compares exactly, with the order of the nodes."""
    nodes = [(n.id, repr(encode(n))) for n in doc.nodes()]
    rels = sorted((r.id, repr(encode(r))) for r in doc.relationships())
    edges = sorted((u, v, k) for u, v, k in doc.graph.edges(keys=True))
    return repr(encode(doc.info)), nodes, rels, edges


@dataclass(frozen=True)
class Desk:
    """One practitioner's way into the library: the URL they sign in with, and who the audit trail
    will say they are."""

    url: str
    who: str
    user: str | None = None  # the library's user on SQLite; on PostgreSQL the role is the user

    def open(self) -> Library:
        return Library.open(self.url, user=self.user)


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


@contextmanager
def practitioners(url: str, names: Sequence[str], team: str = "North", *,
                  distinct: bool = False) -> Iterator[dict[str, Desk]]:
    """A desk for each name; on PostgreSQL a login role of that name (made unique), in ``team``.

    A server where the test cannot make roles gives every name the test's own login instead (so the
    tests of concurrent editing still run there), or, with ``distinct``, skips the test.
    """
    if not is_postgres(url):
        yield {name: Desk(url, name, name) for name in names}
        return
    if not _may_make_roles(url):
        if distinct:
            pytest.skip("practitioner roles need CIRCLES_TEST_PG to sign in as a superuser (scripts/postgres.sh)")
        with Library.open(url) as library:
            yield {name: Desk(url, library.user) for name in names}
        return
    with ExitStack() as stack:
        desks = {name: stack.enter_context(pg_role(url, name)) for name in names}
        with Library.open(url) as admin:
            for desk in desks.values():
                admin.add_member(team, desk.who)
        yield desks


def _may_make_roles(url: str) -> bool:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar_one()
    finally:
        engine.dispose()


@contextmanager
def pg_role(url: str, name: str) -> Iterator[Desk]:
    """A login role for the length of a test, signing in to the same database and schema as ``url``."""
    if not _may_make_roles(url):
        pytest.skip("practitioner roles need CIRCLES_TEST_PG to sign in as a superuser (scripts/postgres.sh)")
    role = f"{name}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(resolve_url(url))
    with engine.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN PASSWORD \'{role}\''))
    try:
        yield Desk(make_url(resolve_url(url)).set(username=role, password=role).render_as_string(hide_password=False),
                   role)
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE "{role}"'))
        engine.dispose()


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

