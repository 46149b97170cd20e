"""Headings for the family's copy, in English and, where a translation ships, the family's language.

Translations live in ``resources/translations/plan.<code>.json``: the language's English and own
name, the words a practitioner may have typed for it as a first language ("Bengali (Sylheti)"), a
status (every one is a draft until a speaker has checked it), and the headings. A heading missing
from a translation falls back to English, so a half-done file still prints.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..runtime import resource_path


class TranslationError(ValueError):
    """A translation file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Translation:
    code: str
    language: str
    native_name: str
    matches: tuple[str, ...]
    status: str
    headings: dict[str, str] = field(hash=False)

    @property
    def is_draft(self) -> bool:
        return self.status.startswith("draft")


def _read(path: Path) -> Translation:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        headings = data["headings"]
        if not isinstance(headings, dict) or not all(isinstance(v, str) for v in headings.values()):
            raise TypeError("'headings' must map names to text")
        return Translation(path.stem.split(".")[-1], str(data["language"]), str(data.get("native_name", "")),
                           tuple(str(m).casefold() for m in data.get("matches", ())), str(data.get("status", "draft")),
                           headings)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TranslationError(f"{path}: not a plan translation ({exc})") from None


@functools.cache
def translations(folder: Path | None = None) -> dict[str, Translation]:
    """Every shipped translation by language code (``en`` is the source)."""
    folder = folder or resource_path("translations")
    return {t.code: t for t in map(_read, sorted(folder.glob("plan.*.json")))}


def english(key: str) -> str:
    return translations()["en"].headings[key]


def translation_for(language: str) -> Translation | None:
    """The translation a first language (as typed, e.g. "Bengali (Sylheti)") can read, if any."""
    words = language.casefold()
    for translation in translations().values():
        if translation.code != "en" and any(m in words for m in translation.matches):
            return translation
    return None


def family_translation(languages: Iterable[str]) -> Translation | None:
    """The translation most of the family can read: the commonest first language that has one."""
    counts = Counter(t.code for t in map(translation_for, languages) if t is not None)
    if not counts:
        return None
    return translations()[counts.most_common(1)[0][0]]
