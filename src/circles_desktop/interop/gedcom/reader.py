"""GEDCOM 5.5.1 and 7 files into a Circles case.

One pass over the records collects people, families and everything that points elsewhere; the
pointers are resolved once the whole file is read, because a family may come before its members.
What is not sound is left out and reported with its line, and the rest still comes in:

* a pointer to a record that is not in the file, or to the wrong kind of record;
* a second record with an xref already used (the first one is kept);
* a parent line that would make someone their own ancestor (the later line is dropped);
* a date Circles cannot hold (kept as text in the person's or relationship's notes);
* dates that contradict each other, which the case's validation would refuse (the later date
  is moved to the notes).

The mapping from GEDCOM to Circles, and the extension tags for what GEDCOM cannot say, are in
docs/gedcom-extensions.md. A record written by Circles (it carries ``EXID`` with Circles' id type,
and its relationships carry Circles' extension structures) reads back exactly as it was written.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from ...graph.document import CaseDocument
from ...graph.edits import Change
from ...graph.model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    CirclePlacement,
    Contact,
    EcomapTie,
    Emotional,
    EmotionalType,
    Flow,
    Gender,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    PregnancyState,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
    TieStrength,
    new_id,
)
from ...graph.validation import Severity, check_changes
from .cycles import lines_closing_loops
from .dates import DateNotKept, parse_date
from .encoding import iter_lines, read_header
from .extensions import ID_TYPE, known_extensions
from .lines import Node, iter_records
from .problems import GedcomError, GedcomProblem, Problems, quote

E = TypeVar("E", bound=Enum)

_SEX = {"M": Gender.MALE, "F": Gender.FEMALE, "X": Gender.NON_BINARY, "U": Gender.UNKNOWN}
_PEDIGREE = {"BIRTH": ParentageType.BIRTH, "ADOPTED": ParentageType.ADOPTIVE,
             "FOSTER": ParentageType.FOSTER}
# Words in a PEDI OTHER phrase (or a non-standard PEDI value) that name a Circles parent type.
_PEDIGREE_WORDS = (("step", ParentageType.STEP), ("kin", ParentageType.KINSHIP),
                   ("guardian", ParentageType.KINSHIP), ("adopt", ParentageType.ADOPTIVE),
                   ("foster", ParentageType.FOSTER), ("birth", ParentageType.BIRTH))
_YES = {"Y", "YES", "TRUE"}
_QUOTED_NICKNAME = re.compile(r"\s*[\"“]([^\"”]+)[\"”]\s*")
_DEATH_TAGS = {"DEAT", "BURI", "CREM"}


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
    reader = _Reader(problems)
    records = iter_records(iter_lines(path, header, problems), problems, gedcom7=header.is_gedcom7,
                           extensions=known_extensions(header.schema))
    with _bulk():
        try:
            for record in records:
                reader.add(record)
        except OSError as exc:
            raise GedcomError(path, f"cannot be read ({exc.strerror or exc})") from None
        document = reader.finish(name or path.stem)
    return GedcomImport(document, problems.items, len(document.people()), reader.family_count)


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
    notes: list[str | Node] = field(default_factory=list)  # text, or a NOTE/SNOTE pointer to resolve
    extra: list[str] = field(default_factory=list)  # what GEDCOM said that Circles has no field for
    has_circles_id: bool = False


@dataclass
class _Family:
    record: Node
    children: list[Node] = field(default_factory=list)  # CHIL structures
    partnerships: list[Node] = field(default_factory=list)  # Circles' _PARTNERSHIP structures


class _Reader:
    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.info: dict[str, str] = {}
        self.records: dict[str, tuple[str, int]] = {}  # xref -> (record tag, line)
        self.people: dict[str, _Draft] = {}
        self.others: dict[str, _Draft] = {}  # services and households
        self.anonymous: list[_Draft] = []  # records without an xref (nothing can point to them)
        self.families: list[_Family] = []
        self.family_count = 0
        self.shared_notes: dict[str, str] = {}
        self.family_links: list[tuple[str, Node]] = []  # (child xref, FAMC structure)
        self.spouse_links: list[Node] = []  # FAMS structures, only checked: FAM records say who partners
        self.adoptions: dict[tuple[str, str], str] = {}  # (child xref, family xref) -> HUSB/WIFE/BOTH
        self.ties: list[tuple[str, Node]] = []  # (source xref, _EMOTIONAL or _ECOMAP structure)
        self.associates: list[tuple[str, Node]] = []  # (person xref, ASSO structure)
        self.members: list[tuple[str, Node]] = []  # (household xref, _MEMBER structure)
        self.ids: dict[str, str] = {}  # xref -> Circles node id
        self.node_lines: dict[str, int] = {}  # Circles node id -> line of its record
        self.used_ids: set[str] = set()
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
            self._keep(xref, self._person(record), self.people)
        elif tag == "FAM":
            self._family(record)
        elif tag in ("NOTE", "SNOTE") and xref:
            self.shared_notes[xref] = record.value
        elif tag == "_SERVICE":
            self._keep(xref, self._service(record), self.others)
        elif tag == "_HOUSEHOLD":
            self._keep(xref, self._household(record), self.others)
        elif tag == "HEAD":
            self._head(record)
        elif tag == "TRLR":
            self.trailer_line = record.line

    def _keep(self, xref: str, draft: _Draft, into: dict[str, _Draft]) -> None:
        if xref:
            into[xref] = draft
            if not draft.has_circles_id:
                draft.extra.append(f"GEDCOM record {xref}")
        else:
            self.anonymous.append(draft)

    def _head(self, record: Node) -> None:
        case = record.first("_CASE")
        if case is not None:
            self.info["name"] = case.value
            for tag, key in (("_REFERENCE", "reference"), ("_SUMMARY", "summary"), ("_AUTHOR", "author"),
                             ("_TEAM", "team")):
                if (node := case.first(tag)) is not None:
                    self.info[key] = node.value

    def _person(self, record: Node) -> _Draft:
        draft = _Draft(Person, record.line)
        f = draft.fields
        xref = record.xref
        named = False
        for node in record.children:
            tag = node.tag
            if tag == "NAME":
                if named:
                    draft.extra.append(f"Also named: {_clean(node.value.replace('/', ''))}")
                else:
                    f.update(_names(node))
                    named = True
            elif tag == "SEX":
                letter = node.value.strip().upper()[:1]
                if letter in _SEX:
                    f["gender"] = _SEX[letter]
                elif letter:
                    self.problems.add(node.line, f"sex {quote(node.value)} is not M, F, X or U; read as unknown")
            elif tag == "BIRT":
                self._event_date(node, draft, "birth", "Birth")
            elif tag in _DEATH_TAGS:
                f["deceased"] = True
                if tag == "DEAT":
                    self._event_date(node, draft, "death", "Death")
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
                if "occupation" not in f:
                    f["occupation"] = _clean(node.value)
            elif tag == "TITL":
                draft.extra.append(f"Title: {_clean(node.value)}")
            elif tag == "NICK" and not f.get("known_as"):
                f["known_as"] = _clean(node.value)
            elif not self._common(node, draft, xref):
                self._person_extension(node, draft)
        return draft

    def _event_date(self, event: Node, draft: _Draft, key: str, label: str) -> None:
        date_node = event.first("DATE")
        if date_node is None or key in draft.fields:
            return
        date = self._date(date_node, draft, label)
        if date is not None:
            draft.fields[key] = date

    def _date(self, node: Node, draft: _Draft | None, label: str) -> PartialDate | None:
        """A date, or None with its text put in the notes and a problem reported."""
        try:
            return parse_date(node.value)
        except DateNotKept as why:
            text = _clean(node.value)
            if draft is not None:
                draft.extra.append(f"{label} date in the GEDCOM file: {text}")
            self.problems.add(node.line, f"{label.lower()} date {quote(text)} not kept ({why}); "
                                         "its text is in the notes")
            return None

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
            if node.text("TYPE").strip() == ID_TYPE and node.value.strip():
                node_id = node.value.strip()
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
            ring = self._enum(Ring, node)
            sector = self._enum(Sector, node.first("_SECTOR") or node)
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
            f["interpreter_needed"] = _flag(value)
        elif tag == "_IDENTITY":
            f.setdefault("identity", {})[node.text("TYPE")] = value
        elif tag == "_STRENGTH":
            f["strengths"] = (*f.get("strengths", ()), value)
        elif tag == "_WORRY":
            f["worries"] = (*f.get("worries", ()), value)
        elif tag == "_WISHES":
            f["wishes"] = value
        elif tag == "_ROLE":
            role = self._enum(Role, node)
            if role is not None:
                f["roles"] = f.get("roles", frozenset()) | {role}
        elif tag == "_TWIN_GROUP":
            f["twin_group"] = value
        elif tag == "_IDENTICAL_TWIN":
            f["identical_twin"] = _flag(value)
        elif tag == "_MUST_NOT_INVITE":
            f["must_not_invite"] = _flag(value)
        elif tag == "_MUST_NOT_BE_TOLD":
            f["must_not_be_told"] = _flag(value)
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

    def _family(self, record: Node) -> None:
        self.family_count += 1
        self.families.append(_Family(record, record.all("CHIL"), record.all("_PARTNERSHIP")))

    # ----- small readers ---------------------------------------------------------------------

    def _enum(self, enum: type[E], node: Node) -> E | None:
        try:
            return enum(node.value.strip())
        except ValueError:
            self.problems.add(node.line, f"{quote(node.value)} is not one of "
                                         f"{', '.join(m.value for m in enum)}; ignored")  # type: ignore[attr-defined]
            return None

    def _set_enum(self, fields: dict[str, Any], key: str, enum: type[Enum], node: Node) -> None:
        value = self._enum(enum, node)
        if value is not None:
            fields[key] = value

    def _pointer(self, node: Node, what: str, expected: Iterable[str]) -> str | None:
        """The xref a structure points to, if it is a record of an expected kind; else report."""
        xref = node.value.strip()
        if xref == "@VOID@":  # GEDCOM 7's explicit "nobody"
            return None
        if not (len(xref) > 2 and xref[0] == "@" and xref[-1] == "@"):
            self.problems.add(node.line, f"{what} should point to a record (@…@), not {quote(node.value)}; ignored")
            return None
        record = self.records.get(xref)
        if record is None:
            self.problems.add(node.line, f"{what} points to {xref}, which is not in the file; ignored")
            return None
        if record[0] not in expected:
            self.problems.add(node.line, f"{what} points to {xref}, a {record[0]} record on line {record[1]}, "
                                         "which is not the right kind of record; ignored")
            return None
        return xref

    # ----- the whole file read: resolve and check ----------------------------------------------

    def finish(self, default_name: str) -> CaseDocument:
        if not self.trailer_line:
            self.problems.add(0, "the file ends without TRLR, so it may be cut short; what it holds is imported")
        for link in self.spouse_links:
            self._pointer(link, "FAMS (a family of a partner)", ("FAM",))
        nodes = self._nodes()
        rels = _Relationships(self)
        rels.read_families()
        rels.read_ties()
        self._read_members(nodes)
        self._read_associates(nodes)
        info = CaseInfo(name=self.info.get("name") or default_name, reference=self.info.get("reference", ""),
                        summary=self.info.get("summary", ""), author=self.info.get("author", ""),
                        team=self.info.get("team", ""))
        return _settle(info, nodes, self.node_lines, rels, self.problems)

    def _nodes(self) -> dict[str, AnyNode]:
        """Every node, by its Circles id; ``self.ids`` maps xrefs to those ids."""
        nodes: dict[str, AnyNode] = {}
        drafts = [*((x, d) for x, d in self.people.items()), *((x, d) for x, d in self.others.items()),
                  *(("", d) for d in self.anonymous)]
        for xref, draft in drafts:
            notes = [self._note_text(part) for part in draft.notes]
            text = "\n".join(part for part in (*notes, *draft.extra) if part is not None)
            f = draft.fields
            if "id" not in f:
                f["id"] = self._fresh_id()
            node = draft.kind(**f, notes=text)
            nodes[node.id] = node
            self.node_lines[node.id] = draft.line
            if xref:
                self.ids[xref] = node.id
        return nodes

    def _fresh_id(self) -> str:
        node_id = self.new_id()
        self.used_ids.add(node_id)
        return node_id

    def _note_text(self, part: str | Node) -> str | None:
        if isinstance(part, str):
            return part
        value = part.value
        if part.tag == "SNOTE" or (value.startswith("@") and value.endswith("@") and len(value) > 2
                                   and "@" not in value[1:-1]):
            xref = self._pointer(part, "a note", ("NOTE", "SNOTE"))
            return self.shared_notes.get(xref) if xref else None
        return value

    def _read_members(self, nodes: dict[str, AnyNode]) -> None:
        for household_xref, node in self.members:
            member = self._pointer(node, "a household member", ("INDI",))
            household = nodes[self.ids[household_xref]] if household_xref in self.ids else None
            if member and isinstance(household, Household):
                nodes[household.id] = replace(household, members=household.members | {self.ids[member]})

    def _read_associates(self, nodes: dict[str, AnyNode]) -> None:
        """ASSO becomes a line in the person's notes: see docs/gedcom-extensions.md for why."""
        for person_xref, node in self.associates:
            other = self._pointer(node, "an associate (ASSO)", ("INDI",))
            if not other or person_xref not in self.ids:
                continue
            relation = node.text("RELA") or node.text("ROLE")
            phrase = (node.first("ROLE") or node).text("PHRASE")
            described = _clean(phrase or relation.replace("_", " ").lower()) or "associate"
            person = nodes[self.ids[person_xref]]
            line = f"Associate: {nodes[self.ids[other]].label} ({described})"
            nodes[person.id] = replace(person, notes="\n".join(filter(None, (person.notes, line))))


