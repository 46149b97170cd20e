"""The drawing PDF: vector, one page of A4 or A3 in the orientation that fits, names and legend as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from circles_desktop.layout.genogram import genogram_layout
from circles_desktop.layout.genogram_diagram import genogram_diagram
from circles_desktop.graph.model import Gender
from circles_desktop.layout.sample_families import SAMPLES, FamilyBuilder
from circles_desktop.reports.pdf_drawing import diagram_drawing, write_pdf

A4 = (595.3, 841.9)
A3 = (841.9, 1190.6)


def _diagram(doc):  # type: ignore[no-untyped-def]
    return genogram_diagram(doc, genogram_layout(doc), today=dt.date(2025, 6, 1))


def _page_size(reader: PdfReader) -> tuple[float, float]:
    box = reader.pages[0].mediabox
    return (round(float(box.width), 1), round(float(box.height), 1))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_pdf_text_holds_names_legend_and_title(name: str, tmp_path: Path) -> None:
    doc = SAMPLES[name]()
    target = tmp_path / "genogram.pdf"
    write_pdf(_diagram(doc), target, title=f"{doc.info.name}: genogram")
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert f"{doc.info.name}: genogram" in text
    for person in doc.people():
        if person.given_names:
            assert person.given_names in text
    assert "Key" in text and "Male" in text and "Female" in text
    assert list(tmp_path.iterdir()) == [target]


def test_legend_entries_follow_the_drawing(tmp_path: Path) -> None:
    write_pdf(_diagram(SAMPLES["care"]()), tmp_path / "care.pdf")
    text = " ".join(PdfReader(tmp_path / "care.pdf").pages[0].extract_text().split())
    for entry in ("Adopted", "Foster child", "Kinship care or special guardianship", "Separated", "Distant",
                  "Physical abuse", "physical abuse", "Non-binary"):
        assert entry in text
    assert "Divorced" not in text and "Twins" not in text


def test_paper_and_orientation(tmp_path: Path) -> None:
    f = FamilyBuilder("many children")
    parents = (f.person("Abe", "Large", Gender.MALE, "1950"), f.person("Bea", "Large", Gender.FEMALE, "1952"))
    f.couple(*parents, start="1970")
    for i in range(16):
        f.child(parents, f.person(f"Child{i}", "Large", Gender.FEMALE if i % 2 else Gender.MALE, str(1971 + i)))
    wide = _diagram(f.document())
    assert wide.bounds.width > 2 * wide.bounds.height
    write_pdf(wide, tmp_path / "a4.pdf")
    write_pdf(wide, tmp_path / "a3.pdf", paper="A3")
    assert _page_size(PdfReader(tmp_path / "a4.pdf")) == (A4[1], A4[0])  # a wide family prints landscape
    assert _page_size(PdfReader(tmp_path / "a3.pdf")) == (A3[1], A3[0])


def test_unknown_paper_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="paper"):
        write_pdf(_diagram(SAMPLES["twins"]()), tmp_path / "x.pdf", paper="letter")
    assert not list(tmp_path.iterdir())


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_pdf(_diagram(SAMPLES["twins"]()), tmp_path / "no-such-folder" / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_drawing_for_reports_fits_the_box_it_is_given() -> None:
    diagram = _diagram(SAMPLES["blended"]()).with_legend_placed()
    drawing = diagram_drawing(diagram, width=300, height=300)
    assert drawing.width <= 300.01 and drawing.height <= 300.01
    assert max(drawing.width, drawing.height) == pytest.approx(300, abs=0.01)
    natural = diagram_drawing(diagram)
    assert natural.width == pytest.approx(diagram.bounds.width)


def test_the_pdf_is_vector(tmp_path: Path) -> None:
    target = tmp_path / "v.pdf"
    write_pdf(_diagram(SAMPLES["twins"]()), target)
    page = PdfReader(target).pages[0]
    assert "/XObject" not in page["/Resources"]  # no embedded image: lines and text are vector
