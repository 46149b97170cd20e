"""The child's and the family's circles in their copies of the plan: names they can read, nothing hidden.

The child's copy is read by the child (Nikita, 16, in the Zain case): their circles must come out
in big type at the size they are printed, with first names and plain words; the family's copy
must be readable at its printed size too. Sizes are measured in the written PDF, not assumed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph import edits
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import Person, Service
from circles_desktop.graph.redaction import Audience, redaction_for
from circles_desktop.layout.circles_diagram import child_circles_diagram, family_circles_diagram
from circles_desktop.layout.diagram import Diagram, Text
from circles_desktop.reports.plan_pdf import write_plan

from conftest import PLANS, hidden_ids, meeting_of, page_count, pdf_text, person_names, printed_sizes

TODAY = date(2026, 12, 12)
CHILD_LEAST = 11.0  # points, as printed: big type for the child
FAMILY_LEAST = 10.0  # points, as printed: the family's copy is in larger type than a case file
CHILD_BODY = 14.0  # points: the child's copy's words around the picture


def smallest_printed(path: Path, diagram: Diagram) -> float:
    """The smallest size at which any of the picture's words is printed in the PDF."""
    words = {item.text for item in diagram.items if isinstance(item, Text)}
    found = [run.size for run in printed_sizes(path) if run.text in words]
    assert len(found) >= len(words) // 2, "the picture's words are in the PDF"
    return min(found)


def _hidden(doc: CaseDocument) -> frozenset[str]:
    redaction = redaction_for(doc, Audience.CHILD)
    return frozenset(redaction.hidden | redaction.hidden_relationships)


def _child(doc: CaseDocument) -> Person:
    return next(c for c in doc.children_at_centre() if c.id not in _hidden(doc))


def _circle_names(doc: CaseDocument) -> list[str]:
    """The names the child's picture gives the people and services in the circles (each word)."""
    hidden, child = _hidden(doc), _child(doc)
    names = []
    for node in doc.nodes():
        if node.circle is None or node.id in hidden or node.id == child.id:
            continue
        if isinstance(node, Person):
            names.append(node.short_name)
        elif isinstance(node, Service):
            names += node.name.split("(")[0].split()
    return names


def test_the_childs_copy_shows_their_circles_in_big_type(tmp_path: Path, cases: list[CaseDocument]) -> None:
    zain = cases[0]
    out = tmp_path / "child.pdf"
    write_plan(zain, out, "child", today=TODAY)
    assert page_count(out) <= 2
    text = pdf_text(out)
    for name in _circle_names(zain):
        assert name in text, name
    for plain in ("Me", "closest to me", "around me", "People who work with me", "Friends and community"):
        assert plain in text, plain
    picture = child_circles_diagram(zain, _child(zain).id, _hidden(zain))
    assert smallest_printed(out, picture) >= CHILD_LEAST


@pytest.mark.parametrize(("index", "kind"), PLANS)
def test_the_childs_copy_is_two_pages_at_most_in_large_type(tmp_path: Path, cases: list[CaseDocument],
                                                            index: int, kind: str) -> None:
    """However many actions the plan has (the made-up meeting gives everyone one): the child's own
    first, then the soonest, as many as fit, and a line that says how many more and whom to ask."""
    doc = cases[index]
    meeting = meeting_of(doc, kind)
    out = tmp_path / "child.pdf"
    write_plan(doc, out, "child", meeting=meeting, today=TODAY)
    assert page_count(out) <= 2
    body = [r for r in printed_sizes(out) if 16 * mm <= r.y <= A4[1] - 16 * mm and r.drawing_scale == 1.0]
    assert len(body) > 10 and min(r.size for r in body) >= CHILD_BODY, min(body)  # not header, footer or picture

    text = pdf_text(out)
    steps = text.split("What will happen next")[1].split("Who you can talk to")[0]
    hidden = hidden_ids(doc)
    actions = [a for a in meeting.plan.actions if not a.who or a.who not in hidden]
    shown = steps.count("•") - (meeting.plan.review_date is not None)
    more = re.search(r"There (?:are (\d+) more jobs|is one more job) in the plan for", steps)
    assert shown + (int(more.group(1) or 1) if more else 0) == len(actions)
    assert more is None or f"{doc.info.author.split()[0]} can tell you about" in steps
    assert shown >= 1 if actions else "will tell you what happens next" in steps
    if any(a.who == _child(doc).id for a in actions):
        assert steps.split("•")[1].strip().startswith("You: ")


def test_the_family_copy_shows_the_circles_at_a_size_the_family_can_read(tmp_path: Path,
                                                                         cases: list[CaseDocument]) -> None:
    zain = cases[0]
    out = tmp_path / "family.pdf"
    write_plan(zain, out, "family", today=TODAY)
    hidden = frozenset(redaction_for(zain, Audience.FAMILY).hidden)
    assert smallest_printed(out, family_circles_diagram(zain, hidden)) >= FAMILY_LEAST


def test_the_childs_picture_is_names_and_plain_words() -> None:
    zain = demo_cases()[0]
    picture = child_circles_diagram(zain, _child(zain).id, _hidden(zain))
    texts = [item for item in picture.items if isinstance(item, Text)]
    assert not [t for t in texts if t.part == "detail"]  # no "paternal grandmother", no "statutory"
    assert min(t.size for t in texts) >= 12.0
    assert picture.legend is None  # nothing to decode: no symbols, and the rings are named on it
    words = {t.text for t in texts}
    assert "Me" in words and {"closest to me", "close to me", "around me"} <= words
    assert "Karim" in words and "Karim Zain" not in words  # first names, as the child says them
    assert not any("(" in w for w in words)  # no "(youth service)"


def _zain_with_a_secret() -> CaseDocument:
    """The Zain case with Nikita's grandmother Lourdes someone she must not be told of."""
    doc = demo_cases()[0]
    lourdes = next(p for p in doc.people() if p.given_names == "Lourdes")
    doc.apply(edits.update_node(doc, replace(lourdes, must_not_be_told=True, safety_reason="a test")))
    return doc


@pytest.mark.parametrize("index", range(len(demo_cases()) + 1))
def test_nothing_hidden_from_the_child_is_in_their_picture(cases: list[CaseDocument], index: int) -> None:
    doc = cases[index] if index < len(cases) else _zain_with_a_secret()  # with meetings, whose exclusions count
    hidden = _hidden(doc)
    assert hidden or index == 0, "every demo case but Zain hides someone from the child"
    picture = child_circles_diagram(doc, _child(doc).id, hidden)
    assert not picture.node_ids() & hidden
    shown_words = {w for n in doc.people() if n.id not in hidden
                   for w in f"{n.given_names} {n.family_name} {n.known_as}".split()}
    secrets = {name for n in doc.people() if n.id in hidden for name in person_names(n)}
    secrets |= {w for n in doc.people() if n.id in hidden for w in n.given_names.split() if w not in shown_words}
    secrets |= {n.name for n in doc.services() if n.id in hidden}
    redaction = redaction_for(doc, Audience.CHILD)
    texts = [t.text for t in picture.items if isinstance(t, Text)]
    for text in texts:
        assert not redaction.leaks(text), text
        for secret in secrets:
            assert secret.casefold() not in text.casefold(), f"{doc.info.name}: {secret!r} in {text!r}"
    if index == len(cases):
        assert "Lourdes" not in texts and "Sonia" in texts  # the one hidden, her daughter still there
