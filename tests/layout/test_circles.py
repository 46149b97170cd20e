"""The circles-of-support layout: everyone in their ring and sector, nothing overlapping, gaps said.

Invariants, never pixels: checked on the demo cases, on synthetic cases (crowded, lopsided, names in
many scripts) and on random valid cases.
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
from circles_desktop.graph.model import CirclePlacement, Person, Ring, Sector, Service
from circles_desktop.layout.circles import (
    CHILD,
    EMPTY_RING_NOTES,
    FAMILY,
    EMPTY_SECTOR_NOTES,
    RINGS,
    SECTOR_LEAST,
    SECTOR_MOST,
    SECTOR_STEP,
    SECTORS,
    CirclesLayout,
    angle_in,
    circles_layout,
    corners,
    default_sector,
    farthest_distance,
    kinship_term,
    nearest_distance,
    sector_wedges,
)
from circles_desktop.layout.circles_diagram import circles_diagram
from circles_desktop.layout.diagram import Bounds, Text


def problems(layout: CirclesLayout) -> list[str]:
    """Every broken rule of the picture (empty when all hold)."""
    found = []
    for node in layout.placed():
        inner, outer = layout.bands[node.ring]
        if nearest_distance(node.box) < inner - 1e-6 or farthest_distance(node.box) > outer + 1e-6:
            found.append(f"{node.node_id} is outside the {node.ring.value} ring")
        wedge = layout.wedges[node.sector]
        if not all(angle_in(math.atan2(y, x), wedge.start, wedge.end) for x, y in corners(node.box)):
            found.append(f"{node.node_id} is outside the {node.sector.value} sector")
        if layout.cell_at(node.symbol_centre) != (node.ring, node.sector):
            found.append(f"{node.node_id}'s symbol is not in its own cell")
    boxes: list[tuple[str, Bounds]] = [(n.node_id, n.box) for n in layout.nodes.values()]
    boxes += [(f"note {t.text}", t.bounds) for t in layout.notes]
    boxes += [(f"title {t.text}", t.bounds) for t in (*layout.sector_titles, *layout.ring_titles)]
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            if box_a.intersects(box_b):
                found.append(f"{a} overlaps {b}")
    centre = layout.centre_radius
    for node in layout.placed():
        if nearest_distance(node.box) < centre:
            found.append(f"{node.node_id} is over the child in the centre")
    return found


def _everyone(doc: CaseDocument) -> set[str]:
    return {n.id for n in doc.nodes() if isinstance(n, (Person, Service)) and not (
        isinstance(n, Person) and n.is_child_at_centre)}


@pytest.mark.parametrize("doc", [*demo_cases(), zain_like(), crowded(60), crowded(30, placed_every=2), lopsided(),
                                 scripts()], ids=lambda d: d.info.name)
def test_everyone_in_their_ring_and_sector_and_nothing_overlaps(doc: CaseDocument) -> None:
    layout = circles_layout(doc)
    assert problems(layout) == []
    for node in layout.placed():
        placement = doc.node(node.node_id).circle
        assert (node.ring, node.sector) == (placement.ring, placement.sector)
    placed = {n.id for n in doc.nodes() if n.circle is not None and n.id in _everyone(doc)}
    assert {n.node_id for n in layout.placed()} == placed


@pytest.mark.parametrize("doc", [*demo_cases(), zain_like(), lopsided(), scripts()], ids=lambda d: d.info.name)
def test_the_childs_and_the_familys_pictures_keep_the_rules_too(doc: CaseDocument) -> None:
    child = doc.children_at_centre()[0]
    for look, who in ((CHILD, child.id), (FAMILY, None)):
        layout = circles_layout(doc, look=look, reader=who)
        assert problems(layout) == []
        assert not layout.not_placed() and layout.list_title is None  # their copies have no working list
        centre = [t.text for t in layout.centre_texts]
        assert centre[0] == "Me" if who else ("Me" not in centre and child.short_name in " ".join(centre))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_documents(max_people=10, max_services=5))
def test_random_cases_keep_the_rules(doc: CaseDocument) -> None:
    layout = circles_layout(doc)
    assert problems(layout) == []
    drawn = {n.node_id for n in layout.nodes.values()}
    for node_id in _everyone(doc):
        node = doc.node(node_id)
        unborn = isinstance(node, Person) and (node.deceased or node.pregnancy.value != "none")
        assert node_id in drawn or (node.circle is None and unborn)


def test_crowded_cells_get_sub_rows_not_overlaps() -> None:
    layout = circles_layout(crowded(60))
    family_closest = [n for n in layout.placed() if (n.ring, n.sector) == (Ring.CLOSEST, Sector.FAMILY)]
    rows = {round(nearest_distance(n.box)) for n in family_closest}
    assert len(family_closest) > 5 and len(rows) > 1
    assert problems(layout) == []


def test_not_placed_yet_are_listed_at_the_side() -> None:
    doc = zain_like()
    layout = circles_layout(doc)
    listed = {n.node_id for n in layout.not_placed()}
    unplaced = {n.id for n in doc.nodes() if n.circle is None and n.id in _everyone(doc)
                and not (isinstance(n, Person) and n.deceased)}
    assert listed == unplaced and listed
    assert layout.list_title is not None and layout.list_title.text == "Not placed yet"
    assert all(n.box.x0 > layout.outer_radius for n in layout.not_placed())
    texts = circles_diagram(doc).texts()
    assert "Not placed yet" in texts


def test_gaps_are_said_on_the_picture() -> None:
    layout = circles_layout(lopsided())  # nobody from the community, nobody in the closest ring
    said = " ".join(t.text for t in layout.notes)
    assert EMPTY_SECTOR_NOTES[Sector.COMMUNITY] in said
    assert " ".join(EMPTY_RING_NOTES[Ring.CLOSEST].split()) in said
    assert EMPTY_SECTOR_NOTES[Sector.FAMILY] not in said
    full = circles_layout(zain_like())
    assert full.notes == ()


def test_the_note_sits_in_its_empty_cell() -> None:
    layout = circles_layout(lopsided())
    [note] = [t for t in layout.notes if "community" in t.text]
    x, y = note.at
    assert layout.cell_at((x, y - note.size * 0.3)) == (Ring.CLOSE, Sector.COMMUNITY)


def test_a_hand_position_inside_its_cell_is_kept_exactly() -> None:
    doc = zain_like()
    layout = circles_layout(doc)
    grace = next(n for n in doc.people() if n.given_names == "Grace")
    here = layout.nodes[grace.id].symbol_centre
    spot = layout.snap(grace.id, Ring.CLOSE, Sector.PROFESSIONAL, (here[0] + 6.0, here[1] + 4.0))
    doc.apply(edits.move_nodes(doc, "circles", {grace.id: spot}))
    moved = circles_layout(doc)
    assert moved.nodes[grace.id].hand_placed
    assert math.dist(moved.nodes[grace.id].symbol_centre, spot) < 0.01
    assert problems(moved) == []


def test_a_hand_position_outside_its_cell_is_pulled_back_in() -> None:
    doc = zain_like()
    grace = next(n for n in doc.people() if n.given_names == "Grace")
    far_away = (5000.0, -40.0)  # right of everything: still in the professionals' side, but far out
    doc.apply(edits.move_nodes(doc, "circles", {grace.id: far_away}))
    layout = circles_layout(doc)
    node = layout.nodes[grace.id]
    assert node.hand_placed and (node.ring, node.sector) == (Ring.CLOSE, Sector.PROFESSIONAL)
    assert problems(layout) == []


def test_snap_lands_in_the_cell_it_was_asked_for() -> None:
    doc = crowded(30)
    layout = circles_layout(doc)
    node_id = layout.placed()[0].node_id
    for ring in RINGS:
        for sector in SECTORS:
            wedge = layout.wedges[sector]
            inner, outer = layout.bands[ring]
            for point in ((0.0, 0.0), (9999.0, 9999.0), (math.cos(wedge.middle) * (inner + outer) / 2,
                                                            math.sin(wedge.middle) * (inner + outer) / 2)):
                snapped = layout.snap(node_id, ring, sector, point)
                assert layout.cell_at(snapped) == (ring, sector), (ring, sector, point)


def test_hidden_people_leave_no_trace() -> None:
    doc = zain_like()
    aunt = next(p for p in doc.people() if p.given_names == "Samira")
    diagram = circles_diagram(doc, hidden=frozenset({aunt.id}))
    assert aunt.id not in diagram.node_ids()
    assert not any("Samira" in text for text in diagram.texts())
    assert aunt.id not in circles_layout(doc, hidden=frozenset({aunt.id})).nodes


def test_sectors_share_the_circle_by_what_is_in_them() -> None:
    even = sector_wedges(dict.fromkeys(SECTORS, 1.0))
    assert all(math.isclose(w.end - w.start, math.tau / 3) for w in even.values())
    lopsided_wedges = sector_wedges({Sector.FAMILY: 40.0, Sector.COMMUNITY: 0.0, Sector.PROFESSIONAL: 3.0})
    spans = {s: w.end - w.start for s, w in lopsided_wedges.items()}
    assert math.isclose(sum(spans.values()), math.tau)
    assert all(SECTOR_LEAST - 1e-9 <= span <= SECTOR_MOST + 1e-9 for span in spans.values())
    assert spans[Sector.FAMILY] > spans[Sector.PROFESSIONAL] >= spans[Sector.COMMUNITY]
    assert all(math.isclose(span / SECTOR_STEP, round(span / SECTOR_STEP)) for span in spans.values())
    nudged = sector_wedges({Sector.FAMILY: 41.0, Sector.COMMUNITY: 1.0, Sector.PROFESSIONAL: 3.0})
    assert nudged == lopsided_wedges  # one more person does not move the sectors
    family = lopsided_wedges[Sector.FAMILY]
    assert math.isclose(family.middle, -math.pi / 2)  # the family at the top


def test_who_each_person_is_to_the_child() -> None:
    doc = zain_like()
    child = doc.children_at_centre()[0]
    words = {p.given_names: kinship_term(doc, child.id, p) for p in doc.people()}
    assert words["Amira"] == "mother" and words["Tariq"] == "father"
    assert words["Julian"] == "brother"
    assert words["Samira"] == "maternal aunt" and words["Leon"] == "maternal aunt's partner"
    assert words["Farida"] == "paternal grandmother" and words["Layla"] == "maternal grandmother"
    assert words["Chloe"] == ""


def test_a_sector_is_guessed_only_when_not_given() -> None:
    doc = zain_like()
    child_ids = [doc.children_at_centre()[0].id]
    by_name = {n.label: n for n in doc.nodes()}
    assert default_sector(doc, by_name["Layla Haddad"], child_ids) is Sector.FAMILY  # kin, not placed
    assert default_sector(doc, by_name["West Ham Boxing Club"], child_ids) is Sector.COMMUNITY  # leisure
    school = by_name["Forest Gate Community School"]
    moved = replace(school, circle=CirclePlacement(Ring.WIDER, Sector.COMMUNITY))
    assert default_sector(doc, moved, child_ids) is Sector.COMMUNITY  # the practitioner's word wins


def test_placing_is_one_edit_that_undoes_exactly() -> None:
    doc = zain_like()
    layout = circles_layout(doc)
    boxing = next(n for n in doc.services() if n.name.startswith("West Ham"))
    spot = layout.snap(boxing.id, Ring.CLOSEST, Sector.COMMUNITY, (-60.0, 40.0))
    edit = edits.place_in_circles(doc, {boxing.id: (CirclePlacement(Ring.CLOSEST, Sector.COMMUNITY), spot)})
    assert edit.label == "Place West Ham Boxing Club in the closest circle" and len(edit.changes) == 1
    doc.apply(edit)
    assert doc.node(boxing.id).positions["circles"] == spot
    placed = circles_layout(doc).nodes[boxing.id]
    assert (placed.ring, placed.sector) == (Ring.CLOSEST, Sector.COMMUNITY) and placed.hand_placed
    doc.revert(edit)
    assert doc.node(boxing.id).circle is None and "circles" not in doc.node(boxing.id).positions


def test_every_label_is_text_a_printer_can_shape() -> None:
    diagram = circles_diagram(scripts())
    names = [t.text for t in diagram.items if isinstance(t, Text) and t.part == "name"]
    assert any("伟" in name for name in names) and any("Łukasiewicz" in name for name in names)
    assert diagram.legend is not None and "Key" in diagram.legend.texts()
