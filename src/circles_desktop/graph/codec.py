"""Model objects to plain JSON-ready dicts and back, strictly.

One codec serves the database rows, the JSON case file and GraphML, so a field added to the model
is stored and exported everywhere at once. Decoding trusts nothing: a wrong type, an unknown enum
value or an unknown field raises :class:`CodecError` naming the object and the field.

>>> from .model import Person, Gender
>>> data = encode(Person(id="p1", given_names="Nikita", gender=Gender.FEMALE))
>>> data["gender"], decode_node(data).given_names
('female', 'Nikita')
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, time
from enum import Enum
from typing import Any, Union

from .model import (
    NODE_TYPES,
    RELATIONSHIP_TYPES,
    AnyNode,
    AnyRelationship,
    CaseInfo,
    CirclePlacement,
    Contact,
    PartialDate,
    RelKind,
)

Json = dict[str, Any]


class CodecError(ValueError):
    """Stored or imported data that does not describe a valid case object."""


def encode(obj: Any) -> Json:
    """A node, relationship or case description as a dict of JSON types, with its kind."""
    data: Json = {}
    if hasattr(type(obj), "kind") and not isinstance(obj, CaseInfo):
        kind = type(obj).kind
        data["kind"] = kind.value if isinstance(kind, Enum) else kind
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.default is not dataclasses.MISSING and value == f.default and f.name not in ("source", "target"):
            continue
        if f.default_factory is not dataclasses.MISSING and value == f.default_factory():
            continue
        data[f.name] = _encode_value(value)
    return data


def _encode_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (Contact, CirclePlacement)):
        return {f.name: _encode_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (date, time)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value)  # a nested value such as a meeting: its fields, defaults left out
    if isinstance(value, frozenset):
        return sorted(_encode_value(v) for v in value)
    if isinstance(value, tuple):
        return [_encode_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode_value(v) for k, v in sorted(value.items())}
    return value


def decode_node(data: Any) -> AnyNode:
    kind = data.get("kind") if isinstance(data, dict) else None
    cls = NODE_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise CodecError(f"unknown kind of node {kind!r} (expected one of {', '.join(NODE_TYPES)})")
    return _decode_dataclass(cls, data, skip={"kind"})  # type: ignore[return-value]


def decode_relationship(data: Any) -> AnyRelationship:
    kind = data.get("kind") if isinstance(data, dict) else None
    try:
        cls = RELATIONSHIP_TYPES[RelKind(kind)]
    except (ValueError, KeyError):
        raise CodecError(f"unknown kind of relationship {kind!r} "
                         f"(expected one of {', '.join(k.value for k in RelKind)})") from None
    return _decode_dataclass(cls, data, skip={"kind"})  # type: ignore[return-value]


def decode_case_info(data: Any) -> CaseInfo:
    return _decode_dataclass(CaseInfo, data, skip=set())


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode_dataclass(cls: type, data: Any, skip: set[str]) -> Any:
    what = cls.__name__.lower()
    if not isinstance(data, dict):
        raise CodecError(f"a {what} must be an object, not {type(data).__name__}")
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    unknown = set(data) - names - skip
    ident = data.get("id") or data.get("name") or "?"
    if unknown:
        raise CodecError(f"{what} {ident!r}: unknown field {sorted(unknown)[0]!r}")
    hints = _hints(cls)
    values = {}
    for name in names & set(data):
        try:
            values[name] = _decode_value(hints[name], data[name])
        except (CodecError, ValueError, TypeError) as exc:
            raise CodecError(f"{what} {ident!r}, field {name!r}: {exc}") from None
    try:
        return cls(**values)
    except TypeError as exc:
        raise CodecError(f"{what} {ident!r}: {exc}") from None


def _decode_value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode_value(inner, value)
    if hint is Any:
        return value
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            raise CodecError(f"{value!r} is not one of {', '.join(m.value for m in hint)}") from None
    if hint is PartialDate:
        if not isinstance(value, str):
            raise CodecError(f"a date must be text, not {type(value).__name__}")
        return PartialDate.parse(value)
    if hint in (Contact, CirclePlacement):
        return _decode_dataclass(hint, value, skip=set())
    if hint in (date, time):
        if not isinstance(value, str):
            raise CodecError(f"a {hint.__name__} must be text, not {type(value).__name__}")
        try:
            return hint.fromisoformat(value)
        except ValueError:
            raise CodecError(f"{value!r} is not a {hint.__name__} (write it as "
                             f"{'2026-03-21' if hint is date else '14:30'})") from None
    if origin is frozenset:
        return frozenset(_decode_value(args[0], v) for v in _expect(list, value))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode_value(args[0], v) for v in _expect(list, value))
        items = _expect(list, value)
        if len(items) != len(args):
            raise CodecError(f"expected {len(args)} values, found {len(items)}")
        return tuple(_decode_value(a, v) for a, v in zip(args, items))
    if origin is dict:
        return {_decode_value(args[0], k): _decode_value(args[1], v) for k, v in _expect(dict, value).items()}
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise CodecError(f"expected a number, found {value!r}")
        return float(value)
    if hint in (str, int, bool):
        if type(value) is not hint:
            raise CodecError(f"expected {hint.__name__}, found {value!r}")
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, value, skip=set())
    raise CodecError(f"cannot read a value of type {hint}")


def _expect(kind: type, value: Any) -> Any:
    if not isinstance(value, kind):
        raise CodecError(f"expected {'a list' if kind is list else 'an object'}, found {type(value).__name__}")
    return value
