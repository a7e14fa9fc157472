"""The People directory: filter as you type in any script, page on scroll."""

from __future__ import annotations

import pytest

from learninghub.core.services import people
from learninghub.gui.people.people_model import PAGE, PeopleModel
from learninghub.gui.runner import Runner
from tests.gui.conftest import settle


def _names(model: PeopleModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _directory(qtbot, db):  # type: ignore[no-untyped-def]
    """The People directory as the main window opens it (it reads through the window's runner), rows shown."""
    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    directory = window.show_people()
    settle(qtbot, window)
    return window, directory


def _model(db) -> PeopleModel:  # type: ignore[no-untyped-def]
    """The table's model alone, reading through a runner of its own (the model keeps it)."""
    return PeopleModel(Runner(lambda: db))


def _wait(qtbot, model: PeopleModel) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not model.runner.busy())


def test_model_passes_the_model_tester(qtbot, qtmodeltester, demo_db) -> None:
    model = _model(demo_db)
    model.set_filter("")
    _wait(qtbot, model)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


@pytest.mark.parametrize(("typed", "expected"), [("李佳", "李佳 (Jia Li)"), ("kovač", "Kovačič"), ("ΖΈΡΒ", "Νίκος Ζέρβας")])
def test_typing_filters_in_any_script(qtbot, demo_db, typed: str, expected: str) -> None:
    window, directory = _directory(qtbot, demo_db)
    everyone = directory.model.rowCount()
    directory.form.filterEdit.setText(typed)  # keyClicks with non-ASCII text aborts Qt; setText is what typing does
    settle(qtbot, window)
    names = _names(directory.model)
    assert 0 < len(names) < everyone
    assert any(expected.casefold() in n.casefold() for n in names), names
    assert typed in directory.form.countLabel.text()
    directory.form.filterEdit.clear()
    settle(qtbot, window)
    assert directory.model.rowCount() == everyone


def test_typing_fast_shows_only_the_last_keystrokes_people(qtbot, demo_db) -> None:
    """Each keystroke reads off the GUI thread; typed faster than the reads come back, only the newest
    keystroke's rows are shown, whatever order the older reads finish in."""
    window, directory = _directory(qtbot, demo_db)
    with demo_db.reading() as s:
        expected = [p.display_name for p in people.list_people(s, search_text="wan", limit=PAGE)]
        assert expected and len(people.list_people(s, search_text="w", limit=PAGE)) > len(expected)
    resets: list[str] = []
    directory.model.modelReset.connect(lambda: resets.append(directory.model.filter_text))
    for typed in ("w", "wa", "wan"):  # no wait between the keystrokes
        directory.form.filterEdit.setText(typed)
    settle(qtbot, window)
    assert resets == ["wan"], "an older keystroke's rows were shown"
    assert _names(directory.model) == expected
    assert "wan" in directory.form.countLabel.text()


def test_opening_the_directory_reads_its_first_page_once(qtbot, demo_db) -> None:
    """Setting up the table (its sort indicator, the columns as the user left them) reads nothing: the one
    read is the first page, as one search sends it (on a server far away, each read is round trips)."""
    import threading

    from sqlalchemy import event

    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    lock = threading.Lock()
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        with lock:
            statements.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", seen)
    try:
        with demo_db.reading() as s:
            people.list_people(s, search_text=None, limit=PAGE, offset=0, order="name", descending=False)
        with lock:
            one_page = list(statements)
            statements.clear()
        directory = window.show_people()
        settle(qtbot, window)
        with lock:
            opened = list(statements)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", seen)
    assert opened == one_page
    assert directory.model.rowCount() > 0


def test_scrolling_fetches_the_next_page(qtbot, db) -> None:
    with db.transaction() as s:
        for i in range(PAGE + 30):
            people.add_person(s, given_name=f"Given{i:03}", family_name="Example")
    model = _model(db)
    model.set_filter("example")
    _wait(qtbot, model)
    assert model.rowCount() == PAGE and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))  # asked again (a view scrolling on) before the page arrived: one read
    _wait(qtbot, model)
    assert model.rowCount() == PAGE + 30 and not model.canFetchMore(model.index(-1, -1))
    assert _names(model) == sorted(_names(model))


def test_main_window_opens_the_directory(qtbot, demo_db) -> None:
    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.form.actionPeople.trigger()
    settle(qtbot, window)
    assert window.people_window.model.rowCount() > 0
    assert window.people_window is not None and window.people_window.isVisible()
    assert window.form.actionPeople.shortcut().toString() == "Ctrl+Shift+P"


def test_clicking_a_header_sorts_in_the_database(qtbot, demo_db) -> None:
    from PySide6.QtCore import Qt

    window, directory = _directory(qtbot, demo_db)
    header = directory.form.peopleView.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # City
    settle(qtbot, window)
    cities = [directory.model.index(r, 2).data() for r in range(directory.model.rowCount())]
    assert cities == sorted(cities) and cities[0] != cities[-1]
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    settle(qtbot, window)
    assert directory.model.index(0, 2).data() == max(cities)
    directory.form.filterEdit.setText("Chengdu")  # the filter keeps the order
    settle(qtbot, window)
    shown = [directory.model.index(r, 1).data() for r in range(directory.model.rowCount())]
    assert shown
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # Organisation
    settle(qtbot, window)
    orgs = [directory.model.index(r, 1).data() for r in range(directory.model.rowCount())]
    assert orgs == sorted(orgs)


def test_people_can_be_listed_in_every_order(db, hub) -> None:
    from learninghub.core.services.search import ORDERS

    with db.reading() as s:
        for order in ORDERS:
            for descending in (False, True):
                rows = people.list_people(s, order=order, descending=descending, limit=10)
                assert {p.id for p in rows} == {hub.li, hub.han, hub.kostya}
