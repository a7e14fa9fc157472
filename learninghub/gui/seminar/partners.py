"""Organisers and partners of a seminar, on the Overview tab: add, change role, remove; undoable.

The core does the work (``commands.seminars.SetPartner`` / ``RemovePartner``; a new name
creates the organisation); its undo puts back exactly what was there before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QListWidgetItem

from ...core.pages.seminar import SeminarPage
from .. import labels
from .host import SeminarHost

ORGANISATION_ROLE = Qt.ItemDataRole.UserRole + 1


class PartnersEditor:
    def __init__(self, host: SeminarHost, form: Any) -> None:
        self.host, self.f = host, form
        for value, label in labels.choices("PartnerRole"):
            form.partnerRoleCombo.addItem(label, value)
        form.partnerRoleCombo.setCurrentIndex(form.partnerRoleCombo.findData("partner"))
        self.completer = QCompleter([], form.partnerEdit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        form.partnerEdit.setCompleter(self.completer)
        form.partnerEdit.returnPressed.connect(self.add_from_fields)
        form.addPartnerButton.clicked.connect(self.add_from_fields)
        form.removePartnerButton.clicked.connect(self.remove_selected)
        form.partnersList.currentItemChanged.connect(self._picked)
        self.seminar_id = 0

    def show_page(self, page: SeminarPage) -> None:
        self.seminar_id = page.id
        f = self.f
        f.partnersList.clear()
        for partner in page.partners:
            item = QListWidgetItem(f"{labels.partner_role(partner.role)}: {partner.name}")
            item.setData(ORGANISATION_ROLE, partner.organisation_id)
            f.partnersList.addItem(item)
        self.completer.model().setStringList(list(page.organisations))  # type: ignore[attr-defined]
        f.removePartnerButton.setEnabled(False)

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.f.removePartnerButton.setEnabled(item is not None)

    def add_from_fields(self) -> None:
        f = self.f
        if f.partnerEdit.text().strip():
            self.add(f.partnerEdit.text(), f.partnerRoleCombo.currentData(), then=f.partnerEdit.clear)

    def add(self, organisation: str, role: str, then: Any = None) -> None:
        """Make ``organisation`` a partner in ``role`` (or change its role); one undoable step."""
        from ...core.commands.seminars import SetPartner

        self.host.history.apply(SetPartner(self.seminar_id, organisation, role),
                                then=(lambda _done: then()) if then else None)

    def remove_selected(self) -> None:
        item = self.f.partnersList.currentItem()
        if item is not None:
            self.remove(int(item.data(ORGANISATION_ROLE)))

    def remove(self, organisation_id: int) -> None:
        from ...core.commands.seminars import RemovePartner

        self.host.history.apply(RemovePartner(self.seminar_id, organisation_id))
