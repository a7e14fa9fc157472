"""A curriculum's title, years and description edited in the app: saved by the core, undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from learninghub.core.services import curricula
from learninghub.gui.window.main_window import MainWindow
from tests.conftest import table_snapshot
from tests.gui.conftest import settle


def _chengdu(db) -> int:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return next(c.id for c in curricula.list_curricula(s) if c.title.startswith("Metropolis Learning Hub Chengdu"))


def _stored(db, curriculum_id: int):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        c = curricula.get_curriculum(s, curriculum_id)
        return c.title, c.start_year, c.end_year, c.description


def _open(qtbot, db, curriculum_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)  # the tree is read off the GUI thread
    # (The tree, given the focus, may have made its first row, this curriculum, current already.)
    window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_curriculum(curriculum_id))
    settle(qtbot, window)  # its page is read off the GUI thread too
    assert window.current_curriculum == curriculum_id
    return window


def _save(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Click Save and wait until the core has saved (or refused) and the page is shown again."""
    window.curriculum_page.form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window)


def test_choosing_a_curriculum_shows_its_page_and_edits_are_undoable(qtbot, demo_db) -> None:
    curriculum_id = _chengdu(demo_db)
    before = _stored(demo_db, curriculum_id)
    window = _open(qtbot, demo_db, curriculum_id)
    page = window.curriculum_page
    assert window.form.detailStack.currentWidget() is page
    assert page.form.titleEdit.text() == before[0] and page.form.startYearSpin.value() == before[1]
    assert "seminars in this curriculum" in page.form.summary.text()

    page.form.titleEdit.setText("Metropolis Learning Hub 成都")
    page.form.endYearSpin.setValue(2023)
    page.form.descriptionEdit.setPlainText("Three years of city-to-city learning; 三年")
    _save(qtbot, window)
    assert _stored(demo_db, curriculum_id) == ("Metropolis Learning Hub 成都", before[1], 2023,
                                                "Three years of city-to-city learning; 三年")
    top = window.tree_model.index_of_curriculum(curriculum_id).data()
    assert top.startswith("Metropolis Learning Hub 成都") and "2023" in top
    assert window.form.detailStack.currentWidget() is page  # still on the page after the tree reloads

    window.undo_action.trigger()
    settle(qtbot, window)
    assert _stored(demo_db, curriculum_id) == before
    assert page.form.titleEdit.text() == before[0]
    window.redo_action.trigger()
    settle(qtbot, window)
    assert page.form.titleEdit.text() == "Metropolis Learning Hub 成都"
    assert _stored(demo_db, curriculum_id)[0] == "Metropolis Learning Hub 成都"


def test_years_the_wrong_way_round_are_refused_next_to_the_field(qtbot, demo_db) -> None:
    curriculum_id = _chengdu(demo_db)
    window = _open(qtbot, demo_db, curriculum_id)
    snapshot = table_snapshot(demo_db.target.sqlite_path)
    page = window.curriculum_page
    page.form.endYearSpin.setValue(page.form.startYearSpin.value() - 1)
    _save(qtbot, window)
    assert "before it starts" in page.form.errorLabel.text()
    assert "#b00020" in page.form.endYearSpin.styleSheet()
    assert table_snapshot(demo_db.target.sqlite_path) == snapshot and window.undo_stack.count() == 0


def test_clearing_the_years(qtbot, demo_db) -> None:
    curriculum_id = _chengdu(demo_db)
    window = _open(qtbot, demo_db, curriculum_id)
    page = window.curriculum_page
    page.form.startYearSpin.setValue(page.form.startYearSpin.minimum())  # shown as "—"
    page.form.endYearSpin.setValue(page.form.endYearSpin.minimum())
    assert page.form.startYearSpin.text() == "—"
    _save(qtbot, window)
    assert _stored(demo_db, curriculum_id)[1:3] == (None, None)
