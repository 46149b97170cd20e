"""The demo meetings: each is a whole family group conference, stable from run to run, and prints for
every reader (tests/reports/test_plan_pdf.py checks every copy of them for what must stay hidden)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from circles_desktop.demo_cases import SAYAH, ZAIN, demo_cases
from circles_desktop.demo_meetings import add_demo_meetings
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.meeting import InviteStatus, Stage
from circles_desktop.graph.meeting_edits import network_members, remove_meeting
from circles_desktop.graph.model import Person
from circles_desktop.reports.plan_pdf import write_plan

TODAY = date(2026, 12, 12)
MEETING_CASES = [doc.info.name for doc in demo_cases() if doc.info.meetings]
EXCLUDED = {ZAIN: 0, SAYAH: 1}  # the Zain family invites everyone; Sayah's meeting keeps one man out


def _report_helpers() -> ModuleType:
    """The report tests' PDF readers (tests/reports/conftest.py), loaded under a name of their own."""
    spec = importlib.util.spec_from_file_location("report_helpers", Path(__file__).parent / "reports" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REPORTS = _report_helpers()


@pytest.fixture(scope="module")
def cases() -> dict[str, CaseDocument]:
    return {doc.info.name: doc for doc in demo_cases()}


def test_the_zain_family_and_sayah_have_a_meeting_each() -> None:
    assert MEETING_CASES == [ZAIN, SAYAH]
    assert all(len(doc.info.meetings) == 1 for doc in demo_cases() if doc.info.meetings)


def test_the_meetings_are_the_same_every_time_and_added_once() -> None:
    first, second = demo_cases(), demo_cases()
    assert [d.info.meetings for d in first] == [d.info.meetings for d in second]
    for doc in first:
        assert add_demo_meetings(doc) is None  # already there: the demo adds nothing twice
        for meeting in doc.info.meetings:
            doc.apply(remove_meeting(doc, meeting.id))
            edit = add_demo_meetings(doc)
            assert edit is not None
            doc.apply(edit)
    assert [d.info.meetings for d in first] == [d.info.meetings for d in second]


@pytest.mark.parametrize("name", MEETING_CASES)
def test_each_meeting_is_a_whole_family_group_conference(cases: dict[str, CaseDocument], name: str) -> None:
    doc = cases[name]
    meeting = doc.info.meetings[0]
    network = {n.id for n in network_members(doc)}
    invited = [i for i in meeting.invitations if not i.excluded]
    assert meeting.on and meeting.start and meeting.venue and meeting.venue_access and meeting.coordinator
    assert meeting.purpose and meeting.bottom_lines
    assert {i.node_id for i in meeting.invitations} <= network
    assert any(i.first_language for i in invited) and any(i.interpreter_needed for i in invited)
    excluded = [i for i in meeting.invitations if i.excluded]
    assert len(excluded) == EXCLUDED[name]
    for invitation in excluded:  # kept out for safety, and why
        assert invitation.reason and invitation.status is InviteStatus.NOT_SENT
    assert [a.stage for a in meeting.agenda] == list(Stage)  # the conference stages, private family time too
    plan = meeting.plan
    assert plan.worries and plan.working_well and plan.needs_to_happen and plan.contingency
    assert plan.review_date and plan.review_date > meeting.on
    children = {c.child_id for c in meeting.children}
    allowed = {i.node_id for i in invited} | children
    assert plan.scores and {s.given_by for s in plan.scores} <= allowed
    for action in plan.actions:
        assert action.who in allowed and action.checked_by in allowed, action.what
        assert action.by_when and action.how_long and action.success_sign, action.what
    assert plan.distribution and set(plan.distribution) <= allowed
    assert children >= {p.id for p in doc.children_at_centre()}
    for child in meeting.children:  # each takes part, in their own words, with someone they chose
        assert isinstance(doc.node(child.child_id), Person) and child.own_words and child.how
        assert child.advocate_id in allowed


@pytest.mark.parametrize("name", MEETING_CASES)
def test_each_meeting_prints_for_professionals_the_family_and_the_child(tmp_path: Path,
                                                                         cases: dict[str, CaseDocument],
                                                                         name: str) -> None:
    doc = cases[name]
    meeting = doc.info.meetings[0]
    excluded = [doc.node(node_id).label for node_id in meeting.excluded_ids()]
    texts = {}
    for audience in ("professional", "family", "child"):
        out = tmp_path / f"{audience}.pdf"
        write_plan(doc, out, audience, today=TODAY)
        texts[audience] = REPORTS.pdf_text(out)
    assert meeting.title in texts["professional"] and "Private family time" in texts["professional"]
    assert all(label in texts["professional"] for label in excluded)
    assert set(excluded) <= set(REPORTS.secrets(doc))  # what the family and child copies are checked for
    for audience in ("family", "child"):  # (in tests/reports/test_plan_pdf.py, each string)
        assert "must not be told" not in texts[audience].casefold()
        assert not [label for label in excluded if label in texts[audience]]
    own_words = REPORTS.normalise(meeting.children[0].own_words)
    assert own_words in texts["child"]
