"""Case-file printouts: one page while labels stay readable, tiles beyond that, never a leak.

Tiled printouts are read back from the PDF: every page has something of the drawing on it, the key
is printed whole and once, the edge notes name pages that exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import normalise, page_count, pdf_text
from pypdf import PdfReader

from circles_desktop.graph.redaction import Audience, redaction_for
from circles_desktop.layout.diagram import Bounds, Box, Diagram, Line, Text
from circles_desktop.layout.legend import build_legend
from circles_desktop.reports import figures
from circles_desktop.reports.printout import (
    MAX_ENLARGE,
    MIN_LABEL,
    PrintoutError,
    Sheets,
    check_audience,
    plan_sheets,
    write_printout,
)


def crowded(width: float, height: float, size: float = 7.0, legend: Diagram | None = None) -> Diagram:
    """A drawing with labels everywhere (no free corner), exactly ``width`` x ``height``."""
    items: list[Text | Line] = []
    rows, columns = int(height // 14), int(width // 34)
    for r in range(rows):
        for c in range(columns):
            items.append(Text(text=f"N{r:02d}x{c:02d}", at=(c * 34 + 17, r * 14 + 10), size=size, part="name"))
    items.append(Line(points=((0.0, 0.0), (width, height))))
    return Diagram(tuple(items), Bounds(0.0, 0.0, width, height), legend)


def a_key(width: float, height: float) -> Diagram:
    """A legend of a given size, with words that appear nowhere else."""
    return Diagram.of([Box(rect=Bounds(0.0, 0.0, width, height), part="legend"),
                       Text(text="Key: a made-up symbol", at=(8.0, 16.0), size=7.5, part="legend")])


def page_texts(path: Path) -> list[str]:
    return [normalise(page.extract_text() or "") for page in PdfReader(str(path)).pages]


# ----- planning ------------------------------------------------------------------------------------


def test_a_small_drawing_fits_one_page_and_may_be_enlarged() -> None:
    sheets = plan_sheets(crowded(300, 200, 8.0), "a4")
    assert sheets.count == 1 and 1 < sheets.scale <= MAX_ENLARGE and 8 * sheets.scale >= MIN_LABEL


def test_a_wide_drawing_turns_the_page_when_that_keeps_it_on_one() -> None:
    sheets = plan_sheets(crowded(700, 150), "a4")
    assert sheets.count == 1 and sheets.landscape and 7 * sheets.scale >= MIN_LABEL - 1e-9


def test_one_sheet_is_kept_while_labels_stay_at_seven_points_and_tiles_print_them_at_seven() -> None:
    room = 510.2  # an upright A4 frame's width
    just = plan_sheets(crowded(room * 7 / 7.05, 700), "a4")  # fits at 7.05 pt
    assert just.count == 1 and 7 * just.scale == pytest.approx(7.05, abs=0.01)
    too_wide = plan_sheets(crowded(room * 7 / 6.9, 700), "a4")  # would need 6.9 pt
    assert too_wide.tiled and too_wide.scale == pytest.approx(1.0)


def test_each_orientation_is_planned_with_the_legend_placed_for_it() -> None:
    """Alone the drawing is drawn larger upright, but with its key below it would not fit one page
    upright; beside it, on a turned page, it does."""
    sheets = plan_sheets(crowded(400, 500, legend=a_key(300, 250)), "a4")
    assert sheets.count == 1 and sheets.landscape and sheets.key is None
    assert sheets.drawing.bounds.width > 400 + 300, "the key is beside the drawing"


def test_a_huge_drawing_is_tiled_at_the_smallest_readable_size() -> None:
    sheets = plan_sheets(crowded(2000, 1200, 8.0), "a4")
    assert sheets.tiled and sheets.count > 1 and sheets.scale == pytest.approx(MIN_LABEL / 8)
    assert plan_sheets(crowded(2000, 1200, 8.0), "a3").count < sheets.count


def test_symbol_marks_and_legend_samples_do_not_count_as_labels() -> None:
    """A "?" on a small symbol in the key is not a label: it must not blow the whole chart up."""
    key = build_legend(("gender:unknown", "age"))
    assert key is not None and min(t.size for t in key.items if isinstance(t, Text)) < MIN_LABEL
    sheets = plan_sheets(crowded(1200, 400, legend=key), "a4")
    assert sheets.scale == pytest.approx(1.0)


def test_a_sheet_with_nothing_on_it_is_not_printed(cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An L-shaped drawing: the sheets inside the L would be blank."""
    top, left = crowded(1600, 60), crowded(60, 1600)
    ell = Diagram(top.items + left.items, Bounds(0.0, 0.0, 1600.0, 1600.0))
    sheets = write_printout(cases[0], ell, tmp_path / "ell.pdf")
    assert sheets.columns >= 3 and sheets.rows >= 3
    assert len(sheets.tiles) < sheets.columns * sheets.rows
    _check_tiled_pdf(tmp_path / "ell.pdf", sheets, None)


# ----- what is printed -----------------------------------------------------------------------------


def _legend_lines(sheets: Sheets, legend: Diagram) -> list[str]:
    """The key's words that are long enough to be counted without matching something else."""
    body = " ".join(normalise(t.text) for t in sheets.drawing.items
                    if isinstance(t, Text) and not t.part.startswith("legend"))
    return [normalise(t.text) for t in legend.items
            if isinstance(t, Text) and t.part == "legend" and len(t.text) > 8 and normalise(t.text) not in body
            or isinstance(t, Text) and t.part == "legend" and t.text.startswith("Key:")]


