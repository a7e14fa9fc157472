"""The curriculum page: shown when a curriculum (or one of its years) is chosen in the tree.

Title, first and last year and description (each text also in Chinese) are saved as one
core command (``EditCurriculum``); a refusal (years the wrong way round) is shown next
to its field, and every saved edit is one undoable step, as on the Overview tab.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ...core.commands import Command
from ...core.pages.programme import CurriculumPage
from .. import bilingual, forms
from ..field_page import FieldPage
from ..seminar.host import SeminarHost


class CurriculumPageView(FieldPage, QWidget):
    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("curriculum_page").Ui_CurriculumPage()
        self.form.setupUi(self)
        self.history = host.history
        self.row_id = 0
        self.loaded: dict[str, Any] = {}
        f = self.form
        font = f.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        f.heading.setFont(font)
        f.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(lambda: self.save())
        f.buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.revert)
        self.fields: dict[str, QWidget] = {"title": f.titleEdit, "Chinese title": f.titleZhEdit,
                                           "start year": f.startYearSpin, "end year": f.endYearSpin,
                                           "description": f.descriptionEdit,
                                           "Chinese description": f.descriptionZhEdit}
        self.error_label = f.errorLabel

    def watch_edits(self, changed: Any, buttons: Any = ()) -> None:  # type: ignore[override]
        save, reset = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Reset
        super().watch_edits(changed, (self.form.buttons.button(save), self.form.buttons.button(reset)))

    def show_page(self, page: CurriculumPage) -> None:
        self.form.heading.setText(bilingual.shown(page.title, page.title_zh))
        self.form.heading.setToolTip(bilingual.other(page.title, page.title_zh))
        self.form.summary.setText(self.tr("%n seminar(s) in this curriculum. Choose one in the tree to edit it.",
                                          None, page.seminar_count))
        self.show_keeping_edits(page.id, page.values)

    def show_values(self, v: dict[str, Any]) -> None:
        f = self.form
        f.titleEdit.setText(v["title"])
        f.titleZhEdit.setText(v["title_zh"] or "")
        f.startYearSpin.setValue(v["start_year"] or f.startYearSpin.minimum())
        f.endYearSpin.setValue(v["end_year"] or f.endYearSpin.minimum())
        f.descriptionEdit.setPlainText(v["description"] or "")
        f.descriptionZhEdit.setPlainText(v["description_zh"] or "")

    def read(self) -> dict[str, Any]:
        f = self.form

        def year(spin: Any) -> int | None:
            return None if spin.value() == spin.minimum() else spin.value()

        return {"title": f.titleEdit.text(), "start_year": year(f.startYearSpin), "end_year": year(f.endYearSpin),
                "description": f.descriptionEdit.toPlainText().strip() or None,
                "title_zh": f.titleZhEdit.text().strip() or None,
                "description_zh": f.descriptionZhEdit.toPlainText().strip() or None}

    def edit_command(self, row_id: int, changes: dict[str, Any], version: int) -> Command:
        from ...core.commands.curricula import EditCurriculum

        return EditCurriculum(row_id, changes, version)

    def page_name(self) -> str:
        return bilingual.shown(self.loaded["title"], self.loaded["title_zh"])
