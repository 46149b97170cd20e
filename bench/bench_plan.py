"""How long the professional plan of the largest demo case takes to print (goal: at most 1 s).

Prints a table: the whole plan (layout, drawings, fonts, PDF) against a reference measured in the
same run, ReportLab writing a plain-text document of the same number of pages with its own
Paragraph and the built-in Helvetica (no shaping, no drawings). Run: python bench/bench_plan.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reports"))

from conftest import with_meeting  # noqa: E402  (the tests' plan that names everyone everywhere)

from circles_desktop.demo_cases import demo_cases  # noqa: E402
from circles_desktop.reports.plan_pdf import write_plan  # noqa: E402


def _time(run: object, repeat: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    largest = max(demo_cases(), key=len)
    doc = with_meeting(largest)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "plan.pdf"
        start = time.perf_counter()
        write_plan(doc, out, "professional")
        first = time.perf_counter() - start  # fonts registered and layout run for the first time
        best, median = _time(lambda: write_plan(doc, out, "professional"))
        pages = len(PdfReader(str(out)).pages)
        rows.append(("professional plan, first in the process", first))
        rows.append(("professional plan, again (best)", best))
        rows.append(("professional plan, again (median)", median))
        styles = getSampleStyleSheet()
        story = []
        for page in range(pages):
            story += [Paragraph("Plain text " * 300, styles["Normal"]), PageBreak()]
        reference = Path(folder) / "reference.pdf"
        ref_best, _ = _time(lambda: SimpleDocTemplate(str(reference)).build(list(story)))
        rows.append((f"reference: ReportLab, {pages} pages of plain Helvetica", ref_best))
    print(f"Largest demo case: {largest.info.name} ({len(largest)} nodes, {len(largest.relationships())} "
          f"relationships); professional plan: {pages} pages")
    print(f"{'what':<55} {'seconds':>8}")
    for what, seconds in rows:
        print(f"{what:<55} {seconds:>8.3f}")
    print(f"goal: at most 1 s -> {'met' if first <= 1.0 else 'NOT met'} (first run {first:.3f} s)")


if __name__ == "__main__":
    main()
