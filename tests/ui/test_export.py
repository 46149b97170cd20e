"""Export and print of the current view: real files from the shared back ends, written off the UI
thread, complete or not at all, and nothing hidden from the audience."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from circles_desktop.demo_cases import PARENTING, demo_cases
from circles_desktop.graph.redaction import Audience, redaction_for
from circles_desktop.ui.export import Choice, Sheet, build_drawing


def _export(qtbot, window, path: Path, audience: Audience = Audience.CASE_FILE):  # type: ignore[no-untyped-def]
    results = []
    window.exporter.done.connect(results.append)
    window.exporter.failed.connect(results.append)
    task = window.exporter.export_to(window.editor.doc, "genogram", path, Choice(audience, "a4"))
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    return results[0]


@pytest.mark.parametrize("suffix", [".pdf", ".svg", ".png"])
def test_export_writes_the_shared_drawing(qtbot, zain, tmp_path, suffix) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    path = out / f"zain{suffix}"
    message = _export(qtbot, zain, path)
    assert message == f"Exported to {path}"
    data = path.read_bytes()
    assert data[:4] == {".pdf": b"%PDF", ".svg": b"<?xm", ".png": b"\x89PNG"}[suffix] or data.startswith(b"<svg")
    assert [p.name for p in out.iterdir()] == [path.name]  # no part-written file left behind
    if suffix == ".svg":
        assert "Nikita" in data.decode("utf-8")


def test_a_failed_export_leaves_nothing(qtbot, zain, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "missing folder" / "zain.pdf"
    message = _export(qtbot, zain, path)
    assert message.startswith("The export failed")
    assert not path.exists() and not path.parent.exists()


def test_a_family_copy_leaves_out_who_must_not_be_told(qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = next(d for d in demo_cases() if d.info.name == PARENTING)
    hidden = redaction_for(doc, Audience.FAMILY).hidden
    assert hidden  # the father must not know the mother's address; some are hidden from the family
    family = build_drawing(doc, "genogram", Choice(Audience.FAMILY, "a4"))
    assert not family.node_ids() & hidden
    assert build_drawing(doc, "genogram", Choice(Audience.CASE_FILE, "a4")).node_ids() & hidden


def test_the_printed_sheet_has_header_marking_and_drawing(qapp, zain) -> None:  # type: ignore[no-untyped-def]
    doc = zain.editor.doc
    sheet = Sheet(doc, "genogram", build_drawing(doc, "genogram", Choice(Audience.CASE_FILE, "a4")), Audience.CASE_FILE)
    assert sheet.footer[0] == "OFFICIAL-SENSITIVE"
    assert sheet.header_left == "CIN-2026-0412" and "case file" in sheet.header_right
    image = QImage(842, 595, QImage.Format.Format_ARGB32)  # A4 landscape at 72 dpi
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    sheet.paint(painter, QRectF(0, 0, 842, 595), 1.0)
    painter.end()
    inked = sum(1 for x in range(0, 842, 4) for y in range(0, 595, 4) if image.pixel(x, y) != 0xFFFFFFFF)
    assert inked > 500


def test_cancelling_an_export_writes_nothing(qtbot, zain, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    results: list[str] = []
    zain.exporter.done.connect(results.append)
    task = zain.exporter.export_to(zain.editor.doc, "genogram", out / "zain.pdf", Choice(Audience.CASE_FILE, "a4"))
    task.cancel()
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.wait(50)
    assert list(out.iterdir()) == [] and results == []
