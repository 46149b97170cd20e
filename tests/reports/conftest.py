"""Shared helpers for the report tests: demo cases with a meeting each, and reading PDFs back."""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from circles_desktop.demo_cases import demo_cases
from circles_desktop.demo_meetings import add_demo_meetings
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import Action, ChildParticipation, Plan, ScalingScore
from circles_desktop.graph.meeting_edits import add_meeting, new_meeting
from circles_desktop.graph.model import Person


def with_meeting(doc: CaseDocument) -> CaseDocument:
    """The case with a meeting: the Zain demo's own, else one that names everyone in every field.

    The made-up plan deliberately mentions every person, hidden or not, in its free text, gives every
    node an action and a score and the plan to everyone, so a family copy must redact to be clean.
    """
    edit = add_demo_meetings(doc)
    if edit is not None:
        doc.apply(edit)
        return doc
    people = [p for p in doc.people() if not p.deceased]
    everyone = [n.id for n in doc.nodes()]
    text = "; ".join(f"{p.label} ({p.contact.address or 'no address'})" for p in people)
    plan = Plan(worries=(f"Worried about: {text}",), working_well=("Everyone came",),
                needs_to_happen=(f"Talk to {text}",),
                scores=tuple(ScalingScore(p.id, 5, f"{p.label} said so") for p in people),
                actions=tuple(Action(f"Visit {n.label}", who=n.id, checked_by=n.id) for n in doc.nodes()),
                contingency=f"Call {text}", distribution=tuple(everyone))
    meeting = new_meeting(doc, purpose=f"A plan with {text}", plan=plan)
    children = tuple(replace(c, own_words=f"I trust {text}", advocate_id=people[-1].id) for c in meeting.children)
    doc.apply(add_meeting(doc, replace(meeting, children=children or (ChildParticipation(people[0].id),))))
    return doc


@pytest.fixture(scope="session")
def cases() -> list[CaseDocument]:
    return [with_meeting(doc) for doc in demo_cases()]


def pdf_text(path: Path) -> str:
    """What a reader can copy out of the PDF: pypdf's text and poppler's (which reads /ActualText)."""
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    poppler = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return normalise(text + "\n" + poppler.stdout)


def normalise(text: str) -> str:
    """Compatibility forms folded (Arabic presentation forms), bidi marks and line breaks removed."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.split())


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def person_names(person: Person) -> list[str]:
    full = " ".join(p for p in (person.given_names, person.family_name) if p)
    return [n for n in (full, person.known_as, person.label) if n]
