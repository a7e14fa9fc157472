"""Save, revert and undo for a page of fields that edits one row (the Overview tab, the curriculum page).

Why one place: each page reads its widgets into a dict, saves only what changed through
the core, shows a refusal next to its field and pushes one undoable step. The step keeps
the id of the row it edited: undone after the user moved to another seminar, it changes
the seminar it was made on, never the one now on screen.

Nothing typed is lost: leaving a page with unsaved edits (another item in the tree,
another database, closing the window) first asks Save / Discard / Cancel
(:meth:`FieldPage.ask_to_leave`), and a refresh caused by another tab's change keeps the
edits on screen (:meth:`FieldPage.load_keeping_edits`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
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

from ..core.errors import LearningHubError
from .field_errors import clear_field_errors, show_field_error
from .undo import EditCommand

# Applies ``values`` to the row if it is still at ``expected_version``; returns the new version.
Apply = Callable[[int, dict[str, Any]], int]


class FieldPage:
    """Mixin: the page supplies ``load``, ``read``, ``show_values``, ``apply_to``, ``edit_name`` and ``page_name``."""

    undo_stack: QUndoStack
    loaded: dict[str, Any]
    fields: dict[str, QWidget]
    error_label: QLabel
    row_id: int
    _on_edited: Callable[[bool], None] | None = None
    _edit_buttons: tuple[QAbstractButton, ...] = ()

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

    def load(self, row_id: int) -> None:
        """Show row ``row_id`` as stored (sets ``row_id`` and ``loaded``)."""
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
            elif isinstance(widget, QDateEdit):
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

    def saved(self) -> None:
        """After a save, an undo or a redo: the window shows the stored values again."""

    def unsaved(self) -> dict[str, Any]:
        """The fields edited on screen and not saved (empty before anything is loaded)."""
        if not self.row_id or not self.loaded:
            return {}
        return {k: v for k, v in self.read().items() if v != self.loaded.get(k)}

    def load_keeping_edits(self, row_id: int) -> None:
        """Show row ``row_id`` as stored now; if it is the row on screen, the unsaved edits stay on top
        (another tab's change or an undo refreshed the window: what the user typed is not thrown away)."""
        kept = self.unsaved() if row_id == self.row_id else {}
        self.load(row_id)
        if kept:
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
            if choice == QMessageBox.StandardButton.Save and self.save():
                then()
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

    def save(self) -> bool:
        """Apply the changed fields through the core; False (and the refusal shown next to its field) if refused."""
        changes = self.unsaved()
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
        # On screen is what is stored now: the refresh that follows must not keep it as an unsaved edit.
        self.loaded = {**self.loaded, **changes, "version": version}
        self.saved()
        self.edits_changed()
        return True

    def revert(self) -> None:
        self.show_values(self.loaded)
        self.clear_error()
        self.edits_changed()

    def show_error(self, exc: LearningHubError) -> None:
        show_field_error(self.error_label, self.fields, exc)

    def clear_error(self) -> None:
        clear_field_errors(self.error_label, self.fields)
