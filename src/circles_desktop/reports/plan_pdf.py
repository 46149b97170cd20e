"""The family network meeting plan as a PDF, for professionals, for the family, and for the child.

One plan, three readers. The professional copy is the full record for the case file: the network
drawings, the invite list with languages, interpreters and who is excluded and why, the agenda, the
three columns and scaling, the actions, the contingency, review and distribution. The family copy
says the same in plain words and larger type, with headings in the family's language where a
translation ships, and leaves out everything the redaction profile hides. The child's copy is one
or two pages in large type: their circles, what happens next, who to talk to, their own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import zip_longest
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ..graph.document import CaseDocument
from ..graph.meeting import (
    Action,
    Attendance,
    ChildParticipation,
    InviteDecision,
    InviteStatus,
    Meeting,
    Stage,
    latest_meeting,
)
from ..graph.model import AnyNode, Household, Person, Ring, Role, Service, TieStrength
from ..graph.redaction import Audience, Redaction, redaction_for
from ..graph.summary import age
from ..layout.circles import node_detail
from ..layout.circles_diagram import child_circles_diagram, family_circles_diagram
from . import figures, fonts, words
from .pages import A4, Stamp, frame_box, long_date, tint, write_pdf
from .printout import smallest_text
from .text import ScriptParagraph, Spans, Style

INK = HexColor("#1d1d1d")
ACCENT = HexColor("#2f5d7c")  # headings and table heads; prints as a mid grey
SHADE = HexColor("#f0d9d0")  # excluded people in the professional invite list
BODY_WIDTH = frame_box(A4)[2]
CIRCLES_HEIGHT = 200 * mm  # the circles picture with a heading and a line or two above it fills a page
FRAME_HEIGHT = frame_box(A4)[3]
FIGURE_HEIGHT = FRAME_HEIGHT - 24 * mm  # a genogram or ecomap under its heading and the section's: a page
MIN_FIGURE_LABEL = 6.0  # points as printed: the smallest name in a network figure a manager can read
_BRACKETS = re.compile(r"\s*\([^)]*\)")  # "(youth service)", "(allocated)": words a child or a title can do without


class PlanError(ValueError):
    """A plan that cannot be printed (no meeting yet, or no child for the child's copy)."""


def write_plan(doc: CaseDocument, path: Path | str, audience: Audience | str = Audience.PROFESSIONAL, *,
               meeting: Meeting | None = None, today: date | None = None) -> None:
    """Write the plan of ``meeting`` (the latest one by default) for ``audience`` to ``path``."""
    audience = Audience(audience)
    if audience is Audience.CASE_FILE:
        audience = Audience.PROFESSIONAL  # the case file keeps the professional copy
    meeting = meeting or latest_meeting(doc.info.meetings)
    if meeting is None:
        raise PlanError(f"{doc.info.name}: there is no meeting to print a plan for yet")
    today = today or date.today()
    redaction = redaction_for(doc, audience)
    builder = {Audience.PROFESSIONAL: _professional, Audience.FAMILY: _family, Audience.CHILD: _child}[audience]
    story, title = builder(_Plan(doc, meeting, redaction, today))
    stamp = Stamp(doc.info.reference or doc.info.name, f"{doc.info.name}: {title}", doc.info.author, today,
                  size=8.5 if audience is Audience.PROFESSIONAL else 10)
    write_pdf(path, story, stamp, subject=f"Family network meeting plan ({audience.value})")


class _Plan:
    """What every section needs: the case, the meeting, the audience's redaction, and type sizes."""

    def __init__(self, doc: CaseDocument, meeting: Meeting, redaction: Redaction, today: date) -> None:
        self.doc, self.meeting, self.redaction, self.today = doc, meeting, redaction, today
        self.size = {Audience.PROFESSIONAL: 9.5, Audience.FAMILY: 13.0, Audience.CHILD: 15.0}[redaction.audience]
        self.body = Style(size=self.size, colour=INK)
        self.small = self.body.but(size=self.size * 0.85, space_after=2)
        self.translation = (words.family_translation(self._family_languages())
                            if redaction.audience is Audience.FAMILY else None)

    # ----- names and text -------------------------------------------------------------------------

    def shows(self, node_id: str) -> bool:
        return bool(node_id) and self.doc.has_node(node_id) and self.redaction.shows(node_id)

    def name(self, node_id: str) -> str:
        """The name this audience may read (a household named after someone hidden under its neutral
        name), or "" when hidden, removed or not given."""
        return self.redaction.label(self.doc.node(node_id)) if self.shows(node_id) else ""

    def text(self, text: str) -> str:
        return self.redaction.text(text)

    def para(self, spans: Spans, style: Style | None = None) -> ScriptParagraph:
        if isinstance(spans, str):
            spans = self.text(spans)
        else:
            spans = [(self.text(t), b) for t, b in spans]
        return ScriptParagraph(spans, style or self.body)

    def bullets(self, items: Sequence[str], style: Style | None = None) -> list[Flowable]:
        style = (style or self.body).but(bullet="•", space_after=2)
        return [self.para(item, style) for item in items if item.strip()]

    def heading(self, key_or_text: str, level: int = 1) -> list[Flowable]:
        """A heading; in the family copy, the family's language first with the English under it."""
        size = self.size * (1.55 if level == 1 else 1.2)
        style = Style(size=size, bold=True, colour=ACCENT, space_before=size * 0.6, space_after=size * 0.25)
        english = words.english(key_or_text) if key_or_text in words.translations()["en"].headings else key_or_text
        out: list[Flowable] = [CondPageBreak(size * 5)]  # never a heading alone at the foot of a page
        translated = self.translation.headings.get(key_or_text) if self.translation else None
        if translated:
            out.append(ScriptParagraph(translated, style.but(space_after=0, align="left")))
            out.append(ScriptParagraph(english, style.but(size=size * 0.7, space_before=0, bold=False)))
        else:
            out.append(ScriptParagraph(english, style))
        return out

    def when(self, day: date | None) -> str:
        return long_date(day) if day else "not set yet"

    def short(self, day: date | None) -> str:
        """A date in a table column: 8 Dec 2026."""
        return f"{day.day} {day:%b %Y}" if day else ""

    def _family_languages(self) -> list[str]:
        people = [self.doc.node(i.node_id) for i in self.meeting.invitations
                  if not i.excluded and self.shows(i.node_id)]
        langs = [i.first_language for i in self.meeting.invitations if not i.excluded and i.first_language]
        langs += [p.first_language for p in people if isinstance(p, Person) and p.first_language
                  and not _is_professional(p)]
        return langs

    def role(self, node_id: str) -> str:
        """Who someone is to the children ("maternal aunt", "school"), as the circles picture says it."""
        node = self.doc.node(node_id)
        if isinstance(node, Person) and node.is_child_at_centre:
            return ""
        return node_detail(self.doc, node, [c.id for c in self.doc.children_at_centre()])

    def children(self) -> list[Person]:
        ids = [c.child_id for c in self.meeting.children] or [p.id for p in self.doc.children_at_centre()]
        return [p for p in (self.doc.node(i) for i in ids if self.shows(i)) if isinstance(p, Person)]

    # ----- tables ---------------------------------------------------------------------------------

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str | Flowable | list[Flowable]]], widths: Sequence[float],
              shaded: Sequence[int] = (), style: Style | None = None, columns_only: bool = False) -> Table:
        """A ruled table that splits across pages with its header repeated."""
        cell = (style or self.small).but(space_after=0)
        head_style = cell.but(bold=True, colour=white, bullet="")
        data: list[list[object]] = [[ScriptParagraph(h, head_style) for h in head]]
        for row in rows:
            data.append([c if isinstance(c, (Flowable, list)) else self.para(c, cell) for c in row])
        total = sum(widths)
        table = Table(data, colWidths=[BODY_WIDTH * w / total for w in widths], repeatRows=1, splitInRow=1)
        commands: list[tuple[object, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            *([("BOX", (0, 0), (-1, -1), 0.4, HexColor("#8c8c8c")),
               ("LINEAFTER", (0, 0), (-2, -1), 0.4, HexColor("#8c8c8c"))] if columns_only else
              [("GRID", (0, 0), (-1, -1), 0.4, HexColor("#8c8c8c"))]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        for row in shaded:
            commands.append(("BACKGROUND", (0, row + 1), (-1, row + 1), SHADE))
        table.setStyle(TableStyle(commands))
        return table

    def box(self, flowables: list[Flowable], colour: Color = ACCENT) -> Table:
        """Something to notice: a tinted box around a few paragraphs."""
        table = Table([[flowables]], colWidths=[BODY_WIDTH])
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), tint(colour, 0.88)),
                                   ("BOX", (0, 0), (-1, -1), 0.8, colour),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                   ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return table

    def visible_actions(self) -> list[Action]:
        return [a for a in self.meeting.plan.actions if not a.who or self.shows(a.who)]

    def network_figure(self, view: str, title: str) -> list[Flowable]:
        """A genogram or ecomap with its key, on a page of its own at most, with every word readable;
        else an overview under a note that the full-size drawing is in the case-file printout, and
        the key at its own size under it."""
        diagram = figures.diagram(self.doc, view, self.redaction)
        whole = figures.figure(diagram, BODY_WIDTH, FIGURE_HEIGHT)
        if smallest_text(diagram) * whole.scale >= MIN_FIGURE_LABEL:
            return [KeepTogether([*self.heading(title, 2), whole])]
        key = [] if diagram.legend is None else [
            Spacer(1, 3 * mm), figures.ScaledDrawing(figures.drawing_of(diagram.legend), BODY_WIDTH,
                                                     diagram.legend.bounds.height)]
        overview = figures.figure(replace(diagram, legend=None), BODY_WIDTH, FIGURE_HEIGHT / 2)
        note = self.para(f"An overview: at this size the names are too small to read. The full-size {view}, "
                         "with every name readable, is in the case file printout.", self.small)
        return [KeepTogether([*self.heading(title, 2), note, overview, *key])]

    def circles(self, child_id: str | None = None, height: float = CIRCLES_HEIGHT) -> Flowable:
        """The circles in plain words and big type, for the family's copy or, with ``child_id``, the
        child's own: as wide as the page, and at most ``height`` tall."""
        hidden = frozenset(self.redaction.hidden | self.redaction.hidden_relationships)
        diagram = (child_circles_diagram(self.doc, child_id, hidden) if child_id
                   else family_circles_diagram(self.doc, hidden))
        return figures.ScaledDrawing(figures.drawing_of(diagram), BODY_WIDTH, height)

    # ----- who wrote the case ---------------------------------------------------------------------

    def author(self) -> Person | None:
        """The case's author as a person in the network, when they are in it and this reader may see them."""
        name = self.doc.info.author.strip()
        return next((w for w in self.doc.people() if name and self.shows(w.id)
                     and name in (w.label, f"{w.given_names} {w.family_name}".strip())), None)

    def author_job(self) -> str:
        """The author's job in a few plain words ("personal adviser"), from their occupation in the
        network; "social worker" when the case does not say."""
        author = self.author()
        return (_plain_job(author.occupation) if author else "") or "social worker"

    def author_name(self) -> str:
        """What the child calls the author: their first name ("Grace"), or "" when there is no author."""
        author = self.author()
        return author.short_name if author else self.doc.info.author.split(" ")[0]


# ----- the professional copy ---------------------------------------------------------------------------


_DECISION_WORDS = {InviteDecision.INVITE: "Invite", InviteDecision.DO_NOT_INVITE: "NOT INVITED",
                   InviteDecision.MUST_NOT_BE_TOLD: "MUST NOT BE TOLD"}
_STATUS_WORDS = {InviteStatus.NOT_SENT: "not sent yet", InviteStatus.INVITED: "invited",
                 InviteStatus.CONFIRMED: "confirmed", InviteStatus.DECLINED: "declined",
                 InviteStatus.ATTENDED: "attended"}
_ATTENDANCE_WORDS = {Attendance.ATTENDS: "attends", Attendance.PART: "attends part of the meeting",
                     Attendance.VIEWS_SHARED: "does not attend; views shared",
                     Attendance.NOT_TAKING_PART: "not taking part"}


def _professional(p: _Plan) -> tuple[list[Flowable], str]:
    m, plan, info = p.meeting, p.meeting.plan, p.doc.info
    story: list[Flowable] = [Spacer(1, 30 * mm)]
    title = Style(size=24, bold=True, colour=ACCENT, space_after=6)
    story.append(ScriptParagraph(m.title or "Family network meeting", title))
    story.append(ScriptParagraph(f"Plan for {info.name}", title.but(size=16, bold=False, space_after=18)))
    facts = [
        ("Case reference", info.reference or "—"),
        ("Children at the centre", "; ".join(_child_line(p, c) for c in p.children()) or "—"),
        ("Meeting", _when_where(p)),
        ("Coordinator", m.coordinator or "—"),
        (_capital(p.author_job()), info.author or "—"),
        ("Team", info.team or "—"),
        ("Review date", p.when(plan.review_date)),
        ("Copy for", "professionals and the case file. Contains confidential information and the names "
                     "of people who must not be invited or told; do not give this copy to the family."),
    ]
    rows = [[ScriptParagraph(k, p.body.but(bold=True, space_after=0)), p.para(v, p.body.but(space_after=0))]
            for k, v in facts]
    cover = Table(rows, colWidths=[BODY_WIDTH * 0.28, BODY_WIDTH * 0.72])
    cover.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -2), 0.3,
                                                                           HexColor("#bbbbbb")),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story.append(cover)
    if m.purpose:
        story += [*p.heading("Purpose of the meeting", 2), p.para(m.purpose)]
    if m.bottom_lines:
        story += [*p.heading("Bottom lines: what any safe plan must achieve", 2), *p.bullets(m.bottom_lines)]
    story.append(PageBreak())

    story += p.heading("The network")
    story += [*p.network_figure("genogram", "Genogram"), Spacer(1, 4 * mm), *p.network_figure("ecomap", "Ecomap")]

    story += [PageBreak(), *p.heading("Who is invited")]
    inv_rows, shaded = [], []
    for invitation in m.invitations:
        if not p.doc.has_node(invitation.node_id):
            continue
        if invitation.excluded:
            shaded.append(len(inv_rows))
            decision = f"{_DECISION_WORDS[invitation.decision]}: {invitation.reason or 'reason not recorded'}"
        else:
            decision = _STATUS_WORDS[invitation.status]
        interpreter = "yes" if invitation.interpreter_needed else ""
        inv_rows.append([p.name(invitation.node_id), p.role(invitation.node_id), decision,
                         invitation.first_language, interpreter, invitation.access_needs])
    if inv_rows:
        story.append(p.table(["Name", "Role", "Invitation", "First language", "Interpreter", "Access needs"],
                             inv_rows, [19, 14, 24, 14, 12, 17], shaded))
    else:
        story.append(p.para("Nobody is on the invite list yet."))
    if m.venue_access:
        story += [*p.heading("Venue and access", 2), p.para(m.venue_access)]
    story += _professional_children(p)

    story += [CondPageBreak(60 * mm), *p.heading("Agenda")]
    agenda_rows = []
    for item in m.agenda:
        note = item.notes or ("Professionals leave the room." if not item.professionals_present else "")
        agenda_rows.append([item.title + (f" — {note}" if note else ""), f"{item.minutes} min" if item.minutes
                            else "", item.led_by])
    story.append(p.table(["What happens", "Time", "Led by"], agenda_rows, [64, 10, 26],
                         [i for i, item in enumerate(m.agenda) if item.stage is Stage.PRIVATE_FAMILY_TIME]))

    story += [PageBreak(), *p.heading("The plan"), *_three_columns(p)]
    story += _scaling(p)
    story += [CondPageBreak(50 * mm), *p.heading("Actions")]
    story.append(_actions_table(p, full=True))
    story += [*p.heading("Contingency: if the plan does not work within the child's timeframe", 2),
              p.para(plan.contingency or "Not agreed yet.")]
    story += [*p.heading("Review", 2), p.para(f"The plan will be reviewed on {p.when(plan.review_date)}.")]
    story += [*p.heading("Distribution", 2), *_distribution(p)]
    if plan.feedback:
        story += [*p.heading("Family feedback after the meeting", 2)]
        story.append(p.table(["Who", "When", "Said", "Helpful (1–5)"],
                             [[p.name(f.given_by), p.short(f.on), f.text,
                               str(f.helpful) if f.helpful else ""] for f in plan.feedback if p.shows(f.given_by)],
                             [18, 16, 54, 12]))
    return story, "family network meeting plan (professional copy)"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain_job(occupation: str) -> str:
    """A job in a few words: "Social worker (allocated), Eastbridge Children's Services" -> "social worker"."""
    return _small_first(_BRACKETS.sub("", occupation.split(",")[0]).strip())


