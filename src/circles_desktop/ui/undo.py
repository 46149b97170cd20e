"""The bridge from the domain's edits to Qt's undo stack.

A command does nothing but call the document: redo applies the edit, undo reverts it. The edit's
label is the command's text, so the Edit menu reads "Undo Add partner". An edit is applied *before*
it is pushed, so one the document refuses (a validation error, a database failure) never enters
the history: the practitioner sees why, and the stack stays true to the case.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..graph.document import CaseDocument
from ..graph.edits import Edit, StaleEditError
from ..graph.validation import ValidationError
from ..store.errors import StoreError

Report = Callable[[str], None]

# Failures that are the practitioner's to see, not bugs: the message is written for them. A store
# error (database gone, someone else changed the case) undoes the edit in the document too.
REFUSED = (ValidationError, StaleEditError, StoreError)


class EditCommand(QUndoCommand):
    """One edit in the undo history."""

    _MERGE_ID = 0x0C1C

    def __init__(self, doc: CaseDocument, edit: Edit, report: Report, merge_token: object = None) -> None:
        super().__init__(edit.label)
        self.doc = doc
        self.edit = edit
        self._report = report
        self._merge_token = merge_token
        self._applied = True  # pushed after a successful apply; the stack's first redo is a no-op

    def redo(self) -> None:
        if self._applied:
            return
        self._run(self.doc.apply)
        self._applied = True

    def undo(self) -> None:
        self._run(self.doc.revert)
        self._applied = False

    def _run(self, step: Callable[[Edit], None]) -> None:
        try:
            step(self.edit)
        except REFUSED as exc:
            # The case moved on under this step (another window, a team member): drop it from the
            # history rather than leave a step that can never be taken.
            self.setObsolete(True)
            self._report(f"Could not {'redo' if step == self.doc.apply else 'undo'} “{self.edit.label}”: {exc}")

    def id(self) -> int:
        return self._MERGE_ID if self._merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a later step of the same gesture (same token) into this one."""
        if not isinstance(other, EditCommand) or other._merge_token != self._merge_token or other.doc is not self.doc:
            return False
        merged = self.edit.merged_with(other.edit)
        if merged is None:
            return False
        self.edit = merged
        if merged.is_empty:
            self.setObsolete(True)  # the gesture ended where it began
        return True


def push_edit(stack: QUndoStack, doc: CaseDocument, edit: Edit, report: Report,
              merge_token: object = None) -> bool:
    """Apply ``edit`` and record it for undo; on refusal tell the practitioner and return False."""
    if edit.is_empty:
        return True
    try:
        doc.apply(edit)
    except REFUSED as exc:
        report(str(exc))
        return False
    stack.push(EditCommand(doc, edit, report, merge_token))
    return True
