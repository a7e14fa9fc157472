"""A database far away: the window keeps answering while a page loads, and the newest choice wins.

The database is made slow on purpose — every statement waits in a connection event — so a
window that read on the GUI thread would freeze for the whole wait.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import event

from tests.gui.conftest import Heartbeat, settle, shown_window


def _seminar(db, title: str) -> int:  # type: ignore[no-untyped-def]
    from learninghub.core.services import seminars

    with db.reading() as s:
        return next(x.id for x in seminars.list_seminars(s) if x.title.startswith(title))


def test_the_window_answers_while_a_page_loads_and_the_newer_choice_wins(qtbot, demo_db) -> None:
    """Each statement is held on its worker until the test lets it go: meanwhile the GUI thread
    keeps running, the tree scrolls, and another seminar can be chosen; the older page is dropped."""
    window = shown_window(qtbot, demo_db)
    park_city, yeonsu = _seminar(demo_db, "Park City"), _seminar(demo_db, "Yeonsu")
    gate = threading.Event()
    held = threading.Event()
    gui_thread = threading.get_ident()

    def slow(*_args) -> None:  # type: ignore[no-untyped-def]
        if threading.get_ident() != gui_thread:  # only the window's own reads: the test reads freely
            held.set()
            gate.wait(timeout=30)

    event.listen(demo_db.engine, "before_cursor_execute", slow)
    try:
        shown: list[int] = []
        window.seminar_shown.connect(shown.append)
        heartbeat = Heartbeat()
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(park_city))
        qtbot.waitUntil(held.is_set)  # Park City's page is being read, and waits
        ticks = heartbeat.ticks
        qtbot.waitUntil(lambda: heartbeat.ticks >= ticks + 10)  # the GUI thread goes on meanwhile
        window.form.programmeTree.scrollToBottom()
        assert window.runner.busy()
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(yeonsu))
        assert window.current_seminar == yeonsu
        assert not window.form.seminarTabs.isEnabled(), "the older seminar's tabs stay greyed out meanwhile"
        qtbot.waitUntil(lambda: window.findChild(type(window._busy), "busyIndicator").isVisible())  # after 300 ms
        gate.set()
        settle(qtbot, window)
        assert shown == [yeonsu], "Park City's page arrived after Yeonsu was chosen: it must be dropped"
        assert window.overview.form.titleEdit.text().startswith("Yeonsu")
        assert window.form.seminarTabs.isEnabled() and not window._busy.isVisible()
        heartbeat.timer.stop()
    finally:
        gate.set()
        event.remove(demo_db.engine, "before_cursor_execute", slow)


def test_a_slow_server_never_freezes_the_window(qtbot, demo_db) -> None:
    """300 ms before every statement (a server that far away, read one statement at a time, would freeze
    the window for seconds per page): the longest gap of a 5 ms heartbeat stays below one such wait,
    so no statement ran on the GUI thread (painting a page takes the rest, more on a busy machine)."""
    window = shown_window(qtbot, demo_db)
    gui_thread = threading.get_ident()

    def slow(*_args) -> None:  # type: ignore[no-untyped-def]
        if threading.get_ident() != gui_thread:
            time.sleep(0.3)

    event.listen(demo_db.engine, "before_cursor_execute", slow)
    try:
        heartbeat = Heartbeat()
        for title in ("Park City", "Yeonsu"):
            seminar_id = _seminar(demo_db, title)
            with qtbot.waitSignal(window.seminar_shown, timeout=30_000):
                window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(seminar_id))
        window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
        qtbot.waitUntil(lambda: window.documents.attendance.form.eligibilityList.count() > 0, timeout=30_000)
        heartbeat.timer.stop()
        assert heartbeat.longest < 0.25, f"the GUI thread did not answer for {heartbeat.longest * 1000:.0f} ms"
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", slow)
