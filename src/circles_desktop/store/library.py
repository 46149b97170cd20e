"""The case library: every case in one database, for the GUI and the ``circles`` command.

>>> from circles_desktop.graph.edits import add_node
>>> from circles_desktop.graph.model import Person
>>> with Library.open("sqlite://") as library:  # an in-memory database
...     doc = library.create_case(CaseInfo("Zain family"))
...     doc.apply(add_node(Person(given_names="Nikita")))  # saved before apply returns
...     [hit.label for hit in library.search("NIK")]
['Nikita']
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..graph.codec import encode
from ..graph.document import CaseDocument
from ..graph.edits import update_case
from ..graph.model import CaseInfo, new_id
from . import teams
from .audit import AuditEntry, read_audit
from .engine import check_sqlite_header, default_url, describe, make_engine, reported, resolve_url, \
    reading, set_journal_mode, sqlite_path, writing
from .errors import CaseNotFound, ConflictError, StoreError
from .feed import ChangeFeed, open_feed
from .migrate import prepare
from .refresh import refresh
from .rows import CASE, RowKey, Stamp, case_values, insert_document, load_case, log_entry, log_row
from .schema import CaseRow, NodeRow, cases, edit_log, search_key
from .teams import Membership
from .writer import CaseWriter

__all__ = ["AuditEntry", "CaseNotFound", "CaseSummary", "ConflictError", "Library", "Membership", "SearchHit",
           "StoreError"]


@dataclass(frozen=True)
class CaseSummary:
    id: str
    name: str
    reference: str
    people: int
    updated_at: datetime


@dataclass(frozen=True)
class SearchHit:
    case_id: str
    case_name: str
    node_id: str
    label: str


def os_user() -> str:
    """Who is editing, for who/when on every row: the operating-system user of the local library."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment and none in the password database
        return "unknown user"


