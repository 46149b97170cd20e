"""The database schema: cases, their nodes and relationships, the log of every edit, and teams.

One schema serves the local SQLite library, `.circles` case files and a team's PostgreSQL server.
Text columns have no length limit: SQLite would not enforce one and PostgreSQL would, so a case that
works on one machine could fail on the team's server (an imported id, a long name).
Every row carries a version counter (optimistic concurrency: a write names the version it expects)
and who/when it was made and last changed, so a shared server can refuse lost updates and the audit
trail can say who did what. The model objects themselves are stored as JSON made by
:mod:`circles_desktop.graph.codec`, so a field added to the model needs no migration; only what
queries need (kind, display name, the ends of a relationship) is also kept in columns.

The migrations in ``store/migrations`` create exactly this schema; a test compares the two.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every back end (SQLite stores it naive, so UTC is put back on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store times with their time zone")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


# SQLite makes only "INTEGER PRIMARY KEY" an alias of its rowid, so that is what it gets.
Ordinal = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    # Named constraints, so later migrations can drop or change them (SQLite batch mode needs names).
    metadata = MetaData(naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JSON(), list[dict[str, Any]]: JSON()}


class _Tracked:
    """Who made a row and who changed it last, and the version a writer must name to change it."""

    version: Mapped[int]
    created_at: Mapped[datetime]
    created_by: Mapped[str]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str]


class CaseRow(_Tracked, Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    reference: Mapped[str]
    team: Mapped[str] = mapped_column(index=True)  # access by case (the team server)
    info: Mapped[dict[str, Any]]  # codec.encode(CaseInfo); name, reference and team are copies of it
    last_seq: Mapped[int]  # the number of the case's latest edit-log entry


class NodeRow(_Tracked, Base):
    """A person, service or household. ``ordinal`` keeps the order nodes were added in."""

    __tablename__ = "nodes"
    __table_args__ = (
        UniqueConstraint("case_id", "id"),
        Index(None, "case_id", "kind"),
    )

    ordinal: Mapped[int] = mapped_column(Ordinal, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    id: Mapped[str]
    kind: Mapped[str]
    label: Mapped[str]  # the display name, shown in search results
    search_key: Mapped[str]  # search_key(label): what a search matches
    data: Mapped[dict[str, Any]]  # codec.encode(node)


class RelationshipRow(_Tracked, Base):
    __tablename__ = "relationships"
    __table_args__ = (
        UniqueConstraint("case_id", "id"),
        # Both ends must be nodes of the same case: a relationship to someone another practitioner just
        # deleted is refused by the database itself.
        ForeignKeyConstraint(["case_id", "source_id"], ["nodes.case_id", "nodes.id"]),
        ForeignKeyConstraint(["case_id", "target_id"], ["nodes.case_id", "nodes.id"]),
        # Deleting a node checks that nothing points at it; these make that check a lookup.
        Index(None, "case_id", "source_id"),
        Index(None, "case_id", "target_id"),
    )

    ordinal: Mapped[int] = mapped_column(Ordinal, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    id: Mapped[str]
    kind: Mapped[str]
    source_id: Mapped[str]
    target_id: Mapped[str]
    data: Mapped[dict[str, Any]]  # codec.encode(relationship)


class EditLogRow(Base):
    """One applied (or undone) edit: the audit trail.

    Rows are only ever added: triggers refuse to change or delete them (migration 0002), and the log
    outlives its case (no foreign key), because a safeguarding record must be kept after the case
    is closed and deleted. ``team`` is the case's team when the entry was made, so the team can still
    read the trail of a case that no longer exists. On PostgreSQL the server stamps ``by`` (the
    signed-in role) and ``at`` (its own clock), whatever the client sends.
    """

    __tablename__ = "edit_log"
    __table_args__ = (Index(None, "by"),)

    case_id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    by: Mapped[str]
    label: Mapped[str]
    # [{"what": "case" | "node" | "relationship", "id": ..., "before": {...} | None, "after": ...}, ...]
    changes: Mapped[list[dict[str, Any]]]
    team: Mapped[str] = mapped_column(server_default="")
    undo: Mapped[bool] = mapped_column(server_default=false())  # the edit took back an earlier one


class MembershipRow(Base):
    """Who belongs to which team. On PostgreSQL ``role`` is a practitioner's database login, and
    row-level security lets a role see only the cases of its teams (migration 0002)."""

    __tablename__ = "memberships"
    __table_args__ = (Index(None, "role"),)

    team: Mapped[str] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(primary_key=True)
    added_at: Mapped[datetime]
    added_by: Mapped[str]


cases = CaseRow.__table__
nodes = NodeRow.__table__
relationships = RelationshipRow.__table__
edit_log = EditLogRow.__table__
memberships = MembershipRow.__table__


def search_key(text: str) -> str:
    """The form of a name that searches compare: case-folded in every script, the same on every back end.

    SQLite's own ``lower()`` folds only ASCII, so "ŁUCJA" would not find "Łucja"; folding in Python
    once, on write, gives the same answer on SQLite and PostgreSQL.
    """
    return column_text(unicodedata.normalize("NFKC", text).casefold())


def column_text(text: str) -> str:
    """Text that any database column can hold. The exact text is in the row's JSON, escaped; this copy
    is for lists and searches, so it loses what PostgreSQL text cannot hold (NUL) and what UTF-8
    cannot encode (a lone surrogate, which only a bug elsewhere can make)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\x00", "")
