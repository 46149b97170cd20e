"""Audience profiles: the family and the child never see what is confidential or who is excluded."""

from __future__ import annotations

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import Invitation, InviteDecision, Meeting
from circles_desktop.graph.model import (
    CaseInfo,
    Contact,
    Emotional,
    Household,
    Parentage,
    Person,
    Role,
    Service,
)
from circles_desktop.graph.redaction import WITHHELD, Audience, field_text, redaction_for


def _case() -> CaseDocument:
    doc = CaseDocument(CaseInfo("Khan family", meetings=(
        Meeting(invitations=(Invitation("cousin", decision=InviteDecision.DO_NOT_INVITE, reason="feud"),)),)))
    people = [
        Person(id="child", given_names="Aisha", family_name="Khan", roles=frozenset({Role.CHILD})),
        Person(id="mum", given_names="Sara", family_name="Khan", contact=Contact(address="12 Elm Road, E7",
               phone="07700 900123"), confidential_fields=frozenset({"contact.address"})),
        Person(id="dad", given_names="Tariq", family_name="Khan", known_as="Taz", must_not_be_told=True,
               contact=Contact(phone="07700 900999")),
        Person(id="refuge", given_names="Halima", family_name="Begum", confidential=True),
        Person(id="cousin", given_names="Imran", family_name="Hossain"),
        Person(id="partner", given_names="Lee", family_name="Ward", must_not_invite=True),
        Person(id="ali", given_names="Alison", family_name="Ward"),
    ]
    refuge_service = Service(id="svc", name="Safe Haven Refuge", contact_person="Jo Bloggs", confidential=True)
    flat = Household(id="flat", name="Tariq's flat", members=frozenset({"dad"}), address="4 Oak Lane")
    home = Household(id="home", name="Home", members=frozenset({"child", "mum", "dad"}))
    rels = [Parentage("mum", "child", id="r1"), Parentage("dad", "child", id="r2"),
            Emotional("mum", "ali", id="r3", confidential=True)]
    doc.load(doc.info, [*people, refuge_service, flat, home], rels)
    return doc


def test_the_case_file_sees_everything() -> None:
    case_file = redaction_for(_case(), "case-file")
    assert not case_file.hidden and not case_file.hidden_relationships
    assert case_file.text("Tariq at 12 Elm Road, E7") == "Tariq at 12 Elm Road, E7"


def test_professionals_see_everyone_but_not_confidential_details() -> None:
    doc = _case()
    professional = redaction_for(doc, Audience.PROFESSIONAL)
    assert not professional.hidden
    assert professional.field(doc.node("mum"), "contact.address") == ""
    assert professional.field(doc.node("mum"), "contact.phone") == "07700 900123"
    assert professional.text("Sara lives at 12 Elm Road, E7") == f"Sara lives at {WITHHELD}"


def test_family_and_child_lose_every_confidential_and_excluded_person() -> None:
    doc = _case()
    for audience in (Audience.FAMILY, Audience.CHILD):
        family = redaction_for(doc, audience)
        assert family.hidden == {"dad", "refuge", "cousin", "partner", "svc", "flat"}
        assert family.hidden_relationships == {"r2", "r3"}  # to the hidden father; the confidential tie
        assert family.shows("mum") and family.shows("home") and not family.shows("dad")


def test_text_that_names_a_hidden_person_is_withheld_in_any_case_and_script() -> None:
    doc = _case()
    family = redaction_for(doc, Audience.FAMILY)
    said = "Taz and TARIQ KHAN phoned; Imran said Lee knows 12 Elm Road, E7 and 07700 900999."
    cleaned = family.text(said)
    for secret in ("Taz", "TARIQ", "Imran", "Lee", "Elm Road", "900999"):
        assert secret not in cleaned
    assert family.leaks(said) and not family.leaks(cleaned)
    # a shared family name names nobody; a name inside a longer word is not that name
    assert family.text("Aisha Khan and Alison Ward met Leena.") == "Aisha Khan and Alison Ward met Leena."
    assert family.field(doc.node("mum"), "contact.address") == ""
    assert family.field(doc.node("dad"), "given_names") == ""


def test_names_in_other_scripts_are_withheld_whole() -> None:
    doc = CaseDocument(CaseInfo("x"))
    doc.load(doc.info, [Person(id="a", given_names="রাজ", family_name="দাস", must_not_be_told=True),
                        Person(id="b", given_names="রাজিয়া", family_name="দাস")], [])
    family = redaction_for(doc, Audience.CHILD)
    assert family.text("রাজ দাস এবং রাজিয়া") == f"{WITHHELD} এবং রাজিয়া"


def test_field_paths_reach_nested_fields_and_identity_notes() -> None:
    person = Person(contact=Contact(email="a@b.org"), identity={"religion": "Muslim"}, strengths=("kind", "funny"))
    assert field_text(person, "contact.email") == "a@b.org"
    assert field_text(person, "identity.religion") == "Muslim"
    assert field_text(person, "strengths") == "kind; funny"
    assert field_text(person, "no.such") == ""
