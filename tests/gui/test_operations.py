"""Background operations: the GUI thread stays free, results come back, Cancel stops the work."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget

from learninghub.gui.operations import BackgroundOp, Cancelled, Progress


def test_work_runs_off_the_gui_thread_and_reports_back(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["thread"] = threading.get_ident()
        for i in range(5):
            progress.step(i + 1, 5, f"page {i + 1} of 5")
        return 42

    op = BackgroundOp(parent, "Making certificates", work, lambda r: seen.setdefault("result", r),
                      lambda e: seen.setdefault("error", e))
    with qtbot.waitSignal(op.signals.finished, timeout=5000):
        op.start()
    assert seen["result"] == 42 and seen["thread"] != gui_thread and "error" not in seen
    assert op.dialog.maximum() in (0, 5)


def test_cancel_stops_the_work(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: dict[str, object] = {}
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        for i in range(10_000):
            time.sleep(0.001)
            progress.step(i, 10_000)

    op = BackgroundOp(parent, "Long job", work, lambda r: outcome.setdefault("done", r),
                      lambda e: outcome.setdefault("error", e))
    with qtbot.waitSignal(op.signals.failed, timeout=10_000):
        op.start()
        assert started.wait(5)
        op.dialog.cancel()
    assert isinstance(outcome["error"], Cancelled) and "done" not in outcome
