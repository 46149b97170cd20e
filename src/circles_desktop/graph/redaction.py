"""Audience profiles: what each reader of an export may see, decided once for reports and drawings.

Every export states its audience. The case file and professionals see the whole network (the
professional copy without confidential contact details); the family and the child see nothing
confidential: no confidential person or service, no confidential field (``node.confidential_fields``
such as ``contact.address``), nobody marked must-not-be-told or must-not-be-invited or excluded from
a meeting, no confidential relationship, and no text that names any of them. Drawings take
:attr:`Redaction.hidden`; free text goes through :meth:`Redaction.text`.

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
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from .model import Household, Person, Service

if TYPE_CHECKING:
    from .document import CaseDocument
    from .model import AnyNode

WITHHELD = "[withheld]"


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
        return _pattern(self.withheld).sub(lambda m: WITHHELD if _whole_word(m) else m.group(0), text)

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
        return Redaction(audience, hidden_fields=fields, withheld=_longest_first(values))
    hidden = {node.id for node in doc.nodes() if _hidden_from_family(node)}
    hidden |= {i.node_id for meeting in doc.info.meetings for i in meeting.invitations if i.excluded}
    for household in doc.households():
        if household.members and household.members <= hidden:
            hidden.add(household.id)
    rels = frozenset(r.id for r in doc.relationships()
                     if r.confidential or r.source in hidden or r.target in hidden)
    return Redaction(audience, frozenset(hidden), rels, fields, _withheld_text(doc, hidden, fields))


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


@functools.lru_cache(maxsize=16)
def _pattern(withheld: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in withheld), re.IGNORECASE)


def _is_letter(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _whole_word(match: re.Match[str]) -> bool:
    """Whether a match stands on its own (so "Ali" is not found inside "Alison"), in any script."""
    text, start, end = match.string, match.start(), match.end()
    before = start > 0 and _is_letter(text[start - 1]) and _is_letter(text[start])
    after = end < len(text) and _is_letter(text[end]) and _is_letter(text[end - 1])
    return not (before or after)
