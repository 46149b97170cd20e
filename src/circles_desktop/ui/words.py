"""The words a practitioner reads for the model's enum values, in one place for menus and forms."""

from __future__ import annotations

from enum import Enum

from ..graph.model import (
    DateQualifier,
    EmotionalType,
    Flow,
    Gender,
    ParentageType,
    PartnershipType,
    PregnancyState,
    Ring,
    Role,
    Sector,
    ServiceCategory,
    SupportKind,
)

# Pairs, not a dict literal: str-valued enums of different classes with the same value
# (PregnancyState.NONE and Flow.NONE are both "none") are equal, so one would overwrite the other.
_SPECIAL: tuple[tuple[Enum, str], ...] = (
    (Gender.NON_BINARY, "Non-binary"),
    (Gender.UNKNOWN, "Not known"),
    (PregnancyState.NONE, "Born"),
    (PregnancyState.PREGNANCY, "Pregnancy (not yet born)"),
    (Role.CHILD, "Child at the centre"),
    (Role.KINSHIP_CARER, "Kinship carer"),
    (Role.FOSTER_CARER, "Foster carer"),
    (ServiceCategory.MENTAL_HEALTH, "Mental health"),
    (Ring.CLOSEST, "Closest (inner ring)"),
    (Ring.CLOSE, "Close (middle ring)"),
    (Ring.WIDER, "Wider (outer ring)"),
    (Sector.COMMUNITY, "Friends and community"),
    (Sector.PROFESSIONAL, "Professionals"),
    (PartnershipType.CIVIL_PARTNERSHIP, "Civil partnership"),
    (PartnershipType.COHABITING, "Living together"),
    (ParentageType.KINSHIP, "Kinship carer / special guardian"),
    (EmotionalType.FUSED, "Very close / fused"),
    (EmotionalType.CONFLICTUAL, "Conflict"),
    (EmotionalType.CUT_OFF, "Cut off"),
    (EmotionalType.CUT_OFF_REPAIRED, "Cut off, repaired"),
    (EmotionalType.FOCUSED_ON, "Focused on"),
    (Flow.NONE, "No particular direction"),
    (Flow.TO_TARGET, "Towards them"),
    (Flow.FROM_TARGET, "From them"),
    (Flow.BOTH, "Both ways"),
    (SupportKind.CHILDCARE, "Childcare"),
    (DateQualifier.ABOUT, "About"),
)
_WORDS: dict[tuple[type, object], str] = {(type(member), member.value): text for member, text in _SPECIAL}


def word(value: Enum) -> str:
    """``Gender.NON_BINARY`` → "Non-binary"; values without a special word read as their name."""
    return _WORDS.get((type(value), value.value)) or str(value.value).replace("_", " ").capitalize()


def choices(enum: type[Enum]) -> list[tuple[str, Enum]]:
    return [(word(member), member) for member in enum]
