"""Where the drawing fonts are: the Noto files shipped in resources/fonts, or a system fallback.

The PDF back end registers these files with ReportLab and the Qt back end with QFontDatabase, so
every output measures and draws text with the same font as the screen.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
_SYSTEM_FALLBACKS = {
    False: ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "C:/Windows/Fonts/arial.ttf", "/Library/Fonts/Arial.ttf"),
    True: ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
           "C:/Windows/Fonts/arialbd.ttf", "/Library/Fonts/Arial Bold.ttf"),
}


def resource_dirs() -> list[Path]:
    """Places a resources/ folder may be: $CIRCLES_RESOURCES, a frozen app's bundle, the source tree."""
    places = []
    if os.environ.get("CIRCLES_RESOURCES"):
        places.append(Path(os.environ["CIRCLES_RESOURCES"]))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.append(Path(bundle) / "resources")
    here = Path(__file__).resolve()
    places += [here.parents[3] / "resources", here.parents[1] / "resources"]
    return places


@cache
def font_file(bold: bool = False) -> Path:
    """The TrueType file for the drawing font; raises FileNotFoundError naming where it looked."""
    looked = []
    for folder in resource_dirs():
        path = folder / "fonts" / FILES[bold]
        if path.is_file():
            return path
        looked.append(str(path))
    for candidate in _SYSTEM_FALLBACKS[bold]:
        if Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError(f"no drawing font found; looked for {', '.join(looked)} and the system fonts")
