"""A family network meeting and the plan made at it (Family Group Conference, Signs of Safety).

Frozen dataclasses like the rest of the model: the meetings live in :class:`CaseInfo.meetings`, so
every change is an ordinary undoable case edit (see meeting_edits.py) and is stored by the codec
with the case. Building a meeting from the network lives in meeting_edits.py. People are referred to by node id; a meeting never copies a name, so a renamed
person is renamed in every plan, and a redacted export can hide a person by id everywhere.

The agenda follows the conference stages, with private family time, when professionals leave the
room so the family and friends can make their own plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum
from uuid import uuid4


def _new_id() -> str:
    # model.new_id, spelt out: model.py imports this module for CaseInfo.meetings, so this module
    # cannot import model.py back.
    return uuid4().hex


class InviteDecision(str, Enum):
    INVITE = "invite"
    DO_NOT_INVITE = "do_not_invite"  # with a reason, e.g. safety
    MUST_NOT_BE_TOLD = "must_not_be_told"  # not invited and not told the meeting is happening


class InviteStatus(str, Enum):
    NOT_SENT = "not_sent"
    INVITED = "invited"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    ATTENDED = "attended"


class Attendance(str, Enum):
    """How a child at the centre takes part in their meeting."""

    ATTENDS = "attends"
    PART = "attends_part"  # comes for part of the meeting
    VIEWS_SHARED = "views_shared"  # does not come; their words are brought by someone they chose
    NOT_TAKING_PART = "not_taking_part"


class Stage(str, Enum):
    """The stages of a family group conference on the day."""

    WELCOME = "welcome"
    INFORMATION = "information"  # information sharing: worries, strengths, bottom lines
    PRIVATE_FAMILY_TIME = "private_family_time"  # professionals leave the room
    AGREE_PLAN = "agree_plan"  # the family presents its plan; it is agreed and resourced
    NEXT_STEPS = "next_steps"  # who receives the plan, the review date


@dataclass(frozen=True)
class Invitation:
    """One member of the network and the meeting: invited or not, and what they need to take part.

    ``first_language`` and ``interpreter_needed`` start as the person's own (see
    :func:`invite_list`) and may be changed for the meeting (a preferred language for the day).
    """

    node_id: str
    decision: InviteDecision = InviteDecision.INVITE
    reason: str = ""  # why not invited or not told; never shown to the family
    status: InviteStatus = InviteStatus.NOT_SENT
    first_language: str = ""
    interpreter_needed: bool = False
    access_needs: str = ""  # e.g. step-free, hearing loop, childcare
    attends_private_time: bool = True  # family and friends stay for private family time

    @property
    def excluded(self) -> bool:
        return self.decision is not InviteDecision.INVITE


@dataclass(frozen=True)
class ChildParticipation:
    """How a child at the centre takes part, and what they want said, in their own words."""

    child_id: str
    attendance: Attendance = Attendance.ATTENDS
    advocate_id: str = ""  # node id of the person who supports them or speaks for them
    own_words: str = ""
    how: str = ""  # e.g. "a letter read by her advocate", "leads the planning with Julian"


@dataclass(frozen=True)
class AgendaItem:
    stage: Stage
    title: str
    minutes: int = 0
    led_by: str = ""  # a role or a name, e.g. "the coordinator", "the family"
    notes: str = ""

    @property
    def professionals_present(self) -> bool:
        return self.stage is not Stage.PRIVATE_FAMILY_TIME


@dataclass(frozen=True)
class ScalingScore:
    """An answer to the scaling question: where would you put things now, from 0 to 10?"""

    given_by: str  # node id
    score: int
    said: str = ""  # why that number, in their words

    def __post_init__(self) -> None:
        if not 0 <= self.score <= 10:
            raise ValueError(f"a scaling score is from 0 to 10, not {self.score}")


@dataclass(frozen=True)
class Action:
    """One thing the plan says will happen: what, who, by when, for how long, how we will know."""

    what: str
    who: str = ""  # node id of the person or service who does it
    by_when: date | None = None
    how_long: str = ""  # e.g. "every Saturday until the review"
    success_sign: str = ""  # how we will know it has worked
    checked_by: str = ""  # node id of the person who checks it happened
    id: str = field(default_factory=_new_id)


@dataclass(frozen=True)
class Feedback:
    """What a family member said about the plan and the meeting afterwards."""

    given_by: str  # node id
    text: str
    on: date | None = None
    helpful: int | None = None  # 1 (not at all) to 5 (very), when they gave a number

    def __post_init__(self) -> None:
        if self.helpful is not None and not 1 <= self.helpful <= 5:
            raise ValueError(f"feedback is rated from 1 to 5, not {self.helpful}")


DEFAULT_SCALING_QUESTION = (
    "On a scale of 0 to 10, where 10 means everyone knows the children are safe enough for the "
    "council to close the case, and 0 means things are so worrying that the children cannot stay "
    "at home, where would you put things now?"
)


@dataclass(frozen=True)
class Plan:
    """The family's plan: three columns, scaling, actions, what happens if it does not work, review."""

    worries: tuple[str, ...] = ()  # What are we worried about?
    working_well: tuple[str, ...] = ()  # What's working well?
    needs_to_happen: tuple[str, ...] = ()  # What needs to happen?
    scaling_question: str = DEFAULT_SCALING_QUESTION
    scores: tuple[ScalingScore, ...] = ()
    actions: tuple[Action, ...] = ()
    contingency: str = ""  # what happens if the plan does not work within the child's timeframe
    review_date: date | None = None
    distribution: tuple[str, ...] = ()  # node ids of who receives the plan
    feedback: tuple[Feedback, ...] = ()

    def action(self, action_id: str) -> Action:
        for action in self.actions:
            if action.id == action_id:
                return action
        raise KeyError(f"no action with id {action_id!r} in this plan")


