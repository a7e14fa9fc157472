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
        """The partners as read; the one chosen stays chosen (pages are read again after every change)."""
        f = self.f
        current = f.partnersList.currentItem()
        chosen = int(current.data(ORGANISATION_ROLE)) if current is not None and page.id == self.seminar_id else 0
        self.seminar_id = page.id
        f.partnersList.clear()
        for partner in page.partners:
            item = QListWidgetItem(f"{labels.partner_role(partner.role)}: {partner.name}")
            item.setData(ORGANISATION_ROLE, partner.organisation_id)
            f.partnersList.addItem(item)
            if partner.organisation_id == chosen:
                f.partnersList.setCurrentItem(item)
        self.completer.model().setStringList(list(page.organisations))  # type: ignore[attr-defined]
        f.removePartnerButton.setEnabled(f.partnersList.currentItem() is not None)

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.f.removePartnerButton.setEnabled(item is not None)

    def add_from_fields(self) -> None:
        """The name typed, in the role chosen; the core refuses an empty name (told in a message). The field
        is cleared once saved, unless something else was typed into it meanwhile."""
        f = self.f
        typed = f.partnerEdit.text()

        def saved() -> None:
            if f.partnerEdit.text() == typed:
                f.partnerEdit.clear()

        self.add(typed, f.partnerRoleCombo.currentData(), then=saved)

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
