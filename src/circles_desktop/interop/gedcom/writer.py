"""A Circles case as a GEDCOM 7 file that other genealogy programs read and Circles reads back whole.

The family is written with standard tags (INDI with NAME, SEX, BIRT, DEAT, RESN; FAM with HUSB,
WIFE, CHIL, MARR, DIV; FAMC with PEDI), so any GEDCOM 7 program shows the people and who is whose
parent and partner. Everything else, and the exact relationships (ids, types, dates, parental
responsibility, who is the source of a tie), is written with Circles' extension tags, declared in
the header's SCHMA (see extensions.py and docs/gedcom-extensions.md).

Families: each partnership becomes one FAM. Each child's parents are then placed, one parent type
at a time, in the FAM of a couple among them where there is one, else in a FAM of two parents (or
one) made for them; children of the same parents share that FAM, as genealogy programs expect.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ...graph.codec import encode
from ...graph.document import CaseDocument
from ...graph.model import (
    AnyNode,
    AnyRelationship,
    EcomapTie,
    Emotional,
    Gender,
    Household,
    Node,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    Service,
)
from .dates import format_date
from .extensions import ID_TYPE, TAGS, URIS

_SEX = {Gender.MALE: "M", Gender.FEMALE: "F", Gender.NON_BINARY: "X", Gender.UNKNOWN: "U"}
_PEDI = {ParentageType.BIRTH: ("BIRTH", ""), ParentageType.ADOPTIVE: ("ADOPTED", ""),
         ParentageType.FOSTER: ("FOSTER", ""), ParentageType.STEP: ("OTHER", "step"),
         ParentageType.KINSHIP: ("OTHER", "kinship care")}
_MARRIED = {PartnershipType.MARRIED, PartnershipType.CIVIL_PARTNERSHIP, PartnershipType.SEPARATED,
            PartnershipType.DIVORCED, PartnershipType.WIDOWED}
# Husband first and wife second where the genders say so; GEDCOM 7 lets either slot hold anyone.
_SLOT_ORDER = {Gender.MALE: 0, Gender.NON_BINARY: 1, Gender.UNKNOWN: 1, Gender.FEMALE: 2}


def write_gedcom(doc: CaseDocument, path: Path | str) -> None:
    """Write the case as GEDCOM 7 (UTF-8), atomically: the file is whole or untouched."""
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(line + "\n" for line in gedcom_lines(doc))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def gedcom_lines(doc: CaseDocument) -> Iterator[str]:
    """The lines of the GEDCOM 7 file, without line ends."""
    xrefs = _xrefs(doc)
    families = _families(doc, xrefs)
    out = _Lines()
    _header(out, doc)
    yield from out.take()
    for node in doc.nodes():
        _record(out, doc, node, xrefs, families)
        yield from out.take()
    for family in families.all:
        _family(out, doc, family, xrefs)
        yield from out.take()
    yield "0 TRLR"


class _Lines:
    """GEDCOM lines in the making: multi-line text as CONT lines, a leading '@' doubled."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, level: int, tag: str, text: str = "", *, pointer: str = "", xref: str = "") -> None:
        head = f"{level} {xref} {tag}" if xref else f"{level} {tag}"
        if pointer:
            self.lines.append(f"{head} {pointer}")
            return
        first, *rest = _printable(text).split("\n")
        self.lines.append(f"{head} {_escaped(first)}" if first else head)
        self.lines.extend(f"{level + 1} CONT {_escaped(part)}" if part else f"{level + 1} CONT" for part in rest)

    def flag(self, level: int, tag: str, value: bool) -> None:
        if value:
            self.add(level, tag, "Y")

    def text(self, level: int, tag: str, text: str) -> None:
        """A text structure, left out when empty (as Circles' defaults are)."""
        if text:
            self.add(level, tag, text)

    def take(self) -> list[str]:
        lines, self.lines = self.lines, []
        return lines


