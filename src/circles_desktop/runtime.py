"""Where Circles finds its own files at run time: in a source checkout, a wheel install or the bundle.

The PyInstaller bundle unpacks everything under ``sys._MEIPASS`` (``resources/``, ``graphviz/``);
a source checkout keeps ``resources/`` at the top of the repository; a wheel installs it as data
files under ``<prefix>/share/circles-desktop`` (see pyproject.toml). Every module asks here rather
than building paths from ``__file__``, so the layouts stay in one place. Qt-free, so the domain
(layout/, reports/) may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]  # src/circles_desktop/runtime.py -> the repository


def bundle_dir() -> Path | None:
    """The unpacked bundle's folder when running from the installer's build, else None."""
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else None


def resources_root() -> Path:
    """The ``resources/`` folder: the bundle's, else the checkout's, else the installed wheel's."""
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "resources"
    checkout = _CHECKOUT / "resources"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "circles-desktop" / "resources"


def resource_path(*parts: str) -> Path:
    """A path under ``resources/`` (icons, fonts, style sheets, translations); it may not exist."""
    return resources_root().joinpath(*parts)


def fonts_dir() -> Path:
    """The fonts Circles ships (Noto families and their licence), for Qt and ReportLab."""
    return resource_path("fonts")


def translations_dir() -> Path:
    """Circles' own ``.qm`` translation files."""
    return resource_path("translations")


def bundled_dot() -> Path | None:
    """The Graphviz ``dot`` inside the bundle, or None (then use ``CIRCLES_DOT`` or PATH).

    Run it with ``graphviz_environment()`` added to the environment, so it loads the bundle's
    plugins and ``config6`` rather than any Graphviz installed on the machine.
    """
    bundle = bundle_dir()
    if bundle is None:
        return None
    dot = bundle / "graphviz" / "bin" / ("dot.exe" if sys.platform == "win32" else "dot")
    return dot if dot.is_file() else None


def graphviz_environment() -> dict[str, str]:
    """Variables to add to the environment of a bundled ``dot``: GVBINDIR names its plugin folder."""
    dot = bundled_dot()
    if dot is None:
        return {}
    # Graphviz keeps its plugins and config6 next to its libraries: lib/graphviz on Linux and
    # macOS, bin/ itself on Windows (as the official Windows installer lays them out).
    plugins = dot.parent if sys.platform == "win32" else dot.parents[1] / "lib" / "graphviz"
    return {"GVBINDIR": str(plugins)}
