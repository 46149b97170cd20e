"""Running Graphviz ``dot``: finding it, calling it safely, reading its JSON, remembering results.

``dot`` runs as a subprocess with an argument list (never a shell string) and a time limit. The
bundled copy of an installed app is preferred over whatever is on PATH, so every machine draws the
same. Results are cached by the DOT text: the editor asks for the same layout again and again while a
practitioner only moves things by hand.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from .. import runtime
from .diagram import Bounds, Point

DOT_ENV = "CIRCLES_DOT"
DEFAULT_TIMEOUT = 120.0
CACHE_SIZE = 16

_INSTALL_HINT = (
    "install Graphviz (Windows: winget install Graphviz.Graphviz, or the installer from graphviz.org; "
    "macOS: brew install graphviz; Debian/Ubuntu: sudo apt install graphviz) or set CIRCLES_DOT to "
    "the full path of the dot program"
)


class GraphvizError(RuntimeError):
    """Graphviz could not lay out a drawing; the message says why."""


class GraphvizNotFound(GraphvizError):
    """No Graphviz ``dot`` program was found."""


class GraphvizTimeout(GraphvizError):
    """``dot`` took longer than the time limit."""


def find_dot() -> Path:
    """The ``dot`` program to run: $CIRCLES_DOT, then one bundled with the app, then PATH."""
    configured = os.environ.get(DOT_ENV, "").strip()
    if configured:
        path = Path(configured)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise GraphvizNotFound(f"{DOT_ENV} is set to {configured}, which is not a program that can be run; "
                               f"{_INSTALL_HINT}")
    bundled = runtime.bundled_dot()
    if bundled is not None and bundled.is_file() and os.access(bundled, os.X_OK):
        return bundled
    found = shutil.which("dot")
    if found:
        return Path(found)
    raise GraphvizNotFound(f"Graphviz (the dot program) was not found; {_INSTALL_HINT}")


class DotLayout:
    """What Circles needs from dot's answer: node centres (points, y downwards) and the bounding box."""

    __slots__ = ("positions", "bounds")

    def __init__(self, positions: Mapping[str, Point], bounds: Bounds) -> None:
        self.positions: Mapping[str, Point] = MappingProxyType(dict(positions))
        self.bounds = bounds


def run_dot(dot_text: str, *, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """Run ``dot -Tjson`` on ``dot_text`` and return the parsed JSON."""
    program = find_dot()
    env = None
    if program == runtime.bundled_dot():  # the bundle's dot must load the bundle's plugins
        env = {**os.environ, **runtime.graphviz_environment()}
    try:
        done = subprocess.run(
            [str(program), "-Tjson"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise GraphvizTimeout(f"Graphviz took longer than {timeout:g} s to lay out this drawing; "
                              "show fewer generations around the child (focus mode)") from None
    except OSError as exc:
        raise GraphvizNotFound(f"could not run {program}: {exc.strerror or exc}; {_INSTALL_HINT}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GraphvizError(f"Graphviz failed (exit {done.returncode}): {message[-1] if message else 'no message'}")
    try:
        return json.loads(done.stdout)
    except ValueError as exc:
        raise GraphvizError(f"Graphviz returned output that is not JSON: {exc}") from None


def parse_layout(answer: dict) -> DotLayout:
    """Node centres from dot's JSON, turned to points with y growing downwards."""
    try:
        x0, y0, x1, y1 = (float(v) for v in answer["bb"].split(","))
        positions: dict[str, Point] = {}
        for obj in answer.get("objects", ()):
            pos = obj.get("pos")
            if pos is None or "nodes" in obj:  # subgraphs and clusters have no position of their own
                continue
            x, y = pos.split(",")
            positions[obj["name"]] = (float(x) - x0, y1 - float(y))
    except (KeyError, ValueError, AttributeError) as exc:
        raise GraphvizError(f"Graphviz's JSON lacks the expected layout ({exc!r})") from None
    return DotLayout(positions, Bounds(0.0, 0.0, x1 - x0, y1 - y0))


class _Cache:
    """A small thread-safe LRU of layouts keyed by the DOT text that produced them."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, DotLayout] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> DotLayout | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, value: DotLayout) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_cache = _Cache(CACHE_SIZE)


def layout_dot(dot_text: str, *, timeout: float = DEFAULT_TIMEOUT) -> DotLayout:
    """The layout of ``dot_text``, from the cache when the same text was laid out before."""
    found = _cache.get(dot_text)
    if found is None:
        found = parse_layout(run_dot(dot_text, timeout=timeout))
        _cache.put(dot_text, found)
    return found


def clear_cache() -> None:
    """Forget cached layouts (benchmarks measure the real work with this)."""
    _cache.clear()
