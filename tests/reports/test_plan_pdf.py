"""Plan PDFs: every section is there, every kind of node prints wherever a plan names one, and
nothing confidential reaches the family or the child, with each case's own meeting and with a
made-up one that names everyone everywhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from circles_desktop.cli import main
from circles_desktop.demo_cases import SAYAH, demo_cases
from circles_desktop.graph import edits
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import Meeting
from circles_desktop.graph.meeting_edits import add_meeting
from circles_desktop.graph.model import CaseInfo, Household, Person, Service
from circles_desktop.graph.redaction import A_HOUSEHOLD, Audience, redaction_for
from circles_desktop.reports import figures
from circles_desktop.reports.plan_pdf import MIN_FIGURE_LABEL, PlanError, write_plan

from conftest import (
    EVERYONE,
    PLANS,
    meeting_of,
    page_count,
    pdf_text,
    printed_sizes,
    secrets,
    with_meeting,
)

TODAY = date(2026, 12, 12)


def test_the_professional_copy_has_every_section(tmp_path: Path, cases: list[CaseDocument]) -> None:
    zain = cases[0]
    out = tmp_path / "plan.pdf"
    write_plan(zain, out, "professional", today=TODAY)
    text = pdf_text(out)
    for section in ("Zain family network meeting", "CIN-2026-0412", "Bottom lines", "The network", "Genogram",
                    "Ecomap", "Key", "Who is invited", "First language", "Interpreter", "Agenda",
                    "Private family time", "Professionals leave the room", "What we are worried about",
                    "What is going well", "What needs to happen", "Scaling", "Actions",
                    "How we will know it has worked", "Who checks", "Contingency", "Review", "Distribution",
                    "Family feedback", "OFFICIAL-SENSITIVE", "Page 1 of", "Printed 12 December 2026 by Grace Adeyemi",
                    "Social worker Grace Adeyemi", "Kayla Morris", "Arabic (Lebanese)", "6 March 2027"):
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
    assert "Personal adviser Daniel Osei" in text and "Social worker Daniel" not in text  # the author's own job


@pytest.mark.parametrize("audience", ["family", "child"])
@pytest.mark.parametrize(("index", "kind"), PLANS)
def test_family_and_child_copies_hold_nothing_confidential(tmp_path: Path, cases: list[CaseDocument],
                                                            audience: str, index: int, kind: str) -> None:
    doc = cases[index]
    out = tmp_path / f"{audience}.pdf"
    write_plan(doc, out, audience, meeting=meeting_of(doc, kind), today=TODAY)
    text = pdf_text(out).casefold()
    hidden = secrets(doc)
    assert hidden, "every demo case has something to hide"
    for secret in hidden:
        assert secret.casefold() not in text, f"{doc.info.name}: {audience} copy shows {secret!r}"
    assert "must not be told" not in text and "not invited" not in text


# ----- every kind of node, wherever a plan names one -----------------------------------------------------


def _sayah_with_a_household_named_for_omar() -> CaseDocument:
    """Sayah's case with a household named after the man she must not be told of, shared with her mother."""
    doc = demo_cases()[1]
    omar = next(p for p in doc.people() if p.must_not_be_told)
    farida = next(p for p in doc.people() if p.given_names == "Farida")
    doc.apply(edits.add_node(Household(name=f"{omar.given_names}'s old flat", members=frozenset({omar.id, farida.id}))))
    return with_meeting(doc)


