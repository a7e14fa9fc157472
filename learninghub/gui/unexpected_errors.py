"""The last resort for a bug: an exception nothing caught is logged and told in plain words.

Why: PySide prints an exception raised in a slot to the terminal and carries on, so a
user who started the app from a menu sees nothing while the action they clicked did not
finish. The core's refusals are shown where they happen (next to the field, in the
dialog); this is for everything else — bugs. The user reads what stopped, that the data
is safe (every change is one transaction: stored whole or not at all), and which file
holds the details to send. Errors on other threads (a background backup) are logged.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import config

# The log keeps the latest errors: past this size it starts afresh (the previous one kept as ``.1``).
MAX_LOG_BYTES = 1_000_000


def default_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path(config.APP_NAME, config.APP_AUTHOR) / "errors.log"


class UnexpectedErrors(QObject):
    """While installed, ``sys.excepthook`` and ``threading.excepthook`` go through here."""

    def __init__(self, parent: QObject | None = None, log_path: Path | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path or default_log_path()
        self.box: QMessageBox | None = None
        self.count = 0  # errors since the box opened
        self.summary = ""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._from_thread

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(text)  # for whoever started the app from a terminal
        written = self.write(text)
        if threading.current_thread() is threading.main_thread():
            self.tell(f"{kind.__name__}: {error}", written)

    def _from_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        sys.stderr.write(text)
        self.write(f"in thread {args.thread.name if args.thread else '?'}:\n{text}")

    def write(self, text: str) -> Path | None:
        """Append the traceback, stamped, to the log; None if even that failed (a full disk)."""
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            if self.log_path.exists() and self.log_path.stat().st_size > MAX_LOG_BYTES:
                self.log_path.replace(self.log_path.with_name(self.log_path.name + ".1"))
            stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {stamp} · Python {sys.version.split()[0]}\n{text}\n")
            return self.log_path
        except OSError:
            return None

    def tell(self, summary: str, written: Path | None) -> QMessageBox:
        """One message at a time (window-modal, never blocking); more errors meanwhile are counted in it."""
        if self.box is not None:
            self.count += 1
            more = self.tr("%n more error(s) since this one.", None, self.count)
            self.box.setDetailedText(f"{self.summary}\n\n{more}")
            return self.box
        self.count, self.summary = 0, summary
        if written is not None:
            where = QCoreApplication.translate(
                "UnexpectedErrors", "The details are in {path}: please send that file to whoever looks after the app.")
            where = where.format(path=written)
        else:
            where = QCoreApplication.translate("UnexpectedErrors", "The details could not be written to a file.")
        safe = QCoreApplication.translate("UnexpectedErrors", "Your data is safe: every change is stored whole or not at all.")
        self.box = QMessageBox(
            QMessageBox.Icon.Critical, QCoreApplication.translate("UnexpectedErrors", "Something went wrong"),
            QCoreApplication.translate(
                "UnexpectedErrors", "What you did last stopped because of an error in Learning Hub Planner."),
            QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        # Two sentences: a space between them in English, none after a Chinese full stop.
        self.box.setInformativeText(QCoreApplication.translate("UnexpectedErrors", "{safe} {where}").format(
            safe=safe, where=where))
        self.box.setDetailedText(summary)
        self.box.setObjectName("unexpectedErrorBox")
        self.box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box.finished.connect(self._closed)  # and if its window goes first: destroyed
        self.box.destroyed.connect(self._closed)
        self.box.open()
        return self.box

    def _closed(self, *_: object) -> None:
        self.box = None


def install(app: QObject, log_path: Path | None = None) -> UnexpectedErrors:
    """Log and tell every uncaught error from now on (the app calls it once, after the QApplication)."""
    return UnexpectedErrors(app, log_path)
