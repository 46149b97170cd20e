"""The ecomap layout and drawing: Hartman's notation, no overlaps, radial lines, hand positions kept.

Invariants, never pixels: on the demo cases, synthetic cases up to 60 ties, and random valid cases.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from network_cases import crowded, lopsided, scripts, zain_like
from strategies import case_documents

from circles_desktop.demo_cases import demo_cases
from circles_desktop.graph import edits
from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import (
    EcomapTie,
    Flow,
    Household,
    Parentage,
    PartialDate,
    Person,
    Sector,
    TieStrength,
)
from circles_desktop.layout.circles import SECTORS, label_width
from circles_desktop.layout.diagram import Bounds, Line, Text, segment_crosses
from circles_desktop.layout.ecomap import (
    EcomapLayout,
    ecomap_layout,
    problems,
    segment_distance,
)
from circles_desktop.layout.ecomap_diagram import ecomap_diagram
from circles_desktop.layout.style import ECOMAP, STRESSFUL_COLOUR, TIE_LOOK, LinePattern

CASES = [*demo_cases(), zain_like(), zain_like(household_centre=True), crowded(12), crowded(30), crowded(60),
         crowded(60, household_centre=True), lopsided(), scripts()]


def all_problems(layout: EcomapLayout) -> list[str]:
    """The layout's own invariants plus: every word in its block beside its circle, on the far side
    from the centre; lines from rim to rim; sector titles clear of circles, words and lines."""
    circles = list(layout.circles.values())
    found = problems([c for c in circles if not c.hand_placed], layout.centre_radius,
                     [c for c in circles if c.hand_placed])
    for circle in circles:
        if math.hypot(*circle.centre) > 1e9:
            continue  # dragged a thousand kilometres away: there, floats step wider than the gaps
        box = circle.label
        for text in circle.texts:
            b = text.bounds
            if b.x0 < box.x0 - 0.5 or b.x1 > box.x1 + 0.5 or b.y0 < box.y0 - 0.5 or b.y1 > box.y1 + 0.5:
                found.append(f"'{text.text}' is outside the block of words of {circle.node_id}")
        nearest = (min(max(circle.centre[0], box.x0), box.x1), min(max(circle.centre[1], box.y0), box.y1))
        if not circle.radius < math.dist(nearest, circle.centre) < circle.radius + ECOMAP.label_gap + 1.0:
            found.append(f"the words of {circle.node_id} are not just beside it")
        middle = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        if math.hypot(*circle.centre) > 1.0 and math.hypot(*middle) <= math.hypot(*circle.centre):
            found.append(f"the words of {circle.node_id} face the centre, where its line is")
    for link in layout.links:
        circle = layout.circles.get(link.target_id)
        if link.inner or circle is None or circle.hand_placed:
            continue
        if abs(math.hypot(*link.start) - layout.centre_radius) > 0.5:
            found.append(f"the tie {link.rel_id} does not start at the centre's rim")
        if abs(math.dist(link.end, circle.centre) - circle.radius) > 0.5:
            found.append(f"the tie {link.rel_id} does not end at its circle's rim")
    for title in layout.sector_titles:
        b = title.bounds
        for circle in circles:
            nearest = (min(max(circle.centre[0], b.x0), b.x1), min(max(circle.centre[1], b.y0), b.y1))
            if math.dist(nearest, circle.centre) < circle.radius or b.intersects(circle.label):
                found.append(f"the title {title.text} covers {circle.node_id}")
        for link in layout.links:
            if not link.inner and segment_crosses(link.start, link.end, b):
                found.append(f"the title {title.text} lies across the tie {link.rel_id}")
    return found


@pytest.mark.parametrize("doc", CASES, ids=lambda d: d.info.name)
def test_no_overlaps_and_every_line_radial_and_clear(doc: CaseDocument) -> None:
    layout = ecomap_layout(doc)
    assert all_problems(layout) == []
    tied = {t.target for t in doc.ecomap_ties()} - set(layout.centre_ids)
    assert set(layout.circles) == tied
    for link in layout.links:
        if not link.inner:  # straight out from the centre: start, end and the origin in one line
            cross = link.start[0] * link.end[1] - link.start[1] * link.end[0]
            assert abs(cross) / math.hypot(*link.end) < ECOMAP.tie_spacing


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_documents(max_people=10, max_services=5))
def test_random_cases_keep_the_rules(doc: CaseDocument) -> None:
    assert all_problems(ecomap_layout(doc)) == []


def test_sixty_ties_use_two_staggered_orbits() -> None:
    layout = ecomap_layout(crowded(60))
    assert len(layout.orbits) == 2 and len(layout.circles) == 60
    assert all_problems(layout) == []
    # Every outer line passes between two inner circles and their words: checked by problems(),
    # and here directly.
    for link in layout.links:
        target = layout.circles[link.target_id]
        for other in layout.circles.values():
            if other is not target and math.hypot(*other.centre) < math.hypot(*target.centre) - 1.0:
                assert segment_distance(other.centre, link.start, link.end) > other.radius
                assert not segment_crosses(link.start, link.end, other.label)


def test_a_dozen_ties_need_one_orbit_only() -> None:
    layout = ecomap_layout(crowded(12))
    assert len(layout.orbits) == 1 and all_problems(layout) == []


def test_sectors_are_grouped_and_family_is_at_the_top() -> None:
    layout = ecomap_layout(zain_like())
    by_angle = sorted(layout.circles.values(), key=lambda c: math.atan2(c.centre[1], c.centre[0]))
    runs = [c.sector for i, c in enumerate(by_angle) if i == 0 or c.sector is not by_angle[i - 1].sector]
    if len(runs) > 1 and runs[0] is runs[-1]:
        runs.pop()  # the run that wraps around the left
    assert sorted(runs, key=SECTORS.index) == list(SECTORS)  # each sector is one unbroken run
    family = [c for c in layout.circles.values() if c.sector is Sector.FAMILY]
    mean = math.atan2(sum(c.centre[1] for c in family), sum(c.centre[0] for c in family))
    assert abs(mean - (-math.pi / 2)) < 0.3
    assert " ".join(t.text for t in layout.sector_titles) == "Family Professionals Friends and community"


def test_services_of_a_kind_sit_together() -> None:
    doc = crowded(40)
    layout = ecomap_layout(doc)
    professional = sorted((c for c in layout.circles.values() if c.sector is Sector.PROFESSIONAL),
                          key=lambda c: (math.atan2(c.centre[1], c.centre[0]) + math.pi / 2) % math.tau)
    categories = [doc.node(c.node_id).category for c in professional if hasattr(doc.node(c.node_id), "category")]
    assert categories == sorted(categories, key=list(type(categories[0])).index)


def test_hand_positions_are_kept_and_others_keep_clear() -> None:
    doc = zain_like()
    layout = ecomap_layout(doc)
    target = next(iter(layout.circles.values()))
    other = list(layout.circles.values())[5]
    spot = other.centre  # dropped right on top of another circle's place
    doc.apply(edits.move_nodes(doc, "ecomap", {target.node_id: spot}))
    moved = ecomap_layout(doc)
    assert moved.circles[target.node_id].centre == spot and moved.circles[target.node_id].hand_placed
    assert all_problems(moved) == []  # the automatic one made way


def test_tie_notation_follows_hartman() -> None:
    doc = zain_like()
    diagram = ecomap_diagram(doc)
    ties = {t.id: t for t in doc.ecomap_ties()}
    lines = {item.rel_id: item for item in diagram.items if isinstance(item, Line) and item.part == "tie"}
    hatches = {item.rel_id for item in diagram.items if isinstance(item, Line) and item.part == "hatch"}
    assert set(lines) == set(ties)
    for rel_id, line in lines.items():
        tie = ties[rel_id]
        look = TIE_LOOK[tie.strength]
        assert (line.stroke.width, line.stroke.pattern) == (look.width, look.pattern)
        assert line.arrow_end == (tie.flow in (Flow.TO_TARGET, Flow.BOTH))
        assert line.arrow_start == (tie.flow in (Flow.FROM_TARGET, Flow.BOTH))
        assert (rel_id in hatches) == tie.stressful
        assert (line.stroke.colour == STRESSFUL_COLOUR) == tie.stressful
    assert TIE_LOOK[TieStrength.STRONG].width > TIE_LOOK[TieStrength.MODERATE].width
    assert TIE_LOOK[TieStrength.TENUOUS].pattern is LinePattern.DASHED


def test_the_legend_explains_what_is_drawn_and_nothing_else() -> None:
    doc = lopsided()  # three plain moderate ties: no arrows, no stress, no support words
    diagram = ecomap_diagram(doc)
    assert diagram.legend is not None
    words = " ".join(diagram.legend.texts())
    assert "Moderate tie" in words and "The child at the centre" in words
    for absent in ("Strong tie", "Stressful", "flow", "support"):
        assert absent not in words
    full = " ".join(ecomap_diagram(zain_like()).legend.texts())  # type: ignore[union-attr]
    for present in ("Strong tie", "Tenuous", "Stressful tie", "flow this way", "Kinds of support"):
        assert present in full


def test_name_who_they_are_and_support_are_written_by_the_circle() -> None:
    doc = zain_like()
    layout = ecomap_layout(doc)
    aunt = next(p for p in doc.people() if p.given_names == "Samira")
    texts = layout.circles[aunt.id].texts
    parts = {part: " ".join(t.text for t in texts if t.part == part) for part in ("name", "detail", "support")}
    assert parts == {"name": "Samira Haddad", "detail": "maternal aunt", "support": "practical, emotional"}
    assert [t.part for t in texts] == sorted((t.part for t in texts), key=["name", "detail", "support"].index)


def test_the_household_is_drawn_as_a_small_genogram_in_the_centre() -> None:
    doc = zain_like(household_centre=True)
    layout = ecomap_layout(doc)
    assert layout.household_id is not None
    names = {doc.node(m.node_id).given_names for m in layout.members}
    assert names == {"Amira", "Tariq", "Nikita", "Julian"}
    for member in layout.members:
        assert math.hypot(*member.centre) + member.size / 2 < layout.centre_radius
    parents = [m for m in layout.members if doc.node(m.node_id).given_names in ("Amira", "Tariq")]
    kids = [m for m in layout.members if doc.node(m.node_id).given_names in ("Nikita", "Julian")]
    assert max(m.centre[1] for m in parents) < min(m.centre[1] for m in kids)  # parents above children
    tariq = next(m for m in parents if doc.node(m.node_id).given_names == "Tariq")
    assert tariq.centre[0] < max(m.centre[0] for m in parents)  # the male partner on the left
    assert {line.kind for line in layout.member_lines} == {"couple", "descent"}


def test_hidden_people_and_ties_leave_no_trace() -> None:
    doc = zain_like()
    aunt = next(p for p in doc.people() if p.given_names == "Samira")
    stressful = next(t for t in doc.ecomap_ties() if t.stressful)
    hidden = frozenset({aunt.id, stressful.id})
    diagram = ecomap_diagram(doc, hidden=hidden)
    assert aunt.id not in diagram.node_ids() and stressful.id not in diagram.rel_ids()
    assert not any("Samira" in text for text in diagram.texts())
    assert not any(isinstance(t, EcomapTie) and t.target == aunt.id and t.id in diagram.rel_ids()
                   for t in doc.ecomap_ties())


def test_names_in_every_script_stay_whole() -> None:
    diagram = ecomap_diagram(scripts())
    words = " ".join(t.text for t in diagram.items if isinstance(t, Text)).split()
    assert "伟" in words and "الحسن" in words and "ਹਰਪ੍ਰੀਤ" in words and "চ" not in words


HOUSEHOLDS = [doc for doc in CASES if ecomap_layout(doc).household_id is not None]


def household_name_problems(layout: EcomapLayout) -> list[str]:
    """Names in the small genogram that cover another's name or a symbol, or stick out of the centre."""
    found = []
    names = [(m.node_id, t) for m in layout.members for t in m.texts]
    symbols = [Bounds(m.centre[0] - m.size / 2, m.centre[1] - m.size / 2, m.centre[0] + m.size / 2,
                      m.centre[1] + m.size / 2) for m in layout.members]
    for i, (owner, text) in enumerate(names):
        if any(text.bounds.intersects(other.bounds) for who, other in names[i + 1:] if who != owner):
            found.append(f"'{text.text}' covers another name")
        if any(text.bounds.intersects(symbol) for symbol in symbols):
            found.append(f"'{text.text}' covers a symbol")
    for text in [t for _, t in names] + list(layout.centre_texts):
        box = text.bounds
        if math.hypot(max(abs(box.x0), abs(box.x1)), max(abs(box.y0), abs(box.y1))) >= layout.centre_radius:
            found.append(f"'{text.text}' sticks out of the centre")
    return found


