"""GEDCOM 5.5.1 and 7 files into a Circles case.

One pass over the records collects people (and Circles' services and households) and everything
that points elsewhere; the pointers are resolved once the whole file is read, because a family may
come before its members. What is not sound is left out and reported with its line, and the rest
still comes in:

* a pointer to a record that is not in the file, or to the wrong kind of record;
* a second record with an xref already used (the first one is kept);
* a parent line that would make someone their own ancestor (the later line is dropped);
* a date Circles cannot hold (its text is kept in the person's notes);
* dates that contradict each other (see soundness.py).

The mapping, and the extension tags for what GEDCOM has no tag for, are in docs/gedcom-extensions.md.
A record written by Circles (it carries ``EXID`` with Circles' id type) reads back exactly.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from ...graph.codec import CodecError, decode_case_info
from ...graph.document import CaseDocument
from ...graph.meeting import Meeting
from ...graph.model import (
    AnyNode,
    CaseInfo,
    CirclePlacement,
    Contact,
    Gender,
    Household,
    PartialDate,
    Person,
    PregnancyState,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    new_id,
)
from .dates import DateNotKept, parse_date
from .encoding import iter_lines, read_header
from .extensions import ID_TYPE, known_extensions
from .lines import Node, clean, flag, iter_records
from .problems import GedcomError, GedcomProblem, Problems, quote
from .relationships import Relationships
from .soundness import settle

E = TypeVar("E", bound=Enum)

_SEX = {"M": Gender.MALE, "F": Gender.FEMALE, "X": Gender.NON_BINARY, "U": Gender.UNKNOWN}
_QUOTED_NICKNAME = re.compile(r"\s*[\"“]([^\"”]+)[\"”]\s*")
_DEATH_TAGS = {"DEAT", "BURI", "CREM"}
# Structures the reader never looks at (sources, media, change dates, places...): the tokenizer
# leaves them out, and keeps only the first line of records of these kinds.
_DROP = frozenset({"SOUR", "OBJE", "CHAN", "PLAC", "MAP", "REFN", "RIN", "AFN", "QUAY", "PAGE", "DATA",
                   "CREA", "SUBM", "ANCI", "DESI", "ALIA"})
_BARE = frozenset({"SOUR", "REPO", "OBJE", "SUBM", "SUBN"})


@dataclass
class GedcomImport:
    """A case read from a GEDCOM file, not yet stored, and what was left out of it and why."""

    document: CaseDocument
    problems: list[GedcomProblem]
    people: int
    families: int


def read_gedcom(path: Path | str, *, name: str | None = None) -> GedcomImport:
    """Read a GEDCOM 5.5.1 or 7 file into a detached case document (no sink).

    Raises :class:`GedcomError` only when the file is not GEDCOM at all; anything less is a
    :class:`GedcomProblem` in the result, and the sound rest of the file is imported.
    """
    path = Path(path)
    problems = Problems()
    header = read_header(path, problems)
    reader = Reader(problems)
    records = iter_records(iter_lines(path, header, problems), problems, gedcom7=header.is_gedcom7,
                           extensions=known_extensions(header.schema), drop=_DROP, bare=_BARE)
    with _bulk():
        try:
            for record in records:
                reader.add(record)
        except OSError as exc:
            raise GedcomError(path, f"cannot be read ({exc.strerror or exc})") from None
        document = reader.finish(name or path.stem)
    return GedcomImport(document, problems.listed(), len(document.people()), reader.family_count)


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while building: an import makes millions of objects and no
    cycles, and the collector's repeated passes over them cost a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Draft:
    """A node being read: its constructor arguments, notes still to resolve, where it was."""

    kind: type
    line: int
    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[Node] = field(default_factory=list)  # NOTE and SNOTE structures, resolved at the end
    extra: list[str] = field(default_factory=list)  # what GEDCOM said that Circles has no field for
    has_circles_id: bool = False


class _IdMaker:
    """Ids as unique as :func:`new_id` (96 random bits per import, then a counter), made five times
    faster, which matters for 100,000 people."""

    def __init__(self) -> None:
        self.prefix = new_id()[:24]
        self.count = itertools.count()

    def __call__(self) -> str:
        return f"{self.prefix}{next(self.count):08x}"


class Reader:
    """Records in, drafts and links collected; :meth:`finish` resolves them into a document."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.info: dict[str, str] = {}
        self.records: dict[str, tuple[str, int]] = {}  # xref -> (record tag, line)
        self.drafts: list[tuple[str, _Draft]] = []  # (xref or "", draft) of every node, in file order
        self.families: list[Node] = []  # FAM records, read once every person is known
        self.family_count = 0
        self.shared_notes: dict[str, str] = {}
        self.family_links: list[tuple[str, Node]] = []  # (child xref, FAMC structure)
        self.spouse_links: list[Node] = []  # FAMS structures, only checked: FAM records say who partners
        self.adoptions: dict[tuple[str, str], str] = {}  # (child xref, family xref) -> HUSB/WIFE/BOTH
        self.ties: list[tuple[str, Node]] = []  # (source xref, _EMOTIONAL or _ECOMAP structure)
        self.associates: list[tuple[str, Node]] = []  # (person xref, ASSO structure)
        self.members: list[tuple[str, Node]] = []  # (household xref, _MEMBER structure)
        self.ids: dict[str, str] = {}  # xref -> Circles node id
        self.used_ids: set[str] = set()
        self.texts: dict[str, str] = {}  # one copy of each name: a large tree repeats most of them
        self.meetings: Node | None = None  # Circles' _MEETINGS, read once the case is known
        self.trailer_line = 0
        self.new_id = _IdMaker()

    # ----- one record at a time ---------------------------------------------------------------

    def add(self, record: Node) -> None:
        if self.trailer_line:
            if self.trailer_line > 0:
                self.problems.add(record.line, "records after the end of the file (TRLR) ignored")
                self.trailer_line = -1
            return
        tag, xref = record.tag, record.xref
        if xref:
            earlier = self.records.get(xref)
            if earlier is not None:
                self.problems.add(record.line, f"{xref} is used again (first by the {earlier[0]} record on "
                                               f"line {earlier[1]}); this {tag} record is ignored")
                return
            self.records[xref] = (tag, record.line)
        if tag == "INDI":
            self._keep(xref, self._person(record))
        elif tag == "FAM":
            self.family_count += 1
            self.families.append(record)
        elif tag in ("NOTE", "SNOTE") and xref:
            self.shared_notes[xref] = record.value
        elif tag == "_SERVICE":
            self._keep(xref, self._service(record))
        elif tag == "_HOUSEHOLD":
            self._keep(xref, self._household(record))
        elif tag == "HEAD":
            self._head(record)
        elif tag == "TRLR":
            self.trailer_line = record.line

    def _keep(self, xref: str, draft: _Draft) -> None:
        self.drafts.append((xref, draft))

    def _head(self, record: Node) -> None:
        case = record.first("_CASE")
        if case is not None:
            self.info["name"] = case.value
            for tag, key in (("_REFERENCE", "reference"), ("_SUMMARY", "summary"), ("_AUTHOR", "author"),
                             ("_TEAM", "team")):
                if (node := case.first(tag)) is not None:
                    self.info[key] = node.value
            self.meetings = case.first("_MEETINGS")

    def _person(self, record: Node) -> _Draft:
        draft = _Draft(Person, record.line)
        f = draft.fields
        xref = record.xref
        named = False
        for node in record.children:
            tag = node.tag
            if tag == "NAME":
                if named:
                    draft.extra.append(f"Also named: {clean(node.value.replace('/', ''))}")
                else:
                    f.update((key, self.shared(name)) for key, name in _names(node).items())
                    named = True
            elif tag == "SEX":
                letter = node.value.strip().upper()[:1]
                if letter in _SEX:
                    f["gender"] = _SEX[letter]
                elif letter:
                    self.problems.add(node.line, f"sex {quote(node.value)} is not M, F, X or U; read as unknown")
            elif tag == "BIRT":
                self._event_date(node, draft, "birth")
            elif tag in _DEATH_TAGS:
                f["deceased"] = True
                if tag == "DEAT":
                    self._event_date(node, draft, "death")
            elif tag == "FAMC":
                self.family_links.append((xref, node))
            elif tag == "FAMS":
                self.spouse_links.append(node)
            elif tag == "ADOP":
                for link in node.all("FAMC"):
                    self.adoptions[(xref, link.value.strip())] = link.text("ADOP").strip().upper() or "BOTH"
            elif tag == "ASSO":
                self.associates.append((xref, node))
            elif tag == "OCCU":
                f.setdefault("occupation", self.shared(node.value.strip()))
            elif tag == "TITL":
                draft.extra.append(f"Title: {clean(node.value)}")
            elif tag == "NICK" and not f.get("known_as"):
                f["known_as"] = node.value.strip()
            elif not self._common(node, draft, xref):
                self._person_extension(node, draft)
        return draft

    def _event_date(self, event: Node, draft: _Draft, what: str) -> None:
        date_node = event.first("DATE")
        if date_node is None or what in draft.fields:
            return
        date = self.date(date_node, what)
        if date is not None:
            draft.fields[what] = date
        else:
            draft.extra.append(f"{what.capitalize()} date in the GEDCOM file: {clean(date_node.value)}")

    def _common(self, node: Node, draft: _Draft, xref: str) -> bool:
        """What every node may carry; False when the structure is not one of these."""
        tag = node.tag
        f = draft.fields
        if tag == "NOTE" or tag == "SNOTE":
            draft.notes.append(node)
        elif tag == "RESN":
            if {"CONFIDENTIAL", "PRIVACY"} & set(re.split(r"[\s,]+", node.value.upper())):
                f["confidential"] = True
        elif tag == "EXID":
            node_id = node.value.strip()
            if node.text("TYPE").strip() == ID_TYPE and node_id:
                if node_id in self.used_ids:
                    self.problems.add(node.line, f"the Circles id {quote(node_id)} is used twice; a new one is made")
                else:
                    f["id"] = node_id
                    self.used_ids.add(node_id)
                    draft.has_circles_id = True
        elif tag == "_CONFIDENTIAL_FIELD":
            f["confidential_fields"] = f.get("confidential_fields", frozenset()) | {node.value}
        elif tag == "_POSITION":
            try:
                point = (float(node.text("_X")), float(node.text("_Y")))
            except ValueError:
                self.problems.add(node.line, "a position needs a number for _X and _Y; ignored")
            else:
                f.setdefault("positions", {})[node.value] = point
        elif tag == "_CIRCLE":
            ring = self.enum(Ring, node)
            sector = self.enum(Sector, node.first("_SECTOR") or node)
            if ring is not None and sector is not None:
                f["circle"] = CirclePlacement(ring, sector)
        elif tag == "_CONTACT":
            f["contact"] = Contact(node.text("ADDR"), node.text("PHON"), node.text("EMAIL"))
        elif tag in ("_EMOTIONAL", "_ECOMAP"):
            self.ties.append((xref, node))
        else:
            return False
        return True

    def _person_extension(self, node: Node, draft: _Draft) -> None:
        tag, value, f = node.tag, node.value, draft.fields
        if tag == "_APPROX_AGE":
            if value.strip().isdigit():
                f["approximate_age"] = int(value)
            else:
                self.problems.add(node.line, f"approximate age {quote(value)} is not a number; ignored")
        elif tag == "_PREGNANCY":
            self._set_enum(f, "pregnancy", PregnancyState, node)
        elif tag == "_LANGUAGE":
            f["first_language"] = value
        elif tag == "_INTERPRETER":
            f["interpreter_needed"] = flag(value)
        elif tag == "_IDENTITY":
            f.setdefault("identity", {})[node.text("TYPE")] = value
        elif tag == "_STRENGTH":
            f["strengths"] = (*f.get("strengths", ()), value)
        elif tag == "_WORRY":
            f["worries"] = (*f.get("worries", ()), value)
        elif tag == "_WISHES":
            f["wishes"] = value
        elif tag == "_ROLE":
            role = self.enum(Role, node)
            if role is not None:
                f["roles"] = f.get("roles", frozenset()) | {role}
        elif tag == "_TWIN_GROUP":
            f["twin_group"] = value
        elif tag == "_IDENTICAL_TWIN":
            f["identical_twin"] = flag(value)
        elif tag == "_MUST_NOT_INVITE":
            f["must_not_invite"] = flag(value)
        elif tag == "_MUST_NOT_BE_TOLD":
            f["must_not_be_told"] = flag(value)
        elif tag == "_SAFETY_REASON":
            f["safety_reason"] = value

    def _service(self, record: Node) -> _Draft:
        draft = _Draft(Service, record.line)
        f = draft.fields
        for node in record.children:
            if node.tag == "NAME":
                f["name"] = node.value
            elif node.tag == "_CATEGORY":
                self._set_enum(f, "category", ServiceCategory, node)
            elif node.tag == "_CONTACT_PERSON":
                f["contact_person"] = node.value
            elif node.tag == "_LANGUAGE_OFFER":
                f["first_language_offer"] = node.value
            else:
                self._common(node, draft, record.xref)
        return draft

    def _household(self, record: Node) -> _Draft:
        draft = _Draft(Household, record.line)
        for node in record.children:
            if node.tag == "NAME":
                draft.fields["name"] = node.value
            elif node.tag == "ADDR":
                draft.fields["address"] = node.value
            elif node.tag == "_MEMBER":
                self.members.append((record.xref, node))
            else:
                self._common(node, draft, record.xref)
        return draft

    # ----- helpers the relationship reader shares ------------------------------------------------

    def shared(self, text: str) -> str:
        """``text``, or the equal string read before."""
        return self.texts.setdefault(text, text)

    def date(self, node: Node, what: str) -> PartialDate | None:
        """A DATE payload as a Circles date, or None (reported: the caller keeps the text in notes)."""
        try:
            return parse_date(node.value)
        except DateNotKept as why:
            self.problems.add(node.line, f"{what} date {quote(node.value)} not kept ({why}); its text is in "
                                         "the notes")
            return None

    def enum(self, enum: type[E], node: Node) -> E | None:
        try:
            return enum(node.value.strip())
        except ValueError:
            allowed = ", ".join(m.value for m in enum)  # type: ignore[attr-defined]
            self.problems.add(node.line, f"{quote(node.value)} is not one of {allowed}; ignored")
            return None

    def _set_enum(self, fields: dict[str, Any], key: str, enum: type[Enum], node: Node) -> None:
        value = self.enum(enum, node)
        if value is not None:
            fields[key] = value

    def pointer(self, node: Node, what: str, expected: Iterable[str]) -> str | None:
        """The xref a structure points to, if it is a record of an expected kind; else reported."""
        xref = node.value.strip()
        if xref == "@VOID@":  # GEDCOM 7's explicit "nobody"
            return None
        if not (len(xref) > 2 and xref[0] == "@" and xref[-1] == "@"):
            self.problems.add(node.line, f"{what} should point to a record (@…@), not {quote(node.value)}; "
                                         "ignored")
            return None
        record = self.records.get(xref)
        if record is None:
            self.problems.add(node.line, f"{what} points to {xref}, which is not in the file; ignored")
            return None
        if record[0] not in expected:
            self.problems.add(node.line, f"{what} points to {xref}, a {record[0]} record (line {record[1]}), "
                                         "which is not the right kind of record; ignored")
            return None
        return xref

    # ----- the whole file read: resolve and check ----------------------------------------------

    def finish(self, default_name: str) -> CaseDocument:
        if not self.trailer_line:
            self.problems.add(0, "the file ends without TRLR, so it may be cut short; what it holds is imported")
        for link in self.spouse_links:
            self.pointer(link, "FAMS (a family of a partner)", ("FAM",))
        nodes, node_lines = self._nodes()
        relationships = Relationships(self).read()
        rels, rel_lines = relationships.items, relationships.lines
        del relationships
        self._read_members(nodes)
        self._read_associates(nodes)
        info = CaseInfo(name=self.info.get("name", default_name), reference=self.info.get("reference", ""),
                        summary=self.info.get("summary", ""), author=self.info.get("author", ""),
                        team=self.info.get("team", ""), meetings=self._meetings())
        self._let_go()
        return settle(info, nodes, node_lines, rels, rel_lines, self.problems)

    def _let_go(self) -> None:
        """Free what only reading needed before the document is built, so the document can reuse
        its memory: for 100,000 people that is tens of megabytes less at the peak."""
        for collected in (self.records, self.families, self.shared_notes, self.family_links, self.spouse_links,
                          self.adoptions, self.ties, self.associates, self.members, self.ids, self.used_ids, self.texts):
            collected.clear()
        self.meetings = None
        parse_date.cache_clear()  # its dates and their texts, kept from one import to the next otherwise

    def _meetings(self) -> tuple[Meeting, ...]:
        """Meetings and plans, kept by Circles as one JSON document in the case codec's form."""
        if self.meetings is None:
            return ()
        try:
            return decode_case_info({"name": "", "meetings": json.loads(self.meetings.value)}).meetings
        except (ValueError, CodecError) as exc:  # json's errors are ValueErrors too
            self.problems.add(self.meetings.line, f"the meetings and plans cannot be read ({exc}); left out")
            return ()

    def _nodes(self) -> tuple[dict[str, AnyNode], dict[str, int]]:
        """Every node by its Circles id, and the line each came from; ``self.ids`` maps xrefs to ids."""
        nodes: dict[str, AnyNode] = {}
        lines: dict[str, int] = {}
        drafts, self.drafts = self.drafts, []
        drafts.reverse()
        while drafts:  # each draft let go as its node is made, so the nodes take the drafts' memory
            xref, draft = drafts.pop()
            texts = [text for note in draft.notes if (text := self._note_text(note))]
            if xref and not draft.has_circles_id:
                # Made now rather than while reading, next to the nodes that keep it rather than among
                # the records that are let go: that leaves fewer holes in memory.
                draft.extra.append(f"GEDCOM record {xref}")
            f = draft.fields
            if "id" not in f:
                f["id"] = self.new_id()
            node = draft.kind(**f, notes="\n".join(texts + draft.extra))
            nodes[node.id] = node
            lines[node.id] = draft.line
            if xref:
                self.ids[xref] = node.id
        return nodes, lines

    def _note_text(self, note: Node) -> str | None:
        value = note.value
        if note.tag == "SNOTE" or (value.startswith("@") and value.endswith("@") and len(value) > 2
                                   and "@" not in value[1:-1]):
            xref = self.pointer(note, "a note", ("NOTE", "SNOTE"))
            return self.shared_notes.get(xref) if xref else None
        return value

    def _read_members(self, nodes: dict[str, AnyNode]) -> None:
        for household_xref, node in self.members:
            member = self.pointer(node, "a household member", ("INDI",))
            household = nodes.get(self.ids.get(household_xref, ""))
            if member and isinstance(household, Household):
                nodes[household.id] = replace(household, members=household.members | {self.ids[member]})

    def _read_associates(self, nodes: dict[str, AnyNode]) -> None:
        """ASSO becomes a line in the person's notes: see docs/gedcom-extensions.md for why."""
        for person_xref, node in self.associates:
            other = self.pointer(node, "an associate (ASSO)", ("INDI",))
            if not other or person_xref not in self.ids:
                continue
            relation = node.text("RELA") or node.text("ROLE")
            phrase = (node.first("ROLE") or node).text("PHRASE")
            described = clean(phrase or relation.replace("_", " ").lower()) or "associate"
            person = nodes[self.ids[person_xref]]
            line = f"Associate: {nodes[self.ids[other]].label} ({described})"
            nodes[person.id] = replace(person, notes=f"{person.notes}\n{line}" if person.notes else line)


def _names(node: Node) -> dict[str, str]:
    """Given names, family name and known-as from a NAME structure.

    ``NAME John "Jack" /Smith/ Jr.`` gives John, Smith Jr. and Jack; GIVN, SURN (with SPFX) and
    NICK, where present, win over what the NAME line says.
    """
    before, slash, rest = node.value.partition("/")
    surname, _, suffix = rest.partition("/")
    given = clean(before)
    family = clean(surname) if slash else ""
    known_as = ""
    givn, surn, nick = node.first("GIVN"), node.first("SURN"), node.first("NICK")
    if givn is None and nick is None and (match := _QUOTED_NICKNAME.search(given)):
        known_as = match.group(1).strip()
        given = clean(given[: match.start()] + " " + given[match.end():])
    if givn is not None:
        given = givn.value.strip()
    if surn is not None:
        family = f"{node.text('SPFX').strip()} {surn.value.strip()}".strip()
    if suffix.strip():
        family = f"{family} {clean(suffix)}".strip()
    if nick is not None:
        known_as = nick.value.strip()
    names = {"given_names": given, "family_name": family}
    if known_as:
        names["known_as"] = known_as
    return names
