"""Helpers for the GEDCOM tests: small files written on the spot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def ged(tmp_path: Path) -> Callable[..., Path]:
    """Write GEDCOM text to a file and return its path."""

    def write(text: str, name: str = "test.ged", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
