"""The Overview tab: edit a seminar's fields, with the core's refusals shown next to the field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ..core.services import seminars
from ..core.store import Database
from . import bilingual, labels, seminar_views
from .field_page import FieldPage


class OverviewEditor(FieldPage):
    """Binds the overview widgets of the main form to one seminar."""

    def __init__(self, form: Any, db_getter: Callable[[], Database], undo_stack: QUndoStack,
                 on_saved: Callable[[], None]) -> None:
        self.f = form
        self._db = db_getter
        self.undo_stack = undo_stack
        self.on_saved = on_saved
        self.row_id = 0
        self.loaded: dict[str, Any] = {}
        for combo, context in ((form.kindCombo, "SeminarKind"), (form.formatCombo, "SeminarFormat"),
                               (form.statusCombo, "SeminarStatus")):
            for value, label in labels.choices(context):
                combo.addItem(label, value)
        form.timezoneCombo.addItems(sorted(available_timezones()))
        form.overviewButtons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        form.overviewButtons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.revert)
        self.fields: dict[str, QWidget] = {
            "title": form.titleEdit, "Chinese title": form.titleZhEdit,
            "start": form.startDate, "end": form.endDate, "dates": form.startDate,
            "timezone": form.timezoneCombo, "kind": form.kindCombo, "format": form.formatCombo,
            "status": form.statusCombo, "venue": form.venueEdit, "city": form.cityEdit,
            "capacity": form.capacitySpin, "description": form.descriptionEdit,
            "Chinese description": form.descriptionZhEdit,
        }
        self.error_label = form.errorLabel

    # -- reading and writing the widgets
    def load(self, seminar_id: int) -> None:
        self.row_id = seminar_id
        info = seminar_views.overview(self._db(), seminar_id)
        self.loaded = seminar_views.editable_fields(self._db(), seminar_id)
        self.show_values(self.loaded)
        self.f.seatsValue.setText(info.seats)
        self.clear_error()

    def show_values(self, v: dict[str, Any]) -> None:
        f = self.f
        f.titleEdit.setText(v["title"])
        f.titleZhEdit.setText(v["title_zh"] or "")
        f.startDate.setDate(QDate(v["start"]))
        f.endDate.setDate(QDate(v["end"]))
        f.timezoneCombo.setCurrentText(v["timezone"])
        for combo, key in ((f.kindCombo, "kind"), (f.formatCombo, "format"), (f.statusCombo, "status")):
            combo.setCurrentIndex(combo.findData(v[key]))
        f.venueEdit.setText(v["venue"] or "")
        f.cityEdit.setText(v["city"] or "")
        f.capacitySpin.setValue(v["capacity"] or 0)
        f.descriptionEdit.setPlainText(v["description"] or "")
        f.descriptionZhEdit.setPlainText(v["description_zh"] or "")

    def read(self) -> dict[str, Any]:
        f = self.f
        return {
            "title": f.titleEdit.text(),
            "title_zh": f.titleZhEdit.text().strip() or None,
            "start": f.startDate.date().toPython(),
            "end": f.endDate.date().toPython(),
            "timezone": f.timezoneCombo.currentText(),
            "kind": f.kindCombo.currentData(),
            "format": f.formatCombo.currentData(),
            "status": f.statusCombo.currentData(),
            "venue": f.venueEdit.text().strip() or None,
            "city": f.cityEdit.text().strip() or None,
            "capacity": f.capacitySpin.value() or None,
            "description": f.descriptionEdit.toPlainText().strip() or None,
            "description_zh": f.descriptionZhEdit.toPlainText().strip() or None,
        }

    def apply_to(self, seminar_id: int) -> Any:
        def apply(expected_version: int, values: dict[str, Any]) -> int:
            with self._db().transaction() as s:
                return seminars.edit_seminar(s, seminar_id, expected_version=expected_version, **values).version
        return apply

    def page_name(self) -> str:
        return bilingual.shown(self.loaded["title"], self.loaded["title_zh"])

    def edit_name(self) -> str:
        title = bilingual.shown(self.loaded["title"], self.loaded["title_zh"])
        return QCoreApplication.translate("OverviewEditor", "edit of “{title}”").format(title=title)

    def saved(self) -> None:
        self.on_saved()  # the window reloads the tree and this seminar