class Library:
    """All cases in one database. Open with :meth:`open`; every edit to an opened case is saved at once.

    On a PostgreSQL team server the library is signed in as the practitioner's own database role:
    :attr:`user` is that role (who the audit trail names), and the server shows only the cases of the
    role's teams (:mod:`.teams`). On SQLite, :attr:`user` is the operating-system user.
    """

    def __init__(self, engine: Engine, user: str, restricted: bool = False) -> None:
        self._engine = engine
        self._where = describe(engine.url)
        self.user = user
        self.restricted = restricted  # the server filters what this user sees by team
        self._open = True

    @classmethod
    def open(cls, url: str | None = None, *, user: str | None = None) -> Library:
        """Open the library at ``url``, ``$CIRCLES_DB`` or the default, creating or upgrading its schema."""
        resolved = resolve_url(url)
        path = sqlite_path(resolved)
        if path is not None:
            if resolved == default_url():
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.parent.is_dir():
                raise StoreError(f"{path}: the folder {path.parent} does not exist")
            if path.is_file():
                check_sqlite_header(path, "a Circles database", empty_ok=True)
        engine = make_engine(resolved)
        try:
            with reported(f"cannot open {describe(resolved)}"):
                try:
                    prepare(engine)
                except DBAPIError as exc:
                    raise teams.no_access(exc, describe(resolved), engine.url.username) or exc
                set_journal_mode(engine, "WAL")
                with reading(engine) as connection:
                    who = teams.access(connection, user or os_user())
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, who.user, who.restricted)

    # ----- finding cases ---------------------------------------------------------------------------

    def list_cases(self) -> list[CaseSummary]:
        """Every case, by name."""
        people = (select(NodeRow.case_id, func.count().label("n")).where(NodeRow.kind == "person")
                  .group_by(NodeRow.case_id).subquery())
        stmt = (select(CaseRow.id, CaseRow.name, CaseRow.reference, func.coalesce(people.c.n, 0),
                       CaseRow.updated_at)
                .outerjoin(people, people.c.case_id == CaseRow.id))
        with self._session("list the cases") as session:
            summaries = [CaseSummary(*row) for row in session.execute(stmt)]
        return sorted(summaries, key=lambda c: (c.name.casefold(), c.id))

    def find_case(self, ref: str) -> CaseSummary:
        """The case ``ref`` names, as a practitioner would name it: its id, its whole name or its
        reference (ignoring case), else the one case whose name contains ``ref`` ("Nowak")."""
        summaries = self.list_cases()
        wanted = ref.strip()
        for case in summaries:
            if case.id == wanted:
                return case
        key = wanted.casefold()
        named = [c for c in summaries if key and key in (c.name.strip().casefold(), c.reference.strip().casefold())] \
            or [c for c in summaries if key and key in c.name.casefold()]
        if len(named) == 1:
            return named[0]
        if not named:
            raise CaseNotFound(f"no case matches {ref!r}")
        listed = ", ".join(f"{c.name} ({c.id})" for c in named)
        raise CaseNotFound(f"{ref!r} matches {len(named)} cases: {listed}; use the id")

    def search(self, text: str) -> list[SearchHit]:
        """Every person, service or household in any case whose name contains ``text``, ignoring case."""
        needle = search_key(text.strip())
        if not needle:
            return []
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = (select(NodeRow.case_id, CaseRow.name, NodeRow.id, NodeRow.label)
                .join(CaseRow, CaseRow.id == NodeRow.case_id)
                .where(NodeRow.search_key.like(f"%{escaped}%", escape="\\")))
        with self._session("search") as session:
            hits = [SearchHit(*row) for row in session.execute(stmt)]
        return sorted(hits, key=lambda h: (h.case_name.casefold(), h.label.casefold(), h.case_id, h.node_id))

    # ----- opening and changing cases --------------------------------------------------------------

    def create_case(self, info: CaseInfo) -> CaseDocument:
        """A new, empty case, already saved; its edits are saved as they are applied."""
        case_id = new_id()
        info = replace(info, team=self._team_for(info.team))
        with self._writing("cannot create the case") as connection:
            stamp = Stamp.on(connection, self.user)
            connection.execute(insert(cases).values(id=case_id, last_seq=1, **case_values(info),
                                                    **stamp.new_row()))
            connection.execute(insert(edit_log).values(log_row(
                case_id, 1, stamp, "Create case", [log_entry((CASE, case_id), None, encode(info))], info.team)))
        doc = CaseDocument(info, case_id=case_id)
        self._attach(doc, {(CASE, case_id): 1}, 1)
        return doc

    def open_case(self, case_id: str) -> CaseDocument:
        """The case as it is now in the database, ready to edit."""
        self._check_open()
        with reported(f"cannot read case {case_id!r}"), reading(self._engine) as connection:
            doc, versions, seq = load_case(connection, case_id)
        self._attach(doc, versions, seq)
        return doc

    def refresh(self, doc: CaseDocument) -> int:
        """Bring an open case up to date with what others have saved since; return how many of their
        edits it applied. The document's usual signals tell the views what changed.

        Raises :class:`CaseNotFound` when the case has been deleted (or moved to a team the user is
        not in).
        """
        writer = self._writer_of(doc)
        with reported(f"cannot refresh case {doc.info.name!r}"):
            return refresh(writer, doc)

    def change_feed(self, case_id: str) -> ChangeFeed:
        """A blocking feed that wakes when the case may have been changed by someone else (see
        :mod:`.feed`); for a background thread, which should call :meth:`refresh` on the UI thread."""
        self._check_open()
        with reported(f"cannot follow case {case_id!r} in {self._where}"):
            return open_feed(self._engine, case_id)

    def add_document(self, doc: CaseDocument) -> str:
        """Store a detached document (an import) as a new case in one transaction; return its id.

        The document becomes that case: its ``case_id`` is set and its edits are saved from now on.
        """
        if doc.sink is not None:
            raise StoreError(f"case {doc.info.name!r} is already stored (as {doc.case_id})")
        team = self._team_for(doc.info.team)
        if team != doc.info.team:
            doc.apply(update_case(doc, replace(doc.info, team=team), "Give the case to your team"))
        case_id = new_id()
        with self._writing(f"cannot store case {doc.info.name!r}") as connection:
            versions = insert_document(connection, doc, case_id, Stamp.on(connection, self.user), label="Import case")
        doc.case_id = case_id
        self._attach(doc, versions, 1)
        return case_id

    def delete_case(self, case_id: str) -> None:
        """Delete a case with everything in it, but not its audit trail: a safeguarding record is kept
        after the case is closed. A last entry says who deleted it and when."""
        with self._writing(f"cannot delete case {case_id!r}") as connection:
            row = connection.execute(select(cases.c.last_seq, cases.c.team, cases.c.info, *Stamp.columns(connection))
                                     .where(cases.c.id == case_id).with_for_update()).one_or_none()
            if row is None:
                raise CaseNotFound(f"no case with id {case_id!r}")
            connection.execute(insert(edit_log).values(log_row(
                case_id, row.last_seq + 1, Stamp.of(row[3:], Stamp.now(self.user)), "Delete case",
                [log_entry((CASE, case_id), row.info, None)], row.team)))
            connection.execute(delete(cases).where(cases.c.id == case_id))

    # ----- the audit trail -------------------------------------------------------------------------

    def audit(self, case_id: str | None = None, *, by: str | None = None,
              node_id: str | None = None) -> list[AuditEntry]:
        """The audit trail of a case (also of a deleted one, by its id), of a practitioner, or both;
        ``node_id`` keeps the entries about one person or service. Oldest first."""
        with self._session("read the audit trail") as session:
            return read_audit(session.connection(), case_id=case_id, by=by, node_id=node_id)

    def find_audited_case(self, ref: str) -> str:
        """The id of the case ``ref`` names (see :meth:`find_case`), or of a deleted case whose audit
        trail is still kept."""
        try:
            return self.find_case(ref).id
        except CaseNotFound:
            with self._session("read the audit trail") as session:
                if session.execute(select(edit_log.c.seq).where(edit_log.c.case_id == ref.strip()).limit(1)).first():
                    return ref.strip()
            raise

    # ----- teams (PostgreSQL) ----------------------------------------------------------------------

    def my_teams(self) -> list[str]:
        """The teams the signed-in user is a member of (none on SQLite)."""
        with self._session("list your teams") as session:
            return teams.my_teams(session.connection(), self.user)

    def members(self, team: str | None = None) -> list[Membership]:
        """Every membership (the administrator), or the user's own (a practitioner), by team and role."""
        with self._session("list the teams") as session:
            return teams.members(session.connection(), team)

    def add_member(self, team: str, role: str) -> bool:
        """Let a practitioner's database role open the team's cases (administrator only); False if it
        already could."""
        with self._writing(f"cannot add {role!r} to team {team!r}") as connection:
            return teams.add_member(connection, team, role, self.user)

    def remove_member(self, team: str, role: str) -> bool:
        """Take a role out of a team (administrator only); False if it was not a member."""
        with self._writing(f"cannot remove {role!r} from team {team!r}") as connection:
            return teams.remove_member(connection, team, role)

    def close(self) -> None:
        """Let go of the database; documents opened from it can no longer save edits."""
        self._open = False
        self._engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Library {self._where}{'' if self._open else ' (closed)'}>"

    # ----- helpers ---------------------------------------------------------------------------------

    def _attach(self, doc: CaseDocument, versions: dict[RowKey, int], seq: int) -> None:
        assert doc.case_id is not None
        doc.sink = CaseWriter(self._engine, doc.case_id, self.user, versions, seq, lambda: self._open)

    def _writer_of(self, doc: CaseDocument) -> CaseWriter:
        self._check_open()
        writer = doc.sink
        if not isinstance(writer, CaseWriter) or writer.engine is not self._engine:
            raise StoreError(f"case {doc.info.name!r} was not opened from {self._where}")
        return writer

    def _team_for(self, team: str) -> str:
        """The team a new case gets: as given, or the user's only team. On a team server a practitioner
        can only make cases for their own teams, so say so here rather than let the server refuse."""
        if not self.restricted:
            return team
        mine = self.my_teams()
        if not team and len(mine) == 1:
            return mine[0]
        if team in mine:
            return team
        if not mine:
            raise StoreError(f"you ({self.user}) are not a member of any team yet: ask the administrator to add "
                             f"you (circles team add-member TEAM {self.user})")
        raise StoreError(f"choose the team of the case: you ({self.user}) are a member of {', '.join(mine)}"
                         + (f", not of {team!r}" if team else ""))

    def _check_open(self) -> None:
        if not self._open:
            raise StoreError(f"the case library {self._where} is closed")

    @contextmanager
    def _session(self, doing: str) -> Iterator[Session]:
        self._check_open()
        with reported(f"cannot {doing} in {self._where}"), Session(self._engine) as session:
            yield session

    @contextmanager
    def _writing(self, failure: str) -> Iterator[Connection]:
        self._check_open()
        with reported(failure), writing(self._engine) as connection:
            yield connection
