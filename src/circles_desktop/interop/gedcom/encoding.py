"""Which character set a GEDCOM file is in, and its lines as text.

The order of evidence: a byte-order mark; NUL bytes in the first line (UTF-16 without a mark);
GEDCOM 7 (always UTF-8); then the header's ``1 CHAR`` line. Files often lie about their
character set, so a line that is not valid UTF-8 in a file that says UTF-8 (or ASCII) is read as
Windows-1252 and reported, rather than refused.

Lines are read one at a time through :class:`io.TextIOWrapper` (C-speed decoding and CR, LF and
CRLF line ends alike), so a large file never needs to be in memory as a whole.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .ansel import decode_ansel
from .problems import GedcomError, Problems, quote

# The header is read from this much of the start of the file; headers are a few hundred bytes.
_SAMPLE_BYTES = 1 << 18

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 with a byte-order mark"),
    (b"\xff\xfe", "utf-16", "UTF-16 (little-endian, byte-order mark)"),
    (b"\xfe\xff", "utf-16", "UTF-16 (big-endian, byte-order mark)"),
)

# HEAD.CHAR values as written by real programs, to the codec that reads them. ASCII is read as
# UTF-8 (a superset), so a file that says ASCII but holds UTF-8 still reads right.
_CHARSETS = {
    "UTF-8": "utf-8", "UTF8": "utf-8", "UNICODE": "utf-8", "ASCII": "utf-8", "ANSI_X3.4": "utf-8",
    "ANSEL": "ansel",
    "ANSI": "cp1252", "IBM WINDOWS": "cp1252", "IBM_WINDOWS": "cp1252", "WINDOWS": "cp1252",
    "WINDOWS-1252": "cp1252", "CP1252": "cp1252", "LATIN1": "cp1252", "LATIN-1": "cp1252",
    "ISO-8859-1": "cp1252", "ISO8859-1": "cp1252",
    "IBMPC": "cp437", "IBM PC": "cp437", "IBM-PC": "cp437", "IBM DOS": "cp437", "MSDOS": "cp437",
    "MS-DOS": "cp437", "CP437": "cp437", "DOS": "cp437",
}

_CODEC_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252 (ANSI)", "cp437": "IBM PC (code page 437)",
                "ansel": "ANSEL"}

_LINE_END = re.compile(r"\r\n|\r|\n")
_FIRST_LINE = re.compile(r"[ \t]*0[ \t]+(@[^@]+@[ \t]+)?([A-Za-z0-9_]+)")


@dataclass
class Header:
    """What the start of the file says about how to read the rest of it."""

    codec: str  # a Python codec name, or "ansel"
    declared: str = ""  # HEAD.CHAR as written
    version: str = ""  # HEAD.GEDC.VERS as written
    schema: dict[str, str] = field(default_factory=dict)  # HEAD.SCHMA.TAG: extension tag -> URI
    has_head: bool = True

    @property
    def is_gedcom7(self) -> bool:
        return self.version.strip().startswith("7")


def read_header(path: Path, problems: Problems) -> Header:
    """Decide how to decode the file, or raise :class:`GedcomError` if it is not GEDCOM at all."""
    try:
        with open(path, "rb") as stream:
            sample = stream.read(_SAMPLE_BYTES)
    except IsADirectoryError:
        raise GedcomError(path, "is a folder, not a GEDCOM file") from None
    except OSError as exc:
        raise GedcomError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not sample.strip():
        raise GedcomError(path, "is empty, so it is not a GEDCOM file")

    codec, how = _codec_from_bytes(sample)
    text = sample.decode(codec if codec else "latin-1", errors="replace")
    lines = _LINE_END.split(text)
    first = next((line for line in lines if line.strip()), "").lstrip("\ufeff")
    match = _FIRST_LINE.match(first)
    if match is None or "\x00" in first:
        raise GedcomError(path, "is not a GEDCOM file: it does not begin with a '0 HEAD' line "
                                "(it may be another kind of file, or damaged)")
    header = _parse_head(lines) if match.group(2) == "HEAD" else Header(codec="", has_head=False)
    if not header.has_head:
        problems.add(1, "the file has no HEAD record; it is read as GEDCOM 5.5.1")
    header.codec = codec or _codec_from_declaration(header, problems)
    if how and header.declared and _CHARSETS.get(header.declared.upper()) not in (None, "utf-8"):
        problems.add(0, f"the header says the characters are {quote(header.declared)} but the file is "
                        f"{how}; it is read as {how}")
    return header


def _codec_from_bytes(sample: bytes) -> tuple[str, str]:
    """A codec the bytes themselves prove (byte-order mark or UTF-16 NULs), with how it was seen."""
    for bom, codec, how in _BOMS:
        if sample.startswith(bom):
            return codec, how
    head = sample.lstrip(b"\r\n")[:2]
    if len(head) == 2 and head[1] == 0 and head[0] != 0:
        return "utf-16-le", "UTF-16 (little-endian)"
    if len(head) == 2 and head[0] == 0 and head[1] != 0:
        return "utf-16-be", "UTF-16 (big-endian)"
    return "", ""


def _codec_from_declaration(header: Header, problems: Problems) -> str:
    if header.is_gedcom7:
        return "utf-8"
    if not header.declared:
        if header.has_head:
            problems.add(0, "the header does not say which character set the file uses; it is read as UTF-8")
        return "utf-8"
    codec = _CHARSETS.get(" ".join(header.declared.upper().split()))
    if codec is None:
        problems.add(0, f"unknown character set {quote(header.declared)} in the header; the file is read "
                        "as UTF-8")
        return "utf-8"
    return codec


def _parse_head(lines: list[str]) -> Header:
    """CHAR, GEDC.VERS and SCHMA.TAG from the HEAD record, read before the rest is decoded."""
    header = Header(codec="")
    parents: dict[int, str] = {}
    started = False
    for raw in lines:
        parts = raw.strip().lstrip("\ufeff").split(None, 2)
        if len(parts) < 2 or not parts[0].isdigit():
            continue
        level, tag = int(parts[0]), parts[1]
        value = parts[2] if len(parts) > 2 else ""
        if level == 0:
            if started:
                break
            started = True
            continue
        parents[level] = tag
        if level == 1 and tag == "CHAR":
            header.declared = value.strip()
        elif level == 2 and tag == "VERS" and parents.get(1) == "GEDC":
            header.version = value.strip()
        elif level == 2 and tag == "TAG" and parents.get(1) == "SCHMA":
            ext = value.split()
            if len(ext) == 2:
                header.schema[ext[0]] = ext[1]
    return header


def iter_lines(path: Path, header: Header, problems: Problems) -> Iterator[tuple[int, str]]:
    """Each line of the file as (line number, text without its line end)."""
    codec = header.codec
    if codec.startswith("utf-16"):
        read_as, errors = codec, "replace"
    elif codec == "ansel":
        read_as, errors = "latin-1", "strict"
    else:
        read_as, errors = codec, "surrogateescape"
    with open(path, "rb") as raw, io.TextIOWrapper(raw, encoding=read_as, errors=errors, newline=None) as text:
        for number, line in enumerate(text, 1):
            if line[-1:] == "\n":
                line = line[:-1]
            if not line.isascii():
                line = _repair(line, number, codec, problems)
            yield number, line


def _repair(line: str, number: int, codec: str, problems: Problems) -> str:
    """Finish decoding a line with characters beyond ASCII; report what could not be read."""
    if codec == "ansel":
        text, undefined = decode_ansel(line.encode("latin-1"))
        if undefined:
            problems.add(number, f"{undefined} byte(s) have no meaning in ANSEL and were replaced by '\ufffd'")
        return text
    if codec.startswith("utf-16"):
        if "\ufffd" in line:
            problems.add(number, "characters that are not valid UTF-16 were replaced by '\ufffd'")
        return line
    try:
        line.encode("utf-8")
        return line
    except UnicodeEncodeError:
        pass  # surrogate escapes: bytes the codec could not decode
    codec = "utf-8" if codec == "utf-8-sig" else codec
    data = line.encode(codec, "surrogateescape")
    if codec == "utf-8":
        problems.add(number, "this line is not valid UTF-8, as the header says; it is read as Windows-1252")
        return data.decode("cp1252", errors="replace")
    problems.add(number, f"bytes with no meaning in {_CODEC_NAMES.get(codec, codec)} were replaced by '\ufffd'")
    return data.decode(codec, errors="replace")
