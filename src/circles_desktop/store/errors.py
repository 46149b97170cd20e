"""What can go wrong in the store, as exceptions the command line prints as one line."""

from __future__ import annotations


class StoreError(Exception):
    """The database or case file cannot be used: a bad URL, an unreadable file, not a Circles database."""


class CaseNotFound(LookupError):
    """A case reference (an id or a name) that matches no case, or more than one."""


class ConflictError(StoreError):
    """Someone else changed or deleted what this edit expected to find; nothing of the edit was saved."""
