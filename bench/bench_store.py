"""Benchmark the case store: load a big case, commit single edits, import a whole case.

Issue 2 asks, for a case of 5,000 people and 10,000 relationships in SQLite: load <= 0.5 s and a
median edit commit <= 5 ms. Each figure is printed next to a reference measured in the same run on
the same file: raw ``sqlite3`` doing the same SQL work without SQLAlchemy, the codec or the graph.

    python bench/bench_store.py                  # SQLite in a temporary folder
    python bench/bench_store.py --pg URL         # and the same against PostgreSQL

The case is synthetic, made at run time from a seeded random generator (--seed).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from circles_desktop.graph import edits as E
from circles_desktop.graph.codec import decode_node, decode_relationship
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import (
    CaseInfo,
    CirclePlacement,
    Contact,
    EcomapTie,
    Emotional,
    EmotionalType,
    Gender,
    Parentage,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
    TieStrength,
)
from circles_desktop.store.engine import make_engine, resolve_url
from circles_desktop.store.library import Library
from circles_desktop.store.rows import collector_paused
from circles_desktop.store.schema import nodes, relationships

GIVEN = ["Nikita", "Julian", "Amina", "Rahim", "Łucja", "Zofia", "Tomasz", "Fatima", "Yusuf", "Grace",
         "Ayesha", "Kwame", "Priya", "Sean", "Maria", "Omar", "শাহানা", "রফিক", "مريم", "أحمد"]
FAMILY = ["Zain", "Sayah", "Kowalski", "Wiśniewska", "Begum", "Rahman", "Okafor", "Murphy", "Patel",
          "Haddad", "Nowak", "Chowdhury", "Smith", "Ali", "حداد"]
LANGUAGES = ["English", "Bengali", "Sylheti", "Urdu", "Polish", "Arabic", "Tamil", "Gujarati"]


def synthetic_case(people: int = 5_000, relationships: int = 10_000, seed: int = 2) -> CaseDocument:
    """A believable big network: couples, their children, emotional ties and ecomap ties to services.

    Birth years rise with the person's number, and parents are chosen at least 18 years older than the
    child, so the case passes validation.
    """
    rng = random.Random(seed)
    folks: list[Person] = []
    for i in range(people):
        year = 1880 + i * 130 // people
        folks.append(Person(
            given_names=rng.choice(GIVEN), family_name=rng.choice(FAMILY),
            gender=rng.choice([Gender.FEMALE, Gender.MALE]) if i % 50 else Gender.UNKNOWN,
            birth=PartialDate(year, rng.randint(1, 12)) if rng.random() < 0.8 else None,
            first_language=rng.choice(LANGUAGES), interpreter_needed=rng.random() < 0.2,
            strengths=tuple(rng.sample(["kind", "reliable", "drives", "cooks", "good listener"], 2)),
            worries=("lives far away",) if rng.random() < 0.1 else (),
            identity={"religion": "Muslim"} if rng.random() < 0.2 else {},
            contact=Contact(phone=f"07700 9{i:05d}") if rng.random() < 0.3 else Contact(),
            roles=frozenset({Role.CHILD}) if i == people - 1 else frozenset(),
            positions={"genogram": (rng.uniform(0, 5000), rng.uniform(0, 3000))} if rng.random() < 0.5 else {},
            circle=CirclePlacement(rng.choice(list(Ring)), Sector.FAMILY) if rng.random() < 0.1 else None,
        ))
    services = [Service(name=f"Service {n}", category=rng.choice(list(ServiceCategory))) for n in range(40)]
    rels: list = []
    couples: list[tuple[Person, Person]] = []
    for a in range(0, people - 1, 2):
        if len(couples) * 5 >= relationships:  # partnerships: a fifth of all relationships
            break
        couples.append((folks[a], folks[a + 1]))
        rels.append(Partnership(folks[a].id, folks[a + 1].id, type=rng.choice(list(PartnershipType))))
    children = [p for p in folks if p.birth is not None and p.birth.year >= 1910]
    rng.shuffle(children)
    parent_lines = relationships * 3 // 5
    for child in children:
        if len(rels) + 2 > len(couples) + parent_lines:
            break
        older = [c for c in rng.sample(couples, 30)
                 if all(p.birth is None or p.birth.year + 18 <= child.birth.year for p in c)]  # type: ignore[union-attr]
        if older:
            for parent in older[0]:
                rels.append(Parentage(parent.id, child.id, parental_responsibility=rng.random() < 0.7))
    while len(rels) < relationships * 9 // 10:
        a, b = rng.sample(folks, 2)
        rels.append(Emotional(a.id, b.id, type=rng.choice(list(EmotionalType))))
    while len(rels) < relationships:
        rels.append(EcomapTie(rng.choice(folks).id, rng.choice(services).id,
                              strength=rng.choice(list(TieStrength)),
                              support=frozenset(rng.sample(list(SupportKind), 2))))
    doc = CaseDocument(CaseInfo("Synthetic big family", reference="BENCH-1"))
    doc.load(doc.info, [*folks, *services], rels)
    return doc


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best(runs: int, run: Callable[[], object]) -> float:
    return min(timed(run) for _ in range(runs))


def bench_library(url: str, doc: CaseDocument, edits: int) -> dict[str, float | list[float]]:
    library = Library.open(url, user="bench")
    results: dict[str, float | list[float]] = {}
    results["add_document"] = timed(lambda: library.add_document(doc))
    case_id = doc.case_id
    assert case_id is not None
    results["load"] = best(5, lambda: library.open_case(case_id))
    opened = library.open_case(case_id)
    rng = random.Random(7)
    people = opened.people()
    apply_times = []
    for _ in range(edits):
        person = rng.choice(people)
        edit = E.move_nodes(opened, "genogram", {person.id: (rng.uniform(0, 5000), rng.uniform(0, 3000))})
        apply_times.append(timed(lambda: opened.apply(edit)))
    results["edit"] = apply_times
    sink = opened.sink
    assert sink is not None
    sink_times = []
    for _ in range(edits):
        person = opened.node(rng.choice(people).id)
        edit = E.move_nodes(opened, "genogram", {person.id: (rng.uniform(0, 5000), rng.uniform(0, 3000))})
        sink_times.append(timed(lambda: sink(edit)))  # the store's part alone (the graph is not changed)
        # keep the sink's idea of versions in step with the document: apply the edit without saving again
        opened.sink = None
        opened.apply(edit)
        opened.sink = sink
    results["sink"] = sink_times
    results["search"] = best(5, lambda: library.search("wiś"))
    library.close()
    results.update(load_parts(url, case_id))
    return results


def load_parts(url: str, case_id: str) -> dict[str, float | list[float]]:
    """Where the time of open_case goes: the same three steps it takes, timed one by one."""
    engine = make_engine(resolve_url(url))
    rows: dict[str, list] = {}

    def fetch() -> None:
        with engine.connect() as connection, connection.begin():
            for table in (nodes, relationships):
                rows[table.name] = connection.execute(select(table.c.id, table.c.version, table.c.data)
                                                      .where(table.c.case_id == case_id)
                                                      .order_by(table.c.ordinal)).all()
    decoded: dict[str, list] = {}

    def decode() -> None:
        decoded["nodes"] = [decode_node(data) for _, _, data in rows["nodes"]]
        decoded["relationships"] = [decode_relationship(data) for _, _, data in rows["relationships"]]

    def build() -> None:
        doc = CaseDocument(CaseInfo("x"))
        doc.load(doc.info, decoded["nodes"], decoded["relationships"])

    with collector_paused():  # as open_case runs them
        parts: dict[str, float | list[float]] = {
            "load_sql": best(5, fetch), "load_decode": best(5, decode), "load_graph": best(5, build)}
    engine.dispose()
    return parts


def sqlite_reference(path: Path, case_id: str, edits: int) -> dict[str, float | list[float]]:
    """The same SQL work with the sqlite3 module alone: the floor the store is measured against."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    results: dict[str, float | list[float]] = {}

    def select() -> None:
        db.execute("SELECT id, version, data FROM nodes WHERE case_id = ? ORDER BY ordinal", (case_id,)).fetchall()
        db.execute("SELECT id, version, data FROM relationships WHERE case_id = ? ORDER BY ordinal",
                   (case_id,)).fetchall()

    def select_json() -> None:
        for table in ("nodes", "relationships"):
            rows = db.execute(f"SELECT id, version, data FROM {table} WHERE case_id = ? ORDER BY ordinal",
                              (case_id,)).fetchall()
            [json.loads(data) for _, _, data in rows]

    results["load"] = best(5, select)
    results["load_json"] = best(5, select_json)
    ids = [row[0] for row in db.execute("SELECT id FROM nodes WHERE case_id = ? AND kind = 'person'", (case_id,))]
    rng = random.Random(7)
    commits = []
    for _ in range(edits):
        node_id = rng.choice(ids)

        def commit() -> None:
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE nodes SET data = ?, version = version + 1 WHERE case_id = ? AND id = ?",
                       (json.dumps({"positions": {"genogram": [rng.random(), rng.random()]}}), case_id, node_id))
            db.execute("COMMIT")
        commits.append(timed(commit))
    results["edit"] = commits
    rows = db.execute("SELECT case_id, id, kind, label, search_key, data, version, created_at, created_by, "
                      "updated_at, updated_by FROM nodes WHERE case_id = ?", (case_id,)).fetchall()
    rel_rows = db.execute("SELECT case_id, id, kind, source_id, target_id, data, version, created_at, "
                          "created_by, updated_at, updated_by FROM relationships WHERE case_id = ?",
                          (case_id,)).fetchall()
    copy = "copy" + case_id[4:]

    def insert() -> None:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO cases SELECT ?, name, reference, team, info, last_seq, version, created_at, "
                   "created_by, updated_at, updated_by FROM cases WHERE id = ?", (copy, case_id))
        db.executemany("INSERT INTO nodes (case_id, id, kind, label, search_key, data, version, created_at, "
                       "created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [(copy, *row[1:]) for row in rows])
        db.executemany("INSERT INTO relationships (case_id, id, kind, source_id, target_id, data, version, "
                       "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [(copy, *row[1:]) for row in rel_rows])
        db.execute("COMMIT")
    results["add_document"] = timed(insert)
    results["search"] = best(5, lambda: db.execute(
        "SELECT n.case_id, c.name, n.id, n.label FROM nodes n JOIN cases c ON c.id = n.case_id "
        "WHERE n.search_key LIKE '%wiś%'").fetchall())
    db.close()
    return results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def summary(values: float | list[float]) -> tuple[str, str]:
    if isinstance(values, list):
        ordered = sorted(values)
        return ms(statistics.median(ordered)), ms(ordered[int(len(ordered) * 0.95)])
    return ms(values), ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--relationships", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--pg", help="also run against this PostgreSQL URL (its Circles tables get a case)")
    args = parser.parse_args()

    start = time.perf_counter()
    doc = synthetic_case(args.people, args.relationships, args.seed)
    made = time.perf_counter() - start
    print(f"Synthetic case: {len(doc.people())} people, {len(doc.services())} services, "
          f"{len(doc.relationships())} relationships (made in {ms(made)}, seed {args.seed}).\n")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        store = bench_library(f"sqlite:///{path}", doc, args.edits)
        assert doc.case_id is not None
        raw = sqlite_reference(path, doc.case_id, args.edits)
        pg = None
        if args.pg:
            pg_doc = synthetic_case(args.people, args.relationships, args.seed)
            pg = bench_library(args.pg, pg_doc, args.edits)
            with Library.open(args.pg) as library:
                library.delete_case(pg_doc.case_id)  # type: ignore[arg-type]

    rows = [
        ("load the case (open_case, best of 5)", "load", "≤ 500 ms", "raw SELECT of the same rows"),
        ("  of which SELECT + JSON through SQLAlchemy", "load_sql", "", "raw SELECT + json.loads"),
        ("  of which decoding (graph/codec.py)", "load_decode", "", ""),
        ("  of which building the graph (doc.load)", "load_graph", "", ""),
        ("commit one edit: doc.apply(move), median / p95", "edit", "≤ 5 ms median",
         "raw UPDATE + COMMIT (WAL, synchronous=FULL), median / p95"),
        ("  of which the store's sink, median / p95", "sink", "", ""),
        ("add_document (import, one transaction)", "add_document", "", "raw executemany INSERT + COMMIT"),
        ("search 'wiś' across all cases (best of 5)", "search", "", "raw SELECT … LIKE"),
    ]
    header = "| measure | Circles store (SQLite) | goal | reference (same run) | reference time |"
    if pg:
        header += " Circles store (PostgreSQL) |"
    print(header)
    print("|---|---|---|---|---|" + ("---|" if pg else ""))
    for title, key, goal, ref_title in rows:
        ours = " / ".join(x for x in summary(store[key]) if x) if key in store else ""
        ref_key = "load_json" if key == "load_sql" else key
        ref = " / ".join(x for x in summary(raw[ref_key]) if x) if ref_key in raw else ""
        line = f"| {title} | {ours} | {goal} | {ref_title} | {ref} |"
        if pg:
            line += f" {' / '.join(x for x in summary(pg[key]) if x) if key in pg else ''} |"
        print(line)


if __name__ == "__main__":
    main()
