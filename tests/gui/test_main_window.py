"""The main window on the demo programme, driven as a user would."""

from __future__ import annotations

import gc
import threading
import time

from learninghub.core.services import agenda, registration
from learninghub.gui import columns
from learninghub.gui.seminar.agenda import agenda_row
from learninghub.gui.table_model import RowsModel
from learninghub.gui.window.main_window import MainWindow
from learninghub.gui.window.programme_tree import ProgrammeTreeModel
from tests.gui.conftest import Heartbeat, settle, shown_window


def _seminar_id(db, title: str) -> int:
    from learninghub.core.services import seminars

    with db.reading() as s:
        return next(sem.id for sem in seminars.list_seminars(s) if sem.title == title)


def test_models_pass_the_model_tester(qtmodeltester, demo_db) -> None:
    from learninghub.core.pages.programme import outline_query
    from learninghub.core.pages.seminar import seminar_page

    tree = ProgrammeTreeModel()
    outline, page = demo_db.read(outline_query(), seminar_page(_seminar_id(demo_db, "Park City Project")))
    tree.show_outline(outline)
    qtmodeltester.check(tree)
    rows = RowsModel(columns.AGENDA_HEADERS)
    ids = [item.id for item in page.agenda]
    rows.set_rows([agenda_row(item, page.timezone) for item in page.agenda], keys=ids)
    assert rows.key(0) == ids[0] != 0
    qtmodeltester.check(rows)


def test_tree_lists_curricula_years_and_seminars(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)  # the tree is read off the GUI thread
    model = window.tree_model
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Metropolis Learning Hub Chengdu 2020–2022" in top, "a title that names its years gets no '(2020–2022)'"
    park = model.index_of_seminar(_seminar_id(demo_db, "Park City Project"))
    assert park is not None and park.parent().data() == "2020"
    assert "held" in park.data()


def test_choosing_a_seminar_fills_its_tabs(qtbot, demo_db) -> None:
    window = shown_window(qtbot, demo_db)
    assert window.form.detailStack.currentWidget() is window.form.emptyHint
    seminar_id = _seminar_id(demo_db, "Park City Project")
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == seminar_id):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(seminar_id))
    assert window.form.detailStack.currentWidget() is window.form.seminarTabs
    assert window.overview.form.seminarTitle.text() == "Park City Project"
    assert window.overview.form.timezoneCombo.currentText() == "Asia/Shanghai"
    assert window.overview.form.startDate.date().toPython().isoformat() == "2020-07-13"
    with demo_db.reading() as s:
        sessions = agenda.list_sessions(s, seminar_id)
        people = registration.list_registrations(s, seminar_id=seminar_id)
    assert window.agenda.model.rowCount() == len(sessions)
    assert window.agenda.model.index(0, 2).data() == sessions[0].title
    assert window.agenda.model.index(0, 1).data() == "09:00–09:45"
    assert window.participants.model.rowCount() == len(people)
    names = [window.participants.model.index(r, 0).data() for r in range(len(people))]
    assert any("李" in n or "(" in n for n in names)


def test_quit_shortcut_closes_the_window(qtbot, demo_db) -> None:
    window = shown_window(qtbot, demo_db)
    qtbot.waitExposed(window)
    assert window.form.actionQuit.shortcut().toString() == "Ctrl+Q"
    window.form.actionQuit.trigger()
    assert not window.isVisible()


def test_switching_seminars_keeps_the_title_size(qtbot, demo_db) -> None:
    window = shown_window(qtbot, demo_db)
    first = _seminar_id(demo_db, "Park City Project")
    size = None
    for _ in range(3):
        with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == first):
            window.show_seminar(first)
        current = window.overview.form.seminarTitle.font().pointSizeF()
        assert size is None or current == size
        size = current


