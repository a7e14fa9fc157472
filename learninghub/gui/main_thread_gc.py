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

# How often the GUI thread looks at the collector's counts (a few microseconds when nothing is due).
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
        """Collect the oldest generation whose count passed its threshold, once (a collection of a
        generation takes the younger ones with it), as the interpreter would; the unreachable objects found."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Automatic collection back as it was (tests; the app keeps it to the end)."""
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()


def install(parent: QObject) -> MainThreadCollector:
    """Collect on the GUI thread from now on (call on the GUI thread, with the QApplication made)."""
    return MainThreadCollector(parent)
