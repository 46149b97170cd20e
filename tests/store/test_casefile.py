""".circles case files: the round trip, atomic writes, and every kind of broken file refused untouched."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from store_helpers import snapshot
from strategies import case_documents

from circles_desktop.graph import edits as E
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Emotional, Person, Service
from circles_desktop.store.casefile import read_case_file, write_case_file
from circles_desktop.store.library import Library, StoreError


def _small_case(people: int = 3) -> CaseDocument:
    doc = CaseDocument(CaseInfo("Zain family", reference="CIN-1"))
    persons = [Person(given_names=f"Person {n}", family_name="Zain") for n in range(people)]
    for person in persons:
        doc.apply(E.add_node(person))
    doc.apply(E.add_node(Service(name="Little Ilford School")))
    for a, b in zip(persons, persons[1:]):
        doc.apply(E.add_relationship(Emotional(a.id, b.id)))
    return doc


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=case_documents())
def test_a_case_file_reads_back_the_same(doc: CaseDocument) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.circles"
        write_case_file(doc, path)
        read = read_case_file(path)
        assert snapshot(read) == snapshot(doc)
        assert read.sink is None and read.case_id is None
        # ... and written again, it holds the same content once more
        write_case_file(read, path)
        assert snapshot(read_case_file(path)) == snapshot(doc)


def test_a_stored_case_goes_to_a_file_and_back_into_a_library(tmp_path: Path, db_url: str) -> None:
    with Library.open(db_url) as library:
        stored = library.add_document(_small_case())
        doc = library.open_case(stored)
        write_case_file(doc, tmp_path / "zain.circles")
        assert doc.sink is not None  # writing a copy leaves the open case as it was
        imported = library.add_document(read_case_file(tmp_path / "zain.circles"))
        assert imported != stored
        assert snapshot(library.open_case(imported)) == snapshot(doc)


def test_a_case_file_is_one_file(tmp_path: Path) -> None:
    write_case_file(_small_case(), tmp_path / "zain.circles")
    assert sorted(os.listdir(tmp_path)) == ["zain.circles"]
    with sqlite3.connect(tmp_path / "zain.circles") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_writing_over_a_case_file_replaces_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "zain.circles"
    write_case_file(_small_case(2), path)
    write_case_file(_small_case(5), path)
    assert len(read_case_file(path).people()) == 5
    assert sorted(os.listdir(tmp_path)) == ["zain.circles"]


def test_a_case_file_cannot_be_written_over_a_folder(tmp_path: Path) -> None:
    (tmp_path / "zain.circles").mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        write_case_file(_small_case(), tmp_path / "zain.circles")
    assert os.listdir(tmp_path / "zain.circles") == []


def test_a_case_file_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nowhere/zain.circles: cannot write the case file \(No such file"):
        write_case_file(_small_case(), tmp_path / "nowhere" / "zain.circles")


# ----- broken files --------------------------------------------------------------------------------


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.circles"
    write_case_file(_small_case(60), path)
    return path


def _refused(path: Path, message: str) -> None:
    """Reading ``path`` fails with ``message`` and changes nothing in its folder."""
    folder = path.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(StoreError, match=message) as caught:
        read_case_file(path)
    assert "\n" not in str(caught.value)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize("keep", [0.5, 100, 4096, -1])
def test_a_truncated_case_file_is_refused(good_file: Path, keep: float) -> None:
    data = good_file.read_bytes()
    cut = data[:int(len(data) * keep)] if isinstance(keep, float) else data[:keep]
    good_file.write_bytes(cut)
    _refused(good_file, r"good.circles: the case file is truncated \(\d+ of \d+ bytes\)$")


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.circles"
    path.write_bytes(random.Random(5).randbytes(10_000))
    _refused(path, r"noise.circles: not a Circles case file \(not a SQLite database\)$")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.circles"
    path.touch()
    _refused(path, r"empty.circles: not a Circles case file \(an empty file\)$")


def test_a_damaged_page_is_refused(good_file: Path) -> None:
    data = bytearray(good_file.read_bytes())
    data[4096 * 3: 4096 * 3 + 2000] = random.Random(3).randbytes(2000)  # scribble over a page's contents
    good_file.write_bytes(bytes(data))
    _refused(good_file, r"good.circles: (the case file is damaged|not a readable Circles case file)")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.circles"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    _refused(path, r"other.circles is not a Circles database \(it holds other tables: invoices\)$")


def test_an_empty_sqlite_database_holds_no_case(tmp_path: Path) -> None:
    path = tmp_path / "blank.circles"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 7")  # a valid database with no tables at all
    _refused(path, r"blank.circles: holds 0 cases, not one: not a Circles case file$")


def test_a_whole_library_is_not_a_case_file(tmp_path: Path) -> None:
    path = tmp_path / "library.circles"
    with Library.open(f"sqlite:///{path}") as library:
        library.add_document(_small_case())
        library.add_document(_small_case())
    _refused(path, r"library.circles: holds 2 cases, not one")


def test_a_case_file_from_a_newer_circles_is_refused(good_file: Path) -> None:
    with sqlite3.connect(good_file) as db:
        db.execute("UPDATE circles_schema SET version_num = '9999'")
    _refused(good_file, r"good.circles has database schema 9999, which this version of Circles does not know: "
                        r"it was made by a newer Circles")


def test_a_row_that_does_not_decode_is_named(good_file: Path) -> None:
    with sqlite3.connect(good_file) as db:
        node_id = db.execute("SELECT id FROM nodes WHERE kind = 'person' LIMIT 1").fetchone()[0]
        db.execute("UPDATE nodes SET data = json_set(data, '$.gender', 'dragon') WHERE id = ?", (node_id,))
    _refused(good_file, rf"good.circles: case '.*' cannot be read: node row '{node_id}': person '{node_id}', "
                        r"field 'gender': 'dragon' is not one of")


def test_a_relationship_to_a_missing_person_is_refused(good_file: Path) -> None:
    with sqlite3.connect(good_file) as db:
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute("DELETE FROM nodes WHERE id = (SELECT source_id FROM relationships LIMIT 1)")
    _refused(good_file, r"good.circles: case '.*' cannot be read: A relationship must join two people")


# ----- a crash while writing -----------------------------------------------------------------------

_WRITER = """
import sys
from pathlib import Path
from circles_desktop.graph import edits as E
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.casefile import write_case_file

doc = CaseDocument(CaseInfo("Big family"))
doc.apply(E.combine("people", [E.add_node(Person(given_names=f"Person {n}")) for n in range(400)]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    doc.apply(E.update_case(doc, CaseInfo("Big family", reference=f"version {n}")))
    write_case_file(doc, Path(sys.argv[1]))
"""


@pytest.mark.slow
def test_a_writer_killed_mid_write_never_leaves_a_half_file(tmp_path: Path) -> None:
    path = tmp_path / "big.circles"
    write_case_file(_small_case(), path)
    rng = random.Random(11)
    for _ in range(4):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        doc = read_case_file(path)  # the old file or a complete new one, never a broken one
        assert doc.info.name in ("Zain family", "Big family")
        assert len(doc.people()) in (3, 400)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_case_file_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "zain.circles"
    path.write_bytes(b"old")
    path.chmod(0o644)
    write_case_file(_small_case(), path)
    assert path.stat().st_mode & 0o777 == 0o600
