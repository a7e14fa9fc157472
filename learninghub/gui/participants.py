"""The Participants tab's actions: register someone, change a registration's status.

The registration rules (a full seminar waitlists; a freed seat promotes the first
person waiting) are the core's; the tab shows what they decided.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from ..core import vocab
from ..core.errors import LearningHubError
from ..core.services import people, registration
from ..core.store import Database


class Participants:
    def __init__(self, window: Any, db_getter: Callable[[], Database]) -> None:
        self.w, self._db = window, db_getter
        f = window.form
        for value, label in vocab.REGISTRATION_STATUSES.items():
            f.statusChangeCombo.addItem(label, value)
        f.registerFind.textChanged.connect(self._find)
        f.registerFind.returnPressed.connect(self.register_selected)
        f.registerButton.clicked.connect(self.register_selected)
        f.statusChangeButton.clicked.connect(self.set_status)

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

    def selected_registration(self) -> int:
        rows = self.w.form.participantsView.selectionModel().selectedRows()
        return self.w.participants_model.key(rows[0].row()) if rows else 0

    def set_status(self) -> None:
        registration_id = self.selected_registration()
        status = self.w.form.statusChangeCombo.currentData()
        if registration_id and status:
            self._do(lambda s: registration.set_status(s, registration_id, status, note="changed in the app"))

    def _do(self, action: Callable[[Any], Any]) -> None:
        try:
            with self._db().transaction() as s:
                result = action(s)
                message = f"{result.person.display_name}: {vocab.REGISTRATION_STATUSES[result.status]}"
                if result.status == "waitlisted":
                    message += " — the seminar is full"
        except LearningHubError as exc:
            QMessageBox(QMessageBox.Icon.Warning, "Not done", exc.user_message, parent=self.w).open()
            return
        self.w.refresh()
        self.w.statusBar().showMessage(message, 8000)
