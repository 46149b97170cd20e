"""Patterns become geometry once, for every back end: double lines, zigzags, cut-offs, slashes, arrows."""

from __future__ import annotations

import math

from circles_desktop.layout.diagram import Line, Shape, Stroke, Text
from circles_desktop.layout.strokes import EllipseOp, PathOp, RectOp, TextOp, item_ops, offset, sub_path, zigzag
from circles_desktop.layout.style import DASHES, GENOGRAM, LinePattern, ShapeKind

STRAIGHT = ((0.0, 0.0), (100.0, 0.0))


def _paths(pattern: LinePattern, **kwargs: object) -> list[PathOp]:
    ops = item_ops(Line(points=STRAIGHT, stroke=Stroke(pattern=pattern), **kwargs))  # type: ignore[arg-type]
    return [op for op in ops if isinstance(op, PathOp)]


def test_double_and_triple_lines_are_parallel() -> None:
    double = _paths(LinePattern.DOUBLE)
    assert sorted(p.points[0][1] for p in double) == [-GENOGRAM.parallel_gap / 2, GENOGRAM.parallel_gap / 2]
    triple = _paths(LinePattern.TRIPLE)
    assert sorted(p.points[0][1] for p in triple) == [-GENOGRAM.parallel_gap, 0.0, GENOGRAM.parallel_gap]


def test_a_zigzag_stays_within_its_amplitude_and_meets_both_ends() -> None:
    points = zigzag(STRAIGHT)
    assert points[0] == (0.0, 0.0) and points[-1] == (100.0, 0.0)
    assert max(abs(y) for _, y in points) <= GENOGRAM.zigzag_amplitude + 1e-9
    assert len(points) > 20


def test_a_cut_off_has_a_gap_and_two_bars() -> None:
    paths = _paths(LinePattern.BROKEN)
    halves = [p for p in paths if p.points[0][1] == p.points[-1][1] == 0.0 and len(p.points) == 2
              and p.points[0][0] != p.points[1][0]]
    assert len(halves) == 2
    gap = max(h.points[0][0] for h in halves) - min(h.points[-1][0] for h in halves)
    assert math.isclose(gap, GENOGRAM.break_gap)
    bars = [p for p in paths if p.points[0][0] == p.points[1][0]]
    assert len(bars) == 2
    repaired = _paths(LinePattern.BROKEN_REPAIRED)
    assert any(p.points == STRAIGHT for p in repaired)


def test_dashes_come_from_the_style_table_scaled_by_width() -> None:
    thin = item_ops(Line(points=STRAIGHT, stroke=Stroke(width=1.0, pattern=LinePattern.DASHED)))[0]
    thick = item_ops(Line(points=STRAIGHT, stroke=Stroke(width=2.0, pattern=LinePattern.DASHED)))[0]
    assert isinstance(thin, PathOp) and isinstance(thick, PathOp)
    assert thin.pen and thin.pen.dash == DASHES[LinePattern.DASHED]
    assert thick.pen and thick.pen.dash == tuple(2 * v for v in DASHES[LinePattern.DASHED])


def test_slashes_cross_the_line_where_asked() -> None:
    paths = _paths(LinePattern.SOLID, slashes=2, marks_at=(30.0, 0.0))
    marks = paths[1:]
    assert len(marks) == 2
    centres = sorted((m.points[0][0] + m.points[1][0]) / 2 for m in marks)
    assert math.isclose(sum(centres) / 2, 30.0)
    assert all(m.points[0][1] * m.points[1][1] < 0 for m in marks)  # each one crosses the line


def test_an_arrow_head_sits_on_the_end_and_the_line_stops_under_it() -> None:
    ops = item_ops(Line(points=STRAIGHT, stroke=Stroke(), arrow_end=True))
    head = next(op for op in ops if isinstance(op, PathOp) and op.closed)
    line = next(op for op in ops if isinstance(op, PathOp) and not op.closed)
    assert head.points[0] == (100.0, 0.0) and head.fill
    assert line.points[-1][0] < 100.0


def test_a_tag_is_written_beside_the_line() -> None:
    ops = item_ops(Line(points=STRAIGHT, stroke=Stroke(), tag="neglect"))
    tag = next(op for op in ops if isinstance(op, TextOp))
    assert tag.text == "neglect" and tag.at[1] < 0 and tag.halo  # above a left-to-right line


def test_shapes_become_native_outlines() -> None:
    square = item_ops(Shape(kind=ShapeKind.SQUARE, centre=(0, 0), size=30, double=True, crossed=True))
    assert sum(isinstance(op, RectOp) for op in square) == 2
    assert sum(isinstance(op, PathOp) for op in square) == 2  # the X
    circle = item_ops(Shape(kind=ShapeKind.CIRCLE, centre=(0, 0), size=30))
    assert isinstance(circle[0], EllipseOp) and circle[0].rx == 15
    text = item_ops(Text(text="Ana", at=(1, 2), size=8))
    assert isinstance(text[0], TextOp) and text[0].text == "Ana"


def test_polyline_helpers() -> None:
    elbow = ((0.0, 0.0), (0.0, 10.0), (10.0, 10.0))
    assert sub_path(elbow, 5.0, 15.0) == ((0.0, 5.0), (0.0, 10.0), (5.0, 10.0))
    moved = offset(elbow, 1.0)
    assert moved[0] == (1.0, 0.0) and moved[-1] == (10.0, 9.0)
