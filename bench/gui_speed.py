"""Desktop app speed: start-up against a bare PySide6 window, People filter and sort on 100k people.

Why: issue 6 budgets start-up to ≤ 2× a bare PySide6 window, a People-directory
keystroke to ≤ 20 ms and a column sort to ≤ 100 ms with 100,000 people and 200,000
registrations. This prints those figures; it is not a test (exit 0 unless --strict).

    python -m bench.gui_speed [--people N] [--registrations N] [--runs N] [--strict]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
"""
APP = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
app.setOrganizationName("LearningHubBench"); app.setApplicationName("bench")
try:  # the interface language, as learninghub.gui.app.run installs it ($LEARNINGHUB_LANG)
    from learninghub.gui import i18n
    i18n.install(i18n.resolve())
except ImportError:  # a checkout from before the translations
    pass
from learninghub.core.quickread import programme_outline
from learninghub.gui.window.main_window import MainWindow
# as learninghub.gui.app.run does: the shell with the programme tree first (the editors attach after)
w = MainWindow(outline=programme_outline(sys.argv[1]), label=sys.argv[1]); w.show(); app.processEvents()
assert w.tree_model.rowCount() > 0
"""
APP_READY = APP + """
from learninghub.core.store import open_database
w.attach(open_database(sys.argv[1])); app.processEvents()
"""


def wall(code: str, *args: str, runs: int, lang: str = "en") -> float:
    """Median wall time (ms) of a fresh interpreter running ``code``: launch to window shown."""
    times = []
    # The offscreen platform warns "does not support propagateSizeHints()" on every show: not a figure.
    env = {**os.environ, "LEARNINGHUB_LANG": lang, "QT_LOGGING_RULES": "qt.qpa.*=false;default.warning=false"}
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], check=True, env=env)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--registrations", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    from learninghub.core.services import demo
    from learninghub.core.store import open_database
    from learninghub.gui.people.people_model import COLUMNS, PeopleModel
    from learninghub.gui.runner import Runner

    from .seed_and_search import seed

    work = Path(tempfile.mkdtemp(prefix="lh-gui-bench-"))
    demo_path = work / "demo.sqlite"
    with open_database(str(demo_path)) as db, db.transaction() as s:
        demo.load_demo(s)
    bare = wall(BARE, runs=args.runs)
    for lang in ("en", "zh"):  # compiles the forms and translations into the cache once, as a first launch does
        wall(APP_READY, str(demo_path), runs=1, lang=lang)
    app_ms = wall(APP, str(demo_path), runs=args.runs)
    ready_ms = wall(APP_READY, str(demo_path), runs=args.runs)
    zh_ms = wall(APP, str(demo_path), runs=args.runs, lang="zh")
    print(f"start-up, launch to window shown (median of {args.runs}): bare PySide6 window {bare:.0f} ms, "
          f"Learning Hub Planner showing the demo programme {app_ms:.0f} ms = {app_ms / bare:.2f}×; "
          f"editors attached (SQLAlchemy loaded) {ready_ms:.0f} ms = {ready_ms / bare:.2f}×; "
          f"in Chinese (our .qm and qtbase's loaded) {zh_ms:.0f} ms = {zh_ms / bare:.2f}×")

    app = QApplication.instance() or QApplication([])
    big = open_database(str(work / "big.sqlite"))
    seed(big, argparse.Namespace(people=args.people, seminars=300, registrations=args.registrations))
    runner = Runner(lambda: big)
    model = PeopleModel(runner)

    def shown_after(action: Any) -> float:
        """ms from ``action`` until its rows are in the model: the read runs on a worker, as in the app, while
        the GUI thread waits in Qt's event loop (as the app's does, the GIL free for the worker)."""
        loop = QEventLoop()
        model.modelReset.connect(loop.quit)
        t0 = time.perf_counter()
        action()
        loop.exec()
        elapsed = (time.perf_counter() - t0) * 1000
        model.modelReset.disconnect(loop.quit)
        return elapsed

    shown_after(lambda: model.set_filter(""))
    keystrokes = ["w", "wa", "wan", "wang", "wan", "wa", "w", "", "李", "李军", "m", "ma", "mar", "mari", "maria"]
    filter_ms = [shown_after(lambda t=text: model.set_filter(t)) for text in keystrokes]
    print("filter per keystroke, typed → rows shown (ms): "
          + ", ".join(f"{t!r}={ms:.1f}" for t, ms in zip(keystrokes, filter_ms)))
    shown_after(lambda: model.set_filter(""))
    sort_ms = []
    for column, (header, _, _) in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ms = shown_after(lambda c=column, o=order: model.sort(c, o))
            sort_ms.append((f"{header} {'↑' if order == Qt.SortOrder.AscendingOrder else '↓'}", ms))
    print("sort all people (ms): " + ", ".join(f"{label} {ms:.1f}" for label, ms in sort_ms))
    three_plus = [ms for t, ms in zip(keystrokes, filter_ms) if len(t) >= 3 or not t]
    checks = [
        (f"start-up {app_ms / bare:.2f}× a bare window <= 2×", app_ms <= 2 * bare),
        (f"start-up in Chinese {zh_ms / bare:.2f}× a bare window <= 2×", zh_ms <= 2 * bare),
        (f"filter, 3+ characters or empty: worst {max(three_plus):.1f} ms <= 20 ms", max(three_plus) <= 20),
        (f"filter, 1–2 characters: worst {max(filter_ms):.1f} ms (LIKE scan; not in the budget)", True),
        (f"sort: worst {max(ms for _, ms in sort_ms):.1f} ms <= 100 ms", max(ms for _, ms in sort_ms) <= 100),
    ]
    print("summary:")
    for label, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {label}")
    big.close()
    return 1 if args.strict and not all(ok for _, ok in checks) else 0


if __name__ == "__main__":
    raise SystemExit(main())
