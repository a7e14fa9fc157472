"""The People directory: everyone across all seminars, filtered as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from .. import forms, layout_memory
from .people_model import PeopleModel
from .person_dialog import Changes, PersonDialog, open_person_dialog


class PeopleDirectory(QWidget):
    def __init__(self, host: Changes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("people_directory").Ui_PeopleDirectory()
        self.form.setupUi(self)
        self.host = host
        self.model = PeopleModel(host.runner, self)
        view = self.form.peopleView
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((260, 280, 120, 70, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        layout_memory.prepare_table(view)
        layout_memory.restore_geometry(self, "people")
        layout_memory.restore_columns(header, "people")
        self.form.filterEdit.textChanged.connect(self.apply_filter)
        self.form.newPersonButton.clicked.connect(self.new_person)
        view.activated.connect(lambda index: self.open_person(self.model.person(index.row()).id))  # Enter, double-click
        self.model.rowsInserted.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        # The person dialog opened last.
        self.dialog: PersonDialog | None = None
        self.apply_filter("")

    def save_layout(self) -> None:
        layout_memory.save_geometry(self, "people")
        layout_memory.save_columns(self.form.peopleView.horizontalHeader(), "people")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    def new_person(self) -> PersonDialog:
        dialog = PersonDialog(self.host, None, parent=self)
        self._opened(dialog)
        dialog.open()
        return dialog

    def open_person(self, person_id: int) -> None:
        """The person's dialog, once their page is read."""
        open_person_dialog(self.host, person_id, self, self._opened)

    def _opened(self, dialog: PersonDialog) -> None:
        self.dialog = dialog

    def reload(self) -> None:
        """People changed (saved here or elsewhere): the list as stored now, same filter and order."""
        self.model.reload()

    def apply_filter(self, text: str) -> None:
        self.model.set_filter(text)

    def _show_count(self, *_: object) -> None:
        shown = self.model.rowCount()
        more = self.model.canFetchMore(self.model.index(-1, -1))
        needle = self.model.filter_text
        if more:  # a page is shown and more are there: "200+ people"
            text = (self.tr("%n+ people matching “{text}” (scroll for more)", None, shown) if needle
                    else self.tr("%n+ people (scroll for more)", None, shown))
        else:
            text = self.tr("%n people matching “{text}”", None, shown) if needle else self.tr("%n people", None, shown)
        self.form.countLabel.setText(text.format(text=needle))

