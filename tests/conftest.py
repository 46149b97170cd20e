"""Test-wide set-up.

With CIRCLES_BLOCK_QT=1, PySide6 cannot be imported at all, as on a machine without it: the
second pass of scripts/test.sh runs the domain tests that way to prove they need no Qt.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from pathlib import Path

import pytest
from shared_data import GEDCOM_DIR


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname == "PySide6" or fullname.startswith(("PySide6.", "shiboken6")):
            raise ModuleNotFoundError(f"No module named {fullname!r} (blocked by CIRCLES_BLOCK_QT)")
        return None


if os.environ.get("CIRCLES_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _NoQt())


@pytest.fixture(scope="session")
def gedcom_dir() -> Path:
    """The shared public GEDCOM files (../shared/data/gedcom next to the checkout)."""
    path = GEDCOM_DIR
    if not path.is_dir():
        if os.environ.get("CI"):  # in CI the data must be there: a silent skip would hide every GEDCOM test
            pytest.fail(f"shared test data not found at {path}")
        pytest.skip(f"shared test data not found at {path}")
    return path
