"""Storing a whole case at once (an import): the rows and the edit log hold exactly the JSON the codec
writes, as one object at a time would, however the bulk path builds them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import (
    CaseInfo,
    CirclePlacement,
    Contact,
    EcomapTie,
    Emotional,
    EmotionalType,
    Household,
    Parentage,
    PartialDate,
    Partnership,
    Person,
    Ring,
    Role,
    Sector,
    Service,
    SupportKind,
)
from circles_desktop.store.engine import make_engine, writing
from circles_desktop.store.migrate import prepare
from circles_desktop.store.rows import _BATCH, CASE, NODE, RELATIONSHIP, Stamp, insert_document, log_entry, log_row
from circles_desktop.store.schema import column_text, edit_log, search_key

STAMP = Stamp("tester", datetime(2026, 3, 21, 14, 30, 5, 123456, tzinfo=timezone.utc))


def _case() -> CaseDocument:
    """A case with every kind of object, text that JSON must escape, and more nodes than one batch."""
    odd = Person(id='p-"quoted"\\ \u00e9\u4e2d\n', given_names="Łucja \"Lucy\"", family_name="হোসেন\x00",
                 known_as="\u0645\u0631\u064a\u0645", birth=PartialDate.parse("~1987-03"), roles=frozenset({Role.CHILD}),
                 identity={"faith": "Sikh", "language": "ગુજરાતી"}, strengths=("sings", "tab\there"),
                 contact=Contact("1 Rd", "\u2066+44\u2069", ""), positions={"genogram": (1.5, -2.0)},
                 circle=CirclePlacement(Ring.CLOSEST, Sector.FAMILY), notes="line one\nline two \ud83d\ude00")
    mum = Person(given_names="Amina")
    school = Service(name="School \u00ab\u00bb")
    home = Household(name="Home", members=frozenset({odd.id, mum.id}))
    crowd = [Person(given_names=f"Person {n}") for n in range(_BATCH + 1)]
    rels = [Parentage(mum.id, odd.id, parental_responsibility=True),
            Partnership(mum.id, crowd[0].id, start=PartialDate(1990)),
            Emotional(odd.id, mum.id, type=EmotionalType.CLOSE),
            EcomapTie(odd.id, school.id, support=frozenset({SupportKind.PRACTICAL, SupportKind.EMOTIONAL}))]
    info = CaseInfo("Hossain \u2014 \"test\"", reference="R/1", team="North")
    doc = CaseDocument(info)
    doc.load(info, [odd, mum, school, home, *crowd], rels)
    return doc


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    prepare(engine, backup=False)
    yield engine
    engine.dispose()


def _json_column(connection: Connection, column: str) -> str:
    """A JSON column as the text the database holds."""
    return column if connection.dialect.name == "sqlite" else f"{column}::text"


def _difference(stored: str, expected: str) -> str:
    """Where two long texts first differ ("" if they are equal): pytest's own diff of a log this long
    would take minutes."""
    if stored == expected:
        return ""
    at = next((i for i, (a, b) in enumerate(zip(stored, expected)) if a != b), min(len(stored), len(expected)))
    return f"at {at} of {len(stored)}/{len(expected)}: {stored[at - 40:at + 40]!r} != {expected[at - 40:at + 40]!r}"


def test_rows_and_log_hold_the_codecs_json(engine: Engine) -> None:
    doc = _case()
    with writing(engine) as connection:
        versions = insert_document(connection, doc, "case-1", STAMP, "Import case")
    nodes, rels = list(doc.nodes()), doc.relationships()
    with engine.connect() as connection:
        stored_nodes = connection.execute(text(
            f"SELECT id, kind, label, search_key, {_json_column(connection, 'data')} FROM nodes "
            "WHERE case_id = 'case-1' ORDER BY ordinal")).all()
        stored_rels = connection.execute(text(
            f"SELECT id, kind, source_id, target_id, {_json_column(connection, 'data')} FROM relationships "
            "WHERE case_id = 'case-1' ORDER BY ordinal")).all()
        changes = connection.execute(text(
            f"SELECT {_json_column(connection, 'changes')} FROM edit_log WHERE case_id = 'case-1'")).scalar_one()
    assert [tuple(row) for row in stored_nodes] == [
        (n.id, n.kind, column_text(n.label), search_key(n.label), json.dumps(encode(n))) for n in nodes]
    assert [tuple(row) for row in stored_rels] == [
        (r.id, r.kind.value, r.source, r.target, json.dumps(encode(r))) for r in rels]
    expected = [log_entry((CASE, "case-1"), None, encode(doc.info))]
    expected += [log_entry((NODE, n.id), None, encode(n)) for n in nodes]
    expected += [log_entry((RELATIONSHIP, r.id), None, encode(r)) for r in rels]
    assert not _difference(changes, json.dumps(expected))
    assert versions == {(CASE, "case-1"): 1, **{(NODE, n.id): 1 for n in nodes},
                        **{(RELATIONSHIP, r.id): 1 for r in rels}}


def test_every_row_gets_the_stamp_as_a_single_row_would(engine: Engine) -> None:
    """The stamp goes to the driver in the form SQLAlchemy gives a single insert (the case row)."""
    with writing(engine) as connection:
        insert_document(connection, _case(), "case-1", STAMP, "Import case")
    with engine.connect() as connection:
        stamps = set()
        for table in ("cases", "nodes", "relationships"):
            stamps |= set(connection.execute(text(
                f"SELECT CAST(created_at AS TEXT), CAST(updated_at AS TEXT), created_by, updated_by, version "
                f"FROM {table}")).all())
        logged = connection.execute(select(edit_log.c.at, edit_log.c.by)).one()
    assert len(stamps) == 1
    created, updated, by, updated_by, version = stamps.pop()
    assert created == updated and by == updated_by and version == 1
    if engine.dialect.name == "sqlite":  # PostgreSQL's triggers stamp rows with the server's clock
        assert (by, tuple(logged)) == ("tester", (STAMP.at, "tester"))


def test_a_case_file_log_holds_only_the_case(engine: Engine) -> None:
    doc = _case()
    with writing(engine) as connection:
        insert_document(connection, doc, "case-1", STAMP, "Write case file", itemised=False)
    with engine.connect() as connection:
        changes = connection.execute(text(
            f"SELECT {_json_column(connection, 'changes')} FROM edit_log")).scalar_one()
    assert not _difference(changes, json.dumps([log_entry((CASE, "case-1"), None, encode(doc.info))]))


def test_a_failed_import_leaves_nothing_and_no_helper_behind(engine: Engine) -> None:
    """The log is the last insert; when it fails, the whole case is rolled back, and on SQLite the
    function that handed over the log's text holds it no more."""
    doc = _case()
    with pytest.raises(IntegrityError), writing(engine) as connection:
        connection.execute(insert(edit_log).values(log_row("case-1", 1, STAMP, "In the way", [], "North")))
        insert_document(connection, doc, "case-1", STAMP, "Import case")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM nodes")).scalar_one() == 0
        assert connection.execute(text("SELECT count(*) FROM edit_log")).scalar_one() == 0
        if engine.dialect.name == "sqlite":
            with pytest.raises(OperationalError):
                connection.execute(text("SELECT circles_take_log()"))
