"""Undo and redo of core commands, through the runner, for every kind of change.

A change ran once (``Runner.change``); its :class:`~..core.commands.Done` carries the
command that takes it back. :class:`UndoStep` keeps "the command to run next": undo runs
it, and the ``Done`` that comes back carries the redo; redo runs that, and so on. The
core decides whether an undo is still possible (versions: someone else's change since is
never overwritten); a refused step is told and leaves the history.

Undo and redo run on the change thread like any change, so one step must finish before
the next starts: :class:`History` queues Ctrl+Z pressed twice quickly, and a refused
step ends the queue.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from ..core.commands import Command, Done
from ..core.errors import LearningHubError
from .core_text import localized

if TYPE_CHECKING:
    from .runner import Runner


class UndoStep(QUndoCommand):
    """One change on the undo stack; its undo and redo run the core command that comes next."""

    def __init__(self, history: History, done: Done) -> None:
        super().__init__(localized(done.name))
        self._history = history
        self.next = done.undo
        self._first = True  # the change itself ran before the step was pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._history.run(self, undoing=False)

    def undo(self) -> None:
        self._history.run(self, undoing=True)


class History(QObject):
    """The window's undo stack, run through the runner: queued, in order, refusals told."""

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.stack = QUndoStack(self)
        self._waiting: deque[bool] = deque()  # Ctrl+Z (True) and Ctrl+Shift+Z (False) pressed meanwhile
        runner.busy_changed.connect(self._next_if_idle)

    def apply(self, command: Command, *, then: Callable[[Done], None] | None = None,
              refused: Callable[[LearningHubError], None] | None = None,
              settled: Callable[[], None] | None = None) -> None:
        """The one way a screen changes data: run ``command`` off the GUI thread, push its undo step,
        then ``then(done)``; the window refreshes what it touched and shows what it said. A refusal
        goes to ``refused`` (a dialog shows it in place), else it is told in a message; ``settled``
        runs last, whatever became of the change."""

        def done(result: Done) -> None:
            self.push(result)
            if then is not None:
                then(result)

        self.runner.change(command, done=done, refused=refused, settled=settled)

    def push(self, done: Done) -> None:
        """After a change ran: its step, if it can be undone."""
        if done.undo is not None:
            self.stack.push(UndoStep(self, done))

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Edit → Undo / Redo (Ctrl+Z, Ctrl+Shift+Z), named after the step, waiting their turn."""
        undo = self.stack.createUndoAction(parent, QCoreApplication.translate("MainWindow", "&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.stack.createRedoAction(parent, QCoreApplication.translate("MainWindow", "&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, undoing in ((undo, True), (redo, False)):
            action.triggered.disconnect()  # not straight to the stack: through the queue
            action.triggered.connect(lambda _checked=False, u=undoing: self.request(u))
        return undo, redo

    def pending(self) -> bool:
        """An undo or redo asked for is still waiting its turn."""
        return bool(self._waiting)

    def request(self, undoing: bool) -> None:
        """Undo (or redo) now, or once the change under way has finished."""
        if self.runner.changing() or self._waiting:
            self._waiting.append(undoing)
            return
        self._step(undoing)

    def _step(self, undoing: bool) -> None:
        if undoing and self.stack.canUndo():
            self.stack.undo()
        elif not undoing and self.stack.canRedo():
            self.stack.redo()

    def _next_if_idle(self, busy: bool) -> None:
        if not busy and self._waiting and not self.runner.changing():
            self._step(self._waiting.popleft())

    def run(self, step: UndoStep, *, undoing: bool) -> None:
        """Run the step's next command; keep what comes back as its next one, or drop the step if refused."""
        command = step.next
        if command is None:
            return
        name = step.text()

        def done(result: Done) -> None:
            step.next = result.undo

        def refused(exc: LearningHubError) -> None:
            self._waiting.clear()
            self._drop(step, undoing)
            self.runner.refused(exc, name)

        self.runner.change(command, done=done, refused=refused)

    def _drop(self, step: UndoStep, undoing: bool) -> None:
        """Take a refused step out of the history. The stack moved past it already; an obsolete
        command is removed, without being run, when the stack moves over it again."""
        step.setObsolete(True)
        if undoing:
            self.stack.redo()
        else:
            self.stack.undo()

    def clear(self) -> None:
        self._waiting.clear()
        self.stack.clear()
