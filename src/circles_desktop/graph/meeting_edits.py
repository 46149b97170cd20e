"""Meetings from the network, and every change to a meeting as an ordinary undoable case edit.

A meeting lives in :attr:`CaseInfo.meetings`, so each builder here returns an
:func:`~.edits.update_case` edit: one undo step, stored at once like any other edit. Builders read the
document and never change it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING, TypeVar

from .edits import Edit, update_case
from .meeting import (
    Action,
    AgendaItem,
    ChildParticipation,
    Feedback,
    Invitation,
    InviteDecision,
    InviteStatus,
    Meeting,
    Plan,
    ScalingScore,
    default_agenda,
)
from .model import EcomapTie, Household, Person, Ring, Role, Sector, Service

if TYPE_CHECKING:
    from .document import CaseDocument

_RING_ORDER = {Ring.CLOSEST: 0, Ring.CLOSE: 1, Ring.WIDER: 2}
_SECTOR_ORDER = {Sector.FAMILY: 0, Sector.COMMUNITY: 1, Sector.PROFESSIONAL: 2}


# ----- the network and the invite list ------------------------------------------------------------


def network_members(doc: CaseDocument) -> list[Person | Service]:
    """Everyone in the child's circles: placed in a circle or joined by an ecomap tie.

    The children at the centre and people who have died are not members to invite; households
    are places, not invitees (their members are people in their own right). Family first, then
    friends and community, then professionals; closest ring first within each.
    """
    tied = {end for tie in doc.relationships() if isinstance(tie, EcomapTie) for end in (tie.source, tie.target)}
    members = [
        node for node in doc.nodes()
        if not isinstance(node, Household)
        and (node.circle is not None or node.id in tied)
        and not (isinstance(node, Person) and (node.is_child_at_centre or node.deceased))
    ]

    def order(node: Person | Service) -> tuple[int, int, bool, str]:
        professional = isinstance(node, Service) or Role.PROFESSIONAL in node.roles
        sector = _SECTOR_ORDER[node.circle.sector] if node.circle else 1
        ring = _RING_ORDER[node.circle.ring] if node.circle else 3
        return (2 if professional else sector, ring, isinstance(node, Service), node.label.casefold())

    return sorted(members, key=order)  # type: ignore[arg-type]


def safety_decision(node: Person | Service) -> tuple[InviteDecision, str] | None:
    """What the person's safety flags require, whatever the meeting says; ``None`` when nothing."""
    if isinstance(node, Person) and node.must_not_be_told:
        return InviteDecision.MUST_NOT_BE_TOLD, node.safety_reason
    if isinstance(node, Person) and node.must_not_invite:
        return InviteDecision.DO_NOT_INVITE, node.safety_reason
    return None


def with_safety(invitation: Invitation, node: Person | Service) -> Invitation:
    """The invitation with the person's safety flags winning over any earlier decision."""
    required = safety_decision(node)
    if required is None:
        return invitation
    decision, reason = required
    return replace(invitation, decision=decision, reason=invitation.reason or reason, status=InviteStatus.NOT_SENT)


def invitation_for(node: Person | Service) -> Invitation:
    """A fresh invitation with the person's language and interpreter need and their safety flags."""
    if isinstance(node, Person):
        invitation = Invitation(node.id, first_language=node.first_language,
                                interpreter_needed=node.interpreter_needed)
    else:
        invitation = Invitation(node.id, attends_private_time=False)
    return with_safety(invitation, node)


def invite_list(doc: CaseDocument, keep: tuple[Invitation, ...] = ()) -> tuple[Invitation, ...]:
    """The invite list made from the network in one go, with the excluded marked and why.

    Invitations in ``keep`` (the meeting's current list) keep their status and choices, so making
    the list again after the network grew only adds the new people; safety flags always win. People
    added by hand who are not in the circles stay, after the network; people deleted from the case go.
    """
    kept = {i.node_id: i for i in keep}
    listed: list[Invitation] = []
    for node in network_members(doc):
        old = kept.pop(node.id, None)
        listed.append(with_safety(old, node) if old else invitation_for(node))
    for node_id, old in kept.items():
        node = doc.node(node_id) if doc.has_node(node_id) else None
        if isinstance(node, (Person, Service)):
            listed.append(with_safety(old, node))
    return tuple(listed)


def new_meeting(doc: CaseDocument, **details: object) -> Meeting:
    """A meeting ready to prepare: the invite list, each child at the centre, the standard agenda."""
    children = tuple(ChildParticipation(child.id) for child in doc.children_at_centre() if not child.deceased)
    return Meeting(invitations=invite_list(doc), children=children, **details)  # type: ignore[arg-type]


# ----- edits ----------------------------------------------------------------------------------------