class _Relationships:
    """Partnerships and parent lines from FAM records, ties from Circles' extensions."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.problems = reader.problems
        self.items: list[AnyRelationship] = []
        self.lines: dict[str, int] = {}  # relationship id -> line it was read from
        self.used_ids: set[str] = set()
        self.parent_lines: dict[tuple[str, str], int] = {}  # (parent id, child id) -> line

    def add(self, rel: AnyRelationship, line: int, *, once: bool = False) -> None:
        """Keep a relationship; with ``once``, not a second parent line between the same two people
        (a standard GEDCOM file may link a child to one parent through two families)."""
        if once:
            key = (rel.source, rel.target)
            if key in self.parent_lines:
                self.problems.add(line, f"the same parent line is given again (first on line "
                                        f"{self.parent_lines[key]}); ignored")
                return
            self.parent_lines[key] = line
        self.items.append(rel)
        self.lines[rel.id] = line

    def common(self, node: Node) -> dict[str, Any]:
        """Id, dates, notes and confidentiality of a relationship written by Circles."""
        fields: dict[str, Any] = {}
        for child in node.children:
            tag = child.tag
            if tag == "EXID" and child.text("TYPE").strip() == ID_TYPE and child.value.strip():
                if child.value.strip() in self.used_ids:
                    self.problems.add(child.line, f"the Circles id {quote(child.value)} is used twice; "
                                                  "a new one is made")
                else:
                    fields["id"] = child.value.strip()
                    self.used_ids.add(fields["id"])
            elif tag in ("_START", "_END"):
                date = self.reader._date(child, None, "Start" if tag == "_START" else "End")
                if date is not None:
                    fields["start" if tag == "_START" else "end"] = date
            elif tag == "NOTE":
                fields["notes"] = child.value
            elif tag == "RESN":
                fields["confidential"] = "CONFIDENTIAL" in child.value.upper()
        fields.setdefault("id", self._fresh_id())
        return fields

    def _fresh_id(self) -> str:
        rel_id = self.reader.new_id()
        self.used_ids.add(rel_id)
        return rel_id

    def person(self, xref: str | None) -> str | None:
        if xref is None:
            return None
        node_id = self.reader.ids.get(xref)
        return node_id

    def read_families(self) -> None:
        links: dict[str, list[tuple[str, Node]]] = {}
        for child_xref, famc in self.reader.family_links:
            family_xref = self.reader._pointer(famc, "FAMC (the family of a child)", ("FAM",))
            if family_xref:
                links.setdefault(family_xref, []).append((child_xref, famc))
        for family in self.reader.families:
            self._family(family, links.get(family.record.xref, []))

    def _family(self, family: _Family, famc_links: list[tuple[str, Node]]) -> None:
        partners: list[str] = []
        roles: dict[str, str] = {}  # person id -> HUSB or WIFE
        for node in family.record.children:
            if node.tag not in ("HUSB", "WIFE"):
                continue
            xref = self.reader._pointer(node, node.tag, ("INDI",))
            person = self.person(xref)
            if person is None:
                continue
            if any(roles.get(p) == node.tag for p in partners):
                self.problems.add(node.line, f"a second {node.tag} in one family; ignored")
                continue
            if person in partners:
                self.problems.add(node.line, "HUSB and WIFE are the same person; the second is ignored")
                continue
            partners.append(person)
            roles[person] = node.tag
        written_by_circles = bool(family.partnerships) or any(c.first("_PARENT") for c in family.children)
        if written_by_circles:
            for node in family.partnerships:
                self._circles_partnership(node, partners)
        elif len(partners) == 2:
            self._partnership(family.record, partners)
        family_xref = family.record.xref
        pedigrees = {child_xref: famc for child_xref, famc in famc_links}
        children: dict[str, Node] = {}
        for node in family.children:
            xref = self.reader._pointer(node, "CHIL", ("INDI",))
            if xref and xref not in children:
                children[xref] = node
        for child_xref, famc in famc_links:
            children.setdefault(child_xref, famc)
        for child_xref, node in children.items():
            child = self.person(child_xref)
            if child is None:
                continue
            parent_nodes = node.all("_PARENT") if node.tag == "CHIL" else []
            if parent_nodes:
                for parent_node in parent_nodes:
                    self._circles_parentage(parent_node, child)
            else:
                self._parentage(family_xref, child_xref, child, node, pedigrees.get(child_xref), partners, roles)

    def _partnership(self, record: Node, partners: list[str]) -> None:
        marriage, divorce, engagement = record.first("MARR"), record.first("DIV"), record.first("ENGA")
        notes: list[str] = [n.value for n in record.all("NOTE")]
        kind = PartnershipType.COHABITING
        start = end = None
        if engagement is not None:
            kind = PartnershipType.ENGAGED
            start = self._event_date(engagement, "Engagement", notes)
        if marriage is not None:
            kind = PartnershipType.MARRIED
            start = self._event_date(marriage, "Marriage", notes)
        if divorce is not None:
            kind = PartnershipType.DIVORCED
            end = self._event_date(divorce, "Divorce", notes)
        resn = record.text("RESN").upper()
        rel = Partnership(partners[0], partners[1], id=self._fresh_id(), type=kind, start=start, end=end,
                          notes="\n".join(notes), confidential="CONFIDENTIAL" in resn or "PRIVACY" in resn)
        self.add(rel, record.line)

    def _event_date(self, event: Node, label: str, notes: list[str]) -> PartialDate | None:
        date_node = event.first("DATE")
        if date_node is None:
            return None
        date = self.reader._date(date_node, None, label)
        if date is None:
            notes.append(f"{label} date in the GEDCOM file: {_clean(date_node.value)}")
        return date

    def _circles_partnership(self, node: Node, partners: list[str]) -> None:
        source = self.person(self.reader._pointer(node, "a partnership", ("INDI",)))
        if source is None:
            return
        if source not in partners or len(partners) != 2:
            self.problems.add(node.line, "a partnership must be between the family's two partners; ignored")
            return
        target = partners[1] if source == partners[0] else partners[0]
        fields = self.common(node)
        kind = self.reader._enum(PartnershipType, node.first("TYPE") or node)
        if kind is not None:
            self.add(Partnership(source, target, type=kind, **fields), node.line)

    def _circles_parentage(self, node: Node, child: str) -> None:
        parent = self.person(self.reader._pointer(node, "a parent", ("INDI",)))
        if parent is None:
            return
        fields = self.common(node)
        kind = self.reader._enum(ParentageType, node.first("TYPE") or node)
        if kind is not None:
            responsible = _flag(node.text("_RESPONSIBILITY"))
            self.add(Parentage(parent, child, type=kind, parental_responsibility=responsible, **fields), node.line)

    def _parentage(self, family_xref: str, child_xref: str, child: str, node: Node, famc: Node | None,
                   partners: list[str], roles: dict[str, str]) -> None:
        kind, note = ParentageType.BIRTH, ""
        pedigree = famc.first("PEDI") if famc is not None else None
        if pedigree is not None:
            kind, note = _pedigree(pedigree)
        adopted_by = self.reader.adoptions.get((child_xref, family_xref))
        for parent in partners:
            parent_kind = kind
            if adopted_by in ("BOTH", roles[parent]):
                parent_kind = ParentageType.ADOPTIVE
            rel = Parentage(parent, child, id=self._fresh_id(), type=parent_kind, notes=note)
            self.add(rel, node.line, once=True)

    def read_ties(self) -> None:
        for source_xref, node in self.reader.ties:
            source = self.person(source_xref)
            target = self.person(self.reader._pointer(node, "a tie", ("INDI", "_SERVICE", "_HOUSEHOLD")))
            if source is None or target is None:
                continue
            fields = self.common(node)
            if node.tag == "_EMOTIONAL":
                kind = self.reader._enum(EmotionalType, node.first("TYPE") or node)
                if kind is not None:
                    self.add(Emotional(source, target, type=kind, **fields), node.line)
                continue
            tie: dict[str, Any] = {}
            for child in node.children:
                if child.tag == "_TIE_STRENGTH":
                    self.reader._set_enum(tie, "strength", TieStrength, child)
                elif child.tag == "_STRESSFUL":
                    tie["stressful"] = _flag(child.value)
                elif child.tag == "_FLOW":
                    self.reader._set_enum(tie, "flow", Flow, child)
                elif child.tag == "_FREQUENCY":
                    tie["frequency"] = child.value
                elif child.tag == "_SUPPORT":
                    kind_of_support = self.reader._enum(SupportKind, child)
                    if kind_of_support is not None:
                        tie["support"] = tie.get("support", frozenset()) | {kind_of_support}
            self.add(EcomapTie(source, target, **tie, **fields), node.line)


class _IdMaker:
    """Ids as unique as :func:`new_id` (96 random bits per import, then a counter), made 5x faster,
    which matters for 100,000 people."""

    def __init__(self) -> None:
        self.prefix = new_id()[:24]
        self.count = itertools.count()

    def __call__(self) -> str:
        return f"{self.prefix}{next(self.count):08x}"


def _pedigree(node: Node) -> tuple[ParentageType, str]:
    """A PEDI value (5.5.1 lower case, 7 upper case with an optional PHRASE) as a parent type."""
    value = node.value.strip()
    kind = _PEDIGREE.get(value.upper())
    if kind is not None:
        return kind, ""
    words = f"{value} {node.text('PHRASE')}".lower()
    for word, kind in _PEDIGREE_WORDS:
        if word in words and value.upper() != "SEALING":
            return kind, ""
    return ParentageType.BIRTH, f"GEDCOM pedigree: {_clean(words)}"


def _names(node: Node) -> dict[str, str]:
    """Given names, family name and known-as from a NAME structure.

    ``NAME John "Jack" /Smith/ Jr.`` gives John, Smith Jr. and Jack; GIVN, SURN (with SPFX) and
    NICK, where present, win over what the NAME line says.
    """
    before, slash, rest = node.value.partition("/")
    surname, _, suffix = rest.partition("/")
    given = _clean(before)
    family = _clean(surname) if slash else ""
    known_as = ""
    givn, surn, nick = node.first("GIVN"), node.first("SURN"), node.first("NICK")
    if givn is None and nick is None and (match := _QUOTED_NICKNAME.search(given)):
        known_as = match.group(1).strip()
        given = _clean(given[: match.start()] + " " + given[match.end():])
    if givn is not None:
        given = givn.value.strip()
    if surn is not None:
        prefix = node.text("SPFX").strip()
        family = f"{prefix} {surn.value.strip()}".strip()
    if suffix.strip():
        family = f"{family} {_clean(suffix)}".strip()
    if nick is not None:
        known_as = nick.value.strip()
    names = {"given_names": given, "family_name": family}
    if known_as:
        names["known_as"] = known_as
    return names


def _clean(text: str) -> str:
    return " ".join(text.split())


def _flag(value: str) -> bool:
    return value.strip().upper() in _YES


# ----- making the case pass its own validation --------------------------------------------------


def _settle(info: CaseInfo, nodes: dict[str, AnyNode], node_lines: dict[str, int], rels: _Relationships,
            problems: Problems) -> CaseDocument:
    """The document, after removing what Circles' validation would refuse (each one reported)."""
    _drop_loops(rels, nodes, problems)
    _fix_dates(nodes, node_lines, rels, problems)
    items = rels.items
    while True:
        document = CaseDocument(info)
        document.load(info, list(nodes.values()), items)
        changes = [Change(None, x) for x in (*nodes.values(), *items)]
        errors = [p for p in check_changes(document, changes) if p.severity is Severity.ERROR]
        if not errors:
            return document
        wrong = {p.subject_id: p for p in errors}
        kept = [rel for rel in items if rel.id not in wrong]
        changed = len(kept) < len(items)
        for rel in items:
            if rel.id in wrong:
                problems.add(rels.lines.get(rel.id, 0), f"left out: {wrong.pop(rel.id).message}")
        for node_id, problem in wrong.items():
            node = nodes.get(node_id)
            line = node_lines.get(node_id, 0)
            if isinstance(node, Person) and (node.birth or node.death or node.approximate_age is not None):
                problems.add(line, f"dates left out: {problem.message}")  # keep the person, not the dates
                nodes[node_id] = replace(node, birth=None, death=None, approximate_age=None,
                                         notes=_plus(node.notes, _date_note(node)))
            elif node is not None:
                problems.add(line, f"left out: {problem.message}")
                del nodes[node_id]
                kept = [r for r in kept if node_id not in (r.source, r.target)]
            else:  # not about one node or relationship: nothing to leave out, so report it and stop
                problems.add(0, problem.message)
                continue
            changed = True
        if not changed:
            return document
        items = kept