def default_agenda() -> tuple[AgendaItem, ...]:
    """The conference stages as a starting agenda the coordinator can change."""
    return (
        AgendaItem(Stage.WELCOME, "Welcome, introductions and how we will work today", 10, "the coordinator"),
        AgendaItem(Stage.INFORMATION, "Information sharing: what we are worried about, what is working well, "
                   "the bottom lines", 40, "the social worker and the family"),
        AgendaItem(Stage.PRIVATE_FAMILY_TIME, "Private family time: the family makes its plan", 60, "the family"),
        AgendaItem(Stage.AGREE_PLAN, "The family presents its plan; it is agreed and resourced", 30,
                   "the family with the coordinator"),
        AgendaItem(Stage.NEXT_STEPS, "Who receives the plan, how it is checked, the review date", 10,
                   "the coordinator"),
    )


@dataclass(frozen=True)
class Meeting:
    """A family network meeting: when, where, why, who, and the plan it made."""

    id: str = field(default_factory=_new_id)
    title: str = "Family network meeting"
    on: date | None = None
    start: time | None = None
    venue: str = ""
    venue_access: str = ""  # getting there and in: step-free, parking, a separate room for private time
    coordinator: str = ""  # the independent coordinator's name
    purpose: str = ""
    bottom_lines: tuple[str, ...] = ()  # what any safe plan must achieve (the professionals')
    invitations: tuple[Invitation, ...] = ()
    children: tuple[ChildParticipation, ...] = ()
    agenda: tuple[AgendaItem, ...] = field(default_factory=default_agenda)
    plan: Plan = Plan()

    def invitation(self, node_id: str) -> Invitation | None:
        return next((i for i in self.invitations if i.node_id == node_id), None)

    def excluded_ids(self) -> frozenset[str]:
        """Everyone this meeting says must not be invited or told."""
        return frozenset(i.node_id for i in self.invitations if i.excluded)


def latest_meeting(meetings: tuple[Meeting, ...]) -> Meeting | None:
    """The meeting a plan printout is for: the one with the latest date, else the last added."""
    if not meetings:
        return None
    dated = [m for m in meetings if m.on is not None]
    return max(dated, key=lambda m: (m.on, m.start or time())) if dated else meetings[-1]