def _small_first(text: str) -> str:
    """Words to go inside a sentence: "Key worker" -> "key worker", but "GP" stays "GP"."""
    first = text.split(" ")[0]
    return text[0].lower() + text[1:] if first[1:].islower() else text


def _child_line(p: _Plan, child: Person) -> str:
    years = age(child, p.today)
    return child.label + (f" ({years})" if years is not None else "")


def _when_where(p: _Plan) -> str:
    m = p.meeting
    when = p.when(m.on) + (f" at {m.start:%H:%M}" if m.start else "")
    return when + (f", {m.venue}" if m.venue else "")


def _professional_children(p: _Plan) -> list[Flowable]:
    rows = []
    for child in p.meeting.children:
        if not p.shows(child.child_id):
            continue
        advocate = p.name(child.advocate_id)
        taking_part = _ATTENDANCE_WORDS[child.attendance].capitalize() + (f". {child.how}" if child.how else "")
        rows.append([p.name(child.child_id), taking_part, advocate, child.own_words])
    if not rows:
        return []
    return [*p.heading("The children's participation", 2),
            p.table(["Child", "Taking part", "Advocate", "In their own words"], rows, [15, 27, 15, 43])]


def _three_columns(p: _Plan) -> list[Flowable]:
    plan = p.meeting.plan
    family = p.redaction.audience is not Audience.PROFESSIONAL
    heads = [words.english("worried"), words.english("working_well"), words.english("needs_to_happen")]
    if p.translation:
        heads = [f"{p.translation.headings.get(k, '')}\n{h}".strip() for k, h in
                 zip(("worried", "working_well", "needs_to_happen"), heads)]
    style = (p.small if not family else p.body.but(size=p.size * 0.9)).but(bullet="•", space_after=3)
    # One row per point, ruled only between the columns: rows split cleanly across pages.
    rows = [[p.para(t, style) if t else "" for t in row]
            for row in zip_longest(plan.worries, plan.working_well, plan.needs_to_happen, fillvalue="")]
    return [p.table(heads, rows or [["—", "—", "—"]], [1, 1, 1], style=style, columns_only=True)]


