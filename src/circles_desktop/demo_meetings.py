"""The demo meetings, with the plans the families made: the Zain family's and Sayah's.

Kept apart from demo_cases.py so the cases can be built without a meeting and the meeting added as
one ordinary edit, the way a coordinator would: invite the network, then record the plan.
Fictional, following PRACTICE.md. The Zain family: the wider family came from the first phone call,
both children helped lead the planning, and the family's own support plan sits beside help from
professionals. Sayah: at 18, a family group conference before her pathway plan review plans her
move to university and what happens if she ever feels unsafe again, and brings her mother's
estranged family back into the picture; the man linked to her exploitation is neither invited nor
told.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

from .demo_cases import SAYAH, ZAIN, demo_id
from .graph.document import CaseDocument
from .graph.edits import Edit
from .graph.meeting import (
    Action,
    AgendaItem,
    Attendance,
    ChildParticipation,
    Feedback,
    InviteStatus,
    Meeting,
    Plan,
    ScalingScore,
    Stage,
)
from .graph.meeting_edits import add_meeting, invite_list, new_meeting


def _z(slug: str) -> str:
    return demo_id(f"zain/{slug}")


def _s(slug: str) -> str:
    return demo_id(f"sayah/{slug}")


def add_demo_meetings(doc: CaseDocument) -> Edit | None:
    """The edit that adds a demo case's meeting; None for a case without one, or if the case already
    has it (so running the demo twice adds nothing)."""
    found = _MEETINGS.get(doc.info.name)
    if found is None:
        return None
    slug, build = found
    meeting_id = demo_id(slug)
    if any(m.id == meeting_id for m in doc.info.meetings):
        return None
    return add_meeting(doc, build(doc, meeting_id), "Add the family network meeting")


def _zain_meeting(doc: CaseDocument, meeting_id: str) -> Meeting:
    status = {_z(s): InviteStatus.ATTENDED for s in ("karim", "maria", "yusuf", "samira", "sonia", "leah",
                                                     "grace", "thornhill", "youth-zone", "yjs")}
    status[_z("lourdes")] = InviteStatus.CONFIRMED  # joins by video from Goa for the first hour
    status[_z("mrs-patel")] = InviteStatus.DECLINED
    invitations = tuple(replace(i, status=status.get(i.node_id, InviteStatus.INVITED),
                                access_needs=_ACCESS.get(i.node_id, i.access_needs))
                        for i in invite_list(doc))
    return replace(
        new_meeting(doc, id=meeting_id),
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


# ----- Sayah --------------------------------------------------------------------------------------

# Who the coordinator and Sayah chose to invite from her network, and how each answered. Her younger
# cousins, services that have closed (Oakfield House, CAMHS, college) and her father (no contact
# since 2012; Sayah may write to him herself one day) are not on the list. The man linked to her
# exploitation is on it only to say he must not be invited or told (his safety flags decide that).
_SAYAH_STATUS = {
    "farida": InviteStatus.ATTENDED, "naima": InviteStatus.ATTENDED, "khadija": InviteStatus.DECLINED,
    "fatima": InviteStatus.DECLINED, "joanne": InviteStatus.ATTENDED, "chloe": InviteStatus.ATTENDED,
    "amani": InviteStatus.ATTENDED, "michelle": InviteStatus.ATTENDED, "daniel": InviteStatus.ATTENDED,
    "safe-futures": InviteStatus.ATTENDED, "virtual-school": InviteStatus.ATTENDED,
    "youth-zone": InviteStatus.ATTENDED, "talking-therapies": InviteStatus.DECLINED,
    "omar": InviteStatus.NOT_SENT,
}
_SAYAH_ACCESS = {
    "farida": "Arabic (Darija) interpreter beside her all day; works early shifts, so the meeting starts "
              "at 11",
    "naima": "Joins by video from Birmingham for the information sharing and the plan",
    "khadija": "Asked by Naima on the phone, with Farida's agreement; an interpreter was offered",
    "fatima": "Cares for her son full time; sent her apologies and her good wishes",
    "talking-therapies": "Could not come; sent a short report, shared with Sayah first",
}


def _sayah_meeting(doc: CaseDocument, meeting_id: str) -> Meeting:
    chosen = {_s(slug): slug for slug in _SAYAH_STATUS}
    invitations = tuple(replace(i, status=_SAYAH_STATUS[chosen[i.node_id]],
                                access_needs=_SAYAH_ACCESS.get(chosen[i.node_id], i.access_needs))
                        for i in invite_list(doc) if i.node_id in chosen)
    return replace(
        new_meeting(doc, id=meeting_id),
        title="Sayah's family group conference",
        on=date(2026, 11, 28), start=time(11, 0),
        venue="Eastbridge Youth Zone, 2 Canal Street, Eastbridge EB1 (the Lounge, first floor)",
        venue_access="Sayah chose the Youth Zone: she knows it and feels safe there. Step-free entrance and a "
                     "lift. The quiet room next door is kept for private family time. A screen and speaker "
                     "for Naima to join by video. Daniel meets Sayah and Farida at the bus station so they "
                     "do not travel past the old estate.",
        coordinator="Amira Haddad (independent family group conference coordinator)",
        purpose="To make a plan with Sayah and the people who care about her for her move to university next "
                "autumn, and for what happens if she ever feels unsafe, so that she never has to start again "
                "on her own.",
        bottom_lines=(
            "Sayah's address, workplace and university are shared only with the people she agrees to.",
            "Anyone linked to the people who exploited Sayah who tries to contact her is reported to the "
            "police the same day.",
            "Sayah has somewhere safe to go at any hour, in Eastbridge and wherever she studies.",
        ),
        invitations=invitations,
        children=(
            ChildParticipation(_s("sayah"), Attendance.ATTENDS, advocate_id=_s("michelle"),
                               own_words="I've done the hard part already. Now I want to go to uni without "
                                         "looking over my shoulder, and to know who I can ring at three in "
                                         "the morning if I need to. I want Mum to come and see where I'll "
                                         "live.",
                               how="Opens the meeting with her own list of the people who matter to her; "
                                   "Michelle helped her get ready"),
        ),
        agenda=(
            AgendaItem(Stage.WELCOME, "Welcome; Sayah reads her list of the people who matter to her; how we "
                       "will talk and listen today", 15, "Amira Haddad and Sayah"),
            AgendaItem(Stage.INFORMATION, "Information sharing: the pathway plan, money and the care leavers' "
                       "bursary; staying safe online and in a new city; university applications; the bottom "
                       "lines; questions from the family", 40,
                       "Daniel Osei, Safe Futures, Eastbridge Virtual School"),
            AgendaItem(Stage.PRIVATE_FAMILY_TIME, "Private family time: Sayah, her family and friends make the "
                       "plan (the interpreter stays with Farida; Naima on video)", 60, "Sayah and her family"),
            AgendaItem(Stage.AGREE_PLAN, "Sayah and Farida present the plan; the professionals say what help "
                       "they will give", 30, "Sayah and Farida, with Amira Haddad"),
            AgendaItem(Stage.NEXT_STEPS, "Who has a copy, how the plan joins the pathway plan, the review date",
                       10, "Amira Haddad"),
        ),
        plan=_SAYAH_PLAN,
    )


_SAYAH_PLAN = Plan(
    worries=(
        "People linked to the past exploitation could try to reach Sayah again, most likely through social "
        "media; Sayah worries about this too.",
        "In a new city Sayah will be far from the people who know her best, and could feel alone.",
        "Sayah still gets anxious in crowds and on the bus route past her old estate.",
        "Money: Sayah has no savings and worries about the cost of university; Farida cannot help much.",
        "When Sayah moves away, Farida will be on her own in Eastbridge with few people to lean on.",
    ),
    working_well=(
        "Sayah chose Oakfield House herself, made it work and came home at 16; she and her mum are close "
        "again.",
        "Three A levels, a job at the pharmacy, and she mentors younger girls at the Youth Zone.",
        "Sayah knows the warning signs and how to report anything that worries her.",
        "Chloe and Amani are friends she can call at any time; Joanne upstairs keeps a spare key.",
        "Naima has offered Sayah a bed in Birmingham for open days, and Khadija sent her love through Naima.",
    ),
    needs_to_happen=(
        "A safety plan Sayah can take to any city: who she calls, day or night, and where she can stay.",
        "The money sorted before she goes: the bursary, student finance and a small fund for emergencies.",
        "Sayah sees her university town before she decides, with someone she trusts.",
        "Farida has people of her own around her when Sayah moves away.",
    ),
    scaling_question="On a scale of 0 to 10, where 10 means Sayah is safe, settled and has people she trusts "
                     "around her for the move to university, and 0 means she is not safe and has nobody to turn "
                     "to, where would you put things now?",
    scores=(
        ScalingScore(_s("sayah"), 7, "I'm proud of where I am. It would be a 9 if I knew the money was sorted."),
        ScalingScore(_s("farida"), 6, "She is strong. I worry about when she is far away."),
        ScalingScore(_s("chloe"), 8, "She's the one who holds everyone together."),
        ScalingScore(_s("daniel"), 6, "A lot to be proud of. The move is the risky part, so we plan for it now."),
    ),
    actions=(
        Action("Write Sayah's keep-safe card with her: three people she can ring at any hour, and what to do "
               "if anyone from the past gets in touch", who=_s("safe-futures"), by_when=date(2027, 1, 15),
               how_long="Once, then again when she moves", success_sign="Sayah carries the card and can say "
               "who she would call", checked_by=_s("daniel"), id=demo_id("sayah/action/keep-safe-card")),
        Action("Be Sayah's first call if she feels unsafe, and keep a bed made up for her", who=_s("chloe"),
               by_when=date(2026, 12, 5), how_long="Any time, for as long as Sayah wants",
               success_sign="Sayah says she knows she can turn up at Chloe's", checked_by=_s("safe-futures"),
               id=demo_id("sayah/action/first-call")),
        Action("Go with Sayah to a university open day in Leeds, with the night before at Naima's",
               who=_s("naima"), by_when=date(2027, 3, 31), how_long="One visit in the spring",
               success_sign="Sayah has seen the campus and the halls before she decides",
               checked_by=_s("farida"), id=demo_id("sayah/action/open-day")),
        Action("Apply for the care leavers' bursary and go through student finance with Sayah, line by line",
               who=_s("daniel"), by_when=date(2027, 2, 26), how_long="Every two weeks until the forms are in",
               success_sign="The bursary is agreed in writing and Sayah knows her monthly budget",
               checked_by=_s("sayah"), id=demo_id("sayah/action/money")),
        Action("Help Sayah through UCAS and introduce her to the university's care leavers' team before she "
               "arrives", who=_s("virtual-school"), by_when=date(2027, 1, 29), how_long="Until she has a place",
               success_sign="A named person at the university who knows Sayah and her plan",
               checked_by=_s("daniel"), id=demo_id("sayah/action/ucas")),
        Action("Keep the fortnightly sessions going and arrange a service in her university town before she "
               "moves", who=_s("talking-therapies"), by_when=date(2027, 8, 31), how_long="Until she moves",
               success_sign="No gap in support when Sayah moves", checked_by=_s("daniel"),
               id=demo_id("sayah/action/therapy")),
        Action("Text Sayah every Sunday evening once she has moved, and visit her in her first month",
               who=_s("farida"), by_when=date(2027, 9, 30), how_long="Every week of her first year",
               success_sign="Sayah and Farida both say they feel close, even at a distance",
               checked_by=_s("michelle"), id=demo_id("sayah/action/sundays")),
        Action("Come down for a cup of tea with Farida every week once Sayah has moved", who=_s("joanne"),
               by_when=date(2027, 9, 30), how_long="Every week", success_sign="Farida says she does not feel "
               "alone", checked_by=_s("naima"), id=demo_id("sayah/action/tea")),
    ),
    contingency="If Sayah feels unsafe, or anyone linked to the past tries to contact her, she rings someone on "
                "her keep-safe card and Daniel the same day; Safe Futures and the police are told that day, "
                "and she stays with her mum, or with Naima in Birmingham, until she feels safe again. If the "
                "money or a place to live is not in place by 31 July 2027, Daniel brings everyone together "
                "again, and Sayah can start university in January instead, so she never goes without a plan.",
    review_date=date(2027, 3, 20),
    distribution=(_s("sayah"), _s("farida"), _s("naima"), _s("chloe"), _s("amani"), _s("joanne"),
                  _s("michelle"), _s("daniel"), _s("safe-futures"), _s("virtual-school")),
    feedback=(
        Feedback(_s("farida"), "With the interpreter beside me I could say everything I wanted to. I did not "
                 "feel alone.", date(2026, 12, 5), 5),
        Feedback(_s("sayah"), "It was strange hearing everyone say good things about me. The plan is actually "
                 "mine.", date(2026, 12, 5), 5),
    ),
)

# The demo meetings by case name: the slug of the meeting's stable id, and how to build it.
_MEETINGS: dict[str, tuple[str, Callable[[CaseDocument, str], Meeting]]] = {
    ZAIN: ("zain/meeting-2026-12", _zain_meeting),
    SAYAH: ("sayah/meeting-2026-11", _sayah_meeting),
}
