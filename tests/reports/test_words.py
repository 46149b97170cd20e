"""Heading translations: complete, marked as drafts, matched to the family's first language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from circles_desktop.reports import fonts, words


def test_every_translation_has_every_heading_and_is_a_draft() -> None:
    shipped = words.translations()
    assert {"en", "bn", "ur", "pl", "ro"} <= set(shipped)
    keys = set(shipped["en"].headings)
    for code, translation in shipped.items():
        assert set(translation.headings) == keys, code
        if code != "en":
            assert translation.is_draft and translation.language in translation.status
            for text in translation.headings.values():
                assert fonts.missing(text) == [], (code, text)


@pytest.mark.parametrize("typed, code", [("Bengali (Sylheti)", "bn"), ("Sylheti", "bn"), ("urdu", "ur"),
                                         ("Polish and English", "pl"), ("Română", "ro")])
def test_a_first_language_as_typed_finds_its_translation(typed: str, code: str) -> None:
    assert words.translation_for(typed).code == code  # type: ignore[union-attr]


def test_the_commonest_family_language_wins_and_english_needs_none() -> None:
    assert words.family_translation(["English", "Polish", "Polish", "Urdu"]).code == "pl"  # type: ignore[union-attr]
    assert words.family_translation(["English", "Konkani"]) is None


@pytest.mark.parametrize("content", ["{", "[]", '{"language": "X"}', '{"language": "X", "headings": {"a": 1}}'])
def test_a_broken_translation_file_is_named(tmp_path: Path, content: str) -> None:
    (tmp_path / "plan.xx.json").write_text(content, encoding="utf-8")
    with pytest.raises(words.TranslationError, match="plan.xx.json: not a plan translation"):
        words.translations(tmp_path)


def test_a_translation_missing_headings_still_reads(tmp_path: Path) -> None:
    (tmp_path / "plan.xx.json").write_text(json.dumps({"language": "X", "headings": {"actions": "A"}}))
    assert words.translations(tmp_path)["xx"].headings == {"actions": "A"}
