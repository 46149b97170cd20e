"""The JSON case file: the same bytes after a round trip, and one clear ImportFailed for every broken file."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hostile_bytes import damaged, truncated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import case_documents

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph import meeting, model
from circles_desktop.graph.codec import encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import CaseInfo, Person
from circles_desktop.interop.casejson import VERSION, read_case_json, write_case_json
from circles_desktop.interop.errors import ImportFailed

DOCS = Path(__file__).resolve().parents[2] / "docs" / "case-file-format.md"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def content(doc: CaseDocument) -> tuple[Any, ...]:
    """Everything a case holds, compared exactly (insertion order does not matter)."""
    return doc.info, {n.id: n for n in doc.nodes()}, {r.id: r for r in doc.relationships()}


@pytest.fixture(scope="module")
def demos() -> list[CaseDocument]:
    return demo_cases()


@pytest.fixture(scope="module")
def demo_file(demos: list[CaseDocument], tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A rich, valid case file (the blended family) to break in the tests below."""
    path = tmp_path_factory.mktemp("demo") / "demo.json"
    write_case_json(max(demos, key=len), path)
    return path.read_bytes()


def round_trip(doc: CaseDocument, folder: Path) -> None:
    first, second = folder / "first.json", folder / "second.json"
    write_case_json(doc, first)
    again = read_case_json(first)
    assert content(again) == content(doc)
    assert again.sink is None
    write_case_json(again, second)
    assert second.read_bytes() == first.read_bytes()


def test_every_demo_case_survives_export_import_export(demos: list[CaseDocument], tmp_path: Path) -> None:
    for doc in demos:
        round_trip(doc, tmp_path)


@settings(SETTINGS, max_examples=30)
@given(case_documents())
def test_any_valid_case_survives_export_import_export(tmp_path: Path, doc: CaseDocument) -> None:
    round_trip(doc, tmp_path)


