"""Household boundaries: a dashed outline drawn around the people who live together.

A plain rectangle around a household can take in someone who lives elsewhere (a grandmother whose
grandchild lives with her has the child's mother between them), and that would tell the reader
something false. So a household is first cut into *runs*: members standing next to each other in a
row with nobody else between them. When the runs sit in neighbouring rows, one above the other, one
outline takes them all in: a band per row joined by a neck as wide as the bands share (a stack of
horizontal slabs, a simple polygon). Otherwise each run gets its own rounded box, and the diagram
writes the household's name on each, so no outline ever encloses someone who lives elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .diagram import Bounds, Point

_ARC_STEPS = 4


def household_pieces(members: set[str], rows: dict[int, list[str]], row_of: dict[str, int],
                     boxes: dict[str, Bounds]) -> list[list[str]]:
    """The groups of members that get one outline each (see the module docstring).

    ``rows`` lists each row's people left to right; ``boxes`` is each member's area with labels.
    """
    runs: list[tuple[int, list[str]]] = []
    for row in sorted({row_of[m] for m in members}):
        current: list[str] = []
        for person in rows[row]:
            if person in members:
                current.append(person)
            elif current:
                runs.append((row, current))
                current = []
        if current:
            runs.append((row, current))
    stacked = all(b[0] == a[0] + 1 for a, b in zip(runs, runs[1:]))
    if stacked:
        spans = [(min(boxes[m].x0 for m in run), max(boxes[m].x1 for m in run)) for _, run in runs]
        stacked = all(max(a[0], b[0]) < min(a[1], b[1]) for a, b in zip(spans, spans[1:]))
    if stacked:
        return [[m for _, run in runs for m in run]]
    return [run for _, run in runs]


def slab_outline(boxes: Sequence[Bounds], radius: float, neck: float = 16.0) -> tuple[Point, ...]:
    """A rounded outline around ``boxes`` (each a member with their labels), one band per row."""
    rows: list[Bounds] = []
    for box in sorted(boxes, key=lambda b: (b.y0, b.x0)):
        if rows and box.y0 < rows[-1].y1:  # same row: widen the band
            rows[-1] = rows[-1].union(box)
        else:
            rows.append(box)
    slabs: list[tuple[float, float, float, float]] = []  # (top, bottom, left, right)
    for i, row in enumerate(rows):
        slabs.append((row.y0, row.y1, row.x0, row.x1))
        if i + 1 < len(rows):
            nxt = rows[i + 1]
            left, right = max(row.x0, nxt.x0), min(row.x1, nxt.x1)
            if right - left < neck:  # the bands barely meet: a neck between their nearest ends
                middle = (max(row.x0, nxt.x0) + min(row.x1, nxt.x1)) / 2
                left, right = middle - neck / 2, middle + neck / 2
            if nxt.y0 > row.y1:
                slabs.append((row.y1, nxt.y0, left, right))
    down_right: list[Point] = []
    up_left: list[Point] = []
    for top, bottom, left, right in slabs:
        down_right += [(right, top), (right, bottom)]
        up_left += [(left, top), (left, bottom)]
    polygon = _simplify(down_right + up_left[::-1])
    return round_corners(polygon, radius)


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if not out or math.dist(out[-1], p) > 0.01:
            out.append(p)
    if len(out) > 1 and math.dist(out[0], out[-1]) <= 0.01:
        out.pop()
    changed = True
    while changed and len(out) > 3:
        changed = False
        for i in range(len(out)):
            a, b, c = out[i - 1], out[i], out[(i + 1) % len(out)]
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            if abs(cross) < 1e-6:
                del out[i]
                changed = True
                break
    return out


def round_corners(points: Sequence[Point], radius: float) -> tuple[Point, ...]:
    """The closed polygon with each corner replaced by a short arc of up to ``radius``."""
    n = len(points)
    if n < 3 or radius <= 0:
        return tuple(points)
    out: list[Point] = []
    for i in range(n):
        prev, here, nxt = points[i - 1], points[i], points[(i + 1) % n]
        d_in, d_out = math.dist(prev, here), math.dist(here, nxt)
        r = min(radius, d_in / 2, d_out / 2)
        if r <= 0.01:
            out.append(here)
            continue
        a = (here[0] + (prev[0] - here[0]) * r / d_in, here[1] + (prev[1] - here[1]) * r / d_in)
        b = (here[0] + (nxt[0] - here[0]) * r / d_out, here[1] + (nxt[1] - here[1]) * r / d_out)
        # a quadratic curve with the corner as its control point, sampled
        for step in range(_ARC_STEPS + 1):
            t = step / _ARC_STEPS
            out.append((
                (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * here[0] + t * t * b[0],
                (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * here[1] + t * t * b[1],
            ))
    return tuple(out)
