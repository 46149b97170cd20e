"""The JSON case file: one case as a versioned UTF-8 text file (docs/case-file-format.md).

The file holds what :mod:`circles_desktop.graph.codec` makes of each object, so the database, this
file and GraphML can never disagree about a field. Writing is canonical (nodes and relationships in
one fixed order, keys in the codec's order), so exporting the same case twice gives the same bytes
and a case file diffs well under version control.

Reading trusts nothing: every way a file can be wrong ends in one :class:`ImportFailed` naming the
file and the place (a line and column, or a node or relationship and its field), and the case is
only handed back once the whole of it has passed the same validation as an edit in the editor.

The GraphML module reuses the shared steps here (ordering, version check, strict JSON, assembling
and validating the document, atomic writing), since a GraphML file is these same objects in XML.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..graph.codec import CodecError, decode_case_info, decode_node, decode_relationship, encode
from ..graph.document import CaseDocument
from ..graph.edits import Change, Edit
from ..graph.model import AnyNode, AnyRelationship, CaseInfo
from ..graph.validation import ValidationError
from .errors import ImportFailed

FORMAT = "circles-case"
VERSION = 1

PathLike = str | os.PathLike[str]
T = TypeVar("T")

_TOP_LEVEL = ("format", "version", "case", "nodes", "relationships")
_NODE_ORDER = {"person": 0, "service": 1, "household": 2}


# ----- writing -------------------------------------------------------------------------------------


def write_case_json(doc: CaseDocument, path: PathLike) -> None:
    """Write the case to ``path`` as a JSON case file, replacing any file there in one step."""
    nodes, relationships = ordered_parts(doc)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "case": encode(doc.info),
        "nodes": [encode(node) for node in nodes],
        "relationships": [encode(rel) for rel in relationships],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    write_atomically(path, text.encode("utf-8"))


def ordered_parts(doc: CaseDocument) -> tuple[list[AnyNode], list[AnyRelationship]]:
    """The case's nodes (people, services, households, each by id) and relationships (by id).

    A fixed order, not the order of editing, so that the same case always exports the same bytes
    whether it came from the editor, the database or an earlier file.
    """
    nodes = sorted(doc.nodes(), key=lambda node: (_NODE_ORDER.get(node.kind, len(_NODE_ORDER)), node.id))
    relationships = sorted(doc.relationships(), key=lambda rel: rel.id)
    return nodes, relationships


def write_atomically(path: PathLike, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new, never half of one.

    The temporary file is made by :func:`tempfile.mkstemp`, so the result is readable by its owner
    only: a case file holds sensitive data about children.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows opening a directory (POSIX)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    handle = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


# ----- reading -------------------------------------------------------------------------------------


def read_case_json(path: PathLike) -> CaseDocument:
    """Read a JSON case file into a new, detached document (no sink), or raise :class:`ImportFailed`."""
    data = parse_json(path, utf8_text(path, read_input(path)))
    if not isinstance(data, dict):
        raise ImportFailed(path, f"not a Circles case file: the JSON is {_json_type(data)}, not an object")
    if data.get("format") != FORMAT:
        raise ImportFailed(path, f"not a Circles case file: \"format\" is {data.get('format')!r}, "
                                 f"expected {FORMAT!r}", "format")
    check_version(path, data.get("version"), "version")
    for key in data:
        if key not in _TOP_LEVEL:
            raise ImportFailed(path, f"unknown field {key!r} (a version {VERSION} case file has only "
                                     f"{', '.join(_TOP_LEVEL)})", key)
    for key in ("case", "nodes", "relationships"):
        if key not in data:
            raise ImportFailed(path, f"the field {key!r} is missing", key)
    info = decode_part(path, "case", decode_case_info, data["case"])
    nodes = [(f"nodes[{i}]", decode_part(path, f"nodes[{i}]", decode_node, item))
             for i, item in enumerate(_list(path, "nodes", data["nodes"]))]
    relationships = [(f"relationships[{i}]", decode_part(path, f"relationships[{i}]", decode_relationship, item))
                     for i, item in enumerate(_list(path, "relationships", data["relationships"]))]
    return assemble(path, info, nodes, relationships)


def read_input(path: PathLike) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"cannot be read ({exc.strerror or exc})") from None


def utf8_text(path: PathLike, raw: bytes) -> str:
    """The file as text, refusing binary files and bytes that are not UTF-8 (a leading BOM is allowed)."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ImportFailed(path, "a binary file (or text not in UTF-8), not a case file", _byte_place(raw, nul))
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFailed(path, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot start or continue "
                                 "a character); save the file as UTF-8", _byte_place(raw, exc.start)) from None


