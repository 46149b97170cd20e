"""The genogram drawing: McGoldrick notation item by item, a legend of only what is used, redaction."""

from __future__ import annotations

import datetime as dt

import pytest

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.model import EmotionalType, Gender, Person, PregnancyState
from circles_desktop.layout.diagram import Diagram, Line, Polygon, Shape, Text
from circles_desktop.layout.genogram import genogram_layout
from circles_desktop.layout.genogram_diagram import genogram_diagram
from circles_desktop.layout.legend import LABELS, build_legend
from circles_desktop.layout.sample_families import SAMPLES, FamilyBuilder
from circles_desktop.layout.style import LinePattern, ShapeKind

TODAY = dt.date(2025, 6, 1)


def _draw(doc: CaseDocument, hidden: frozenset[str] = frozenset()) -> Diagram:
    return genogram_diagram(doc, genogram_layout(doc), hidden=hidden, today=TODAY)


def _person(doc: CaseDocument, given: str) -> Person:
    return next(p for p in doc.people() if p.given_names == given)


def _symbol(diagram: Diagram, node_id: str) -> Shape:
    return next(i for i in diagram.items if isinstance(i, Shape) and i.node_id == node_id and i.part == "symbol")


def _texts(diagram: Diagram, node_id: str, part: str) -> list[str]:
    return [i.text for i in diagram.items if isinstance(i, Text) and i.node_id == node_id and i.part == part]


def _legend(diagram: Diagram) -> set[str]:
    assert diagram.legend is not None
    return {i.text for i in diagram.legend.items if isinstance(i, Text)}


def test_symbols_follow_gender_and_life() -> None:
    f = FamilyBuilder("symbols")
    people = {
        "man": f.person("Tariq", "Aziz", Gender.MALE, "1970"),
        "woman": f.person("Leila", "Aziz", Gender.FEMALE, "1972"),
        "nb": f.person("Robin", "Aziz", Gender.NON_BINARY, "1999"),
        "unknown": f.person("Baby", "Aziz", Gender.UNKNOWN, "2024"),
        "dead": f.person("Omar", "Aziz", Gender.MALE, "1940-06-15", "2010-02-01"),
        "pregnancy": f.person("", "", pregnancy=PregnancyState.PREGNANCY),
        "miscarriage": f.person("", "", pregnancy=PregnancyState.MISCARRIAGE),
        "termination": f.person("", "", pregnancy=PregnancyState.TERMINATION),
        "stillbirth": f.person("Noor", "Aziz", Gender.FEMALE, "2001", pregnancy=PregnancyState.STILLBIRTH,
                               deceased=True),
    }
    for key in ("nb", "unknown", "pregnancy", "miscarriage", "termination", "stillbirth"):
        f.child((people["man"], people["woman"]), people[key])
    f.couple(people["man"], people["woman"])
    f.child((people["dead"],), people["man"])
    diagram = _draw(f.document())
    kind = {key: _symbol(diagram, p.id).kind for key, p in people.items()}
    assert kind == {
        "man": ShapeKind.SQUARE, "woman": ShapeKind.CIRCLE, "nb": ShapeKind.DIAMOND,
        "unknown": ShapeKind.ROUNDED_SQUARE, "dead": ShapeKind.SQUARE, "pregnancy": ShapeKind.TRIANGLE,
        "miscarriage": ShapeKind.DOT, "termination": ShapeKind.CROSS, "stillbirth": ShapeKind.CIRCLE,
    }
    assert _symbol(diagram, people["dead"].id).crossed and _symbol(diagram, people["stillbirth"].id).crossed
    assert not _symbol(diagram, people["man"].id).crossed
    assert _symbol(diagram, people["stillbirth"].id).size < _symbol(diagram, people["man"].id).size
    assert "?" in [i.text for i in diagram.items if isinstance(i, Text) and i.node_id == people["unknown"].id]
    # age inside (at death for the dead), years above, name below
    assert _texts(diagram, people["dead"].id, "age") == ["69"]
    assert _texts(diagram, people["dead"].id, "years") == ["b. 1940 – d. 2010"]
    assert _texts(diagram, people["man"].id, "name") == ["Tariq", "Aziz"]
    assert _texts(diagram, people["pregnancy"].id, "age") == []
    legend = _legend(diagram)
    for key in ("gender:non_binary", "gender:unknown", "deceased", "pregnancy:pregnancy", "pregnancy:miscarriage",
                "pregnancy:termination", "pregnancy:stillbirth"):
        assert LABELS[key] in legend


def test_the_child_at_the_centre_has_a_double_outline() -> None:
    doc = SAMPLES["blended"]()
    diagram = _draw(doc)
    assert _symbol(diagram, _person(doc, "Emma").id).double
    assert not _symbol(diagram, _person(doc, "Jack").id).double
    assert all(t.bold for t in diagram.items if isinstance(t, Text) and t.node_id == _person(doc, "Emma").id
               and t.part == "name")


def _line(diagram: Diagram, rel_id: str) -> Line:
    return next(i for i in diagram.items if isinstance(i, Line) and i.rel_id == rel_id)


