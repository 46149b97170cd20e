"""The case model: people, services, households and the relationships between them.

Every model object is a frozen dataclass. An edit replaces a whole object with a changed copy
(``dataclasses.replace``), so an edit can keep the object before and after and undo is exact.
The classes use slots: an imported tree of 100,000 people holds a few hundred thousand of them, and
a per-object ``__dict__`` was the difference between 514 MB and 493 MB (bench/bench_gedcom.py).
Nothing here knows about Qt, the database or any file format.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import ClassVar, TypeAlias

from .meeting import Meeting


def new_id() -> str:
    """A fresh identifier that stays unique when cases from several machines are merged."""
    return uuid.uuid4().hex


class Gender(str, Enum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    UNKNOWN = "unknown"


class PregnancyState(str, Enum):
    """A person who was never born alive; drawn with the small marks of the genogram standard."""

    NONE = "none"
    PREGNANCY = "pregnancy"
    MISCARRIAGE = "miscarriage"
    TERMINATION = "termination"
    STILLBIRTH = "stillbirth"


class Role(str, Enum):
    CHILD = "child"  # the child at the centre of the case (double outline)
    PARENT = "parent"
    CARER = "carer"
    KINSHIP_CARER = "kinship_carer"
    FOSTER_CARER = "foster_carer"
    PROFESSIONAL = "professional"
    ADVOCATE = "advocate"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"


class ServiceCategory(str, Enum):
    EDUCATION = "education"
    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"
    FAITH = "faith"
    LEISURE = "leisure"
    COMMUNITY = "community"
    STATUTORY = "statutory"
    VOLUNTARY = "voluntary"
    LEGAL = "legal"
    HOUSING = "housing"
    FINANCIAL = "financial"
    EMPLOYMENT = "employment"
    OTHER = "other"


class Ring(str, Enum):
    """Circles of support, from the child outwards."""

    CLOSEST = "closest"
    CLOSE = "close"
    WIDER = "wider"


class Sector(str, Enum):
    FAMILY = "family"
    COMMUNITY = "community"  # friends and community
    PROFESSIONAL = "professional"


class PartnershipType(str, Enum):
    MARRIED = "married"
    CIVIL_PARTNERSHIP = "civil_partnership"
    COHABITING = "cohabiting"
    DATING = "dating"
    ENGAGED = "engaged"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class ParentageType(str, Enum):
    BIRTH = "birth"
    ADOPTIVE = "adoptive"
    FOSTER = "foster"
    STEP = "step"
    KINSHIP = "kinship"  # kinship care or special guardianship


class EmotionalType(str, Enum):
    CLOSE = "close"
    FUSED = "fused"  # very close / fused
    DISTANT = "distant"
    CONFLICTUAL = "conflictual"
    HOSTILE = "hostile"
    CUT_OFF = "cut_off"
    CUT_OFF_REPAIRED = "cut_off_repaired"
    FOCUSED_ON = "focused_on"
    PHYSICAL_ABUSE = "physical_abuse"
    EMOTIONAL_ABUSE = "emotional_abuse"
    SEXUAL_ABUSE = "sexual_abuse"
    NEGLECT = "neglect"
    COERCIVE_CONTROL = "coercive_control"

    @property
    def directed(self) -> bool:
        """Whether the line is drawn with an arrow from the one who acts to the one acted on."""
        return self in _DIRECTED_EMOTIONS


_DIRECTED_EMOTIONS = frozenset(
    {
        EmotionalType.FOCUSED_ON,
        EmotionalType.PHYSICAL_ABUSE,
        EmotionalType.EMOTIONAL_ABUSE,
        EmotionalType.SEXUAL_ABUSE,
        EmotionalType.NEGLECT,
        EmotionalType.COERCIVE_CONTROL,
    }
)


class TieStrength(str, Enum):
    STRONG = "strong"
    MODERATE = "moderate"
    TENUOUS = "tenuous"


class Flow(str, Enum):
    """Which way energy and resources flow on an ecomap tie, seen from the tie's source."""

    NONE = "none"
    TO_TARGET = "to_target"
    FROM_TARGET = "from_target"
    BOTH = "both"


