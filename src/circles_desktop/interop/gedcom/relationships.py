"""Partnerships and parent lines from FAM records; emotional and ecomap ties from Circles' extensions.

A FAM record from any program: HUSB and WIFE become one partnership (divorced if there is a DIV,
married if there is a MARR, engaged if only an ENGA, else cohabiting: a FAM says the two had a
child or a life together, not that they married), and each child gets a parent line from each
partner, of the type its FAMC.PEDI (or an ADOP event) gives.

A FAM written by Circles carries the exact relationships in ``_PARTNERSHIP`` and, under each CHIL,
``_PARENT``; then those are read and the standard tags (there for other programs) are not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...graph.model import (
    AnyRelationship,
    EcomapTie,
    Emotional,
    EmotionalType,
    Flow,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    SupportKind,
    TieStrength,
)
from .extensions import ID_TYPE
from .lines import Node, clean, flag
from .problems import quote

if TYPE_CHECKING:
    from .reader import Reader

_PEDIGREE = {"BIRTH": ParentageType.BIRTH, "ADOPTED": ParentageType.ADOPTIVE,
             "FOSTER": ParentageType.FOSTER}
# Words in a PEDI OTHER phrase (or a non-standard PEDI value) that name a Circles parent type.
_PEDIGREE_WORDS = (("step", ParentageType.STEP), ("kin", ParentageType.KINSHIP),
                   ("guardian", ParentageType.KINSHIP), ("adopt", ParentageType.ADOPTIVE),
                   ("foster", ParentageType.FOSTER), ("birth", ParentageType.BIRTH))


class Relationships:
    """Every relationship of the file, with the line each came from."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.problems = reader.problems
        self.items: list[AnyRelationship] = []
        self.lines: dict[str, int] = {}  # relationship id -> line it was read from
        self.used_ids: set[str] = set()
        self.parent_lines: dict[tuple[str, str, ParentageType], int] = {}  # (parent, child, type) -> line

    def read(self) -> Relationships:
        self._families()
        self._ties()
        return self

    def add(self, rel: AnyRelationship, line: int, *, once: bool = False) -> None:
        """Keep a relationship; with ``once``, not a second parent line of the same type between the
        same two people (a GEDCOM file may link a child to a parent through two families)."""
        if once and isinstance(rel, Parentage):
            key = (rel.source, rel.target, rel.type)
            if key in self.parent_lines:
                self.problems.add(line, f"the same parent line is given again (first on line "
                                        f"{self.parent_lines[key]}); ignored")
                return
            self.parent_lines[key] = line
        self.items.append(rel)
        self.lines[rel.id] = line

    def _common(self, node: Node) -> dict[str, Any]:
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
                date = self.reader.date(child, "start" if tag == "_START" else "end")
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

    def _person(self, node: Node, what: str) -> str | None:
        """The Circles id of the person a structure points to, or None (reported)."""
        xref = self.reader.pointer(node, what, ("INDI",))
        return self.reader.ids.get(xref) if xref else None

    # ----- FAM records ---------------------------------------------------------------------------

    def _families(self) -> None:
        links: dict[str, list[tuple[str, Node]]] = {}
        for child_xref, famc in self.reader.family_links:
            family_xref = self.reader.pointer(famc, "FAMC (the family of a child)", ("FAM",))
            if family_xref:
                links.setdefault(family_xref, []).append((child_xref, famc))
        families = self.reader.families
        families.reverse()
        while families:  # each record let go once read, so the relationships take its memory
            record = families.pop()
            self._family(record, links.pop(record.xref, []))

    def _family(self, record: Node, famc_links: list[tuple[str, Node]]) -> None:
        partners: list[str] = []
        roles: dict[str, str] = {}  # person id -> HUSB or WIFE
        for node in record.children:
            if node.tag not in ("HUSB", "WIFE"):
                continue
            person = self._person(node, node.tag)
            if person is None:
                continue
            if node.tag in roles.values():
                self.problems.add(node.line, f"a second {node.tag} in one family; ignored")
            elif person in partners:
                self.problems.add(node.line, "HUSB and WIFE are the same person; the second is ignored")
            else:
                partners.append(person)
                roles[person] = node.tag
        children = record.all("CHIL")
        circles_partnerships = record.all("_PARTNERSHIP")
        if circles_partnerships or any(child.first("_PARENT") for child in children):
            for node in circles_partnerships:
                self._circles_partnership(node, partners)
        elif len(partners) == 2:
            self._partnership(record, partners)
        by_child: dict[str, Node] = {}
        for node in children:
            xref = self.reader.pointer(node, "CHIL", ("INDI",))
            if xref:
                by_child.setdefault(xref, node)
        pedigrees = dict(famc_links)
        for child_xref, famc in famc_links:
            by_child.setdefault(child_xref, famc)
        for child_xref, node in by_child.items():
            child = self.reader.ids.get(child_xref)
            if child is None:
                continue
            circles_lines = node.all("_PARENT") if node.tag == "CHIL" else []
            for parent_node in circles_lines:
                self._circles_parentage(parent_node, child)
            if not circles_lines:
                adopted_by = self.reader.adoptions.get((child_xref, record.xref))
                self._parentage(child, node, pedigrees.get(child_xref), partners, roles, adopted_by)

    def _partnership(self, record: Node, partners: list[str]) -> None:
        marriage, divorce, engagement = record.first("MARR"), record.first("DIV"), record.first("ENGA")
        notes: list[str] = [n.value for n in record.all("NOTE")]
        kind = PartnershipType.COHABITING
        start = end = None
        if engagement is not None:
            kind = PartnershipType.ENGAGED
            start = self._event_date(engagement, "engagement", notes)
        if marriage is not None:
            kind = PartnershipType.MARRIED
            start = self._event_date(marriage, "marriage", notes)
        if divorce is not None:
            kind = PartnershipType.DIVORCED
            end = self._event_date(divorce, "divorce", notes)
        resn = record.text("RESN").upper()
        rel = Partnership(partners[0], partners[1], id=self._fresh_id(), type=kind, start=start, end=end,
                          notes="\n".join(notes), confidential="CONFIDENTIAL" in resn or "PRIVACY" in resn)
        self.add(rel, record.line)

    def _event_date(self, event: Node, what: str, notes: list[str]) -> PartialDate | None:
        date_node = event.first("DATE")
        if date_node is None:
            return None
        date = self.reader.date(date_node, what)
        if date is None:
            notes.append(f"{what.capitalize()} date in the GEDCOM file: {clean(date_node.value)}")
        return date

    def _circles_partnership(self, node: Node, partners: list[str]) -> None:
        source = self._person(node, "a partnership")
        if source is None:
            return
        if source not in partners or len(partners) != 2:
            self.problems.add(node.line, "a partnership must be between the family's two partners; ignored")
            return
        target = partners[1] if source == partners[0] else partners[0]
        fields = self._common(node)
        kind = self.reader.enum(PartnershipType, node.first("TYPE") or node)
        if kind is not None:
            self.add(Partnership(source, target, type=kind, **fields), node.line)

    def _circles_parentage(self, node: Node, child: str) -> None:
        parent = self._person(node, "a parent")
        if parent is None:
            return
        fields = self._common(node)
        kind = self.reader.enum(ParentageType, node.first("TYPE") or node)
        if kind is not None:
            responsible = flag(node.text("_RESPONSIBILITY"))
            self.add(Parentage(parent, child, type=kind, parental_responsibility=responsible, **fields), node.line)

    def _parentage(self, child: str, node: Node, famc: Node | None, partners: list[str], roles: dict[str, str],
                   adopted_by: str | None) -> None:
        kind, note = ParentageType.BIRTH, ""
        pedigree = famc.first("PEDI") if famc is not None else None
        if pedigree is not None:
            kind, note = _pedigree(pedigree)
        for parent in partners:
            parent_kind = ParentageType.ADOPTIVE if adopted_by in ("BOTH", roles[parent]) else kind
            rel = Parentage(parent, child, id=self._fresh_id(), type=parent_kind, notes=note)
            self.add(rel, node.line, once=True)

    # ----- Circles' emotional and ecomap ties -----------------------------------------------------

    def _ties(self) -> None:
        for source_xref, node in self.reader.ties:
            source = self.reader.ids.get(source_xref)
            target_xref = self.reader.pointer(node, "a tie", ("INDI", "_SERVICE", "_HOUSEHOLD"))
            target = self.reader.ids.get(target_xref) if target_xref else None
            if source is None or target is None:
                continue
            fields = self._common(node)
            if node.tag == "_EMOTIONAL":
                kind = self.reader.enum(EmotionalType, node.first("TYPE") or node)
                if kind is not None:
                    self.add(Emotional(source, target, type=kind, **fields), node.line)
            else:
                self.add(EcomapTie(source, target, **self._ecomap(node), **fields), node.line)

    def _ecomap(self, node: Node) -> dict[str, Any]:
        tie: dict[str, Any] = {}
        enum = self.reader.enum
        for child in node.children:
            tag = child.tag
            if tag == "_TIE_STRENGTH" and (strength := enum(TieStrength, child)) is not None:
                tie["strength"] = strength
            elif tag == "_STRESSFUL":
                tie["stressful"] = flag(child.value)
            elif tag == "_FLOW" and (flow := enum(Flow, child)) is not None:
                tie["flow"] = flow
            elif tag == "_FREQUENCY":
                tie["frequency"] = child.value
            elif tag == "_SUPPORT" and (support := enum(SupportKind, child)) is not None:
                tie["support"] = tie.get("support", frozenset()) | {support}
        return tie


def _pedigree(node: Node) -> tuple[ParentageType, str]:
    """A PEDI value (5.5.1 lower case, 7 upper case with an optional PHRASE) as a parent type.

    SEALING (a Latter-day Saints ordinance) and anything unrecognised are read as birth, with the
    pedigree kept in the parent line's notes.
    """
    value = node.value.strip()
    kind = _PEDIGREE.get(value.upper())
    if kind is not None:
        return kind, ""
    words = clean(f"{value} {node.text('PHRASE')}")
    if value.upper() != "SEALING":
        for word, kind in _PEDIGREE_WORDS:
            if word in words.lower():
                return kind, ""
    return ParentageType.BIRTH, f"GEDCOM pedigree: {words}"
