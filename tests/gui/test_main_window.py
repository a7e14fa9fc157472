"""The main window on the demo programme, driven as a user would."""

from __future__ import annotations

from learninghub.core.services import agenda, registration
from learninghub.gui import columns, seminar_views
from learninghub.gui.window.main_window import MainWindow
from learninghub.gui.window.programme_tree import ProgrammeTreeModel
from learninghub.gui.table_model import RowsModel


def _seminar_id(db, title: str) -> int:
    from learninghub.core.services import seminars

    with db.reading() as s:
        return next(sem.id for sem in seminars.list_seminars(s) if sem.title == title)


def test_models_pass_the_model_tester(qtmodeltester, demo_db) -> None:
    from learninghub.core.services.curricula import programme_outline

    tree = ProgrammeTreeModel()
    with demo_db.reading() as s:
        tree.show_outline(programme_outline(s))
    qtmodeltester.check(tree)
    rows = RowsModel(columns.AGENDA_HEADERS)
    agenda_rows, ids = seminar_views.agenda_rows(demo_db, _seminar_id(demo_db, "Park City Project"))
    rows.set_rows(agenda_rows, keys=ids)
    assert rows.key(0) == ids[0] != 0
    qtmodeltester.check(rows)


def test_tree_lists_curricula_years_and_seminars(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    model = window.tree_model
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Metropolis Learning Hub Chengdu 2020–2022" in top, "a title that names its years gets no '(2020–2022)'"
    park = model.index_of_seminar(_seminar_id(demo_db, "Park City Project"))
    assert park is not None and park.parent().data() == "2020"
    assert "held" in park.data()


def test_choosing_a_seminar_fills_its_tabs(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    assert window.form.detailStack.currentWidget() is window.form.emptyHint
    seminar_id = _seminar_id(demo_db, "Park City Project")
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
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.form.actionQuit.shortcut().toString() == "Ctrl+Q"
    window.form.actionQuit.trigger()
    assert not window.isVisible()


def test_switching_seminars_keeps_the_title_size(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    first = _seminar_id(demo_db, "Park City Project")
    size = None
    for _ in range(3):
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
    window.attach(demo_db)
    assert [window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())] == before
    probe = ("import sys; import learninghub.gui.window.main_window, learninghub.gui.i18n, learninghub.core.quickread; "
             "print('sqlalchemy' in sys.modules, 'subprocess' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=120)
    # Neither SQLAlchemy nor subprocess (~12 ms; only compiling a form or a translation needs it) before the window.
    assert result.stdout.split() == ["False", "False"], result.stdout + result.stderr


def test_quickread_declines_what_it_cannot_read_safely(tmp_path) -> None:
    from learninghub.core.quickread import programme_outline

    assert programme_outline("postgresql+psycopg://hub@127.0.0.1/hub") is None
    assert programme_outline(str(tmp_path / "missing.sqlite")) is None
    (tmp_path / "notes.sqlite").write_text("not a database")
    assert programme_outline(str(tmp_path / "notes.sqlite")) is None
