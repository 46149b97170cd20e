"""What the desktop remembers between runs, kept in QSettings under typed names.

One small class, so the keys and their types live in one place and tests can point it at a
throw-away INI file instead of the user's real settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Circles"
APPLICATION = "Circles Desktop"
MAX_RECENT = 8


class Settings:
    """Window state, recent cases, the library database and view choices, as QSettings values."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    # ----- the library database ----------------------------------------------------------------

    @property
    def database_url(self) -> str | None:
        value = self.store.value("library/url", "")
        return str(value) or None

    @database_url.setter
    def database_url(self, url: str | None) -> None:
        self.store.setValue("library/url", url or "")

    # ----- recent cases, most recent first -----------------------------------------------------

    def recent_cases(self) -> list[str]:
        value = self.store.value("recent/cases", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or [] if v]

    def remember_case(self, case_id: str) -> None:
        recent = [case_id, *(c for c in self.recent_cases() if c != case_id)][:MAX_RECENT]
        self.store.setValue("recent/cases", recent)

    def forget_case(self, case_id: str) -> None:
        self.store.setValue("recent/cases", [c for c in self.recent_cases() if c != case_id])

    # ----- what the canvas shows -----------------------------------------------------------------

    @property
    def overview_shown(self) -> bool:
        """Whether the canvas shows its overview when the network is bigger than the window."""
        return bool(self.store.value("view/overview", True, type=bool))

    @overview_shown.setter
    def overview_shown(self, on: bool) -> None:
        self.store.setValue("view/overview", bool(on))

    # ----- window geometry and dock layout ------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def sync(self) -> None:
        self.store.sync()
