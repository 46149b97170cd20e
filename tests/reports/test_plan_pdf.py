"""Plan PDFs: every section is there, and nothing confidential reaches the family or the child."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from circles_desktop.cli import main
from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import Meeting
from circles_desktop.graph.meeting_edits import add_meeting
from circles_desktop.graph.model import CaseInfo, Person, Service
from circles_desktop.graph.redaction import field_text
from circles_desktop.reports.plan_pdf import PlanError, write_plan

from conftest import page_count, pdf_text, person_names, with_meeting

TODAY = date(2026, 12, 12)


def _secrets(doc: CaseDocument) -> list[str]:
    """Every string the family must not read, worked out here from the model, not by the redaction."""
    excluded = {i.node_id for m in doc.info.meetings for i in m.invitations if i.excluded}
    hidden = [p for p in doc.people() if p.confidential or p.must_not_be_told or p.must_not_invite
              or p.id in excluded]
    visible_words = {w for p in doc.people() if p not in hidden for w in
                     f"{p.given_names} {p.family_name} {p.known_as}".split()}
    secrets = [name for p in hidden for name in person_names(p)]
    secrets += [w for p in hidden for w in p.given_names.split() if w not in visible_words]
    secrets += [s.name for s in doc.services() if s.confidential]
    secrets += [field_text(n, path) for n in doc.nodes() for path in n.confidential_fields]
    return sorted({s for s in secrets if len(s) > 2})


def test_the_professional_copy_has_every_section(tmp_path: Path, cases: list[CaseDocument]) -> None:
    zain = cases[0]
    out = tmp_path / "plan.pdf"
    write_plan(zain, out, "professional", today=TODAY)
    text = pdf_text(out)
    for section in ("Zain family network meeting", "CIN-2026-0412", "Bottom lines", "The network", "Genogram",
                    "Ecomap", "Who is invited", "First language", "Interpreter", "Agenda",
                    "Private family time", "Professionals leave the room", "What we are worried about",
                    "What is going well", "What needs to happen", "Scaling", "Actions",
                    "How we will know it has worked", "Who checks", "Contingency", "Review", "Distribution",
                    "Family feedback", "OFFICIAL-SENSITIVE", "Page 1 of", "Printed 12 December 2026 by Grace Adeyemi",
                    "Kayla Morris", "Arabic (Lebanese)", "6 March 2027"):
        assert section in text, section
    n = page_count(out)
    assert f"Page {n} of {n}" in text


def test_the_professional_copy_names_the_excluded_and_why(tmp_path: Path, cases: list[CaseDocument]) -> None:
    sayah = cases[1]
    out = tmp_path / "sayah.pdf"
    write_plan(sayah, out, "professional", today=TODAY)
    text = pdf_text(out)
    omar = next(p for p in sayah.people() if p.must_not_be_told)
    assert omar.label in text and "MUST NOT BE TOLD" in text and omar.safety_reason.split()[0] in text


@pytest.mark.parametrize("audience", ["family", "child"])
@pytest.mark.parametrize("index", range(len(demo_cases())))
def test_family_and_child_copies_hold_nothing_confidential(tmp_path: Path, cases: list[CaseDocument],
                                                            audience: str, index: int) -> None:
    doc = cases[index]
    out = tmp_path / f"{audience}.pdf"
    write_plan(doc, out, audience, today=TODAY)
    text = pdf_text(out).casefold()
    secrets = _secrets(doc)
    assert secrets, "every demo case has something to hide"
    for secret in secrets:
        assert secret.casefold() not in text, f"{doc.info.name}: {audience} copy shows {secret!r}"
    assert "must not be told" not in text and "not invited" not in text


@pytest.mark.slow  # three copies, one of the largest demo case
def test_the_family_copy_is_plain_and_in_the_familys_language(tmp_path: Path, cases: list[CaseDocument]) -> None:
    out = tmp_path / "family.pdf"
    write_plan(cases[0], out, "family", today=TODAY)
    text = pdf_text(out)
    for heading in ("Our family plan", "When and where we meet", "Who is coming", "What we are worried about",
                    "Who will do what", "If the plan is not working", "When we will look at the plan again",
                    "Who has a copy of this plan", "In their own words", "Family and friends:"):
        assert heading in text, heading
    for jargon in ("Contingency", "Bottom lines", "Distribution", "Stage"):
        assert jargon not in text
    programme = tmp_path / "bengali.pdf"
    write_plan(cases[2], programme, "family", today=TODAY)  # most of the family speak Bengali or Sylheti
    text = pdf_text(programme)
    assert "কে কী করবেন" in text and "Who will do what" in text
    assert "draft translation" in text
    polish = tmp_path / "polish.pdf"
    write_plan(cases[3], polish, "family", today=TODAY)
    assert "Kto co zrobi" in pdf_text(polish)


def test_the_childs_copy_is_short_and_in_their_words(tmp_path: Path, cases: list[CaseDocument]) -> None:
    out = tmp_path / "child.pdf"
    write_plan(cases[0], out, "child", today=TODAY)
    text = pdf_text(out)
    assert page_count(out) <= 2
    for part in ("Nikita’s plan", "Your circles", "What will happen next", "Who you can talk to",
                 "Leah, who helps you say what you think", "In your own words", "I'm not a bad person",
                 "You: Nikita texts Mum"):
        assert part in text, part


def test_a_case_without_a_meeting_or_a_child_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    doc = CaseDocument(CaseInfo("Empty"))
    out = tmp_path / "plan.pdf"
    with pytest.raises(PlanError, match="Empty: there is no meeting"):
        write_plan(doc, out, "family")
    doc.load(doc.info, [Person(id="a", given_names="Ann"), Service(id="s", name="GP")], [])
    doc.apply(add_meeting(doc, Meeting()))
    with pytest.raises(PlanError, match="no child at the centre"):
        write_plan(doc, out, "child")
    assert list(tmp_path.iterdir()) == []


def test_circles_plan_prints_from_the_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from circles_desktop.store.library import Library

    db = f"sqlite:///{tmp_path / 'lib.db'}"
    library = Library.open(db)
    library.add_document(with_meeting(demo_cases()[0]))
    out = tmp_path / "family.pdf"
    assert main(["--db", db, "plan", "Zain family", "-o", str(out), "--audience", "family"]) == 0
    assert "Who will do what" in pdf_text(out)
    assert main(["--db", db, "plan", "Zain family", "-o", str(tmp_path / "plan.txt")]) == 2
    assert main(["--db", db, "plan", "Zain family", "-o", str(tmp_path / "no" / "p.pdf")]) == 2
    assert "no such folder" in capsys.readouterr().err
