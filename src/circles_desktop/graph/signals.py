"""The domain's one signal mechanism: a tiny observer with no dependency on Qt.

Listeners are plain callables. They are called in the order they connected, and an exception in one
listener propagates: a view that fails to update is a bug to see, not to hide.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Signal(Generic[P]):
    """A named event that any number of listeners can follow."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._listeners: list[Callable[P, object]] = []

    def connect(self, listener: Callable[P, object]) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Callable[P, object]) -> None:
        self._listeners.remove(listener)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for listener in list(self._listeners):
            listener(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Signal {self.name} ({len(self._listeners)} listeners)>"
