"""The Circles tab: the child in the middle of three rings cut into family, community, professionals.

Dragging someone into another ring or sector changes where they are placed, as one undoable edit
(:func:`~..graph.edits.place_in_circles`); dropped inside their own cell they simply move, pulled
back inside the cell if they were let go over its edge. Dragging someone from the "not placed yet"
list into a ring places them; dragging a placed person back onto that list takes them out again.
A double-click in a ring adds a person placed there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..graph import edits
from ..graph.document import CaseDocument
from ..graph.model import CirclePlacement, Person, Point
from ..layout.circles import CirclesLayout, circles_layout
from ..layout.circles_diagram import circles_diagram
from ..layout.diagram import Diagram
from .ecomap_view import NetworkScene, NetworkView
from .editor import CaseEditor

VIEW = "circles"


class CirclesScene(NetworkScene):
    view_key = VIEW

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        self.network: CirclesLayout | None = None  # the layout last drawn: where the rings are
        super().__init__(editor, parent)

    def build(self, doc: CaseDocument) -> Diagram:
        layout = circles_layout(doc)
        self.network = layout
        return circles_diagram(doc, layout)

    def pinned(self) -> set[str]:
        return set(self.network.centre_ids) if self.network is not None else set()

    def placements_for(self, places: dict[str, Point]) -> dict[str, tuple[CirclePlacement | None, Point | None]]:
        """What a drop means for each node: its new ring and sector and snapped place, or nothing."""
        layout = self.network
        doc = self.editor.doc
        if layout is None:
            return {}
        out: dict[str, tuple[CirclePlacement | None, Point | None]] = {}
        for node_id, point in places.items():
            if node_id not in layout.nodes:
                continue
            node = doc.node(node_id)
            cell = layout.cell_at(point)
            if cell is not None:
                ring, sector = cell
                out[node_id] = (CirclePlacement(ring, sector), layout.snap(node_id, ring, sector, point))
            elif node.circle is not None and self._on_list(point):
                out[node_id] = (None, None)
        return out

    def _on_list(self, point: Point) -> bool:
        """Whether a point is over the "not placed yet" list (or where it would be: right of the rings)."""
        layout = self.network
        assert layout is not None
        listed = [n.box for n in layout.not_placed()]
        if layout.list_title is not None:
            listed.append(layout.list_title.bounds)
        if listed:
            area = listed[0]
            for box in listed[1:]:
                area = area.union(box)
            area = area.expanded(24.0)
            return area.x0 <= point[0] <= area.x1 and area.y0 <= point[1] <= area.y1
        return point[0] > layout.outer_radius + 20.0

    def drop(self, places: dict[str, Point]) -> bool:
        wanted = self.placements_for(places)
        doc = self.editor.doc
        changed = {node_id: change for node_id, change in wanted.items()
                   if (doc.node(node_id).circle, doc.node(node_id).positions.get(VIEW)) != change}
        if not changed:
            return False
        return self.editor.push(edits.place_in_circles(doc, changed))

    def add_at(self, point: Point) -> None:
        """A double-click in a ring adds a person placed there; elsewhere, someone not placed yet."""
        layout = self.network
        cell = layout.cell_at(point) if layout is not None else None
        placement = CirclePlacement(*cell) if cell is not None else None
        person = Person(circle=placement)
        label = f"Add person to the {placement.ring.value} circle" if placement else "Add person"
        self.push_new(edits.add_node(person, label), person.id)


class CirclesView(NetworkView):
    """Shows and edits the case as circles of support."""

    view_key = VIEW

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, CirclesScene(editor), parent)
        self.setObjectName("circles_view")
        self.setAccessibleName("Circles of support")
