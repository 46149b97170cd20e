"""The Linux tarball's desktop entry: valid, and registered with the path it was unpacked to."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """The files build_linux.sh puts beside the programs, in a folder whose name has a space."""
    folder = tmp_path / "my apps" / "circles"
    folder.mkdir(parents=True)
    for source in (INSTALLER / "circles.desktop", INSTALLER / "install-desktop-entry.sh",
                   ROOT / "resources" / "icons" / "circles.png"):
        shutil.copy(source, folder)
    return folder


def test_install_desktop_entry_points_the_menu_at_this_folder(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = subprocess.run(["sh", str(unpacked / "install-desktop-entry.sh")], capture_output=True, text=True,
                          env={"HOME": str(home), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    entry = (home / ".local/share/applications/circles.desktop").read_text(encoding="utf-8")
    assert f'Exec="{unpacked}/circles-desktop"' in entry.splitlines()
    assert "Icon=circles" in entry.splitlines()
    icon = home / ".local/share/icons/hicolor/256x256/apps/circles.png"
    assert icon.read_bytes() == (unpacked / "circles.png").read_bytes()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_entry_is_valid() -> None:
    done = subprocess.run(["desktop-file-validate", str(INSTALLER / "circles.desktop")], capture_output=True,
                          text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
