"""Save, revert and undo for a page of fields that edits one row (the Overview tab, the curriculum page).

Why one place: each page reads its widgets into a dict, saves only what changed through
the core, shows a refusal next to its field and pushes one undoable step. The step keeps
the id of the row it edited: undone after the user moved to another seminar, it changes
the seminar it was made on, never the one now on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from ..core.errors import LearningHubError
from .field_errors import clear_field_errors, show_field_error
from .undo import EditCommand

#: Applies ``values`` to the row if it is still at ``expected_version``; returns the new version.
Apply = Callable[[int, dict[str, Any]], int]


class FieldPage:
    """Mixin: the page supplies ``read``, ``show_values``, ``apply_to`` and ``edit_name``."""

    undo_stack: QUndoStack
    loaded: dict[str, Any]
    fields: dict[str, QWidget]
    error_label: QLabel
    row_id: int

    def read(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_values(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def apply_to(self, row_id: int) -> Apply:
        """A function that edits row ``row_id`` (whatever the page shows when it runs)."""
        raise NotImplementedError

    def edit_name(self) -> str:
        """How the undo step is named ("edit of “Park City Project”")."""
        raise NotImplementedError

    def saved(self) -> None:
        """After a save, an undo or a redo: the window shows the stored values again."""

    def save(self) -> bool:
        """Apply the changed fields through the core; False (and the refusal shown next to its field) if refused."""
        changes = {k: v for k, v in self.read().items() if v != self.loaded.get(k)}
        if not changes:
            return True
        before = {k: self.loaded[k] for k in changes}
        apply = self.apply_to(self.row_id)
        try:
            version = apply(self.loaded["version"], changes)
        except LearningHubError as exc:
            self.show_error(exc)
            return False
        self.undo_stack.push(EditCommand(self.edit_name(), apply, before, changes, version, self.saved,
                                         self.show_error))
        self.saved()
        return True

    def revert(self) -> None:
        self.show_values(self.loaded)
        self.clear_error()

    def show_error(self, exc: LearningHubError) -> None:
        show_field_error(self.error_label, self.fields, exc)

    def clear_error(self) -> None:
        clear_field_errors(self.error_label, self.fields)
