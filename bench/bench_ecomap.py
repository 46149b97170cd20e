"""Ecomap layout: Circles' whole ecomap step against Graphviz ``twopi`` on the same star of ties.

For the synthetic crowded cases of 12, 24, 30 and 60 ties (tests/network_cases.py) and the four demo
cases, measured in the same run:

- twopi (the reference): ``twopi -Tjson`` on a star of the same ties, every node a labelled circle,
  output discarded: a general radial layout of the same size of graph;
- Circles layout: ``ecomap_layout(doc)`` (words fitted into circles, orbits sized until nothing
  touches, lines, sector titles);
- Circles drawing: ``ecomap_diagram(doc)`` on top of that (notation, hatching, legend).

The table also gives the size of the drawing with its legend, and how the case-file printout puts it
on A4 at the smallest readable label (reports/printout.py): the goal is one sheet per demo case.
Run: ``python bench/bench_ecomap.py [--quick]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import Person
from circles_desktop.layout.ecomap import ecomap_layout
from circles_desktop.layout.ecomap_diagram import ecomap_diagram
from circles_desktop.layout.graphviz import find_dot
from circles_desktop.reports.printout import plan_sheets, smallest_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from network_cases import crowded  # noqa: E402

SIZES = (12, 24, 30, 60)


def _median_pairs(first: Callable[[], object], second: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall times of ``first`` and ``second``, run alternately so both see the same machine load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for run, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            run()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def star_dot(doc: CaseDocument) -> str:
    """The ecomap's ties as a DOT star: the reference twopi lays out the same number of labelled circles."""
    lines = ["graph ecomap {", "  node [shape=circle, fontsize=8];"]
    for tie in doc.ecomap_ties():
        target = doc.node(tie.target)
        label = target.label.replace('"', "'") if not isinstance(target, Person) else target.label
        lines.append(f'  "{tie.target}" [label="{label}"];')
        lines.append(f'  "{tie.source}" -- "{tie.target}";')
    lines.append("}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per case instead of several")
    args = parser.parse_args()
    twopi = str(find_dot().with_name("twopi"))
    repeats = 1 if args.quick else 7
    cases = [crowded(n) for n in SIZES] + list(demo_cases())
    print("| case | ties | twopi -Tjson (ms) | Circles layout (ms) | + drawing (ms) | drawing + legend (pt) "
          "| A4 sheets | smallest label (pt) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for doc in cases:
            source = Path(folder, "star.dot")
            source.write_text(star_dot(doc), encoding="utf-8")

            def raw() -> None:
                subprocess.run([twopi, "-Tjson", str(source)], stdout=subprocess.DEVNULL, check=True)

            raw_time, layout_time = _median_pairs(raw, lambda: ecomap_layout(doc), repeats)
            drawing_time, _ = _median_pairs(lambda: ecomap_diagram(doc), lambda: None, repeats)
            diagram = ecomap_diagram(doc)
            smallest = smallest_text(diagram)
            probe = plan_sheets(diagram.bounds.width, diagram.bounds.height, smallest)
            whole = diagram.with_legend_placed(probe.room[0] / probe.room[1]).bounds
            sheets = plan_sheets(whole.width, whole.height, smallest)
            print(f"| {doc.info.name} | {len(doc.ecomap_ties())} | {raw_time * 1e3:.1f} | {layout_time * 1e3:.1f} "
                  f"| {drawing_time * 1e3:.1f} | {whole.width:.0f} × {whole.height:.0f} | {sheets.count} "
                  f"| {smallest * sheets.scale:.1f} |", flush=True)


if __name__ == "__main__":
    main()
