"""`.circles` case files: one case in a SQLite database with the library's own schema.

A case file can be mailed, archived and opened again by any later Circles, which upgrades it the
same way as a library. It is written whole to a temporary file and then renamed over the target, so
there is never a half-written case file; it is read from a private copy, so a damaged or hostile file
is never written to, whatever it contains.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import URL

from ..graph.document import CaseDocument
from ..graph.model import new_id
from .engine import check_sqlite_header, make_engine, reading, reported, set_journal_mode, writing
from .errors import StoreError
from .library import os_user
from .migrate import prepare
from .rows import Stamp, insert_document, load_case
from .schema import cases

def write_case_file(doc: CaseDocument, path: Path) -> None:
    """Write ``doc`` as a case file at ``path``, replacing any file there only once the new one is complete.

    The file is readable by its owner only (it holds a child's case), whatever was there before.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a case file")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the case file ({exc.strerror})") from exc
    os.close(handle)
    temp = Path(temp_name)
    engine = _engine(temp)
    try:
        with reported(f"{path}: cannot write the case file"):
            prepare(engine, backup=False)
            set_journal_mode(engine, "DELETE")
            with writing(engine) as connection:
                insert_document(connection, doc, doc.case_id or new_id(), Stamp.now(os_user()),
                                label="Write case file", itemised=False)
        engine.dispose()
        _fsync(temp)
        os.replace(temp, path)
        _fsync_folder(path.parent)
    except BaseException:
        engine.dispose()
        temp.unlink(missing_ok=True)
        raise


def read_case_file(path: Path) -> CaseDocument:
    """The case in the file at ``path``, as a detached document (not in any library, no sink)."""
    path = Path(path)
    check_sqlite_header(path, "a Circles case file", empty_ok=False)
    _check_length(path)
    with tempfile.TemporaryDirectory(prefix="circles-read-") as folder:
        copy = Path(folder) / "case.circles"
        shutil.copyfile(path, copy)
        engine = _engine(copy)
        try:
            with reported(f"{path}: not a readable Circles case file"):
                _check_intact(engine, path)
                prepare(engine, backup=False, name=str(path))  # upgrades the private copy of an older file
                with reading(engine) as connection:
                    ids = connection.execute(select(cases.c.id)).scalars().all()
                    if len(ids) != 1:
                        raise StoreError(f"{path}: holds {len(ids)} cases, not one: not a Circles case file")
                    try:
                        doc = load_case(connection, ids[0]).doc
                    except StoreError as exc:
                        raise StoreError(f"{path}: {exc}") from None
        finally:
            engine.dispose()
    doc.case_id = None
    return doc


def _engine(path: Path) -> Engine:
    return make_engine(URL.create("sqlite", database=str(path)).render_as_string())


def _check_length(path: Path) -> None:
    """Refuse a truncated file even where SQLite would not notice (a short last page reads as zeros).

    The header states the page size and the page count; the count is valid when the header's
    "version-valid-for" number equals its change counter, which holds for every file Circles writes.
    """
    with path.open("rb") as file:
        header = file.read(100)
    if len(header) < 100:
        raise StoreError(f"{path}: the case file is truncated ({len(header)} bytes)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and header[24:28] == header[92:96]:
        expected, actual = page_size * pages, path.stat().st_size
        if actual < expected:
            raise StoreError(f"{path}: the case file is truncated ({actual} of {expected} bytes)")


def _check_intact(engine: Engine, path: Path) -> None:
    with engine.connect() as connection:
        problems = connection.execute(text("PRAGMA quick_check")).scalars().all()
    if problems != ["ok"]:
        raise StoreError(f"{path}: the case file is damaged ({problems[0]})")


def _fsync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this and needs it less."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
