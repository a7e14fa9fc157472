"""The Agenda tab: new / edit / duplicate / delete sessions through the dialog, with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime

from learninghub.core.services import agenda
from learninghub.gui.window.main_window import MainWindow
from tests.conftest import table_snapshot


def _titles(db, seminar_id: int) -> list[str]:
    with db.reading() as s:
        return [r.title for r in agenda.list_sessions(s, seminar_id)]


def _select(window: MainWindow, title: str) -> None:
    model = window.agenda.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == title)
    window.agenda.form.agendaView.selectRow(row)


def test_new_session_with_a_speaker_found_by_chinese_name_then_undo_redo(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    before = window.agenda.model.rowCount()
    dialog = window.agenda.new_session()
    f = dialog.form
    f.titleEdit.setText("Evening exchange: 公园城市 and the 15-minute city")
    f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 19, 0)))
    f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 20, 30)))
    f.speakerFind.setText("李佳")
    assert f.speakerMatches.count() >= 1
    f.speakerFind.returnPressed.emit()
    assert f.speakersList.count() == 1
    dialog.accept()
    assert not dialog.isVisible()
    assert window.agenda.model.rowCount() == before + 1
    with demo_db.reading() as s:
        added = next(r for r in agenda.list_sessions(s, seminar_id) if r.title.startswith("Evening exchange"))
        assert added.starts_at == dt.datetime(2020, 7, 16, 11, 0, tzinfo=dt.UTC)  # 19:00 in Chengdu
        assert [p.native_name for p in added.speakers] == ["李佳"]
    window.undo_action.trigger()
    assert window.agenda.model.rowCount() == before
    window.redo_action.trigger()
    assert "Evening exchange: 公园城市 and the 15-minute city" in _titles(demo_db, seminar_id)


def test_repeating_session_from_the_simple_editor(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    dialog = window.agenda.new_session()
    f = dialog.form
    f.titleEdit.setText("Morning tai chi")
    f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 0)))
    f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 30)))
    f.repeatGroup.setChecked(True)
    f.repeatUnit.setCurrentIndex(f.repeatUnit.findData("days"))
    f.repeatCount.setValue(5)
    assert dialog.repeat() == "FREQ=DAILY;COUNT=5"
    dialog.accept()
    assert _titles(demo_db, seminar_id).count("Morning tai chi") == 5
    window.undo_action.trigger()
    assert "Morning tai chi" not in _titles(demo_db, seminar_id)


def test_refusal_keeps_the_dialog_open_and_changes_nothing(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    before = table_snapshot(demo_db.target.sqlite_path)
    dialog = window.agenda.new_session()
    dialog.form.titleEdit.setText("Too late")
    dialog.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 20, 9, 0)))
    dialog.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 20, 10, 0)))
    dialog.accept()
    assert dialog.isVisible()
    assert "outside the seminar's days" in dialog.form.errorLabel.text()
    assert table_snapshot(demo_db.target.sqlite_path) == before
    dialog.reject()


def test_edit_duplicate_and_delete_with_undo(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    _select(window, "Opening ceremony")
    dialog = window.agenda.edit_session()
    assert dialog.form.titleEdit.text() == "Opening ceremony" and dialog.form.speakersList.count() == 3
    dialog.form.titleEdit.setText("Opening ceremony 开幕式")
    dialog.accept()
    assert "Opening ceremony 开幕式" in _titles(demo_db, seminar_id)
    window.undo_action.trigger()
    assert "Opening ceremony" in _titles(demo_db, seminar_id)

    _select(window, "Opening ceremony")
    copy = window.agenda.duplicate_session()
    copy.form.titleEdit.setText("Opening ceremony (rehearsal)")
    copy.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 0)))
    copy.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 45)))
    copy.accept()
    assert "Opening ceremony (rehearsal)" in _titles(demo_db, seminar_id)

    _select(window, "Opening ceremony (rehearsal)")
    window.agenda.form.deleteSessionButton.click()
    assert "Opening ceremony (rehearsal)" not in _titles(demo_db, seminar_id)
    window.undo_action.trigger()
    assert "Opening ceremony (rehearsal)" in _titles(demo_db, seminar_id)


def test_deleting_a_session_people_checked_in_to_is_refused(qtbot, demo_db, park_city) -> None:
    from PySide6.QtWidgets import QMessageBox

    window, seminar_id = park_city
    _select(window, "Opening ceremony")  # the demo has check-ins for it
    window.agenda.form.deleteSessionButton.click()
    assert "Opening ceremony" in _titles(demo_db, seminar_id)
    assert any("checked in" in box.text() for box in window.findChildren(QMessageBox))


def _cluster_window(qtbot, demo_db):  # type: ignore[no-untyped-def]
    from tests.gui.conftest import open_seminar

    return open_seminar(qtbot, demo_db, lambda seminar: seminar.kind == "meeting")


def _series_rows(db, seminar_id: int):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return [r for r in agenda.list_sessions(s, seminar_id) if r.series_id]


def test_edit_the_whole_series_then_undo(qtbot, demo_db) -> None:
    window, seminar_id = _cluster_window(qtbot, demo_db)
    first = _series_rows(demo_db, seminar_id)[0]
    _select(window, first.title)
    dialog = window.agenda.edit_session()
    assert dialog.form.wholeSeriesCheck.isVisibleTo(dialog)
    dialog.form.wholeSeriesCheck.setChecked(True)
    dialog.form.roomEdit.setText("Zoom room B")
    dialog.accept()
    assert {r.room for r in _series_rows(demo_db, seminar_id)} == {"Zoom room B"}
    window.undo_action.trigger()
    assert {r.room for r in _series_rows(demo_db, seminar_id)} == {first.room}


def test_cancel_one_occurrence_then_undo(qtbot, demo_db) -> None:
    window, seminar_id = _cluster_window(qtbot, demo_db)
    with demo_db.transaction() as s:  # a series nobody has checked in to yet
        agenda.add_session(s, seminar_id=seminar_id, title="Report drafting", start="2021-05-04 16:00",
                           end="2021-05-04 17:00", repeat="FREQ=WEEKLY;COUNT=4")
    window.refresh()
    before = [r for r in _series_rows(demo_db, seminar_id) if r.title == "Report drafting"]
    model = window.agenda.model
    row = next(r for r in range(model.rowCount()) if model.key(r) == before[2].id)
    window.agenda.form.agendaView.selectRow(row)
    window.agenda.form.cancelOccurrenceButton.click()
    assert len([r for r in _series_rows(demo_db, seminar_id) if r.title == "Report drafting"]) == 3
    window.undo_action.trigger()
    after = [r for r in _series_rows(demo_db, seminar_id) if r.title == "Report drafting"]
    assert [r.starts_at for r in after] == [r.starts_at for r in before]
    with demo_db.reading() as s:
        from learninghub.core.models import SessionSeries

        assert s.get(SessionSeries, before[0].series_id).exdates == ""


def test_a_double_booked_speaker_is_marked_where_the_agenda_is_edited(qtbot, demo_db, park_city) -> None:
    from PySide6.QtCore import Qt

    window, seminar_id = park_city
    with demo_db.reading() as s:
        opening = next(r for r in agenda.list_sessions(s, seminar_id) if r.title == "Opening ceremony")
        speaker = opening.speakers[0].id
    dialog = window.agenda.new_session()
    dialog.form.titleEdit.setText("Press interview")
    dialog.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 9, 15)))
    dialog.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 9, 40)))
    with demo_db.reading() as s:
        from learninghub.core.services import people

        name = people.get_person(s, speaker).display_name
    dialog.form.speakerFind.setText(name.split(" (")[0])
    dialog.form.speakerFind.returnPressed.emit()
    dialog.accept()  # allowed: conflicts are warnings
    model = window.agenda.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "Press interview")
    assert "at the same time" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "conflict" in window.agenda.form.conflictsLabel.text()
