"""The meeting builders the Meeting tab uses: the agenda, the children, scaling, who receives the plan,
feedback and the dates. Each is one edit that applies and reverts on the Zain family's real case, and
each refuses with a message a coordinator can act on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from circles_desktop.demo_cases import demo_cases, demo_id
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import Edit, update_node
from circles_desktop.graph.meeting import (
    AgendaItem,
    Attendance,
    ChildParticipation,
    Feedback,
    InviteDecision,
    Meeting,
    ScalingScore,
    Stage,
    default_agenda,
)
from circles_desktop.graph.meeting_edits import (
    MeetingEditError,
    dates_problem,
    everyone_invited,
    insert_agenda_item,
    left_out,
    meeting_people,
    move_agenda_item,
    remove_agenda_item,
    remove_feedback,
    remove_score,
    set_agenda_item,
    set_distribution,
    set_feedback,
    set_invitation,
    set_participation,
    set_review_date,
    set_score,
    set_when,
    use_standard_agenda,
)
from circles_desktop.graph.model import Person


def _z(slug: str) -> str:
    return demo_id(f"zain/{slug}")


@pytest.fixture
def doc() -> CaseDocument:
    return demo_cases()[0]


def _meeting(doc: CaseDocument) -> Meeting:
    return doc.info.meetings[0]


def _round_trip(doc: CaseDocument, edit: Edit) -> Meeting:
    """Apply, check that revert gives back the meeting as it was, apply again; the meeting after."""
    before = _meeting(doc)
    doc.apply(edit)
    after = _meeting(doc)
    doc.revert(edit)
    assert _meeting(doc) == before
    doc.apply(edit)
    return after


def _exclude(doc: CaseDocument, slug: str, **flags: bool) -> Person:
    person = doc.node(_z(slug))
    assert isinstance(person, Person)
    changed = replace(person, safety_reason="Safety plan", **flags)
    doc.apply(update_node(doc, changed))
    return changed


def test_agenda_items_added_changed_moved_and_deleted(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    first = _meeting(doc).agenda
    snack = AgendaItem(Stage.PRIVATE_FAMILY_TIME, "Lunch together", 20, "Teta Samira")
    assert _round_trip(doc, set_agenda_item(doc, mid, snack)).agenda == first + (snack,)
    changed = replace(snack, minutes=25)
    assert _round_trip(doc, set_agenda_item(doc, mid, changed, index=5)).agenda[5] == changed
    assert _round_trip(doc, move_agenda_item(doc, mid, 5, 0)).agenda == (changed,) + first
    assert _round_trip(doc, move_agenda_item(doc, mid, 0, 5)).agenda == first + (changed,)
    tea = AgendaItem(Stage.WELCOME, "Tea on arrival", 10)
    assert _round_trip(doc, insert_agenda_item(doc, mid, tea, 1)).agenda[:3] == (first[0], tea, first[1])
    assert _round_trip(doc, remove_agenda_item(doc, mid, 1)).agenda == first + (changed,)
    with pytest.raises(IndexError):
        remove_agenda_item(doc, mid, 9)
    with pytest.raises(IndexError):
        insert_agenda_item(doc, mid, tea, 9)


def test_the_standard_agenda_replaces_the_agenda_in_one_step(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    assert _meeting(doc).agenda != default_agenda()
    after = _round_trip(doc, use_standard_agenda(doc, mid))
    assert after.agenda == default_agenda()
    assert [i.stage for i in after.agenda].count(Stage.PRIVATE_FAMILY_TIME) == 1


@pytest.mark.parametrize(("item", "words"), [
    (AgendaItem(Stage.WELCOME, "   "), "needs a title"),
    (AgendaItem(Stage.WELCOME, "Welcome", -5), "-5 minutes"),
])
def test_an_agenda_item_without_a_title_or_with_negative_time_is_refused(doc: CaseDocument, item: AgendaItem,
                                                                         words: str) -> None:
    with pytest.raises(MeetingEditError, match=words):
        set_agenda_item(doc, _meeting(doc).id, item)


def test_a_child_takes_part_with_an_advocate_from_the_network(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    nikita = ChildParticipation(_z("nikita"), Attendance.VIEWS_SHARED, advocate_id=_z("sonia"),
                                own_words="আমি নিরাপদ থাকতে চাই", how="a letter")
    after = _round_trip(doc, set_participation(doc, mid, nikita))
    assert after.children[0] == nikita and len(after.children) == 2
    # a child with no participation yet (added to the case later) is added, not lost
    doc.apply(set_participation(doc, mid, ChildParticipation(_z("kayla"))))
    assert _meeting(doc).children[-1].child_id == _z("kayla")


def test_an_advocate_who_is_left_out_or_the_child_themselves_is_refused(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    with pytest.raises(MeetingEditError, match="cannot be their own advocate"):
        set_participation(doc, mid, ChildParticipation(_z("nikita"), advocate_id=_z("nikita")))
    _exclude(doc, "karim", must_not_be_told=True)
    with pytest.raises(MeetingEditError, match="Karim Zain must not be told about this meeting, so they cannot "
                                               "be Nikita's advocate"):
        set_participation(doc, mid, ChildParticipation(_z("nikita"), advocate_id=_z("karim")))
    with pytest.raises(MeetingEditError, match="Only a child in this case"):
        set_participation(doc, mid, ChildParticipation("nobody"))


def test_scores_say_who_gave_them_and_the_left_out_cannot_give_one(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    scores = _meeting(doc).plan.scores
    julian = ScalingScore(_z("julian"), 7, "Nikita plays FIFA with me again")
    assert _round_trip(doc, set_score(doc, mid, julian)).plan.scores == scores + (julian,)
    assert _round_trip(doc, set_score(doc, mid, replace(julian, score=8), 5)).plan.scores[5].score == 8
    assert _round_trip(doc, remove_score(doc, mid, 0)).plan.scores[0] == scores[1]
    with pytest.raises(MeetingEditError, match="Say who gave the score"):
        set_score(doc, mid, ScalingScore("", 3))
    doc.apply(set_invitation(doc, mid, replace(_meeting(doc).invitation(_z("kayla")),
                                                decision=InviteDecision.DO_NOT_INVITE)))
    with pytest.raises(MeetingEditError, match="Kayla Morris is not to be invited to this meeting, so they "
                                               "cannot give a score"):
        set_score(doc, mid, ScalingScore(_z("kayla"), 3))


def test_the_distribution_refuses_anyone_left_out_but_lets_them_be_taken_off(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    readers = _meeting(doc).plan.distribution
    assert _round_trip(doc, set_distribution(doc, mid, readers + (_z("kayla"), _z("kayla")))
                       ).plan.distribution == readers + (_z("kayla"),)
    _exclude(doc, "francis", must_not_invite=True)
    with pytest.raises(MeetingEditError, match="Francis D'Souza is not to be invited to this meeting, so they "
                                               "cannot receive the plan"):
        set_distribution(doc, mid, readers + (_z("francis"),))
    with pytest.raises(MeetingEditError, match="not a person or service in this case"):
        set_distribution(doc, mid, ("nobody",))
    # Karim was on the list before he was left out: another change keeps him, taking him off works
    _exclude(doc, "karim", must_not_be_told=True)
    assert _z("karim") in readers
    doc.apply(set_distribution(doc, mid, readers[:3]))
    doc.apply(set_distribution(doc, mid, [r for r in readers[:3] if r != _z("karim")]))
    assert _z("karim") not in _meeting(doc).plan.distribution


def test_everyone_invited_is_the_children_and_the_invited_never_the_left_out(doc: CaseDocument) -> None:
    _exclude(doc, "karim", must_not_be_told=True)
    meeting = _meeting(doc)
    ids = everyone_invited(doc, meeting)
    assert ids[:2] == (_z("nikita"), _z("julian"))
    assert _z("karim") not in ids and _z("francis") not in ids  # left out; not on the list
    assert set(ids) == {_z("nikita")} | {i.node_id for i in meeting.invitations} - {_z("karim")}
    assert left_out(doc, meeting, _z("karim")) == "Karim Zain must not be told about this meeting"
    assert left_out(doc, meeting, _z("maria")) == ""
    assert _z("karim") not in {n.id for n in meeting_people(doc, meeting)}


def test_feedback_comes_after_the_meeting_from_someone_who_was_told(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    said = Feedback(_z("samira"), "আমার কথা শোনা হয়েছে — I was listened to", date(2026, 12, 20), 5)
    after = _round_trip(doc, set_feedback(doc, mid, said))
    assert after.plan.feedback[-1] == said
    assert _round_trip(doc, set_feedback(doc, mid, replace(said, helpful=None), 2)).plan.feedback[2].helpful is None
    assert _round_trip(doc, remove_feedback(doc, mid, 0)).plan.feedback[0].given_by == _z("nikita")
    with pytest.raises(MeetingEditError, match="is before it"):
        set_feedback(doc, mid, replace(said, on=date(2026, 12, 1)))
    with pytest.raises(MeetingEditError, match="Write what they said"):
        set_feedback(doc, mid, replace(said, text="  "))
    with pytest.raises(MeetingEditError, match="Say who gave the feedback"):
        set_feedback(doc, mid, replace(said, given_by=""))


def test_the_review_cannot_come_before_the_meeting(doc: CaseDocument) -> None:
    mid = _meeting(doc).id
    assert _round_trip(doc, set_review_date(doc, mid, date(2027, 4, 1))).plan.review_date == date(2027, 4, 1)
    with pytest.raises(MeetingEditError, match=r"review \(01 November 2026\) cannot be before the meeting"):
        set_review_date(doc, mid, date(2026, 11, 1))
    with pytest.raises(MeetingEditError, match="cannot be before the meeting"):
        set_when(doc, mid, date(2027, 5, 1), None)
    after = _round_trip(doc, set_when(doc, mid, date(2026, 12, 12), time(9, 30)))
    assert (after.on, after.start) == (date(2026, 12, 12), time(9, 30))
    assert dates_problem(None, date(2020, 1, 1)) == dates_problem(date(2020, 1, 1), None) == ""
    assert dates_problem(date(2020, 1, 1), date(2020, 1, 1)) == ""
