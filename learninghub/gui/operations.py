"""Long work off the GUI thread, with a progress bar and Cancel (as Anki's QueryOp).

The work function runs on a pool thread and must not touch widgets; it reports
through :class:`Progress`, whose ``step`` raises :class:`Cancelled` once the user
pressed Cancel. Success and failure callbacks run back on the GUI thread, so the
window never freezes and never sees a half-finished result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside the work when the user pressed Cancel."""


class Progress:
    """Handed to the work function: report steps, learn about Cancel. Thread-safe."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def step(self, done: int, total: int, label: str = "") -> None:
        if self._cancelled.is_set():
            raise Cancelled
        self._emit(done, total, label)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.work, self.signals, self.progress = work, signals, progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


# Jobs started and not yet ended (their result not yet delivered to the GUI thread).
_running: set[BackgroundOp[Any]] = set()


def any_running() -> bool:
    """True while a long job has not delivered its result: a window it reports to must stay."""
    return bool(_running)


class BackgroundOp(Generic[T]):
    """One long job. Keep a reference until it finishes (the window holds it)."""

    def __init__(self, parent: QWidget, title: str, work: Callable[[Progress], T],
                 on_done: Callable[[T], None], on_error: Callable[[BaseException], None]) -> None:
        self.signals = _Signals()
        self.progress = Progress(self.signals.progressed.emit)
        self.dialog = QProgressDialog(title, QCoreApplication.translate("BackgroundOp", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(300)  # quick jobs never flash a dialog
        self.dialog.canceled.connect(self.progress.cancel)
        self.signals.progressed.connect(self._progressed)
        self.signals.finished.connect(lambda result: self._end(lambda: on_done(result)))
        self.signals.failed.connect(lambda exc: self._end(lambda: on_error(exc)))
        self._runner = _Runner(work, self.signals, self.progress)
        self.running = False

    def start(self) -> BackgroundOp[T]:
        self.running = True
        _running.add(self)
        QThreadPool.globalInstance().start(self._runner)
        return self

    def _progressed(self, done: int, total: int, label: str) -> None:
        if self.dialog.wasCanceled():  # the button, Escape, or closing the dialog
            self.progress.cancel()
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if label:
            self.dialog.setLabelText(label)

    def _end(self, callback: Callable[[], None]) -> None:
        self.running = False
        _running.discard(self)
        self.dialog.reset()
        self.dialog.hide()
        callback()