class SupportKind(str, Enum):
    PRACTICAL = "practical"
    EMOTIONAL = "emotional"
    CHILDCARE = "childcare"
    RESPITE = "respite"
    TRANSPORT = "transport"
    FINANCIAL = "financial"
    CULTURAL = "cultural"
    ADVOCACY = "advocacy"


class RelKind(str, Enum):
    PARTNERSHIP = "partnership"
    PARENTAGE = "parentage"
    EMOTIONAL = "emotional"
    ECOMAP = "ecomap"


# The Social GGRRAAACCEEESSS headings for identity notes, in their usual order.
IDENTITY_HEADINGS: tuple[str, ...] = (
    "gender",
    "geography",
    "race",
    "religion",
    "age",
    "ability",
    "appearance",
    "class",
    "culture",
    "caste",
    "ethnicity",
    "education",
    "employment",
    "sexuality",
    "sexual_orientation",
    "spirituality",
)


class DateQualifier(str, Enum):
    EXACT = "exact"
    ABOUT = "about"
    BEFORE = "before"
    AFTER = "after"


_DATE_RE = re.compile(r"^(~|<|>)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_QUALIFIER_MARK = {DateQualifier.ABOUT: "~", DateQualifier.BEFORE: "<", DateQualifier.AFTER: ">"}


@dataclass(frozen=True, order=False, slots=True)
class PartialDate:
    """A date known to the year, the month or the day, possibly only approximately.

    Family histories rarely have full dates ("about 1950", "March 1987"), so a date is never forced
    to a day. The text form is ISO 8601 with an optional prefix: ``~`` about, ``<`` before,
    ``>`` after, e.g. ``~1950``, ``1987-03``, ``2009-11-02``.
    """

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: DateQualifier = DateQualifier.EXACT

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"the year {self.year} is not a calendar year")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"there is no month {self.month}")
        if self.day is not None:
            import calendar

            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"{self.year}-{self.month:02d} has no day {self.day}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the text form; raise ValueError with a readable message if it is not a date."""
        match = _DATE_RE.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date (write it as 1987, 1987-03 or 1987-03-21)")
        mark, year, month, day = match.groups()
        qualifier = next((q for q, m in _QUALIFIER_MARK.items() if m == mark), DateQualifier.EXACT)
        return cls(int(year), int(month) if month else None, int(day) if day else None, qualifier)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return _QUALIFIER_MARK.get(self.qualifier, "") + text

    def earliest(self) -> tuple[int, int, int]:
        """The first day this date could mean, for ordering checks."""
        return (self.year, self.month or 1, self.day or 1)

    def latest(self) -> tuple[int, int, int]:
        """The last day this date could mean, for ordering checks."""
        return (self.year, self.month or 12, self.day or 31)

    def __str__(self) -> str:
        return self.iso()


Point: TypeAlias = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Contact:
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class CirclePlacement:
    ring: Ring
    sector: Sector