def meeting_of(doc: CaseDocument, meeting_id: str) -> Meeting:
    for meeting in doc.info.meetings:
        if meeting.id == meeting_id:
            return meeting
    raise KeyError(f"no meeting with id {meeting_id!r} in this case")


def add_meeting(doc: CaseDocument, meeting: Meeting, label: str = "Add meeting") -> Edit:
    return update_case(doc, replace(doc.info, meetings=doc.info.meetings + (meeting,)), label)


def remove_meeting(doc: CaseDocument, meeting_id: str, label: str = "Delete meeting") -> Edit:
    meeting_of(doc, meeting_id)
    kept = tuple(m for m in doc.info.meetings if m.id != meeting_id)
    return update_case(doc, replace(doc.info, meetings=kept), label)


def update_meeting(doc: CaseDocument, meeting: Meeting, label: str = "Change meeting") -> Edit:
    meeting_of(doc, meeting.id)
    meetings = tuple(meeting if m.id == meeting.id else m for m in doc.info.meetings)
    return update_case(doc, replace(doc.info, meetings=meetings), label)


def _change(doc: CaseDocument, meeting_id: str, how: Callable[[Meeting], Meeting], label: str) -> Edit:
    return update_meeting(doc, how(meeting_of(doc, meeting_id)), label)


def invite_network(doc: CaseDocument, meeting_id: str) -> Edit:
    """Make (or refresh) the invite list from the network in one click."""
    return _change(doc, meeting_id, lambda m: replace(m, invitations=invite_list(doc, m.invitations)),
                   "Invite the network")


def set_invitation(doc: CaseDocument, meeting_id: str, invitation: Invitation,
                   label: str = "Change invitation") -> Edit:
    """Add someone to the list (dragged in) or change their invitation; safety flags still win."""
    node = doc.node(invitation.node_id)
    if isinstance(node, (Person, Service)):
        invitation = with_safety(invitation, node)

    def put(meeting: Meeting) -> Meeting:
        others = tuple(i for i in meeting.invitations if i.node_id != invitation.node_id)
        if len(others) == len(meeting.invitations):
            return replace(meeting, invitations=meeting.invitations + (invitation,))
        return replace(meeting, invitations=tuple(invitation if i.node_id == invitation.node_id else i
                                                  for i in meeting.invitations))

    return _change(doc, meeting_id, put, label)


def remove_invitation(doc: CaseDocument, meeting_id: str, node_id: str, label: str = "Take off the list") -> Edit:
    return _change(doc, meeting_id, lambda m: replace(
        m, invitations=tuple(i for i in m.invitations if i.node_id != node_id)), label)


def update_plan(doc: CaseDocument, meeting_id: str, plan: Plan, label: str = "Change plan") -> Edit:
    return _change(doc, meeting_id, lambda m: replace(m, plan=plan), label)


def set_action(doc: CaseDocument, meeting_id: str, action: Action, label: str = "Change action") -> Edit:
    """Add an action to the plan, or replace the one with the same id."""

    def put(meeting: Meeting) -> Meeting:
        actions = meeting.plan.actions
        if any(a.id == action.id for a in actions):
            actions = tuple(action if a.id == action.id else a for a in actions)
        else:
            actions = actions + (action,)
        return replace(meeting, plan=replace(meeting.plan, actions=actions))

    return _change(doc, meeting_id, put, label)


def remove_action(doc: CaseDocument, meeting_id: str, action_id: str, label: str = "Delete action") -> Edit:
    def drop(meeting: Meeting) -> Meeting:
        meeting.plan.action(action_id)
        actions = tuple(a for a in meeting.plan.actions if a.id != action_id)
        return replace(meeting, plan=replace(meeting.plan, actions=actions))

    return _change(doc, meeting_id, drop, label)


# ----- who may take part, and the checks every builder below makes ---------------------------------


class MeetingEditError(ValueError):
    """A change the meeting cannot take (an excluded person as an advocate, feedback before the
    meeting); the message is for the practitioner and names who or what."""


def left_out(doc: CaseDocument, meeting: Meeting, node_id: str) -> str:
    """Why this person may not take part in the meeting or hear of its plan; "" when they may.

    The person's own safety flags win over the meeting's decision, as they do on the invite list.
    """
    if not doc.has_node(node_id) or isinstance(doc.node(node_id), Household):
        return "That is not a person or service in this case"
    node = doc.node(node_id)
    required = safety_decision(node)  # type: ignore[arg-type]
    invitation = meeting.invitation(node_id)
    decision = required[0] if required else invitation.decision if invitation else InviteDecision.INVITE
    if decision is InviteDecision.MUST_NOT_BE_TOLD:
        return f"{node.label} must not be told about this meeting"
    if decision is InviteDecision.DO_NOT_INVITE:
        return f"{node.label} is not to be invited to this meeting"
    return ""