def test_fast_start_shows_the_outline_read_without_sqlalchemy_then_attaches(qtbot, demo_db) -> None:
    """The first screen comes from quickread (sqlite3 only); the same tree after attach()."""
    import subprocess
    import sys

    from learninghub.core.quickread import programme_outline

    path = str(demo_db.target.sqlite_path)
    outline = programme_outline(path)
    assert outline and any(s.title == "Park City Project" for c in outline for s in c.seminars)
    window = MainWindow(outline=outline, label=path)
    qtbot.addWidget(window)
    before = [window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())]
    assert before and window.runner.busy() is False  # the shell reads nothing: its tree came with it
    window.attach(demo_db)
    assert [window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())] == before
    settle(qtbot, window)  # the core's outline, read on a worker, replaces quickread's: the same tree
    assert [window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())] == before
    probe = ("import sys; import learninghub.gui.window.main_window, learninghub.gui.i18n, learninghub.core.quickread; "
             "print('sqlalchemy' in sys.modules, 'subprocess' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=120)
    # Neither SQLAlchemy nor subprocess (~12 ms; only compiling a form or a translation needs it) before the window.
    assert result.stdout.split() == ["False", "False"], result.stdout + result.stderr


def test_the_saved_place_wins_over_the_cursor_the_tree_puts_on_its_first_row(qtbot, demo_db) -> None:
    """At a start the tree (quickread's) shows before the database is attached; given the focus it puts its
    cursor on its first row. That is no choice: the window still opens where it was left, and a click on that
    row (which selects it without moving the cursor) shows that curriculum."""
    from PySide6.QtCore import Qt

    from learninghub.core.quickread import programme_outline
    from learninghub.gui import layout_memory

    park = _seminar_id(demo_db, "Park City Project")
    layout_memory.save_place(demo_db.target.label, park, 0, 1)
    path = str(demo_db.target.sqlite_path)
    window = MainWindow(outline=programme_outline(path), label=path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    tree = window.form.programmeTree
    tree.setFocus()
    qtbot.waitUntil(lambda: tree.currentIndex().isValid())  # the cursor on the first row
    assert tree.currentIndex() == window.tree_model.index(0, 0) and not tree.selectionModel().hasSelection()
    assert (window.current_seminar, window.current_curriculum) == (0, 0)
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == park):
        window.attach(demo_db)
    settle(qtbot, window)
    assert window.current_seminar == park and window.form.seminarTabs.currentIndex() == 1
    assert window.tree_model.seminar_id(tree.currentIndex()) == park

    layout_memory.save_place(demo_db.target.label, 0, 0, 0)  # nowhere: the next window opens on the tree alone
    fresh = shown_window(qtbot, demo_db)
    fresh.activateWindow()
    qtbot.waitActive(fresh)
    fresh.form.programmeTree.clearFocus()  # it may have had the focus while it was still empty
    fresh.form.programmeTree.setFocus()
    qtbot.waitUntil(lambda: fresh.form.programmeTree.currentIndex().isValid())
    assert fresh.form.detailStack.currentWidget() is fresh.form.emptyHint
    first = fresh.tree_model.index(0, 0)
    spot = fresh.form.programmeTree.visualRect(first).center()
    with qtbot.waitSignal(fresh.curriculum_shown,
                          check_params_cb=lambda shown: shown == fresh.tree_model.curriculum_id(first)):
        qtbot.mouseClick(fresh.form.programmeTree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert fresh.form.detailStack.currentWidget() is fresh.curriculum_page


def test_a_choice_made_while_the_window_attaches_wins_over_the_saved_place(qtbot, demo_db) -> None:
    """The tree shows before the database is attached; a seminar chosen while the saved place is looked up
    is the one shown (the place, read later, does not take it back), with the tree read once more."""
    from learninghub.core.quickread import programme_outline
    from learninghub.gui import layout_memory

    park, other = _seminar_id(demo_db, "Park City Project"), _seminar_id(demo_db, "Digital governance for city managers")
    layout_memory.save_place(demo_db.target.label, park, 0, 0)
    path = str(demo_db.target.sqlite_path)
    window = MainWindow(outline=programme_outline(path), label=path)
    qtbot.addWidget(window)
    window.show()
    shown: list[int] = []
    window.seminar_shown.connect(shown.append)
    window.attach(demo_db)  # the saved place is being looked up
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == other):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(other))
    settle(qtbot, window)
    assert shown == [other] and window.current_seminar == other
    assert window.tree_model.seminar_id(window.form.programmeTree.currentIndex()) == other
    assert window.overview.form.titleEdit.text() == "Digital governance for city managers"


def test_quickread_declines_what_it_cannot_read_safely(tmp_path) -> None:
    from learninghub.core.quickread import programme_outline

    assert programme_outline("postgresql+psycopg://hub@127.0.0.1/hub") is None
    assert programme_outline(str(tmp_path / "missing.sqlite")) is None
    (tmp_path / "notes.sqlite").write_text("not a database")
    assert programme_outline(str(tmp_path / "notes.sqlite")) is None


