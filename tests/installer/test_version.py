"""The version lives in one place, pyproject.toml; the command and the About dialog read it from
the package metadata through ``circles_desktop.__version__``."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import circles_desktop

ROOT = Path(__file__).resolve().parents[2]
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_package_reports_the_pyproject_version() -> None:
    """Fails when the installed metadata is stale: reinstall (pip install -e .) after a version bump."""
    assert circles_desktop.__version__ == PROJECT_VERSION


def test_circles_version_prints_it() -> None:
    done = subprocess.run([sys.executable, "-m", "circles_desktop.cli", "--version"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"circles {PROJECT_VERSION}"


def test_no_module_writes_the_version_out_by_hand() -> None:
    written = [p for p in (ROOT / "src" / "circles_desktop").rglob("*.py")
               if f'"{PROJECT_VERSION}"' in p.read_text(encoding="utf-8")
               or f"'{PROJECT_VERSION}'" in p.read_text(encoding="utf-8")]
    assert written == []
