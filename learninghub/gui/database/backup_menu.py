"""File → Backup… and File → Restore…, and the automatic backup when the app opens.

The dialogs only pick a path; :meth:`BackupActions.backup_to` and
:meth:`BackupActions.restore_from` do the work (off the GUI thread), so tests call
them directly or patch the dialog. Refusals are shown in a window-modal message box.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ...core.errors import LearningHubError
from ..core_text import error_message
from ..operations import BackgroundOp, Progress

log = logging.getLogger(__name__)


def backup_on_open(db: Any) -> threading.Thread | None:
    """The rotating backup of the database just opened, on a worker thread so the window
    stays responsive (it touches no widget). Failures are logged, never shown: the user
    did not ask for this copy."""
    if db is None:
        return None
    if db.target.sqlite_path is None:  # a server database is not a file to copy
        from .server_url import database_label

        log.info("no automatic backup of %s: a server database is backed up by its administrator, "
                 "or as a portable dump with File → Backup…", database_label(db.target))
        return None

    def work() -> None:
        from ...exporting.rotation import rotating_backup

        try:
            rotating_backup(db)
        except Exception:  # a failed automatic copy must not disturb the app
            log.warning("the automatic backup failed", exc_info=True)

    thread = threading.Thread(target=work, name="learninghub-backup-on-open", daemon=True)
    thread.start()
    return thread


class BackupActions:
    """The two File menu entries, placed above Quit."""

    def __init__(self, window: QMainWindow, db_getter: Callable[[], Any],
                 reopen: Callable[[str], Any]) -> None:
        self.w = window
        self._db = db_getter
        self._reopen = reopen
        self.op: BackgroundOp[Any] | None = None
        menu = window.form.menuFile  # type: ignore[attr-defined]
        quit_action = window.form.actionQuit  # type: ignore[attr-defined]
        self.backup_action = QAction(QCoreApplication.translate("BackupActions", "&Backup…"), window)
        self.backup_action.setObjectName("actionBackup")
        self.restore_action = QAction(QCoreApplication.translate("BackupActions", "Res&tore…"), window)  # Alt+R is Open recent
        self.restore_action.setObjectName("actionRestore")
        separator = menu.insertSeparator(quit_action)
        menu.insertActions(separator, [self.backup_action, self.restore_action])
        self.backup_action.triggered.connect(self.ask_backup)
        self.restore_action.triggered.connect(self.ask_restore)

    # -- backup
    def ask_backup(self) -> None:
        db = self._db()
        stem = db.target.sqlite_path.stem if db.target.sqlite_path else "learninghub"
        suggested = f"{stem}-backup-{dt.date.today():%Y%m%d}" + (".sqlite" if db.target.sqlite_path else ".jsonl")
        from ..file_places import last_folder, remember_folder

        path, _ = QFileDialog.getSaveFileName(
            self.w, QCoreApplication.translate("BackupActions", "Back up the database"), str(last_folder() / suggested),
            QCoreApplication.translate("BackupActions", "Learning Hub backup (*.sqlite);;Portable dump (*.jsonl);;All files (*)"))
        if path:
            remember_folder(Path(path))
            self.backup_to(Path(path))

    def backup_to(self, path: Path) -> BackgroundOp[Any]:
        """Write the backup off the GUI thread; the status bar says where when done."""
        from ...exporting.backup import backup

        db = self._db()

        def work(progress: Progress) -> Any:
            progress.step(0, 1, QCoreApplication.translate("BackupActions", "Backing up…"))
            return backup(db, path)

        def done(result: Any) -> None:
            self.w.statusBar().showMessage(QCoreApplication.translate("BackupActions", "Backup written to {path}").format(path=result.path))

        self.op = BackgroundOp(self.w, QCoreApplication.translate("BackupActions", "Backing up the database"), work, done,
                               lambda exc: self._failed(QCoreApplication.translate("BackupActions", "No backup"), exc))
        return self.op.start()

    # -- restore
    def ask_restore(self) -> None:
        """File → Restore…: the page on screen is saved or discarded first (its edits belong to the data
        being replaced; saved, they are in the safety copy), then the backup is chosen and confirmed."""
        ask_to_leave = getattr(self.w, "ask_to_leave", None)
        if ask_to_leave is not None:
            ask_to_leave(self._choose_and_confirm)
        else:
            self._choose_and_confirm()

    def _choose_and_confirm(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.w, QCoreApplication.translate("BackupActions", "Restore a backup"), "",
            QCoreApplication.translate("BackupActions", "Learning Hub backups (*.sqlite *.db *.jsonl *.json);;All files (*)"))
        if not path:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, QCoreApplication.translate("BackupActions", "Restore a backup"),
            QCoreApplication.translate("BackupActions", "Replace everything in this database by the backup {name}?\n\n"
                      "A copy of the database as it is now is kept first.").format(name=Path(path).name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.w,
        )
        box.accepted.connect(lambda: self.restore_from(Path(path)))
        box.open()  # window-modal, never blocks the event loop

    def restore_from(self, path: Path) -> BackgroundOp[Any]:
        """Restore off the GUI thread, then show the restored data (the undo history ends)."""
        from ...exporting.backup import restore

        db = self._db()

        def work(progress: Progress) -> Any:
            progress.step(0, 1, QCoreApplication.translate("BackupActions", "Restoring…"))
            return restore(db, path)

        def done(result: Any) -> None:
            self._reopen(str(db.target.sqlite_path or db.target.url))
            self.w.statusBar().showMessage(
                QCoreApplication.translate("BackupActions", "Restored {name}; the data as it was is kept as {copy}").format(
                    name=result.source.name, copy=result.safety_copy))

        self.op = BackgroundOp(self.w, QCoreApplication.translate("BackupActions", "Restoring a backup"), work, done,
                               lambda exc: self._failed(QCoreApplication.translate("BackupActions", "Not restored"), exc))
        return self.op.start()

    def _failed(self, title: str, exc: BaseException) -> QMessageBox:
        message = error_message(exc) if isinstance(exc, LearningHubError) else str(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.w)
        box.open()
        return box
