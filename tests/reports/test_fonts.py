"""Every script renders: the right font for each run, shaped, in visual order, and readable back."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting_edits import add_meeting, new_meeting
from circles_desktop.graph.model import CaseInfo, CirclePlacement, Person, Ring, Role, Sector
from circles_desktop.reports import bidi, fonts
from circles_desktop.reports.plan_pdf import write_plan

from conftest import normalise, pdf_text

NAMES = {
    "Latin with diacritics": "Zoë Łukasiewicz-Mărculescu",
    "Vietnamese": "Nguyễn Thị Ánh",
    "Bengali": "রবীন্দ্রনাথ ঠাকুর",
    "Arabic": "محمد علي",
    "Urdu": "عمران خان",
    "Tamil": "செல்வி முருகன்",
    "Gujarati": "કિરણ પટેલ",
    "Gurmukhi": "ਹਰਪ੍ਰੀਤ ਕੌਰ",
    "Chinese": "王小明",
}
RTL = {"Arabic", "Urdu"}


def _case() -> CaseDocument:
    doc = CaseDocument(CaseInfo("Many scripts", reference="TEST-1", author="Ana Popescu"))
    family = CirclePlacement(Ring.CLOSE, Sector.FAMILY)
    people = [Person(id="child", given_names="Ayşe", family_name="Çelik", roles=frozenset({Role.CHILD}))]
    people += [Person(id=f"p{i}", given_names=name, circle=family, first_language=script)
               for i, (script, name) in enumerate(NAMES.items())]
    doc.load(doc.info, people, [])
    doc.apply(add_meeting(doc, new_meeting(doc, on=date(2026, 5, 1), purpose="Mixed: Ali (علي محمد) 12 and 王小明.")))
    return doc


@pytest.mark.parametrize("script", NAMES)
def test_every_character_has_a_font_that_draws_it(script: str) -> None:
    name = NAMES[script]
    assert fonts.missing(name) == []
    for run in fonts.runs(fonts.clean(name)):
        assert all(fonts._covers(run.face, c) for c in run.text if c != " ")


@pytest.mark.parametrize("audience", ["professional", "family"])
def test_names_in_every_script_come_out_of_the_pdf(tmp_path: Path, audience: str) -> None:
    out = tmp_path / "plan.pdf"
    write_plan(_case(), out, audience, today=date(2026, 5, 2))
    text = pdf_text(out)
    for script, name in NAMES.items():
        wanted = normalise(name)
        found = wanted in text or (script in RTL and wanted[::-1] in text)
        assert found, f"{script} name {name!r} not found"
    assert "Ayşe Çelik" in text


def test_complex_scripts_are_shaped_and_latin_is_not() -> None:
    bengali = fonts.layout("রবীন্দ্রনাথ", 12)
    assert len(bengali) == 1 and bengali[0].actual == "রবীন্দ্রনাথ"
    assert hasattr(bengali[0].text, "__shapeData__")  # glyphs chosen by HarfBuzz (conjuncts, reordered i)
    latin = fonts.layout("office", 12)
    assert latin[0].text == "office" and not latin[0].actual  # no ligature glyphs to break copying


def test_right_to_left_runs_are_put_in_visual_order() -> None:
    pieces = fonts.layout("Ali (علي محمد) 12 x", 12)
    assert [str(p.actual or p.text) for p in pieces] == ["Ali (", "علي محمد", ") ", "12", " x"]
    urdu = fonts.layout("عمران خان 1987 (بھائی)", 12)
    assert [p.actual or str(p.text) for p in urdu][0] == ")"  # the paragraph runs right to left: ")" leftmost
    assert fonts.width("Ali", 12) > 0


@pytest.mark.parametrize("text, levels", [
    ("abc", [0, 0, 0]),
    ("אב", [1, 1]),
    ("a אב 12", [0, 0, 1, 1, 1, 2, 2]),  # numbers after Hebrew belong to it (W7, N1)
    ("אב 12", [1, 1, 1, 2, 2]),
    ("(אב)", [1, 1, 1, 1]),
    ("a (אב) b", [0, 0, 0, 1, 1, 0, 0, 0]),
])
def test_bidi_levels(text: str, levels: list[int]) -> None:
    assert bidi.levels(text) == levels


def test_visual_order_reverses_right_to_left_runs_only() -> None:
    assert bidi.visual_order([0, 0, 1, 1, 0]) == [0, 1, 3, 2, 4]
    assert bidi.visual_order([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]
    assert bidi.mirrored("(a]") == ")a["


def test_a_missing_font_file_is_reported_by_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    face = fonts.Face("Nowhere", "Nowhere-Regular.ttf", None)
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    with pytest.raises(fonts.FontMissing, match="Nowhere-Regular.ttf: font file missing"):
        fonts.font_name(face)


_REGISTERED = """
import sys
from reportlab.pdfbase import pdfmetrics
from circles_desktop.reports import plan_pdf, fonts
def ours():
    return sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith(("Noto", "Droid")))
print(ours())
fonts.width("Ana Popescu", 10)
print(ours())
fonts.width("Ana রবীন্দ্রনাথ", 10, bold=True)
print(ours())
"""


def test_fonts_are_read_on_first_use_of_their_script_only() -> None:
    """Reading a face costs up to 0.1 s (the CJK one): importing the reports reads none, Latin text
    reads the Latin face, a Bengali name its own two (regular to check coverage, bold to draw)."""
    done = subprocess.run([sys.executable, "-c", _REGISTERED], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "[]",
        "['NotoSans']",
        "['NotoSans', 'NotoSans-Bold', 'NotoSansBengali', 'NotoSansBengali-Bold']",
    ]


@pytest.mark.parametrize("text", ["Ali (علي محمد) 12", "Zoë 王小明", "রবীন্দ্রনাথ ঠাকুর", ""])
def test_cached_lines_are_the_pieces_worked_out_afresh(text: str) -> None:
    clean = fonts.clean(text)
    afresh = fonts.pieces(fonts.runs(clean, None, True), 11.0)
    assert list(fonts.layout(text, 11.0, True)) == afresh
    assert list(fonts.line(clean, 11.0, bidi.base_level(clean) == 1, (True,) * len(clean))) == \
        fonts.pieces(fonts.runs(clean, bidi.base_level(clean) == 1, True), 11.0)
    assert fonts.layout(text, 11.0, True) is fonts.layout(text, 11.0, True)
