"""Audience profiles: what each reader of an export may see, decided once for reports and drawings.

Every export states its audience. The case file and professionals see the whole network (the
professional copy without confidential contact details); the family and the child see nothing
confidential: no confidential person or service, no confidential field (``node.confidential_fields``
such as ``contact.address``), nobody marked must-not-be-told or must-not-be-invited or excluded from
a meeting, no confidential relationship, and no text that names any of them. Drawings take
:attr:`Redaction.hidden`; free text goes through :meth:`Redaction.text`.

A household stays in the picture when someone the audience may see lives there, but its name may
name someone hidden ("Tom's home", "The Okoros' (foster home)"). Such a household is *renamed* for
that audience ("Home" where the child lives, else "A household"): builders draw from
:meth:`Redaction.document`, the case with those neutral names, and :meth:`Redaction.text` puts the
neutral name where free text quotes the household's own.

>>> from .model import CaseInfo, Person
>>> from .document import CaseDocument
>>> doc = CaseDocument(CaseInfo("Example"))
>>> doc.load(doc.info, [Person(id="f", given_names="Tariq", must_not_be_told=True)], [])
>>> family = redaction_for(doc, Audience.FAMILY)
>>> sorted(family.hidden), family.text("Tariq must not know the address.")
(['f'], '[withheld] must not know the address.')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from .model import Household, Person, Service

if TYPE_CHECKING:
    from .document import CaseDocument
    from .model import AnyNode

WITHHELD = "[withheld]"
HOME = "Home"  # a renamed household the child lives in
A_HOUSEHOLD = "A household"  # any other renamed household


class Audience(str, Enum):
    CASE_FILE = "case-file"
    PROFESSIONAL = "professional"
    FAMILY = "family"
    CHILD = "child"

    @property
    def is_family(self) -> bool:
        """The family and the child: the audiences from whom confidential things are hidden."""
        return self in (Audience.FAMILY, Audience.CHILD)


@dataclass(frozen=True)
class Redaction:
    """What one audience may not see in one case."""

    audience: Audience
    hidden: frozenset[str] = frozenset()  # node ids
    hidden_relationships: frozenset[str] = frozenset()
    hidden_fields: dict[str, frozenset[str]] = field(default_factory=dict, hash=False)
    withheld: tuple[str, ...] = ()  # text that must not be printed, longest first
    renamed: dict[str, str] = field(default_factory=dict, hash=False)  # household id -> neutral name
    instead: dict[str, str] = field(default_factory=dict, hash=False)  # withheld text (casefolded) -> neutral name

    def shows(self, node_id: str) -> bool:
        return node_id not in self.hidden

    def field(self, node: AnyNode, path: str) -> str:
        """A field's text for this audience ("" when it is hidden or empty), e.g. ``contact.address``."""
        if node.id in self.hidden or path in self.hidden_fields.get(node.id, frozenset()):
            return ""
        return self.text(field_text(node, path))

    def text(self, text: str) -> str:
        """Free text with everything withheld from this audience replaced by ``[withheld]``."""
        if not self.withheld or not text:
            return text
        return _pattern(self.withheld).sub(self._replacement, text)

    def _replacement(self, match: re.Match[str]) -> str:
        if not _whole_word(match):
            return match.group(0)
        neutral = self.instead.get(match.group(0).casefold())
        if neutral is None:
            return WITHHELD
        before = match.string[:match.start()].rstrip()
        return neutral if not before or before[-1] in ".!?:;•“\"" else neutral[0].lower() + neutral[1:]

    def label(self, node: AnyNode) -> str:
        """The name this audience reads for a node it may see (a renamed household's neutral name)."""
        return self.renamed.get(node.id, node.label)

    def document(self, doc: CaseDocument) -> CaseDocument:
        """The case as this audience may read its names: every renamed household under its neutral name.

        Builders take names from the document they are given, so handing them this copy is what keeps
        a household's name out of the drawing, its legend and the plan. Without renames it is ``doc``.
        """
        if not self.renamed:
            return doc
        from .document import CaseDocument

        nodes = [replace(n, name=self.renamed[n.id]) if n.id in self.renamed else n for n in doc.nodes()]
        copy = CaseDocument(doc.info, doc.case_id)
        copy.load(doc.info, nodes, doc.relationships())
        return copy

    def leaks(self, text: str) -> list[str]:
        """The withheld strings found in ``text`` (a check for exports and tests)."""
        if not self.withheld:
            return []
        return sorted({m.group(0) for m in _pattern(self.withheld).finditer(text) if _whole_word(m)})


