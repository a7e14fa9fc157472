"""The Participants tab's actions: register someone found or new, change a registration's status.

The registration rules (a full seminar waitlists; a freed seat promotes the first
person waiting) are the core's; the tab shows what they decided. Each action is one
step on the window's undo stack: undo takes it back exactly through the core
(``revert_status_change``: the people a cancellation moved up go back to the waiting
list in their order) or is refused with the core's message, never half done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..core.errors import LearningHubError
from ..core.services import people, registration
from ..core.services.registration import StatusChange
from ..core.store import Database
from . import labels, seminar_views
from .core_text import error_message
from .undo import ActionCommand

# Makes a change in a transaction, given the version the registration is expected at (None the first time).
Maker = Callable[[Any, "int | None"], StatusChange]


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
        seminar_id = self.w.current_seminar
        if not person_id or not seminar_id:
            return
        self._do(lambda s, _v: registration.register_change(s, seminar_id=seminar_id, person_id=int(person_id)),
                 QCoreApplication.translate("Participants", "registering “{name}”"))
        self.w.form.registerFind.clear()

    def new_person(self):  # type: ignore[no-untyped-def]
        """A new person, saved and registered in one transaction (the dialog stays open if refused)."""
        from .person_dialog import PersonDialog

        seminar_id = self.w.current_seminar
        if not seminar_id:
            return None
        made: dict[str, Any] = {}

        def register(s: Any, person_id: int) -> None:
            made["change"] = registration.register_change(s, seminar_id=seminar_id, person_id=person_id)
            made["message"], made["name"] = self._told(s, made["change"])

        dialog = PersonDialog(self._db(), parent=self.w, also=register)
        text = self.w.form.registerFind.text().strip()
        if text and "@" not in text:  # what was searched for, as a start
            (dialog.form.nativeEdit if any(ord(ch) > 0x24F for ch in text) else dialog.form.familyEdit).setText(text)
        dialog.setWindowTitle(QCoreApplication.translate("Participants", "New person, registered to “{seminar}” on saving").format(
            seminar=self.w.form.seminarTitle.text()))

        def done() -> None:
            self.w.form.registerFind.clear()
            if "change" in made:  # undo takes the registration back; the new person stays in the directory
                person_id = dialog.person_id
                self._push(QCoreApplication.translate("Participants", "registering “{name}”").format(name=made["name"]),
                           made["change"],
                           lambda s, _v: registration.register_change(s, seminar_id=seminar_id, person_id=person_id))
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
            self._do(lambda s, version: registration.change_status(
                s, registration_id, status, note="changed in the app", expected_version=version),
                QCoreApplication.translate("Participants", "status of “{name}”: {status}").replace(
                    "{status}", labels.registration_status(status)))

    def _do(self, make: Maker, doing: str) -> None:
        """Make the change now and put it on the undo stack as ``doing`` (with a ``{name}``)."""
        try:
            with self._db().transaction() as s:
                change = make(s, None)
                message, name = self._told(s, change)
        except LearningHubError as exc:
            self.report(exc)
            return
        if change.changed:
            self._push(doing.format(name=name), change, make)
        self.w.refresh()
        self.w.statusBar().showMessage(message, 8000)

    def _push(self, text: str, change: StatusChange, make: Maker) -> None:
        """One undo step: undo reverts ``change`` exactly; redo makes it again over the reverted
        registration (or registers again, when the change created it)."""
        state: dict[str, Any] = {"change": change, "version": None, "message": ""}

        def undo() -> None:
            with self._db().transaction() as s:
                back = registration.revert_status_change(s, state["change"])
                state["version"] = back.version if back is not None else None
                state["message"] = self._message(back) if back is not None else QCoreApplication.translate(
                    "Participants", "{name}: registration taken back").format(name=name)

        def redo() -> None:
            with self._db().transaction() as s:
                state["change"] = make(s, state["version"])
                state["message"], _name = self._told(s, state["change"])

        def shown() -> None:
            self.w.refresh()
            self.w.statusBar().showMessage(state["message"], 8000)

        with self._db().reading() as s:
            name = registration.get_registration(s, change.registration_id).person.display_name
        self.w.undo_stack.push(ActionCommand(text, redo, undo, shown, lambda exc: self.report(exc, text)))

    def report(self, exc: LearningHubError, step: str = "") -> QMessageBox:
        """The core's refusal in a message; ``step`` names the undo step that was refused."""
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Participants", "Not done"),
                          error_message(exc), parent=self.w)
        if step:
            box.setText(QCoreApplication.translate("Participants", "Cannot undo or redo: {step}").format(step=step))
            box.setInformativeText(error_message(exc))
        box.open()
        return box

    def _told(self, s: Any, change: StatusChange) -> tuple[str, str]:
        """The status line after ``change`` and the person's name."""
        reg = registration.get_registration(s, change.registration_id)
        message = self._message(reg)
        if change.promoted:
            message += QCoreApplication.translate("Participants", " — moved up from the waiting list: {names}").format(
                names=", ".join(registration.get_registration(s, p.registration_id).person.display_name
                                for p in change.promoted))
        return message, reg.person.display_name

    @staticmethod
    def _message(result: Any) -> str:
        message = f"{result.person.display_name}: {labels.registration_status(result.status)}"
        return message + (QCoreApplication.translate("Participants", " — the seminar is full") if result.status == "waitlisted" else "")
