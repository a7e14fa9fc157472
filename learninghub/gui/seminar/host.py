"""What a seminar tab needs from the window, and nothing more."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..runner import Runner
    from ..undo_steps import History


class SeminarHost(Protocol):
    """The main window as its tabs see it (typed, so a tab cannot reach into other tabs' widgets)."""

    # Reads (``runner.load``) off the GUI thread.
    runner: Runner
    # Changes (``history.apply``) off the GUI thread, undoable.
    history: History

    @property
    def current_seminar(self) -> int:
        """The seminar on screen (0: none)."""
        ...

    def seminar_title(self) -> str:
        """The seminar's title as the window shows it (in the interface's language)."""
        ...

    def curriculum_title(self, curriculum_id: int) -> str:
        """A curriculum's title as the programme tree shows it ("" if it is not there)."""
        ...

    def refresh(self) -> None:
        """Show what the database holds now (the tree and the page on screen)."""
        ...

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        """One line in the status bar."""
        ...

    def dialog_parent(self) -> QWidget:
        """The window dialogs and messages open over."""
        ...
