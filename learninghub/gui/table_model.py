"""A read-only table of plain rows, for small lists (an agenda, a seminar's participants).

Rows are copied out of the database session as tuples, so painting never touches
the database. Big tables (the People directory) use a model that queries per page.
Sorting happens here (a few hundred rows at most); "natural" columns (a day, a time,
a name in family-name order) sort by the order the core delivered, not by their text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

# The tint of a row that needs attention (a conflict), light enough to read through.
WARNING_TINT = QColor(255, 228, 196)

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: Any = None, *, natural: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._natural = set(natural)
        self._rows: list[tuple[Any, ...]] = []
        self._tooltips: list[str | None] = []
        self._keys: list[int] = []
        self._pos: list[int] = []  # each row's place in the order the rows were delivered
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[tuple[Any, ...]], tooltips: Sequence[str | None] | None = None,
                 keys: Sequence[int] | None = None) -> None:
        """Show ``rows``; ``keys`` are the ids of what each row shows (a session, a registration);
        a row with a tooltip is one that needs attention and is tinted."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = list(keys) if keys is not None else [0] * len(self._rows)
        self._tooltips = list(tooltips) if tooltips is not None else [None] * len(self._rows)
        self._pos = list(range(len(self._rows)))
        self._apply_sort()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (and keep that order when new rows arrive)."""
        if not 0 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._pos)  # row number -> delivered position
        self._sort = (column, order)
        self._apply_sort()
        now = {pos: n for n, pos in enumerate(self._pos)}
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, self.index(now[before[index.row()]], index.column()))
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort

        def key(n: int) -> Any:
            if column in self._natural:
                return self._pos[n]
            value = self._rows[n][column]
            return ("" if value is None else str(value)).casefold(), self._pos[n]

        positions = sorted(range(len(self._rows)), key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[n] for n in positions]
        self._keys = [self._keys[n] for n in positions]
        self._tooltips = [self._tooltips[n] for n in positions]
        self._pos = [self._pos[n] for n in positions]

    def row(self, number: int) -> tuple[Any, ...]:
        return self._rows[number]

    def key(self, number: int) -> int:
        return self._keys[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()][index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and self._tooltips[index.row()]:
            return WARNING_TINT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            # headers are English, marked in columns.py; shown in the interface language
            return QCoreApplication.translate("Columns", self._headers[section]) if 0 <= section < len(self._headers) else None
        return None


def show_rows(view: QTableView, model: RowsModel, *, stretch: int, fixed: dict[int, int] | None = None) -> None:
    """``view`` shows ``model``: short columns fit their contents, column ``stretch`` takes the rest, long ones
    (``fixed``: column → width) wrap at a width the user may drag; sorted by the first column, remembered."""
    from . import layout_memory

    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in (fixed or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    view.verticalHeader().setVisible(False)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    layout_memory.prepare_table(view)
