"""File → New / Open / Connect to a server / Open recent: which database the window works on.

The dialogs only pick a path; :meth:`DatabaseSwitcher.open_path` does the work, off the
GUI thread, so tests (and the recent-files menu) call it directly. A refused file (not a database,
a newer schema) is reported in a message box and the current database stays open.
Server databases are remembered and shown without their password
(:mod:`.server_url`); reopening one from Open recent connects off the GUI thread and
asks for the password again when the server wants one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from ...core.errors import LearningHubError
from ...core.store import Database, DatabaseDamaged, open_database
from ..core_text import error_message
from .server_url import ServerSettings, display_name, has_password, is_server_url, parse, storable

RECENT_KEY = "database/recent"
MAX_RECENT = 8


def _file_filter() -> str:
    return QCoreApplication.translate("DatabaseSwitcher", "Learning Hub databases (*.sqlite *.db);;All files (*)")


def recent_databases() -> list[str]:
    """Files and server URLs, newest first; a server URL never with its password (also
    when an older version stored one: it is dropped on reading)."""
    value = QSettings().value(RECENT_KEY, [])
    raw = [str(v) for v in (value if isinstance(value, list) else [value]) if v]
    items = list(dict.fromkeys(storable(v) if is_server_url(v) else v for v in raw))
    if items != raw:
        QSettings().setValue(RECENT_KEY, items)  # nothing secret left on disk
    return items


def remember(path: str) -> None:
    path = storable(path) if is_server_url(path) else path
    items = [path] + [p for p in recent_databases() if p != path]
    QSettings().setValue(RECENT_KEY, items[:MAX_RECENT])


class DatabaseSwitcher:
    def __init__(self, window: QMainWindow, menu_recent: QMenu, on_open: Callable[[Database], None]) -> None:
        self.window = window
        self.menu_recent = menu_recent
        self.on_open = on_open
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        from .backup_menu import BackupActions

        # File → Backup… / Restore… (a restore reopens the database through open_path).
        self.backups = BackupActions(window, lambda: window.db, self.open_path)  # type: ignore[attr-defined]
        # File → Connect to a server…, placed after Open database.
        self.connect_action = QAction(QCoreApplication.translate("DatabaseSwitcher", "&Connect to a server…"), window)
        self.connect_action.setObjectName("actionConnectServer")
        window.form.menuFile.insertAction(menu_recent.menuAction(), self.connect_action)  # type: ignore[attr-defined]
        self.connect_action.triggered.connect(lambda: self.ask_connect())
        self.connect_dialog: Any = None
        self.op: Any = None  # a reopening from Open recent, on a worker
        self.restore_box: QMessageBox | None = None  # the offer to restore a damaged file's backup

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

    def open_path(self, path: str) -> None:
        """Open (creating or upgrading) the file ``path``, or a server URL, off the GUI thread (a new file
        is migrated, an older one copied and upgraded: seconds the window goes on meanwhile); the window
        switches once it is open, and a refusal is reported instead."""
        if is_server_url(path):
            self.open_server(path)
            return

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, LearningHubError):  # not a refusal (not a database, a newer schema…): a bug
                raise exc
            if isinstance(exc, DatabaseDamaged) and exc.backup is not None:
                self.restore_box = offer_restore(self.window, exc, self.use, self.report)
                return
            self.report(error_message(exc) + _no_backup_note(exc))

        self.window.runner.background(lambda: open_database(path), self.use, refused)  # type: ignore[attr-defined]

    def use(self, db: Database) -> None:
        """Make ``db`` the window's database, remembered (without a password) in Open recent."""
        remember(str(db.target.sqlite_path or db.target.url))
        self.on_open(db)
        if db.target.sqlite_path is None:
            self.window.statusBar().showMessage(QCoreApplication.translate(
                "DatabaseSwitcher", "Connected to {where}").format(where=display_name(db.target.url)))
        if db.backup_path is not None:
            self.window.statusBar().showMessage(QCoreApplication.translate(
                "DatabaseSwitcher", "Upgraded; the previous version is kept as {name}").format(name=db.backup_path.name))
        show_read_only(self.window, db)

    def ask_connect(self, settings: ServerSettings | None = None, message: str = "") -> Any:
        """File → Connect to a server… (window-modal, never blocking); returns the dialog."""
        from .connect_dialog import ConnectServerDialog

        self.connect_dialog = ConnectServerDialog(self.window, lambda db, _settings: self.use(db), settings, message)
        self.connect_dialog.open()
        return self.connect_dialog

    def open_server(self, url: str) -> Any:
        """Reopen a server database from Open recent, off the GUI thread. Without a stored
        password libpq tries PGPASSWORD and ~/.pgpass; if the server still wants one, the
        Connect dialog opens filled in, asking for it."""
        from ..operations import BackgroundOp, Progress
        from .connect_dialog import explain, is_password_problem

        try:
            settings = parse(url)
        except ValueError:  # not a server URL one can connect to: the core says what is wrong with it
            try:
                open_database(url).close()  # refused at once, before any connection
            except LearningHubError as exc:
                return self.report(error_message(exc))
            raise

        def work(_progress: Progress) -> Database:
            return open_database(url)

        def failed(exc: BaseException) -> None:
            if is_password_problem(exc) and not has_password(url):
                self.ask_connect(settings, explain(exc, settings))
            else:
                self.report(explain(exc, settings))

        self.op = BackgroundOp(self.window, QCoreApplication.translate(
            "DatabaseSwitcher", "Connecting to {where}").format(where=settings.display), work, self.use, failed)
        return self.op.start()

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
            action = self.menu_recent.addAction(display_name(path))
            if is_server_url(path):
                action.triggered.connect(lambda _checked=False, p=path: self.open_server(p))
            else:
                action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))