@pytest.mark.parametrize("audience", ["professional", "family", "child"])
def test_every_kind_of_node_prints_wherever_a_plan_names_one(tmp_path: Path, audience: str) -> None:
    """Households, services, professionals, family and the child: each on the invite list, doing and
    checking an action, giving a score and feedback, receiving the plan (the made-up meeting)."""
    doc = _sayah_with_a_household_named_for_omar()
    out = tmp_path / f"{audience}.pdf"
    write_plan(doc, out, audience, meeting=meeting_of(doc, EVERYONE), today=TODAY)
    text = pdf_text(out)
    home = next(h for h in doc.households() if h.name == "Farida and Sayah's flat")
    college = next(s for s in doc.services() if s.name == "Eastbridge Sixth Form College")
    daniel = next(p for p in doc.people() if p.given_names == "Daniel")
    if audience == "professional":
        for node in (home, college, daniel):
            for where in (f"{node.label} said so", f"Visit {node.label}", f"{node.label} found it helpful"):
                assert where in text, where  # a score, an action and feedback
        distribution = text.split("Distribution")[1].split("Family feedback")[0]
        assert f"• {home.label} •" in distribution and f"{college.label} (education)" in distribution
        assert f"{daniel.label} (personal adviser, Eastbridge Leaving Care Service)" in distribution
        assert "Omar's old flat" in text
        return
    assert "Omar" not in text
    if audience == "family":
        coming = text.split("Family and friends:")[1].split("What will happen at the meeting")[0]
        family, professionals = coming.split("People who work with your family:")
        assert home.label in family and college.label in professionals and daniel.label in professionals
        copies = text.split("Who has a copy of this plan")[1]
        assert f"• {A_HOUSEHOLD}" in copies  # Omar's flat, neutrally
        assert f"{daniel.label} (personal adviser) •" in copies  # a job in plain words
        assert f"{A_HOUSEHOLD} (household)" not in text
    else:
        assert page_count(out) <= 2


# ----- the network figures in the professional copy ----------------------------------------------------


@pytest.mark.parametrize("index", range(len(demo_cases())))
def test_each_network_figure_has_its_key_and_readable_names(tmp_path: Path, cases: list[CaseDocument],
                                                            index: int) -> None:
    """The genogram and the ecomap each with their key; their words print at a size a manager can read,
    or the figure is an overview that says where the full size is, its key still readable."""
    doc = cases[index]
    out = tmp_path / "professional.pdf"
    write_plan(doc, out, "professional", today=TODAY)
    text = pdf_text(out)
    runs = printed_sizes(out)
    for view, title in (("genogram", "Genogram"), ("ecomap", "Ecomap")):
        diagram = figures.diagram(doc, view, redaction_for(doc, Audience.PROFESSIONAL))
        assert diagram.legend is not None
        key = set(diagram.legend.texts())
        assert key <= {r.text for r in runs}, f"{doc.info.name}: {view} key"
        page = next(r.page for r in runs if r.text == title and r.size > 10)
        body = set(replace(diagram, legend=None).texts())
        words = {t for t in body if not t.isdigit() and not t.startswith("~")}  # not the ages in the symbols
        sizes = [r.size for r in runs if r.page == page and r.text in words]
        assert len(sizes) >= len(words) // 2, f"{doc.info.name}: the {view}'s words are on its page"
        overview = f"The full-size {view}, with every name readable, is in the case file printout" in text
        assert (min(sizes) < MIN_FIGURE_LABEL) == overview, f"{doc.info.name}: {view} at {min(sizes):.1f} pt"
        assert min(r.size for r in runs if r.page == page and r.text in key - body) >= MIN_FIGURE_LABEL


# ----- the family's and the child's copies -------------------------------------------------------------


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
                 "Grace Adeyemi, your social worker"):
        assert part in text, part
    assert text.index("What will happen next") < text.index("You: Nikita texts Mum") < text.index("Sonia: Collect")
    assert "more jobs" not in text  # all seven fit


@pytest.mark.parametrize(("author", "occupation", "called"), [
    ("Daniel Osei", None, "Daniel Osei, your personal adviser"),  # Sayah's own
    ("Daniel Osei", "GP trainee, Riverside", "Daniel Osei, your GP trainee"),
    ("Daniel Osei", "", "Daniel Osei, your social worker"),  # nothing better known
    ("Pat Lewis", None, "Pat Lewis, your social worker"),  # not in the network
])
def test_the_childs_copy_names_the_author_by_their_job(tmp_path: Path, author: str, occupation: str | None,
                                                       called: str) -> None:
    doc = demo_cases()[1]
    assert doc.info.name == SAYAH
    daniel = next(p for p in doc.people() if p.given_names == "Daniel")
    if occupation is not None:
        doc.apply(edits.update_node(doc, replace(daniel, occupation=occupation)))
    doc.apply(edits.update_case(doc, replace(doc.info, author=author)))
    out = tmp_path / "child.pdf"
    write_plan(doc, out, "child", today=TODAY)
    text = pdf_text(out)
    assert called in text
    for job in ("your social worker", "your personal adviser", "your GP trainee"):
        assert (job in text) == (job in called), job


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
