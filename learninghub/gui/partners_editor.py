"""Organisers and partners of a seminar, on the Overview tab: add, change role, remove; undoable.

The core does the work (``seminars.set_partner`` / ``remove_partner``; a new name
creates the organisation). Undo puts back exactly what was there before: the
partner removed again, or its earlier role, or a removed partner restored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCompleter, QListWidgetItem, QMessageBox

from ..core.errors import LearningHubError
from ..core.services import places, seminars
from ..core.store import Database
from . import labels
from .core_text import error_message
from .undo import ActionCommand

ORGANISATION_ROLE = Qt.ItemDataRole.UserRole + 1


class PartnersEditor:
    def __init__(self, window: Any, db_getter: Callable[[], Database]) -> None:
        self.w, self._db = window, db_getter
        f = window.form
        for value, label in labels.choices("PartnerRole"):
            f.partnerRoleCombo.addItem(label, value)
        f.partnerRoleCombo.setCurrentIndex(f.partnerRoleCombo.findData("partner"))
        self.completer = QCompleter([], f.partnerEdit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        f.partnerEdit.setCompleter(self.completer)
        f.partnerEdit.returnPressed.connect(self.add_from_fields)
        f.addPartnerButton.clicked.connect(self.add_from_fields)
        f.removePartnerButton.clicked.connect(self.remove_selected)
        f.partnersList.currentItemChanged.connect(self._picked)
        self.seminar_id = 0

    def load(self, seminar_id: int) -> None:
        self.seminar_id = seminar_id
        f = self.w.form
        f.partnersList.clear()
        with self._db().reading() as s:
            for link in seminars.get_seminar(s, seminar_id).partners:
                item = QListWidgetItem(f"{labels.partner_role(link.role)}: {link.organisation.name}")
                item.setData(ORGANISATION_ROLE, link.organisation_id)
                f.partnersList.addItem(item)
            names = [o.name for o in places.list_organisations(s)]
        self.completer.model().setStringList(names)  # type: ignore[attr-defined]
        f.removePartnerButton.setEnabled(False)

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.w.form.removePartnerButton.setEnabled(item is not None)

    def _roles(self) -> dict[int, tuple[str, str]]:
        """Each partner's organisation id → (name, role), as stored now."""
        with self._db().reading() as s:
            return {p.organisation_id: (p.organisation.name, p.role)
                    for p in seminars.get_seminar(s, self.seminar_id).partners}

    def add_from_fields(self) -> None:
        f = self.w.form
        if self.add(f.partnerEdit.text(), f.partnerRoleCombo.currentData()):
            f.partnerEdit.clear()

    def add(self, organisation: str, role: str) -> bool:
        """Make ``organisation`` a partner in ``role`` (or change its role); one undoable step."""
        seminar_id, before = self.seminar_id, self._roles()
        try:
            with self._db().transaction() as s:
                link = seminars.set_partner(s, seminar_id, organisation, role)
                org_id, name = link.organisation_id, link.organisation.name
        except LearningHubError as exc:
            self._refused(exc)
            return False
        earlier = before.get(org_id)

        def redo() -> None:
            with self._db().transaction() as s:
                seminars.set_partner(s, seminar_id, name, role)

        def undo() -> None:
            with self._db().transaction() as s:
                if earlier is None:
                    seminars.remove_partner(s, seminar_id, org_id)
                else:
                    seminars.set_partner(s, seminar_id, name, earlier[1])

        self._push(QCoreApplication.translate("PartnersEditor", "partner “{name}”").format(name=name), redo, undo)
        return True

    def remove_selected(self) -> bool:
        item = self.w.form.partnersList.currentItem()
        return self.remove(int(item.data(ORGANISATION_ROLE))) if item is not None else False

    def remove(self, organisation_id: int) -> bool:
        seminar_id = self.seminar_id
        name, role = self._roles().get(organisation_id, ("", "partner"))
        try:
            with self._db().transaction() as s:
                seminars.remove_partner(s, seminar_id, organisation_id)
        except LearningHubError as exc:
            self._refused(exc)
            return False

        def redo() -> None:
            with self._db().transaction() as s:
                seminars.remove_partner(s, seminar_id, organisation_id)

        def undo() -> None:
            with self._db().transaction() as s:
                seminars.set_partner(s, seminar_id, name, role)

        self._push(QCoreApplication.translate("PartnersEditor", "removing partner “{name}”").format(name=name), redo, undo)
        return True

    def _push(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        self.w.undo_stack.push(ActionCommand(text, redo, undo, self.w.refresh, self._refused))
        self.w.refresh()

    def _refused(self, exc: LearningHubError) -> None:
        QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("PartnersEditor", "Not done"), error_message(exc),
                    parent=self.w).open()
