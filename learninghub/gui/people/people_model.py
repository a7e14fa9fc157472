"""The People directory's table: one page of rows at a time, straight from the search index.

A proxy model that filters 100,000 rows in Python takes a second per keystroke; here
each keystroke is one indexed query for the first page (~10 ms), and scrolling
fetches the next page (Qt's canFetchMore/fetchMore). Both are read off the GUI thread
(``runner.load``): a keystroke typed while a page is on its way drops that page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...core.services import people
from ...core.services.search import PersonRow
from ...core.store import Database
from .. import labels
from ..runner import Runner

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
# (header, what the cell shows, the order the core sorts by when the header is clicked)
COLUMNS: list[tuple[str, Any, str]] = [
    (QT_TRANSLATE_NOOP("Columns", "Name"), lambda p: p.display_name, "name"),
    (QT_TRANSLATE_NOOP("Columns", "Organisation"), lambda p: p.organisation_name or "", "organisation"),
    (QT_TRANSLATE_NOOP("Columns", "City"), lambda p: p.city_name or "", "city"),
    (QT_TRANSLATE_NOOP("Columns", "Country"), lambda p: p.country or "", "country"),
    (QT_TRANSLATE_NOOP("Columns", "Role"), lambda p: labels.person_role(p.role), "role"),
    (QT_TRANSLATE_NOOP("Columns", "Email"), lambda p: p.email or "", "email"),
]


def people_reader(search_text: str | None, *, limit: int, offset: int = 0, order: str = "name",
                  descending: bool = False) -> Callable[[Database], list[PersonRow]]:
    """A read for ``runner.load``: one page of the people matching ``search_text`` (every person for None),
    as the directory, the register box and the speaker search list them."""
    def read(db: Database) -> list[PersonRow]:
        with db.reading() as s:
            return people.list_people(s, search_text=search_text, limit=limit, offset=offset, order=order,
                                      descending=descending)
    return read


class PeopleModel(QAbstractTableModel):
    def __init__(self, runner: Runner, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._filter = ""
        self._order, self._descending = "name", False
        self._rows: list[PersonRow] = []
        self._exhausted = True
        self._fetching = False
        self._filtered = False  # nothing is read before the first filter is set (a view sorts as it is set up)

    def set_filter(self, text: str) -> None:
        """Show the people matching ``text`` (every person when empty), first page only."""
        self._filter = text.strip()
        self._filtered = True
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the database (an index walk or one ORDER BY), never row by row in Python."""
        if not 0 <= column < len(COLUMNS):
            return
        self._order, self._descending = COLUMNS[column][2], order == Qt.SortOrder.DescendingOrder
        if self._filtered:  # else the order is kept for the first read (the directory sets its filter last)
            self.reload()  # the first page in the new order (more rows come on scrolling)

    def reload(self) -> None:
        """The first page again (a new filter or order, or people changed)."""
        self.runner.forget("people-more")
        self._fetching = False
        self.runner.load("people", self._reader(0), self._first_page)

    def _first_page(self, rows: list[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < PAGE
        self.endResetModel()

    def _reader(self, offset: int) -> Callable[[Database], list[PersonRow]]:
        return people_reader(self._filter or None, limit=PAGE, offset=offset, order=self._order,
                             descending=self._descending)

    @property
    def filter_text(self) -> str:
        return self._filter

    def person(self, row: int) -> PersonRow:
        return self._rows[row]

    # -- Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](person)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and person.title:
            return person.title
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("Columns", COLUMNS[section][0])
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        self.runner.load("people-more", self._reader(len(self._rows)), self._more)

    def _more(self, more: list[PersonRow]) -> None:
        self._fetching = False
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