def _refuse_left_out(doc: CaseDocument, meeting: Meeting, node_id: str, so: str) -> None:
    why = left_out(doc, meeting, node_id)
    if why:
        raise MeetingEditError(f"{why}, so {so}.")


def meeting_people(doc: CaseDocument, meeting: Meeting) -> list[Person | Service]:
    """Who may speak at the meeting or receive its plan: the children at the centre, then the
    invite list, then the rest of the network; never anyone left out (see :func:`left_out`)."""
    ids = [c.child_id for c in meeting.children] + [c.id for c in doc.children_at_centre() if not c.deceased]
    ids += [i.node_id for i in meeting.invitations] + [n.id for n in network_members(doc)]
    return [doc.node(i) for i in dict.fromkeys(ids) if not left_out(doc, meeting, i)]  # type: ignore[misc]


def dates_problem(on: date | None, review: date | None) -> str:
    """The review comes after the meeting; "" when the dates agree (or one is not set)."""
    if on is not None and review is not None and review < on:
        return (f"The review ({review:%d %B %Y}) cannot be before the meeting ({on:%d %B %Y}); "
                "give a review date after the meeting.")
    return ""


def set_when(doc: CaseDocument, meeting_id: str, on: date | None, start: time | None,
             label: str = "Change meeting date") -> Edit:
    """The day and time of the meeting; refused when the plan's review would come before it."""
    meeting = meeting_of(doc, meeting_id)
    problem = dates_problem(on, meeting.plan.review_date)
    if problem:
        raise MeetingEditError(problem)
    return update_meeting(doc, replace(meeting, on=on, start=start), label)


def set_review_date(doc: CaseDocument, meeting_id: str, review: date | None,
                    label: str = "Change review date") -> Edit:
    meeting = meeting_of(doc, meeting_id)
    problem = dates_problem(meeting.on, review)
    if problem:
        raise MeetingEditError(problem)
    return update_plan(doc, meeting_id, replace(meeting.plan, review_date=review), label)


# ----- rows of a list: put one in (or replace it), take one out, move one --------------------------

T = TypeVar("T")


def _put(items: tuple[T, ...], item: T, index: int | None) -> tuple[T, ...]:
    """``item`` added at the end (``index`` None) or in place of the one at ``index``."""
    if index is None:
        return items + (item,)
    _check_index(items, index)
    return items[:index] + (item,) + items[index + 1:]


def _without(items: tuple[T, ...], index: int) -> tuple[T, ...]:
    _check_index(items, index)
    return items[:index] + items[index + 1:]


def _check_index(items: tuple[object, ...], index: int) -> None:
    if not 0 <= index < len(items):
        raise IndexError(f"no row {index} in a list of {len(items)}")


# ----- the agenda -----------------------------------------------------------------------------------


def _checked_item(item: AgendaItem) -> AgendaItem:
    if not item.title.strip():
        raise MeetingEditError("An agenda item needs a title: say what happens.")
    if item.minutes < 0:
        raise MeetingEditError(f"An agenda item cannot take {item.minutes} minutes; give 0 or more.")
    return item


def set_agenda_item(doc: CaseDocument, meeting_id: str, item: AgendaItem, index: int | None = None,
                    label: str = "") -> Edit:
    """Add an agenda item at the end, or change the one at ``index``."""
    _checked_item(item)
    label = label or ("Add agenda item" if index is None else "Change agenda item")
    return _change(doc, meeting_id, lambda m: replace(m, agenda=_put(m.agenda, item, index)), label)


def insert_agenda_item(doc: CaseDocument, meeting_id: str, item: AgendaItem, at: int,
                       label: str = "Add agenda item") -> Edit:
    """Add an agenda item before row ``at`` (the length of the agenda adds it at the end)."""
    _checked_item(item)

    def insert(meeting: Meeting) -> Meeting:
        if not 0 <= at <= len(meeting.agenda):
            raise IndexError(f"no place {at} in an agenda of {len(meeting.agenda)}")
        return replace(meeting, agenda=meeting.agenda[:at] + (item,) + meeting.agenda[at:])

    return _change(doc, meeting_id, insert, label)


def remove_agenda_item(doc: CaseDocument, meeting_id: str, index: int, label: str = "Delete agenda item") -> Edit:
    return _change(doc, meeting_id, lambda m: replace(m, agenda=_without(m.agenda, index)), label)


def move_agenda_item(doc: CaseDocument, meeting_id: str, index: int, to: int,
                     label: str = "Move agenda item") -> Edit:
    """Move the item at ``index`` so it becomes row ``to``."""

    def move(meeting: Meeting) -> Meeting:
        agenda = meeting.agenda
        _check_index(agenda, index)
        _check_index(agenda, to)
        rest = _without(agenda, index)
        return replace(meeting, agenda=rest[:to] + (agenda[index],) + rest[to:])

    return _change(doc, meeting_id, move, label)


