"""The demo meeting: the Zain family's network meeting in December 2026, with the plan they made.

Kept apart from demo_cases.py so the cases can be built without a meeting and the meeting added as
one ordinary edit, the way a coordinator would: invite the network, then record the plan.
Fictional, following PRACTICE.md: the wider family came from the first phone call, both children
helped lead the planning, and the family's own support plan sits beside help from professionals.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from .demo_cases import ZAIN, demo_id
from .graph.document import CaseDocument
from .graph.edits import Edit
from .graph.meeting import (
    Action,
    AgendaItem,
    Attendance,
    ChildParticipation,
    Feedback,
    InviteStatus,
    Plan,
    ScalingScore,
    Stage,
)
from .graph.meeting_edits import add_meeting, invite_list, new_meeting


def _z(slug: str) -> str:
    return demo_id(f"zain/{slug}")


def add_demo_meetings(doc: CaseDocument) -> Edit | None:
    """The edit that adds the demo meeting to the Zain family case; None for any other case, or if
    the case already has it (so running the demo twice adds nothing)."""
    meeting_id = demo_id("zain/meeting-2026-12")
    if doc.info.name != ZAIN or any(m.id == meeting_id for m in doc.info.meetings):
        return None
    status = {_z(s): InviteStatus.ATTENDED for s in ("karim", "maria", "yusuf", "samira", "sonia", "leah",
                                                     "grace", "thornhill", "youth-zone", "yjs")}
    status[_z("lourdes")] = InviteStatus.CONFIRMED  # joins by video from Goa for the first hour
    status[_z("mrs-patel")] = InviteStatus.DECLINED
    invitations = tuple(replace(i, status=status.get(i.node_id, InviteStatus.INVITED),
                                access_needs=_ACCESS.get(i.node_id, i.access_needs))
                        for i in invite_list(doc))
    base = new_meeting(doc, id=meeting_id)
    meeting = replace(
        base,
        title="Zain family network meeting",
        on=date(2026, 12, 5), start=time(10, 0),
        venue="Eastbridge Family Hub, 40 Station Road, Eastbridge EB3 (the Garden Room)",
        venue_access="Step-free from the street with a lift to the first floor. Parking for Samira at the front. "
                     "The Willow Room next door is kept for private family time. A laptop and speaker for "
                     "Lourdes to join by video.",
        coordinator="Joy Mensah (independent FGC coordinator)",
        purpose="To make a plan with the whole family so that Nikita is safe on her way home and at night, "
                "feels trusted again, and so that Julian feels safe at home.",
        bottom_lines=(
            "Nikita does not carry a knife or any other weapon.",
            "Someone in the family always knows where Nikita is after 9 pm and how she is getting home.",
            "Julian is not frightened at home: if shouting starts, an adult steps in and Julian has somewhere "
            "to go.",
        ),
        invitations=invitations,
        children=(
            ChildParticipation(_z("nikita"), Attendance.ATTENDS, advocate_id=_z("leah"),
                               own_words="I'm not a bad person. I carried it because I was scared walking back "
                                         "from the 104 bus. I want Mum and Dad to trust me again.",
                               how="Leads the part about getting home safely, with Leah beside her"),
            ChildParticipation(_z("julian"), Attendance.PART, advocate_id=_z("sonia"),
                               own_words="I want Nikita to be home for tea and play FIFA with me like before.",
                               how="Comes for the first hour and shows his drawing of the family"),
        ),
        agenda=(
            AgendaItem(Stage.WELCOME, "Welcome and introductions; how we will listen to each other", 10,
                       "Joy Mensah"),
            AgendaItem(Stage.INFORMATION, "Information sharing: the school, the youth justice worker and the "
                       "social worker say what they are worried about and what is working well; the bottom "
                       "lines; questions from the family", 45, "Grace Adeyemi, Thornhill Academy, Youth Justice"),
            AgendaItem(Stage.PRIVATE_FAMILY_TIME, "Private family time: the family makes its plan", 75,
                       "the family, with Nikita and Julian leading"),
            AgendaItem(Stage.AGREE_PLAN, "The family presents its plan; it is agreed and resourced", 30,
                       "Nikita and Maria, with Joy Mensah"),
            AgendaItem(Stage.NEXT_STEPS, "Who has a copy, how the plan is checked, the review date", 10,
                       "Joy Mensah"),
        ),
        plan=_PLAN,
    )
    return add_meeting(doc, meeting, "Add the family network meeting")


_ACCESS = {
    _z("samira"): "Walks with a stick; needs a chair with arms; interpreter (Lebanese Arabic)",
    _z("lourdes"): "Joins by video from Goa (5 hours ahead)",
    _z("karim"): "Works nights: meeting set for Saturday morning",
}

_PLAN = Plan(
    worries=(
        "Nikita carried a kitchen knife to school in September because she was scared walking home from "
        "the 104 bus stop.",
        "Nikita is out after midnight two or three times a week and her parents do not always know where "
        "she is.",
        "Shouting at home, mostly at Julian, who hides in his room and has started wetting the bed again.",
        "Karim and Nikita have hardly spoken since the summer; Maria feels she carries it all.",
    ),
    working_well=(
        "Nikita told the truth about the knife straight away and has kept every appointment since.",
        "The whole family came when asked: grandparents, Aunt Sonia and Leah, and Lourdes by video.",
        "Nikita loves drama and wants to be a paramedic; the youth theatre has offered her a part.",
        "Teta Samira is Nikita's safe place; Sonia can collect her late at night, no questions asked.",
        "Julian has football twice a week and Mrs Patel on Tuesdays.",
    ),
    needs_to_happen=(
        "A safe way home every evening, agreed with Nikita, so she never feels she needs a weapon.",
        "Nikita's parents know where she is after 9 pm, without it feeling like spying.",
        "Calm at home: a plan for when tempers rise, and time for Julian with each parent.",
        "Karim and Nikita spend time together each week.",
    ),
    scores=(
        ScalingScore(_z("nikita"), 6, "I haven't carried anything since September and I'm back at college."),
        ScalingScore(_z("maria"), 4, "Better than in the summer, but I still lie awake until she is home."),
        ScalingScore(_z("karim"), 5, "She is talking to us again."),
        ScalingScore(_z("sonia"), 6, "Everyone is here and wants to help."),
        ScalingScore(_z("grace"), 4, "Real progress; the late nights and the shouting still worry me."),
    ),
    actions=(
        Action("Walk with Nikita from the 104 bus stop to Teta's house on college days", who=_z("kayla"),
               by_when=date(2026, 12, 8), how_long="Every college day until the review",
               success_sign="Nikita says she feels safe walking home; no weapon found", checked_by=_z("maria"),
               id=demo_id("zain/action/walk")),
        Action("Collect Nikita by car if she is out after 10 pm, no questions asked on the way home",
               who=_z("sonia"), by_when=date(2026, 12, 6), how_long="Until the review",
               success_sign="Nikita texts Sonia instead of walking alone at night", checked_by=_z("grace"),
               id=demo_id("zain/action/lift")),
        Action("Nikita texts Mum where she is at 9 pm and when she sets off home", who=_z("nikita"),
               by_when=date(2026, 12, 6), how_long="Every evening she is out",
               success_sign="Mum knows where Nikita is every night; fewer rows about it",
               checked_by=_z("leah"), id=demo_id("zain/action/text")),
        Action("Saturday breakfast and a drive, just Karim and Nikita", who=_z("karim"),
               by_when=date(2026, 12, 12), how_long="Every Saturday for three months",
               success_sign="Nikita and Karim both say they are talking more", checked_by=_z("yusuf"),
               id=demo_id("zain/action/saturday")),
        Action("A calm-down plan at home: Julian goes to his grandparents' when there is shouting, and "
               "an adult steps in", who=_z("maria"), by_when=date(2026, 12, 13), how_long="Until the review",
               success_sign="Julian says he feels safe at home; no wet beds for a month", checked_by=_z("grace"),
               id=demo_id("zain/action/calm")),
        Action("Six weapons-awareness sessions and a mentor at the Youth Zone", who=_z("yjs"),
               by_when=date(2027, 1, 31), how_long="Six weekly sessions",
               success_sign="Sessions completed; Nikita can say how she would stay safe without a weapon",
               checked_by=_z("grace"), id=demo_id("zain/action/yjs")),
        Action("Chase the CAMHS referral and share the school's reintegration plan with the family",
               who=_z("grace"), by_when=date(2026, 12, 19), how_long="Once",
               success_sign="A CAMHS appointment date; the family has the school plan", checked_by=_z("maria"),
               id=demo_id("zain/action/camhs")),
    ),
    contingency="If Nikita is out after midnight without anyone knowing where she is, or a weapon is found, "
                "Maria calls Grace (or the out-of-hours team) the same night and Nikita stays with Sonia and "
                "Leah for a few days while the family meets again within a week. If the plan is not working "
                "by the review, Grace will call a second family meeting before any other step is considered.",
    review_date=date(2027, 3, 6),
    distribution=(_z("karim"), _z("maria"), _z("nikita"), _z("yusuf"), _z("samira"), _z("sonia"), _z("leah"),
                  _z("lourdes"), _z("grace"), _z("thornhill"), _z("yjs")),
    feedback=(
        Feedback(_z("maria"), "For the first time it wasn't just me. The private time was the best part.",
                 date(2026, 12, 12), 5),
        Feedback(_z("nikita"), "I liked leading my bit. The start was long and a bit boring.",
                 date(2026, 12, 12), 4),
    ),
)
