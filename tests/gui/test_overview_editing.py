"""Editing a seminar in the Overview tab: saved through the core, refusals shown, undo/redo."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from learninghub.core.services import seminars
from tests.conftest import table_snapshot
from tests.gui.conftest import save_overview, step


def _stored(db, seminar_id: int):
    with db.reading() as s:
        return seminars.get_seminar(s, seminar_id)


def test_edit_title_then_undo_and_redo(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.overview.form.titleEdit.setText("Park City Project — 公园城市")
    window.overview.form.capacitySpin.setValue(45)
    save_overview(qtbot, window)
    stored = _stored(demo_db, seminar_id)
    assert (stored.title, stored.capacity) == ("Park City Project — 公园城市", 45)
    assert window.overview.form.seminarTitle.text() == "Park City Project — 公园城市"
    assert "公园城市" in window.tree_model.index_of_seminar(seminar_id).data()

    step(qtbot, window, window.undo_action)
    stored = _stored(demo_db, seminar_id)
    assert (stored.title, stored.capacity) == ("Park City Project", 27)
    assert window.overview.form.titleEdit.text() == "Park City Project"

    step(qtbot, window, window.redo_action)
    assert _stored(demo_db, seminar_id).title == "Park City Project — 公园城市"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"


def test_undo_after_moving_to_another_seminar_changes_the_seminar_edited(qtbot, demo_db, park_city) -> None:
    """The undo step keeps its seminar: undone while another is on screen, that other one is untouched."""
    window, seminar_id = park_city
    with demo_db.reading() as s:
        other = next(x for x in seminars.list_seminars(s) if x.id != seminar_id and x.version == _stored(
            demo_db, seminar_id).version)
    other_title = other.title
    window.overview.form.titleEdit.setText("Park City Project (renamed)")
    save_overview(qtbot, window)
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == other.id):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(other.id))
    assert window.overview.form.titleEdit.text() == other_title
    step(qtbot, window, window.undo_action)
    assert _stored(demo_db, seminar_id).title == "Park City Project"
    assert _stored(demo_db, other.id).title == other_title
    assert window.overview.form.titleEdit.text() == other_title
    step(qtbot, window, window.redo_action)
    assert _stored(demo_db, seminar_id).title == "Park City Project (renamed)"
    assert _stored(demo_db, other.id).title == other_title


def test_refusal_is_shown_next_to_the_field_and_nothing_changes(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    before = table_snapshot(demo_db.target.sqlite_path)
    window.overview.form.endDate.setDate(QDate(2020, 7, 1))  # before the first day
    save_overview(qtbot, window)
    assert "before the first day" in window.overview.form.errorLabel.text()
    assert "#b00020" in window.overview.form.endDate.styleSheet()
    assert table_snapshot(demo_db.target.sqlite_path) == before
    assert window.undo_stack.count() == 0
    window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Reset).click()
    assert window.overview.form.endDate.date() == QDate(2020, 7, 17) and window.overview.form.errorLabel.text() == ""


def test_a_change_saved_elsewhere_meanwhile_is_not_overwritten(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    with demo_db.transaction() as s:  # another window (or another office) saves first
        seminars.edit_seminar(s, seminar_id, venue="Chengdu Tianfu International Conference Center, Hall B")
    window.overview.form.titleEdit.setText("Park City Project (revised)")
    save_overview(qtbot, window)
    assert "changed by someone else meanwhile" in window.overview.form.errorLabel.text()
    stored = _stored(demo_db, seminar_id)
    assert stored.title == "Park City Project" and stored.venue.endswith("Hall B")
