"""The words shown for enum values: one per value, never borrowed from another enum."""

from __future__ import annotations

from enum import Enum

from circles_desktop.graph import model
from circles_desktop.graph.model import Flow, PregnancyState
from circles_desktop.ui.words import word


def test_same_valued_members_of_different_enums_keep_their_own_words() -> None:
    assert PregnancyState.NONE == Flow.NONE  # both "none": the trap
    assert word(PregnancyState.NONE) == "Born"
    assert word(Flow.NONE) == "No particular direction"


def test_every_value_of_every_model_enum_has_a_distinct_word() -> None:
    enums = [e for e in vars(model).values() if isinstance(e, type) and issubclass(e, Enum) and e is not Enum]
    assert len(enums) >= 10
    for enum in enums:
        words = [word(member) for member in enum]
        assert all(words), enum
        assert len(set(words)) == len(words), f"{enum.__name__}: two values read the same"
