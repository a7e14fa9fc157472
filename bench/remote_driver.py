"""Drive the real app as a user would and time what they wait for: one run, figures as one JSON line.

Why: ``bench.remote_latency`` must measure the app itself, in a fresh process (fresh connection
pools), before and after the refactor that takes the database off the GUI thread. So this starts
it exactly as ``learninghub --db URL gui`` does (``learninghub.cli.main``), having made the
QApplication first only to start its timers: a heartbeat on the GUI thread (how long it did not
answer) and a 1 ms script that waits for the programme tree, clicks seminars in it with the mouse,
opens the Documents tab, and polls for each page to be shown. Nothing here blocks the event loop;
a watchdog thread ends a frozen run with the figures so far.

    python -m bench.remote_driver URL PLAN_JSON [--timeout S]

PLAN_JSON: {"clicks": [[seminar_id, agenda_rows, title], ...], "documents": seminar_id or 0}
(no clicks: launch only, to warm the caches).
"""

import time

T0 = time.perf_counter()  # "launch": before anything is imported (the parent compares this clock: Linux's monotonic)

import argparse  # noqa: E402 - after T0 on purpose
import importlib.abc  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Generator  # noqa: E402
from typing import Any  # noqa: E402

HEARTBEAT_S = 0.005
PAUSE_S = 0.3  # between a page shown and the next click: a user reads it, and late work can finish


# ---------------------------------------------------------------------------------------------------------------
# THE ONE PLACE that knows how the window says a page is shown. Today: window.current_seminar and
# window.agenda_model filled (synchronously). After the refactor the agenda model may move
# (window.agenda.model) and the window may emit ``seminar_shown``; both are understood here.
# ---------------------------------------------------------------------------------------------------------------
_page_shown_at: dict[int, float] = {}  # seminar id (0: a signal without one) -> when seminar_shown last said so


def watch_page_shown(window: Any) -> bool:
    """Listen to ``window.seminar_shown`` if the window has it; True if so."""
    signal = getattr(window, "seminar_shown", None)
    if signal is None or not hasattr(signal, "connect"):
        return False

    def emitted(*args: Any) -> None:
        ids = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
        _page_shown_at[ids[0] if ids else 0] = time.perf_counter()

    signal.connect(emitted)
    return True


def agenda_model(window: Any) -> Any:
    model = getattr(window, "agenda_model", None)
    return model if model is not None else getattr(getattr(window, "agenda", None), "model", None)


def agenda_shown(window: Any, seminar_id: int, expected_rows: int, since: float = 0.0) -> bool:
    """The seminar's page is on screen with its whole agenda (and, if the window signals pages, it said so
    after ``since``)."""
    if hasattr(window, "seminar_shown") and max(_page_shown_at.get(seminar_id, 0.0),
                                                     _page_shown_at.get(0, 0.0)) < since:
        return False
    model = agenda_model(window)
    return (getattr(window, "current_seminar", None) == seminar_id and model is not None
            and model.rowCount() == expected_rows)


def documents_shown(window: Any) -> bool:
    """The Documents tab's eligibility list is filled (it lives in the tab's attendance panel)."""
    from PySide6.QtWidgets import QListWidget

    found = window.findChild(QListWidget, "eligibilityList")
    return found is not None and found.count() > 0
# ---------------------------------------------------------------------------------------------------------------