def _byte_place(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, byte {column}"


class _RefusedJSON(ValueError):
    """JSON that the standard parser accepts but a case file must not contain."""


def parse_json(path: PathLike, text: str, within: str = "") -> Any:
    """Strict JSON: no duplicate keys, no NaN or infinities.

    ``within`` names where embedded JSON sits (a GraphML attribute); without it, the text is the
    whole file and a syntax error is reported by line and column.
    """
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        cut_short = exc.msg.startswith("Unterminated string") or not text[exc.pos:].strip()
        problem = "the JSON ends too early (is the file cut short?)" if cut_short else f"not valid JSON ({exc.msg})"
        place = f"{within}, character {exc.pos + 1}" if within else f"line {exc.lineno}, column {exc.colno}"
        raise ImportFailed(path, problem, place) from None
    except _RefusedJSON as exc:
        raise ImportFailed(path, str(exc), within) from None
    except RecursionError:
        raise ImportFailed(path, "the JSON is nested too deeply to be a case", within) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RefusedJSON(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _RefusedJSON(f"{name} is not a number a case file may contain")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _RefusedJSON(f"the number {text[:20]} is too large")
    return value


def check_version(path: PathLike, version: object, where: str) -> None:
    """Refuse a version this reader does not know, above all one from a newer Circles."""
    if type(version) is not int:
        raise ImportFailed(path, f"the case-file version must be a whole number, found {version!r}", where)
    if version > VERSION:
        raise ImportFailed(path, f"written by a newer Circles (case-file version {version}; this Circles "
                                 f"reads up to version {VERSION}): update Circles to open it", where)
    if version < 1:
        raise ImportFailed(path, f"unknown case-file version {version}", where)


def decode_part(path: PathLike, where: str, decode: Callable[[Any], T], data: Any) -> T:
    try:
        return decode(data)
    except CodecError as exc:
        raise ImportFailed(path, str(exc), where) from None


def _list(path: PathLike, where: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ImportFailed(path, f"expected a list, found {_json_type(value)}", where)
    return value


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null"}.get(
        type(value), "a number")


def assemble(path: PathLike, info: CaseInfo, nodes: Sequence[tuple[str, AnyNode]],
             relationships: Sequence[tuple[str, AnyRelationship]]) -> CaseDocument:
    """A detached document from decoded parts, each with the place it came from for messages.

    The parts go in as one edit, so the import is judged by exactly the checks an edit in the
    editor must pass (nobody their own ancestor, dates in order, a relationship that fits its ends).
    """
    node_places: dict[str, str] = {}
    for place, node in nodes:
        if node.id in node_places:
            raise ImportFailed(path, f"the id {node.id!r} is used twice (also at {node_places[node.id]})", place)
        node_places[node.id] = place
    rel_places: dict[str, str] = {}
    for place, rel in relationships:
        if rel.id in rel_places:
            raise ImportFailed(path, f"the id {rel.id!r} is used twice (also at {rel_places[rel.id]})", place)
        rel_places[rel.id] = place
        for end, node_id in (("source", rel.source), ("target", rel.target)):
            if node_id not in node_places:
                raise ImportFailed(path, f"the {rel.kind.value} relationship {rel.id!r} has the {end} "
                                         f"{node_id!r}, which is not a node in this file", place)
    doc = CaseDocument(info)
    changes = [Change(None, node) for _, node in nodes] + [Change(None, rel) for _, rel in relationships]
    try:
        doc.apply(Edit(f"Import {Path(path).name}", tuple(changes)))
    except ValidationError as exc:
        problem = exc.problems[0]
        where = rel_places.get(problem.subject_id) or node_places.get(problem.subject_id, "")
        raise ImportFailed(path, problem.message, where) from None
    return doc
