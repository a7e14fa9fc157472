"""The Participants tab: register someone found or new, change a registration's status, the waiting list.

The registration rules (a full seminar waitlists; a freed seat promotes the first person
waiting) are the core's; the tab shows what they decided. Each action is a core command
(``commands.registrations``) run through ``history.apply``: off the GUI thread, one step
on the undo stack, taken back exactly by the core or refused with its message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.pages.seminar import Participant, SeminarPage
from .. import bilingual, columns, forms, labels, layout_memory
from ..counts import words
from ..table_model import RowsModel, show_rows
from .choice import repaint_keeping_choice
from .host import SeminarHost


def participant_row(p: Participant) -> tuple[str, ...]:
    status = labels.registration_status(p.status)
    return (p.name, p.organisation or "", p.city or "", labels.person_role(p.role),
            f"{status} #{p.waiting_place}" if p.waiting_place else status)


class ParticipantsTab(QWidget):
    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("participants_tab").Ui_ParticipantsTab()
        self.form.setupUi(self)
        self.host = host
        self.model = RowsModel(columns.PARTICIPANT_HEADERS, self, natural=(0,))
        f = self.form
        show_rows(f.participantsView, self.model, stretch=0)
        for value, label in labels.choices("RegistrationStatus"):
            f.statusChangeCombo.addItem(label, value)
        f.registerFind.textChanged.connect(self._find)
        f.registerFind.returnPressed.connect(self.register_selected)
        f.registerButton.clicked.connect(self.register_selected)
        f.statusChangeButton.clicked.connect(self.set_status)
        f.newPersonRegisterButton.clicked.connect(self.new_person)
        # The person dialog opened last by "New person, registered".
        self.dialog: Any = None
        self._matches_for = ""  # what the matches shown were found for
        self._register_when_found = False  # Register pressed before the matches of what is typed arrived

    def show_page(self, page: SeminarPage) -> None:
        repaint_keeping_choice(self.form.participantsView, self.model, lambda: self.model.set_rows(
            [participant_row(p) for p in page.participants], keys=[p.registration_id for p in page.participants]))
        names = [p.name for p in page.waiting]
        separator = "；" if bilingual.chinese_interface() else ", "  # names may hold commas of their own
        self.form.waitingLabel.setText(
            words().waiting_list(len(names)) + separator.join(f"{n}. {name}" for n, name in enumerate(names, start=1))
            if names else "")

    # -- finding someone to register
    def _find(self, text: str) -> None:
        """People matching what is typed, read off the GUI thread (a newer keystroke drops an older search)."""
        from ..people.people_model import people_reader

        needle = text.strip()
        combo = self.form.registerMatches
        if not needle:
            self.host.runner.forget("register-search")
            combo.clear()
            self._matches_for, self._register_when_found = "", False
            return

        def shown(found: list[Any]) -> None:
            combo.clear()
            for p in found:
                combo.addItem(f"{p.display_name} — {p.organisation_name or p.city_name or ''}".rstrip(" —"), p.id)
            self._matches_for = needle
            if self._register_when_found:
                self._register_when_found = False
                self.register_selected()

        self.host.runner.load("register-search", people_reader(needle, limit=30), shown)

    def register_selected(self) -> None:
        """Register the person chosen among the matches — of what is typed: pressed before they are read
        (Enter right after typing), it registers once they arrive, never a match of an earlier search."""
        from ...core.commands.registrations import Register

        if self.form.registerFind.text().strip() != self._matches_for:
            self._register_when_found = True
            return
        person_id = self.form.registerMatches.currentData()
        seminar_id = self.host.current_seminar
        if not person_id or not seminar_id:
            return
        self.host.history.apply(Register(seminar_id, int(person_id)))
        self.form.registerFind.clear()

    def new_person(self) -> Any:
        """A new person, saved and registered in one transaction (the dialog stays open if refused)."""
        from ..people.person_dialog import PersonDialog

        seminar_id = self.host.current_seminar
        if not seminar_id:
            return None
        dialog = PersonDialog(self.host, None, parent=self.host.dialog_parent(), register_to=seminar_id)
        text = self.form.registerFind.text().strip()
        if text and "@" not in text:  # what was searched for, as a start
            (dialog.form.nativeEdit if any(ord(ch) > 0x24F for ch in text) else dialog.form.familyEdit).setText(text)
        dialog.setWindowTitle(QCoreApplication.translate("Participants", "New person, registered to “{seminar}” on saving")
                              .format(seminar=self.host.seminar_title()))
        dialog.accepted.connect(self.form.registerFind.clear)
        dialog.open()
        self.dialog = dialog
        return dialog

    # -- status
    def selected_registration(self) -> int:
        """The chosen registration: the selected row, else the row with the keyboard focus."""
        view = self.form.participantsView
        rows = view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (view.currentIndex().row() if view.currentIndex().isValid() else -1)
        return self.model.key(row) if row >= 0 else 0

    def set_status(self) -> None:
        from ...core.commands.registrations import ChangeStatus

        registration_id = self.selected_registration()
        status = self.form.statusChangeCombo.currentData()
        if registration_id and status:
            self.host.history.apply(ChangeStatus(registration_id, status))

    # -- remembered layout
    def restore_layout(self) -> None:
        layout_memory.restore_columns(self.form.participantsView.horizontalHeader(), "participants")

    def save_layout(self) -> None:
        layout_memory.save_columns(self.form.participantsView.horizontalHeader(), "participants")