def test_couple_and_parentage_lines_carry_their_marks() -> None:
    doc = SAMPLES["care"]()
    diagram = _draw(doc)
    by_type = {r.type.value: r for r in doc.relationships() if r.kind.value == "partnership"}
    assert _line(diagram, by_type["separated"].id).slashes == 1
    assert _line(diagram, by_type["widowed"].id).slashes == 0
    foster = next(r for r in doc.relationships() if getattr(r, "type", None) and r.type.value == "foster")
    adopted = next(r for r in doc.relationships() if getattr(r, "type", None) and r.type.value == "adoptive")
    assert _line(diagram, foster.id).stroke.pattern is LinePattern.DOTTED
    assert _line(diagram, adopted.id).stroke.pattern is LinePattern.DASHED
    blended = _draw(SAMPLES["blended"]())
    divorced = [i for i in blended.items if isinstance(i, Line) and i.part == "couple" and i.slashes == 2]
    assert len(divorced) == 1
    cohabiting = [i for i in blended.items if isinstance(i, Line) and i.part == "couple"
                  and i.stroke.pattern is LinePattern.DASHED]
    assert len(cohabiting) == 1
    assert {"m. 2003", "div. 2012", "tog. 2014"} <= {i.text for i in blended.items if isinstance(i, Text)}


def test_emotional_lines_use_their_standard_patterns() -> None:
    doc = SAMPLES["blended"]()
    diagram = _draw(doc)
    pattern = {r.type: _line(diagram, r.id) for r in doc.relationships() if r.kind.value == "emotional"}
    assert pattern[EmotionalType.CLOSE].stroke.pattern is LinePattern.DOUBLE
    assert pattern[EmotionalType.HOSTILE].stroke.pattern is LinePattern.ZIGZAG
    assert pattern[EmotionalType.CUT_OFF].stroke.pattern is LinePattern.BROKEN
    care = SAMPLES["care"]()
    abuse = next(r for r in care.relationships() if getattr(r, "type", None) is EmotionalType.PHYSICAL_ABUSE)
    line = _line(_draw(care), abuse.id)
    assert line.arrow_end and line.tag == "physical abuse"
    twins = SAMPLES["twins"]()
    focused = next(r for r in twins.relationships() if getattr(r, "type", None) is EmotionalType.FOCUSED_ON)
    focused_line = _line(_draw(twins), focused.id)
    assert focused_line.arrow_end and not focused_line.arrow_start


def test_the_legend_shows_only_what_the_drawing_uses() -> None:
    twins, blended = _legend(_draw(SAMPLES["twins"]())), _legend(_draw(SAMPLES["blended"]()))
    assert {"Twins", "Identical twins", "Miscarriage", "Very close (fused)"} <= twins
    assert not {"Divorced", "Hostile", LABELS["household"]} & twins
    assert {"Divorced", "Hostile", "Cut off", LABELS["household"], "Died"} <= blended
    assert not {"Twins", "Miscarriage", "Non-binary"} & blended
    assert build_legend(()) is None


def test_hidden_people_appear_nowhere() -> None:
    doc = SAMPLES["blended"]()
    tom = _person(doc, "Tom")
    diagram = _draw(doc, frozenset({tom.id}))
    assert tom.id not in diagram.node_ids()
    assert not any("Tom" in text for text in diagram.texts())
    assert "Mia" in diagram.texts()  # his daughter is still there, hanging from her mother alone
    # nothing else about him leaks: the marriage line and its year are gone
    assert "m. 2015" not in diagram.texts()


def test_hidden_relationships_and_households_leave_the_legend_too() -> None:
    doc = SAMPLES["blended"]()
    hostile = next(r for r in doc.relationships() if getattr(r, "type", None) is EmotionalType.HOSTILE)
    households = frozenset(h.id for h in doc.households())
    diagram = _draw(doc, frozenset({hostile.id}) | households)
    assert hostile.id not in diagram.rel_ids()
    assert not households & diagram.node_ids()
    assert not [i for i in diagram.items if isinstance(i, Polygon)]
    legend = _legend(diagram)
    assert "Hostile" not in legend and LABELS["household"] not in legend
    assert "Hughes household" not in diagram.texts()


def test_a_hidden_person_in_a_ready_layout_forces_a_fresh_one() -> None:
    doc = SAMPLES["care"]()
    layout = genogram_layout(doc)
    ayesha = _person(doc, "Ayesha")
    diagram = genogram_diagram(doc, layout, hidden=frozenset({ayesha.id}), today=TODAY)
    assert ayesha.id not in diagram.node_ids()
    assert "Kinship care or special guardianship" not in _legend(diagram)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_symbol_and_label_says_whose_it_is(name: str) -> None:
    diagram = _draw(SAMPLES[name]())
    for item in diagram.items:
        if isinstance(item, Shape) or (isinstance(item, Text) and item.part in ("name", "age", "years")):
            assert item.node_id, item
        if isinstance(item, Line) and item.part in ("couple", "emotional", "carer"):
            assert item.rel_id or item.part == "couple", item


def test_legend_placement_suits_the_page() -> None:
    diagram = _draw(SAMPLES["twins"]())
    assert diagram.legend is not None
    wide = diagram.with_legend_placed(aspect=4.0)
    tall = diagram.with_legend_placed(aspect=0.5)
    assert wide.legend is None and tall.legend is None
    assert wide.bounds.width / wide.bounds.height > tall.bounds.width / tall.bounds.height
    assert len(wide.items) == len(diagram.items) + len(diagram.legend.items)
