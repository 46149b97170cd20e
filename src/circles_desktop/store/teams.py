"""Teams on a PostgreSQL team server: who may open which cases.

Each practitioner signs in to the server as their own database role. A role that is a member of a
team sees that team's cases and nothing else: the server's row-level security policies
(migration 0002) filter every query, so this holds for direct SQL with the practitioner's own login
too. Adding a member also grants the role the table privileges Circles needs (and no more: the audit
trail can be read and added to, never changed). Only the owner of the Circles tables, the
administrator who created the database, manages teams; the owner itself is not restricted.

A SQLite library has no teams: whoever can read the file can read every case in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, select, text
from sqlalchemy.exc import DBAPIError

from .errors import StoreError
from .migrate import VERSION_TABLE
from .rows import Stamp
from .schema import memberships

# What a member may do to each table; everything else is refused.
_GRANTS = {
    "cases": "SELECT, INSERT, UPDATE, DELETE",
    "nodes": "SELECT, INSERT, UPDATE, DELETE",
    "relationships": "SELECT, INSERT, UPDATE, DELETE",
    "edit_log": "SELECT, INSERT",
    "memberships": "SELECT",
    VERSION_TABLE: "SELECT",
}
_SEQUENCES = (("nodes", "ordinal"), ("relationships", "ordinal"))


@dataclass(frozen=True)
class Membership:
    team: str
    role: str
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class Access:
    """Who the library is signed in as, and whether the server filters what they see."""

    user: str
    restricted: bool  # False: the local SQLite library, or the server's administrator


def access(connection: Connection, fallback_user: str) -> Access:
    if connection.dialect.name != "postgresql":
        return Access(fallback_user, restricted=False)
    row = connection.execute(text(
        "SELECT current_user AS who, r.rolsuper OR r.rolbypassrls OR c.relowner = r.oid AS unrestricted "
        "FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'cases'::regclass")).one()
    return Access(row.who, restricted=not row.unrestricted)


def no_access(exc: DBAPIError, where: str, user: str | None) -> StoreError | None:
    """The error to show when a server refuses a role the Circles tables (it is in no team), else None."""
    if getattr(exc.orig, "sqlstate", None) not in ("42501", "3F000"):  # insufficient privilege, no usable schema
        return None
    return StoreError(f"{where}: you ({user}) cannot use the Circles cases on this server: the administrator adds "
                      f"you to a team first (circles team add-member TEAM {user})")


def my_teams(connection: Connection, user: str) -> list[str]:
    return list(connection.execute(select(memberships.c.team).where(memberships.c.role == user)
                                   .order_by(memberships.c.team)).scalars())


def members(connection: Connection, team: str | None = None) -> list[Membership]:
    _on_server(connection)
    stmt = select(memberships).order_by(memberships.c.team, memberships.c.role)
    if team is not None:
        stmt = stmt.where(memberships.c.team == team)
    return [Membership(r.team, r.role, r.added_at, r.added_by) for r in connection.execute(stmt)]


def add_member(connection: Connection, team: str, role: str, admin: str) -> bool:
    """Make ``role`` a member of ``team`` and let it use the tables; False if it already was."""
    team, role = _checked(connection, team, role)
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first() is None:
        raise StoreError(f"there is no database role {role!r} on this server: its administrator creates the "
                         f"practitioner's login first (CREATE ROLE {_quote(connection, role)} LOGIN PASSWORD '…')")
    from sqlalchemy.dialects.postgresql import insert as pg_insert  # loaded for the administrator only

    stamp = Stamp.on(connection, admin)
    added = connection.execute(pg_insert(memberships).values(team=team, role=role, added_at=stamp.at,
                                                             added_by=stamp.by)
                               .on_conflict_do_nothing().returning(memberships.c.role)).first()
    _grant(connection, role, grant=True)
    return added is not None


def remove_member(connection: Connection, team: str, role: str) -> bool:
    """Take ``role`` out of ``team`` (and out of the tables if that was its last team); False if it was not in."""
    team, role = _checked(connection, team, role)
    removed = connection.execute(delete(memberships).where((memberships.c.team == team)
                                                           & (memberships.c.role == role))).rowcount
    left = connection.execute(select(func.count()).where(memberships.c.role == role)).scalar_one()
    if removed and not left:
        _grant(connection, role, grant=False)
    return removed == 1


def _on_server(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        raise StoreError("teams are kept on a PostgreSQL team server; a SQLite library has none (whoever can "
                         "read its file can read every case in it)")


def _checked(connection: Connection, team: str, role: str) -> tuple[str, str]:
    _on_server(connection)
    team, role = team.strip(), role.strip()
    if not team or not role:
        raise StoreError("name the team and the practitioner's database role")
    who = access(connection, "")
    if who.restricted:
        owner = connection.execute(text("SELECT pg_get_userbyid(relowner) FROM pg_class "
                                        "WHERE oid = 'cases'::regclass")).scalar_one()
        raise StoreError(f"only the administrator who owns the Circles tables ({owner}) can change teams; "
                         f"you are signed in as {who.user}")
    return team, role


def _grant(connection: Connection, role: str, *, grant: bool) -> None:
    who = _quote(connection, role)
    verb, to = ("GRANT", "TO") if grant else ("REVOKE", "FROM")
    schema = _quote(connection, connection.execute(text("SELECT current_schema()")).scalar_one())
    statements = [f"{verb} {privileges} ON {_quote(connection, table)} {to} {who}"
                  for table, privileges in _GRANTS.items()]
    for table, column in _SEQUENCES:
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table, "c": column}).scalar_one()
        statements.append(f"{verb} USAGE ON SEQUENCE {sequence} {to} {who}")
    statements.append(f"{verb} USAGE ON SCHEMA {schema} {to} {who}")
    for statement in statements if grant else reversed(statements):
        connection.execute(text(statement))


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)
