"""Case files: writing and reading a large case as JSON and GraphML, against the raw libraries.

Run ``python bench/bench_casefiles.py [--people 5000]``. Prints a markdown table. The case is the
blended demo family copied until it has about that many people (about twice as many
relationships). The reference rows time the same work without Circles: ``json.dumps`` /
``json.loads`` of the file's data, and networkx writing / reading the same graph, so the difference
is Circles' own cost (encoding, checks, validation, the atomic write with fsync).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import networkx as nx

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.interop.casejson import read_case_json, write_case_json
from circles_desktop.interop.graphml import read_case_graphml, write_case_graphml


def large_case(people: int) -> CaseDocument:
    """Copies of the blended family, ids suffixed per copy, until there are ``people`` people."""
    family = max(demo_cases(), key=len)
    doc = CaseDocument(family.info)
    nodes, rels = [], []
    copy = 0
    while len([n for n in nodes if n.kind == "person"]) < people:
        nodes += [replace(n, id=f"{n.id}-{copy}", **({"members": frozenset(f"{m}-{copy}" for m in n.members)}
                                                    if n.kind == "household" else {})) for n in family.nodes()]
        rels += [replace(r, id=f"{r.id}-{copy}", source=f"{r.source}-{copy}", target=f"{r.target}-{copy}")
                 for r in family.relationships()]
        copy += 1
    doc.load(family.info, nodes, rels)
    return doc


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    doc = large_case(args.people)
    folder = Path(tempfile.mkdtemp(prefix="circles-bench-"))
    json_path, graphml_path = folder / "case.json", folder / "case.graphml"
    write_case_json(doc, json_path)
    write_case_graphml(doc, graphml_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    graph = nx.read_graphml(graphml_path, force_multigraph=True)
    text = json_path.read_text(encoding="utf-8")

    def raw_graphml_write() -> None:
        nx.write_graphml(graph, io.BytesIO())

    rows = [
        ("JSON: write_case_json", best(lambda: write_case_json(doc, json_path), args.repeat)),
        ("JSON: read_case_json (with validation)", best(lambda: read_case_json(json_path), args.repeat)),
        ("reference: json.dumps of the same data", best(lambda: json.dumps(data, ensure_ascii=False, indent=2),
                                                         args.repeat)),
        ("reference: json.loads of the same text", best(lambda: json.loads(text), args.repeat)),
        ("GraphML: write_case_graphml", best(lambda: write_case_graphml(doc, graphml_path), args.repeat)),
        ("GraphML: read_case_graphml (with validation)", best(lambda: read_case_graphml(graphml_path),
                                                               args.repeat)),
        ("reference: nx.write_graphml of the same graph", best(raw_graphml_write, args.repeat)),
        ("reference: nx.read_graphml of the same file", best(lambda: nx.read_graphml(graphml_path), args.repeat)),
    ]
    print(f"Case of {len(doc.people())} people, {len(doc)} nodes, {len(doc.relationships())} relationships; "
          f"JSON {json_path.stat().st_size / 1e6:.1f} MB, GraphML {graphml_path.stat().st_size / 1e6:.1f} MB; "
          f"median of {args.repeat}\n")
    print("| what | seconds |\n|---|---:|")
    for what, seconds in rows:
        print(f"| {what} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
