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
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select
from sqlalchemy.orm import Session

from ..graph.codec import encode
from ..graph.document import CaseDocument
from ..graph.model import CaseInfo, new_id
from .engine import check_sqlite_header, default_url, describe, make_engine, reported, resolve_url, \
    reading, set_journal_mode, sqlite_path, writing
from .errors import CaseNotFound, ConflictError, StoreError
from .migrate import prepare
from .rows import CASE, RowKey, Stamp, case_values, insert_document, load_case, log_entry
from .schema import CaseRow, NodeRow, cases, edit_log, search_key
from .writer import CaseWriter

__all__ = ["CaseNotFound", "CaseSummary", "ConflictError", "Library", "SearchHit", "StoreError"]


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
    """All cases in one database. Open with :meth:`open`; every edit to an opened case is saved at once."""

    def __init__(self, engine: Engine, user: str) -> None:
        self._engine = engine
        self._where = describe(engine.url)
        self.user = user
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
                prepare(engine)
                set_journal_mode(engine, "WAL")
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, user or os_user())

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
        """The case with id ``ref``, or the one case whose name is ``ref`` (ignoring case)."""
        summaries = self.list_cases()
        wanted = ref.strip()
        for case in summaries:
            if case.id == wanted:
                return case
        named = [c for c in summaries if c.name.strip().casefold() == wanted.casefold()]
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
        stamp = Stamp.now(self.user)
        with self._writing("cannot create the case") as connection:
            connection.execute(insert(cases).values(id=case_id, last_seq=1, **case_values(info),
                                                    **stamp.new_row()))
            connection.execute(insert(edit_log).values(
                case_id=case_id, seq=1, at=stamp.at, by=stamp.by, label="Create case",
                changes=[log_entry((CASE, case_id), None, encode(info))]))
        doc = CaseDocument(info, case_id=case_id)
        self._attach(doc, {(CASE, case_id): 1})
        return doc

    def open_case(self, case_id: str) -> CaseDocument:
        """The case as it is now in the database, ready to edit."""
        self._check_open()
        with reported(f"cannot read case {case_id!r}"), reading(self._engine) as connection:
            doc, versions = load_case(connection, case_id)
        self._attach(doc, versions)
        return doc

    def add_document(self, doc: CaseDocument) -> str:
        """Store a detached document (an import) as a new case in one transaction; return its id.

        The document becomes that case: its ``case_id`` is set and its edits are saved from now on.
        """
        if doc.sink is not None:
            raise StoreError(f"case {doc.info.name!r} is already stored (as {doc.case_id})")
        case_id = new_id()
        stamp = Stamp.now(self.user)
        with self._writing(f"cannot store case {doc.info.name!r}") as connection:
            versions = insert_document(connection, doc, case_id, stamp, label="Import case")
        doc.case_id = case_id
        self._attach(doc, versions)
        return case_id

    def delete_case(self, case_id: str) -> None:
        """Delete a case with everything in it, its edit log included."""
        with self._writing(f"cannot delete case {case_id!r}") as connection:
            deleted = connection.execute(delete(cases).where(cases.c.id == case_id)).rowcount
        if deleted != 1:
            raise CaseNotFound(f"no case with id {case_id!r}")

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

    def _attach(self, doc: CaseDocument, versions: dict[RowKey, int]) -> None:
        assert doc.case_id is not None
        doc.sink = CaseWriter(self._engine, doc.case_id, self.user, versions, lambda: self._open)

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
