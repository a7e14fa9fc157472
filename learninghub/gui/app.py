"""Start the desktop app on a database."""

from __future__ import annotations

import os
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
    from .. import __version__
    from .window.welcome import app_icon

    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())  # every window's, and the task bar's
    app.setDesktopFileName("learninghub")  # Wayland matches the window to learninghub.desktop (its icon, its name)
    from . import i18n

    i18n.install(i18n.resolve(language))  # before any widget: widgets take their words when made
    app.setApplicationDisplayName(app.translate("MainWindow", "Learning Hub Planner"))

    from PySide6.QtCore import QTimer

    from ..core.quickread import programme_outline
    from .window.main_window import MainWindow

    # The first screen from sqlite3 alone; SQLAlchemy and the editors load right after it shows.
    # Anything else (a server, a file to create or upgrade) opens on a worker while the window shows.
    outline = programme_outline(database)
    window = MainWindow(outline=outline, label=_label(database))
    window.show()
    opening = Opening(window, database)
    QTimer.singleShot(0, opening.start)
    try:
        status = app.exec()
        return 1 if opening.failed else status
    finally:  # the window open now: a language switch may have replaced the first one
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.db is not None:
                widget.db.close()


def _label(database: str) -> str:
    """What the window's title calls the database before it is open (no SQLAlchemy on the way to the first window)."""
    from pathlib import Path

    from .database.server_url import display_name

    return display_name(database) if "://" in database else str(Path(database).expanduser().resolve())


# How long after the database is attached the start-up objects are frozen (runtime.freeze_startup_objects).
FREEZE_AFTER_MS = 1000
# Set (to anything): the app closes as soon as the database is open in the window, for timing a start
# from outside the process (bench/bundle_start.py times the bundle and the venv alike).
EXIT_WHEN_OPEN = "LEARNINGHUB_EXIT_WHEN_OPEN"


class Opening:
    """Opens the database off the GUI thread (a server may be 250 ms away: connecting takes
    several round trips), then attaches it to the window already on screen."""

    def __init__(self, window, database: str) -> None:  # type: ignore[no-untyped-def]
        self.window, self.database = window, database
        self.failed = False

    def start(self) -> None:
        from PySide6.QtCore import QCoreApplication

        self.window.show_status(QCoreApplication.translate("MainWindow", "Opening {database}…").format(
            database=_label(self.database)), 0)
        self.window.runner.background(self._open, self._opened, self._refused)

    def _open(self):  # type: ignore[no-untyped-def]
        """On the worker: the database, and what attaching it needs imported (SQLAlchemy, the core's
        pages and commands, the tabs and their forms: half a second the window goes on meanwhile)."""
        from ..core.store import open_database

        db = open_database(self.database)
        preload()
        return db

    def _opened(self, db) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        from ..runtime import freeze_startup_objects
        from .database.backup_menu import backup_on_open

        self.window.statusBar().clearMessage()
        self.window.attach(db)
        from .database.database_menu import show_read_only

        show_read_only(self.window, db)
        backup_on_open(db)  # a rotating copy, on a worker thread, after the window shows
        # The collection before the freeze takes tens of milliseconds on the GUI thread: not right after
        # attaching (one after the other they would freeze the window twice as long), once the first pages are in.
        QTimer.singleShot(FREEZE_AFTER_MS, self.window, freeze_startup_objects)
        if os.environ.get(EXIT_WHEN_OPEN):  # bench/bundle_start.py: launch to a working window, then quit
            QTimer.singleShot(0, self.window.close)

    def _refused(self, exc: BaseException) -> None:
        self.failed = True
        self.window.statusBar().clearMessage()  # no longer "Opening…", whatever comes next
        from ..core.store import DatabaseDamaged

        if isinstance(exc, DatabaseDamaged) and exc.backup is not None:
            # A damaged file with a good backup: offer to restore it, then go on as if it had opened.
            from .database.database_menu import offer_restore

            self.restore_box = offer_restore(self.window, exc, self._restored, self._give_up, self.window.close)
            return
        message = _why_not(exc, self.database)  # a bug is raised on to the error reporter
        self._give_up(message)

    def _restored(self, db) -> None:  # type: ignore[no-untyped-def]
        self.failed = False
        self._opened(db)

    def _give_up(self, message: str) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, QCoreApplication.translate("DatabaseSwitcher", "Cannot open the database"),
                             message)
        self.window.close()


# What ``MainWindow.attach`` imports and builds first; loaded on the opening worker, not the GUI thread.
PRELOAD_MODULES = ("learninghub.core.pages.seminar", "learninghub.core.pages.programme",
                   "learninghub.core.pages.eligibility", "learninghub.core.commands.registrations",
                   "learninghub.gui.seminar.overview", "learninghub.gui.seminar.agenda",
                   "learninghub.gui.seminar.participants", "learninghub.gui.seminar.check_in",
                   "learninghub.gui.documents.documents_tab", "learninghub.gui.curriculum.curriculum_page",
                   "learninghub.gui.database.database_menu", "learninghub.gui.database.export_menu",
                   "learninghub.gui.database.import_wizard", "learninghub.gui.database.backup_menu",
                   "learninghub.documents.language", "learninghub.gui.window.seminar_menu")
PRELOAD_FORMS = ("overview_tab", "agenda_tab", "participants_tab", "check_in_tab", "documents_tab",
                 "attendance_docs", "pdf_preview", "curriculum_page")


def preload() -> None:
    """Import (and compile, on a first start) what attaching a database needs. Modules and generated
    forms only: no widget is made here, so this may run on any thread."""
    import importlib

    from ..core import timezones
    from . import forms

    for name in PRELOAD_MODULES:
        importlib.import_module(name)
    for form in PRELOAD_FORMS:
        forms.load(form)
    timezones.names()  # the zone choosers' list (~20 ms of reading files)


def _why_not(exc: BaseException, database: str) -> str:
    """Why ``database`` did not open, in plain words (a refusal, a server unreachable, a password refused)."""
    from ..core.errors import LearningHubError
    from .database.server_url import is_server_url, parse

    if is_server_url(database) and isinstance(exc, Exception):
        from .database.connect_dialog import explain

        try:
            settings = parse(database)
        except ValueError:  # a malformed URL: the core's refusal says what is wrong with it
            settings = None
        if settings is not None:
            return explain(exc, settings)
    if isinstance(exc, LearningHubError):
        from ..core.store import DatabaseDamaged

        if isinstance(exc, DatabaseDamaged) and exc.backup is None:
            from PySide6.QtCore import QCoreApplication

            return error_message(exc) + "\n\n" + QCoreApplication.translate("DatabaseSwitcher",
                                                                             "No backup of it was found.")
        return error_message(exc)
    raise exc
