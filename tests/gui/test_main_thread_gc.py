"""Garbage made on a worker thread is collected on the GUI thread, never on the worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from learninghub.gui.operations import BackgroundOp


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_long_job_never_runs_the_collector_on_its_thread(qtbot, collector) -> None:
    threads: list[str] = []

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    probe: list[weakref.ref] = []

    def work(_progress) -> int:  # type: ignore[no-untyped-def]
        for _ in range(200_000):  # far past the collector's thresholds: it would start here
            _Cycle()
        owner = QObject()  # a Qt object caught in a cycle, dropped on the worker
        owner.cycle = owner  # type: ignore[attr-defined]
        probe.append(weakref.ref(owner))
        return 0

    gc.callbacks.append(seen)
    try:
        op = BackgroundOp(None, "garbage", work, lambda _r: None, lambda exc: None).start()  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: not op.running, timeout=30_000)
        qtbot.waitUntil(lambda: probe[0]() is None, timeout=5_000)  # the GUI thread's timer collects it
    finally:
        gc.callbacks.remove(seen)
    assert threads and set(threads) == {threading.main_thread().name}, threads


def test_the_collector_collects_what_is_due_like_the_interpreter(collector) -> None:
    assert not gc.isenabled()
    garbage = [_Cycle() for _ in range(gc.get_threshold()[0] * 2)]
    ref = weakref.ref(garbage[0])
    del garbage
    assert ref() is not None
    collector.collect_due()
    assert ref() is None
