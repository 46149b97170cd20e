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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from circles_desktop.graph import edits as E
from circles_desktop.graph.codec import decode_node, decode_relationship, encode
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


class RawSQLite:
    """The same SQL work with the sqlite3 module alone, on the same file: the floor for the store."""

    def __init__(self, path: Path, case_id: str) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA synchronous = FULL")  # the file is already in WAL mode
        self.case_id = case_id

    def _select(self, table: str) -> list[tuple]:
        return self.db.execute(f"SELECT id, version, data FROM {table} WHERE case_id = ? ORDER BY ordinal",
                               (self.case_id,)).fetchall()

    def load(self) -> None:
        self._select("nodes")
        self._select("relationships")

    def load_json(self) -> None:
        for table in ("nodes", "relationships"):
            [json.loads(data) for _, _, data in self._select(table)]

    def edit(self, node_id: str, data: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("UPDATE nodes SET data = ?, version = version + 1 WHERE case_id = ? AND id = ?",
                        (data, self.case_id, node_id))
        self.db.execute("COMMIT")

    def copy_case(self) -> Callable[[], None]:
        """The inserts of an import: every row of the case again, under a new id, in one transaction."""
        columns = {"nodes": "id, kind, label, search_key, data, version, created_at, created_by, updated_at, "
                            "updated_by",
                   "relationships": "id, kind, source_id, target_id, data, version, created_at, created_by, "
                                    "updated_at, updated_by"}
        rows = {t: self.db.execute(f"SELECT {c} FROM {t} WHERE case_id = ?", (self.case_id,)).fetchall()
                for t, c in columns.items()}
        copy = "copy-" + self.case_id

        def run() -> None:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT INTO cases SELECT ?, name, reference, team, info, last_seq, version, "
                            "created_at, created_by, updated_at, updated_by FROM cases WHERE id = ?",
                            (copy, self.case_id))
            for table, names in columns.items():
                marks = ", ".join("?" * (names.count(",") + 2))
                self.db.executemany(f"INSERT INTO {table} (case_id, {names}) VALUES ({marks})",
                                    [(copy, *row) for row in rows[table]])
            self.db.execute("COMMIT")
        return run

    def search(self) -> None:
        self.db.execute("SELECT n.case_id, c.name, n.id, n.label FROM nodes n JOIN cases c ON c.id = n.case_id "
                        "WHERE n.search_key LIKE '%wiś%'").fetchall()


def load_steps(url: str, case_id: str) -> dict[str, Callable[[], None]]:
    """The three steps of open_case, to time one by one: where its time goes."""
    engine = make_engine(resolve_url(url))
    rows: dict[str, list] = {}
    decoded: dict[str, list] = {}

    def fetch() -> None:
        with engine.connect() as connection, connection.begin(), collector_paused():
            for table in (nodes, relationships):
                rows[table.name] = connection.execute(select(table.c.id, table.c.version, table.c.data)
                                                      .where(table.c.case_id == case_id)
                                                      .order_by(table.c.ordinal)).all()

    def decode() -> None:
        with collector_paused():
            decoded["nodes"] = [decode_node(data) for _, _, data in rows["nodes"]]
            decoded["relationships"] = [decode_relationship(data) for _, _, data in rows["relationships"]]

    def build() -> None:
        with collector_paused():
            doc = CaseDocument(CaseInfo("x"))
            doc.load(doc.info, decoded["nodes"], decoded["relationships"])

    return {"load_sql": fetch, "load_decode": decode, "load_graph": build}


