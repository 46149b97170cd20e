"""Stress the team server: many practitioners' processes editing one case at once.

Each writer process opens the same case and makes edits as fast as it can: mostly changing a name on
one of a few people every writer touches (so they collide), sometimes on a person only it touches,
sometimes adding someone. Before about half of its edits it refreshes its copy (as the desktop does
when the server tells it of others' edits); after a refused edit it always does. A follower process
keeps its own copy up to date from the change feed (LISTEN/NOTIFY on PostgreSQL, polling on SQLite)
and notes when each edit reached it.

Afterwards the audit trail and the case are checked against what every writer was told:

- every acknowledged edit is in the trail and every refused one is not (zero lost, zero phantoms);
- every change to a row starts from what the previous change to that row left (no lost update);
- every refusal named who changed the row and when, and was real (someone else had changed it);
- the case as stored is the trail's last word on every row, and every writer's and the follower's
  copy, refreshed at the end, equals it.

The reference, measured in the same run by as many processes: bare commits of one-row UPDATEs with the
driver alone (psycopg / sqlite3), no checks, no audit.

With --roles each process signs in to PostgreSQL as a practitioner role of its own, so row-level
security and the privileges of a real team apply. With --kill, the writers are also SIGKILLed at
random moments mid-stream, and the database must open clean with every acknowledged edit in it.

    python bench/bench_concurrency.py --pg postgresql://…      # PostgreSQL, 8 writers x 500 edits
    python bench/bench_concurrency.py --sqlite                 # SQLite file in a temporary folder
    python bench/bench_concurrency.py --pg URL --roles --sqlite --kill   # everything (bench/README.md)
    python bench/bench_concurrency.py --pg URL --sqlite --writers 4 --edits 50

tests/store/test_concurrency.py runs the same code at 4 x 50.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import text

from circles_desktop.graph import edits as E
from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.store.engine import make_engine, resolve_url
from circles_desktop.store.library import ConflictError, Library

SHARED = 4  # people every writer changes
TEAM = "Stress team"
STOP = "stop following"


# ----- the case and its fingerprint ----------------------------------------------------------------


def make_case(url: str, writers: int) -> str:
    """A case with the shared people s0… and one person own0… per writer; returns its id."""
    with Library.open(url) as library:
        doc = library.create_case(CaseInfo(f"Stress {uuid.uuid4().hex[:6]}", team=TEAM))
        people = [Person(id=f"s{i}", given_names=f"Shared {i}") for i in range(SHARED)]
        people += [Person(id=f"own{k}", given_names=f"Writer {k}") for k in range(writers)]
        doc.apply(E.combine("Set up", [E.add_node(p) for p in people]))
        assert doc.case_id is not None
        return doc.case_id


def fingerprint(doc: CaseDocument) -> str:
    """Everything in a case, as one hash (node order aside)."""
    parts = sorted(json.dumps(encode(obj), sort_keys=True) for obj in (*doc.nodes(), *doc.relationships()))
    parts.append(json.dumps(encode(doc.info), sort_keys=True))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# ----- the processes ------------------------------------------------------------------------------


def writer_main(url: str, case_id: str, k: int, edits: int, seed: int) -> None:
    """One practitioner's process: print a JSON line per attempt, then its final fingerprint."""
    rng = random.Random(seed * 1_000 + k)
    library = Library.open(url)
    doc = library.open_case(case_id)
    _ready()
    for i in range(edits):
        if rng.random() < 0.5:
            library.refresh(doc)
        token, roll = f"w{k}e{i}", rng.random()
        if roll < 0.1:
            target, edit = token, E.add_node(Person(id=token, given_names=token), token)
        else:
            target = f"s{rng.randrange(SHARED)}" if roll < 0.7 else f"own{k}"
            edit = E.update_node(doc, replace(doc.node(target), known_as=token), token)  # type: ignore[type-var]
        seen = doc.sink.seq  # type: ignore[union-attr]
        started = time.perf_counter()
        try:
            doc.apply(edit)
            ok, message = True, ""
        except ConflictError as exc:
            ok, message = False, str(exc)
        done = time.perf_counter()
        print(json.dumps({"token": token, "target": target, "ok": ok, "seen": seen, "message": message,
                          "ms": (done - started) * 1e3, "acked_at": time.time()}), flush=True)
        if not ok:
            library.refresh(doc)
    print(json.dumps({"finished": time.time()}), flush=True)
    sys.stdin.readline()  # every writer has finished: now this copy should catch up with all of them
    library.refresh(doc)
    print(json.dumps({"final": fingerprint(doc)}), flush=True)
    library.close()


