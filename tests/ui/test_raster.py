"""PNG export through Qt: the file loads, has the size the DPI asks for, and shows the drawing."""

from __future__ import annotations

import datetime as dt
import os
import math
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from circles_desktop.graph.model import Gender
from circles_desktop.layout.diagram import Diagram, Text
from circles_desktop.layout.genogram import genogram_layout
from circles_desktop.layout.genogram_diagram import genogram_diagram
from circles_desktop.layout.sample_families import SAMPLES, FamilyBuilder
from circles_desktop.ui.diagram_painter import paint_item
from circles_desktop.ui.raster import MAX_SIDE, render_image, write_png


def _diagram(doc):  # type: ignore[no-untyped-def]
    return genogram_diagram(doc, genogram_layout(doc), today=dt.date(2025, 6, 1))


def _ink(image: QImage) -> float:
    """The share of pixels that are not paper, sampled on a grid."""
    step = 3
    total = inked = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            inked += image.pixelColor(x, y).lightness() < 200
    return inked / total


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_loads_at_the_size_the_dpi_asks_for(dpi: int, tmp_path: Path, qapp: object) -> None:
    diagram = _diagram(SAMPLES["blended"]())
    target = tmp_path / "genogram.png"
    write_png(diagram, target, dpi=dpi)
    image = QImage(str(target))
    assert not image.isNull()
    placed = diagram.with_legend_placed().bounds
    assert image.width() == math.ceil(placed.width * dpi / 72)
    assert image.height() == math.ceil(placed.height * dpi / 72)
    assert round(image.dotsPerMeterX() * 0.0254) == dpi
    assert 0.01 < _ink(image) < 0.5
    assert list(tmp_path.iterdir()) == [target]


def test_text_in_any_script_is_drawn(qapp: object) -> None:
    f = FamilyBuilder("scripts")
    f.person("নিকিতা", "জাইন", Gender.FEMALE, "2009")
    f.person("زينب", "خان", Gender.FEMALE, "1985")
    f.person("தமிழ்", "ச", Gender.MALE, "1980")
    f.person("李", "明", Gender.MALE, "1990")
    image = render_image(_diagram(f.document()), dpi=100)
    assert _ink(image) > 0.01


def test_a_huge_drawing_is_scaled_to_an_image_that_can_be_opened(qapp: object) -> None:
    diagram = Diagram.of([Text(text="far", at=(0, 0), size=8), Text(text="away", at=(30000, 100), size=8)])
    image = render_image(diagram, dpi=300)
    assert max(image.width(), image.height()) <= MAX_SIDE


def test_a_failed_write_leaves_nothing(tmp_path: Path, qapp: object) -> None:
    with pytest.raises(OSError):
        write_png(_diagram(SAMPLES["twins"]()), tmp_path / "no-such-folder" / "x.png")
    assert not list(tmp_path.iterdir())


def test_one_item_paints_on_any_painter(qapp: object) -> None:
    """The editor's scene items paint through paint_item: it must draw on a painter it did not set up."""
    image = QImage(60, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    diagram = _diagram(SAMPLES["twins"]())
    symbol = next(i for i in diagram.items if i.part == "symbol")
    painter.translate(30 - symbol.centre[0], 30 - symbol.centre[1])  # type: ignore[attr-defined]
    paint_item(painter, symbol)
    painter.end()
    assert _ink(image) > 0.01


def test_a_png_of_bengali_and_tamil_names_is_written_without_qt_font_chatter(tmp_path: Path) -> None:
    """Qt reports each hand-over to a fallback font on stderr; the command line keeps quiet about it."""
    import subprocess
    import sys

    db = f"sqlite:///{tmp_path}/library.db"
    command = [sys.executable, "-m", "circles_desktop.cli", "--db", db]
    subprocess.run([*command, "demo"], check=True, capture_output=True, timeout=300)
    done = subprocess.run([*command, "export", "Nowak", "--view", "circles", "-o", str(tmp_path / "c.png")],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "QT_LOGGING_RULES": ""})
    assert done.returncode == 0, done.stderr
    assert QImage(str(tmp_path / "c.png")).width() > 500
    assert "qt.text.font.db" not in done.stderr
