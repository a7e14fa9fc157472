"""The Check-in tab: pick a session, tick who is present. Each tick is saved at once, and is
one step on the window's undo stack (undoing a tick keeps nobody checked in; undoing an
untick checks the person in again at the time they first arrived)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem, QMessageBox

from ..core import timezones
from ..core.errors import LearningHubError
from ..core.services import agenda, attendance, seminars
from ..core.store import Database
from . import i18n
from .bilingual import shown
from .core_text import error_message
from .counts import words
from .undo import ActionCommand

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


class CheckIn:
    def __init__(self, form: Any, db_getter: Callable[[], Database], parent: Any) -> None:
        self.f, self._db, self.parent = form, db_getter, parent
        self.seminar_id = 0
        self._loading = False
        form.checkInSession.currentIndexChanged.connect(lambda _i: self.show_session())
        form.checkInFilter.textChanged.connect(self.apply_filter)
        form.checkInList.itemChanged.connect(self._ticked)

    def load(self, seminar_id: int) -> None:
        """Fill the session chooser for ``seminar_id`` (sessions in the seminar's local time);
        the same seminar shown again keeps its chosen session."""
        combo = self.f.checkInSession
        keep = self.session_id() if seminar_id == self.seminar_id else 0
        self.seminar_id = seminar_id
        combo.blockSignals(True)
        combo.clear()
        with self._db().reading() as s:
            tz = timezones.zone(seminars.get_seminar(s, seminar_id).timezone)
            for item in agenda.list_sessions(s, seminar_id):
                if item.kind in ("break", "meal"):
                    continue
                start = item.starts_at.astimezone(tz)
                combo.addItem(f"{i18n.format_date(start, 'day_time')} — {shown(item.title, item.title_zh)}", item.id)
        if keep and combo.findData(keep) >= 0:
            combo.setCurrentIndex(combo.findData(keep))
        combo.blockSignals(False)
        self.show_session()

    def session_id(self) -> int:
        return int(self.f.checkInSession.currentData() or 0)

    def show_session(self) -> None:
        lst = self.f.checkInList
        self._loading = True
        lst.clear()
        session_id = self.session_id()
        if session_id:
            with self._db().reading() as s:
                roster = attendance.roster(s, session_id=session_id)
            for line in roster:
                label = f"{line.name} — {line.organisation}" if line.organisation else line.name
                if line.status == "waitlisted":
                    label += QCoreApplication.translate("CheckIn", "  (waiting list)")
                item = QListWidgetItem(label)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if line.present else Qt.CheckState.Unchecked)
                item.setData(PERSON_ROLE, line.person_id)
                item.setData(SEARCH_ROLE, label.casefold())
                item.setData(NAME_ROLE, line.name)
                lst.addItem(item)
        self._loading = False
        self.apply_filter(self.f.checkInFilter.text())

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        lst = self.f.checkInList
        for row in range(lst.count()):
            item = lst.item(row)
            item.setHidden(bool(needle) and needle not in item.data(SEARCH_ROLE))
        self._count()

    def _count(self) -> None:
        lst = self.f.checkInList
        present = sum(lst.item(r).checkState() == Qt.CheckState.Checked for r in range(lst.count()))
        self.f.checkInCount.setText(words().present_of(present, lst.count()))

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        person_id, session_id, name = item.data(PERSON_ROLE), self.session_id(), item.data(NAME_ROLE)
        ticked = item.checkState() == Qt.CheckState.Checked
        try:
            with self._db().transaction() as s:
                if ticked:
                    at = attendance.check_in(s, session_id=session_id, person_id=person_id).checked_in_at
                else:
                    at = next(a.checked_in_at for a in attendance.list_attendance(s, session_id=session_id)
                              if a.person_id == person_id)
                    attendance.undo_check_in(s, session_id=session_id, person_id=person_id)
        except LearningHubError as exc:
            self.report(exc)
            self.show_session()
            return

        def tick() -> None:
            with self._db().transaction() as s:
                attendance.check_in(s, session_id=session_id, person_id=person_id, at=at)

        def untick() -> None:
            with self._db().transaction() as s:
                attendance.undo_check_in(s, session_id=session_id, person_id=person_id)

        if ticked:
            text = QCoreApplication.translate("CheckIn", "check-in of “{name}”").format(name=name)
        else:
            text = QCoreApplication.translate("CheckIn", "removing the check-in of “{name}”").format(name=name)
        redo, undo = (tick, untick) if ticked else (untick, tick)
        self.parent.undo_stack.push(ActionCommand(text, redo, undo, self.parent.refresh,
                                                  lambda exc: self.report(exc, text)))
        self._count()

    def report(self, exc: LearningHubError, step: str = "") -> QMessageBox:
        """The core's refusal in a message; ``step`` names the undo step that was refused."""
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("CheckIn", "Not checked in"),
                          error_message(exc), parent=self.parent)
        if step:
            box.setWindowTitle(QCoreApplication.translate("CheckIn", "Not done"))
            box.setText(QCoreApplication.translate("CheckIn", "Cannot undo or redo: {step}").format(step=step))
            box.setInformativeText(error_message(exc))
        box.open()
        return box
