"""Case-file printouts: one page while labels stay readable, tiles beyond that, never a leak."""

from __future__ import annotations

from pathlib import Path

import pytest

from circles_desktop.graph.redaction import Audience, redaction_for
from circles_desktop.reports import figures
from circles_desktop.reports.printout import MIN_LABEL, PrintoutError, check_audience, plan_sheets, write_printout

from conftest import page_count, pdf_text


def test_a_small_drawing_fits_one_page_and_may_be_enlarged() -> None:
    sheets = plan_sheets(400, 300, 8, "a4")
    assert sheets.count == 1 and sheets.scale > 1 and 8 * sheets.scale >= MIN_LABEL


def test_a_wide_drawing_turns_the_page_when_that_keeps_it_on_one() -> None:
    sheets = plan_sheets(900, 400, 10, "a4")
    assert sheets.count == 1 and sheets.landscape and 10 * sheets.scale >= MIN_LABEL


def test_a_huge_drawing_is_tiled_at_the_smallest_readable_size() -> None:
    sheets = plan_sheets(4000, 1500, 8, "a4")
    assert sheets.count > 1 and sheets.scale == pytest.approx(MIN_LABEL / 8)
    on_a3 = plan_sheets(4000, 1500, 8, "a3")
    assert on_a3.count < sheets.count


def _diagram(doc, view: str, audience: Audience):  # type: ignore[no-untyped-def]
    built = figures.diagram(doc, view, redaction_for(doc, audience))
    return built


@pytest.mark.parametrize("view", ["genogram", "circles"])
def test_a_family_printout_of_each_demo_case_holds_nothing_hidden(tmp_path: Path, cases, view: str) -> None:  # type: ignore[no-untyped-def]
    for doc in cases:
        diagram = _diagram(doc, view, Audience.FAMILY)
        out = tmp_path / f"{view}.pdf"
        write_printout(doc, diagram, out, paper="a4", audience="family", title=view)
        text = pdf_text(out)
        assert "OFFICIAL-SENSITIVE" in text and f"Page {page_count(out)} of {page_count(out)}" in text
        assert not redaction_for(doc, Audience.FAMILY).leaks(text)


def test_a_case_file_drawing_is_refused_for_the_family(cases) -> None:  # type: ignore[no-untyped-def]
    sayah = cases[1]
    diagram = _diagram(sayah, "circles", Audience.CASE_FILE)
    with pytest.raises(PrintoutError, match="family copy of this drawing would show"):
        check_audience(sayah, diagram, Audience.FAMILY)
