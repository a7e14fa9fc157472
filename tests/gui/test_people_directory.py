"""The People directory: filter as you type in any script, page on scroll."""

from __future__ import annotations

import pytest

from learninghub.core.services import people
from learninghub.gui.people.people_directory import PeopleDirectory
from learninghub.gui.people.people_model import PAGE, PeopleModel


def _names(model: PeopleModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, demo_db) -> None:
    model = PeopleModel(demo_db)
    model.set_filter("")
    qtmodeltester.check(model)


@pytest.mark.parametrize(("typed", "expected"), [("李佳", "李佳 (Jia Li)"), ("kovač", "Kovačič"), ("ΖΈΡΒ", "Νίκος Ζέρβας")])
def test_typing_filters_in_any_script(qtbot, demo_db, typed: str, expected: str) -> None:
    directory = PeopleDirectory(demo_db)
    qtbot.addWidget(directory)
    everyone = directory.model.rowCount()
    directory.form.filterEdit.setText(typed)  # keyClicks with non-ASCII text aborts Qt; setText is what typing does
    names = _names(directory.model)
    assert 0 < len(names) < everyone
    assert any(expected.casefold() in n.casefold() for n in names), names
    assert typed in directory.form.countLabel.text()
    directory.form.filterEdit.clear()
    assert directory.model.rowCount() == everyone


def test_scrolling_fetches_the_next_page(qtbot, db) -> None:
    with db.transaction() as s:
        for i in range(PAGE + 30):
            people.add_person(s, given_name=f"Given{i:03}", family_name="Example")
    model = PeopleModel(db)
    model.set_filter("example")
    assert model.rowCount() == PAGE and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == PAGE + 30 and not model.canFetchMore(model.index(-1, -1))
    assert _names(model) == sorted(_names(model))


def test_main_window_opens_the_directory(qtbot, demo_db) -> None:
    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.form.actionPeople.trigger()
    assert window.people_window is not None and window.people_window.isVisible()
    assert window.form.actionPeople.shortcut().toString() == "Ctrl+Shift+P"


def test_clicking_a_header_sorts_in_the_database(qtbot, demo_db) -> None:
    from PySide6.QtCore import Qt

    directory = PeopleDirectory(demo_db)
    qtbot.addWidget(directory)
    header = directory.form.peopleView.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # City
    cities = [directory.model.index(r, 2).data() for r in range(directory.model.rowCount())]
    assert cities == sorted(cities) and cities[0] != cities[-1]
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert directory.model.index(0, 2).data() == max(cities)
    directory.form.filterEdit.setText("Chengdu")  # the filter keeps the order
    shown = [directory.model.index(r, 1).data() for r in range(directory.model.rowCount())]
    assert shown
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # Organisation
    orgs = [directory.model.index(r, 1).data() for r in range(directory.model.rowCount())]
    assert orgs == sorted(orgs)


def test_people_can_be_listed_in_every_order(db, hub) -> None:
    from learninghub.core.services.search import ORDERS

    with db.reading() as s:
        for order in ORDERS:
            for descending in (False, True):
                rows = people.list_people(s, order=order, descending=descending, limit=10)
                assert {p.id for p in rows} == {hub.li, hub.han, hub.kostya}
