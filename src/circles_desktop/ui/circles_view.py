"""The Circles tab: the child in the middle of three rings cut into family, community, professionals.

Dragging someone into another ring or sector changes where they are placed, as one undoable edit
(:func:`~..graph.edits.place_in_circles`); dropped inside their own cell they simply move, pulled
back inside the cell if they were let go over its edge (Ctrl+arrows nudge the same way). Dragging
someone from the "not placed yet" list into a ring places them; dragging a placed person back onto
that list takes them out again. A double-click in a ring, or "Add … here" from the context menu,
adds a person or service placed there; the context menu's Ring and Sector items place the selected
symbol without the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from ..graph import edits
from ..graph.document import CaseDocument
from ..graph.model import AnyNode, CirclePlacement, Person, Point, Ring, Sector, Service
from ..layout.circles import CirclesLayout, circles_layout, default_sector
from ..layout.circles_diagram import circles_diagram
from ..layout.diagram import Diagram
from .ecomap_view import NetworkScene, NetworkView
from .editor import CaseEditor
from .relationship_menu import Choices
from .words import word

VIEW = "circles"


class CirclesScene(NetworkScene):
    view_key = VIEW

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        self.network: CirclesLayout | None = None  # the layout last drawn: where the rings are
        super().__init__(editor, parent)

    def build(self, doc: CaseDocument) -> Diagram:
        layout = circles_layout(doc, fit_radius=None)  # on screen every detail has room
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

    def drop(self, places: dict[str, Point], merge_token: object = None) -> bool:
        wanted = self.placements_for(places)
        doc = self.editor.doc
        changed = {node_id: change for node_id, change in wanted.items()
                   if (doc.node(node_id).circle, doc.node(node_id).positions.get(VIEW)) != change}
        if not changed:
            return False
        return self.editor.push(edits.place_in_circles(doc, changed), merge_token)

    def add_at(self, point: Point, service: bool = False) -> None:
        """A person or service placed in the ring and sector under ``point``; elsewhere, not placed yet."""
        layout = self.network
        cell = layout.cell_at(point) if layout is not None else None
        placement = CirclePlacement(*cell) if cell is not None else None
        node: AnyNode = Service(name="New service", circle=placement) if service else Person(circle=placement)
        what = "service" if service else "person"
        label = f"Add {what} to the {placement.ring.value} circle" if placement else f"Add {what}"
        if self.editor.push(edits.add_node(node, label)):
            self.editor.select([node.id])
            self.editor.node_created.emit(node.id)

    def place(self, node_id: str, placement: CirclePlacement | None, label: str | None = None) -> bool:
        """Put a node in a ring and sector (None: take it out), letting the layout find its spot."""
        doc = self.editor.doc
        if doc.node(node_id).circle == placement:
            return False
        return self.editor.push(edits.place_in_circles(doc, {node_id: (placement, None)}, label))


class CirclesView(NetworkView):
    """Shows and edits the case as circles of support."""

    view_key = VIEW
    diagram_scene: CirclesScene

    def __init__(self, editor: CaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, CirclesScene(editor), parent)
        self.setObjectName("circles_view")
        self.setAccessibleName("Circles of support")

    def add_node_actions(self, menu: QMenu, node_id: str) -> None:
        """Ring and sector as menu items: placing someone by keyboard (the Menu key), or exactly."""
        scene = self.diagram_scene
        doc = self.editor.doc
        node = doc.node(node_id)
        if node_id in scene.pinned() or not isinstance(node, (Person, Service)):
            return
        placed = node.circle
        sector = placed.sector if placed else default_sector(doc, node, [p.id for p in doc.children_at_centre()])
        rings = Choices(menu.addMenu("&Ring"), "ring")
        for ring in (*Ring, None):
            action = rings.add(word(ring) if ring else "Not placed yet", ring.value if ring else "none",
                               (placed.ring if placed else None) is ring)
            action.triggered.connect(lambda _on=False, r=ring: scene.place(
                node_id, CirclePlacement(r, sector) if r else None))
        sectors = Choices(menu.addMenu("&Sector"), "sector")
        sectors.menu.setEnabled(placed is not None)  # a sector is a part of a ring: place them first
        for option in Sector:
            action = sectors.add(word(option), option.value, placed is not None and placed.sector is option)
            action.triggered.connect(lambda _on=False, s=option: scene.place(
                node_id, CirclePlacement(placed.ring, s), f"Move {node.label} to {word(s).lower()}"))

