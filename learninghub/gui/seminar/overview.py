"""The Overview tab: a seminar's fields, edited and saved as one core command, with its organisers and partners.

The core's refusals are shown next to the field they name; the seats line and the
title follow the page read by the core (``SeminarPage``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ...core import timezones
from ...core.commands import Command
from ...core.pages.seminar import SeminarPage
from .. import bilingual, forms, labels
from ..counts import words
from ..field_page import FieldPage
from .host import SeminarHost
from .partners import PartnersEditor


class OverviewTab(FieldPage, QWidget):
    """Binds the overview form to one seminar at a time."""

    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("overview_tab").Ui_OverviewTab()
        self.form.setupUi(self)
        self.host = host
        self.history = host.history
        self.row_id = 0
        self.loaded: dict[str, Any] = {}
        f = self.form
        for combo, context in ((f.kindCombo, "SeminarKind"), (f.formatCombo, "SeminarFormat"),
                               (f.statusCombo, "SeminarStatus")):
            for value, label in labels.choices(context):
                combo.addItem(label, value)
        f.timezoneCombo.addItems(timezones.names())
        f.overviewButtons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(lambda: self.save())
        f.overviewButtons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.revert)
        self.fields: dict[str, QWidget] = {
            "title": f.titleEdit, "Chinese title": f.titleZhEdit,
            "start": f.startDate, "end": f.endDate, "dates": f.startDate,
            "timezone": f.timezoneCombo, "kind": f.kindCombo, "format": f.formatCombo,
            "status": f.statusCombo, "venue": f.venueEdit, "city": f.cityEdit,
            "capacity": f.capacitySpin, "description": f.descriptionEdit,
            "Chinese description": f.descriptionZhEdit,
        }
        self.error_label = f.errorLabel
        title_font = f.seminarTitle.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        f.seminarTitle.setFont(title_font)
        self.partners = PartnersEditor(host, f)

    def watch_edits(self, changed: Any, buttons: Any = ()) -> None:  # type: ignore[override]
        save, reset = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Reset
        buttons = (self.form.overviewButtons.button(save), self.form.overviewButtons.button(reset))
        super().watch_edits(changed, buttons)

    def show_page(self, page: SeminarPage) -> None:
        f = self.form
        f.seminarTitle.setText(bilingual.shown(page.title, page.title_zh))
        f.seminarTitle.setToolTip(bilingual.other(page.title, page.title_zh))
        capacity = page.values["capacity"]
        seats = (QCoreApplication.translate("SeminarViews", "{taken} of {capacity}").format(
                     taken=page.seats_taken, capacity=capacity) if capacity
                 else QCoreApplication.translate("SeminarViews", "{taken} (no limit)").format(taken=page.seats_taken))
        if page.waiting:
            seats += words().on_waiting_list(len(page.waiting))
        f.seatsValue.setText(seats)
        self.show_keeping_edits(page.id, page.values)
        self.partners.show_page(page)

    # -- reading and writing the widgets
    def show_values(self, v: dict[str, Any]) -> None:
        f = self.form
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
        f = self.form
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

    def edit_command(self, row_id: int, changes: dict[str, Any], version: int) -> Command:
        from ...core.commands.seminars import EditSeminar

        return EditSeminar(row_id, changes, version)

    def page_name(self) -> str:
        return bilingual.shown(self.loaded["title"], self.loaded["title_zh"])

    def restore_layout(self) -> None:
        """Nothing to remember on this tab (its fields fill the width)."""

    def save_layout(self) -> None:
        """Nothing to remember on this tab."""