@settings(SETTINGS, max_examples=20)
@given(case_documents(), st.randoms())
def test_the_file_does_not_depend_on_the_order_things_were_added(tmp_path: Path, doc: CaseDocument,
                                                                  random: Any) -> None:
    nodes, rels = list(doc.nodes()), doc.relationships()
    random.shuffle(nodes)
    random.shuffle(rels)
    shuffled = CaseDocument(doc.info)
    shuffled.load(doc.info, nodes, rels)
    write_case_json(doc, tmp_path / "a.json")
    write_case_json(shuffled, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_the_file_is_readable_json_in_utf8_with_names_unescaped(demos: list[CaseDocument], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    write_case_json(max(demos, key=len), path)
    text = path.read_bytes().decode("utf-8")
    assert "Wiśniewska" in text and "\\u" not in text
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("circles-case", VERSION)
    assert [n["kind"] for n in data["nodes"]] == sorted((n["kind"] for n in data["nodes"]),
                                                        key=["person", "service", "household"].index)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_file_is_private_to_its_owner(demos: list[CaseDocument], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    write_case_json(demos[0], path)
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_a_failed_write_leaves_the_old_file_and_no_litter(demos: list[CaseDocument], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    write_case_json(demos[0], path)
    before = path.read_bytes()
    broken = CaseDocument(CaseInfo("Broken"))
    broken.load(broken.info, [Person(id="p", positions={"genogram": (float("nan"), 0.0)})], [])
    with pytest.raises(ValueError):
        write_case_json(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_the_format_document_describes_every_field() -> None:
    """Adding a field to the model without documenting it (and thinking about the version) fails here."""
    text = DOCS.read_text(encoding="utf-8")
    classes = [model.CaseInfo, model.Contact, model.CirclePlacement, *model.NODE_TYPES.values(),
               *model.RELATIONSHIP_TYPES.values(), meeting.Meeting, meeting.Invitation, meeting.ChildParticipation,
               meeting.AgendaItem, meeting.Plan, meeting.ScalingScore, meeting.Action, meeting.Feedback]
    missing = sorted({f"{cls.__name__}.{f.name}" for cls in classes for f in dataclasses.fields(cls)
                      if f"`{f.name}`" not in text})
    assert not missing, f"docs/case-file-format.md does not mention: {', '.join(missing)}"
    enums = [model.Gender, model.PregnancyState, model.Role, model.ServiceCategory, model.Ring, model.Sector,
             model.PartnershipType, model.ParentageType, model.EmotionalType, model.TieStrength, model.Flow,
             model.SupportKind, meeting.InviteDecision, meeting.InviteStatus, meeting.Attendance, meeting.Stage]
    values = sorted({f"{e.__name__}.{m.value}" for e in enums for m in e if f"`{m.value}`" not in text})
    assert not values, f"docs/case-file-format.md does not list: {', '.join(values)}"


def test_the_example_in_the_format_document_is_a_valid_case_file(tmp_path: Path) -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.S)
    assert example, "the format document has no ```json example"
    path = tmp_path / "example.json"
    path.write_text(example.group(1), encoding="utf-8")
    doc = read_case_json(path)
    assert doc.children_at_centre() and doc.check() == []
    write_case_json(doc, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == example.group(1), "the example is not canonical"


# ----- broken input --------------------------------------------------------------------------------

def case_file(nodes: list[dict[str, Any]] | None = None, rels: list[dict[str, Any]] | None = None,
              **top: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"format": "circles-case", "version": 1, "case": {"name": "Broken"},
                            "nodes": nodes or [], "relationships": rels or []}
    data.update(top)
    return {k: v for k, v in data.items() if v is not ...}


def person(ident: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "person", "id": ident, **fields}


def rel(kind: str, source: str, target: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"kind": kind, "source": source, "target": target, "id": ident, **fields}


TWO = [person("mum", given_names="Maria", birth="1980"), person("kid", given_names="Nikita", birth="2010")]

BROKEN_CONTENT = {
    "wrong format": (case_file(format="gedcom"), r"format: not a Circles case file"),
    "no format": (case_file(format=...), r"format: not a Circles case file.*None"),
    "future version": (case_file(version=2), r"version: written by a newer Circles \(case-file version 2"),
    "version as text": (case_file(version="1"), r"version: .*whole number, found '1'"),
    "version true": (case_file(version=True), r"version: .*whole number, found True"),
    "version zero": (case_file(version=0), r"version: unknown case-file version 0"),
    "a list, not an object": ([1, 2], r"the JSON is a list, not an object"),
    "missing nodes": (case_file(nodes=...), r"nodes: the field 'nodes' is missing"),
    "nodes not a list": (case_file(nodes={"a": 1}), r"nodes: expected a list, found an object"),
    "unknown top-level field": (case_file(extra=1), r"extra: unknown field 'extra'"),
    "case without a name": (case_file(case={}), r"case: caseinfo"),
    "unknown node kind": (case_file([{"kind": "pet", "id": "cat"}]), r"nodes\[0\]: unknown kind of node 'pet'"),
    "bad node field": (case_file([person("p1", gender="robot")]), r"nodes\[0\]: person 'p1', field 'gender'"),
    "unknown node field": (case_file([person("p1", nickname="x")]), r"nodes\[0\]: person 'p1': unknown field"),
    "impossible date": (case_file([person("p1", birth="2010-02-30")]), r"nodes\[0\].*'birth'.*no day 30"),
    "unknown relationship kind": (case_file(TWO, [rel("friendship", "mum", "kid", "r1")]),
                                  r"relationships\[0\]: unknown kind of relationship 'friendship'"),
    "relationship to a missing node": (case_file(TWO, [rel("parentage", "mum", "ghost", "r1")]),
                                       r"relationships\[0\]: .*target 'ghost', which is not a node"),
    "duplicate node id": (case_file([*TWO, person("mum")]), r"nodes\[2\]: the id 'mum' is used twice.*nodes\[0\]"),
    "duplicate relationship id": (case_file(TWO, [rel("emotional", "mum", "kid", "r1"),
                                                  rel("emotional", "kid", "mum", "r1")]),
                                  r"relationships\[1\]: the id 'r1' is used twice"),
    "parentage cycle": (case_file([person("a"), person("b"), person("c")],
                                  [rel("parentage", "a", "b", "r1"), rel("parentage", "b", "c", "r2"),
                                   rel("parentage", "c", "a", "r3")]), r"relationships\[\d\]: .*own ancestor"),
    "child born before parent": (case_file(TWO, [rel("parentage", "kid", "mum", "r1")]),
                                 r"relationships\[0\]: .*a parent is born first"),
    "partnership with a service": (case_file([*TWO, {"kind": "service", "id": "gp", "name": "GP"}],
                                             [rel("partnership", "mum", "gp", "r1")]),
                                   r"relationships\[0\]: A partnership is between people"),
    "household of a stranger": (case_file([*TWO, {"kind": "household", "id": "h", "members": ["mum", "nobody"]}]),
                                r"nodes\[2\]: Only people in this case can live in"),
    "death before birth": (case_file([person("p1", birth="2000", deceased=True, death="1990")]),
                           r"nodes\[0\]: .*date of death \(1990\) is before"),
}


@pytest.mark.parametrize("data, message", BROKEN_CONTENT.values(), ids=BROKEN_CONTENT.keys())
def test_broken_content_is_refused_naming_file_and_place(tmp_path: Path, data: Any, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_case_json(path)
    assert_one_line_naming(caught.value, path, message)


def assert_one_line_naming(error: ImportFailed, path: Path, message: str) -> None:
    text = str(error)
    assert "\n" not in text and text.startswith(f"{path}: "), text
    assert re.search(message, text), text


BROKEN_BYTES = {
    "empty": (b"", r"line 1, column 1: the JSON ends too early"),
    "truncated": (b'{"format": "circles-case", "version": 1, "nodes": [{"kind": "per',
                  r"line 1, column \d+: the JSON ends too early"),
    "syntax error on line 3": (b'{\n"format": "circles-case",\n"version": 1,,\n}', r"line 3, column 14: not valid JSON"),
    "binary (PNG)": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"line 3, byte 1: a binary file"),
    "UTF-16": ('{"format": "circles-case"}'.encode("utf-16"), r"a binary file \(or text not in UTF-8\)"),
    "Latin-1 text": ('{"format": "circles-case", "case": {"name": "Zoë"}}'.encode("latin-1"),
                     r"line 1, byte 48: not UTF-8 text \(byte 0xeb"),
    "duplicate key": (b'{"format": "circles-case", "format": "circles-case"}', r"the key 'format' appears twice"),
    "NaN": (b'{"format": "circles-case", "x": NaN}', r"NaN is not a number a case file may contain"),
    "huge number": (b'{"format": "circles-case", "x": 1e999}', r"too large"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, r"nested too deeply"),
}


@pytest.mark.parametrize("raw, message", BROKEN_BYTES.values(), ids=BROKEN_BYTES.keys())
def test_broken_bytes_are_refused_naming_file_and_place(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(raw)
    with pytest.raises(ImportFailed) as caught:
        read_case_json(path)
    assert_one_line_naming(caught.value, path, message)


def test_a_byte_order_mark_is_forgiven(demo_file: bytes, tmp_path: Path) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + demo_file)
    assert len(read_case_json(path)) > 40


@pytest.mark.parametrize("make", [lambda p: p / "missing.json", lambda p: p])
def test_a_file_that_cannot_be_read_is_refused(tmp_path: Path, make: Any) -> None:
    with pytest.raises(ImportFailed, match="cannot be read"):
        read_case_json(make(tmp_path))


def test_names_with_line_breaks_do_not_break_the_one_line_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(case_file([person("line\nbreak", gender="x\ny")])), encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_case_json(path)
    assert "\n" not in str(caught.value)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_truncation_is_refused(demo_file: bytes, tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    path = tmp_path_factory.getbasetemp() / "cut.json"
    path.write_bytes(truncated(demo_file, data))
    with pytest.raises(ImportFailed):
        read_case_json(path)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_damaged_files_give_a_case_or_import_failed_and_nothing_else(
        demo_file: bytes, tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    path = tmp_path_factory.getbasetemp() / "damaged.json"
    path.write_bytes(damaged(demo_file, data))
    try:
        read_case_json(path)
    except ImportFailed as error:
        assert "\n" not in str(error)


def test_a_hand_edited_change_is_read_back(demo_file: bytes, tmp_path: Path) -> None:
    """The format is meant to be readable and editable: a renamed person comes back renamed."""
    data = json.loads(demo_file)
    data["nodes"][0]["known_as"] = "Renamed by hand"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    doc = read_case_json(path)
    original = {n.id: n for n in read_bytes_as_case(demo_file, tmp_path).nodes()}
    changed = doc.node(data["nodes"][0]["id"])
    assert changed == replace(original[changed.id], known_as="Renamed by hand")  # type: ignore[type-var]
    assert encode(changed)["known_as"] == "Renamed by hand"


def read_bytes_as_case(raw: bytes, folder: Path) -> CaseDocument:
    path = folder / "original.json"
    path.write_bytes(raw)
    return read_case_json(path)