def _old_database(path) -> None:  # type: ignore[no-untyped-def]
    """A database one schema revision behind, with a curriculum and a seminar in it: opening it upgrades it."""
    import sqlite3

    from learninghub.core.store import open_database

    open_database(str(path), upgrade_to="0006_certificates").close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO curricula (id, title, start_year, end_year, description, version)"
                     " VALUES (1, 'Metropolis Learning Hub Chengdu 2020–2022', 2020, 2022, NULL, 1)")
        conn.execute("INSERT INTO seminars (id, curriculum_id, title, kind, format, venue, city_id, timezone,"
                     " start_date, end_date, capacity, status, description, created_at, updated_at, version)"
                     " VALUES (1, 1, 'Park City Project', 'seminar', 'hybrid', NULL, NULL, 'Asia/Shanghai',"
                     " '2020-07-13', '2020-07-17', 40, 'held', NULL, '2020-07-01 00:00:00',"
                     " '2020-07-01 00:00:00', 1)")
    conn.close()


def test_a_slow_database_opens_while_the_window_answers_then_the_tree_fills(qtbot, tmp_path, monkeypatch) -> None:
    """What ``app.run`` does on a database quickread declines (a server; here a file to upgrade, with every
    new connection taking 0.6 s): the window shows at once, a 5 ms heartbeat keeps ticking while the
    database opens on a worker, and the tree fills once it is attached."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from learninghub.core.quickread import programme_outline
    from learninghub.gui.app import Opening, _label

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the backup on opening goes there
    path = tmp_path / "old.sqlite"
    _old_database(path)
    assert programme_outline(str(path)) is None, "quickread reads only current files: this one is opened on a worker"
    connects: list[str] = []

    def slow(*_args) -> None:  # type: ignore[no-untyped-def]
        connects.append(threading.current_thread().name)
        time.sleep(0.6)

    event.listen(Engine, "connect", slow)
    window = None
    try:
        window = MainWindow(outline=None, label=_label(str(path)))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        heartbeat = Heartbeat()
        opening = Opening(window, str(path))
        started = time.perf_counter()
        opening.start()
        assert window.db is None and "Opening" in window.statusBar().currentMessage()
        window.form.actionPeople.trigger()  # Ctrl+Shift+P while the database opens: nothing yet, and no error
        assert window.people_window is None
        qtbot.waitUntil(lambda: window.db is not None, timeout=30_000)
        opened = time.perf_counter() - started
        ticks = heartbeat.ticks
        assert opened >= 0.6 and connects, "the upgrade connected (slowly) before the database was attached"
        assert ticks >= 20, f"the window answered only {ticks} times in the {opened * 1000:.0f} ms the database opened"
        assert window.isVisible() and not opening.failed
        qtbot.waitUntil(lambda: window.tree_model.rowCount() == 1, timeout=30_000)
        settle(qtbot, window, timeout=30_000)
        heartbeat.timer.stop()
        assert window.tree_model.index(0, 0).data() == "Metropolis Learning Hub Chengdu 2020–2022"
        assert window.tree_model.index_of_seminar(1) is not None
        window.form.actionPeople.trigger()
        assert window.people_window is not None and window.people_window.isVisible()
        settle(qtbot, window)
        assert threading.main_thread().name not in connects, "no connection was made on the GUI thread"
        assert heartbeat.longest < 0.3, f"the GUI thread did not answer for {heartbeat.longest * 1000:.0f} ms"
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)  # then the start-up objects are frozen
    finally:
        event.remove(Engine, "connect", slow)
        if window is not None and window.db is not None:
            window.runner.wait_for_changes()
            window.db.close()
        gc.unfreeze()  # Opening froze the objects made so far, as at the app's start


def _shown_title(window: MainWindow) -> str:
    """The title as the window system shows it: "[*]" as "*" or nothing, and the application's display name
    appended by Qt when the title does not end with it (QPlatformWindow::formatWindowTitle)."""
    from PySide6.QtWidgets import QApplication

    title = window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")
    app = QApplication.applicationDisplayName()
    return title if title.endswith(app) else f"{title} — {app}"


def test_the_title_names_the_database_and_the_app_once(qtbot, demo_db, park_city) -> None:
    from PySide6.QtWidgets import QApplication

    from learninghub.gui.database.server_url import database_label

    window, _ = park_city
    QApplication.setApplicationDisplayName("Learning Hub Planner")  # as the app sets it
    try:
        label = database_label(demo_db.target)
        assert _shown_title(window) == f"{label} — Learning Hub Planner"  # not "Learning Hub Planner — … — Learning Hub Planner"
        window.overview.form.titleEdit.setText("Park City Project (draft)")
        assert _shown_title(window) == f"{label}* — Learning Hub Planner"
        window.overview.revert()
        bare = MainWindow()
        qtbot.addWidget(bare)
        assert _shown_title(bare) == "Learning Hub Planner"  # no database yet
    finally:
        QApplication.setApplicationDisplayName("")