class Statements:
    """Every SQL statement any engine runs, stamped; counted by time window (the refactor may run them on
    worker threads, so no "current step" is attached to them)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stamps: list[tuple[float, str]] = []

    def on_execute(self, conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        words = " ".join(statement.split())
        with self.lock:
            self.stamps.append((time.perf_counter(), words[:90]))

    def between(self, start: float, end: float) -> list[str]:
        with self.lock:
            return [text for t, text in self.stamps if start <= t <= end]

    def install_when_imported(self) -> None:
        """Listen on every Engine as soon as SQLAlchemy is imported, by the app, whenever it does: importing it
        here first would move its ~0.2 s into whatever the app shows before it needs SQLAlchemy."""
        def install() -> None:
            from sqlalchemy import event
            from sqlalchemy.engine import Engine

            event.listen(Engine, "before_cursor_execute", self.on_execute)

        if "sqlalchemy" in sys.modules:
            install()
            return

        class AfterImport(importlib.abc.MetaPathFinder):
            def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
                if name != "sqlalchemy":
                    return None
                sys.meta_path.remove(self)
                spec = importlib.util.find_spec(name)
                if spec is None or spec.loader is None:
                    return spec
                exec_module = spec.loader.exec_module

                def exec_then_install(module: Any) -> None:
                    exec_module(module)
                    install()

                spec.loader.exec_module = exec_then_install  # type: ignore[method-assign]
                return spec

        sys.meta_path.insert(0, AfterImport())


class Heartbeat:
    """A 5 ms timer on the GUI thread: a gap between ticks longer than 5 ms is time the window did not answer."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.started = self.last = time.perf_counter()
        self.gaps: list[tuple[float, float]] = []  # (last tick, next tick) when late by more than 1 ms
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(round(HEARTBEAT_S * 1000))
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > HEARTBEAT_S + 0.001:
            self.gaps.append((self.last, now))
        self.last = now

    def longest_ms(self, start: float, end: float) -> float:
        """The longest stall that began in [start, end], counting one still open at ``end`` (a frozen run)."""
        gaps = self.gaps + [(self.last, end)]
        worst = max((b - a for a, b in gaps if start <= a <= end), default=0.0)
        return max(0.0, (worst - HEARTBEAT_S) * 1000)


