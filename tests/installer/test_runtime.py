"""runtime.py finds resources and the bundled Graphviz both in a source checkout and in a bundle.

A PyInstaller bundle announces itself through ``sys._MEIPASS``; setting it on a temporary folder laid
out like dist/circles/_internal is the bundle as far as the code can tell.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from circles_desktop import runtime

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty bundle folder that the running program believes it was unpacked into."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return tmp_path


def test_from_the_source_tree_resources_are_the_repository_folder() -> None:
    assert runtime.bundle_dir() is None
    assert runtime.resource_path("icons", "circles.svg") == ROOT / "resources" / "icons" / "circles.svg"
    assert runtime.resource_path("icons", "circles.svg").is_file()
    assert runtime.fonts_dir() == ROOT / "resources" / "fonts"
    assert runtime.translations_dir() == ROOT / "resources" / "translations"


def test_from_the_source_tree_there_is_no_bundled_dot() -> None:
    assert runtime.bundled_dot() is None
    assert runtime.graphviz_environment() == {}


def test_in_a_bundle_resources_are_inside_it(bundle: Path) -> None:
    assert runtime.bundle_dir() == bundle
    assert runtime.resource_path("fonts", "NotoSans-Regular.ttf") == bundle / "resources" / "fonts" / "NotoSans-Regular.ttf"
    assert runtime.fonts_dir() == bundle / "resources" / "fonts"
    assert runtime.translations_dir() == bundle / "resources" / "translations"


def test_a_bundle_without_graphviz_has_no_bundled_dot(bundle: Path) -> None:
    """Then the layout falls back to CIRCLES_DOT or PATH; no environment is forced on it."""
    (bundle / "graphviz" / "bin").mkdir(parents=True)  # the folder alone is not a dot
    assert runtime.bundled_dot() is None
    assert runtime.graphviz_environment() == {}


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux and macOS layout")
def test_a_bundled_dot_comes_with_its_plugin_folder(bundle: Path) -> None:
    dot = bundle / "graphviz" / "bin" / "dot"
    dot.parent.mkdir(parents=True)
    dot.write_bytes(b"")
    assert runtime.bundled_dot() == dot
    assert runtime.graphviz_environment() == {"GVBINDIR": str(bundle / "graphviz" / "lib" / "graphviz")}


def test_runtime_imports_no_qt() -> None:
    """The Qt-free domain (layout/, reports/) calls runtime, so runtime must not bring Qt in."""
    code = "import sys, circles_desktop.runtime; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_icon_exists_as_svg_and_png() -> None:
    png = runtime.resource_path("icons", "circles.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == int.from_bytes(png[20:24], "big") == 256
    svg = ElementTree.parse(runtime.resource_path("icons", "circles.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 256 256"


@pytest.mark.slow
def test_an_installed_wheel_carries_the_resources(tmp_path: Path) -> None:
    """A wheel built from the checkout, installed in a fresh environment, finds its fonts and icons."""
    wheels, env = tmp_path / "wheels", tmp_path / "env"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                   check=True, timeout=300)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    (wheel,) = wheels.glob("circles_desktop-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    str(wheel)], check=True, timeout=300)
    found = subprocess.run(
        [str(python), "-c", "from circles_desktop import runtime; print(runtime.fonts_dir());"
         "print(runtime.resource_path('icons', 'circles.png'))"],
        check=True, capture_output=True, text=True, cwd=tmp_path).stdout.split()
    fonts, icon = Path(found[0]), Path(found[1])
    assert fonts.is_relative_to(env) and (fonts / "NotoSans-Regular.ttf").is_file()
    assert (fonts / "OFL.txt").is_file()
    assert icon.is_file()
