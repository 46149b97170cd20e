"""Shared helpers for the report tests: demo cases with their meetings, what must stay hidden, and
reading PDFs back.

Every demo case gets a made-up meeting that names everyone everywhere (:func:`names_everyone`)
besides the meeting it has of its own, if any. Tests that must hold for every plan take the
``(case, meeting)`` pairs of :data:`PLANS` and print that meeting explicitly (``write_plan(meeting=...)``).
"""

from __future__ import annotations

import math
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import pytest
from pypdf import PdfReader

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import Action, ChildParticipation, Feedback, Invitation, Meeting, Plan, ScalingScore
from circles_desktop.graph.meeting_edits import add_meeting, new_meeting
from circles_desktop.graph.model import AnyNode, Person
from circles_desktop.graph.redaction import field_text

EVERYONE = "names-everyone"  # the made-up meeting's id, and its name in test ids
OWN = "own"  # the demo case's own meeting
PLANS = [pytest.param(index, kind, id=f"{doc.info.name.split()[0]}-{kind}")
         for index, doc in enumerate(demo_cases()) for kind in ((OWN,) if doc.info.meetings else ()) + (EVERYONE,)]


def names_everyone(doc: CaseDocument) -> Meeting:
    """A meeting that names every person and service, hidden or not, with their address and whatever
    of theirs is confidential, in every free text field.

    Every node, whatever its kind, is on the invite list (households by hand, as a coordinator may
    add one), gives a score and feedback, does and checks an action and receives the plan, so a
    family copy must redact to be clean and every section must print every kind of node. The
    child's own words name everything the child must not read (all of it would not fit the two
    pages of the child's copy, and a child's words are short).
    """
    people = [p for p in doc.people() if not p.deceased]
    nodes = list(doc.nodes())
    text = "; ".join(_named(n) for n in [*people, *doc.services()])
    secret = "; ".join(_named(n) for n in nodes if n.id in hidden_ids(doc) or n.confidential_fields)
    plan = Plan(worries=(f"Worried about: {text}",), working_well=("Everyone came",),
                needs_to_happen=(f"Talk to {text}",),
                scores=tuple(ScalingScore(n.id, 5, f"{n.label} said so") for n in nodes),
                actions=tuple(Action(f"Visit {n.label}", who=n.id, checked_by=n.id) for n in nodes),
                contingency=f"Call {text}", distribution=tuple(n.id for n in nodes),
                feedback=tuple(Feedback(n.id, f"{n.label} found it helpful", helpful=4) for n in nodes))
    meeting = new_meeting(doc, id=EVERYONE, title="A meeting that names everyone", purpose=f"A plan with {text}",
                          plan=plan)
    households = tuple(Invitation(h.id) for h in doc.households())
    children = tuple(replace(c, own_words=f"I trust {secret or text}", advocate_id=people[-1].id)
                     for c in meeting.children)
    return replace(meeting, invitations=meeting.invitations + households,
                   children=children or (ChildParticipation(people[0].id),))


def _named(node: AnyNode) -> str:
    """A name with the node's confidential fields and address: "Ann Lee (12 Hill Road)"."""
    values = dict.fromkeys([*(field_text(node, path) for path in sorted(node.confidential_fields)),
                            field_text(node, "contact.address"), field_text(node, "address")])
    values.pop("", None)
    return node.label + (f" ({'; '.join(values)})" if values else "")


def with_meeting(doc: CaseDocument) -> CaseDocument:
    """The case with the made-up meeting added after its own (a demo case's own meeting is dated, so
    it is the latest and prints by default; a case without one prints the made-up meeting)."""
    doc.apply(add_meeting(doc, names_everyone(doc)))
    return doc


def meeting_of(doc: CaseDocument, kind: str) -> Meeting:
    """The case's own meeting (``OWN``) or the made-up one (``EVERYONE``)."""
    return next(m for m in doc.info.meetings if (m.id == EVERYONE) == (kind == EVERYONE))


@pytest.fixture(scope="session")
def cases() -> list[CaseDocument]:
    return [with_meeting(doc) for doc in demo_cases()]


# ----- what the family and the child must not read, worked out from the model, not by the redaction ------


def hidden_ids(doc: CaseDocument) -> set[str]:
    """Confidential nodes, people flagged not to be invited or told, anyone a meeting keeps out, and
    households of none but them."""
    excluded = {i.node_id for m in doc.info.meetings for i in m.invitations if i.excluded}
    hidden = {n.id for n in doc.nodes() if n.confidential or n.id in excluded or
              (isinstance(n, Person) and (n.must_not_be_told or n.must_not_invite))}
    return hidden | {h.id for h in doc.households() if h.members and h.members <= hidden}


def secrets(doc: CaseDocument) -> list[str]:
    """Every string the family and the child must not read: hidden people's names (and any word of
    them no visible person shares), hidden services' names, every confidential field's value."""
    hidden = hidden_ids(doc)
    visible_words = {w for p in doc.people() if p.id not in hidden for w in
                     f"{p.given_names} {p.family_name} {p.known_as}".split()}
    found = [name for p in doc.people() if p.id in hidden for name in person_names(p)]
    found += [w for p in doc.people() if p.id in hidden for w in p.given_names.split() if w not in visible_words]
    found += [s.name for s in doc.services() if s.id in hidden]
    found += [field_text(n, path) for n in doc.nodes() for path in n.confidential_fields]
    return sorted({s for s in found if len(s) > 2})


def person_names(person: Person) -> list[str]:
    full = " ".join(p for p in (person.given_names, person.family_name) if p)
    return [n for n in (full, person.known_as, person.label) if n]


# ----- reading PDFs back ------------------------------------------------------------------------------


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


class Run(NamedTuple):
    """A run of text as printed: its size (font size times the scaling in force), its text, how high
    up the page it starts (points from the bottom), the page (from 0), and the scale of the drawing
    it is in (1 for the page's own text; a figure's words are drawn scaled)."""

    size: float
    text: str
    y: float
    page: int
    drawing_scale: float


def printed_sizes(path: Path) -> list[Run]:
    """Every run of text in the PDF, with the size it is printed at and where."""
    runs: list[Run] = []
    for number, page in enumerate(PdfReader(path).pages):
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float, number: int = number) -> None:
            if text.strip():
                a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
                c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append(Run(size * math.sqrt(abs(a * d - b * c)), text.strip(), y, number,
                                math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2]))))
        page.extract_text(visitor_text=visit)
    return runs
