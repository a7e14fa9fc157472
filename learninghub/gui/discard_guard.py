"""Editing dialogs ask before throwing typed work away (Cancel, Escape, the window's close button).

Why: the session and person dialogs hold many fields (two titles, two descriptions,
speakers, times; a person's names in two scripts); a stray Escape used to drop them
all. The dialog notes its values when it is first shown (after any pre-filling) and,
if they differ when the user backs out, asks Discard / Keep editing — window-modal,
never blocking.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox


class DiscardGuard:
    """Mixin for a QDialog with ``values()``; put it before QDialog in the bases."""

    _shown_with: Any = None

    def current_values(self) -> Any:
        """What would be lost (the dialog's ``values()``; a dialog may add more)."""
        return self.values()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_with is None:
            self._shown_with = self.current_values()
        super().showEvent(event)  # type: ignore[misc]

    def edited(self) -> bool:
        return self._shown_with is not None and self.current_values() != self._shown_with

    def reject(self) -> None:
        if not self.edited():
            super().reject()  # type: ignore[misc]
            return
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("DiscardGuard", "Discard changes?"),
                          QCoreApplication.translate("DiscardGuard", "Close without saving what you changed here?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                          self)  # type: ignore[arg-type]
        box.button(QMessageBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("DiscardGuard", "Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("discardChangesBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Discard:
                QDialog.reject(self)  # type: ignore[arg-type]

        box.buttonClicked.connect(answered)
        box.open()
