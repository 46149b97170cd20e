"""Genogram layout: the rules of the notation hold on synthetic families, the demo cases and royal92."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from pathlib import Path

import pytest
from genogram_checks import diagram_problems, layout_problems

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import move_nodes, update_node
from circles_desktop.graph.model import Gender, ParentageType, PartnershipType, Person, Role
from circles_desktop.layout.focus import focus_subset, suggested_focus
from circles_desktop.layout.genogram import VIEW, genogram_dot, genogram_layout
from circles_desktop.layout.genogram_diagram import genogram_diagram
from circles_desktop.layout.routing import CARER, COUPLE, DROP, EMOTIONAL, TWIN_BAR, TWINS
from circles_desktop.layout.sample_families import SAMPLES, FamilyBuilder, random_tree

TODAY = dt.date(2025, 6, 1)


def _person(doc: CaseDocument, given: str) -> Person:
    return next(p for p in doc.people() if p.given_names == given)


def _assert_genogram_rules(doc: CaseDocument, **kwargs: object) -> None:
    layout = genogram_layout(doc, **kwargs)  # type: ignore[arg-type]
    problems = layout_problems(doc, layout)
    problems += diagram_problems(genogram_diagram(doc, layout, today=TODAY))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_families_keep_the_rules(name: str) -> None:
    _assert_genogram_rules(SAMPLES[name]())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_trees_keep_the_rules(seed: int) -> None:
    _assert_genogram_rules(random_tree(160, seed=seed))


def test_demo_cases_keep_the_rules() -> None:
    demo = pytest.importorskip("circles_desktop.demo_cases")
    for doc in demo.demo_cases():
        _assert_genogram_rules(doc)


def _royal92(gedcom_dir: Path) -> CaseDocument:
    path = gedcom_dir / "real" / "royal92.ged"
    if not path.is_file():
        pytest.skip(f"{path} is not there")
    try:
        gedcom = importlib.import_module("circles_desktop.interop.gedcom")
    except ImportError:
        pytest.skip("the GEDCOM reader is not there yet")
    return gedcom.read_gedcom(path).document


def test_royal92_in_focus_mode_keeps_the_rules(gedcom_dir: Path) -> None:
    doc = _royal92(gedcom_dir)
    victoria = next(p for p in doc.people() if p.given_names == "Victoria" and p.family_name == "Hanover"
                    and p.birth and p.birth.year == 1819)
    layout = genogram_layout(doc, focus=victoria.id, generations=2)
    assert victoria.id in layout.positions
    assert 30 < len(layout.positions) < len(doc.people())
    problems = layout_problems(doc, layout, sibling_order=False)
    problems += diagram_problems(genogram_diagram(doc, layout, today=TODAY))
    assert not problems, "\n".join(problems[:30])


@pytest.mark.slow
def test_royal92_whole_keeps_the_rules(gedcom_dir: Path) -> None:
    doc = _royal92(gedcom_dir)
    layout = genogram_layout(doc)
    assert len(layout.positions) == len(doc.people())
    problems = layout_problems(doc, layout, sibling_order=False)
    assert not problems, "\n".join(problems[:30])


# ----- the rules, one family at a time -------------------------------------------------------------


def test_remarriage_hangs_each_child_under_its_own_union() -> None:
    doc = SAMPLES["blended"]()
    layout = genogram_layout(doc)
    union_of = {line.end_node: line.union for line in layout.lines if line.kind in (DROP, TWINS)}
    partners = {u.id: set(u.partners) for u in layout.unions}
    claire, daniel, tom, leah = (_person(doc, n).id for n in ("Claire", "Daniel", "Tom", "Leah"))
    assert partners[union_of[_person(doc, "Emma").id]] == {claire, daniel}
    assert partners[union_of[_person(doc, "Mia").id]] == {claire, tom}
    assert partners[union_of[_person(doc, "Kofi").id]] == {daniel, leah}
    # someone with two partners stands between them, the earlier partner on the left
    xs = layout.positions
    assert xs[tom][0] < xs[claire][0] < xs[daniel][0] < xs[leah][0]


def test_couple_lines_carry_their_partnership() -> None:
    doc = SAMPLES["blended"]()
    styles = {line.style for line in genogram_layout(doc).lines if line.kind == COUPLE}
    assert styles == {"partnership:married", "partnership:divorced", "partnership:cohabiting"}


def test_twins_come_from_one_point_and_identical_twins_have_a_bar() -> None:
    doc = SAMPLES["twins"]()
    layout = genogram_layout(doc)
    twin_lines = [line for line in layout.lines if line.kind == TWINS]
    assert len(twin_lines) == 4
    assert len({line.points[0] for line in twin_lines}) == 2
    assert sum(line.kind == TWIN_BAR for line in layout.lines) == 1  # only Adam and Piotr are identical


def test_carers_join_without_placing_the_child() -> None:
    doc = SAMPLES["care"]()
    layout = genogram_layout(doc)
    carer_lines = {line.style: line for line in layout.lines if line.kind == CARER}
    assert set(carer_lines) == {"parentage:kinship", "parentage:foster"}
    lina, sami = _person(doc, "Lina").id, _person(doc, "Sami").id
    assert carer_lines["parentage:foster"].end_node == lina
    # Lina still hangs from her birth parents, beside her brother, oldest first
    drops = {line.end_node: line for line in layout.lines if line.kind == DROP}
    assert drops[lina].union == drops[sami].union
    assert layout.positions[sami][0] < layout.positions[lina][0]
    # the foster carers, joined to the family by nothing else, sit one generation above her
    jo = _person(doc, "Jo").id
    assert layout.rows[jo] == layout.rows[lina] - 1


def test_adopted_child_without_birth_parents_hangs_from_adoptive_parents() -> None:
    doc = SAMPLES["care"]()
    layout = genogram_layout(doc)
    arlo = _person(doc, "Arlo").id
    drop = next(line for line in layout.lines if line.end_node == arlo and line.kind == DROP)
    assert drop.style == "parentage:adoptive"
    assert {doc.node(p).given_names for p in next(u for u in layout.unions if u.id == drop.union).partners} == \
        {"Priya", "Hannah"}  # a same-sex couple, on one rank like any other


def test_single_parent_child_descends_from_the_parent() -> None:
    f = FamilyBuilder("single parent")
    mum = f.person("Ama", "Mensah", Gender.FEMALE, "1990")
    kid = f.person("Kojo", "Mensah", Gender.MALE, "2015")
    f.child((mum,), kid)
    doc = f.document()
    layout = genogram_layout(doc)
    drop = next(line for line in layout.lines if line.end_node == kid.id)
    assert drop.union == mum.id
    assert not layout_problems(doc, layout)


def test_co_parents_without_a_partnership_get_a_couple_line_of_their_own() -> None:
    f = FamilyBuilder("co-parents")
    a = f.person("Lee", "Park", Gender.MALE, "1988")
    b = f.person("Sun", "Kim", Gender.FEMALE, "1989")
    kid = f.person("Min", "Park", Gender.UNKNOWN, "2012")
    f.child((a, b), kid)
    doc = f.document()
    layout = genogram_layout(doc)
    couple = next(line for line in layout.lines if line.kind == COUPLE)
    assert couple.style == "partnership:co_parents" and couple.rel_ids == ()
    assert not layout_problems(doc, layout)


def test_emotional_lines_join_their_two_people() -> None:
    doc = SAMPLES["blended"]()
    lines = [line for line in genogram_layout(doc).lines if line.kind == EMOTIONAL]
    assert {line.style for line in lines} == {"emotional:close", "emotional:hostile", "emotional:cut_off"}
    assert all(line.start_node and line.end_node for line in lines)


def test_hand_placed_positions_win() -> None:
    doc = SAMPLES["blended"]()
    before = genogram_layout(doc)
    kofi = _person(doc, "Kofi")
    doc.apply(move_nodes(doc, VIEW, {kofi.id: (500.0, 400.0)}))
    after = genogram_layout(doc)
    assert after.positions[kofi.id] == (500.0, 400.0)
    assert kofi.id in after.hand_placed
    assert all(after.positions[p] == before.positions[p] for p in before.positions if p != kofi.id)
    drop = next(line for line in after.lines if line.end_node == kofi.id)
    assert drop.points[-1][0] == 500.0  # the line follows the symbol
    assert not layout_problems(doc, after)


def test_focus_mode_draws_the_family_around_the_child() -> None:
    doc = SAMPLES["blended"]()
    emma = _person(doc, "Emma").id
    near = {doc.node(p).given_names for p in focus_subset(doc, emma, 1)}
    assert near == {"Emma", "Jack", "Mia", "Kofi", "Daniel", "Claire", "Tom", "Leah"}
    wider = {doc.node(p).given_names for p in focus_subset(doc, emma, 2)}
    assert {"Samuel", "Grace", "Ruth"} <= wider
    layout = genogram_layout(doc, focus=emma, generations=1)
    assert {doc.node(p).given_names for p in layout.positions} == near
    assert not layout_problems(doc, layout)


def test_generations_without_a_focus_centre_on_the_child() -> None:
    doc = SAMPLES["blended"]()
    layout = genogram_layout(doc, generations=1)
    assert layout.focus == _person(doc, "Emma").id
    assert "Samuel" not in {doc.node(p).given_names for p in layout.positions}


def test_focus_needs_a_person_and_sensible_generations() -> None:
    doc = SAMPLES["blended"]()
    household = doc.households()[0]
    with pytest.raises(ValueError, match="centres on a person"):
        focus_subset(doc, household.id)
    with pytest.raises(ValueError, match="generations"):
        focus_subset(doc, _person(doc, "Emma").id, -1)


def test_only_big_trees_suggest_a_focus() -> None:
    assert suggested_focus(SAMPLES["blended"]()) is None
    big = random_tree(450)
    child = big.people()[-1]
    assert suggested_focus(big) == big.people()[0].id  # no child at the centre: the tree's first person
    big.apply(update_node(big, dataclasses.replace(child, roles=frozenset({Role.CHILD}))))
    assert suggested_focus(big) == child.id


def test_professionals_stay_off_the_genogram() -> None:
    f = FamilyBuilder("with a social worker")
    mum = f.person("Ada", "Obi", Gender.FEMALE, "1985")
    f.person("Sam", "Worker", Gender.MALE, roles=frozenset({Role.PROFESSIONAL}))
    doc = f.document()
    assert set(genogram_layout(doc).positions) == {mum.id}


def test_excluded_people_and_relationships_leave_no_trace() -> None:
    doc = SAMPLES["blended"]()
    tom = _person(doc, "Tom")
    hostile = next(r for r in doc.relationships() if getattr(r, "type", None) and r.type.value == "hostile")
    layout = genogram_layout(doc, exclude=frozenset({tom.id, hostile.id}))
    assert tom.id not in layout.positions
    assert hostile.id not in layout.rel_ids
    assert all(tom.id not in (line.start_node, line.end_node) for line in layout.lines)
    mia_drop = next(line for line in layout.lines if line.end_node == _person(doc, "Mia").id)
    assert mia_drop.union == _person(doc, "Claire").id  # now hangs from her mother alone
    assert not layout_problems(doc, layout)


def test_names_never_reach_the_dot_source() -> None:
    f = FamilyBuilder("hostile names")
    evil = f.person('x"; } digraph evil { a -> b; //', "<b>&amp;", Gender.MALE, "1980")
    partner = f.person("Ünïcødé 名字", "عائلة", Gender.FEMALE, "1981")
    f.couple(evil, partner, PartnershipType.MARRIED, "2000")
    doc = f.document()
    text = genogram_dot(doc)
    assert "evil" not in text and "Ünïcødé" not in text and "&amp;" not in text
    assert set(genogram_layout(doc).positions) == {evil.id, partner.id}


def test_empty_case_lays_out_without_graphviz() -> None:
    layout = genogram_layout(FamilyBuilder("empty").document())
    assert not layout.positions and not layout.lines


def test_step_parentage_draws_its_own_line() -> None:
    f = FamilyBuilder("step")
    mum = f.person("Eve", "Stone", Gender.FEMALE, "1980")
    dad = f.person("Rob", "Stone", Gender.MALE, "1979")
    step = f.person("Max", "Hill", Gender.MALE, "1978")
    kid = f.person("Zac", "Stone", Gender.MALE, "2010")
    f.couple(dad, mum, PartnershipType.DIVORCED, "2005", "2012")
    f.couple(step, mum, PartnershipType.MARRIED, "2014")
    f.child((dad, mum), kid)
    f.child((step,), kid, ParentageType.STEP)
    doc = f.document()
    layout = genogram_layout(doc)
    step_line = next(line for line in layout.lines if line.kind == CARER)
    assert step_line.style == "parentage:step" and step_line.start_node == step.id
    assert not layout_problems(doc, layout)


def test_the_checks_catch_a_broken_layout() -> None:
    """The rules above would notice a layout that breaks them (so they can fail)."""
    doc = SAMPLES["blended"]()
    layout = genogram_layout(doc)
    samuel, grace, leah, kofi = (_person(doc, n).id for n in ("Samuel", "Grace", "Leah", "Kofi"))
    moved = dict(layout.positions)
    moved[samuel], moved[grace] = layout.positions[grace], layout.positions[samuel]
    moved[kofi] = (layout.positions[leah][0], layout.positions[leah][1] - 200)
    broken = dataclasses.replace(layout, positions=moved)
    problems = "\n".join(layout_problems(doc, broken))
    assert "Samuel Okafor stands right of his partner Grace Okafor" in problems
    assert "Kofi Okafor is not below their parent" in problems
    assert "does not end at" in problems
    on_top = dict(layout.positions)
    on_top[kofi] = layout.positions[_person(doc, "Jack").id]
    assert diagram_problems(genogram_diagram(doc, dataclasses.replace(layout, positions=on_top), today=TODAY))