def _no_backup_note(exc: BaseException) -> str:
    if isinstance(exc, DatabaseDamaged) and exc.backup is None:
        return "\n\n" + QCoreApplication.translate("DatabaseSwitcher", "No backup of it was found.")
    return ""


def offer_restore(window: QMainWindow, exc: DatabaseDamaged, opened: Callable[[Database], None],
                  report: Callable[[str], Any], declined: Callable[[], Any] = lambda: None) -> QMessageBox:
    """A damaged file was refused: say so, and offer to restore its newest good backup over it
    (window-modal, never blocking). Restoring keeps the damaged file as a safety copy beside it,
    then opens the database again; ``opened`` gets it, ``report`` any refusal on the way, and
    ``declined`` is called when the user does not want it."""
    import datetime as dt

    backup = exc.backup
    assert backup is not None
    made = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    text = error_message(exc) + "\n\n" + QCoreApplication.translate(
        "DatabaseSwitcher", "The newest good backup is {name}, made {when}. Restore it? The damaged file is kept "
        "beside it as a safety copy.").format(name=str(backup), when=made)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DatabaseSwitcher", "The database is damaged"),
                      text, parent=window)
    restore_button = box.addButton(QCoreApplication.translate("DatabaseSwitcher", "&Restore the backup"),
                                   QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore_button)
    path = exc.path

    def work() -> Database:
        from ...exporting.backup import restore

        damaged = open_database(str(path), check_integrity=False)  # only to be written over
        try:
            restore(damaged, backup)
        finally:
            damaged.close()
        return open_database(str(path))

    def failed(error: BaseException) -> None:
        if not isinstance(error, LearningHubError):
            raise error
        report(error_message(error))

    def answered() -> None:
        if box.clickedButton() is restore_button:
            window.runner.background(work, opened, failed)  # type: ignore[attr-defined]
        else:
            declined()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def show_read_only(window: QMainWindow, db: Database) -> None:
    """Say in the status bar that a database opened read-only can be read but not changed
    (every change is refused with the same words)."""
    if getattr(db, "read_only", False):
        window.statusBar().showMessage(QCoreApplication.translate(
            "DatabaseSwitcher", "{name} is read-only: it can be read but not changed").format(
            name=str(db.target.sqlite_path)))
