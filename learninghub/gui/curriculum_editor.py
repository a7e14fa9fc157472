"""The curriculum page: shown when a curriculum (or one of its years) is chosen in the tree.

Title, first and last year and description (each text also in Chinese) are saved through
``curricula.edit_curriculum``; a refusal (years the wrong way round) is shown next
to its field, and every saved edit is one undoable step, as on the Overview tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ..core.services import curricula, seminars
from ..core.store import Database
from . import bilingual, forms
from .field_page import FieldPage


class CurriculumPage(FieldPage, QWidget):
    def __init__(self, db_getter: Callable[[], Database], undo_stack: QUndoStack,
                 on_saved: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("curriculum_page").Ui_CurriculumPage()
        self.form.setupUi(self)
        self._db, self.undo_stack, self.on_saved = db_getter, undo_stack, on_saved
        self.row_id = 0
        self.loaded: dict[str, Any] = {}
        f = self.form
        font = f.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        f.heading.setFont(font)
        f.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        f.buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.revert)
        self.fields: dict[str, QWidget] = {"title": f.titleEdit, "Chinese title": f.titleZhEdit,
                                           "start year": f.startYearSpin, "end year": f.endYearSpin,
                                           "description": f.descriptionEdit,
                                           "Chinese description": f.descriptionZhEdit}
        self.error_label = f.errorLabel

    def load(self, curriculum_id: int) -> None:
        self.row_id = curriculum_id
        with self._db().reading() as s:
            c = curricula.get_curriculum(s, curriculum_id)
            self.loaded = {"title": c.title, "start_year": c.start_year, "end_year": c.end_year,
                           "description": c.description, "title_zh": c.title_zh,
                           "description_zh": c.description_zh, "version": c.version}
            held = seminars.list_seminars(s, curriculum_id)
        self.form.heading.setText(bilingual.shown(self.loaded["title"], self.loaded["title_zh"]))
        self.form.heading.setToolTip(bilingual.other(self.loaded["title"], self.loaded["title_zh"]))
        count = len(held)
        self.form.summary.setText(self.tr("%n seminar(s) in this curriculum. Choose one in the tree to edit it.",
                                          None, count))
        self.show_values(self.loaded)
        self.clear_error()

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

    def apply_to(self, curriculum_id: int) -> Any:
        def apply(expected_version: int, values: dict[str, Any]) -> int:
            with self._db().transaction() as s:
                return curricula.edit_curriculum(s, curriculum_id, expected_version=expected_version,
                                                 **values).version
        return apply

    def page_name(self) -> str:
        return bilingual.shown(self.loaded["title"], self.loaded["title_zh"])

    def edit_name(self) -> str:
        return self.tr("edit of “{title}”").format(title=bilingual.shown(self.loaded["title"], self.loaded["title_zh"]))

    def saved(self) -> None:
        self.on_saved()
