"""A household named after someone hidden keeps its outline but loses its name in family and child copies.

The case below is built to leak: the child lives in "Tom's home" with a father who must not be told
of her, and with foster carers whose whole record is confidential ("The Okoros' (foster home)"); an
uncle's flat carries the hidden father's surname. Every drawing, legend and plan for the family and
the child is printed and read back with pypdf, one hidden string at a time.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import Action, Invitation, InviteDecision, Meeting, Plan
from circles_desktop.graph.model import (
    CaseInfo,
    CirclePlacement,
    Contact,
    EcomapTie,
    Gender,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    Person,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    TieStrength,
)
from circles_desktop.graph.redaction import A_HOUSEHOLD, HOME, WITHHELD, Audience, redaction_for
from circles_desktop.reports import figures
from circles_desktop.reports.plan_pdf import write_plan
from circles_desktop.reports.printout import write_printout

HIDDEN = ["Tom's home", "Tom Reed", "Tom", "Reed", "Okoro", "Okoros", "Grace", "Femi", "foster home",
          "REED HOUSE"]


def _case() -> CaseDocument:
    family = CirclePlacement(Ring.CLOSEST, Sector.FAMILY)
    people = [
        Person(id="ada", given_names="Ada", family_name="Bell", gender=Gender.FEMALE, birth=PartialDate(2014),
               roles=frozenset({Role.CHILD}), circle=family),
        Person(id="sara", given_names="Sara", family_name="Bell", gender=Gender.FEMALE,
               roles=frozenset({Role.PARENT}), circle=family),
        Person(id="tom", given_names="Tom", family_name="Reed", gender=Gender.MALE, must_not_be_told=True,
               safety_reason="violence to Sara"),
        Person(id="grace", given_names="Grace", family_name="Okoro", gender=Gender.FEMALE, confidential=True),
        Person(id="femi", given_names="Femi", family_name="Okoro", gender=Gender.MALE, confidential=True),
        Person(id="sam", given_names="Sam", family_name="Bell", gender=Gender.MALE,
               circle=CirclePlacement(Ring.CLOSE, Sector.FAMILY)),
    ]
    homes = [Household(id="toms", name="Tom's home", members=frozenset({"ada", "sara", "tom"}), circle=family),
             Household(id="okoros", name="The Okoros' (foster home)", members=frozenset({"ada", "grace", "femi"})),
             Household(id="reeds", name="REED HOUSE", members=frozenset({"sam"}))]
    rels = [Parentage("sara", "ada", id="p1"), Parentage("tom", "ada", id="p2"), Partnership("tom", "sara", id="m1"),
            Parentage("grace", "ada", id="f1", type=ParentageType.FOSTER),
            Parentage("femi", "ada", id="f2", type=ParentageType.FOSTER), Partnership("femi", "grace", id="m2"),
            EcomapTie("toms", "school", id="t1", strength=TieStrength.STRONG), EcomapTie("toms", "sam", id="t2"),
            EcomapTie("okoros", "school", id="t3")]
    plan = Plan(worries=("Ada misses Tom's home",), working_well=("The Okoros' (foster home) is calm",),
                needs_to_happen=("Sam visits the Reeds",),
                actions=(Action("Keep the house safe", who="toms", checked_by="okoros"),
                         Action("Call Sam", who="reeds")),
                distribution=("toms", "okoros", "reeds", "sara"), contingency="Move to REED HOUSE",
                review_date=date(2027, 1, 1))
    meeting = Meeting(on=date(2026, 12, 1), purpose="A plan for Ada, who lives at Tom's home", plan=plan,
                      invitations=(Invitation("sara"), Invitation("sam"),
                                   Invitation("tom", decision=InviteDecision.MUST_NOT_BE_TOLD, reason="violence")))
    doc = CaseDocument(CaseInfo("Bell family", reference="X-1", meetings=(meeting,)))
    school = Service(id="school", name="Elm Primary", category=ServiceCategory.EDUCATION)
    doc.load(doc.info, [*people, school, *homes], rels)
    return doc


def _pdf_words(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).casefold()


def _assert_clean(path: Path) -> None:
    text = _pdf_words(path)
    for hidden in HIDDEN:
        assert hidden.casefold() not in text, f"{path.name} shows {hidden!r}"


def test_households_named_after_someone_hidden_get_a_neutral_name() -> None:
    doc = _case()
    for audience in (Audience.FAMILY, Audience.CHILD):
        redaction = redaction_for(doc, audience)
        # the child lives in the first two: "Home"; the hidden father's surname names the uncle's flat
        assert redaction.renamed == {"toms": HOME, "okoros": HOME, "reeds": A_HOUSEHOLD}
        assert redaction.shows("toms") and redaction.label(doc.node("reeds")) == A_HOUSEHOLD
        seen = redaction.document(doc)
        assert [seen.node(h).label for h in ("toms", "okoros", "reeds")] == [HOME, HOME, A_HOUSEHOLD]
        assert seen.node("ada") == doc.node("ada") and len(seen.relationships()) == len(doc.relationships())
        assert doc.node("toms").label == "Tom's home"  # the case itself is untouched
    professional = redaction_for(doc, Audience.PROFESSIONAL)
    assert not professional.renamed and professional.document(doc) is doc


def test_free_text_reads_the_neutral_name_in_place_of_the_households_own() -> None:
    family = redaction_for(_case(), Audience.FAMILY)
    assert family.text("Tom's home. Ada misses Tom's home; then REED HOUSE") == "Home. Ada misses home; then a household"
    # plural and possessive endings of a hidden name are that name too
    assert family.text("The Okoros came to Tom's flat") == f"The {WITHHELD} came to {WITHHELD} flat"
    assert family.leaks("the Okoros' (foster home)") == ["the Okoros' (foster home)"]
    assert family.text("Tomsk and Reedy") == "Tomsk and Reedy"  # a longer word is not the name


def test_a_surname_the_visible_family_shares_or_a_plain_name_renames_nothing() -> None:
    doc = CaseDocument(CaseInfo("x"))
    doc.load(doc.info, [Person(id="dad", given_names="Tom", family_name="Bell", must_not_be_told=True),
                        Person(id="mum", given_names="Sara", family_name="Bell"),
                        Household(id="h1", name="The Bells", members=frozenset({"dad", "mum"})),
                        Household(id="h2", name="Nan's", members=frozenset({"mum"})),
                        Household(id="h3", name="Tom's", members=frozenset({"dad"}))], [])
    family = redaction_for(doc, Audience.FAMILY)
    assert not family.renamed  # h3 is hidden outright: only the hidden father lives there
    assert "h3" in family.hidden


def test_a_confidential_address_in_a_households_name_is_renamed_for_professionals_too() -> None:
    doc = CaseDocument(CaseInfo("x"))
    doc.load(doc.info, [Person(id="mum", given_names="Sara", contact=Contact(address="4 Oak Lane"),
                               confidential_fields=frozenset({"contact.address"})),
                        Household(id="h", name="4 Oak Lane", members=frozenset({"mum"}))], [])
    assert redaction_for(doc, Audience.PROFESSIONAL).renamed == {"h": A_HOUSEHOLD}
    assert not redaction_for(doc, Audience.CASE_FILE).renamed


@pytest.mark.parametrize("audience", ["family", "child"])
@pytest.mark.parametrize("view", figures.VIEWS)
def test_printouts_drawn_from_the_audiences_document_hold_no_hidden_name(tmp_path: Path, audience: str,
                                                                        view: str) -> None:
    doc = _case()
    redaction = redaction_for(doc, audience)
    out = tmp_path / f"{view}.pdf"
    write_printout(doc, figures.diagram(redaction.document(doc), view, redaction), out, audience=audience)
    _assert_clean(out)
    if view != "circles":  # the household is drawn, under its neutral name
        assert "home" in _pdf_words(out)


@pytest.mark.parametrize("view", ["genogram", "ecomap"])
def test_the_figures_module_draws_the_audiences_document(tmp_path: Path, view: str) -> None:
    doc = _case()
    redaction = redaction_for(doc, Audience.FAMILY)
    out = tmp_path / f"{view}.pdf"
    write_printout(doc, figures.diagram(doc, view, redaction), out, audience="family")
    _assert_clean(out)


@pytest.mark.parametrize("audience", ["family", "child"])
def test_plans_hold_no_hidden_name(tmp_path: Path, audience: str) -> None:
    out = tmp_path / "plan.pdf"
    write_plan(_case(), out, audience, today=date(2026, 12, 1))
    _assert_clean(out)
    assert "home" in _pdf_words(out)
