"""The Participants tab's actions: register someone found or new, change a registration's status.

The registration rules (a full seminar waitlists; a freed seat promotes the first
person waiting) are the core's; the tab shows what they decided.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..core.errors import LearningHubError
from ..core.services import people, registration
from ..core.store import Database
from . import labels, seminar_views



class Participants:
    def __init__(self, window: Any, db_getter: Callable[[], Database]) -> None:
        self.w, self._db = window, db_getter
        f = window.form
        for value, label in labels.choices("RegistrationStatus"):
            f.statusChangeCombo.addItem(label, value)
        f.registerFind.textChanged.connect(self._find)
        f.registerFind.returnPressed.connect(self.register_selected)
        f.registerButton.clicked.connect(self.register_selected)
        f.statusChangeButton.clicked.connect(self.set_status)
        f.newPersonRegisterButton.clicked.connect(self.new_person)
        # the waiting list in words under the table, whenever the table is filled again
        window.participants_model.modelReset.connect(self._show_waiting)

    def _find(self, text: str) -> None:
        combo = self.w.form.registerMatches
        combo.clear()
        if not text.strip():
            return
        with self._db().reading() as s:
            for p in people.list_people(s, search_text=text, limit=30):
                combo.addItem(f"{p.display_name} — {p.organisation_name or p.city_name or ''}".rstrip(" —"), p.id)

    def register_selected(self) -> None:
        person_id = self.w.form.registerMatches.currentData()
        if not person_id or not self.w.current_seminar:
            return
        self._do(lambda s: registration.register(s, seminar_id=self.w.current_seminar, person_id=int(person_id)))
        self.w.form.registerFind.clear()

    def new_person(self):  # type: ignore[no-untyped-def]
        """A new person, saved and registered in one transaction (the dialog stays open if refused)."""
        from .person_dialog import PersonDialog

        seminar_id = self.w.current_seminar
        if not seminar_id:
            return None
        made: dict[str, Any] = {}

        def register(s: Any, person_id: int) -> None:
            made["registration"] = registration.register(s, seminar_id=seminar_id, person_id=person_id)
            made["message"] = self._message(made["registration"])

        dialog = PersonDialog(self._db(), parent=self.w, also=register)
        text = self.w.form.registerFind.text().strip()
        if text and "@" not in text:  # what was searched for, as a start
            (dialog.form.nativeEdit if any(ord(ch) > 0x24F for ch in text) else dialog.form.familyEdit).setText(text)
        dialog.setWindowTitle(QCoreApplication.translate("Participants", "New person, registered to “{seminar}” on saving").format(
            seminar=self.w.form.seminarTitle.text()))

        def done() -> None:
            self.w.form.registerFind.clear()
            self.w.refresh()
            self.w.statusBar().showMessage(made.get("message", ""), 8000)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def _show_waiting(self) -> None:
        seminar_id = self.w.current_seminar
        self.w.form.waitingLabel.setText(seminar_views.waiting_line(self._db(), seminar_id) if seminar_id else "")

    def selected_registration(self) -> int:
        """The chosen registration: the selected row, else the row with the keyboard focus."""
        view = self.w.form.participantsView
        rows = view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (view.currentIndex().row() if view.currentIndex().isValid() else -1)
        return self.w.participants_model.key(row) if row >= 0 else 0

    def set_status(self) -> None:
        registration_id = self.selected_registration()
        status = self.w.form.statusChangeCombo.currentData()
        if registration_id and status:
            self._do(lambda s: registration.set_status(s, registration_id, status, note="changed in the app"))

    def _do(self, action: Callable[[Any], Any]) -> None:
        try:
            with self._db().transaction() as s:
                message = self._message(action(s))
        except LearningHubError as exc:
            QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Participants", "Not done"), exc.user_message,
                        parent=self.w).open()
            return
        self.w.refresh()
        self.w.statusBar().showMessage(message, 8000)

    @staticmethod
    def _message(result: Any) -> str:
        message = f"{result.person.display_name}: {labels.registration_status(result.status)}"
        return message + (QCoreApplication.translate("Participants", " — the seminar is full") if result.status == "waitlisted" else "")
