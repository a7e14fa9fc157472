"""Add or edit a person; for an existing person, the seminars they are registered to.

Values go to ``people.add_person`` / ``people.edit_person``; a refusal (a taken email,
no name, a bad country code) is shown next to its field and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from ..core.certcodes import format_code
from ..core.errors import LearningHubError
from ..core.services import certificates, people, registration
from ..core.store import Database
from . import forms, labels
from .bilingual import shown
from .discard_guard import DiscardGuard
from .field_errors import clear_field_errors, show_field_error


class PersonDialog(DiscardGuard, QDialog):
    def __init__(self, db: Database, person_id: int = 0, parent: QWidget | None = None, *,
                 also: Callable[[Any, int], object] | None = None) -> None:
        """``also(session, person_id)`` runs in the same transaction as the save (register the new
        person, say): if it is refused, nothing is saved and its message is shown here."""
        super().__init__(parent)
        self.db, self.person_id, self._also = db, person_id, also
        self.form = forms.load("person_dialog").Ui_PersonDialog()
        self.form.setupUi(self)
        f = self.form
        for value, label in labels.choices("PersonRole"):
            f.roleCombo.addItem(label, value)
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {
            "given name": f.givenEdit, "family name": f.familyEdit, "native name": f.nativeEdit,
            "title": f.titleEdit, "organisation": f.organisationEdit, "city": f.cityEdit, "country": f.countryEdit,
            "role": f.roleCombo, "email": f.emailEdit, "phone": f.phoneEdit, "notes": f.notesEdit,
        }
        self.loaded: dict[str, Any] = {}
        if person_id:
            with db.reading() as s:
                p = people.get_person(s, person_id)
                self.loaded = {
                    "given_name": p.given_name, "family_name": p.family_name, "native_name": p.native_name,
                    "title": p.title, "organisation": p.organisation_name, "city": p.city_name,
                    "country": p.country, "role": p.role, "email": p.email, "phone": p.phone,
                    "notes": p.notes, "consent_contact": p.consent_contact, "version": p.version,
                }
                held = {c.seminar_id: c for c in certificates.list_certificates(s, person_id=person_id)}
                for r in registration.list_registrations(s, person_id=person_id):
                    line = (f"{r.seminar.start_date.isoformat()}  {shown(r.seminar.title, r.seminar.title_zh)} — "
                            f"{labels.registration_status(r.status)}")
                    if (cert := held.get(r.seminar_id)) is not None:
                        state = (self.tr("certificate {code} (revoked {date})") if cert.revoked_at is not None
                                 else self.tr("certificate {code} (issued {date})"))
                        line += " — " + state.format(code=format_code(cert.code), date=f"{cert.issued_at:%Y-%m-%d}")
                    f.seminarsList.addItem(line)
            self._show(self.loaded)
            self.setWindowTitle(self.tr("Edit person"))
        else:
            f.roleCombo.setCurrentIndex(f.roleCombo.findData("other"))
            self.setWindowTitle(self.tr("New person"))
        f.seminarsList.setVisible(bool(person_id))
        f.seminarsLabel.setVisible(bool(person_id))

    def _show(self, v: dict[str, Any]) -> None:
        f = self.form
        for edit, key in ((f.givenEdit, "given_name"), (f.familyEdit, "family_name"), (f.nativeEdit, "native_name"),
                          (f.titleEdit, "title"), (f.organisationEdit, "organisation"), (f.cityEdit, "city"),
                          (f.countryEdit, "country"), (f.emailEdit, "email"), (f.phoneEdit, "phone")):
            edit.setText(v[key] or "")
        f.roleCombo.setCurrentIndex(f.roleCombo.findData(v["role"]))
        f.notesEdit.setPlainText(v["notes"] or "")
        f.consentCheck.setChecked(bool(v["consent_contact"]))

    def values(self) -> dict[str, Any]:
        f = self.form

        def text(edit: Any) -> str | None:
            return edit.text().strip() or None

        return {
            "given_name": text(f.givenEdit), "family_name": text(f.familyEdit), "native_name": text(f.nativeEdit),
            "title": text(f.titleEdit), "organisation": text(f.organisationEdit), "city": text(f.cityEdit),
            "country": text(f.countryEdit), "role": f.roleCombo.currentData(), "email": text(f.emailEdit),
            "phone": text(f.phoneEdit), "notes": f.notesEdit.toPlainText().strip() or None,
            "consent_contact": f.consentCheck.isChecked(),
        }

    def accept(self) -> None:
        clear_field_errors(self.form.errorLabel, self.fields)
        values = self.values()
        try:
            with self.db.transaction() as s:
                person_id = 0
                if self.person_id:
                    changes = {k: v for k, v in values.items() if v != self.loaded.get(k)}
                    people.edit_person(s, self.person_id, expected_version=self.loaded["version"], **changes)
                else:
                    person_id = people.add_person(s, **values).id
                if self._also is not None:
                    self._also(s, person_id or self.person_id)
        except LearningHubError as exc:
            show_field_error(self.form.errorLabel, self.fields, exc)
            return
        self.person_id = self.person_id or person_id  # only once the transaction is committed
        super().accept()
