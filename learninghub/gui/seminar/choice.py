"""Tables of a seminar tab keep the user's chosen row when their page is read again.

Why: the page is read again after every change, and a read finishes whenever the server
answers — possibly after the user chose the next row. A table model reset drops the
selection, and the tab's buttons (Edit, Delete, Set status) would then do nothing. The
rows carry the ids of what they show (``RowsModel.key``), so the choice follows its id.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

from ..table_model import RowsModel


def repaint_keeping_choice(view: QAbstractItemView, model: RowsModel, paint: Callable[[], None]) -> None:
    """Run ``paint`` (which resets ``model``); the selected rows and the current one, if their ids are
    still shown, are chosen again."""
    selection = view.selectionModel()
    chosen = [model.key(index.row()) for index in selection.selectedRows()]
    current = view.currentIndex()
    current_key, column = (model.key(current.row()), current.column()) if current.isValid() else (0, 0)
    paint()
    rows = {model.key(row): row for row in range(model.rowCount())}
    flags = QItemSelectionModel.SelectionFlag
    if current_key in rows:
        selection.setCurrentIndex(model.index(rows[current_key], column), flags.NoUpdate)
    for key in chosen:
        if key in rows:
            selection.select(model.index(rows[key], 0), flags.Select | flags.Rows)
