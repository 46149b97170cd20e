"""Ecomap layout: Circles' whole ecomap step against Graphviz ``twopi`` on the same star of ties.

For the synthetic crowded cases of 12, 24, 30 and 60 ties (tests/network_cases.py) and the four demo
cases, measured in the same run:

- twopi (the reference): ``twopi -Tjson`` on a star of the same ties, every node a labelled circle,
  output discarded: a general radial layout of the same size of graph;
- Circles layout: ``ecomap_layout(doc)`` (words fitted into circles, orbits sized until nothing
  touches, lines, sector titles);
- Circles layout + drawing: ``ecomap_diagram(doc)``, the layout and then the notation, hatching
  and legend on top.

The table also gives the size of the drawing (legend apart), and how the case-file printout
(reports/printout.py, ``write_printout``) puts it on A4: the number of sheets in the PDF it writes
and the size the smallest label is printed at. The goal: one sheet per demo case, labels >= 7 pt.
Run: ``python bench/bench_ecomap.py [--quick]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import Person
from circles_desktop.layout.ecomap import ecomap_layout
from circles_desktop.layout.ecomap_diagram import ecomap_diagram
from circles_desktop.layout.graphviz import find_dot
from circles_desktop.reports.printout import smallest_text, write_printout

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from network_cases import crowded
from pypdf import PdfReader
from timing import median_pair

SIZES = (12, 24, 30, 60)


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
    print("| case | ties | twopi -Tjson (ms) | Circles layout (ms) | layout + drawing (ms) | drawing (pt) "
          "| A4 sheets | smallest label (pt) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for doc in cases:
            source = Path(folder, "star.dot")
            source.write_text(star_dot(doc), encoding="utf-8")

            def raw(source: Path = source) -> None:
                subprocess.run([twopi, "-Tjson", str(source)], stdout=subprocess.DEVNULL, check=True)

            def layout(doc: CaseDocument = doc) -> None:
                ecomap_layout(doc)

            def drawing(doc: CaseDocument = doc) -> None:
                ecomap_diagram(doc)

            raw_time, layout_time = median_pair(raw, layout, repeats)
            drawing_time, _ = median_pair(drawing, lambda: None, repeats)
            diagram = ecomap_diagram(doc)
            printout = Path(folder, "ecomap.pdf")
            sheets = write_printout(doc, diagram, printout, paper="a4")
            count = len(PdfReader(printout).pages)
            body = diagram.bounds
            print(f"| {doc.info.name} | {len(doc.ecomap_ties())} | {raw_time * 1e3:.1f} | {layout_time * 1e3:.1f} "
                  f"| {drawing_time * 1e3:.1f} | {body.width:.0f} × {body.height:.0f} | {count} "
                  f"| {smallest_text(diagram) * sheets.scale:.2f} |", flush=True)


if __name__ == "__main__":
    main()
