"""The circles of support on paper: every demo case's case-file printout is one A4 sheet, no label under 7 pt.

Drawn as `circles export CASE --view circles` draws it (for the case file), printed through the real
printout (reports/printout.py) to a real PDF whose pages are counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.redaction import Audience, redaction_for
from circles_desktop.layout.circles import FIT_RADIUS, FULL, circles_layout
from circles_desktop.reports import figures
from circles_desktop.reports.printout import MIN_LABEL, smallest_text, write_printout


@pytest.mark.parametrize("doc", demo_cases(), ids=lambda d: d.info.name)
def test_every_demo_circles_picture_prints_on_one_a4_sheet_at_a_readable_size(doc: CaseDocument,
                                                                             tmp_path: Path) -> None:
    diagram = figures.diagram(doc, "circles", redaction_for(doc, Audience.CASE_FILE))
    path = tmp_path / "circles.pdf"
    sheets = write_printout(doc, diagram, path, paper="a4")
    pdf = PdfReader(path)
    assert len(pdf.pages) == 1 and sheets.count == 1
    assert smallest_text(diagram) * sheets.scale >= MIN_LABEL - 1e-6
    words = pdf.pages[0].extract_text()
    assert "Key" in words and "Professionals" in words and "closest" in words  # legend, sectors and rings came too


def test_a_small_network_keeps_everything_and_a_big_one_gives_up_details_before_the_page() -> None:
    zain, nowak = demo_cases()[0], demo_cases()[3]
    small = circles_layout(zain)
    assert small.look == FULL  # 8 pt names, and who everyone is
    assert any(n.footprint.details for n in small.placed())
    big = circles_layout(nowak)
    assert big.outer_radius <= FIT_RADIUS and big.look != FULL
    assert len(big.placed()) == len([n for n in nowak.nodes() if n.circle is not None
                                     and n.id not in big.centre_ids])  # nobody is left out to make it fit


def test_details_are_given_up_only_for_the_a4_sheet_not_on_a3_or_on_screen(tmp_path: Path) -> None:
    nowak = demo_cases()[3]
    assert circles_layout(nowak, fit_radius=None).look == FULL  # the editor's picture has no sheet to fit
    case_file = redaction_for(nowak, Audience.CASE_FILE)
    a3 = figures.diagram(nowak, "circles", case_file, paper="a3")
    a4 = figures.diagram(nowak, "circles", case_file, paper="a4")
    detail = "maternal grandmother"  # who Ewa Nowak is: a detail under her name
    assert any(detail in text for text in a3.texts()) and not any(detail in text for text in a4.texts())
    path = tmp_path / "a3.pdf"
    sheets = write_printout(nowak, a3, path, paper="a3")
    assert sheets.count == 1 and smallest_text(a3) * sheets.scale >= MIN_LABEL - 1e-6
