"""GEDCOM import: Circles' reader against Gramps on the same files, and at 100,000 people.

Run ``python bench/bench_gedcom.py`` (add ``--skip-gramps`` to leave Gramps out). Prints a markdown
table. Each measurement runs in a fresh subprocess, so peak memory (``ru_maxrss``) is that of one
import. Gramps (``gramps -y -C NAME -i FILE``) is timed as a whole command, start-up included; so
are Circles' rows marked "whole command" (``circles import``), for a like-for-like comparison.
Gramps' exit status is 0 even when an import fails, so its output is checked for the number of
people it imported.

Goals (issue 3): at least 10x faster than Gramps; 100,000 people in at most 30 s and 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "gedcom" / "real"
REAL_FILES = ("royal92.ged", "Queen.ged", "EnglishTudorRoyalFamily.ged", "washington.ged",
              "US-Presidents-Trees-I.ged", "bullinger.ged", "british-royalty.ged", "kennedy.ged",
              "gramps-sample.ged")
_POINTER = re.compile(r"@[^@#\s][^@]*@")

# Runs in the subprocess: one import, then its time and peak memory as JSON on stdout. Modules are
# imported before the clock starts (the whole-command column includes them).
_MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
from circles_desktop.interop.gedcom import read_gedcom
path, store = Path(sys.argv[1]), sys.argv[2]
if store:
    from circles_desktop.store.library import Library
    library = Library.open(store)
start = time.perf_counter()
result = read_gedcom(path)
elapsed = read = time.perf_counter() - start
if store:
    library.add_document(result.document)
    elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "store_seconds": elapsed - read, "peak_mb": peak, "people": result.people,
                  "families": result.families}))
"""


def make_large_file(target_people: int, out: Path) -> int:
    """A UTF-8 GEDCOM of about ``target_people`` people: renamed copies of the real files.

    Every xref of copy *n* gets the prefix ``C<n>_``, so the copies are separate families. Each
    file is decoded with Circles' own character-set detection and written as UTF-8. Returns the
    number of people written.
    """
    from circles_desktop.interop.gedcom.encoding import iter_lines, read_header
    from circles_desktop.interop.gedcom.problems import Problems

    sources = []
    for name in REAL_FILES:
        path = DATA / name
        problems = Problems()
        lines = [line for _, line in iter_lines(path, read_header(path, problems), problems)]
        sources.append((lines, sum(1 for line in lines if re.match(r"0 @[^@]+@ INDI\b", line))))
    people = copy = 0
    with open(out, "w", encoding="utf-8", newline="\n") as stream:
        stream.write("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n")
        while people < target_people:
            lines, count = sources[copy % len(sources)]
            prefix = f"@C{copy}_"
            in_header = False
            for line in lines:
                if line.startswith("0 "):
                    in_header = line.startswith(("0 HEAD", "0 TRLR"))
                if in_header or not line.strip():
                    continue
                stream.write(_POINTER.sub(lambda m: prefix + m.group(0)[1:], line) + "\n")
            people += count
            copy += 1
        stream.write("0 TRLR\n")
    return people


def measure_circles(path: Path, store: bool) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        db = f"sqlite:///{scratch}/library.db" if store else ""
        done = subprocess.run([sys.executable, "-c", _MEASURE, str(path), db], capture_output=True, text=True,
                              check=False, cwd=ROOT)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout)


def measure_circles_command(path: Path) -> dict:
    """``circles import`` into a fresh library, start-up included, like the Gramps command."""
    circles = shutil.which("circles")
    if circles is None:
        return {"error": "the circles command is not installed"}
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        done = subprocess.run([circles, "--db", f"sqlite:///{scratch}/library.db", "import", str(path)],
                              capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return {"command": elapsed}


def measure_gramps(path: Path, timeout: float) -> dict:
    gramps = shutil.which("gramps")
    if gramps is None:
        return {"error": "gramps is not installed"}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "GRAMPSHOME": home, "LANG": "C.UTF-8"}
        start = time.perf_counter()
        try:
            done = subprocess.run([gramps, "-y", "-C", "bench", "-i", str(path)], capture_output=True, text=True,
                                  env=env, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"over {timeout:.0f} s"}
        elapsed = time.perf_counter() - start
        # Gramps exits 0 even when the import fails: count the people it stored to be sure it worked.
        people = 0
        for db in Path(home).glob("**/grampsdb/*/sqlite.db"):
            with sqlite3.connect(db) as connection:
                people = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    if not people:
        output = (done.stdout + done.stderr).strip().splitlines()
        return {"error": f"no people imported ({output[-1] if output else 'no output'})"}
    return {"command": elapsed, "people": people}


def _seconds(result: dict, key: str = "seconds") -> str:
    return f"{result[key]:.2f} s" if key in result else result.get("error", "–")


def _stored(result: dict) -> str:
    """Read and store, with the store step's own share (measured in the same run)."""
    return f"{result['seconds']:.2f} s (store {result['store_seconds']:.2f} s)" if "seconds" in result \
        else result.get("error", "–")


def _peak(result: dict) -> str:
    return f"{result['peak_mb']:.0f} MB" if "peak_mb" in result else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-gramps", action="store_true", help="do not run Gramps (it takes minutes)")
    parser.add_argument("--people", type=int, default=100_000, help="size of the scale test (0: none)")
    parser.add_argument("--gramps-timeout", type=float, default=1800, help="give up on Gramps after this long")
    args = parser.parse_args()
    try:
        import circles_desktop.store.library  # noqa: F401
        store = True
    except ImportError:
        store = False

    with tempfile.TemporaryDirectory() as scratch:
        files = [(name, DATA / name) for name in ("royal92.ged", "Queen.ged")]
        if args.people:
            large = Path(scratch, "large.ged")
            people = make_large_file(args.people, large)
            files.append((f"{people:,} people (renamed copies)", large))
        print("| file | read_gedcom | peak | read + store in SQLite | peak | `circles import` (whole command) "
              "| Gramps `-i` (whole command) | Gramps ÷ `circles import` |")
        print("|---|---|---|---|---|---|---|---|")
        for label, path in files:
            read = measure_circles(path, store=False)
            stored = measure_circles(path, store=True) if store else {"error": "no store yet"}
            command = measure_circles_command(path)
            gramps = {"error": "skipped"} if args.skip_gramps else measure_gramps(path, args.gramps_timeout)
            ratio = f"{gramps['command'] / command['command']:.1f}×" if "command" in gramps and "command" in command \
                else "–"
            counts = f" ({read['people']:,} people, {read['families']:,} families)" if "people" in read else ""
            print(f"| {label}{counts} | {_seconds(read)} | {_peak(read)} | {_stored(stored)} | {_peak(stored)} | "
                  f"{_seconds(command, 'command')} | {_seconds(gramps, 'command')} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
