"""File → New seminar: in an existing curriculum, or in a new one typed in the same box.

The dialog collects values; the core command ``AddSeminar`` makes the seminar (and the
curriculum, when its title is new) in one transaction, off the GUI thread. A refusal is
shown in the dialog, which stays open.
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

if TYPE_CHECKING:
    from ..people.person_dialog import Changes


class NewSeminarDialog(QDialog):
    def __init__(self, host: Changes, outline: Sequence[CurriculumOutline], parent: QWidget | None = None) -> None:
        """``outline``: the curricula the tree shows (a new seminar goes in one of them, or in a new one)."""
        super().__init__(parent)
        self.host = host
        self.form = forms.load("new_seminar").Ui_NewSeminarDialog()
        self.form.setupUi(self)
        f = self.form
        for c in outline:
            f.curriculumCombo.addItem(shown(c.title, c.title_zh), c.id)
        f.timezoneCombo.addItems(timezones.names())
        f.timezoneCombo.setCurrentText("Asia/Shanghai")
        for combo, context in ((f.kindCombo, "SeminarKind"), (f.formatCombo, "SeminarFormat")):
            for value, label in labels.choices(context):
                combo.addItem(label, value)
        today = dt.date.today()
        f.startDate.setDate(QDate(today))
        f.endDate.setDate(QDate(today))
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        # The seminar made, once the dialog was accepted.
        self.seminar_id = 0

    def accept(self) -> None:
        """Create the seminar (and the curriculum, if its title is new) in one transaction, off the GUI thread."""
        from ...core.commands.seminars import AddSeminar

        f = self.form
        typed = f.curriculumCombo.currentText().strip()
        chosen = f.curriculumCombo.findText(typed)
        command = AddSeminar(
            curriculum_id=int(f.curriculumCombo.itemData(chosen)) if chosen >= 0 else 0,
            new_curriculum_title="" if chosen >= 0 else typed,
            values={"title": f.titleEdit.text(), "title_zh": f.titleZhEdit.text().strip() or None,
                    "start": f.startDate.date().toPython(), "end": f.endDate.date().toPython(),
                    "timezone": f.timezoneCombo.currentText(), "city": f.cityEdit.text() or None,
                    "kind": f.kindCombo.currentData(), "format": f.formatCombo.currentData()})
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