def measure(url: str, doc: CaseDocument, edits: int, raw_path: Path | None) -> dict[str, list[float]]:
    """Time the store on ``url``; with ``raw_path``, time raw sqlite3 on the same file, alternating with
    the store step by step, so that both see the same machine (other work on it slows both alike)."""
    results: dict[str, list[float]] = defaultdict(list)
    library = Library.open(url, user="bench")
    results["add_document"].append(timed(lambda: library.add_document(doc)))
    case_id = doc.case_id
    assert case_id is not None
    raw = RawSQLite(raw_path, case_id) if raw_path else None
    if raw:
        results["ref add_document"].append(timed(raw.copy_case()))
    steps = load_steps(url, case_id)
    for _ in range(7):
        results["load"].append(timed(lambda: library.open_case(case_id)))
        for key, step in steps.items():
            results[key].append(timed(step))
        results["search"].append(timed(lambda: library.search("wiś")))
        if raw:
            results["ref load"].append(timed(raw.load))
            results["ref load_sql"].append(timed(raw.load_json))
            results["ref search"].append(timed(raw.search))
    opened = library.open_case(case_id)
    sink = opened.sink
    assert sink is not None
    people = opened.people()
    ours, theirs = people[::2], people[1::2]  # raw edits bump versions: keep them off the store's rows
    rng = random.Random(7)
    for n in range(edits):
        person = opened.node(rng.choice(ours).id)
        place = {person.id: (rng.uniform(0, 5000), rng.uniform(0, 3000))}
        edit = E.move_nodes(opened, "genogram", place)
        results["edit"].append(timed(lambda: opened.apply(edit)))
        if n % 2:  # the store's part alone: the sink, then the same edit applied to the graph unsaved
            edit = E.move_nodes(opened, "genogram", {person.id: (rng.uniform(0, 5000), 0.0)})
            results["sink"].append(timed(lambda: sink(edit)))
            opened.sink = None
            opened.apply(edit)
            opened.sink = sink
        if raw:
            other = rng.choice(theirs)
            data = json.dumps(encode(replace(other, positions={"genogram": (rng.random(), rng.random())})))
            results["ref edit"].append(timed(lambda: raw.edit(other.id, data)))
    library.close()
    return results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def best(times: list[float]) -> str:
    return ms(min(times))


def spread(times: list[float]) -> str:
    ordered = sorted(times)
    return f"{ms(statistics.median(ordered))} / {ms(ordered[int(len(ordered) * 0.95)])}"


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
        results = measure(f"sqlite:///{path}", doc, args.edits, raw_path=path)
        pg: dict[str, list[float]] = {}
        if args.pg:
            pg_doc = synthetic_case(args.people, args.relationships, args.seed)
            pg = measure(args.pg, pg_doc, args.edits, raw_path=None)
            with Library.open(args.pg) as library:
                library.delete_case(pg_doc.case_id)  # type: ignore[arg-type]

    rows = [  # title, key, how it is summed up, goal, reference
        ("load the case (open_case)", "load", best, "≤ 500 ms", "raw SELECT of the same rows"),
        ("  of which SELECT + JSON through SQLAlchemy", "load_sql", best, "", "raw SELECT + json.loads"),
        ("  of which decoding (graph/codec.py)", "load_decode", best, "", ""),
        ("  of which building the graph (doc.load)", "load_graph", best, "", ""),
        ("commit one edit: doc.apply(move)", "edit", spread, "≤ 5 ms median",
         "raw UPDATE + COMMIT (WAL, synchronous=FULL)"),
        ("  of which the store's sink", "sink", spread, "", ""),
        ("add_document (an import, one transaction)", "add_document", best, "", "raw executemany INSERT + COMMIT"),
        ("search 'wiś' across all cases", "search", best, "", "raw SELECT … LIKE"),
    ]
    print("Loads and searches: best of 7; edits: median / 95th percentile of "
          f"{args.edits}; store and reference alternate step by step.\n")
    print("| measure | Circles store, SQLite | goal | reference (same run, same file) | reference |"
          + (" Circles store, PostgreSQL |" if pg else ""))
    print("|---|---|---|---|---|" + ("---|" if pg else ""))
    for title, key, sum_up, goal, ref_title in rows:
        ref = sum_up(results["ref " + key]) if "ref " + key in results else ""
        line = f"| {title} | {sum_up(results[key])} | {goal} | {ref_title} | {ref} |"
        if pg:
            line += f" {sum_up(pg[key])} |"
        print(line)


if __name__ == "__main__":
    main()
