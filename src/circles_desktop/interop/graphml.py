"""GraphML export and import through networkx, for graph tools such as Gephi, yEd and Cytoscape.

Every node and edge carries three string attributes: ``kind`` and ``label`` for people looking at
the graph in another tool, and ``data``, the object exactly as the JSON case file holds it. The case
is graph attributes: ``format`` and ``version`` as in the JSON file, ``case`` (its details as JSON)
and a readable ``name``. Reading trusts only ``data``, ``format``, ``version`` and ``case``; the
readable attributes are ignored, and GraphML ids are positional (``n0``, ``e0``), so a tool that
renames them or adds attributes of its own does not spoil the import.

``data`` is JSON with every non-ASCII character escaped, because XML cannot carry every character a
name or a note may hold (control characters, U+FFFE) and normalises line ends; the escaped JSON
comes back exactly. Labels are for display only, so characters XML cannot hold become U+FFFD.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Callable
from typing import Any, TypeVar
from xml.etree import ElementTree
from xml.parsers import expat

import networkx as nx

from ..graph.codec import decode_case_info, decode_node, decode_relationship, encode
from ..graph.document import CaseDocument
from ..graph.model import AnyNode, AnyRelationship, EcomapTie
from .casejson import (
    FORMAT,
    VERSION,
    PathLike,
    assemble,
    check_version,
    decode_part,
    ordered_parts,
    parse_json,
    read_input,
    write_atomically,
)
from .errors import ImportFailed

T = TypeVar("T")

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What expat says when the text stops before the document does.
_CUT_SHORT = (expat.errors.XML_ERROR_NO_ELEMENTS, expat.errors.XML_ERROR_UNCLOSED_TOKEN,
              expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION)


def write_case_graphml(doc: CaseDocument, path: PathLike) -> None:
    """Write the case to ``path`` as GraphML, replacing any file there in one step."""
    nodes, relationships = ordered_parts(doc)
    graph = nx.MultiDiGraph(format=FORMAT, version=str(VERSION), name=_readable(doc.info.name),
                            case=_escaped_json(encode(doc.info)))
    graph_ids = {node.id: f"n{i}" for i, node in enumerate(nodes)}
    for node in nodes:
        graph.add_node(graph_ids[node.id], kind=node.kind, label=_readable(node.label),
                       data=_escaped_json(encode(node)))
    for i, rel in enumerate(relationships):
        graph.add_edge(graph_ids[rel.source], graph_ids[rel.target], key=f"e{i}", kind=rel.kind.value,
                       label=_edge_label(rel), data=_escaped_json(encode(rel)))
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    write_atomically(path, buffer.getvalue())


def _escaped_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def _readable(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _edge_label(rel: AnyRelationship) -> str:
    if isinstance(rel, EcomapTie):
        return rel.strength.value + (", stressful" if rel.stressful else "")
    return rel.type.value


def read_case_graphml(path: PathLike) -> CaseDocument:
    """Read a GraphML file written by Circles into a new, detached document, or raise :class:`ImportFailed`."""
    raw = read_input(path)
    node_lines, edge_lines = _scan(path, raw)
    graph = _parse(path, raw)
    if not graph.is_directed():
        raise ImportFailed(path, "the graph is undirected; Circles writes directed GraphML "
                                 "(edgedefault=\"directed\")")
    attributes = graph.graph
    if attributes.get("format") != FORMAT:
        raise ImportFailed(path, f"not a Circles GraphML file: the graph attribute \"format\" is "
                                 f"{attributes.get('format')!r}, expected {FORMAT!r}", "format")
    version = attributes.get("version")
    check_version(path, int(version) if isinstance(version, str) and version.isascii() and version.isdigit()
                  else version, "version")
    info = _decoded(path, "graph attribute 'case'", decode_case_info, attributes.get("case"))

    def edge_place(key: object) -> str:
        return f"line {edge_lines[key]}, edge {key!r}" if key in edge_lines else f"edge {key!r}"

    for source, target, key in graph.edges(keys=True):
        for end in (source, target):
            if end not in node_lines:
                raise ImportFailed(path, f"the edge points at the node {end!r}, which the file does not declare",
                                   edge_place(key))
    nodes: list[tuple[str, AnyNode]] = []
    ids: dict[str, str] = {}  # GraphML node id -> case node id
    for graph_id, data in graph.nodes(data="data"):
        place = f"line {node_lines[graph_id]}, node {graph_id!r}"
        node = _decoded(path, place, decode_node, data)
        ids[graph_id] = node.id
        nodes.append((place, node))
    relationships: list[tuple[str, AnyRelationship]] = []
    for source, target, key, data in graph.edges(keys=True, data="data"):
        place = edge_place(key)
        rel = _decoded(path, place, decode_relationship, data)
        if (ids[source], ids[target]) != (rel.source, rel.target):
            raise ImportFailed(path, f"the edge joins {ids[source]!r} to {ids[target]!r} but its data says "
                                     f"{rel.source!r} to {rel.target!r}", place)
        relationships.append((place, rel))
    return assemble(path, info, nodes, relationships)


def _decoded(path: PathLike, place: str, decode: Callable[[Any], T], text: object) -> T:
    """One object from its ``data`` (or ``case``) attribute: JSON text that the codec accepts."""
    if not isinstance(text, str):
        raise ImportFailed(path, "no 'data' text: Circles reads back only the GraphML it wrote, and needs "
                                 "the 'data' (and the graph's 'case') attributes it put there", place)
    return decode_part(path, place, decode, parse_json(path, text, f"{place}, data"))


def _scan(path: PathLike, raw: bytes) -> tuple[dict[object, int], dict[object, int]]:
    """Check the XML before networkx reads it, and note the line of each node and edge for messages.

    expat is driven directly because networkx's reader cannot refuse a DTD (the way in for entity
    expansion attacks; GraphML never needs one) and silently merges nodes or edges that share an id.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    lines: dict[str, dict[object, int]] = {"node": {}, "edge": {}}

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = name.rsplit(" ", 1)[-1]
        if tag in lines and "id" in attributes:
            seen, ident = lines[tag], attributes["id"]
            if ident in seen:
                raise ImportFailed(path, f"a second {tag} with the id {ident!r} (the first is on line "
                                         f"{seen[ident]})", f"line {parser.CurrentLineNumber}")
            seen[ident] = parser.CurrentLineNumber

    def doctype(*_: object) -> None:
        raise ImportFailed(path, "the file declares a DTD, which GraphML does not use and Circles does not "
                                 "read", f"line {parser.CurrentLineNumber}")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code)
        problem = "the XML ends too early (is the file cut short?)" if reason in _CUT_SHORT \
            else f"XML error: {reason}"
        raise ImportFailed(path, problem, f"line {exc.lineno}, column {exc.offset + 1}") from None
    except LookupError as exc:  # the XML declaration names an encoding Python does not know
        raise ImportFailed(path, f"the XML declares an encoding that cannot be read ({exc})", "line 1") from None
    return lines["node"], lines["edge"]


def _parse(path: PathLike, raw: bytes) -> nx.MultiDiGraph | nx.MultiGraph:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # about GraphML features Circles never writes (ports, hyperedge data)
        try:
            return nx.read_graphml(io.BytesIO(raw), force_multigraph=True, edge_key_type=str)
        except nx.NetworkXError as exc:
            raise ImportFailed(path, f"not GraphML that networkx can read ({exc})") from None
        except ElementTree.ParseError as exc:  # XML that expat let through but ElementTree does not
            raise ImportFailed(path, f"XML error: {exc}") from None  # the message names line and column
        except (KeyError, ValueError, TypeError) as exc:
            raise ImportFailed(path, f"a value does not match the type its <key> declares ({exc})") from None