def use_standard_agenda(doc: CaseDocument, meeting_id: str, label: str = "Start from the standard agenda") -> Edit:
    """The conference stages with private family time, in place of the agenda (undo brings it back)."""
    return _change(doc, meeting_id, lambda m: replace(m, agenda=default_agenda()), label)


# ----- the children ---------------------------------------------------------------------------------


def set_participation(doc: CaseDocument, meeting_id: str, participation: ChildParticipation,
                      label: str = "") -> Edit:
    """How one child takes part; their advocate is someone in the network who may take part."""
    meeting = meeting_of(doc, meeting_id)
    child = doc.node(participation.child_id) if doc.has_node(participation.child_id) else None
    if not isinstance(child, Person):
        raise MeetingEditError("Only a child in this case can take part as a child at the centre.")
    advocate = participation.advocate_id
    if advocate == child.id:
        raise MeetingEditError(f"{child.label} cannot be their own advocate; choose someone who supports them.")
    if advocate:
        _refuse_left_out(doc, meeting, advocate, f"they cannot be {child.short_name}'s advocate")

    def put(m: Meeting) -> Meeting:
        index = next((n for n, c in enumerate(m.children) if c.child_id == child.id), None)
        return replace(m, children=_put(m.children, participation, index))

    return _change(doc, meeting_id, put, label or f"Change how {child.short_name} takes part")


# ----- scaling --------------------------------------------------------------------------------------


def set_score(doc: CaseDocument, meeting_id: str, score: ScalingScore, index: int | None = None,
              label: str = "") -> Edit:
    """Add a scaling score at the end, or change the one at ``index``; it says who gave it."""
    meeting = meeting_of(doc, meeting_id)
    if not score.given_by:
        raise MeetingEditError("Say who gave the score.")
    _refuse_left_out(doc, meeting, score.given_by, "they cannot give a score")
    label = label or f"{'Add' if index is None else 'Change'} {doc.node(score.given_by).label}'s score"
    return update_plan(doc, meeting_id, replace(meeting.plan, scores=_put(meeting.plan.scores, score, index)), label)


def remove_score(doc: CaseDocument, meeting_id: str, index: int, label: str = "Delete score") -> Edit:
    plan = meeting_of(doc, meeting_id).plan
    return update_plan(doc, meeting_id, replace(plan, scores=_without(plan.scores, index)), label)


# ----- who receives the plan ------------------------------------------------------------------------


def set_distribution(doc: CaseDocument, meeting_id: str, node_ids: Iterable[str],
                     label: str = "Change who receives the plan") -> Edit:
    """Who receives the plan, in this order. Someone who may not hear of the meeting is refused;
    someone already on the list who was left out later may stay until they are taken off."""
    meeting = meeting_of(doc, meeting_id)
    chosen = tuple(dict.fromkeys(node_ids))
    for node_id in chosen:
        if node_id not in meeting.plan.distribution:
            _refuse_left_out(doc, meeting, node_id, "they cannot receive the plan")
    return update_plan(doc, meeting_id, replace(meeting.plan, distribution=chosen), label)


def everyone_invited(doc: CaseDocument, meeting: Meeting) -> tuple[str, ...]:
    """The children at the centre and everyone on the invite list who is invited: a plan's usual readers."""
    return tuple(n.id for n in meeting_people(doc, meeting)
                 if meeting.invitation(n.id) is not None or (isinstance(n, Person) and n.is_child_at_centre))


# ----- feedback after the meeting -------------------------------------------------------------------


def set_feedback(doc: CaseDocument, meeting_id: str, feedback: Feedback, index: int | None = None,
                 label: str = "") -> Edit:
    """Add what a family member said after the meeting, or change the feedback at ``index``."""
    meeting = meeting_of(doc, meeting_id)
    if not feedback.given_by:
        raise MeetingEditError("Say who gave the feedback.")
    _refuse_left_out(doc, meeting, feedback.given_by, "they cannot give feedback on it")
    if not feedback.text.strip():
        raise MeetingEditError("Write what they said about the plan or the meeting.")
    if feedback.on is not None and meeting.on is not None and feedback.on < meeting.on:
        raise MeetingEditError(f"Feedback is given after the meeting ({meeting.on:%d %B %Y}); "
                               f"{feedback.on:%d %B %Y} is before it.")
    name = doc.node(feedback.given_by).label
    label = label or f"{'Add' if index is None else 'Change'} feedback from {name}"
    plan = meeting.plan
    return update_plan(doc, meeting_id, replace(plan, feedback=_put(plan.feedback, feedback, index)), label)


def remove_feedback(doc: CaseDocument, meeting_id: str, index: int, label: str = "Delete feedback") -> Edit:
    plan = meeting_of(doc, meeting_id).plan
    return update_plan(doc, meeting_id, replace(plan, feedback=_without(plan.feedback, index)), label)
