"""Which fields the properties panel shows for each kind of object, and how typed text becomes a value.

The table is data, so a field added to the model is one line here, and reading and writing a field
by its path (``contact.address``, ``identity.religion``, ``circle.ring``) is tested without widgets.
Parse errors are worded for the practitioner, like the model's own validation messages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from ..graph.model import (
    IDENTITY_HEADINGS,
    CaseInfo,
    CirclePlacement,
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
)

MAX_AGE = 130


class Kind(str, Enum):
    """How a field is edited."""

    TEXT = "text"  # one line
    MULTILINE = "multiline"  # free text
    LINES = "lines"  # a list of short texts, one per line
    CHOICE = "choice"  # one enum value
    OPTIONAL_CHOICE = "optional_choice"  # one enum value or none
    CHECK = "check"
    DATE = "date"  # a PartialDate or none
    AGE = "age"  # whole years or none
    SET = "set"  # any number of enum values
    MEMBERS = "members"  # people of this case (household members)


@dataclass(frozen=True)
class FieldSpec:
    path: str
    label: str
    kind: Kind
    section: str
    enum: type[Enum] | None = None
    lockable: bool = False  # can be marked confidential on its own
    hint: str = ""

    @property
    def name(self) -> str:
        """The label without its keyboard mnemonic ("&Gender" → "Gender")."""
        return self.label.replace("&", "")


DATE_HINT = "1987, 1987-03 or 1987-03-21; ~1950 for about"


def _f(path: str, label: str, kind: Kind, section: str, enum: type[Enum] | None = None, *,
       lockable: bool = False, hint: str = "") -> FieldSpec:
    return FieldSpec(path, label, kind, section, enum, lockable, hint)


_CIRCLES = (
    _f("circle.ring", "Ring", Kind.OPTIONAL_CHOICE, "Circles of support", Ring),
    _f("circle.sector", "Sector", Kind.CHOICE, "Circles of support", Sector),
)
_CONTACT = (
    _f("contact.address", "Address", Kind.MULTILINE, "Contact", lockable=True),
    _f("contact.phone", "Phone", Kind.TEXT, "Contact", lockable=True),
    _f("contact.email", "Email", Kind.TEXT, "Contact", lockable=True),
)

PERSON_FIELDS: tuple[FieldSpec, ...] = (
    _f("given_names", "G&iven names", Kind.TEXT, "Name", hint="in any script"),
    _f("family_name", "Famil&y name", Kind.TEXT, "Name"),
    _f("known_as", "&Known as", Kind.TEXT, "Name", hint="the name they use"),
    _f("gender", "&Gender", Kind.CHOICE, "About", Gender),
    _f("birth", "Date of &birth", Kind.DATE, "About", hint=DATE_HINT),
    _f("approximate_age", "Age (if no date)", Kind.AGE, "About", hint="years"),
    _f("deceased", "Has died", Kind.CHECK, "About"),
    _f("death", "Date of death", Kind.DATE, "About", hint=DATE_HINT),
    _f("pregnancy", "Born or not", Kind.CHOICE, "About", PregnancyState),
    _f("roles", "Roles", Kind.SET, "About", Role),
    _f("occupation", "Occupation", Kind.TEXT, "About", lockable=True),
    _f("twin_group", "Twin group", Kind.TEXT, "About", hint="the same word for each twin"),
    _f("identical_twin", "Identical twin", Kind.CHECK, "About"),
    _f("first_language", "First language", Kind.TEXT, "Language"),
    _f("interpreter_needed", "Needs an interpreter", Kind.CHECK, "Language"),
    _f("strengths", "Strengths", Kind.LINES, "Strengths and worries", hint="one per line"),
    _f("worries", "Worries", Kind.LINES, "Strengths and worries", hint="one per line"),
    _f("wishes", "In their own words", Kind.MULTILINE, "Strengths and worries", lockable=True,
       hint="wishes and feelings, as they said them"),
    *_CONTACT,
    _f("confidential", "Keep this person out of family and child exports", Kind.CHECK, "Safety"),
    _f("must_not_invite", "Must not be invited", Kind.CHECK, "Safety"),
    _f("must_not_be_told", "Must not be told about the meeting", Kind.CHECK, "Safety"),
    _f("safety_reason", "Why", Kind.MULTILINE, "Safety"),
    *_CIRCLES,
    *(_f(f"identity.{h}", h.replace("_", " ").capitalize(), Kind.TEXT, "Identity (Social GGRRAAACCEEESSS)",
         lockable=True) for h in IDENTITY_HEADINGS),
    _f("notes", "Notes", Kind.MULTILINE, "Notes", lockable=True),
)

SERVICE_FIELDS: tuple[FieldSpec, ...] = (
    _f("name", "Name", Kind.TEXT, "Service", lockable=True, hint="e.g. the child's school"),
    _f("category", "Kind of service", Kind.CHOICE, "Service", ServiceCategory),
    _f("contact_person", "Contact person", Kind.TEXT, "Service", lockable=True),
    _f("first_language_offer", "Works in these languages", Kind.TEXT, "Service"),
    *_CONTACT,
    _f("confidential", "Keep this service out of family and child exports", Kind.CHECK, "Safety"),
    *_CIRCLES,
    _f("notes", "Notes", Kind.MULTILINE, "Notes", lockable=True),
)

HOUSEHOLD_FIELDS: tuple[FieldSpec, ...] = (
    _f("name", "Name", Kind.TEXT, "Household"),
    _f("address", "Address", Kind.MULTILINE, "Household", lockable=True),
    _f("members", "Who lives here", Kind.MEMBERS, "Household"),
    _f("confidential", "Keep this household out of family and child exports", Kind.CHECK, "Safety"),
    *_CIRCLES,
    _f("notes", "Notes", Kind.MULTILINE, "Notes", lockable=True),
)

_REL_COMMON = (
    _f("start", "From", Kind.DATE, "Dates", hint=DATE_HINT),
    _f("end", "Until", Kind.DATE, "Dates", hint=DATE_HINT),
    _f("confidential", "Keep this out of family and child exports", Kind.CHECK, "Safety"),
    _f("notes", "Notes", Kind.MULTILINE, "Notes"),
)

RELATIONSHIP_FIELDS: dict[type, tuple[FieldSpec, ...]] = {
    Partnership: (_f("type", "Partnership", Kind.CHOICE, "Relationship", PartnershipType), *_REL_COMMON),
    Parentage: (
        _f("type", "Kind of parent", Kind.CHOICE, "Relationship", ParentageType),
        _f("parental_responsibility", "Has parental responsibility", Kind.CHECK, "Relationship"),
        *_REL_COMMON,
    ),
    Emotional: (_f("type", "Emotional tie", Kind.CHOICE, "Relationship", EmotionalType), *_REL_COMMON),
    EcomapTie: (
        _f("strength", "Strength", Kind.CHOICE, "Relationship", TieStrength),
        _f("stressful", "Stressful", Kind.CHECK, "Relationship"),
        _f("flow", "Energy and resources flow", Kind.CHOICE, "Relationship", Flow),
        _f("frequency", "How often in touch", Kind.TEXT, "Relationship", hint="e.g. every week"),
        _f("support", "Support given", Kind.SET, "Relationship", SupportKind),
        *_REL_COMMON,
    ),
}

CASE_FIELDS: tuple[FieldSpec, ...] = (
    _f("name", "Case name", Kind.TEXT, "Case"),
    _f("reference", "Reference", Kind.TEXT, "Case"),
    _f("summary", "Summary", Kind.MULTILINE, "Case"),
    _f("author", "Practitioner", Kind.TEXT, "Case"),
    _f("team", "Team", Kind.TEXT, "Case"),
)

NODE_FIELDS: dict[type, tuple[FieldSpec, ...]] = {
    Person: PERSON_FIELDS, Service: SERVICE_FIELDS, Household: HOUSEHOLD_FIELDS}


def fields_for(obj: object) -> tuple[FieldSpec, ...]:
    if isinstance(obj, CaseInfo):
        return CASE_FIELDS
    specs = NODE_FIELDS.get(type(obj)) or RELATIONSHIP_FIELDS.get(type(obj))
    if specs is None:
        raise TypeError(f"no form for {type(obj).__name__}")
    return specs


# ----- reading and writing by path -----------------------------------------------------------------


def get_value(obj: Any, path: str) -> Any:
    head, _, rest = path.partition(".")
    value = getattr(obj, head)
    if not rest:
        return value
    if head == "identity":
        return value.get(rest, "")
    if value is None:  # circle not placed
        return None
    return getattr(value, rest)


def with_value(obj: Any, path: str, value: Any) -> Any:
    """A copy of ``obj`` with the field at ``path`` set; the object itself is never changed."""
    head, _, rest = path.partition(".")
    if not rest:
        return replace(obj, **{head: value})
    if head == "identity":
        identity = {k: v for k, v in obj.identity.items() if k != rest}
        if value:
            identity[rest] = value
        return replace(obj, identity=identity)
    if head == "circle":
        return replace(obj, circle=_placed(obj, rest, value))
    return replace(obj, **{head: replace(getattr(obj, head), **{rest: value})})


def _placed(obj: Any, part: str, value: Any) -> CirclePlacement | None:
    current: CirclePlacement | None = obj.circle
    if part == "ring":
        if value is None:
            return None
        sector = current.sector if current else (Sector.PROFESSIONAL if isinstance(obj, Service) else Sector.FAMILY)
        return CirclePlacement(value, sector)
    if current is None:
        return CirclePlacement(Ring.WIDER, value)
    return replace(current, sector=value)


def is_locked(obj: Any, spec: FieldSpec) -> bool:
    return spec.path in getattr(obj, "confidential_fields", frozenset())


def with_lock(obj: Any, spec: FieldSpec, locked: bool) -> Any:
    fields = obj.confidential_fields
    return replace(obj, confidential_fields=fields | {spec.path} if locked else fields - {spec.path})


# ----- typed text to values -----------------------------------------------------------------------


def parse_text(spec: FieldSpec, text: str) -> Any:
    """The value typed into a text box, or ValueError with a message for the practitioner."""
    stripped = text.strip()
    if spec.kind is Kind.DATE:
        if not stripped:
            return None
        return PartialDate.parse(stripped)
    if spec.kind is Kind.AGE:
        if not stripped:
            return None
        if not stripped.isdigit():
            raise ValueError(f"Write the age as a whole number of years, such as 42 (not “{stripped}”).")
        age = int(stripped)
        if age > MAX_AGE:
            raise ValueError(f"An age of {age} is not possible; give an age between 0 and {MAX_AGE}.")
        return age
    if spec.kind is Kind.LINES:
        return tuple(line.strip() for line in text.splitlines() if line.strip())
    if spec.kind is Kind.TEXT:
        return stripped
    return text.rstrip()


def format_value(spec: FieldSpec, value: Any) -> str:
    """The text a text box shows for a value (the inverse of :func:`parse_text`)."""
    if value is None:
        return ""
    if spec.kind is Kind.DATE:
        return value.iso()
    if spec.kind is Kind.AGE:
        return str(value)
    if spec.kind is Kind.LINES:
        return "\n".join(value)
    return str(value)
