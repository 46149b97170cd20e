"""Benchmark the desktop editor: start-up, dragging, panning (issue 4, item 9).

    python bench/bench_ui.py [--quick]

Three measurements, each printed next to a reference measured in the same run:

1. Cold start: a new process runs ``circles-desktop`` (the real ``app.main``) on a library holding
   the demo cases and opens the Zain family; timed from launching the process to the moment the
   genogram has been painted (the process then exits; that is not timed).
   Reference: a process that only imports PySide6, shows an empty QMainWindow and exits after its
   first paint (the floor set by Python and Qt). Goal: <= 1 s.
2. Drag: a person in a 1,000-person genogram (sample_families.random_tree) at actual size is dragged
   with real mouse-move events; one frame is one move event plus the repaint it causes. Reference:
   what a naive editor would do per frame, redraw the whole genogram from the document
   (``genogram_layout`` from its cache plus ``genogram_diagram``). Goal: median <= 16 ms.
3. Pan: a 5,000-person genogram zoomed out to fit the window is panned; one frame is a scroll step
   plus a full repaint of the viewport (the worst case: nothing reused from the last frame).
   Reference: the same frames with level-of-detail painting switched off (every item paints itself,
   as in a naive scene). Goal: median <= 16 ms.

Runs on the offscreen Qt platform (software raster, as on a machine without a GPU).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GOAL_START = 1.0
GOAL_FRAME = 0.016

_BARE_QT = """
import sys, time
t = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
print(f"first-paint {time.perf_counter() - t:.3f}")
"""


def _run_timed(command: list[str]) -> float:
    """Seconds from launching the process to its report of the first paint (the exit is not timed)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert process.stdout is not None
    painted = None
    for line in process.stdout:
        if line.startswith("first-paint"):
            painted = time.perf_counter() - start
    if process.wait() != 0 or painted is None:
        raise RuntimeError(f"{command[:3]} did not report a first paint (exit status {process.returncode})")
    return painted


def bench_start(repeats: int) -> dict[str, float]:
    from circles_desktop.demo_cases import demo_cases
    from circles_desktop.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.db"
        with Library.open(str(db)) as library:
            for doc in demo_cases():
                library.add_document(doc)
        app = [sys.executable, "-m", "circles_desktop.app", "--db", str(db), "--settings", str(Path(tmp) / "s.ini"),
               "--open", "Zain family", "--quit-after-paint"]
        bare = [sys.executable, "-c", _BARE_QT]
        _run_timed(app)  # warm the file cache: "cold" is a new process, not a new disk
        apps, bares = [], []
        for _ in range(repeats):
            apps.append(_run_timed(app))
            bares.append(_run_timed(bare))
    return {"app": statistics.median(apps), "bare": statistics.median(bares)}


