"""How long the professional plan of the largest demo case takes to print (goal: at most 1 s).

Prints a table: the whole plan (layout, drawings, fonts, PDF) against a reference measured in the
same run, ReportLab writing a plain-text document of the same number of pages with its own
Paragraph and the built-in Helvetica (no shaping, no drawings). Run: python bench/bench_plan.py

Two kinds of "first": in a process that has already imported Circles (what the GUI's Meeting tab
pays for its first preview: fonts read, Graphviz run once), and a whole new process, the real cold
start of ``circles plan`` (Python, imports, opening the library and the case, the plan). The new
processes alternate with a new process of the reference, so both see the same load.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reports"))

from conftest import with_meeting  # noqa: E402  (the tests' plan that names everyone everywhere)

from circles_desktop.demo_cases import demo_cases  # noqa: E402
from circles_desktop.reports.plan_pdf import write_plan  # noqa: E402
from circles_desktop.store.library import Library  # noqa: E402

COLD_REPEATS = 5

# The reference's new process: import ReportLab, write the same number of plain pages.
_PLAIN_PAGES = """
import sys
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
style = getSampleStyleSheet()["Normal"]
story = []
for page in range(int(sys.argv[2])):
    story += [Paragraph("Plain text " * 300, style), PageBreak()]
SimpleDocTemplate(sys.argv[1]).build(story)
"""


def _time(run: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def _process(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


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

        url = f"sqlite:///{Path(folder) / 'library.db'}"
        with Library.open(url) as library:
            case_id = library.add_document(doc)
        command = [sys.executable, "-m", "circles_desktop.cli", "--db", url, "plan", case_id, "-o", str(out)]
        plain = [sys.executable, "-c", _PLAIN_PAGES, str(reference), str(pages)]
        _process(command)  # the file cache warm: "cold" is a new process, not a new disk
        news, references = [], []
        for _ in range(COLD_REPEATS):
            news.append(_process(command))
            references.append(_process(plain))
        rows.append(("`circles plan` in a new process (median)", statistics.median(news)))
        rows.append(("`circles plan` in a new process (best)", min(news)))
        rows.append((f"reference: a new process, ReportLab, {pages} plain pages (median)",
                     statistics.median(references)))
        rows.append(("floor: a new Python process that does nothing",
                     statistics.median(_process([sys.executable, "-c", "pass"]) for _ in range(COLD_REPEATS))))
    cold = statistics.median(news)
    print(f"Largest demo case: {largest.info.name} ({len(largest)} nodes, {len(largest.relationships())} "
          f"relationships); professional plan: {pages} pages")
    print(f"{'what':<68} {'seconds':>8}")
    for what, seconds in rows:
        print(f"{what:<68} {seconds:>8.3f}")
    print(f"goal: at most 1 s -> first in the process {first:.3f} s ({'met' if first <= 1.0 else 'NOT met'}); "
          f"a new process {cold:.3f} s ({'met' if cold <= 1.0 else 'NOT met'})")


if __name__ == "__main__":
    main()