def _date_note(person: Person) -> str:
    parts = [f"{label}: {date}" for label, date in (("Born", person.birth), ("Died", person.death)) if date]
    return "Dates in the GEDCOM file: " + ", ".join(parts) if parts else ""


def _drop_loops(rels: _Relationships, nodes: dict[str, AnyNode], problems: Problems) -> None:
    parents = [r for r in rels.items if isinstance(r, Parentage)]
    doomed = {parents[i].id for i in lines_closing_loops([(r.source, r.target) for r in parents])}
    for rel in parents:
        if rel.id in doomed:
            parent, child = nodes[rel.source].label, nodes[rel.target].label
            problems.add(rels.lines[rel.id], f"the parent line from {parent} to {child} is left out: it would "
                                             f"make {child} their own ancestor")
    rels.items = [r for r in rels.items if r.id not in doomed]


def _fix_dates(nodes: dict[str, AnyNode], node_lines: dict[str, int], rels: _Relationships,
               problems: Problems) -> None:
    """Dates that contradict each other, moved to the notes (the same rules as graph.validation)."""
    for node_id, node in nodes.items():
        if isinstance(node, Person) and node.birth and node.death and _after(node.birth, node.death):
            problems.add(node_lines[node_id], f"{node.label}: death date {node.death} is before birth date {node.birth}; "
                            "the death date is moved to the notes")
            nodes[node_id] = replace(node, death=None, notes=_plus(node.notes, f"Died: {node.death}"))
    fixed: list[AnyRelationship] = []
    for rel in rels.items:
        if rel.start and rel.end and _after(rel.start, rel.end):
            problems.add(rels.lines[rel.id], f"end date {rel.end} is before start date {rel.start}; the end "
                                             "date is moved to the relationship's notes")
            rel = replace(rel, end=None, notes=_plus(rel.notes, f"Ended: {rel.end}"))
        fixed.append(rel)
        if isinstance(rel, Parentage) and rel.type is ParentageType.BIRTH:
            parent, child = nodes[rel.source], nodes[rel.target]
            if isinstance(parent, Person) and isinstance(child, Person) and parent.birth and child.birth \
                    and not _after(child.birth, parent.birth):
                problems.add(rels.lines[rel.id], f"{child.label} (born {child.birth}) is not born after their "
                                                 f"parent {parent.label} (born {parent.birth}); the child's birth "
                                                 "date is moved to their notes")
                nodes[child.id] = replace(child, birth=None, notes=_plus(child.notes, f"Born: {child.birth}"))
    rels.items = fixed


def _after(a: PartialDate, b: PartialDate) -> bool:
    """``a`` is certainly later than ``b`` (approximate dates get the benefit of the doubt)."""
    return a.earliest() > b.latest()


def _plus(notes: str, line: str) -> str:
    return f"{notes}\n{line}" if notes else line