def _check_tiled_pdf(path: Path, sheets: Sheets, legend: Diagram | None) -> None:
    pages = page_texts(path)
    assert len(pages) == sheets.count
    body_texts = [normalise(t.text) for t in sheets.drawing.items
                  if isinstance(t, Text) and not t.part.startswith("legend") and len(t.text) > 1]
    for tile in sheets.tiles:
        text = pages[sheets.page_of(tile) - 1]
        assert not sheets.drawing.is_clear(sheets.trimmed(tile)), f"page {sheets.page_of(tile)} is empty"
        assert any(t in text for t in body_texts), f"nothing of the drawing on page {sheets.page_of(tile)}"
        if sheets.tiled:
            assert (f"Page {sheets.page_of(tile)}: row {tile.row + 1} of {sheets.rows}, "
                    f"column {tile.column + 1} of {sheets.columns}.") in text
        for number in map(int, re.findall(r"continues on page (\d+)", text)):
            assert number != sheets.page_of(tile) and any(sheets.page_of(t) == number for t in sheets.tiles)
    if legend is not None:
        lines = _legend_lines(sheets, legend)
        assert lines
        for line in lines:
            assert sum(page.count(line) for page in pages) == 1, f"the key's {line!r} is not printed once"


def test_a_legend_that_fits_on_no_sheet_has_a_page_of_its_own_with_the_assembly_guide(cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key = a_key(300, 200)
    diagram = crowded(1400, 900, legend=key)
    out = tmp_path / "tiled.pdf"
    sheets = write_printout(cases[0], diagram, out, paper="a4", title="crowded")
    assert sheets.key is not None and sheets.key_first and sheets.count == len(sheets.tiles) + 1
    _check_tiled_pdf(out, sheets, key)
    guide = page_texts(out)[0]
    assert "How the sheets fit together" in guide and "Key: a made-up symbol" in guide
    assert all(str(sheets.page_of(t)) in guide for t in sheets.tiles)


def test_a_drawing_that_fits_a_sheet_only_without_its_key_prints_the_key_after_it(cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    diagram = crowded(490, 740, legend=a_key(450, 300))
    out = tmp_path / "two.pdf"
    sheets = write_printout(cases[0], diagram, out, paper="a4")
    assert not sheets.tiled and sheets.key is not None and not sheets.key_first
    pages = page_texts(out)
    assert len(pages) == 2 and "N00x00" in pages[0] and "Key: a made-up symbol" in pages[1]
    assert "Key: a made-up symbol" not in pages[0]


@pytest.mark.parametrize("paper", ["a4", "a3"])
@pytest.mark.parametrize("view", ["genogram", "ecomap", "circles"])
def test_every_demo_printout_keeps_its_key_whole_and_prints_no_empty_sheet(cases, tmp_path: Path, view: str,  # type: ignore[no-untyped-def]
                                                                             paper: str) -> None:
    for doc in cases:
        diagram = figures.diagram(doc, view, redaction_for(doc, Audience.CASE_FILE))
        out = tmp_path / f"{view}-{paper}.pdf"
        sheets = write_printout(doc, diagram, out, paper=paper, title=view)
        _check_tiled_pdf(out, sheets, diagram.legend)
        if diagram.legend is not None and sheets.key is None:  # the key is on the drawing: on one sheet, whole
            size = diagram.legend.bounds
            frame = max((t.rect for t in sheets.drawing.items if t.part == "legend" and isinstance(t, Box)),
                        key=lambda r: r.width * r.height)
            assert frame.width == pytest.approx(size.width) and frame.height == pytest.approx(size.height)
            holding = [t for t in sheets.tiles if t.area.expanded(1e-6).contains(frame)]
            assert len(holding) == 1
            assert not any(t.area.intersects(frame) for t in sheets.tiles if t not in holding)


@pytest.mark.parametrize("view", ["genogram", "circles"])
def test_a_family_printout_of_each_demo_case_holds_nothing_hidden(tmp_path: Path, cases, view: str) -> None:  # type: ignore[no-untyped-def]
    for doc in cases:
        diagram = figures.diagram(doc, view, redaction_for(doc, Audience.FAMILY))
        out = tmp_path / f"{view}.pdf"
        write_printout(doc, diagram, out, paper="a4", audience="family", title=view)
        text = pdf_text(out)
        assert "OFFICIAL-SENSITIVE" in text and f"Page {page_count(out)} of {page_count(out)}" in text
        assert not redaction_for(doc, Audience.FAMILY).leaks(text)


def test_a_case_file_drawing_is_refused_for_the_family(cases) -> None:  # type: ignore[no-untyped-def]
    sayah = cases[1]
    diagram = figures.diagram(sayah, "circles", redaction_for(sayah, Audience.CASE_FILE))
    with pytest.raises(PrintoutError, match="family copy of this drawing would show"):
        check_audience(sayah, diagram, Audience.FAMILY)


def test_unknown_paper_is_refused_before_anything_is_written(cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PrintoutError, match="unknown paper 'letter'"):
        write_printout(cases[0], crowded(100, 100), tmp_path / "x.pdf", paper="letter")
    assert not list(tmp_path.iterdir())
