"""Start the desktop app on a database."""

from __future__ import annotations

import sys

from .. import config
from .core_text import error_message


def run(database: str, language: str | None = None) -> int:
    """Open ``database`` (path or URL) in the main window; return the exit status.

    ``language`` ('en', 'zh', 'system'; None: $LEARNINGHUB_LANG, else Preferences) is the
    interface's for this run."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from .main_thread_gc import install as collect_on_the_gui_thread

    collector = collect_on_the_gui_thread(app)  # noqa: F841 - lives with the app (parented to it)
    from .unexpected_errors import install as report_unexpected_errors

    reporter = report_unexpected_errors(app)  # noqa: F841 - a bug is logged and told, not printed to no one
    app.setOrganizationName(config.APP_AUTHOR)
    app.setApplicationName(config.APP_NAME)
    from . import i18n

    i18n.install(i18n.resolve(language))  # before any widget: widgets take their words when made
    app.setApplicationDisplayName(app.translate("MainWindow", "Learning Hub Planner"))

    from PySide6.QtCore import QTimer

    from ..core.quickread import programme_outline
    from .backup_menu import backup_on_open
    from .main_window import MainWindow

    # The first screen from sqlite3 alone; SQLAlchemy and the editors load right after it shows.
    outline = programme_outline(database)
    if outline is None:
        db = _open(database)
        if db is None:
            return 1
        window = MainWindow(db)
    else:
        window = MainWindow(outline=outline, label=database)
        QTimer.singleShot(0, lambda: _attach(window, database))
    window.show()
    if outline is None:  # else _attach makes it, once the database is connected
        QTimer.singleShot(0, lambda: backup_on_open(window.db))
    try:
        return app.exec()
    finally:  # the window open now: a language switch may have replaced the first one
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.db is not None:
                widget.db.close()


def _open(database: str):  # type: ignore[no-untyped-def]
    """The open database, or None after telling the user why not."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from ..core.errors import LearningHubError
    from ..core.store import open_database
    from .server_url import is_server_url, parse

    try:
        return open_database(database)
    except Exception as exc:  # noqa: BLE001 - a refusal, a server unreachable, a password refused: plain words
        if is_server_url(database):
            from .connect_dialog import explain

            message = explain(exc, parse(database))
        elif isinstance(exc, LearningHubError):
            message = error_message(exc)
        else:
            raise
    QMessageBox.critical(None, QCoreApplication.translate("DatabaseSwitcher", "Cannot open the database"), message)
    return None


def _attach(window, database: str) -> None:  # type: ignore[no-untyped-def]
    db = _open(database)
    if db is None:
        window.close()
        return
    window.attach(db)
    from .backup_menu import backup_on_open

    backup_on_open(db)  # a rotating copy, on a worker thread, after the window shows
    from ..runtime import freeze_startup_objects

    freeze_startup_objects()
