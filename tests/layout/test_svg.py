"""SVG export: well-formed XML, names as real escaped text, every mark tagged with what it draws."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from circles_desktop.graph.model import Gender, PartnershipType
from circles_desktop.layout.genogram import genogram_layout
from circles_desktop.layout.genogram_diagram import genogram_diagram
from circles_desktop.layout.sample_families import SAMPLES, FamilyBuilder
from circles_desktop.layout.svg import svg_text, write_svg

SVG = "{http://www.w3.org/2000/svg}"


def _diagram(doc):  # type: ignore[no-untyped-def]
    return genogram_diagram(doc, genogram_layout(doc), today=dt.date(2025, 6, 1))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_svg_parses_and_holds_names_and_legend(name: str, tmp_path: Path) -> None:
    doc = SAMPLES[name]()
    target = tmp_path / "genogram.svg"
    write_svg(_diagram(doc), target)
    root = ET.parse(target).getroot()
    assert root.tag == f"{SVG}svg" and root.get("viewBox")
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {p.given_names for p in doc.people() if p.given_names} <= texts
    assert "Key" in texts
    nodes = {g.get("data-node") for g in root.iter(f"{SVG}g") if g.get("data-node")}
    assert {p.id for p in doc.people()} <= nodes
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_hostile_names_are_escaped_not_interpreted() -> None:
    f = FamilyBuilder("hostile")
    a = f.person('<script>alert("x")</script>', "&amp; ]]>", Gender.MALE, "1980")
    b = f.person("Zoë", "Łukasiewicz-Ó'Brien", Gender.FEMALE, "1982")
    f.couple(a, b, PartnershipType.MARRIED, "2001")
    text = svg_text(_diagram(f.document()))
    assert "<script>" not in text
    root = ET.fromstring(text)
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {'<script>alert("x")</script>', "&amp; ]]>", "Zoë", "Łukasiewicz-Ó'Brien"} <= texts


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_svg(_diagram(SAMPLES["twins"]()), tmp_path / "missing-folder" / "out.svg")
    assert list(tmp_path.iterdir()) == []
