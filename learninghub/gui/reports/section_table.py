"""A section's table: its rows as the document prints them, numbers right-aligned."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...documents.outcome_sections import Section

Index = QModelIndex | QPersistentModelIndex
#: A table taller than this many lines scrolls inside itself.
MOST_LINES = 14


def shown(value: Any) -> str:
    """A cell as text: whole numbers with thousands marks, rates with one decimal, nothing as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}" if value != int(value) or abs(value) < 1000 else f"{value:,.0f}"
    return str(value).replace("\n", " – ")


class SectionModel(QAbstractTableModel):
    def __init__(self, section: Section, parent: Any = None) -> None:
        super().__init__(parent)
        self.section = section

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.section.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.headers)

    def value(self, row: int, column: int) -> Any:
        return self.section.rows[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(self.value(index.row(), index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() in self.section.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.section.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.section.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.section.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def section_view(section: Section, parent: QWidget | None = None) -> QTableView:
    """A read-only table of ``section``, as tall as its lines (up to :data:`MOST_LINES`, then it scrolls)."""
    view = QTableView(parent)
    view.setObjectName(f"table_{section.key}")
    view.setModel(SectionModel(section, view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.resizeColumnsToContents()
    for column in range(len(section.headers)):  # a long title does not take the whole width
        header.resizeSection(column, min(header.sectionSize(column), 360))
    if len(section.headers) <= 3:  # a name and its figures: the name takes the room
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # the key figures all at once; a long list scrolls inside its table
    lines = max(1, len(section.rows) if section.key == "summary" else min(len(section.rows), MOST_LINES))
    height = (header.sizeHint().height() + lines * view.verticalHeader().defaultSectionSize()
              + 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height())
    view.setFixedHeight(height)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view