class Run:
    """The scripted session and its figures."""

    def __init__(self, plan: dict[str, Any], statements: Statements) -> None:
        self.plan, self.statements = plan, statements
        self.result: dict[str, Any] = {"t0": T0, "steps": [], "error": None}
        self.window: Any = None
        self.heartbeat: Heartbeat | None = None
        self._lock = threading.Lock()
        self._printed = False

    # -- the script: a generator yielding conditions; a 1 ms timer resumes it when one holds
    def script(self) -> Generator[Callable[[], Any], Any, None]:
        r = self.result
        self.window = window = yield self.find_window
        r["programme_at"] = time.perf_counter()
        r["launch_s"] = r["programme_at"] - T0
        r["after_launch_from"] = r["programme_at"]  # late start-up work, if any, stalls after this
        r["signals_page_shown"] = watch_page_shown(window)
        if not self.plan["clicks"]:
            return
        yield self.pause()
        from PySide6.QtTest import QTest  # noqa: F401 - loaded now, not inside the first click's time

        f = window.form
        self.click_tab(f.seminarTabs, f.agendaTab)  # where a click's "agenda shown" is seen
        yield self.pause()
        for seminar_id, rows, title in self.plan["clicks"]:
            start = time.perf_counter()
            r["pending"] = {"kind": "click", "title": title, "start": start}
            method = self.click_seminar(seminar_id)
            yield lambda: agenda_shown(window, seminar_id, rows, start)
            self.step("click", title, start, seminar=seminar_id, method=method)
            yield self.pause()
            if seminar_id == self.plan.get("documents"):
                start = time.perf_counter()
                r["pending"] = {"kind": "documents", "title": title, "start": start}
                self.click_tab(f.seminarTabs, f.documentsTab)
                yield lambda: documents_shown(window)
                self.step("documents", title, start, seminar=seminar_id)
                yield self.pause()
                self.click_tab(f.seminarTabs, f.agendaTab)
                yield self.pause()

    @staticmethod
    def fail_on_message() -> None:
        """A message box ("Cannot open the database", an unexpected error) ends the run with its text."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                raise RuntimeError(f"the app showed a message: {widget.text()}")

    def find_window(self) -> Any:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            model = getattr(widget, "tree_model", None)
            if type(widget).__name__ == "MainWindow" and widget.isVisible() and model is not None \
                    and model.rowCount() > 0:
                return widget
        return None

    @staticmethod
    def pause() -> Callable[[], bool]:
        until = time.perf_counter() + PAUSE_S
        return lambda: time.perf_counter() >= until

    def step(self, kind: str, title: str, start: float, **extra: Any) -> None:
        end = time.perf_counter()
        self.result.pop("pending", None)
        texts = self.statements.between(start, end)
        self.result["steps"].append({"kind": kind, "title": title, "start": start, "end": end,
                                     "seconds": end - start, "statements": len(texts),
                                     "top": Counter(texts).most_common(6), **extra})

    # -- a user's clicks
    def click_seminar(self, seminar_id: int) -> str:
        """A left click in the middle of the seminar's row (the way a user chooses it); setCurrentIndex if the
        click did not land."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        tree, index = self.window.form.programmeTree, self.window.tree_model.index_of_seminar(seminar_id)
        if index is None:
            raise RuntimeError(f"seminar {seminar_id} is not in the programme tree")
        tree.scrollTo(index)
        rect = tree.visualRect(index)
        if not rect.isEmpty():
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             rect.center())
            if tree.currentIndex() == index:
                return "mouse"
        tree.setCurrentIndex(index)
        return "setCurrentIndex"

    @staticmethod
    def click_tab(tabs: Any, page: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        i, bar = tabs.indexOf(page), tabs.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(i).center())
        if tabs.currentIndex() != i:
            tabs.setCurrentIndex(i)

    # -- the figures, printed once (by the GUI thread at the end, or by the watchdog)
    def finish(self, error: str | None = None) -> None:
        with self._lock:
            if self._printed:
                return
            self._printed = True
        r, end = self.result, time.perf_counter()
        r["error"] = r["error"] or error
        r["end"] = end
        hb = self.heartbeat
        if hb is not None:
            r["stall_ms"] = hb.longest_ms(hb.started, end)
            r["stall_launch_ms"] = hb.longest_ms(hb.started, r.get("programme_at", end))
            if "after_launch_from" in r:
                r["stall_after_launch_ms"] = hb.longest_ms(r["after_launch_from"], end)
        r["launch_statements"] = len(self.statements.between(T0, r.get("programme_at", end)))
        r["launch_top"] = Counter(self.statements.between(T0, r.get("programme_at", end))).most_common(6)
        sys.stdout.write(json.dumps(r) + "\n")
        sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("url")
    ap.add_argument("plan")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    statements = Statements()
    statements.install_when_imported()
    run = Run(json.loads(args.plan), statements)

    def frozen() -> None:  # the GUI thread may be stuck in a query: this thread still runs
        run.finish(f"timeout: the session was not over {args.timeout:.0f} s after launch (frozen?)")
        os._exit(3)

    watchdog = threading.Timer(args.timeout, frozen)
    watchdog.daemon = True
    watchdog.start()

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from learninghub.cli import main as learninghub  # imported before the app exists, as the command does

    app = QApplication([sys.argv[0]])  # learninghub gui would make it; made here to start the timers first
    run.heartbeat = Heartbeat()
    script = run.script()
    waiting: list[Callable[[], Any]] = [next(script)]
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(1)

    def resume() -> None:
        try:
            run.fail_on_message()
            value = waiting[0]()
            if value:
                waiting[0] = script.send(value)
        except StopIteration:
            poll.stop()
            app.exit(0)
        except Exception as exc:  # noqa: BLE001 - the run fails with its reason in the figures
            poll.stop()
            run.result["error"] = f"{type(exc).__name__}: {exc}"
            app.exit(1)

    poll.timeout.connect(resume)
    poll.start()
    status = learninghub(["--db", args.url, "gui"])
    run.result["exit_status"] = status
    run.finish()
    os._exit(0)  # the figures are out; Qt's teardown is not what we measure


if __name__ == "__main__":
    raise SystemExit(main())
