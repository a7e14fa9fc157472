"""File → New / Open / Open recent: choose which database the window works on.

The dialogs only pick a path; :meth:`DatabaseSwitcher.open_path` does the work, so
tests (and the recent-files menu) call it directly. A refused file (not a database,
a newer schema) is reported in a message box and the current database stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from ..core.errors import LearningHubError
from ..core.store import Database, open_database

RECENT_KEY = "database/recent"
MAX_RECENT = 8


def _file_filter() -> str:
    return QCoreApplication.translate("DatabaseSwitcher", "Learning Hub databases (*.sqlite *.db);;All files (*)")


def recent_databases() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    return [str(v) for v in (value if isinstance(value, list) else [value]) if v]


def remember(path: str) -> None:
    items = [path] + [p for p in recent_databases() if p != path]
    QSettings().setValue(RECENT_KEY, items[:MAX_RECENT])


class DatabaseSwitcher:
    def __init__(self, window: QMainWindow, menu_recent: QMenu, on_open: Callable[[Database], None]) -> None:
        self.window = window
        self.menu_recent = menu_recent
        self.on_open = on_open
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        from .backup_menu import BackupActions

        #: File → Backup… / Restore… (a restore reopens the database through open_path).
        self.backups = BackupActions(window, lambda: window.db, self.open_path)  # type: ignore[attr-defined]

    def ask_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("DatabaseSwitcher", "New database"), "hub.sqlite",
                                              _file_filter())
        if path:
            if Path(path).exists():
                self.report(QCoreApplication.translate("DatabaseSwitcher", "That file exists already. Choose Open database to open it."))
                return
            self.open_path(path)

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("DatabaseSwitcher", "Open database"), "",
                                              _file_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> Database | None:
        """Open (creating or upgrading) ``path``; report a refusal instead of raising."""
        try:
            db = open_database(path)
        except LearningHubError as exc:
            self.report(exc.user_message)
            return None
        remember(str(db.target.sqlite_path or db.target.url))
        self.on_open(db)
        if db.backup_path is not None:
            self.window.statusBar().showMessage(QCoreApplication.translate(
                "DatabaseSwitcher", "Upgraded; the previous version is kept as {name}").format(name=db.backup_path.name))
        return db

    def report(self, message: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DatabaseSwitcher", "Cannot open the database"), message,
                          parent=self.window)
        box.open()  # window-modal, never blocks the event loop
        return box

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        items = recent_databases()
        if not items:
            self.menu_recent.addAction(QCoreApplication.translate("DatabaseSwitcher", "(none yet)")).setEnabled(False)
        for path in items:
            action = self.menu_recent.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
