"""The ecomap on paper: every demo case's case-file printout is one A4 sheet, no label under 7 pt;
so is a crowded one of 30 ties.

Printed through the real printout (reports/printout.py) to a real PDF, whose pages are counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from network_cases import crowded
from pypdf import PdfReader

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.layout.ecomap_diagram import ecomap_diagram
from circles_desktop.reports.printout import MIN_LABEL, smallest_text, write_printout


@pytest.mark.parametrize("doc", [*demo_cases(), crowded(30)], ids=lambda d: d.info.name)
def test_every_demo_ecomap_prints_on_one_a4_sheet_at_a_readable_size(doc: CaseDocument, tmp_path: Path) -> None:
    diagram = ecomap_diagram(doc)
    path = tmp_path / "ecomap.pdf"
    sheets = write_printout(doc, diagram, path, paper="a4")
    pdf = PdfReader(path)
    assert len(pdf.pages) == 1
    assert smallest_text(diagram) * sheets.scale >= MIN_LABEL - 1e-6
    words = pdf.pages[0].extract_text()
    assert "Key" in words and "Professionals" in words  # the legend and the sectors came too
