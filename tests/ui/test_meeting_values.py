"""Typed text to meeting values: what is accepted, and a refusal that names the field and says what to type."""

from __future__ import annotations

from datetime import date, time

import pytest

from circles_desktop.ui.meeting_values import (
    LINE_LIMIT,
    checked_text,
    parse_date,
    parse_time,
    parse_whole,
)


@pytest.mark.parametrize(("text", "value"), [("7", 7), (" 10 ", 10), ("0", 0), ("+3", 3), ("৭", 7), ("٣", 3)])
def test_a_score_in_any_script_s_digits(text: str, value: int) -> None:
    assert parse_whole(text, "The score", 0, 10) == value


@pytest.mark.parametrize(("text", "words"), [
    ("11", "11 is more than 10"), ("-1", "-1 is less than 0"), ("abc", "“abc” is not a whole number"),
    ("5.5", "not a whole number"), ("1_0", "not a whole number"), ("²", "not a whole number"),
    ("", "is needed"), ("7\x00", "control character"), ("9" * 5000, "up to 500 characters"),
])
def test_a_score_outside_0_to_10_is_refused_saying_what_to_type(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words) as refused:
        parse_whole(text, "The score", 0, 10)
    message = str(refused.value)
    assert message.startswith("The score") and len(message) < 200  # one readable line, even for 5,000 nines


def test_an_optional_number_may_be_left_empty() -> None:
    assert parse_whole("  ", "How helpful", 1, 5, required=False) is None
    with pytest.raises(ValueError, match="6 is more than 5"):
        parse_whole("6", "How helpful", 1, 5, required=False)


@pytest.mark.parametrize(("text", "day"), [("2026-12-05", date(2026, 12, 5)), ("5/12/2026", date(2026, 12, 5)),
                                          ("05.12.2026", date(2026, 12, 5)), ("", None)])
def test_dates_year_first_or_day_first(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["5 December", "2026-02-30", "12/31/2026", "tomorrow", "২০২৬-১২-০৫x"])
def test_a_date_that_is_not_a_date_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date; write it as year-month-day"):
        parse_date(text, "The review date")


def test_times() -> None:
    assert parse_time("10:30") == time(10, 30) and parse_time("9.15") == time(9, 15) and parse_time("") is None
    with pytest.raises(ValueError, match="“25:00” is not a time"):
        parse_time("25:00")


def test_text_keeps_any_script_and_refuses_control_characters_empty_and_too_long() -> None:
    for text in ("নিকিতা জাইন", "نکیتا زین", "ਨਿਕਿਤਾ", "Zoë Ó Súilleabháin", "ניקיטה", "\u200fمرحبا\u200c"):
        assert checked_text(f"  {text}  ", "The name") == text
    assert checked_text("first\n\tsecond", "The notes", lines=True) == "first\n\tsecond"
    with pytest.raises(ValueError, match=r"control character \(U\+000A\) at character 6"):
        checked_text("first\nsecond", "The title")
    with pytest.raises(ValueError, match=r"U\+001B"):
        checked_text("a\x1bb", "The notes", lines=True)
    with pytest.raises(ValueError, match="The title cannot be empty"):
        checked_text(" \t ", "The title", required=True)
    with pytest.raises(ValueError, match=f"up to {LINE_LIMIT} characters; this has 100,000"):
        checked_text("x" * 100_000, "The title")