@dataclass(frozen=True, slots=True)
class Node:
    """What people, services and households share.

    ``positions`` holds the places the user chose by hand, per view ("genogram", "ecomap",
    "circles"); they win over automatic layout. ``confidential_fields`` names fields (such as
    ``contact.address``) that must not appear in exports for families or children; ``confidential``
    hides the whole node from them.
    """

    id: str = field(default_factory=new_id)
    notes: str = ""
    confidential: bool = False
    confidential_fields: frozenset[str] = frozenset()
    positions: dict[str, Point] = field(default_factory=dict, compare=True, hash=False)
    circle: CirclePlacement | None = None

    kind: ClassVar[str] = "node"

    @property
    def label(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Person(Node):
    given_names: str = ""
    family_name: str = ""
    known_as: str = ""
    gender: Gender = Gender.UNKNOWN
    birth: PartialDate | None = None
    approximate_age: int | None = None
    deceased: bool = False
    death: PartialDate | None = None
    pregnancy: PregnancyState = PregnancyState.NONE
    first_language: str = ""
    interpreter_needed: bool = False
    identity: dict[str, str] = field(default_factory=dict, hash=False)
    strengths: tuple[str, ...] = ()
    worries: tuple[str, ...] = ()
    wishes: str = ""  # the person's own words, above all the child's
    contact: Contact = Contact()
    roles: frozenset[Role] = frozenset()
    occupation: str = ""
    twin_group: str = ""  # children with the same non-empty twin_group are twins
    identical_twin: bool = False
    must_not_invite: bool = False
    must_not_be_told: bool = False
    safety_reason: str = ""

    kind: ClassVar[str] = "person"

    @property
    def label(self) -> str:
        """The name practitioners use: known-as first, then the full name."""
        full = " ".join(part for part in (self.given_names, self.family_name) if part)
        if self.known_as and full:
            return f"{self.known_as} ({full})" if self.known_as not in full else full
        return self.known_as or full or "(no name yet)"

    @property
    def short_name(self) -> str:
        """The name on a small symbol: known-as, else the first given name."""
        if self.known_as or self.given_names:
            return self.known_as or self.given_names.split(" ")[0]
        return self.label

    @property
    def is_child_at_centre(self) -> bool:
        return Role.CHILD in self.roles


@dataclass(frozen=True, slots=True)
class Service(Node):
    name: str = ""
    category: ServiceCategory = ServiceCategory.OTHER
    contact_person: str = ""
    contact: Contact = Contact()
    first_language_offer: str = ""  # languages the service works in, for invitations and referrals

    kind: ClassVar[str] = "service"

    @property
    def label(self) -> str:
        return self.name or "(unnamed service)"


@dataclass(frozen=True, slots=True)
class Household(Node):
    name: str = ""
    members: frozenset[str] = frozenset()
    address: str = ""

    kind: ClassVar[str] = "household"

    @property
    def label(self) -> str:
        return self.name or "Household"


@dataclass(frozen=True, slots=True)
class Relationship:
    """An edge of the case graph. Several relationships may join the same two nodes."""

    source: str
    target: str
    id: str = field(default_factory=new_id)
    start: PartialDate | None = None
    end: PartialDate | None = None
    notes: str = ""
    confidential: bool = False

    kind: ClassVar[RelKind]


@dataclass(frozen=True, slots=True)
class Partnership(Relationship):
    type: PartnershipType = PartnershipType.MARRIED

    kind: ClassVar[RelKind] = RelKind.PARTNERSHIP


@dataclass(frozen=True, slots=True)
class Parentage(Relationship):
    """``source`` is the parent or carer, ``target`` the child."""

    type: ParentageType = ParentageType.BIRTH
    parental_responsibility: bool = False

    kind: ClassVar[RelKind] = RelKind.PARENTAGE


@dataclass(frozen=True, slots=True)
class Emotional(Relationship):
    """For directed types, ``source`` acts on ``target`` (focused on, abuses, neglects)."""

    type: EmotionalType = EmotionalType.CLOSE

    kind: ClassVar[RelKind] = RelKind.EMOTIONAL


@dataclass(frozen=True, slots=True)
class EcomapTie(Relationship):
    """A tie on the ecomap, from the child (or a household) to a person or service."""

    strength: TieStrength = TieStrength.MODERATE
    stressful: bool = False
    flow: Flow = Flow.NONE
    frequency: str = ""  # how often they are in touch, in the practitioner's words
    support: frozenset[SupportKind] = frozenset()

    kind: ClassVar[RelKind] = RelKind.ECOMAP


AnyNode: TypeAlias = Person | Service | Household
AnyRelationship: TypeAlias = Partnership | Parentage | Emotional | EcomapTie

NODE_TYPES: dict[str, type[Node]] = {cls.kind: cls for cls in (Person, Service, Household)}
RELATIONSHIP_TYPES: dict[RelKind, type[Relationship]] = {
    cls.kind: cls for cls in (Partnership, Parentage, Emotional, EcomapTie)
}


@dataclass(frozen=True, slots=True)
class CaseInfo:
    """What describes the case as a whole rather than any one person in it."""

    name: str
    reference: str = ""
    summary: str = ""
    author: str = ""
    team: str = ""
    meetings: tuple[Meeting, ...] = ()  # family network meetings and their plans, oldest first
