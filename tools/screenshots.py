"""Launch Circles under Xvfb with each demo case and save screenshots to out/screenshots/.

    python tools/screenshots.py [--out DIR] [--size 1440x900]
    python tools/screenshots.py --meeting [--out DIR]   # only the Meeting tab, offscreen, no Xvfb

The real application (``circles_desktop.app.start``: settings, library, first run, main window) runs
on a virtual X server with a throw-away library and settings, so the pictures show what a
practitioner sees on first start. Look at them: layout, fonts, clipped text, spacing, icons.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)  # already under Xvfb
    parser.add_argument("--meeting", action="store_true",
                        help="only each page of the Zain family's Meeting tab, drawn offscreen (no Xvfb needed)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    size = tuple(int(v) for v in args.size.split("x"))
    if args.meeting:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return _shoot(Path(args.out), size, only_meeting=True)  # type: ignore[arg-type]
    if not args.inside:
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print("screenshots: xvfb-run not found (apt-get install xvfb)", file=sys.stderr)
            return 2
        width, height = args.size.split("x")
        command = [xvfb, "-a", "-s", f"-screen 0 {int(width) + 80}x{int(height) + 80}x24",
                   sys.executable, __file__, "--inside", "--out", args.out, "--size", args.size]
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        return subprocess.run(command, env=env, check=False).returncode
    return _shoot(Path(args.out), size)  # type: ignore[arg-type]


def _settle(app, seconds: float = 0.4) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _save(app, window, path: Path) -> None:  # type: ignore[no-untyped-def]
    _settle(app)
    screen = window.screen()
    picture = screen.grabWindow(0, window.x(), window.y(), window.frameGeometry().width(),
                                window.frameGeometry().height())
    picture.save(str(path))
    print(f"wrote {path}")


def _meeting(app, window, out: Path, offscreen: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Each page of the Zain family's Meeting tab, scrolled down a screen at a time where it is long."""
    from circles_desktop.demo_cases import ZAIN

    cases = {c.name: c.id for c in window.library.list_cases()}
    window.open_case(cases[ZAIN])
    _settle(app, 0.8)
    window.editor.select([])  # the panel shows the case, as when a coordinator comes to the tab
    window.frame.show_view("meeting")
    tab = window.frame.current_view()
    for index in range(tab.pages.count()):
        tab.pages.setCurrentIndex(index)
        page = tab.pages.widget(index)
        bar, screen = page.verticalScrollBar(), 0
        while True:
            bar.setValue(screen * (page.viewport().height() - 40))
            path = out / f"zain-meeting-{index + 1}{'' if not screen else f'-{screen + 1}'}.png"
            if offscreen:  # no screen to grab from: the window draws itself
                _settle(app)
                window.grab().save(str(path))
                print(f"wrote {path}")
            else:
                _save(app, window, path)
            if bar.value() >= bar.maximum():
                break
            screen += 1
    tab.pages.setCurrentIndex(0)
    window.frame.setCurrentIndex(0)


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def _extras(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The states a practitioner meets besides a freshly opened case."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from circles_desktop.demo_cases import BLENDED, ZAIN
    from circles_desktop.graph.model import Partnership
    from circles_desktop.layout.sample_families import random_tree

    cases = {c.name: c.id for c in window.library.list_cases()}
    window.open_case(cases[BLENDED])
    _settle(app, 1.5)
    view = window.frame.current_view()
    view.zoom_by(2.5)
    _save(app, window, out / "blended-zoomed-in-with-overview.png")

    window.open_case(cases[ZAIN])
    _settle(app, 0.8)
    doc = window.editor.doc
    couple = next(r for r in doc.relationships() if isinstance(r, Partnership))
    window.editor.select([couple.id])
    _save(app, window, out / "zain-relationship-properties.png")
    people = [p.id for p in doc.people()][:2]
    window.editor.select(people)
    QTimer.singleShot(600, lambda: (_save(app, window, out / "zain-relationship-menu.png"),
                                    QApplication.activePopupWidget() and QApplication.activePopupWidget().close()))
    window.actions["relate"].trigger()
    for index in (1, 2):
        window.frame.setCurrentIndex(index)
        _settle(app, 1.0)
        _save(app, window, out / f"zain-{window.frame.kinds[index].key}.png")
    window.frame.setCurrentIndex(0)
    _meeting(app, window, out)

    big = random_tree(3000, seed=5)
    window.open_case(window.library.add_document(big))
    _settle(app, 15.0)
    _save(app, window, out / "random-tree-3000-zoomed-out.png")


def _shoot(out: Path, size: tuple[int, int], only_meeting: bool = False) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from circles_desktop.app import start
    from circles_desktop.graph.model import Role

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        running = start(["circles-desktop", "--db", str(Path(tmp) / "library.db"),
                         "--settings", str(Path(tmp) / "settings.ini")])
        if isinstance(running, int):
            return running
        app, window = running.app, running.window
        window.resize(*size)
        window.move(0, 0)
        window.show()
        _settle(app, 1.0)
        if only_meeting:
            _meeting(app, window, out, offscreen=True)
            window.close_case()
            window.close()
            window.library.close()
            return 0
        for case in window.library.list_cases():
            window.open_case(case.id)
            _settle(app, 2.0 if case.people > 30 else 0.8)
            slug = _slug(case.name)
            window.editor.select([])
            _save(app, window, out / f"{slug}.png")
            child = next((p for p in window.editor.doc.people() if Role.CHILD in p.roles), None)
            if child is not None:
                window.editor.select([child.id])
                _save(app, window, out / f"{slug}-child-selected.png")
        _extras(app, window, out)
        window.close_case()
        _save(app, window, out / "no-case-open.png")
        window.close()
        window.library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
