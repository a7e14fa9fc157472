"""Remember how the user arranged the windows: geometry, splitters, table columns.

Everything goes to QSettings under one key per window or table, written when the
window closes and read back when it is made. Qt's own ``saveState`` blobs hold a
header's widths, column order, hidden columns and sort column, so a restored table
looks exactly as it was left. A blob from an older layout (other columns) is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget


def _blob(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_geometry(widget: QWidget, key: str) -> bool:
    blob = _blob(f"{key}/geometry")
    return bool(blob) and widget.restoreGeometry(blob)


def save_geometry(widget: QWidget, key: str) -> None:
    QSettings().setValue(f"{key}/geometry", widget.saveGeometry())


def restore_splitter(splitter: QSplitter, key: str) -> bool:
    blob = _blob(f"{key}/splitter")
    return bool(blob) and splitter.restoreState(blob)


def save_splitter(splitter: QSplitter, key: str) -> None:
    QSettings().setValue(f"{key}/splitter", splitter.saveState())


def prepare_table(view: QTableView) -> None:
    """Columns the user may drag into another order and sort by clicking their header."""
    view.horizontalHeader().setSectionsMovable(True)
    view.setSortingEnabled(True)


def restore_columns(header: QHeaderView, key: str) -> bool:
    """The widths, order and sort of ``header`` as last saved; False (defaults kept) if none fit."""
    blob = _blob(f"columns/{key}")
    if blob is None or header.model() is None:
        return False
    count = header.count()
    if not header.restoreState(blob) or header.count() != count:
        return False
    # restoreState sets the sort indicator; the model must follow it
    if header.isSortIndicatorShown() and header.sortIndicatorSection() >= 0:
        header.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    return True


def save_columns(header: QHeaderView, key: str) -> None:
    QSettings().setValue(f"columns/{key}", header.saveState())


def save_place(database: str, seminar_id: int, curriculum_id: int, tab: int) -> None:
    """Where the user was in ``database`` (``Target.label``: a file path, or a server and database name):
    the next start opens there."""
    settings = QSettings()
    settings.setValue("main/place/database", database)
    settings.setValue("main/place/seminar", seminar_id)
    settings.setValue("main/place/curriculum", curriculum_id)
    settings.setValue("main/place/tab", tab)


def saved_place(database: str) -> tuple[int, int, int] | None:
    """(seminar id, curriculum id, tab) last shown in ``database``, or None (another database, nothing yet)."""
    settings = QSettings()
    if settings.value("main/place/database") != database:
        return None
    try:
        return tuple(int(settings.value(f"main/place/{key}") or 0)  # type: ignore[return-value]
                     for key in ("seminar", "curriculum", "tab"))
    except (TypeError, ValueError):  # a value from some other version: start on the plain tree
        return None
