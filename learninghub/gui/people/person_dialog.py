"""Add or edit a person; for an existing person, the seminars they are registered to.

The dialog collects values; the core commands ``AddPerson`` (registering the new person
too, when asked) and ``EditPerson`` decide, run off the GUI thread through the window's
history. A refusal (a taken email, no name, a bad country code) is shown next to its
field and the dialog stays open. An existing person's page is read before the dialog opens.

A Chinese name typed in its own script alone (王小明) fills the Latin fields with its pinyin
(Wang, Xiaoming) as a suggestion, the way an import reads it (``importing.names``): badges
and lists need a Latin form, and the core refuses a person without one. Typed over, the
suggestion stays as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...core.certcodes import format_code
from ...core.commands import Command, Done
from ...core.errors import LearningHubError
from ...core.pages.person import PersonPage
from .. import forms, labels
from ..bilingual import shown
from ..discard_guard import DiscardGuard
from ..field_errors import clear_field_errors, show_field_error

if TYPE_CHECKING:
    from ..runner import Runner
    from ..undo_steps import History


class Changes(Protocol):
    """What the dialog needs of the window: reads and undoable changes off the GUI thread."""

    runner: Runner
    history: History


def open_person_dialog(host: Changes, person_id: int, parent: QWidget,
                       opened: Callable[[PersonDialog], None] | None = None) -> None:
    """Read the person's page off the GUI thread, then open the dialog on it (window-modal)."""
    from ...core.pages.person import person_page

    def show(page: PersonPage) -> None:
        dialog = PersonDialog(host, page, parent)
        dialog.open()
        if opened is not None:
            opened(dialog)

    host.runner.load("person-dialog", lambda db: db.read(person_page(person_id))[0], show)


class PersonDialog(DiscardGuard, QDialog):
    def __init__(self, host: Changes, page: PersonPage | None, parent: QWidget | None = None, *,
                 register_to: int = 0) -> None:
        """A new person (``page`` None; registered to seminar ``register_to`` in the same transaction,
        if given: refused, nothing is saved and the message shows here), or ``page``'s person edited."""
        super().__init__(parent)
        self.host, self.register_to = host, register_to
        self.person_id = page.id if page is not None else 0
        self.form = forms.load("person_dialog").Ui_PersonDialog()
        self.form.setupUi(self)
        f = self.form
        for value, label in labels.choices("PersonRole"):
            f.roleCombo.addItem(label, value)
        f.genderCombo.addItem(self.tr("Not recorded"), None)
        for value, label in labels.choices("PersonGender"):
            f.genderCombo.addItem(label, value)
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        self._suggested = ("", "")  # the (family, given) pinyin last put in the Latin fields
        f.nativeEdit.textChanged.connect(self._suggest_latin)
        self.fields: dict[str, QWidget] = {
            "given name": f.givenEdit, "family name": f.familyEdit, "native name": f.nativeEdit,
            "title": f.titleEdit, "organisation": f.organisationEdit, "city": f.cityEdit, "country": f.countryEdit,
            "role": f.roleCombo, "gender": f.genderCombo, "email": f.emailEdit, "phone": f.phoneEdit, "notes": f.notesEdit,
        }
        self.loaded: dict[str, Any] = {}
        # What the save did (the core's Done), once the dialog was accepted.
        self.done_result: Done | None = None
        if page is not None:
            self.loaded = dict(page.values)
            for line in page.seminars:
                text = (f"{line.start_date.isoformat()}  {shown(line.title, line.title_zh)} — "
                        f"{labels.registration_status(line.status)}")
                if line.certificate_code is not None:
                    state = (self.tr("certificate {code} (revoked {date})") if line.revoked_at is not None
                             else self.tr("certificate {code} (issued {date})"))
                    issued = line.issued_at
                    text += " — " + state.format(code=format_code(line.certificate_code),
                                                 date=f"{issued:%Y-%m-%d}" if issued else "")
                f.seminarsList.addItem(text)
            self._show(self.loaded)
            self.setWindowTitle(self.tr("Edit person"))
        else:
            # someone added while registering to a seminar is most likely a participant of it
            f.roleCombo.setCurrentIndex(f.roleCombo.findData("participant" if register_to else "other"))
            self.setWindowTitle(self.tr("New person"))
        f.seminarsList.setVisible(page is not None)
        f.seminarsLabel.setVisible(page is not None)

    def _suggest_latin(self, native: str) -> None:
        """The pinyin of a Chinese name in the Latin fields, while they are empty or hold the last suggestion."""
        from ...importing.names import is_chinese, split_chinese

        f = self.form
        if (f.familyEdit.text(), f.givenEdit.text()) not in (self._suggested, ("", "")):
            return  # typed by the user (or a stored name): theirs
        split = split_chinese(native) if native.strip() and is_chinese(native) else None
        self._suggested = (split.family, split.given) if split is not None else ("", "")
        f.familyEdit.setText(self._suggested[0])
        f.givenEdit.setText(self._suggested[1])

    def _show(self, v: dict[str, Any]) -> None:
        f = self.form
        for edit, key in ((f.givenEdit, "given_name"), (f.familyEdit, "family_name"), (f.nativeEdit, "native_name"),
                          (f.titleEdit, "title"), (f.organisationEdit, "organisation"), (f.cityEdit, "city"),
                          (f.countryEdit, "country"), (f.emailEdit, "email"), (f.phoneEdit, "phone")):
            edit.setText(v[key] or "")
        f.roleCombo.setCurrentIndex(f.roleCombo.findData(v["role"]))
        f.genderCombo.setCurrentIndex(max(0, f.genderCombo.findData(v.get("gender"))) if v.get("gender") else 0)
        f.notesEdit.setPlainText(v["notes"] or "")
        f.consentCheck.setChecked(bool(v["consent_contact"]))

    def values(self) -> dict[str, Any]:
        f = self.form

        def text(edit: Any) -> str | None:
            return edit.text().strip() or None

        return {
            "given_name": text(f.givenEdit), "family_name": text(f.familyEdit), "native_name": text(f.nativeEdit),
            "title": text(f.titleEdit), "organisation": text(f.organisationEdit), "city": text(f.cityEdit),
            "country": text(f.countryEdit), "role": f.roleCombo.currentData(), "gender": f.genderCombo.currentData(),
            "email": text(f.emailEdit),
            "phone": text(f.phoneEdit), "notes": f.notesEdit.toPlainText().strip() or None,
            "consent_contact": f.consentCheck.isChecked(),
        }

    def command(self) -> Command | None:
        """The change the dialog's values ask for (None: an existing person with nothing changed)."""
        from ...core.commands.people import AddPerson, EditPerson

        values = self.values()
        if not self.person_id:
            return AddPerson(values, register_to=self.register_to)
        changes = {k: v for k, v in values.items() if v != self.loaded.get(k)}
        return EditPerson(self.person_id, changes, self.loaded["version"]) if changes else None

    def accept(self) -> None:
        """Save through the core, off the GUI thread; stay open with the refusal next to its field."""
        clear_field_errors(self.form.errorLabel, self.fields)
        command = self.command()
        if command is None:
            super().accept()
            return
        ok = self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(False)  # one save at a time

        def saved(done: Done) -> None:
            self.done_result = done
            if not self.person_id:
                self.person_id = int(done.result)
            QDialog.accept(self)

        def refused(exc: LearningHubError) -> None:
            if ok is not None:
                ok.setEnabled(True)
            show_field_error(self.form.errorLabel, self.fields, exc)

        self.host.history.apply(command, then=saved, refused=refused)
