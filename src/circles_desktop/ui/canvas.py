"""The canvas every diagram view shares: zoom, pan, level of detail and an overview.

Zoom with the wheel (a touchpad's two-finger scroll pans instead), Ctrl +/-, fit and actual size;
pan with the middle button, with Space and drag, or with the scroll bars. When symbols become too
small to draw properly the scene switches to its sketch layer, which keeps panning a zoomed-out
network of thousands of people smooth.

The overview sits over the canvas's bottom-right corner, as map programs put theirs, and only while
the drawing is bigger than the window. It never keeps anything out of reach: the canvas can then
scroll past the drawing's right and bottom edges by the overview's size, so the corner it covers
can always be brought clear of it; a symbol reached from the keyboard is scrolled clear of it too;
and it can be closed (its own button, or View > Overview), which the window remembers.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QToolButton, QWidget

from .diagram_scene import DiagramScene
from .scene_items import SELECTION, sketch_level

MIN_SCALE = 0.02  # relative to actual size
MAX_SCALE = 8.0
FIT_AT_MOST = 1.5  # a small family is not blown up to poster size
READABLE = 0.5  # a first view fitted smaller than OPENING_AT_LEAST opens at this zoom instead
OPENING_AT_LEAST = 0.2
PAPER = QColor("#ffffff")
DESK = QColor("#eef1f3")
OVERVIEW_MARGIN = 12  # pixels between the overview and the canvas's edges


class CanvasView(QGraphicsView):
    """A QGraphicsView on a :class:`DiagramScene` with the zoom and pan practitioners expect."""

    zoom_changed = Signal(float)

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.diagram_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(DESK)
        self._pan_from: QPoint | None = None
        self._space = False
        self._fitted = False  # fit the first drawing to the window
        self._room: QRectF | None = None  # the scroll area while the overview is shown
        self.overview = Overview(self)
        scene.laid_out.connect(self._on_laid_out)
        scene.editor.selection_changed.connect(self._describe_selection)

    def _describe_selection(self) -> None:
        """Symbols are not widgets, so tell screen readers in words what the arrows reached."""
        editor = self.diagram_scene.editor
        names = [n.label for n in editor.selected_nodes()]
        rels = len(editor.selected_relationships())
        words = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        if rels:
            words += (", " if words else "") + f"{rels} relationship{'s' if rels > 1 else ''}"
        self.setAccessibleDescription(f"Selected: {words}" if words else "Nothing selected")

    # ----- zoom ---------------------------------------------------------------------------------------

    @property
    def actual_size(self) -> float:
        """Screen pixels per point at 100%: a symbol is as big as on the printed page."""
        return self.logicalDpiX() / 72.0

    @property
    def scale_factor(self) -> float:
        """Screen pixels per point now (the painter's level of detail)."""
        return self.transform().m11()

    @property
    def zoom(self) -> float:
        """The zoom the practitioner sees: 1.0 is actual size."""
        return self.scale_factor / self.actual_size

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.zoom * factor)) * self.actual_size
        if abs(target - self.scale_factor) < 1e-9:
            return
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        step = target / self.scale_factor
        self.scale(step, step)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._after_zoom()

    def zoom_fit(self) -> None:
        diagram = self.diagram_scene.diagram
        if diagram is None:
            return
        b = diagram.bounds
        rect = QRectF(b.x0, b.y0, b.width, b.height)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > FIT_AT_MOST:
            self._set_zoom(FIT_AT_MOST)
            self.centerOn(rect.center())
        self._after_zoom()

    def zoom_actual(self) -> None:
        centre = self.mapToScene(self.viewport().rect().center())
        self._set_zoom(1.0)
        self.centerOn(centre)
        self._after_zoom()

    def _set_zoom(self, zoom: float) -> None:
        scale = zoom * self.actual_size
        self.setTransform(QTransform.fromScale(scale, scale))

    def _after_zoom(self) -> None:
        self.diagram_scene.set_sketching(sketch_level(self.scale_factor))
        self.overview.refresh()
        self.zoom_changed.emit(self.zoom)

    def _on_laid_out(self) -> None:
        self._fit_once()
        self.overview.refresh()

    def _fit_once(self) -> None:
        """Fit the first drawing to the window, once the view is on screen and has its real size."""
        if not self._fitted and self.isVisible() and self.diagram_scene.diagram is not None:
            self._fitted = True
            QTimer.singleShot(0, self._first_view)

    def _first_view(self) -> None:
        """The whole network if it can be seen that way; else a readable zoom on the child at the
        centre (the overview shows where that is in the whole)."""
        self.zoom_fit()
        if self.zoom >= OPENING_AT_LEAST:
            return
        self._set_zoom(READABLE)
        scene = self.diagram_scene
        centre = next((p.id for p in scene.editor.doc.children_at_centre() if p.id in scene.nodes), None)
        if centre is not None:
            self.centerOn(scene.nodes[centre])
        else:
            b = scene.diagram.bounds  # type: ignore[union-attr]
            self.centerOn((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
        self._after_zoom()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_once()

    def wheelEvent(self, event: QWheelEvent) -> None:
        touchpad = not event.pixelDelta().isNull()
        if touchpad and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)  # two-finger scroll pans
            return
        steps = event.angleDelta().y() / 120.0 if not touchpad else event.pixelDelta().y() / 60.0
        if steps:
            self.zoom_by(1.15 ** steps, anchor=event.position().toPoint())
        event.accept()

    # ----- pan --------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        panning = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space)
        if panning:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            delta = point - self._pan_from
            self._pan_from = point
            self.pan_by(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: int, dy: int) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self._space = False
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.overview.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overview.refresh()

    # ----- keeping clear of the overview --------------------------------------------------------------

    def make_room_for_overview(self) -> None:
        """Let the scroll bars reach past the drawing's right and bottom edges by the overview's
        size while it is shown, so the corner it covers can be scrolled clear of it."""
        diagram = self.diagram_scene.diagram
        if diagram is None or not self.overview.isVisible():
            if self._room is not None:
                self._room = None
                self.setSceneRect(QRectF())  # follow the scene's own rect again
            return
        b = diagram.bounds
        scale = max(self.scale_factor, 1e-6)
        reach_x = (self.overview.width() + 2 * OVERVIEW_MARGIN) / scale
        reach_y = (self.overview.height() + 2 * OVERVIEW_MARGIN) / scale
        room = QRectF(b.x0, b.y0, b.width + reach_x, b.height + reach_y)
        wanted = self.diagram_scene.sceneRect().united(room)
        if wanted != self._room:
            self._room = wanted
            self.setSceneRect(wanted)

    def covered_by_overview(self, scene_rect: QRectF) -> bool:
        """Whether the overview hides any of ``scene_rect`` now."""
        if not self.overview.isVisible():
            return False
        seen = self.mapFromScene(scene_rect).boundingRect().translated(self.viewport().pos())
        return seen.intersects(self.overview.geometry())

    def ensureVisible(self, *args: object) -> None:  # type: ignore[override]
        """As Qt's, and then clear of the overview: scroll by the shorter way that uncovers it."""
        super().ensureVisible(*args)  # type: ignore[arg-type]
        target = args[0]
        if isinstance(target, QGraphicsItem):
            rect = target.sceneBoundingRect()
        elif isinstance(target, QRectF):
            rect = target
        else:
            rect = QRectF(*args[:4])  # type: ignore[arg-type]
        if not self.covered_by_overview(rect):
            return
        seen = self.mapFromScene(rect).boundingRect().translated(self.viewport().pos())
        box = self.overview.geometry()
        right = seen.right() - box.left() + OVERVIEW_MARGIN  # scroll this far to bring it left of the box
        down = seen.bottom() - box.top() + OVERVIEW_MARGIN  # or this far to bring it above
        if right <= down:
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + math.ceil(right))
        else:
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + math.ceil(down))

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """The desk, with the page the drawing sits on."""
        painter.fillRect(rect, DESK)
        diagram = self.diagram_scene.diagram
        if diagram is not None and diagram.items:
            b = diagram.bounds
            painter.fillRect(QRectF(b.x0, b.y0, b.width, b.height), PAPER)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """A word in the middle of an empty canvas, so it never just looks broken."""
        text = self.placeholder()
        if not text:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#546e7a"))
        painter.drawText(QRectF(self.viewport().rect()).adjusted(40, 40, -40, -40),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
        painter.restore()

    def placeholder(self) -> str:
        scene = self.diagram_scene
        if scene.laying_out and scene.diagram is None:
            return f"Laying out {len(scene.editor.doc):,} people and services…"
        if scene.diagram is None:
            return "Not drawn yet. Press F5 to draw the network."
        if not scene.nodes:
            return "Nobody here yet. Press Insert, or double-click here, to add the first person."
        return ""


class Overview(QWidget):
    """A small map of the whole network in the canvas's corner, shown when it does not fit the window.

    It draws from the scene's sketch batches (one call for all symbols, one for all lines) into a
    cached picture, so it costs nothing while panning; click or drag in it to move the view there.
    Its paper is a little see-through, so a symbol passing under it is not simply gone.
    """

    SIZE = 180
    PAPER = QColor(255, 255, 255, 215)

    closed = Signal()  # the user closed it with its own button

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("overview")
        self.setAccessibleName("Overview of the whole network; click to move the view there")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.enabled_by_user = True
        self._picture: QPixmap | None = None
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._redraw)
        view.diagram_scene.changed.connect(lambda _rects: self._timer.start())
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("overview_close")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.close_button.setAccessibleName("Hide the overview")
        self.close_button.setToolTip("Hide the overview (View > Overview shows it again)")
        self.close_button.setFixedSize(18, 18)
        self.close_button.clicked.connect(self.closed.emit)
        self.hide()

    def set_enabled_by_user(self, on: bool) -> None:
        self.enabled_by_user = on
        self.refresh()

    def refresh(self) -> None:
        """Show or hide (only when the network is bigger than the window) and redraw soon."""
        diagram = self.view.diagram_scene.diagram
        bigger = False
        if diagram is not None and self.enabled_by_user:
            b = diagram.bounds
            visible = self.view.visible_scene_rect()
            bigger = b.width > visible.width() * 1.02 or b.height > visible.height() * 1.02
        self.setVisible(bigger)
        if bigger:
            self.place()
            self._timer.start()
        self.view.make_room_for_overview()

    def place(self) -> None:
        diagram = self.view.diagram_scene.diagram
        if diagram is None:
            return
        b = diagram.bounds
        viewport = self.view.viewport().geometry()
        size = max(60, min(self.SIZE, viewport.width() // 3, viewport.height() // 3))  # a small canvas, a small map
        ratio = b.width / max(b.height, 1.0)
        width = size if ratio >= 1 else max(40, int(size * ratio))
        height = size if ratio < 1 else max(34, int(size / ratio))
        self.resize(width + 8, height + 8)
        self.move(viewport.right() - self.width() - OVERVIEW_MARGIN, viewport.bottom() - self.height() - OVERVIEW_MARGIN)
        self.close_button.move(self.width() - self.close_button.width() - 1, 1)
        self.close_button.raise_()

    def _frame(self) -> tuple[QRectF, float, QPointF]:
        """The drawing's bounds, the scale from scene to overview and the offset."""
        b = self.view.diagram_scene.diagram.bounds  # type: ignore[union-attr]
        source = QRectF(b.x0, b.y0, b.width, b.height)
        inner = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        scale = min(inner.width() / max(source.width(), 1.0), inner.height() / max(source.height(), 1.0))
        offset = QPointF(inner.x() + (inner.width() - source.width() * scale) / 2 - source.x() * scale,
                         inner.y() + (inner.height() - source.height() * scale) / 2 - source.y() * scale)
        return source, scale, offset

    def _redraw(self) -> None:
        if not self.isVisible() or self.view.diagram_scene.diagram is None:
            return
        picture = QPixmap(self.size())
        picture.fill(self.PAPER)
        painter = QPainter(picture)
        _source, scale, offset = self._frame()
        painter.translate(offset)
        painter.scale(scale, scale)
        self.view.diagram_scene.sketch.paint_batches(painter)
        painter.end()
        self._picture = picture
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._picture is not None:
            painter.drawPixmap(0, 0, self._picture)
        painter.setPen(QPen(QColor("#90a4ae"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.view.diagram_scene.diagram is None:
            return
        _source, scale, offset = self._frame()
        seen = self.view.visible_scene_rect()
        frame = QRectF(seen.x() * scale + offset.x(), seen.y() * scale + offset.y(),
                       seen.width() * scale, seen.height() * scale)
        painter.setPen(QPen(SELECTION, 1.5))
        fill = QColor(SELECTION)
        fill.setAlpha(25)
        painter.setBrush(fill)
        painter.drawRect(frame.intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1)))

    def _centre_view_at(self, point: QPointF) -> None:
        _source, scale, offset = self._frame()
        self.view.centerOn(QPointF((point.x() - offset.x()) / scale, (point.y() - offset.y()) / scale))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._centre_view_at(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_view_at(event.position())
        event.accept()