def _scaling(p: _Plan) -> list[Flowable]:
    plan = p.meeting.plan
    scores = [s for s in plan.scores if p.shows(s.given_by)]
    out: list[Flowable] = [*p.heading("scaling" if p.redaction.audience is Audience.FAMILY else
                                      "Scaling: where are things now, from 0 to 10?", 2)]
    out.append(p.para(plan.scaling_question, p.small if p.redaction.audience is Audience.PROFESSIONAL else p.body))
    if scores:
        rows = [[p.name(s.given_by), _ScoreBar(s.score, p.size), s.said] for s in scores]
        out.append(p.table(["Who", "Score", "Why that number"], rows, [22, 33, 45]))
    else:
        out.append(p.para("No scores recorded yet."))
    return out


def _actions_table(p: _Plan, full: bool) -> Table:
    rows = []
    for action in p.visible_actions():
        who, checker = p.name(action.who), p.name(action.checked_by)
        by_when = p.short(action.by_when)
        if full:
            rows.append([action.what, who, by_when, action.how_long, action.success_sign, checker])
        else:
            rows.append([who, action.what + (f" ({action.how_long})" if action.how_long else ""), by_when,
                         action.success_sign])
    if full:
        return p.table(["What", "Who", "By when", "For how long", "How we will know it has worked", "Who checks"],
                       rows or [["No actions agreed yet.", "", "", "", "", ""]], [26, 13, 12, 14, 22, 13])
    return p.table(["Who", "What they will do", "By when", "How we will know it is working"],
                   rows or [["", "No actions agreed yet.", "", ""]], [18, 40, 15, 27], style=p.body.but(space_after=0))


