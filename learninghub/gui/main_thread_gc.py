"""Python's cyclic garbage collector runs on the GUI thread only.

Why: the automatic collector starts on whichever thread happens to allocate, and a
long job on a pool thread (printing, certificates, imports) allocates plenty. A
collection there may destroy Qt objects that belong to the GUI thread — widgets,
timers, models of a closed window — from the wrong thread, which crashes or
deadlocks Qt. (The test suite hung once with a print job's worker stuck in
``QPainter.drawImage`` and the GUI thread waiting; this is the likeliest cause
found, not a proven one.) The usual cure in PySide/PyQt apps
(GitFourchette, OpenCue, Camelot): switch the automatic collector off and collect,
generation by generation with the interpreter's own thresholds, from a timer on the
GUI thread. Reference counting still frees everything not caught in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the collector's counts (a few microseconds when nothing is due).
INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Owns a timer; while it lives, automatic collection is off and ``collect_due`` does the work."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds, as the interpreter would have;
        the number of unreachable objects found."""
        first, second, third = gc.get_count()
        found = 0
        if first > self.threshold[0]:
            found += gc.collect(0)
            if second > self.threshold[1]:
                found += gc.collect(1)
                if third > self.threshold[2]:
                    found += gc.collect(2)
        return found

    def stop(self) -> None:
        """Automatic collection back as it was (tests; the app keeps it to the end)."""
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()


def install(parent: QObject) -> MainThreadCollector:
    """Collect on the GUI thread from now on (call on the GUI thread, with the QApplication made)."""
    return MainThreadCollector(parent)