def _frames(step: Callable[[int], None], count: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    times = []
    for i in range(count):
        start = time.perf_counter()
        step(i)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return times


def _window_on(doc):  # type: ignore[no-untyped-def]
    """A genogram view of ``doc`` in a shown 1280 x 800 window, laid out."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from circles_desktop.ui.editor import CaseEditor
    from circles_desktop.ui.genogram_view import GenogramView

    editor = CaseEditor(doc)
    window = QMainWindow()
    window.resize(1280, 800)
    view = GenogramView(editor, window)
    window.setCentralWidget(view)
    window.show()
    deadline = time.perf_counter() + 600
    while view.diagram_scene.diagram is None and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()
    return window, view, editor


def bench_drag(frames: int) -> dict[str, float]:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from circles_desktop.layout.genogram import genogram_layout
    from circles_desktop.layout.genogram_diagram import genogram_diagram
    from circles_desktop.layout.sample_families import random_tree

    doc = random_tree(1000, seed=7)
    window, view, editor = _window_on(doc)
    view.zoom_actual()
    scene = view.diagram_scene
    # A person with lines on every side: the most line stretching per frame.
    busiest = max(scene.nodes, key=lambda k: len(doc.relationships_of(k)))
    view.centerOn(scene.nodes[busiest])
    QApplication.processEvents()
    viewport = view.viewport()
    start = view.mapFromScene(QPointF(*scene.nodes[busiest].centre))

    def send(kind: QMouseEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
        point = QPointF(at)
        button = Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton
        QApplication.sendEvent(viewport, QMouseEvent(kind, point, viewport.mapToGlobal(point), button, buttons,
                                                     Qt.KeyboardModifier.NoModifier))

    send(QMouseEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)

    def move(i: int) -> None:
        send(QMouseEvent.Type.MouseMove, start + QPoint(3 * (i % 40) + 5, 2 * (i % 25)), Qt.MouseButton.LeftButton)

    drag = _frames(move, frames)
    send(QMouseEvent.Type.MouseButtonRelease, start + QPoint(20, 10), Qt.MouseButton.NoButton)
    assert editor.undo_stack.count() == 1, "the drag should be one undo step"
    full = []
    for _ in range(max(5, frames // 20)):
        t = time.perf_counter()
        genogram_diagram(doc, genogram_layout(doc))
        full.append(time.perf_counter() - t)
    scene.close()
    window.close()
    return {"drag": statistics.median(drag), "drag_p90": _p90(drag), "full": statistics.median(full),
            "items": len(scene.items())}


def bench_pan(people: int, frames: int) -> dict[str, float]:
    from circles_desktop.layout.sample_families import random_tree

    doc = random_tree(people, seed=11)
    start = time.perf_counter()
    window, view, _editor = _window_on(doc)
    laid_out = time.perf_counter() - start
    view.zoom_fit()
    scene = view.diagram_scene
    sketching = scene.sketching

    def pan(i: int) -> None:
        view.pan_by(6 if (i // 10) % 2 == 0 else -6, 3 if (i // 10) % 2 == 0 else -3)
        view.viewport().repaint()

    lod = _frames(pan, frames)
    scene.set_sketching(False)  # the reference: every item paints itself
    naive = _frames(pan, max(10, frames // 4))
    scene.close()
    window.close()
    return {"lod": statistics.median(lod), "lod_p90": _p90(lod), "naive": statistics.median(naive),
            "zoom": view.zoom, "sketching": float(sketching), "layout": laid_out, "nodes": float(len(scene.nodes))}


def _p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the desktop editor.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats and a smaller pan case")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Circles bench")

    start = bench_start(3 if args.quick else 7)
    drag = bench_drag(60 if args.quick else 200)
    pan_people = 2000 if args.quick else 5000
    pan = bench_pan(pan_people, 40 if args.quick else 120)

    def verdict(value: float, goal: float) -> str:
        return "yes" if value <= goal else "**no**"

    print(f"Circles desktop benchmark ({'quick' if args.quick else 'full'}), Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, Qt platform {os.environ['QT_QPA_PLATFORM']}\n")
    print("| measurement | Circles | reference (same run) | goal | met |")
    print("|---|---|---|---|---|")
    print(f"| cold start: process launch to the painted Zain genogram (median) | {start['app']:.2f} s "
          f"| bare PySide6 window: {start['bare']:.2f} s | <= {GOAL_START:.0f} s | {verdict(start['app'], GOAL_START)} |")
    print(f"| drag a person, 1,000-person genogram, median frame ({drag['items']} items) | {_ms(drag['drag'])} "
          f"(p90 {_ms(drag['drag_p90'])}) | full redraw from the document: {_ms(drag['full'])} | "
          f"<= 16 ms | {verdict(drag['drag'], GOAL_FRAME)} |")
    print(f"| pan a {pan_people:,}-person genogram zoomed to fit ({pan['zoom'] * 100:.0f}%), median frame with a "
          f"full repaint | {_ms(pan['lod'])} (p90 {_ms(pan['lod_p90'])}) | no level of detail: {_ms(pan['naive'])} "
          f"| <= 16 ms | {verdict(pan['lod'], GOAL_FRAME)} |")
    print(f"\n({pan_people:,}-person genogram laid out and shown in {pan['layout']:.1f} s, in the background; "
          f"sketch level at fit: {'yes' if pan['sketching'] else 'no'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
