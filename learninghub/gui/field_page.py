"""Save, revert and undo for a page of fields that edits one row (the Overview tab, the curriculum page).

Why one place: each page reads its widgets into a dict, saves only what changed as one
core command (``edit_command``) through ``history.apply`` — off the GUI thread, undoable —
and shows a refusal next to its field. The command carries the id of the row it edits:
undone after the user moved to another seminar, it changes the seminar it was made on,
never the one now on screen.

Nothing typed is lost: leaving a page with unsaved edits (another item in the tree,
another database, closing the window) first asks Save / Discard / Cancel
(:meth:`FieldPage.ask_to_leave`), and a refresh caused by another tab's change keeps the
edits on screen (:meth:`FieldPage.show_keeping_edits`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ..core.commands import Command, Done
from ..core.errors import LearningHubError
from .date_fields import DateEdit
from .field_errors import clear_field_errors, show_field_error

if TYPE_CHECKING:
    from .undo_steps import History


class FieldPage:
    """Mixin: the page supplies ``read``, ``show_values``, ``edit_command`` and ``page_name``, and calls
    :meth:`show_keeping_edits` with the values it was given."""

    history: History
    loaded: dict[str, Any]
    fields: dict[str, QWidget]
    error_label: QLabel
    row_id: int
    _on_edited: Callable[[bool], None] | None = None
    _edit_buttons: tuple[QAbstractButton, ...] = ()
    _saving = False  # a save is under way
    _waiting_saves: list[tuple[Callable[[], None] | None, Callable[[], None] | None]]

    def read(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_values(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def edit_command(self, row_id: int, changes: dict[str, Any], version: int) -> Command:
        """The core command that saves ``changes`` to row ``row_id``, if it is still at ``version``."""
        raise NotImplementedError

    def watch_edits(self, changed: Callable[[bool], None], buttons: tuple[QAbstractButton, ...] = ()) -> None:
        """Tell ``changed(edited)`` as the user types, loads, saves or reverts; ``buttons`` (Save, Reset)
        are enabled only while something is edited. The window marks its title with it."""
        self._on_edited = changed
        self._edit_buttons = buttons
        for widget in {id(w): w for w in self.fields.values()}.values():
            if isinstance(widget, QComboBox):
                widget.currentTextChanged.connect(self.edits_changed)
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self.edits_changed)
            elif isinstance(widget, (QDateEdit, DateEdit)):
                widget.dateChanged.connect(self.edits_changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.edits_changed)
        self.edits_changed()

    def edits_changed(self) -> None:
        edited = bool(self.unsaved())
        for button in self._edit_buttons:
            button.setEnabled(edited)
        if self._on_edited is not None:
            self._on_edited(edited)

    def unsaved(self) -> dict[str, Any]:
        """The fields edited on screen and not saved (empty before anything is loaded)."""
        if not self.row_id or not self.loaded:
            return {}
        return {k: v for k, v in self.read().items() if v != self.loaded.get(k)}

    def show_keeping_edits(self, row_id: int, values: dict[str, Any]) -> None:
        """Show row ``row_id`` as stored now (``values``, with its ``version``); if it is the row on screen,
        the unsaved edits stay on top (another tab's change or an undo refreshed the window: what the
        user typed is not thrown away)."""
        kept = self.unsaved() if row_id == self.row_id else {}
        if row_id != self.row_id:
            self.clear_error()
        self.row_id, self.loaded = row_id, dict(values)
        self.show_values({**self.loaded, **kept})
        self.edits_changed()

    def ask_to_leave(self, parent: QWidget, then: Callable[[], None],
                     otherwise: Callable[[], None] | None = None) -> QMessageBox | None:
        """Run ``then`` at once if nothing is unsaved; else ask Save / Discard / Cancel (window-modal,
        never blocking) and run it after a save that went through or a discard. Cancel, or a save the
        core refused (shown next to its field), stays on the page and runs ``otherwise``."""
        if not self.unsaved():
            then()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("FieldPage", "Unsaved changes"),
                          QCoreApplication.translate("FieldPage", "Save the changes to “{name}”?").format(
                              name=self.page_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setInformativeText(QCoreApplication.translate("FieldPage", "Your changes will be lost if you don't save them."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setObjectName("unsavedChangesBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            choice = box.standardButton(button)
            if choice == QMessageBox.StandardButton.Save:
                self.save(then, otherwise)
            elif choice == QMessageBox.StandardButton.Discard:
                self.revert()
                then()
            elif otherwise is not None:
                otherwise()

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def page_name(self) -> str:
        """The row's title as the question names it (in the interface's language where there is one)."""
        raise NotImplementedError

    def save(self, then: Callable[[], None] | None = None, otherwise: Callable[[], None] | None = None) -> None:
        """Save the changed fields as one command (off the GUI thread), then ``then``; a refusal is shown
        next to its field and runs ``otherwise``. Asked again while a save is under way (Save clicked
        twice, Ctrl+S then leaving the page), it waits for that one: both would expect the same version,
        and the second would be refused as if someone else had saved in between."""
        if self._saving:
            self._waiting_saves.append((then, otherwise))
            return
        changes = self.unsaved()
        if not changes:
            if then is not None:
                then()
            return
        self.clear_error()

        def settled() -> None:
            """Saved, refused, or neither (the server out of reach, a bug: told by the runner): the page
            takes saves again, and those asked for meanwhile go now."""
            self._saving = False
            waiting, self._waiting_saves = self._waiting_saves, []
            for then_, otherwise_ in waiting:
                self.save(then_, otherwise_)

        def saved(done: Done) -> None:
            # On screen is what is stored now: the refresh that follows must not keep it as an unsaved edit.
            if self.row_id == row_id:
                self.loaded = {**self.loaded, **changes, "version": done.result}
                self.edits_changed()
            if then is not None:
                then()

        def refused(exc: LearningHubError) -> None:
            self.show_error(exc)
            if otherwise is not None:
                otherwise()

        row_id = self.row_id
        self._saving, self._waiting_saves = True, []
        self.history.apply(self.edit_command(row_id, changes, self.loaded["version"]), then=saved, refused=refused,
                           settled=settled)

    def revert(self) -> None:
        self.show_values(self.loaded)
        self.clear_error()
        self.edits_changed()

    def show_error(self, exc: LearningHubError) -> None:
        show_field_error(self.error_label, self.fields, exc)

    def clear_error(self) -> None:
        clear_field_errors(self.error_label, self.fields)