def _distribution(p: _Plan) -> list[Flowable]:
    """Who receives the plan, each with who they are unless the name says it already ("The Zain
    home", "Safe Futures (exploitation support charity)"); for the family, a worker's job in plain words."""
    family = p.redaction.audience is not Audience.PROFESSIONAL

    def line(node_id: str) -> str:
        name, node = p.name(node_id), p.doc.node(node_id)
        role = "" if isinstance(node, Household) or "(" in name else p.role(node_id)
        if family and isinstance(node, Person) and node.occupation and _is_professional(node):
            role = _plain_job(node.occupation)  # "social worker", not "Social worker (allocated), Eastbridge ..."
        role = _small_first(role)
        return (f"{name} – {role}" if "(" in role else f"{name} ({role})") if role else name

    names = [line(i) for i in p.meeting.plan.distribution if p.shows(i)]
    return p.bullets(names) if names else [p.para("Not decided yet.")]


class _ScoreBar(Flowable):
    """A 0–10 line with the score marked, so the numbers read at a glance (the number is printed too)."""

    def __init__(self, score: int, size: float) -> None:
        super().__init__()
        self.score, self.size = score, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.size * 1.8

    def draw(self) -> None:
        canvas = self.canv
        y = self.size * 0.55
        room = self.width - self.size * 2.2
        canvas.setStrokeColor(HexColor("#888888"))
        canvas.setLineWidth(0.8)
        canvas.line(0, y, room, y)
        for tick in range(11):
            canvas.line(room * tick / 10, y - 2, room * tick / 10, y + 2)
        canvas.setFillColor(ACCENT)
        canvas.circle(room * self.score / 10, y, self.size * 0.38, stroke=0, fill=1)
        canvas.setFillColor(INK)
        fonts.draw(canvas, room + self.size * 0.5, y - self.size * 0.35, str(self.score), self.size, bold=True)


