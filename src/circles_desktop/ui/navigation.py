"""Arrow keys on the canvas: move the selection to a related person in that direction.

Up from a child reaches a parent, right from a person reaches their partner or the next sibling:
the step goes to whoever is joined to the current person by a relationship and lies most nearly
in the arrow's direction. People with no one in that direction stay selected. Pure geometry, so it
is the same for the genogram and, later, the ecomap and circles views.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

Point = tuple[float, float]

DIRECTIONS: dict[str, Point] = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "up": (0.0, -1.0), "down": (0.0, 1.0)}

# How far off the arrow's line a neighbour may lie: within 60 degrees either side.
_MIN_ALONG = math.cos(math.radians(60))


def step_along(origin: Point, neighbours: Mapping[str, Point], direction: str) -> str | None:
    """The neighbour to move to from ``origin`` (y grows downwards), or None if none lies that way.

    >>> step_along((0, 0), {"mum": (-20, -80), "dad": (20, -80), "sister": (60, 0)}, "up")
    'mum'
    >>> step_along((0, 0), {"grandma": (10, -200), "dad": (-15, -100)}, "up")
    'dad'
    >>> step_along((0, 0), {"sister": (60, 0)}, "left") is None
    True
    """
    dx, dy = DIRECTIONS[direction]
    best: tuple[float, float, float, str] | None = None
    for node_id, (x, y) in neighbours.items():
        vx, vy = x - origin[0], y - origin[1]
        distance = math.hypot(vx, vy)
        if distance < 1e-6:
            continue
        along = (vx * dx + vy * dy) / distance
        if along < _MIN_ALONG:
            continue
        # Nearer wins, and what lies off to the side counts as farther; ties go left to right.
        score = (round(distance / along**2, 1), x, y, node_id)
        if best is None or score < best:
            best = score
    return best[-1] if best else None
