"""The codec: every model object survives encoding, and hostile data is refused by name."""

from __future__ import annotations

import json

import pytest

from circles_desktop.graph.codec import CodecError, decode_case_info, decode_node, decode_relationship, encode
from circles_desktop.graph.model import (
    CaseInfo,
    CirclePlacement,
    Contact,
    EcomapTie,
    Flow,
    Gender,
    Household,
    PartialDate,
    Person,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
)


def test_every_field_survives_a_trip_through_json_text() -> None:
    person = Person(
        given_names="নিকিতা", family_name="Zain", gender=Gender.FEMALE, birth=PartialDate.parse("~2009-03"),
        roles=frozenset({Role.CHILD}), positions={"genogram": (1.0, -2.5)}, identity={"religion": "Hindu"},
        circle=CirclePlacement(Ring.CLOSE, Sector.FAMILY), contact=Contact(address="1 High St"),
        confidential_fields=frozenset({"contact.address"}), strengths=("funny", "brave"), wishes="I want…",
    )
    tie = EcomapTie(person.id, "svc", flow=Flow.BOTH, support=frozenset({SupportKind.PRACTICAL}))
    for obj, decode in [(person, decode_node), (Service(name="GP", category=ServiceCategory.HEALTH), decode_node),
                        (Household(members=frozenset({"a", "b"})), decode_node), (tie, decode_relationship)]:
        assert decode(json.loads(json.dumps(encode(obj)))) == obj
    info = CaseInfo("Zain family", reference="CIN-1")
    assert decode_case_info(encode(info)) == info


@pytest.mark.parametrize("data, words", [
    ({"kind": "person", "gender": "robot"}, "'robot' is not one of"),
    ({"kind": "alien"}, "unknown kind of node"),
    ({"kind": "person", "id": "p9", "nickname": "x"}, "p9.*unknown field 'nickname'"),
    ({"kind": "person", "birth": "1990-13"}, "no month 13"),
    ({"kind": "person", "birth": 1990}, "must be text"),
    ({"kind": "person", "deceased": "yes"}, "expected bool"),
    ({"kind": "person", "approximate_age": True}, "expected int"),
    ({"kind": "person", "strengths": "kind"}, "expected a list"),
    ({"kind": "person", "positions": {"genogram": [1]}}, "expected 2 values"),
    ({"kind": "person", "positions": {"genogram": ["a", 1]}}, "expected a number"),
    ({"kind": "person", "contact": "nowhere"}, "must be an object"),
    ("person", "unknown kind of node"),
])
def test_bad_nodes_are_refused_naming_the_field(data: object, words: str) -> None:
    with pytest.raises(CodecError, match=words):
        decode_node(data)


@pytest.mark.parametrize("data, words", [
    ({"kind": "marriage", "source": "a", "target": "b"}, "unknown kind of relationship"),
    ({"kind": "ecomap", "source": "a"}, "target"),
    ({"kind": "ecomap", "source": "a", "target": "b", "strength": "huge"}, "'huge' is not one of"),
    ({"kind": "ecomap", "source": "a", "target": "b", "support": ["hugs"]}, "'hugs' is not one of"),
])
def test_bad_relationships_are_refused(data: object, words: str) -> None:
    with pytest.raises(CodecError, match=words):
        decode_relationship(data)
