"""Meetings: built from the network, stored with the case, every change one undoable edit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time

import pytest

from circles_desktop.graph.codec import CodecError, decode_case_info, encode
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import StaleEditError
from circles_desktop.graph.meeting import (
    Action,
    AgendaItem,
    Attendance,
    ChildParticipation,
    Feedback,
    Invitation,
    InviteDecision,
    InviteStatus,
    Meeting,
    Plan,
    ScalingScore,
    Stage,
    default_agenda,
    latest_meeting,
)
from circles_desktop.graph.meeting_edits import (
    add_meeting,
    invite_list,
    invite_network,
    network_members,
    new_meeting,
    remove_action,
    remove_invitation,
    remove_meeting,
    set_action,
    set_invitation,
    update_plan,
)
from circles_desktop.graph.model import (
    CaseInfo,
    CirclePlacement,
    EcomapTie,
    Household,
    Person,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
)


def _case() -> CaseDocument:
    doc = CaseDocument(CaseInfo("Zain family", reference="CIN-1"))
    family = CirclePlacement(Ring.CLOSEST, Sector.FAMILY)
    people = [
        Person(id="nikita", given_names="Nikita", family_name="Zain", roles=frozenset({Role.CHILD})),
        Person(id="mum", given_names="Priya", family_name="Zain", circle=family, first_language="Bengali",
               interpreter_needed=True),
        Person(id="aunt", given_names="Meera", family_name="Das", circle=CirclePlacement(Ring.CLOSE, Sector.FAMILY)),
        Person(id="friend", given_names="Sam", family_name="Okafor"),  # tied on the ecomap only
        Person(id="uncle", given_names="Raj", family_name="Zain", circle=family, must_not_invite=True,
               safety_reason="threatened Nikita"),
        Person(id="ex", given_names="Dev", family_name="Kumar", circle=family, must_not_be_told=True,
               safety_reason="must not learn where the family lives"),
        Person(id="gran", given_names="Asha", family_name="Zain", circle=family, deceased=True),
        Person(id="stranger", given_names="Not", family_name="Placed"),
        Person(id="sw", given_names="Ruth", family_name="Adeyemi", roles=frozenset({Role.PROFESSIONAL}),
               circle=CirclePlacement(Ring.CLOSE, Sector.PROFESSIONAL)),
    ]
    school = Service(id="school", name="Forest Gate School", category=ServiceCategory.EDUCATION)
    home = Household(id="home", name="Home", members=frozenset({"nikita", "mum"}))
    ties = [EcomapTie("nikita", "friend", id="t1"), EcomapTie("home", "school", id="t2")]
    doc.load(doc.info, [*people, school, home], ties)
    return doc


def test_invite_list_is_the_childs_circles_with_the_excluded_marked() -> None:
    doc = _case()
    ids = [n.id for n in network_members(doc)]
    # the child, the deceased, the household and people outside the circles are not invitees;
    # family first (closest ring first), then friends, then professionals and services
    assert ids == ["ex", "mum", "uncle", "aunt", "friend", "sw", "school"]
    invitations = {i.node_id: i for i in invite_list(doc)}
    assert invitations["mum"] == Invitation("mum", first_language="Bengali", interpreter_needed=True)
    assert invitations["uncle"].decision is InviteDecision.DO_NOT_INVITE
    assert invitations["uncle"].reason == "threatened Nikita"
    assert invitations["ex"].decision is InviteDecision.MUST_NOT_BE_TOLD and invitations["ex"].excluded
    assert not invitations["school"].attends_private_time and invitations["friend"].attends_private_time


def test_making_the_list_again_keeps_choices_and_safety_flags_win() -> None:
    doc = _case()
    first = invite_list(doc)
    confirmed = tuple(replace(i, status=InviteStatus.CONFIRMED) if i.node_id == "mum" else i for i in first)
    by_hand = Invitation("stranger", status=InviteStatus.INVITED)
    forced = Invitation("uncle", decision=InviteDecision.INVITE, status=InviteStatus.INVITED)
    again = invite_list(doc, confirmed[:2] + (forced, by_hand) + confirmed[3:])
    by_id = {i.node_id: i for i in again}
    assert by_id["mum"].status is InviteStatus.CONFIRMED
    assert by_id["stranger"] == by_hand and [i.node_id for i in again][-1] == "stranger"
    assert by_id["uncle"].decision is InviteDecision.DO_NOT_INVITE and by_id["uncle"].status is InviteStatus.NOT_SENT


def test_a_new_meeting_has_the_children_and_the_conference_stages() -> None:
    meeting = new_meeting(_case(), purpose="Keep Nikita safe")
    assert meeting.children == (ChildParticipation("nikita"),)
    stages = [item.stage for item in meeting.agenda]
    assert stages == [Stage.WELCOME, Stage.INFORMATION, Stage.PRIVATE_FAMILY_TIME, Stage.AGREE_PLAN,
                      Stage.NEXT_STEPS]
    assert [item.professionals_present for item in meeting.agenda].count(False) == 1
    assert meeting.excluded_ids() == {"uncle", "ex"}


def _full_meeting() -> Meeting:
    return Meeting(
        id="m1", on=date(2026, 4, 14), start=time(10, 0), venue="Community centre, room 2",
        venue_access="Step-free; a quiet room next door for private family time", coordinator="Grace Mensah",
        purpose="A plan to keep Nikita safe", bottom_lines=("Nikita does not carry a knife",),
        invitations=(Invitation("mum", status=InviteStatus.ATTENDED, first_language="বাংলা"),),
        children=(ChildParticipation("nikita", Attendance.PART, advocate_id="aunt", own_words="I want to be heard"),),
        agenda=(AgendaItem(Stage.PRIVATE_FAMILY_TIME, "Private time", 45, "the family"),),
        plan=Plan(worries=("knife",), working_well=("school",), needs_to_happen=("curfew",),
                  scores=(ScalingScore("mum", 4, "better than last month"),),
                  actions=(Action("Walk to school", who="aunt", by_when=date(2026, 5, 1), how_long="a term",
                                  success_sign="on time every day", checked_by="sw", id="a1"),),
                  contingency="Nikita stays with her aunt", review_date=date(2026, 7, 1), distribution=("mum",),
                  feedback=(Feedback("mum", "We felt listened to", date(2026, 4, 20), 5),)),
    )


def test_a_meeting_survives_the_codec_with_every_field() -> None:
    info = CaseInfo("Zain family", meetings=(_full_meeting(), Meeting(id="m2")))
    text = json.dumps(encode(info))
    assert decode_case_info(json.loads(text)) == info
    assert '"start": "10:00:00"' in text and '"on": "2026-04-14"' in text


@pytest.mark.parametrize("bad, where", [
    ({"on": "14/04/2026"}, "is not a date"),
    ({"start": 1000}, "must be text"),
    ({"plan": {"scores": [{"given_by": "mum", "score": 11}]}}, "from 0 to 10"),
    ({"invitations": [{"node_id": "mum", "decision": "maybe"}]}, "'maybe' is not one of"),
    ({"agenda": [{"stage": "welcome", "title": "x", "colour": "red"}]}, "unknown field 'colour'"),
    ({"plan": {"feedback": [{"given_by": "mum", "text": "ok", "helpful": 9}]}}, "from 1 to 5"),
])
def test_hostile_meeting_data_is_refused_by_name(bad: dict[str, object], where: str) -> None:
    data = {"name": "Case", "meetings": [{"id": "m1", **bad}]}
    with pytest.raises(CodecError, match="field 'meetings'") as caught:
        decode_case_info(data)
    assert where in str(caught.value)


def test_every_meeting_change_is_one_undoable_case_edit() -> None:
    doc = _case()
    seen: list[str] = []
    doc.edited.connect(lambda edit: seen.append(edit.label))
    meeting = new_meeting(doc, id="m1")
    doc.apply(add_meeting(doc, Meeting(id="m1")))
    edit = invite_network(doc, "m1")
    doc.apply(edit)
    assert doc.info.meetings[0].invitations == meeting.invitations
    doc.apply(set_invitation(doc, "m1", Invitation("stranger", status=InviteStatus.INVITED)))
    doc.apply(set_invitation(doc, "m1", Invitation("ex")))  # dragged in: the safety flag still wins
    assert doc.info.meetings[0].invitation("ex").decision is InviteDecision.MUST_NOT_BE_TOLD  # type: ignore[union-attr]
    doc.apply(remove_invitation(doc, "m1", "stranger"))
    assert doc.info.meetings[0].invitation("stranger") is None
    doc.apply(update_plan(doc, "m1", Plan(worries=("knife",))))
    doc.apply(set_action(doc, "m1", Action("Walk to school", who="aunt", id="a1")))
    doc.apply(set_action(doc, "m1", Action("Walk to school every day", who="aunt", id="a1")))
    assert [a.what for a in doc.info.meetings[0].plan.actions] == ["Walk to school every day"]
    doc.apply(remove_action(doc, "m1", "a1"))
    assert doc.info.meetings[0].plan.actions == ()
    before = doc.info
    with pytest.raises(StaleEditError):
        doc.revert(edit)  # out of order: the meeting was changed since, so undo refuses
    assert doc.info == before
    assert seen[:2] == ["Add meeting", "Invite the network"]
    doc.apply(remove_meeting(doc, "m1"))
    assert doc.info.meetings == ()


def test_undo_restores_the_meeting_exactly() -> None:
    doc = _case()
    doc.apply(add_meeting(doc, _full_meeting()))
    before = doc.info
    edit = update_plan(doc, "m1", Plan())
    doc.apply(edit)
    doc.revert(edit)
    assert doc.info == before


def test_changing_a_meeting_that_is_not_there_says_so() -> None:
    doc = _case()
    with pytest.raises(KeyError, match="no meeting with id 'nope'"):
        update_plan(doc, "nope", Plan())
    doc.apply(add_meeting(doc, Meeting(id="m1")))
    with pytest.raises(KeyError, match="no action with id 'zz'"):
        remove_action(doc, "m1", "zz")


def test_scores_and_ratings_are_checked_when_made() -> None:
    with pytest.raises(ValueError, match="from 0 to 10"):
        ScalingScore("mum", -1)
    with pytest.raises(ValueError, match="from 1 to 5"):
        Feedback("mum", "x", helpful=0)


def test_latest_meeting_is_the_latest_dated_else_the_last() -> None:
    a, b, c = Meeting(id="a", on=date(2026, 1, 1)), Meeting(id="b", on=date(2026, 5, 1)), Meeting(id="c")
    assert latest_meeting((a, b, c)).id == "b"  # type: ignore[union-attr]
    assert latest_meeting((c, Meeting(id="d"))).id == "d"  # type: ignore[union-attr]
    assert latest_meeting(()) is None
    assert default_agenda()[2].stage is Stage.PRIVATE_FAMILY_TIME
