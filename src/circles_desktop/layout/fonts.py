"""Which font files the drawings use: the shipped Noto Sans, or a system font when it is missing.

The PDF back end writes text through reports.fonts (the same shipped files, one face per script);
the Qt back end registers these files with QFontDatabase, so the screen and the PNG measure and draw
text with the same font as the printout.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..runtime import fonts_dir

FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
_SYSTEM_FALLBACKS = {
    False: ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "C:/Windows/Fonts/arial.ttf", "/Library/Fonts/Arial.ttf"),
    True: ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
           "C:/Windows/Fonts/arialbd.ttf", "/Library/Fonts/Arial Bold.ttf"),
}


@cache
def font_file(bold: bool = False) -> Path:
    """The TrueType file of the drawing font; raises FileNotFoundError naming where it looked."""
    shipped = fonts_dir() / FILES[bold]
    if shipped.is_file():
        return shipped
    for candidate in _SYSTEM_FALLBACKS[bold]:
        if Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError(f"no drawing font found: {shipped} is missing and no system font could stand in")


def shipped_fonts() -> list[Path]:
    """Every font file Circles ships (the other scripts' faces too), for a renderer to register."""
    folder = fonts_dir()
    return sorted(folder.glob("*.ttf")) if folder.is_dir() else []
