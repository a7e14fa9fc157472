"""Start the desktop app on a database."""

from __future__ import annotations

import sys

from .. import config


def run(database: str) -> int:
    """Open ``database`` (path or URL) in the main window; return the exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(config.APP_AUTHOR)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName("Learning Hub Planner")

    from ..core.errors import LearningHubError
    from ..core.store import open_database

    try:
        db = open_database(database)
    except LearningHubError as exc:
        QMessageBox.critical(None, "Cannot open the database", exc.user_message)
        return 1
    from .main_window import MainWindow

    window = MainWindow(db)
    window.show()
    from ..cli import freeze_startup_objects

    freeze_startup_objects()
    try:
        return app.exec()
    finally:
        db.close()
