"""Catch a model value of the wrong type before it is stored: a plain "male" where a Gender belongs.

The model's dataclasses are frozen but not type-checked, and a ``str`` enum compares equal to its
text, so a form that hands over the text instead of the member would go unnoticed until a reader
of the stored row trips over it. ``typeguard`` checks a value against its annotation (optionals,
tuples, frozensets, nested dataclasses), which is what we would otherwise write by hand.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Union

from . import model


def _plain(hint: Any) -> tuple[type, ...] | None:
    """The classes a hint allows when ``isinstance`` settles it (``str``, ``Gender | None``), else None."""
    if isinstance(hint, type) and not typing.get_args(hint):
        return (hint,)
    if typing.get_origin(hint) in (Union, types.UnionType):
        options = [_plain(arg) for arg in typing.get_args(hint)]
        if all(options):
            return tuple(cls for option in options for cls in option)  # type: ignore[union-attr]
    return None


@functools.cache
def _hints(cls: type) -> tuple[tuple[str, Any, tuple[type, ...] | None], ...]:
    hints = typing.get_type_hints(cls, vars(model))
    return tuple((f.name, hints[f.name], _plain(hints[f.name])) for f in dataclasses.fields(cls))


def _fits(value: object, plain: tuple[type, ...]) -> bool:
    if isinstance(value, bool):  # a bool is an int to isinstance, but never a count or a score
        return bool in plain
    return isinstance(value, plain) or (float in plain and isinstance(value, int))


def wrong_fields(obj: object) -> list[str]:
    """``"field: why"`` for each field of a model dataclass whose value does not match its annotation."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return [f"{type(obj).__name__} is not a part of a case"]
    from typeguard import CollectionCheckStrategy, TypeCheckError, check_type  # 40 ms: only when needed

    wrong = []
    for name, hint, plain in _hints(type(obj)):
        value = getattr(obj, name)
        if plain is not None:  # most fields: a quick isinstance, not typeguard's full walk
            if not _fits(value, plain):
                wrong.append(f"{name}: {type(value).__name__} is not {' or '.join(c.__name__ for c in plain)}")
            continue
        try:
            check_type(value, hint, collection_check_strategy=CollectionCheckStrategy.ALL_ITEMS)
        except TypeCheckError as error:
            wrong.append(f"{name}: {error}")
    return wrong