@pytest.mark.parametrize("doc", HOUSEHOLDS, ids=lambda d: d.info.name)
def test_names_in_the_household_never_cover_each_other_or_a_symbol(doc: CaseDocument) -> None:
    assert household_name_problems(ecomap_layout(doc)) == []


def test_a_row_of_children_with_long_names_staggers_them_and_stays_narrow() -> None:
    doc = crowded(12, household_centre=True)
    home = next(n for n in doc.nodes() if isinstance(n, Household))
    mum = next(p for p in doc.people() if p.given_names == "Rubina")
    kids = [Person(given_names=f"Oluwaseun-Adeyemi {i}", family_name="Wolstenholme-Fitzgerald",
                   birth=PartialDate(2010 + i)) for i in range(6)]
    doc.apply(edits.combine("Six children", [
        *(edits.add_node(k) for k in kids), *(edits.add_relationship(Parentage(mum.id, k.id)) for k in kids),
        edits.update_node(doc, replace(home, members=home.members | {k.id for k in kids}))]))
    layout = ecomap_layout(doc, household=True)
    row = [m for m in layout.members if m.node_id in {k.id for k in kids}]
    assert len(row) == 6 and len({round(m.texts[0].at[1]) for m in row}) == 2  # names on two levels
    widest = max(label_width(t.text, t.size) for m in row for t in m.texts)
    assert max(m.centre[0] for m in row) - min(m.centre[0] for m in row) < 4 * widest
    assert household_name_problems(layout) == [] and all_problems(layout) == []
