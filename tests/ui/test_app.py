"""The composition root, run as the `circles-desktop` program is: a new process on a new library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from circles_desktop.demo_cases import ZAIN
from circles_desktop.store.library import Library


def _run(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "circles_desktop.app", "--db", str(tmp_path / "library.db"),
               "--settings", str(tmp_path / "settings.ini"), "--quit-after-paint", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.mark.slow  # two whole application runs
def test_first_run_adds_the_demo_cases_and_shows_the_zain_family(tmp_path: Path) -> None:
    done = _run(tmp_path, "--snapshot", str(tmp_path / "first.png"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first-paint ")
    with Library.open(str(tmp_path / "library.db")) as library:
        cases = {c.name: c.id for c in library.list_cases()}
    assert ZAIN in cases and len(cases) == 4
    assert cases[ZAIN] in (tmp_path / "settings.ini").read_text()  # remembered as the recent case
    assert (tmp_path / "first.png").stat().st_size > 10_000
    again = _run(tmp_path, "--open", "Sayah")
    assert again.returncode == 0, again.stderr
    with Library.open(str(tmp_path / "library.db")) as library:
        assert len(library.list_cases()) == 4  # not added twice


def test_an_unknown_case_on_the_command_line_is_reported(tmp_path: Path) -> None:
    done = _run(tmp_path, "--open", "No such family")
    assert done.returncode == 0
    assert "no case matches 'No such family'" in done.stderr
