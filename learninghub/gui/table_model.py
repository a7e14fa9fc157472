"""A read-only table of plain rows, for small lists (an agenda, a seminar's participants).

Rows are copied out of the database session as tuples, so painting never touches
the database. Big tables (the People directory) use a model that queries per page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

#: The tint of a row that needs attention (a conflict), light enough to read through.
WARNING_TINT = QColor(255, 228, 196)

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Any, ...]] = []
        self._tooltips: list[str | None] = []
        self._keys: list[int] = []

    def set_rows(self, rows: Sequence[tuple[Any, ...]], tooltips: Sequence[str | None] | None = None,
                 keys: Sequence[int] | None = None) -> None:
        """Show ``rows``; ``keys`` are the ids of what each row shows (a session, a registration);
        a row with a tooltip is one that needs attention and is tinted."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = list(keys) if keys is not None else [0] * len(self._rows)
        self._tooltips = list(tooltips) if tooltips is not None else [None] * len(self._rows)
        self.endResetModel()

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
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None