# ----- the family copy ------------------------------------------------------------------------------

_CIRCLES_WORDS = ("Closest to {who} in the middle. Family at the top, people who work with {them} on the right, "
                  "friends and community on the left.")


_STAGE_PLAIN = {
    Stage.WELCOME: "Welcome: everyone says who they are, and we agree how we will talk and listen.",
    Stage.INFORMATION: "Sharing what we know: what people are worried about, what is going well, and what "
                       "any plan must make sure of.",
    Stage.PRIVATE_FAMILY_TIME: "Time for the family on your own: the professionals leave the room while you "
                               "make your plan together.",
    Stage.AGREE_PLAN: "You tell everyone your plan. We agree it and what help you need for it.",
    Stage.NEXT_STEPS: "Who gets a copy of the plan and when we meet again.",
}


def _family(p: _Plan) -> tuple[list[Flowable], str]:
    m, plan = p.meeting, p.meeting.plan
    story: list[Flowable] = []
    story += p.heading("our_plan")
    kids = " and ".join(c.label for c in p.children())
    story.append(p.para(f"This is the plan your family made for {kids or 'the children'} at the family meeting. "
                        "It says what everyone will do to help, and how we will know it is working."))
    if p.translation and p.translation.is_draft:
        story.append(p.para(f"The headings in {p.translation.language} are a draft translation. Please tell us "
                            "if something is wrong.", p.small))
    if m.purpose:
        story += [*p.heading("why"), p.para(m.purpose)]
    story += [*p.heading("when_where"), p.para(_when_where(p))]
    if m.venue_access:
        story.append(p.para(m.venue_access, p.small))
    story += [*p.heading("who_is_coming"), *_who_is_coming(p)]
    interpreters = sorted({i.first_language for i in m.invitations if i.interpreter_needed and not i.excluded
                           and p.shows(i.node_id) and i.first_language})
    if interpreters:
        story.append(p.para(f"There will be an interpreter for {', '.join(interpreters)}.", p.small))
    story += [*p.heading("agenda"), *p.bullets([_STAGE_PLAIN[item.stage] for item in m.agenda])]
    if m.bottom_lines:
        story += [*p.heading("must_have"), *p.bullets(m.bottom_lines)]
    centre = " and ".join(c.label for c in p.doc.children_at_centre() if p.shows(c.id)) or "the children"
    story.append(KeepTogether([*p.heading("network"), p.para(_CIRCLES_WORDS.format(who=centre, them="your family")),
                               p.circles()]))
    story += [CondPageBreak(110 * mm), *_three_columns(p)]
    story += _scaling(p)
    story += [*p.heading("actions"), _actions_table(p, full=False)]
    story += [*p.heading("if_not_working"), p.para(plan.contingency or "We will agree this together.")]
    story += [*p.heading("review"), p.para(f"We will meet again to look at the plan on {p.when(plan.review_date)}.")]
    story += [*p.heading("copies"), *_distribution(p)]
    said = [(p.name(c.child_id), c.own_words) for c in m.children if c.own_words and p.shows(c.child_id)]
    if said:
        story += p.heading("own_words")
        story += [p.para([(f"{who}: ", True), (f"“{text}”", False)]) for who, text in said]
    return story, "our family plan"


