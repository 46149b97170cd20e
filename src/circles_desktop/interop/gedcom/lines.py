"""GEDCOM lines into record trees, one level-0 record at a time, keeping each line's number.

A GEDCOM line is ``level [@xref@] tag [value]``. This module turns lines into a tree per record
(``0 @I1@ INDI`` with its subordinate lines), joins CONT/CONC continuation lines into their
parent's value, undoes the ``@@`` escape, and gives extension tags their meaning from the header's
SCHMA. Damage is repaired where the intent is clear and reported either way: blank lines and lines
that are not GEDCOM are skipped, a level that jumps (``1 BIRT`` then ``3 DATE``) is read as the
next level down, a level above 99 is refused.

Records are yielded one by one, so memory stays bounded by the largest record, not the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .problems import Problems, quote

_TAG = re.compile(r"[A-Za-z0-9_]+")
_NO_CHILDREN: tuple[Node, ...] = ()


class Node:
    """One GEDCOM structure: its tag, payload, line number and subordinate structures."""

    __slots__ = ("tag", "value", "line", "xref", "children")

    def __init__(self, tag: str, value: str, line: int, xref: str = "") -> None:
        self.tag = tag
        self.value = value
        self.line = line
        self.xref = xref
        self.children: list[Node] | tuple[Node, ...] = _NO_CHILDREN

    def first(self, tag: str) -> Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def all(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def text(self, tag: str) -> str:
        """The payload of the first subordinate with this tag, or "" when there is none."""
        child = self.first(tag)
        return child.value if child is not None else ""

    def __repr__(self) -> str:
        return f"Node({self.tag!r}, {self.value!r}, line={self.line}, children={len(self.children)})"


class _Continuations:
    """CONT/CONC pieces of one record, joined when the record is complete (never quadratic)."""

    def __init__(self) -> None:
        self.pieces: dict[int, tuple[Node, list[str]]] = {}

    def add(self, node: Node, piece: str, newline: bool) -> None:
        entry = self.pieces.get(id(node))
        if entry is None:
            entry = self.pieces[id(node)] = (node, [node.value])
        if newline:
            entry[1].append("\n")
        entry[1].append(piece)

    def finish(self) -> None:
        for node, parts in self.pieces.values():
            node.value = "".join(parts)
        self.pieces.clear()


def iter_records(
    lines: Iterable[tuple[int, str]],
    problems: Problems,
    *,
    gedcom7: bool = False,
    extensions: dict[str, str] | None = None,
    drop: frozenset[str] = frozenset(),
    bare: frozenset[str] = frozenset(),
) -> Iterator[Node]:
    """Record trees from numbered lines.

    ``extensions`` maps the file's extension tags to the names the reader knows them by (from the
    header's SCHMA); any other extension structure is someone else's and is left out, like the
    structures tagged in ``drop``. Records tagged in ``bare`` (and others' extension records) come
    without their content. Not building what nobody reads halves the time and memory of a large
    import.
    """
    ext = extensions or {}
    tags: dict[str, str] = {}  # every tag seen, to one shared string
    continuations = _Continuations()
    record: Node | None = None
    stack: list[Node] = []
    skip_below = -1  # while >= 0: the level of a structure left out, whose subordinates are skipped
    for number, line in lines:
        space = line.find(" ")
        digits = line[:space]
        if space <= 0 or not digits.isdigit():  # blank, indented or not GEDCOM: the slow path
            if not line or line.isspace():
                problems.add(number, "blank line ignored")
                continue
            line = line.lstrip(" \t\ufeff")
            space = line.find(" ")
            digits = line[:space] if space > 0 else ""
            if not digits.isdigit():
                problems.add(number, f"not a GEDCOM line (no level number), ignored: {quote(line)}")
                continue
        if len(digits) > 2 or not digits.isascii():
            problems.add(number, f"level {int(digits)} is deeper than GEDCOM allows (99); line ignored"
                         if digits.isascii() else f"not a GEDCOM line (no level number), ignored: {quote(line)}")
            continue
        if "\x00" in line:
            problems.add(number, "binary data (NUL bytes) in the line; line ignored")
            continue
        level = int(digits)
        if skip_below >= 0:
            if level > skip_below:
                continue
            skip_below = -1
        rest = line[space + 1:]
        if rest[:1] == " ":
            rest = rest.lstrip(" ")
        xref = ""
        if rest[:1] == "@":
            close = rest.find("@", 1)
            if close < 0:
                token, _, rest = rest.partition(" ")
                problems.add(number, f"the cross-reference {quote(token)} is not closed with '@'; it is ignored")
            else:
                xref, rest = rest[: close + 1], rest[close + 1:].lstrip(" ")
        space = rest.find(" ")
        tag, value = (rest, "") if space < 0 else (rest[:space], rest[space + 1:])
        known = tags.get(tag)
        if known is None:
            if not _TAG.fullmatch(tag):
                problems.add(number, f"not a GEDCOM line (no tag), ignored: {quote(line)}")
                continue
            known = tags[tag] = ext.get(tag, "?" + tag) if tag[0] == "_" else tag
        tag = known
        if "@@" in value:  # the escape for a payload "@": GEDCOM 7 only at the start, 5.5.1 anywhere
            if not gedcom7:
                value = value.replace("@@", "@")
            elif value.startswith("@@"):
                value = value[1:]

        if level == 0:
            if record is not None:
                continuations.finish()
                yield record
            record = Node(tag, value, number, xref)
            stack = [record]
            if tag in bare or tag[0] == "?":
                skip_below = 0
            continue
        if record is None:
            problems.add(number, "line before the first record ignored")
            continue
        depth = len(stack)
        if level > depth:
            problems.add(number, f"level {level} follows level {depth - 1}; read as level {depth}")
            level = depth
        elif level < depth:
            del stack[level:]
        if tag in drop or tag[0] == "?":
            skip_below = level
            continue
        parent = stack[-1]
        if tag == "CONT" or tag == "CONC":
            continuations.add(parent, value, tag == "CONT")
            continue
        node = Node(tag, value, number, xref)
        kids = parent.children
        if kids:
            kids.append(node)  # type: ignore[union-attr]
        else:
            parent.children = [node]
        stack.append(node)
    if record is not None:
        continuations.finish()
        yield record


def clean(text: str) -> str:
    """A payload as one line with single spaces, for names and short texts from other programs."""
    return " ".join(text.split())


def flag(value: str) -> bool:
    """A yes/no payload: Circles writes Y."""
    return value.strip().upper() in ("Y", "YES", "TRUE")
