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
import operator
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
    """A node, relationship or case description as a dict of JSON types, with its kind.

    Fields still at their default are left out, which keeps stored rows and files small.
    """
    return _class_encoder(type(obj))(obj)


_KEEP = object()  # a field that is always written, default or not
# Values written as they are: what _encode_value returns unchanged (an enum is a str subclass, not str).
_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _class_encoder(cls: type) -> typing.Callable[[Any], Json]:
    """A function that writes one ``cls``, built once per class: importing 100,000 people encodes a
    quarter of a million objects, and looking the fields up again for each cost a third of storing them."""
    kind = getattr(cls, "kind", None) if cls is not CaseInfo else None
    kind = kind.value if isinstance(kind, Enum) else kind
    fields = []
    for f in dataclasses.fields(cls):
        if f.name in ("source", "target"):
            default = _KEEP
        elif f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = _KEEP
        fields.append((f.name, default))
    names = tuple(name for name, _ in fields)
    if len(names) > 1:
        values_of = operator.attrgetter(*names)
    else:  # attrgetter of one name gives the value itself, not a tuple

        def values_of(obj: Any) -> tuple[Any, ...]:
            return tuple(getattr(obj, name) for name in names)

    def encode_one(obj: Any) -> Json:
        data: Json = {} if kind is None else {"kind": kind}
        for (name, default), value in zip(fields, values_of(obj)):
            if default is _KEEP or (value is not default and value != default):
                data[name] = value if type(value) in _PLAIN else _encode_value(value)
        return data

    return encode_one


def _encode_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (Contact, CirclePlacement)):  # small values, written whole
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
    return _class_decoder(cls, frozenset(skip))(data)


Decoder = typing.Callable[[Any], Any]


@functools.cache
def _class_decoder(cls: type, skip: frozenset[str]) -> Decoder:
    """A function that reads one ``cls`` from a dict, built once per class for speed.

    Loading a 5,000-person case decodes tens of thousands of objects; looking the type hints
    up again for each value made decoding the slowest part of opening a case.
    """
    what = cls.__name__.lower()
    hints = _hints(cls)
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(cls) if f.init}
    allowed = set(fields) | skip

    def decode(data: Any) -> Any:
        if not isinstance(data, dict):
            raise CodecError(f"a {what} must be an object, not {type(data).__name__}")
        ident = data.get("id") or data.get("name") or "?"
        if not allowed.issuperset(data):
            unknown = sorted(set(data) - allowed)[0]
            raise CodecError(f"{what} {ident!r}: unknown field {unknown!r}")
        values = {}
        for name, value in data.items():
            if name in skip:
                continue
            try:
                values[name] = fields[name](value)
            except (CodecError, ValueError, TypeError) as exc:
                raise CodecError(f"{what} {ident!r}, field {name!r}: {exc}") from None
        try:
            return cls(**values)
        except TypeError as exc:
            raise CodecError(f"{what} {ident!r}: {exc}") from None

    return decode


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function that reads a value of type ``hint`` from JSON data, strictly."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        decode_inner = _decoder(inner)
        return lambda value: None if value is None else decode_inner(value)
    if hint is Any:
        return lambda value: value
    if isinstance(hint, type) and issubclass(hint, Enum):
        return functools.partial(_decode_enum, hint)
    if hint is PartialDate:
        return _decode_partial_date
    if hint in (date, time):
        return functools.partial(_decode_iso, hint)
    if origin is frozenset:
        item = _decoder(args[0])
        return lambda value: frozenset(map(item, _expect(list, value)))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(map(item, _expect(list, value)))
    if origin is tuple:
        items = tuple(_decoder(a) for a in args)
        return functools.partial(_decode_fixed_tuple, items)
    if origin is dict:
        key, item = _decoder(args[0]), _decoder(args[1])
        return lambda value: {key(k): item(v) for k, v in _expect(dict, value).items()}
    if hint is float:
        return _decode_number
    if hint in (str, int, bool):
        return functools.partial(_decode_exact, hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _class_decoder(hint, frozenset())
    raise TypeError(f"the codec cannot read a value of type {hint}")


def _decode_enum(enum: type[Enum], value: Any) -> Enum:
    try:
        return enum(value)
    except ValueError:
        raise CodecError(f"{value!r} is not one of {', '.join(m.value for m in enum)}") from None


def _decode_partial_date(value: Any) -> PartialDate:
    if not isinstance(value, str):
        raise CodecError(f"a date must be text, not {type(value).__name__}")
    return PartialDate.parse(value)


def _decode_iso(kind: type[date] | type[time], value: Any) -> date | time:
    if not isinstance(value, str):
        raise CodecError(f"a {kind.__name__} must be text, not {type(value).__name__}")
    try:
        return kind.fromisoformat(value)
    except ValueError:
        raise CodecError(f"{value!r} is not a {kind.__name__} (write it as "
                         f"{'2026-03-21' if kind is date else '14:30'})") from None


def _decode_fixed_tuple(items: tuple[Decoder, ...], value: Any) -> tuple[Any, ...]:
    values = _expect(list, value)
    if len(values) != len(items):
        raise CodecError(f"expected {len(items)} values, found {len(values)}")
    return tuple(decode(v) for decode, v in zip(items, values))


def _decode_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CodecError(f"expected a number, found {value!r}")
    return float(value)


def _decode_exact(kind: type, value: Any) -> Any:
    if type(value) is not kind:
        raise CodecError(f"expected {kind.__name__}, found {value!r}")
    return value


def _expect(kind: type, value: Any) -> Any:
    if not isinstance(value, kind):
        raise CodecError(f"expected {'a list' if kind is list else 'an object'}, found {type(value).__name__}")
    return value
