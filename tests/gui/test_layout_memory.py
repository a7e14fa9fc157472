"""Window size, splitter and table columns (widths, order, sort) come back as the user left them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from learninghub.gui import columns
from learninghub.gui.people.people_directory import PeopleDirectory
from learninghub.gui.seminar.agenda import agenda_row
from learninghub.gui.table_model import RowsModel
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import open_seminar, settle


def _park_city(seminar) -> bool:  # type: ignore[no-untyped-def]
    return seminar.title == "Park City Project"


def _reopened(qtbot, db, seminar_id: int, before_show=lambda window: None) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window made again on ``db``, shown: it reopens at the saved place, seminar ``seminar_id``."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == seminar_id):
        before_show(window)
        window.show()
    settle(qtbot, window)
    return window


def test_layout_is_remembered_across_runs(qtbot, demo_db, test_settings: Path) -> None:
    window, seminar_id = open_seminar(qtbot, demo_db, _park_city)
    window.resize(780, 560)  # inside the offscreen screen (800×600): restoreGeometry keeps windows on screen
    window.form.mainSplitter.setSizes([250, 520])
    agenda = window.agenda.form.agendaView.horizontalHeader()
    agenda.resizeSection(4, 157)  # Room: an interactive column
    agenda.moveSection(5, 0)  # Speakers first
    participants = window.participants.form.participantsView.horizontalHeader()
    participants.setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # as a click on "Organisation" twice
    organisations = [window.participants.model.index(r, 1).data() for r in range(window.participants.model.rowCount())]
    assert organisations == sorted(organisations, key=str.casefold, reverse=True)
    sizes, size = window.form.mainSplitter.sizes(), window.size()
    window.close()
    assert list(test_settings.rglob("*.conf")), "settings are written into the test's own folder"

    again = _reopened(qtbot, demo_db, seminar_id)
    again.form.programmeTree.setCurrentIndex(again.tree_model.index_of_seminar(seminar_id))
    settle(qtbot, again)
    assert again.size() == size and size.width() == 780
    assert again.form.mainSplitter.sizes() == sizes
    header = again.agenda.form.agendaView.horizontalHeader()
    assert header.sectionSize(4) == 157 and header.visualIndex(5) == 0
    header = again.participants.form.participantsView.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    model = again.participants.model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == organisations


def test_people_directory_columns_are_remembered(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)  # the directory reads and changes through the window's runner and history
    qtbot.addWidget(window)
    directory = PeopleDirectory(window)
    qtbot.addWidget(directory)
    directory.show()
    settle(qtbot, window)
    header = directory.form.peopleView.horizontalHeader()
    header.resizeSection(1, 123)
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # City
    settle(qtbot, window)
    directory.close()
    again = PeopleDirectory(window)
    qtbot.addWidget(again)
    settle(qtbot, window)
    header = again.form.peopleView.horizontalHeader()
    assert header.sectionSize(1) == 123 and header.sortIndicatorSection() == 2
    cities = [again.model.index(r, 2).data() for r in range(again.model.rowCount())]
    assert cities[0] <= cities[-1] and cities[0] != cities[-1]


def test_a_layout_saved_for_other_columns_is_ignored(qtbot, demo_db) -> None:
    QSettings().setValue("columns/agenda-by-day", b"not a header state")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    assert window.agenda.form.agendaView.horizontalHeader().count() == len(columns.AGENDA_HEADERS)


def test_sorting_keeps_keys_with_their_rows_and_natural_order(qtmodeltester, demo_db) -> None:
    from learninghub.core.services import seminars

    with demo_db.reading() as s:
        seminar_id = next(x.id for x in seminars.list_seminars(s) if _park_city(x))
    from learninghub.core.pages.seminar import seminar_page

    [page] = demo_db.read(seminar_page(seminar_id))
    rows = [agenda_row(item, page.timezone) for item in page.agenda]
    ids = [item.id for item in page.agenda]
    model = RowsModel(columns.AGENDA_HEADERS, natural=(0, 1))
    model.set_rows(rows, keys=ids)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # by title
    titles = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    assert all(rows[ids.index(model.key(r))][2] == titles[r] for r in range(len(titles)))
    model.sort(0, Qt.SortOrder.DescendingOrder)  # by day: chronological, latest first
    assert [model.key(r) for r in range(model.rowCount())] == ids[::-1]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.key(r) for r in range(model.rowCount())] == ids
    qtmodeltester.check(model)


def test_the_app_reopens_where_it_was_left(qtbot, demo_db, park_city, tmp_path) -> None:
    from learninghub.core.store import open_database
    from learninghub.gui.window.main_window import MainWindow

    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    window.close()
    again = _reopened(qtbot, demo_db, seminar_id)
    assert again.current_seminar == seminar_id
    assert again.form.seminarTabs.currentWidget() is again.form.participantsTab
    assert again.tree_model.seminar_id(again.form.programmeTree.currentIndex()) == seminar_id
    assert again.overview.form.titleEdit.text() == "Park City Project"

    other = open_database(str(tmp_path / "other.sqlite"))  # another database: its own place, none yet
    try:
        fresh = MainWindow(other)
        qtbot.addWidget(fresh)
        settle(qtbot, fresh)
        assert fresh.current_seminar == 0 and fresh.current_curriculum == 0
    finally:
        other.close()


def test_a_place_that_is_gone_opens_the_plain_tree(qtbot, demo_db) -> None:
    from learninghub.gui import layout_memory

    layout_memory.save_place(demo_db.target.label, 99_999, 0, 2)  # a seminar no longer in this database
    again = MainWindow(demo_db)
    qtbot.addWidget(again)
    settle(qtbot, again)
    assert again.tree_model.rowCount() > 0  # the tree was read: the place was looked for in it
    assert again.current_seminar == 0 and again.form.detailStack.currentWidget() is again.form.emptyHint


def test_the_documents_tab_split_is_remembered(qtbot, demo_db) -> None:
    """The controls (with the eligibility list) and the preview share the Documents tab as the user drags."""
    window, seminar_id = open_seminar(qtbot, demo_db, _park_city)
    # Neither side of either splitter can be dragged away to nothing (and remembered so at the next start).
    assert not window.form.mainSplitter.childrenCollapsible()
    assert not window.documents.form.documentsSplitter.childrenCollapsible()
    window.resize(1300, 800)
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    qtbot.waitUntil(lambda: window.documents.form.documentsSplitter.sizes()[1] > 0)
    total = sum(window.documents.form.documentsSplitter.sizes())
    window.documents.form.documentsSplitter.setSizes([total - 420, 420])  # a wide eligibility list, a narrow preview
    chosen = window.documents.form.documentsSplitter.sizes()
    assert chosen[1] == 420
    window.close()
    # as before: the offscreen screen (800 wide) clamps a restored geometry
    again = _reopened(qtbot, demo_db, seminar_id, lambda window: window.resize(1300, 800))
    assert again.form.seminarTabs.currentWidget() is again.form.documentsTab  # reopened where it was left
    assert again.documents.form.documentsSplitter.sizes() == chosen