def _is_professional(node: AnyNode) -> bool:
    """Services and people who work with the family; family, friends and households are not."""
    return isinstance(node, Service) or (isinstance(node, Person) and Role.PROFESSIONAL in node.roles)


def _who_is_coming(p: _Plan) -> list[Flowable]:
    """Family and friends first (a household invited by hand among them), then the professionals, by
    name (declined and excluded left out)."""
    family: list[str] = [c.label for c in p.children()]
    professionals: list[str] = []
    for invitation in p.meeting.invitations:
        if invitation.excluded or not p.shows(invitation.node_id) or invitation.status is InviteStatus.DECLINED:
            continue
        (professionals if _is_professional(p.doc.node(invitation.node_id)) else family).append(
            p.name(invitation.node_id))
    out = [p.para([("Family and friends: ", True), (", ".join(dict.fromkeys(family)) + ".", False)])]
    if professionals:
        out.append(p.para([("People who work with your family: ", True), (", ".join(professionals) + ".", False)]))
    return out


# ----- the child's copy -------------------------------------------------------------------------------

_FUZZ = 2.0  # points kept spare when working out what fits on a page


def _child(p: _Plan) -> tuple[list[Flowable], str]:
    """Page one: the child's circles. Then what happens next, who to talk to and their own words,
    on the same page when all of it fits, else on a second page that holds the steps that fit: the
    child's own first, then the soonest, and a line saying how many more there are."""
    children = p.children()
    if not children:
        raise PlanError(f"{p.doc.info.name}: no child at the centre to write the child's plan for")
    child = children[0]
    m, plan = p.meeting, p.meeting.plan
    participation = next((c for c in m.children if c.child_id == child.id), None)
    first = child.known_as or child.given_names.split(" ")[0] or child.label
    big = Style(size=26, bold=True, colour=ACCENT, space_after=6)
    meeting = f"the family meeting on {p.when(m.on)}" if m.on else "your family meeting"
    opening: list[Flowable] = [
        ScriptParagraph(f"{first}’s plan", big),
        p.para(f"This is your plan from {meeting}. It says who is going to help, and what happens next."),
        *p.heading("Your circles", 2), p.para(_CIRCLES_WORDS.format(who="you", them="you"))]
    picture = p.circles(child.id, min(CIRCLES_HEIGHT, FRAME_HEIGHT - _height(opening) - _FUZZ))
    page_one = [*opening[:2], KeepTogether([*opening[2:], picture])]

    steps = p.bullets(_next_steps(p, child))
    review = [f"On {p.when(plan.review_date)} everyone meets again to see how it is going."] if plan.review_date else []
    helper = p.author_name() or "your " + p.author_job()
    after = [*p.bullets(review or ([] if steps else [f"Your family and {helper} will tell you what happens next."])),
             *p.heading("Who you can talk to", 2), *p.bullets(_talk_to(p, child, participation))]
    own = (participation.own_words if participation else "") or child.wishes
    if own:
        after += [*p.heading("In your own words", 2), p.para(f"“{own}”", p.body.but(size=p.size * 1.05))]

    def rest(shown: int) -> list[Flowable]:
        more = len(steps) - shown
        line = [p.para(_more_steps(more, helper))] if more else []
        return [*p.heading("What will happen next", 2), *steps[:shown], *line, *after]

    if _fits([*opening, picture, *rest(len(steps))]):
        return [*page_one, *rest(len(steps))], f"{first}’s plan"
    shown = next((n for n in range(len(steps), 0, -1) if _fits(rest(n))), 0)
    return [*page_one, PageBreak(), *rest(shown)], f"{first}’s plan"


