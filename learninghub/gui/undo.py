"""Undo and redo of edits made through the core services.

An edit is applied once, when the user saves; the command remembers the values
before and after and re-applies them through the same service on undo/redo,
passing the row version it expects, so undoing never overwrites a change someone
else saved meanwhile (that is reported instead, and the command is dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..core.errors import LearningHubError

#: Applies ``values`` to the row if it is still at ``expected_version``; returns the new version.
Editor = Callable[[int, dict[str, Any]], int]


class EditCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        before: dict[str, Any],
        after: dict[str, Any],
        version_after: int,
        on_change: Callable[[], None],
        on_error: Callable[[LearningHubError], None],
    ) -> None:
        super().__init__(text)
        self._editor = editor
        self._before, self._after = before, after
        self._version = version_after
        self._on_change, self._on_error = on_change, on_error
        self._applied = True  # the edit was made before the command was pushed

    def redo(self) -> None:
        if self._applied:
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, values: dict[str, Any]) -> None:
        try:
            self._version = self._editor(self._version, values)
        except LearningHubError as exc:
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._applied = values is self._after
        self._on_change()


class ActionCommand(QUndoCommand):
    """An action already done (add, delete) with the functions that undo and redo it."""

    def __init__(
        self,
        text: str,
        redo_fn: Callable[[], None],
        undo_fn: Callable[[], None],
        on_change: Callable[[], None],
        on_error: Callable[[LearningHubError], None],
    ) -> None:
        super().__init__(text)
        self._redo_fn, self._undo_fn = redo_fn, undo_fn
        self._on_change, self._on_error = on_change, on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo_fn)

    def undo(self) -> None:
        self._run(self._undo_fn)

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except LearningHubError as exc:
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._on_change()
