"""Meetings from the network, and every change to a meeting as an ordinary undoable case edit.

A meeting lives in :attr:`CaseInfo.meetings`, so each builder here returns an
:func:`~.edits.update_case` edit: one undo step, stored at once like any other edit. Builders read the
document and never change it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .edits import Edit, update_case
from .meeting import Action, ChildParticipation, Invitation, InviteDecision, InviteStatus, Meeting, Plan
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
