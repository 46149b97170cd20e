"""Broken copies of a good file, drawn by hypothesis: every reader must refuse them cleanly."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


def truncated(good: bytes, data: Any) -> bytes:
    """The file cut short at any point before its last meaningful byte."""
    return good[:data.draw(st.integers(0, len(good.rstrip()) - 1))]


def damaged(good: bytes, data: Any) -> bytes:
    """The file with one to four bytes overwritten at random places."""
    broken = bytearray(good)
    for _ in range(data.draw(st.integers(1, 4))):
        broken[data.draw(st.integers(0, len(broken) - 1))] = data.draw(st.integers(0, 255))
    return bytes(broken)
