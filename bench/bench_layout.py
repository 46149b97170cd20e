"""Genogram layout: Circles' whole layout step against raw ``dot -Tjson`` on the same DOT text.

For random family trees of 100, 1,000 and 3,000 people (sample_families.random_tree), measured in the
same run:

- raw dot: ``dot -Tjson FILE`` on the DOT text Circles generates, output discarded (the reference);
- Circles: ``genogram_layout(doc)`` from the case document to routed lines and household outlines,
  with the layout cache cleared first (it builds the DOT text, runs dot through a pipe, reads the
  JSON, puts back hand-placed positions and routes every line);
- cached: the same call again, as when the editor redraws without a structural change.

Goal: Circles within 1.25x of raw dot. Run: ``python bench/bench_layout.py [--quick]``.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from timing import median_pair

from circles_desktop.layout.genogram import genogram_dot, genogram_layout
from circles_desktop.layout.graphviz import clear_cache, find_dot
from circles_desktop.layout.sample_families import random_tree

SIZES = (100, 1_000, 3_000)
GOAL = 1.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per size instead of several")
    args = parser.parse_args()
    dot = str(find_dot())
    version = subprocess.run([dot, "-V"], capture_output=True, text=True).stderr.strip()
    print(f"Graphviz: {version}\n")
    print("| people | raw `dot -Tjson` (s) | Circles layout (s) | ratio | goal | cached re-layout (s) |")
    print("|---:|---:|---:|---:|:---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            doc = random_tree(size, seed=7)
            text = genogram_dot(doc)
            source = Path(folder, f"tree{size}.dot")
            source.write_text(text, encoding="utf-8")
            repeats = 1 if args.quick else (9 if size <= 1_000 else 5)

            def raw() -> None:
                subprocess.run([dot, "-Tjson", str(source)], stdout=subprocess.DEVNULL, check=True)

            def ours() -> None:
                clear_cache()
                genogram_layout(doc)

            raw_time, our_time = median_pair(raw, ours, repeats)
            genogram_layout(doc)
            cached, _ = median_pair(lambda: genogram_layout(doc), lambda: None, repeats)
            ratio = our_time / raw_time
            verdict = "met" if ratio <= GOAL else "missed"
            print(f"| {len(doc.people()):,} | {raw_time:.3f} | {our_time:.3f} | {ratio:.2f}x | {verdict} | "
                  f"{cached:.3f} |", flush=True)


if __name__ == "__main__":
    main()
