"""Every read and change of the window runs off the GUI thread (Anki's QueryOp and CollectionOp).

Why: a server 250 ms away makes each statement on the GUI thread a frozen window. Here
a *load* (a page read through the core) runs on a pool thread and its result is painted
on the GUI thread; a *change* (a core :class:`~..core.commands.Command`) runs in one
transaction on the one change thread — changes keep their order — and then:

- its undo step is pushed (:class:`~.undo_steps.UndoStep`: undo and redo run through here too),
- the screens it touched reload (``on_done``, the window's refresh),
- its status line is shown; a refusal is told (``LearningHubError``: plain words), a bug
  goes to the error reporter (``gui/unexpected_errors.py``).

A load is made for a *slot* ("seminar", "roster"…): a newer load for the same slot makes
the older one's result be dropped when it arrives, so choosing another seminar while one
loads shows the newer one. A busy indicator appears only when work takes longer than
:data:`BUSY_AFTER_MS`. Long jobs with progress and Cancel stay with ``operations.BackgroundOp``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..core.commands import Command, Done
from ..core.errors import LearningHubError

if TYPE_CHECKING:
    from ..core.store import Database

T = TypeVar("T")

# Work shorter than this shows no busy indicator (it would only flicker).
BUSY_AFTER_MS = 300


class _Delivery(QObject):
    """Carries a worker's result to the GUI thread (made on the GUI thread, so its slots run there)."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self.work, self.delivery = work, delivery

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, which decides
            self.delivery.failed.emit(exc)
        else:
            self.delivery.finished.emit(result)


class Runner(QObject):
    """The window's way to the database: ``load`` for reads, ``change`` for commands."""

    # True while anything runs (tests wait for False; the busy indicator follows it after a delay).
    busy_changed = Signal(bool)
    # A change (or an undo or redo) ran and was committed: the window refreshes what it touched.
    changed = Signal(object)
    # A change was refused or failed (nothing of it was saved): changes before it may wait for a refresh.
    change_failed = Signal()

    def __init__(self, database: Callable[[], Database | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._latest: dict[str, int] = {}
        self._tokens = itertools.count(1)
        self._running: set[_Delivery] = set()
        self._changes = QThreadPool(self)  # one thread: changes commit in the order they were made
        self._changes.setMaxThreadCount(1)
        self._changing = 0
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.show_busy(True))
        # Told ``(exception, step)`` when the core refuses a change (``step``: the undo step refused, or "").
        self.refused: Callable[[LearningHubError, str], None] = lambda exc, step: None
        # Shows or hides the busy indicator (the window sets it).
        self.show_busy: Callable[[bool], None] = lambda busy: None

    # -- state
    def database(self) -> Database | None:
        """The window's database (for long jobs that read it themselves on a worker: documents, exports)."""
        return self._database()

    def busy(self) -> bool:
        return bool(self._running)

    def changing(self) -> bool:
        """A change, undo or redo is under way: the next one waits for it (``UndoStack`` asks)."""
        return self._changing > 0

    def forget(self, slot: str) -> None:
        """Drop whatever load for ``slot`` is under way (the page it was for is gone)."""
        self._latest[slot] = next(self._tokens)

    def forget_all(self) -> None:
        """Drop every load under way (the window lets go of its database: none of them is for it any more)."""
        for slot in list(self._latest):
            self.forget(slot)

    # -- reads
    def load(self, slot: str, work: Callable[[Database], T], show: Callable[[T], None], *,
             failed: Callable[[BaseException], None] | None = None) -> None:
        """Run ``work(db)`` on a worker and ``show`` its result on the GUI thread — unless another
        load for ``slot`` started meanwhile: then this result is dropped."""
        db = self._database()
        if db is None:
            return
        token = self._latest[slot] = next(self._tokens)

        def shown(result: Any) -> None:
            if self._latest.get(slot) == token:
                show(result)

        def not_shown(exc: BaseException) -> None:
            if self._latest.get(slot) != token:
                return
            if failed is not None and isinstance(exc, LearningHubError):
                failed(exc)
            else:
                self._report(exc)

        self._start(QThreadPool.globalInstance(), lambda: work(db), shown, not_shown)

    def background(self, work: Callable[[], T], finished: Callable[[T], None],
                   failed: Callable[[BaseException], None]) -> None:
        """Run ``work()`` (no database needed: opening one, say) on a worker; either callback on the GUI thread."""
        self._start(QThreadPool.globalInstance(), work, finished, failed)

    # -- changes
    def change(self, command: Command, *, done: Callable[[Done], None] | None = None,
               refused: Callable[[LearningHubError], None] | None = None,
               settled: Callable[[], None] | None = None) -> None:
        """Run ``command`` in one transaction on the change thread; then, on the GUI thread, the
        ``changed`` signal (the window refreshes) and ``done``. A refusal goes to ``refused`` (default:
        :attr:`refused`); anything else to the error reporter. ``settled`` runs last, whatever the
        outcome. Windows change data through ``History.apply``, which also pushes the undo step."""
        db = self._database()
        if db is None:
            return

        def work() -> Done:
            with db.transaction() as session:
                return command.run(session)

        def succeeded(result: Done) -> None:
            try:
                self._changing -= 1
                self.changed.emit(result)  # the window reloads and says what was done; ``done`` may say more
                if done is not None:
                    done(result)
            finally:
                if settled is not None:
                    settled()

        def failed(exc: BaseException) -> None:
            try:
                self._changing -= 1
                self.change_failed.emit()
                if not isinstance(exc, LearningHubError):
                    self._report(exc)
                elif refused is not None:
                    refused(exc)
                else:
                    self.refused(exc, "")
            finally:
                if settled is not None:
                    settled()

        self._changing += 1
        self._start(self._changes, work, succeeded, failed)

    # -- plumbing
    def _start(self, pool: QThreadPool, work: Callable[[], Any], finished: Callable[[Any], None],
               failed: Callable[[BaseException], None]) -> None:
        delivery = _Delivery(self)
        was_busy = self.busy()
        self._running.add(delivery)

        def end(callback: Callable[[Any], None], value: Any) -> None:
            self._running.discard(delivery)
            delivery.deleteLater()
            try:
                callback(value)
            finally:
                if not self._running:
                    self._busy_timer.stop()
                    self.show_busy(False)
                    self.busy_changed.emit(False)

        delivery.finished.connect(lambda result: end(finished, result))
        delivery.failed.connect(lambda exc: end(failed, exc))
        if not was_busy:
            self._busy_timer.start()
            self.busy_changed.emit(True)
        pool.start(_Job(work, delivery))

    def _report(self, exc: BaseException) -> None:
        """Not a refusal: a server out of reach is told in plain words; anything else is a bug."""
        from sqlalchemy.exc import InterfaceError, OperationalError

        if isinstance(exc, (OperationalError, InterfaceError)):
            from ..core.store import unreachable

            self.refused(unreachable(exc), "")
            return
        raise exc  # on the GUI thread: the error reporter logs and tells it

    def wait_for_changes(self) -> None:
        """Block until queued changes committed (closing the window: nothing typed is lost)."""
        self._changes.waitForDone()
