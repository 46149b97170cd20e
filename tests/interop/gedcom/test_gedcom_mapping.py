"""How standard GEDCOM (from any program) maps onto a Circles case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circles_desktop.graph.model import (
    DateQualifier,
    Gender,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
)
from circles_desktop.interop.gedcom import read_gedcom
from circles_desktop.interop.gedcom.dates import DateNotKept, format_date, parse_date

HEAD = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"


def _doc(ged: Callable[..., Path], body: str):  # type: ignore[no-untyped-def]
    return read_gedcom(ged(HEAD + body + "0 TRLR\n"))


def _person(doc, label: str):  # type: ignore[no-untyped-def]
    return next(p for p in doc.people() if p.label == label)


def test_names_sex_and_nicknames(ged: Callable[..., Path]) -> None:
    doc = _doc(ged, "0 @I1@ INDI\n1 NAME Henry Charles \"Harry\" /Windsor/\n1 SEX M\n"
                    "0 @I2@ INDI\n1 NAME Jan /Berg/ Jr.\n2 SPFX van den\n2 SURN Berg\n2 NICK Janneke\n1 SEX F\n"
                    "0 @I3@ INDI\n1 NAME Sam\n1 SEX X\n0 @I4@ INDI\n1 NAME //\n1 SEX Q\n").document
    harry, jan, sam, nobody = doc.people()
    assert (harry.given_names, harry.family_name, harry.known_as, harry.gender) == \
        ("Henry Charles", "Windsor", "Harry", Gender.MALE)
    assert (jan.given_names, jan.family_name, jan.known_as, jan.gender) == \
        ("Jan", "van den Berg Jr.", "Janneke", Gender.FEMALE)
    assert (sam.given_names, sam.family_name, sam.gender) == ("Sam", "", Gender.NON_BINARY)
    assert nobody.gender is Gender.UNKNOWN and nobody.label == "(no name yet)"


def test_an_unknown_sex_is_reported(ged: Callable[..., Path]) -> None:
    result = _doc(ged, "0 @I1@ INDI\n1 SEX Q\n")
    assert [str(p) for p in result.problems] == ["line 6: sex 'Q' is not M, F, X or U; read as unknown"]


def test_birth_death_restriction_and_notes(ged: Callable[..., Path]) -> None:
    doc = _doc(ged, "0 @I1@ INDI\n1 NAME Ada /King/\n1 BIRT\n2 DATE ABT 1815\n1 DEAT\n2 DATE 27 NOV 1852\n"
                    "1 RESN confidential\n1 TITL Countess of Lovelace\n1 NOTE A @@ mathematician\n2 CONT who\n"
                    "2 CONC  wrote\n1 NOTE @N1@\n0 @I2@ INDI\n1 NAME Bo\n1 DEAT\n1 RESN privacy\n"
                    "0 @I3@ INDI\n1 NAME Cy\n1 BURI\n1 RESN locked\n0 @N1@ NOTE Shared\n1 CONT note\n").document
    ada, bo, cy = doc.people()
    assert ada.birth == PartialDate(1815, qualifier=DateQualifier.ABOUT)
    assert ada.deceased and ada.death == PartialDate(1852, 11, 27)
    assert ada.confidential and bo.confidential and not cy.confidential
    assert bo.deceased and bo.death is None and cy.deceased
    assert ada.notes == "A @ mathematician\nwho wrote\nShared\nnote\nTitle: Countess of Lovelace\nGEDCOM record @I1@"


def test_dates_circles_cannot_hold_go_to_the_notes_and_are_reported(ged: Callable[..., Path]) -> None:
    result = _doc(ged, "0 @I1@ INDI\n1 NAME Tut\n1 BIRT\n2 DATE 1341 B.C.\n1 DEAT\n2 DATE (in his youth)\n")
    tut = result.document.people()[0]
    assert tut.birth is None and tut.death is None and tut.deceased
    assert "Birth date in the GEDCOM file: 1341 B.C." in tut.notes
    assert "Death date in the GEDCOM file: (in his youth)" in tut.notes
    assert [p.line for p in result.problems] == [8, 10]


def test_a_family_with_marriage_divorce_and_children(ged: Callable[..., Path]) -> None:
    doc = _doc(ged, "0 @H@ INDI\n1 NAME Hal\n1 SEX M\n0 @W@ INDI\n1 NAME Wyn\n1 SEX F\n"
                    "0 @C1@ INDI\n1 NAME Cat\n1 FAMC @F@\n2 PEDI adopted\n0 @C2@ INDI\n1 NAME Dai\n1 FAMC @F@\n"
                    "2 PEDI foster\n0 @C3@ INDI\n1 NAME Eve\n0 @C4@ INDI\n1 NAME Fay\n1 FAMC @F@\n2 PEDI sealing\n"
                    "0 @F@ FAM\n1 HUSB @H@\n1 WIFE @W@\n1 MARR\n2 DATE 1 JUN 1990\n1 DIV\n2 DATE 2001\n"
                    "1 CHIL @C1@\n1 CHIL @C2@\n1 CHIL @C3@\n1 CHIL @C4@\n").document
    (couple,) = [r for r in doc.relationships() if isinstance(r, Partnership)]
    hal, wyn = _person(doc, "Hal"), _person(doc, "Wyn")
    assert (couple.source, couple.target, couple.type) == (hal.id, wyn.id, PartnershipType.DIVORCED)
    assert (couple.start, couple.end) == (PartialDate(1990, 6, 1), PartialDate(2001))
    kinds = {(doc.node(r.source).label, doc.node(r.target).label): r.type for r in doc.relationships()
             if isinstance(r, Parentage)}
    assert kinds == {(parent, child): kind for parent in ("Hal", "Wyn") for child, kind in (
        ("Cat", ParentageType.ADOPTIVE), ("Dai", ParentageType.FOSTER), ("Eve", ParentageType.BIRTH),
        ("Fay", ParentageType.BIRTH))}
    sealed = [r for r in doc.relationships() if isinstance(r, Parentage) and doc.node(r.target).label == "Fay"]
    assert all(r.notes == "GEDCOM pedigree: sealing" for r in sealed)


@pytest.mark.parametrize(("events", "kind"), [
    ("", PartnershipType.COHABITING), ("1 ENGA\n", PartnershipType.ENGAGED),
    ("1 MARR Y\n", PartnershipType.MARRIED), ("1 DIV\n", PartnershipType.DIVORCED),
])
def test_the_kind_of_partnership_follows_the_family_events(ged: Callable[..., Path], events: str,
                                                           kind: PartnershipType) -> None:
    doc = _doc(ged, "0 @A@ INDI\n0 @B@ INDI\n0 @F@ FAM\n1 HUSB @A@\n1 WIFE @B@\n" + events).document
    assert [r.type for r in doc.relationships()] == [kind]


def test_gedcom7_pedigrees_and_adoption_by_one_parent(ged: Callable[..., Path]) -> None:
    doc = read_gedcom(ged("0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @A@ INDI\n1 NAME A\n0 @B@ INDI\n1 NAME B\n"
                          "0 @C@ INDI\n1 NAME C\n1 FAMC @F@\n1 ADOP\n2 FAMC @F@\n3 ADOP WIFE\n"
                          "0 @D@ INDI\n1 NAME D\n1 FAMC @F@\n2 PEDI OTHER\n3 PHRASE step-daughter\n"
                          "0 @F@ FAM\n1 HUSB @A@\n1 WIFE @B@\n1 CHIL @C@\n1 CHIL @D@\n0 TRLR\n")).document
    kinds = {(doc.node(r.source).label, doc.node(r.target).label): r.type for r in doc.relationships()
             if isinstance(r, Parentage)}
    assert kinds == {("A", "C"): ParentageType.BIRTH, ("B", "C"): ParentageType.ADOPTIVE,
                     ("A", "D"): ParentageType.STEP, ("B", "D"): ParentageType.STEP}


def test_a_child_linked_only_from_its_own_record_still_gets_parents(ged: Callable[..., Path]) -> None:
    doc = _doc(ged, "0 @A@ INDI\n1 NAME A\n0 @C@ INDI\n1 NAME C\n1 FAMC @F@\n0 @F@ FAM\n1 WIFE @A@\n").document
    assert [p.label for p in doc.parents_of(_person(doc, "C").id)] == ["A"]


def test_associates_become_notes(ged: Callable[..., Path]) -> None:
    doc = _doc(ged, "0 @A@ INDI\n1 NAME Ann\n1 ASSO @B@\n2 RELA Godfather\n0 @B@ INDI\n1 NAME Bob\n"
                    "1 ASSO @Z@\n2 RELA friend\n").document
    assert "Associate: Bob (godfather)" in _person(doc, "Ann").notes
    assert doc.relationships() == []


def test_contradicting_dates_are_moved_to_notes_so_the_case_is_valid(ged: Callable[..., Path]) -> None:
    result = _doc(ged, "0 @P@ INDI\n1 NAME Pat\n1 BIRT\n2 DATE 1950\n1 DEAT\n2 DATE 1940\n"
                       "0 @K@ INDI\n1 NAME Kim\n1 BIRT\n2 DATE 1949\n1 FAMC @F@\n"
                       "0 @F@ FAM\n1 HUSB @P@\n1 CHIL @K@\n")
    pat, kim = result.document.people()
    assert pat.death is None and "Died: 1940" in pat.notes
    assert kim.birth is None and "Born: 1949" in kim.notes
    assert len(result.document.relationships()) == 1
    assert [p.line for p in result.problems] == [5, 18]  # the person; the CHIL line


@pytest.mark.parametrize(("text", "date"), [
    ("12 MAR 1987", PartialDate(1987, 3, 12)), ("MAR 1987", PartialDate(1987, 3)), ("1987", PartialDate(1987)),
    ("ABT 1950", PartialDate(1950, qualifier=DateQualifier.ABOUT)),
    ("EST 1950", PartialDate(1950, qualifier=DateQualifier.ABOUT)),
    ("CAL 1950", PartialDate(1950, qualifier=DateQualifier.ABOUT)),
    ("BEF 2 JAN 2001", PartialDate(2001, 1, 2, DateQualifier.BEFORE)),
    ("AFT 1900", PartialDate(1900, qualifier=DateQualifier.AFTER)),
    ("BET 1850 AND 1860", PartialDate(1850, qualifier=DateQualifier.ABOUT)),
    ("BET 3 MAR 1850 AND 1860", PartialDate(1850, qualifier=DateQualifier.ABOUT)),
    ("FROM 1900 TO 1910", PartialDate(1900, qualifier=DateQualifier.ABOUT)),
    ("FROM 1900", PartialDate(1900, qualifier=DateQualifier.AFTER)),
    ("TO 1910", PartialDate(1910, qualifier=DateQualifier.BEFORE)),
    ("INT 1900 (or so)", PartialDate(1900)), ("1700/01", PartialDate(1701)),
    ("11 FEB 1731/32", PartialDate(1732, 2, 11)), ("@#DJULIAN@ 1700", PartialDate(1700)),
    ("JULIAN 5 OCT 1582", PartialDate(1582, 10, 5)), ("abt. 1066 or 1094", PartialDate(1066, qualifier=DateQualifier.ABOUT)),
    ("1908 ?", PartialDate(1908, qualifier=DateQualifier.ABOUT)),
    ("28 Jan 1456-1457", PartialDate(1456, 1, 28, DateQualifier.ABOUT)), ("1987-03-21", PartialDate(1987, 3, 21)),
    ("", None),
])
def test_gedcom_dates(text: str, date: PartialDate | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(("text", "why"), [
    ("1401 B.C.", "before the Common Era"), ("@#DHEBREW@ 5700", "hebrew calendar"),
    ("FRENCH_R 1 VEND 12", "french r calendar"), ("(a phrase)", "phrase"), ("31 FEB 1900", "no day 31"),
    ("11 AUG", "not a year"), ("0", "outside the years"), ("BET 1900", "BET needs AND"), ("WILL 1694", "not a month"),
])
def test_dates_circles_cannot_hold_say_why(text: str, why: str) -> None:
    with pytest.raises(DateNotKept, match=why):
        parse_date(text)


@given(st.builds(PartialDate, year=st.integers(1, 9999), qualifier=st.sampled_from(DateQualifier))
       | st.builds(PartialDate, year=st.integers(1, 9999), month=st.integers(1, 12),
                   qualifier=st.sampled_from(DateQualifier))
       | st.dates().map(lambda d: PartialDate(d.year, d.month, d.day)))
def test_every_circles_date_survives_gedcom(date: PartialDate) -> None:
    assert parse_date(format_date(date)) == date