def _printable(text: str) -> str:
    """GEDCOM lines end at CR or LF and cannot hold NUL: line breaks become LF, NUL is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _escaped(payload: str) -> str:
    return "@" + payload if payload.startswith("@") else payload


# ----- header ---------------------------------------------------------------------------------


def _header(out: _Lines, doc: CaseDocument) -> None:
    out.add(0, "HEAD")
    out.add(1, "GEDC")
    out.add(2, "VERS", "7.0")
    out.add(1, "SCHMA")
    for tag in TAGS:
        out.add(2, "TAG", f"{tag} {URIS[tag]}")
    out.add(1, "SOUR", "CIRCLES_DESKTOP")
    out.add(2, "VERS", __version__)
    out.add(2, "NAME", "Circles")
    info = doc.info
    out.add(1, "_CASE", info.name)
    out.text(2, "_REFERENCE", info.reference)
    out.text(2, "_SUMMARY", info.summary)
    out.text(2, "_AUTHOR", info.author)
    out.text(2, "_TEAM", info.team)
    if info.meetings:  # one JSON document in the case codec's form: see docs/gedcom-extensions.md
        meetings = encode(info)["meetings"]
        out.add(2, "_MEETINGS", json.dumps(meetings, ensure_ascii=False, separators=(",", ":")))


# ----- records ---------------------------------------------------------------------------------


def _xrefs(doc: CaseDocument) -> dict[str, str]:
    prefixes = {Person: "I", Service: "S", Household: "H"}
    counts = dict.fromkeys(prefixes.values(), 0)
    xrefs = {}
    for node in doc.nodes():
        prefix = prefixes[type(node)]
        counts[prefix] += 1
        xrefs[node.id] = f"@{prefix}{counts[prefix]}@"
    return xrefs


def _record(out: _Lines, doc: CaseDocument, node: AnyNode, xrefs: dict[str, str], families: _Families) -> None:
    xref = xrefs[node.id]
    if isinstance(node, Person):
        out.add(0, "INDI", xref=xref)
        _person(out, node, xref, families)
    elif isinstance(node, Service):
        out.add(0, "_SERVICE", xref=xref)
        out.text(1, "NAME", node.name)
        out.add(1, "_CATEGORY", node.category.value)
        out.text(1, "_CONTACT_PERSON", node.contact_person)
        out.text(1, "_LANGUAGE_OFFER", node.first_language_offer)
    else:
        out.add(0, "_HOUSEHOLD", xref=xref)
        out.text(1, "NAME", node.name)
        out.text(1, "ADDR", node.address)
        for member in sorted(node.members, key=lambda m: _number(xrefs[m])):
            out.add(1, "_MEMBER", pointer=xrefs[member])
    _node_common(out, node)
    for rel in doc.relationships_of(node.id):
        if rel.source == node.id and isinstance(rel, (Emotional, EcomapTie)):
            _tie(out, rel, xrefs)


def _number(xref: str) -> int:
    return int(xref[2:-1])


def _person(out: _Lines, person: Person, xref: str, families: _Families) -> None:
    if person.given_names or person.family_name or person.known_as:
        name = person.given_names.replace("/", " ")
        if person.family_name:
            name = f"{name} /{person.family_name.replace('/', ' ')}/".strip()
        out.add(1, "NAME", name)
        out.text(2, "GIVN", person.given_names)
        out.text(2, "SURN", person.family_name)
        out.text(2, "NICK", person.known_as)
    out.add(1, "SEX", _SEX[person.gender])
    if person.birth:
        out.add(1, "BIRT")
        out.add(2, "DATE", format_date(person.birth))
    if person.deceased:
        if person.death:
            out.add(1, "DEAT")
            out.add(2, "DATE", format_date(person.death))
        else:
            out.add(1, "DEAT", "Y")
    out.text(1, "OCCU", person.occupation)
    for family, kind in families.as_child.get(person.id, ()):
        out.add(1, "FAMC", pointer=family.xref)
        pedigree, phrase = _PEDI[kind]
        out.add(2, "PEDI", pedigree)
        out.text(3, "PHRASE", phrase)
    for family in families.as_partner.get(person.id, ()):
        out.add(1, "FAMS", pointer=family.xref)
    if person.approximate_age is not None:
        out.add(1, "_APPROX_AGE", str(person.approximate_age))
    if person.pregnancy.value != "none":
        out.add(1, "_PREGNANCY", person.pregnancy.value)
    out.text(1, "_LANGUAGE", person.first_language)
    out.flag(1, "_INTERPRETER", person.interpreter_needed)
    for heading, text in person.identity.items():
        out.add(1, "_IDENTITY", text)
        out.add(2, "TYPE", heading)
    for strength in person.strengths:
        out.add(1, "_STRENGTH", strength)
    for worry in person.worries:
        out.add(1, "_WORRY", worry)
    out.text(1, "_WISHES", person.wishes)
    for role in sorted(r.value for r in person.roles):
        out.add(1, "_ROLE", role)
    out.text(1, "_TWIN_GROUP", person.twin_group)
    out.flag(1, "_IDENTICAL_TWIN", person.identical_twin)
    out.flag(1, "_MUST_NOT_INVITE", person.must_not_invite)
    out.flag(1, "_MUST_NOT_BE_TOLD", person.must_not_be_told)
    out.text(1, "_SAFETY_REASON", person.safety_reason)


def _node_common(out: _Lines, node: Node) -> None:
    """What people, services and households share, and their Circles id."""
    if node.confidential:
        out.add(1, "RESN", "CONFIDENTIAL")
    _id(out, 1, node.id)
    out.text(1, "NOTE", node.notes)
    contact = getattr(node, "contact", None)
    if contact is not None and (contact.address or contact.phone or contact.email):
        out.add(1, "_CONTACT")
        out.text(2, "ADDR", contact.address)
        out.text(2, "PHON", contact.phone)
        out.text(2, "EMAIL", contact.email)
    for name in sorted(node.confidential_fields):
        out.add(1, "_CONFIDENTIAL_FIELD", name)
    for view, (x, y) in node.positions.items():
        out.add(1, "_POSITION", view)
        out.add(2, "_X", repr(float(x)))
        out.add(2, "_Y", repr(float(y)))
    if node.circle is not None:
        out.add(1, "_CIRCLE", node.circle.ring.value)
        out.add(2, "_SECTOR", node.circle.sector.value)


def _id(out: _Lines, level: int, circles_id: str) -> None:
    out.add(level, "EXID", circles_id)
    out.add(level + 1, "TYPE", ID_TYPE)


def _relationship_common(out: _Lines, level: int, rel: AnyRelationship) -> None:
    _id(out, level, rel.id)
    if rel.start:
        out.add(level, "_START", format_date(rel.start))
    if rel.end:
        out.add(level, "_END", format_date(rel.end))
    out.text(level, "NOTE", rel.notes)
    if rel.confidential:
        out.add(level, "RESN", "CONFIDENTIAL")


def _tie(out: _Lines, rel: Emotional | EcomapTie, xrefs: dict[str, str]) -> None:
    if isinstance(rel, Emotional):
        out.add(1, "_EMOTIONAL", pointer=xrefs[rel.target])
        out.add(2, "TYPE", rel.type.value)
    else:
        out.add(1, "_ECOMAP", pointer=xrefs[rel.target])
        out.add(2, "_TIE_STRENGTH", rel.strength.value)
        out.flag(2, "_STRESSFUL", rel.stressful)
        out.add(2, "_FLOW", rel.flow.value)
        out.text(2, "_FREQUENCY", rel.frequency)
        for support in sorted(s.value for s in rel.support):
            out.add(2, "_SUPPORT", support)
    _relationship_common(out, 2, rel)


# ----- families ----------------------------------------------------------------------------------


@dataclass
class _Family:
    xref: str
    partners: list[str]  # person ids, husband slot first
    partnership: Partnership | None = None
    children: dict[str, list[Parentage]] = field(default_factory=dict)  # child id -> its parent lines here


@dataclass
class _Families:
    all: list[_Family] = field(default_factory=list)
    by_parents: dict[frozenset[str], _Family] = field(default_factory=dict)
    as_child: dict[str, list[tuple[_Family, ParentageType]]] = field(default_factory=dict)
    as_partner: dict[str, list[_Family]] = field(default_factory=dict)

    def new(self, doc: CaseDocument, partners: Iterable[str], partnership: Partnership | None = None) -> _Family:
        ordered = sorted(partners, key=lambda p: _SLOT_ORDER[_gender(doc, p)])
        family = _Family(f"@F{len(self.all) + 1}@", ordered, partnership)
        self.all.append(family)
        self.by_parents.setdefault(frozenset(ordered), family)
        for person in ordered:
            self.as_partner.setdefault(person, []).append(family)
        return family


def _gender(doc: CaseDocument, node_id: str) -> Gender:
    node = doc.node(node_id)
    return node.gender if isinstance(node, Person) else Gender.UNKNOWN


def _families(doc: CaseDocument, xrefs: dict[str, str]) -> _Families:
    families = _Families()
    for rel in doc.relationships():
        if isinstance(rel, Partnership):
            families.new(doc, (rel.source, rel.target), rel)
    lines_by_child: dict[str, list[Parentage]] = {}
    for rel in doc.relationships():
        if isinstance(rel, Parentage):
            lines_by_child.setdefault(rel.target, []).append(rel)
    for child, lines in lines_by_child.items():
        by_kind: dict[ParentageType, list[Parentage]] = {}
        for line in lines:
            by_kind.setdefault(line.type, []).append(line)
        for kind, kind_lines in by_kind.items():
            family_of = _place_parents(doc, families, list(dict.fromkeys(line.source for line in kind_lines)))
            for line in kind_lines:
                family = family_of[line.source]
                if child not in family.children:
                    families.as_child.setdefault(child, []).append((family, kind))
                family.children.setdefault(child, []).append(line)
    return families


def _place_parents(doc: CaseDocument, families: _Families, parents: list[str]) -> dict[str, _Family]:
    """The family each parent of one child (of one parent type) is written in: couples first."""
    placed: dict[str, _Family] = {}
    remaining = list(parents)
    while remaining:
        first = remaining.pop(0)
        partner = next((p for p in remaining if frozenset((first, p)) in families.by_parents),
                       remaining[0] if remaining else None)
        group = [first, partner] if partner else [first]
        if partner:
            remaining.remove(partner)
        family = families.by_parents.get(frozenset(group)) or families.new(doc, group)
        for parent in group:
            placed[parent] = family
    return placed


def _family(out: _Lines, doc: CaseDocument, family: _Family, xrefs: dict[str, str]) -> None:
    out.add(0, "FAM", xref=family.xref)
    for slot, person in zip(("HUSB", "WIFE"), family.partners):
        out.add(1, slot, pointer=xrefs[person])
    rel = family.partnership
    if rel is not None:
        if rel.type is PartnershipType.ENGAGED:
            _event(out, "ENGA", rel.start)
        if rel.type in _MARRIED:
            _event(out, "MARR", rel.start)
        if rel.type is PartnershipType.DIVORCED:
            _event(out, "DIV", rel.end)
    for child, lines in family.children.items():
        out.add(1, "CHIL", pointer=xrefs[child])
        for line in lines:
            out.add(2, "_PARENT", pointer=xrefs[line.source])
            out.add(3, "TYPE", line.type.value)
            out.flag(3, "_RESPONSIBILITY", line.parental_responsibility)
            _relationship_common(out, 3, line)
    if rel is not None:
        out.add(1, "_PARTNERSHIP", pointer=xrefs[rel.source])
        out.add(2, "TYPE", rel.type.value)
        _relationship_common(out, 2, rel)


def _event(out: _Lines, tag: str, date: PartialDate | None) -> None:
    if date is None:
        out.add(1, tag, "Y")
    else:
        out.add(1, tag)
        out.add(2, "DATE", format_date(date))
