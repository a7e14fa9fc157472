"""File → New seminar: in an existing curriculum, or in a new one typed in the same box.

The dialog collects values; the core command ``AddSeminar`` makes the seminar (and the
curriculum, when its title is new) in one transaction, off the GUI thread. A refusal is
shown in the dialog, which stays open. Backing out of typed values asks first (DiscardGuard).

The days start inside the chosen curriculum's years (today's date in a curriculum of
2020–2022 was a day nobody meant): the day after its last seminar, else today if the
years hold it, else today's day and month in the nearest of its years. Until the user
sets the last day, it follows the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...core import timezones
from ...core.commands import Done
from ...core.errors import LearningHubError
from ...core.quickread import CurriculumOutline
from .. import forms, labels
from ..bilingual import shown
from ..core_text import error_message
from ..discard_guard import DiscardGuard

if TYPE_CHECKING:
    from ..people.person_dialog import Changes


def first_day_in(curriculum: CurriculumOutline | None, today: dt.date) -> dt.date:
    """A first day for a new seminar of ``curriculum``, inside its years (see the module's doc)."""
    if curriculum is None or curriculum.start_year is None:
        return today
    first_year, last_year = curriculum.start_year, curriculum.end_year or curriculum.start_year
    ends = [s.end_date for s in curriculum.seminars]
    after = max(ends) + dt.timedelta(days=1) if ends else None
    if after is not None and first_year <= after.year <= last_year:
        return after
    if first_year <= today.year <= last_year:
        return today
    year = min(max(today.year, first_year), last_year)
    return dt.date(year, today.month, min(today.day, 28 if today.month == 2 else today.day))


class NewSeminarDialog(DiscardGuard, QDialog):
    def __init__(self, host: Changes, outline: Sequence[CurriculumOutline], parent: QWidget | None = None, *,
                 curriculum_id: int = 0) -> None:
        """``outline``: the curricula the tree shows (a new seminar goes in one of them, or in a new one);
        ``curriculum_id``: the one offered first (the one chosen in the tree)."""
        super().__init__(parent)
        self.host = host
        self.outline = list(outline)
        self.form = forms.load("new_seminar").Ui_NewSeminarDialog()
        self.form.setupUi(self)
        f = self.form
        for c in outline:
            f.curriculumCombo.addItem(shown(c.title, c.title_zh), c.id)
        f.curriculumCombo.setCurrentIndex(max(0, f.curriculumCombo.findData(curriculum_id)))
        f.timezoneCombo.addItems(timezones.names())
        f.timezoneCombo.setCurrentText("Asia/Shanghai")
        for combo, context in ((f.kindCombo, "SeminarKind"), (f.formatCombo, "SeminarFormat")):
            for value, label in labels.choices(context):
                combo.addItem(label, value)
        self._days_set = False  # the user chose the days: another curriculum no longer moves them
        self._last_day_set = False  # the user chose the last day: it no longer follows the first
        self._show_default_days()
        f.curriculumCombo.currentTextChanged.connect(lambda _t: self._show_default_days())
        f.startDate.dateChanged.connect(self._first_day_changed)
        f.endDate.dateChanged.connect(self._last_day_changed)
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        # The seminar made, once the dialog was accepted.
        self.seminar_id = 0

    # -- the days
    def _curriculum(self) -> CurriculumOutline | None:
        chosen = self.form.curriculumCombo.findText(self.form.curriculumCombo.currentText().strip())
        found = self.form.curriculumCombo.itemData(chosen) if chosen >= 0 else None
        return next((c for c in self.outline if c.id == found), None)

    def _show_default_days(self) -> None:
        if self._days_set:
            return
        first = first_day_in(self._curriculum(), dt.date.today())
        f = self.form
        for edit in (f.startDate, f.endDate):
            edit.blockSignals(True)
            edit.setDate(QDate(first))
            edit.blockSignals(False)

    def _first_day_changed(self, first: QDate) -> None:
        self._days_set = True
        f = self.form
        if not self._last_day_set or f.endDate.date() < first:
            f.endDate.blockSignals(True)
            f.endDate.setDate(first)
            f.endDate.blockSignals(False)

    def _last_day_changed(self, _last: QDate) -> None:
        self._days_set = self._last_day_set = True

    # -- saving
    def values(self) -> dict[str, object]:
        """What the seminar is made of (and what backing out would lose: DiscardGuard)."""
        f = self.form
        return {"curriculum": f.curriculumCombo.currentText().strip(), "title": f.titleEdit.text(),
                "title_zh": f.titleZhEdit.text().strip() or None,
                "start": f.startDate.value(), "end": f.endDate.value(),
                "timezone": f.timezoneCombo.currentText(), "venue": f.venueEdit.text().strip() or None,
                "city": f.cityEdit.text().strip() or None,
                "kind": f.kindCombo.currentData(), "format": f.formatCombo.currentData()}

    def accept(self) -> None:
        """Create the seminar (and the curriculum, if its title is new) in one transaction, off the GUI thread."""
        from ...core.commands.seminars import AddSeminar

        f = self.form
        values = self.values()
        typed = str(values.pop("curriculum"))
        chosen = f.curriculumCombo.findText(typed)
        command = AddSeminar(
            curriculum_id=int(f.curriculumCombo.itemData(chosen)) if chosen >= 0 else 0,
            new_curriculum_title="" if chosen >= 0 else typed, values=values)
        ok = f.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # one save at a time

        def saved(done: Done) -> None:
            self.seminar_id = int(done.result)
            QDialog.accept(self)

        def refused(exc: LearningHubError) -> None:
            ok.setEnabled(True)
            f.errorLabel.setText(error_message(exc))

        f.errorLabel.setText("")
        self.host.history.apply(command, then=saved, refused=refused)