def field_text(node: AnyNode, path: str) -> str:
    """The text of a dotted field path on a node: ``contact.address``, ``identity.religion``, ``notes``."""
    value: Any = node
    for part in path.split("."):
        value = value.get(part, "") if isinstance(value, dict) else getattr(value, part, "")
    if isinstance(value, (tuple, frozenset, list)):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def redaction_for(doc: CaseDocument, audience: Audience | str) -> Redaction:
    """The profile of ``audience`` for this case, read from the model's safety and privacy marks."""
    audience = Audience(audience)
    if audience is Audience.CASE_FILE:
        return Redaction(audience)
    fields = {node.id: frozenset(node.confidential_fields) for node in doc.nodes() if node.confidential_fields}
    if audience is Audience.PROFESSIONAL:
        values = (field_text(doc.node(nid), path) for nid, paths in fields.items() for path in paths)
        return _with_renamed_households(doc, Redaction(audience, hidden_fields=fields,
                                                       withheld=_longest_first(values)))
    hidden = {node.id for node in doc.nodes() if _hidden_from_family(node)}
    hidden |= {i.node_id for meeting in doc.info.meetings for i in meeting.invitations if i.excluded}
    for household in doc.households():
        if household.members and household.members <= hidden:
            hidden.add(household.id)
    rels = frozenset(r.id for r in doc.relationships()
                     if r.confidential or r.source in hidden or r.target in hidden)
    redaction = Redaction(audience, frozenset(hidden), rels, fields, _withheld_text(doc, hidden, fields))
    return _with_renamed_households(doc, redaction)


def _with_renamed_households(doc: CaseDocument, redaction: Redaction) -> Redaction:
    """Rename each household the audience sees whose name holds withheld text (a hidden person's name).

    The name is matched as free text is: the full name, the given names, the known-as name and any
    name word no visible person shares (so a surname the family still uses does not count), in any
    case and script, with the English plural and possessive endings ("Tom's", "the Okoros'"). It is
    not matched through nicknames nobody recorded, initials or another script's spelling.
    """
    children = {p.id for p in doc.children_at_centre()}
    renamed = {h.id: HOME if h.members & children - redaction.hidden else A_HOUSEHOLD
               for h in doc.households() if h.id not in redaction.hidden and redaction.leaks(h.name)}
    if not renamed:
        return redaction
    originals = {doc.node(hid).label: neutral for hid, neutral in renamed.items()}
    return replace(redaction, withheld=_longest_first([*redaction.withheld, *originals]), renamed=renamed,
                   instead={name.strip().casefold(): neutral for name, neutral in originals.items()})


def _hidden_from_family(node: AnyNode) -> bool:
    if node.confidential:
        return True
    return isinstance(node, Person) and (node.must_not_be_told or node.must_not_invite)


def _withheld_text(doc: CaseDocument, hidden: set[str], fields: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """Names of hidden people and services, their contact details, and every confidential value.

    A word of a hidden name that a visible person's name also uses (a shared family name) does not
    name anyone by itself, so it is left in; the full name is still withheld.
    """
    visible_words = {w.casefold() for node in doc.nodes() if node.id not in hidden for w in _name_words(node)}
    texts: list[str] = []
    for node_id in hidden:
        node = doc.node(node_id)
        texts += _names(node)
        texts += [w for w in _name_words(node) if w.casefold() not in visible_words]
        contact = getattr(node, "contact", None)
        if contact is not None:
            texts += [contact.address, contact.phone, contact.email]
        if isinstance(node, Household):
            texts.append(node.address)
    texts += [field_text(doc.node(nid), path) for nid, paths in fields.items() for path in paths]
    return _longest_first(texts)


def _names(node: AnyNode) -> list[str]:
    if isinstance(node, Person):
        full = " ".join(p for p in (node.given_names, node.family_name) if p)
        return [node.label, full, node.known_as, node.given_names]
    if isinstance(node, Service):
        return [node.name, node.contact_person]
    return [node.label] if isinstance(node, Household) and node.name else []


# Words practitioners put where a name is not known ("Baby (name not known)", "Foster sibling"):
# withholding them alone would blank out ordinary words all over a plan.
_NOT_NAMES = frozenset("""baby unknown unnamed name not known withheld father mother parent sibling brother
sister child son daughter partner aunt uncle cousin nan grandmother grandfather grandparent foster carer
friend neighbour mr mrs ms miss dr the and of""".split())


def _name_words(node: AnyNode) -> list[str]:
    if isinstance(node, Person):
        text = f"{node.given_names} {node.family_name} {node.known_as}"
    elif isinstance(node, Service):
        text = node.contact_person
    else:
        return []
    return [w for w in text.split() if not w.islower() and w.strip("()[],.").casefold() not in _NOT_NAMES
            and all(c.isalpha() or unicodedata.category(c).startswith("M") or c in "-'’" for c in w)]


def _longest_first(texts: Iterable[str]) -> tuple[str, ...]:
    unique = {t.strip() for t in texts if len(t.strip()) >= 2}
    return tuple(sorted(unique, key=lambda t: (-len(t), t)))


# English plural and possessive endings a name takes in running text ("Tom's", "the Okoros'").
_ENDINGS = r"(?:['’]s|e?s['’]?|['’])?"


@functools.lru_cache(maxsize=16)
def _pattern(withheld: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"(?:{'|'.join(re.escape(t) for t in withheld)}){_ENDINGS}", re.IGNORECASE)


def _is_letter(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _whole_word(match: re.Match[str]) -> bool:
    """Whether a match stands on its own (so "Ali" is not found inside "Alison"), in any script."""
    text, start, end = match.string, match.start(), match.end()
    before = start > 0 and _is_letter(text[start - 1]) and _is_letter(text[start])
    after = end < len(text) and _is_letter(text[end]) and _is_letter(text[end - 1])
    return not (before or after)