def _height(flowables: Sequence[Flowable]) -> float:
    """How tall these are one after another across the page, spaces included."""
    return sum(f.getSpaceBefore() + f.wrap(BODY_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceAfter() for f in flowables)


def _fits(flowables: Sequence[Flowable]) -> bool:
    """Whether these go on one page as platypus would lay them: no heading pushed over by its
    CondPageBreak, nothing split."""
    used = 0.0
    for f in flowables:
        if isinstance(f, CondPageBreak):
            if FRAME_HEIGHT - used < f.height:
                return False
            continue
        used += _height([f])
    return used <= FRAME_HEIGHT - _FUZZ


def _next_steps(p: _Plan, child: Person) -> list[str]:
    """The plan's actions as the child reads them: their own first, then those that involve them
    (they check it, or it names them), then everyone else's; soonest first within each."""
    names = {n for n in (child.known_as, *child.given_names.split()) if n}

    def involves_child(action: Action) -> bool:
        return child.id in (action.who, action.checked_by) or any(
            re.search(rf"(?<!\w){re.escape(n)}(?!\w)", action.what) for n in names)

    def order(action: Action) -> tuple[bool, bool, bool, date]:
        return action.who != child.id, not involves_child(action), action.by_when is None, action.by_when or date.max

    actions = sorted(p.visible_actions(), key=order)
    steps = []
    for action in actions:
        who = "You" if action.who == child.id else _first_name(p, action.who) or "Someone in your family"
        when = f" (by {p.when(action.by_when)})" if action.by_when else ""
        steps.append(f"{who}: {action.what}{when}.")
    return steps


def _more_steps(more: int, ask: str) -> str:
    """The closing line when not every step fits: how many more, and who can tell the child about them."""
    ask = _capital(ask)
    if more == 1:
        return f"There is one more job in the plan for someone else. {ask} can tell you about it."
    return f"There are {more} more jobs in the plan for other people. {ask} can tell you about them."


def _first_name(p: _Plan, node_id: str) -> str:
    """How the child says who someone is: a first name for family and friends, a service without the
    words in brackets, a worker's full name."""
    if not p.shows(node_id):
        return ""
    node = p.doc.node(node_id)
    if isinstance(node, Person) and not _is_professional(node):
        return node.short_name
    if isinstance(node, Service):
        return _BRACKETS.sub("", node.label) or node.label
    return p.name(node_id)


def _talk_to(p: _Plan, child: Person, participation: ChildParticipation | None) -> list[str]:
    """The child's advocate, the people they have strong ties with, adults closest to them, and the
    worker who wrote the case, named by their job."""
    people: dict[str, str] = {}
    advocate_id = participation.advocate_id if participation else ""
    if p.shows(advocate_id):
        people[advocate_id] = f"{_first_name(p, advocate_id)}, who helps you say what you think"
    strong = [t.target for t in p.doc.ecomap_ties() if t.source == child.id and t.strength is TieStrength.STRONG]
    closest = [n.id for n in p.doc.people() if n.circle is not None and n.circle.ring is Ring.CLOSEST
               and (age(n, p.today) or 18) >= 18]
    for node_id in strong + closest:
        node = p.doc.node(node_id)
        if p.shows(node_id) and isinstance(node, Person) and not node.deceased and node_id != child.id \
                and not _is_professional(node):
            people.setdefault(node_id, _first_name(p, node_id))
    author, job = p.author(), p.author_job()
    if author is not None:
        people.setdefault(author.id, f"{p.name(author.id)}, your {job}")
    elif p.doc.info.author:
        people[""] = f"{p.doc.info.author}, your {job}"
    return list(people.values()) or [f"Your {job}"]
