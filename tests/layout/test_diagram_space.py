"""Free space in a drawing: where a legend can go without covering anyone."""

from __future__ import annotations

from circles_desktop.layout.diagram import (
    Bounds,
    Box,
    Diagram,
    Line,
    Shape,
    Stroke,
    Text,
    touches,
)
from circles_desktop.layout.style import ShapeKind


def test_a_disc_leaves_the_corners_of_its_box_free() -> None:
    ring = Shape(kind=ShapeKind.CIRCLE, centre=(0.0, 0.0), size=200.0)
    assert not touches(ring, Bounds(80, 80, 100, 100))
    assert touches(ring, Bounds(60, 60, 100, 100))  # (60, 60) is inside the radius of 100


def test_a_diagonal_line_leaves_the_corners_of_its_box_free() -> None:
    line = Line(points=((0.0, 0.0), (100.0, 100.0)), stroke=Stroke(width=2.0))
    assert not touches(line, Bounds(70, 0, 100, 30))
    assert touches(line, Bounds(40, 40, 60, 60))
    assert touches(Line(points=((0.0, 50.0), (100.0, 50.0))), Bounds(10, 40, 20, 50.2)), "a flat line still counts"


def test_clear_spot_prefers_a_corner_and_refuses_when_there_is_no_room() -> None:
    label = Text(text="Someone", at=(150.0, 150.0), size=8.0)
    drawing = Diagram.of([Box(rect=Bounds(0, 0, 300, 300)), label])  # a frame round it all: no room inside
    assert drawing.clear_spot(50, 50, Bounds(0, 0, 300, 300)) is None
    sparse = Diagram.of([label, Line(points=((0.0, 300.0), (300.0, 300.0)))])
    assert sparse.clear_spot(50, 40, Bounds(0, 0, 300, 300), clearance=5) == (0, 0)
    assert sparse.clear_spot(400, 40, Bounds(0, 0, 300, 300)) is None


def _with_key(items: list, key_size: tuple[float, float]) -> Diagram:  # type: ignore[type-arg]
    key = Diagram.of([Box(rect=Bounds(0, 0, *key_size), part="legend")])
    return Diagram.of(items, legend=key)


def test_the_legend_goes_in_a_free_corner_when_there_is_one() -> None:
    """People along the bottom and the right leave the top left corner free."""
    people = [Shape(kind=ShapeKind.SQUARE, centre=(x, 380.0), size=20.0) for x in range(10, 400, 40)]
    people += [Shape(kind=ShapeKind.SQUARE, centre=(380.0, y), size=20.0) for y in range(10, 400, 40)]
    drawing = _with_key(people, (150, 100))
    placed = drawing.with_legend_placed(aspect=1.0)
    assert placed.legend is None and placed.bounds == drawing.bounds
    frame = next(i for i in placed.items if i.part == "legend")
    assert frame.bounds.x0 == drawing.bounds.x0 and frame.bounds.y0 == drawing.bounds.y0


def test_without_a_free_corner_the_legend_goes_beside_or_below_as_the_page_suits() -> None:
    row = [Text(text=f"Person {i}", at=(i * 40.0, y), size=8.0) for i in range(10) for y in (0.0, 60.0, 120.0)]
    drawing = _with_key(row, (120, 90))
    wide, tall = drawing.with_legend_placed(aspect=4.0), drawing.with_legend_placed(aspect=0.5)
    assert wide.bounds.width > drawing.bounds.width and wide.bounds.height == drawing.bounds.height
    assert tall.bounds.height > drawing.bounds.height and tall.bounds.width == drawing.bounds.width
    frame = next(i for i in tall.items if i.part == "legend")
    centre = (drawing.bounds.x0 + drawing.bounds.x1) / 2
    assert abs((frame.bounds.x0 + frame.bounds.x1) / 2 - centre) < 1e-6, "centred under the drawing"


def test_clear_spot_near_a_drawing_hugs_it_rather_than_a_far_corner() -> None:
    """On a big sheet with the drawing at the top, the key goes just under the drawing."""
    people = Diagram.of([Text(text=f"Person {i}", at=(i * 40.0, 20.0), size=8.0) for i in range(8)])
    sheet = Bounds(-20, 0, 400, 600)
    assert people.clear_spot(100, 60, sheet, clearance=5) == (-20, 540)  # without ``near``: the first free corner
    x, y = people.clear_spot(100, 60, sheet, clearance=5, near=people.bounds)  # type: ignore[misc]
    assert x == sheet.x0 and people.bounds.y1 < y <= people.bounds.y1 + 10
