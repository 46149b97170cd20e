"""Every demo case's ecomap and circles picture, rendered to PNG, and exported by `circles export`.

The PNGs are the ones looked at while building these views; here they are checked for what a
machine can check: a real image of a sensible size, with ink on it. The command line writes all
three formats for both views.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from circles_desktop.cli import main
from circles_desktop.demo_cases import demo_cases
from circles_desktop.layout.circles_diagram import circles_diagram
from circles_desktop.layout.ecomap_diagram import ecomap_diagram
from circles_desktop.ui.raster import write_png

BUILDERS = {"ecomap": ecomap_diagram, "circles": circles_diagram}


@pytest.mark.parametrize("view", BUILDERS)
@pytest.mark.parametrize("index", range(len(demo_cases())))
def test_every_demo_case_renders_to_png(qapp, tmp_path: Path, view: str, index: int) -> None:  # type: ignore[no-untyped-def]
    doc = demo_cases()[index]
    out = tmp_path / f"{view}.png"
    write_png(BUILDERS[view](doc), out, dpi=60)
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 300 and image.height() > 200
    inked = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
                if image.pixelColor(x, y).lightness() < 128)
    assert inked > 50  # lines and words, not a blank page
    assert not list(tmp_path.glob(".*.part"))


def test_circles_export_writes_both_views_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from circles_desktop.store.library import Library

    db = f"sqlite:///{tmp_path / 'lib.db'}"
    Library.open(db).add_document(demo_cases()[0])
    for view in BUILDERS:
        for suffix in (".pdf", ".svg", ".png"):
            out = tmp_path / f"zain-{view}{suffix}"
            assert main(["--db", db, "export", "Zain family", "-o", str(out), "--view", view]) == 0, \
                capsys.readouterr().err
            assert out.stat().st_size > 1000
        text = " ".join(page.extract_text() for page in PdfReader(tmp_path / f"zain-{view}.pdf").pages)
        assert "Sonia" in text and "Key" in text
        svg = ET.parse(tmp_path / f"zain-{view}.svg").getroot()
        assert "Sonia" in "".join(svg.itertext())