def _ready() -> None:
    """Say so, and wait for the word: every process starts its edits at the same moment, after the
    seconds it took to start Python and open the case."""
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.readline()
    print(json.dumps({"started": time.time()}), flush=True)


def follower_main(url: str, case_id: str) -> None:
    """Keep a copy up to date from the change feed; print when each edit arrived, then the fingerprint."""
    library = Library.open(url)
    doc = library.open_case(case_id)
    arrived: dict[str, float] = {}
    doc.edited.connect(lambda edit: arrived.setdefault(edit.label, time.time()))
    feed = library.change_feed(case_id)
    print(json.dumps({"ready": True}), flush=True)
    while STOP not in arrived:
        if feed.wait(1.0):
            library.refresh(doc)
    feed.close()
    print(json.dumps({"arrived": arrived, "final": fingerprint(doc)}), flush=True)
    library.close()


def _child(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, *map(str, args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def _start_together(children: list[subprocess.Popen[str]]) -> None:
    for child in children:
        _read_until(child, "ready")
    _say_go(children)


def _say_go(children: list[subprocess.Popen[str]]) -> None:
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()


def _read_until(child: subprocess.Popen[str], key: str) -> list[dict[str, Any]]:
    """The child's lines up to and with the first that has ``key``."""
    assert child.stdout is not None
    lines: list[dict[str, Any]] = []
    while not lines or key not in lines[-1]:
        line = child.stdout.readline()
        if not line:
            raise RuntimeError(f"a child process ended early (exit {child.wait()})")
        lines.append(json.loads(line))
    return lines


def _elapsed(outputs: list[list[dict[str, Any]]]) -> float:
    """From the first process's start to the last one's finish."""
    started = min(line["started"] for out in outputs for line in out if "started" in line)
    return max(line["finished"] for out in outputs for line in out if "finished" in line) - started


def _lines(process: subprocess.Popen[str], timeout: float | None = None) -> list[dict[str, Any]]:
    out, _ = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"a child process failed (exit {process.returncode})")
    return [json.loads(line) for line in out.splitlines()]


@dataclass
class Run:
    attempts: list[dict[str, Any]]  # every writer's lines, in each writer's order
    copies_agree: list[bool]  # each writer's and the follower's copy at the end equals the case
    arrived: dict[str, float]  # token -> when the follower saw it
    seconds: float


def run_writers(url: str, case_id: str, writers: int, edits: int, seed: int = 7,
                logins: list[str] | None = None) -> Run:
    """Start a follower and the writers at once; wait for all; stop the follower with one last edit.

    ``logins``: a URL for each writer and then one for the follower (default: all ``url``).
    """
    logins = logins or [url] * (writers + 1)
    follower = _child("--follow", logins[-1], case_id)
    assert follower.stdout is not None
    json.loads(follower.stdout.readline())  # it is listening before anyone writes
    children = [_child("--writer", logins[k], case_id, k, edits, seed) for k in range(writers)]
    _start_together(children)
    outputs = [_read_until(child, "finished") for child in children]
    _say_go(children)
    for child, out in zip(children, outputs):
        out += _lines(child)
    with Library.open(url) as library:
        doc = library.open_case(case_id)
        written = fingerprint(doc)
        doc.apply(E.update_case(doc, replace(doc.info, summary="done"), STOP))
        stopped = fingerprint(doc)
    followed = _lines(follower, timeout=60)[-1]
    return Run([line for out in outputs for line in out if "token" in line],
               [out[-1]["final"] == written for out in outputs] + [followed["final"] == stopped],
               followed["arrived"], _elapsed(outputs))


# ----- the checks ---------------------------------------------------------------------------------


@dataclass
class Verdict:
    attempted: int = 0
    acknowledged: int = 0
    refused: int = 0
    lost: list[str] = field(default_factory=list)  # acknowledged, not in the trail
    phantoms: list[str] = field(default_factory=list)  # refused, yet in the trail
    unreported: list[str] = field(default_factory=list)  # in the trail, never acknowledged
    broken_chains: list[str] = field(default_factory=list)  # a change that did not start from the last one
    false_conflicts: list[str] = field(default_factory=list)  # refused though nobody else had changed the row
    unnamed: list[str] = field(default_factory=list)  # refusals that did not say who and when
    stale_copies: int = 0  # writers' or follower's copies that differ from the case at the end
    wrong_rows: list[str] = field(default_factory=list)  # rows that are not the trail's last word

    @property
    def clean(self) -> bool:
        return not (self.lost or self.phantoms or self.unreported or self.broken_chains or self.false_conflicts
                    or self.unnamed or self.stale_copies or self.wrong_rows)


def verify(url: str, case_id: str, run: Run) -> Verdict:
    verdict = Verdict(attempted=len(run.attempts))
    with Library.open(url) as library:
        trail = library.audit(case_id)
        stored = library.open_case(case_id)
    by_label = {entry.label: entry for entry in trail}
    for attempt in run.attempts:
        token = attempt["token"]
        if attempt["ok"]:
            verdict.acknowledged += 1
            if token not in by_label:
                verdict.lost.append(token)
        else:
            verdict.refused += 1
            if token in by_label:
                verdict.phantoms.append(token)
            if " by " not in attempt["message"] or " UTC " not in attempt["message"]:
                verdict.unnamed.append(token)
            writer = token.split("e")[0] + "e"
            if not any(e.seq > attempt["seen"] and not e.label.startswith(writer)
                       and any(c.id == attempt["target"] for c in e.changes) for e in trail):
                verdict.false_conflicts.append(token)
    acknowledged = {a["token"] for a in run.attempts if a["ok"]}
    verdict.unreported = [e.label for e in trail if e.label.startswith("w") and e.label not in acknowledged]
    last: dict[str, Any] = {}
    for entry in trail:
        for change in entry.changes:
            if change.what == "node":
                if change.id in last and change.before != last[change.id]:
                    verdict.broken_chains.append(f"{entry.label} on {change.id}")
                last[change.id] = change.after
    verdict.wrong_rows = [n.id for n in stored.nodes() if encode(n) != last.get(n.id)]
    verdict.stale_copies = run.copies_agree.count(False)
    return verdict


# ----- killed mid-edit ----------------------------------------------------------------------------


def kill_run(url: str, writers: int, seed: int) -> list[str]:
    """Start the writers, SIGKILL every one of them at a random moment in its stream of edits, then
    check that the database opens clean and holds every edit any of them had acknowledged."""
    rng = random.Random(seed)
    case_id = make_case(url, writers)
    children = [_child("--writer", url, case_id, k, 1_000_000, seed) for k in range(writers)]
    _start_together(children)
    time.sleep(rng.uniform(1.0, 3.0))
    attempts: list[dict[str, Any]] = []
    for child in children:
        time.sleep(rng.uniform(0.0, 0.2))  # the others keep writing while each is killed
        child.send_signal(signal.SIGKILL)
    for child in children:
        out, _ = child.communicate()
        for line in out.splitlines():
            try:
                attempts.append(json.loads(line))
            except json.JSONDecodeError:  # the line it was printing when it died
                pass
    with Library.open(url) as library:  # opens clean, and takes edits again
        doc = library.open_case(case_id)
        doc.apply(E.update_case(doc, replace(doc.info, summary="after the crash"), "after the crash"))
    intact = "yes"
    if url.startswith("sqlite"):
        with sqlite3.connect(make_engine(url).url.database) as connection:
            intact = connection.execute("PRAGMA integrity_check").fetchone()[0]
    verdict = verify(url, case_id, Run([a for a in attempts if "token" in a], [], {}, 0.0))
    return [f"| {'SQLite' if url.startswith('sqlite') else 'PostgreSQL'} | {writers} | {verdict.acknowledged} | "
            f"{len(verdict.lost)} | {len(verdict.unreported)} (at most {writers}) | {len(verdict.broken_chains)} | "
            f"{intact} |"]


# ----- the reference: bare commits with the driver alone ---------------------------------------


def raw_main(url: str, case_id: str, k: int, edits: int) -> None:
    """One process committing one-row UPDATEs of its own person, with no checks and no audit."""
    sql = "UPDATE nodes SET label = ?, version = version + 1 WHERE case_id = ? AND id = ?"
    if url.startswith("sqlite"):
        connection = sqlite3.connect(make_engine(url).url.database, isolation_level=None, timeout=30)
        connection.execute("PRAGMA synchronous = FULL")
        _ready()
        for i in range(edits):
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(sql, (f"raw{i}", case_id, f"own{k}"))
            connection.execute("COMMIT")
    else:
        import psycopg

        engine = make_engine(url)
        args, kwargs = engine.dialect.create_connect_args(engine.url)
        with psycopg.connect(*args, **kwargs) as connection:
            _ready()
            for i in range(edits):
                with connection.transaction():
                    connection.execute(sql.replace("?", "%s"), (f"raw{i}", case_id, f"own{k}"))
    print(json.dumps({"finished": time.time()}), flush=True)


def run_raw(url: str, case_id: str, writers: int, edits: int) -> float:
    children = [_child("--raw", url, case_id, k, edits) for k in range(writers)]
    _start_together(children)
    return _elapsed([_lines(child) for child in children])


# ----- the table ----------------------------------------------------------------------------------


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


@contextmanager
def practitioner_logins(url: str, count: int) -> Iterator[list[str]]:
    """A login role of their own for each process, in the case's team (row-level security applies to
    them, not to the administrator); dropped afterwards. Needs ``url`` to sign in as a superuser."""
    engine = make_engine(url)
    roles = [f"circles_bench_{k}_{uuid.uuid4().hex[:6]}" for k in range(count)]
    try:
        with engine.begin() as connection:
            for role in roles:
                connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{role}'"))
        with Library.open(url) as admin:
            for role in roles:
                admin.add_member(TEAM, role)
        yield [engine.url.set(username=role, password=role).render_as_string(hide_password=False) for role in roles]
    finally:
        with engine.begin() as connection:
            for role in roles:
                connection.execute(text(f"DROP OWNED BY {role}"))
                connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
        engine.dispose()


def measure(name: str, url: str, writers: int, edits: int, seed: int, roles: bool = False) -> list[str]:
    case_id = make_case(url, writers)
    with ExitStack() as stack:
        logins = stack.enter_context(practitioner_logins(url, writers + 1)) if roles else None
        run = run_writers(url, case_id, writers, edits, seed, logins)
    verdict = verify(url, case_id, run)
    raw_seconds = run_raw(url, make_case(url, writers), writers, edits)
    saved_ms = [a["ms"] for a in run.attempts if a["ok"]]
    delays = [(run.arrived[a["token"]] - a["acked_at"]) * 1e3 for a in run.attempts
              if a["ok"] and a["token"] in run.arrived]
    return [
        f"| {name} | {writers} × {edits} | {verdict.attempted} | {verdict.acknowledged} | {verdict.refused} | "
        f"{len(verdict.lost)} | {len(verdict.phantoms) + len(verdict.unreported)} | {len(verdict.broken_chains)} | "
        f"{len(verdict.false_conflicts) + len(verdict.unnamed)} | {verdict.stale_copies} | "
        f"{verdict.attempted / run.seconds:,.0f} | {statistics.median(saved_ms):.1f} / "
        f"{_percentile(saved_ms, 0.95):.1f} | {statistics.median(delays):.0f} / {_percentile(delays, 0.95):.0f} "
        f"({len(delays)}) | {writers * edits / raw_seconds:,.0f} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL database (its Circles tables get new cases)")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file in a temporary folder")
    parser.add_argument("--roles", action="store_true", help="on PostgreSQL, also with each process signed in "
                        "as a practitioner role of its own (row-level security on; --pg must be a superuser)")
    parser.add_argument("--kill", action="store_true", help="also SIGKILL writers mid-edit and check what survives")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (args.pg or args.sqlite):
        parser.error("choose --pg URL, --sqlite or both")
    print("| back end | writers × edits | attempted | acknowledged | refused (conflict) | lost | phantom or "
          "unreported | lost updates | false or unnamed refusals | stale copies | attempts/s | saved edit ms "
          "(median / p95) | seen by the follower after ms (median / p95, edits) | reference: bare one-row "
          "commits/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    if args.pg:
        for line in measure("PostgreSQL", resolve_url(args.pg), args.writers, args.edits, args.seed):
            print(line, flush=True)
        if args.roles:
            for line in measure("PostgreSQL, a role per process (RLS)", resolve_url(args.pg), args.writers,
                                args.edits, args.seed, roles=True):
                print(line, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        sqlite_url = f"sqlite:///{Path(folder) / 'stress.db'}"
        if args.sqlite:
            for line in measure("SQLite", sqlite_url, args.writers, args.edits, args.seed):
                print(line, flush=True)
        if args.kill:
            print("\n| back end | writers killed mid-edit | edits acknowledged before | lost | saved, not yet "
                  "acknowledged | lost updates | opens clean (integrity) |")
            print("|---|---|---|---|---|---|---|")
            for url in ([resolve_url(args.pg)] if args.pg else []) + ([sqlite_url] if args.sqlite else []):
                for line in kill_run(url, args.writers, args.seed):
                    print(line, flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        writer_main(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--follow":
        follower_main(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "--raw":
        raw_main(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        main()
