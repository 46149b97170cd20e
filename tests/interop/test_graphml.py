"""GraphML: the same case after a round trip, readable by other graph tools, and ImportFailed for broken files."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hostile_bytes import damaged, truncated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import case_documents

from circles_desktop.demo_cases import demo_cases
from circles_desktop.demo_meetings import add_demo_meetings
from circles_desktop.graph.document import CaseDocument
from circles_desktop.interop.casejson import write_case_json
from circles_desktop.interop.errors import ImportFailed
from circles_desktop.interop.graphml import read_case_graphml, write_case_graphml

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def content(doc: CaseDocument) -> tuple[Any, ...]:
    return doc.info, {n.id: n for n in doc.nodes()}, {r.id: r for r in doc.relationships()}


@pytest.fixture(scope="module")
def demos() -> list[CaseDocument]:
    docs = demo_cases()
    for doc in docs:
        meeting = add_demo_meetings(doc)
        if meeting is not None:
            doc.apply(meeting)
    return docs


@pytest.fixture(scope="module")
def demo_file(demos: list[CaseDocument], tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("demo") / "demo.graphml"
    write_case_graphml(max(demos, key=len), path)
    return path.read_bytes()


def round_trip(doc: CaseDocument, folder: Path) -> None:
    first, second = folder / "first.graphml", folder / "second.graphml"
    write_case_graphml(doc, first)
    again = read_case_graphml(first)
    assert content(again) == content(doc)
    assert again.sink is None
    write_case_graphml(again, second)
    assert second.read_bytes() == first.read_bytes()


def test_every_demo_case_survives_export_import_export(demos: list[CaseDocument], tmp_path: Path) -> None:
    assert any(doc.info.meetings for doc in demos)
    for doc in demos:
        round_trip(doc, tmp_path)


def test_graphml_holds_the_same_case_as_the_json_file(demos: list[CaseDocument], tmp_path: Path) -> None:
    for doc in demos:
        write_case_graphml(doc, tmp_path / "case.graphml")
        write_case_json(doc, tmp_path / "direct.json")
        write_case_json(read_case_graphml(tmp_path / "case.graphml"), tmp_path / "via-graphml.json")
        assert (tmp_path / "direct.json").read_bytes() == (tmp_path / "via-graphml.json").read_bytes()


@SETTINGS
@given(case_documents())
def test_any_valid_case_survives_export_import_export(tmp_path: Path, doc: CaseDocument) -> None:
    round_trip(doc, tmp_path)


def test_other_tools_see_names_kinds_and_the_case(demos: list[CaseDocument], demo_file: bytes) -> None:
    graph = nx.read_graphml(io.BytesIO(demo_file))
    doc = max(demos, key=len)
    assert graph.graph["name"] == doc.info.name
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {p.label for p in doc.people()} <= labels
    assert "Zofia Wiśniewska" in " ".join(labels), "labels are readable text, not escapes"
    assert {data["kind"] for _, data in graph.nodes(data=True)} == {"person", "service", "household"}
    assert {data["kind"] for _, _, data in graph.edges(data=True)} == {"partnership", "parentage", "emotional",
                                                                       "ecomap"}


def test_a_tool_that_renames_ids_and_adds_attributes_does_not_spoil_the_import(
        demos: list[CaseDocument], demo_file: bytes, tmp_path: Path) -> None:
    """As when a practitioner lays the graph out in yEd or Gephi and saves it again."""
    graph = nx.read_graphml(io.BytesIO(demo_file), force_multigraph=True)
    graph = nx.relabel_nodes(graph, {old: f"yed::{i}" for i, old in enumerate(graph)})
    for _, data in graph.nodes(data=True):
        data.update(x=1.5, colour="#ff0000")
    path = tmp_path / "resaved.graphml"
    nx.write_graphml(graph, path)
    assert content(read_case_graphml(path)) == content(max(demos, key=len))


def test_text_xml_cannot_carry_survives(tmp_path: Path) -> None:
    from circles_desktop.graph.edits import add_node
    from circles_desktop.graph.model import CaseInfo, Person

    doc = CaseDocument(CaseInfo("Control \x0b characters \ufffe"))
    doc.apply(add_node(Person(id="p\x01", given_names="A\x00B", notes="line\r\nbreak\rold mac")))
    round_trip(doc, tmp_path)


# ----- broken input --------------------------------------------------------------------------------

def graphml(nodes: list[Any], edges: list[tuple[str, str, dict[str, Any]]] = (),  # type: ignore[assignment]
            directed: bool = True, **graph: Any) -> bytes:
    """GraphML made with networkx. A node is its data (its GraphML id is the data's id), raw text for
    ``data``, or a pair of GraphML id and data."""
    attributes = {"format": "circles-case", "version": "1", "case": json.dumps({"name": "Broken"}), **graph}
    made = nx.MultiDiGraph() if directed else nx.MultiGraph()
    made.graph.update({k: v for k, v in attributes.items() if v is not ...})
    for node in nodes:
        graph_id, data = node if isinstance(node, tuple) else ("?", node) if isinstance(node, str) \
            else (node.get("id", "?"), node)
        made.add_node(graph_id, data=data if isinstance(data, str) else json.dumps(data))
    for i, (source, target, data) in enumerate(edges):
        made.add_edge(source, target, key=f"e{i}", data=json.dumps(data))
    out = io.BytesIO()
    nx.write_graphml(made, out)
    return out.getvalue()


def person(ident: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "person", "id": ident, **fields}


def rel(kind: str, source: str, target: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"kind": kind, "source": source, "target": target, "id": ident, **fields}


TWO = [person("mum", birth="1980"), person("kid", birth="2010")]
VALID = graphml(TWO, [("mum", "kid", rel("parentage", "mum", "kid", "r1"))]).decode()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="n0"><data key="d0">&lol3;</data></node></graph></graphml>"""

BROKEN = {
    "empty": (b"", r"line 1, column 1: the XML ends too early"),
    "truncated": (VALID[: len(VALID) // 2].encode(), r"the XML ends too early"),
    "binary (PNG)": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"line 1, column 1: XML error: not well-formed \(invalid token\)"),
    "not UTF-8": (VALID.replace("Broken", "Zo\udceb", 1).encode("utf-8", "surrogateescape"),
                  r"line \d+, column \d+: XML error: not well-formed \(invalid token\)"),
    "a DTD (billion laughs)": (BILLION_LAUGHS, r"line 2: the file declares a DTD"),
    "unknown encoding": (VALID.replace("encoding='utf-8'", "encoding='Atf-8'").encode(),
                         r"line 1: the XML declares an encoding that cannot be read"),
    "not GraphML": (b"<html><body>hello</body></html>", r"not GraphML that networkx can read"),
    "undirected": (graphml(TWO, directed=False), r"the graph is undirected"),
    "GraphML from another tool": (graphml(TWO, format=..., version=..., case=...),
                                  r"format: not a Circles GraphML file"),
    "future version": (graphml(TWO, version="2"), r"version: written by a newer Circles"),
    "version not a number": (graphml(TWO, version="one"), r"version: .*whole number, found 'one'"),
    "case not JSON": (graphml(TWO, case="{name: x}"), r"graph attribute 'case', data, character 2: not valid JSON"),
    "node without data": (graphml([{"id": "mum"}], []).replace(b'<data key="d3">{"id": "mum"}</data>', b""),
                          r"line \d+, node 'mum': no 'data' text"),
    "data not JSON": (graphml(["{oops"]), r"line \d+, node '\?', data, character 2: not valid JSON"),
    "unknown node kind": (graphml([{"kind": "pet", "id": "cat"}]), r"node 'cat': unknown kind of node 'pet'"),
    "bad field": (graphml([person("mum", gender="robot")]), r"node 'mum': person 'mum', field 'gender'"),
    "unknown relationship kind": (graphml(TWO, [("mum", "kid", rel("friendship", "mum", "kid", "r1"))]),
                                  r"line \d+, edge 'e0': unknown kind of relationship 'friendship'"),
    "edge to an undeclared node": (graphml(TWO, [("mum", "ghost", rel("parentage", "mum", "ghost", "r1"))])
                                   .replace(b'<node id="ghost" />', b""),
                                   r"line \d+, edge 'e0': the edge points at the node 'ghost'"),
    "relationship to a node not in the file": (
        graphml(TWO, [("mum", "kid", rel("parentage", "mum", "ghost", "r1"))]),
        r"edge 'e0': the edge joins 'mum' to 'kid' but its data says 'mum' to 'ghost'"),
    "duplicate GraphML node id": (VALID.replace('<node id="kid">', '<node id="mum">', 1).encode(),
                                  r"line \d+: a second node with the id 'mum' \(the first is on line \d+\)"),
    "duplicate case id": (graphml([("n0", person("mum")), ("n1", person("mum"))]),
                          r"line \d+, node 'n1': the id 'mum' is used twice \(also at line \d+, node 'n0'\)"),
    "duplicate relationship id": (graphml(TWO, [("mum", "kid", rel("emotional", "mum", "kid", "r1")),
                                                ("kid", "mum", rel("emotional", "kid", "mum", "r1"))]),
                                  r"edge 'e1': the id 'r1' is used twice"),
    "parentage cycle": (graphml([person("a"), person("b")], [("a", "b", rel("parentage", "a", "b", "r1")),
                                                             ("b", "a", rel("parentage", "b", "a", "r2"))]),
                        r"edge 'e\d': .*own ancestor"),
    "a value of the wrong declared type": (
        VALID.replace('attr.name="case" attr.type="string"', 'attr.name="case" attr.type="int"').encode(),
        r"a value does not match the type its <key> declares"),
}


@pytest.mark.parametrize("raw, message", BROKEN.values(), ids=BROKEN.keys())
def test_broken_files_are_refused_naming_file_and_place(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "broken.graphml"
    path.write_bytes(raw)
    with pytest.raises(ImportFailed) as caught:
        read_case_graphml(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(f"{path}: "), text
    assert re.search(message, text), text


def test_the_valid_sample_the_broken_ones_are_made_from_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "valid.graphml"
    path.write_text(VALID, encoding="utf-8")
    assert len(read_case_graphml(path).relationships()) == 1


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot be read"):
        read_case_graphml(tmp_path / "missing.graphml")


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_truncation_is_refused(demo_file: bytes, tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    path = tmp_path_factory.getbasetemp() / "cut.graphml"
    path.write_bytes(truncated(demo_file, data))
    with pytest.raises(ImportFailed):
        read_case_graphml(path)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_damaged_files_give_a_case_or_import_failed_and_nothing_else(
        demo_file: bytes, tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    path = tmp_path_factory.getbasetemp() / "damaged.graphml"
    path.write_bytes(damaged(demo_file, data))
    try:
        read_case_graphml(path)
    except ImportFailed as error:
        assert "\n" not in str(error)
