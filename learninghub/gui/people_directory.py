"""The People directory: everyone across all seminars, filtered as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from ..core.store import Database
from . import forms
from .people_model import PeopleModel


class PeopleDirectory(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("people_directory").Ui_PeopleDirectory()
        self.form.setupUi(self)
        self.model = PeopleModel(db, self)
        view = self.form.peopleView
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((260, 280, 120, 70, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        view.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.form.filterEdit.textChanged.connect(self.apply_filter)
        self.model.rowsInserted.connect(self._show_count)
        self.apply_filter("")

    def apply_filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_count()

    def _show_count(self, *_: object) -> None:
        shown = self.model.rowCount()
        more = "+" if self.model.canFetchMore(self.model.index(-1, -1)) else ""
        what = f"people matching “{self.model.filter_text}”" if self.model.filter_text else "people"
        self.form.countLabel.setText(f"{shown}{more} {what}" + (" (scroll for more)" if more else ""))

