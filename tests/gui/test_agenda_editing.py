"""The Agenda tab: new / edit / duplicate / delete sessions through the dialog, with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest

from learninghub.core.services import agenda
from learninghub.gui.window.main_window import MainWindow
from tests.conftest import table_snapshot
from tests.gui.conftest import saved, session_dialog, settle, step, visible_box


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
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    f = dialog.form
    f.titleEdit.setText("Evening exchange: 公园城市 and the 15-minute city")
    f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 19, 0)))
    f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 20, 30)))
    f.speakerFind.setText("李佳")
    settle(qtbot, window)  # the people matching are read off the GUI thread
    assert f.speakerMatches.count() >= 1
    QTest.keyClick(f.speakerFind, Qt.Key.Key_Return)
    assert f.speakersList.count() == 1
    assert dialog.isVisible() and window.undo_stack.count() == 0  # Enter there adds a speaker: it saves nothing
    saved(qtbot, window, dialog)
    assert window.agenda.model.rowCount() == before + 1
    with demo_db.reading() as s:
        added = next(r for r in agenda.list_sessions(s, seminar_id) if r.title.startswith("Evening exchange"))
        assert added.starts_at == dt.datetime(2020, 7, 16, 11, 0, tzinfo=dt.UTC)  # 19:00 in Chengdu
        assert [p.native_name for p in added.speakers] == ["李佳"]
    step(qtbot, window, window.undo_action)
    assert window.agenda.model.rowCount() == before
    step(qtbot, window, window.redo_action)
    assert "Evening exchange: 公园城市 and the 15-minute city" in _titles(demo_db, seminar_id)
    assert window.agenda.model.rowCount() == before + 1


def test_repeating_session_from_the_simple_editor(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    f = dialog.form
    f.titleEdit.setText("Morning tai chi")
    f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 0)))
    f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 30)))
    f.repeatGroup.setChecked(True)
    f.repeatUnit.setCurrentIndex(f.repeatUnit.findData("days"))
    f.repeatCount.setValue(5)
    assert dialog.repeat() == "FREQ=DAILY;COUNT=5"
    saved(qtbot, window, dialog)
    assert _titles(demo_db, seminar_id).count("Morning tai chi") == 5
    step(qtbot, window, window.undo_action)
    assert "Morning tai chi" not in _titles(demo_db, seminar_id)


def test_refusal_keeps_the_dialog_open_and_changes_nothing(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    before = table_snapshot(demo_db.target.sqlite_path)
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    dialog.form.titleEdit.setText("Too late")
    dialog.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 20, 9, 0)))
    dialog.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 20, 10, 0)))
    dialog.accept()
    settle(qtbot, window)  # the core refused, on the change thread
    assert dialog.isVisible()
    assert "outside the seminar's days" in dialog.form.errorLabel.text()
    assert table_snapshot(demo_db.target.sqlite_path) == before
    assert window.undo_stack.count() == 0
    dialog.reject()


def test_edit_duplicate_and_delete_with_undo(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    _select(window, "Opening ceremony")
    dialog = session_dialog(qtbot, window, window.agenda.edit_session)
    assert dialog.form.titleEdit.text() == "Opening ceremony" and dialog.form.speakersList.count() == 3
    dialog.form.titleEdit.setText("Opening ceremony 开幕式")
    saved(qtbot, window, dialog)
    assert "Opening ceremony 开幕式" in _titles(demo_db, seminar_id)
    step(qtbot, window, window.undo_action)
    assert "Opening ceremony" in _titles(demo_db, seminar_id)

    _select(window, "Opening ceremony")
    copy = session_dialog(qtbot, window, window.agenda.duplicate_session)
    copy.form.titleEdit.setText("Opening ceremony (rehearsal)")
    copy.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 0)))
    copy.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 45)))
    saved(qtbot, window, copy)
    assert "Opening ceremony (rehearsal)" in _titles(demo_db, seminar_id)

    _select(window, "Opening ceremony (rehearsal)")
    window.agenda.form.deleteSessionButton.click()
    settle(qtbot, window)
    assert "Opening ceremony (rehearsal)" not in _titles(demo_db, seminar_id)
    step(qtbot, window, window.undo_action)
    assert "Opening ceremony (rehearsal)" in _titles(demo_db, seminar_id)


def test_deleting_a_session_people_checked_in_to_is_refused(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    _select(window, "Opening ceremony")  # the demo has check-ins for it
    window.agenda.form.deleteSessionButton.click()
    settle(qtbot, window)
    assert "Opening ceremony" in _titles(demo_db, seminar_id)
    box = visible_box(window, "refusalBox")
    assert box is not None and "checked in" in box.text()
    assert window.undo_stack.count() == 0


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
    dialog = session_dialog(qtbot, window, window.agenda.edit_session)
    assert dialog.form.wholeSeriesCheck.isVisibleTo(dialog)
    dialog.form.wholeSeriesCheck.setChecked(True)
    dialog.form.roomEdit.setText("Zoom room B")
    saved(qtbot, window, dialog)
    assert {r.room for r in _series_rows(demo_db, seminar_id)} == {"Zoom room B"}
    step(qtbot, window, window.undo_action)
    assert {r.room for r in _series_rows(demo_db, seminar_id)} == {first.room}


def add_report_drafting(qtbot, window: MainWindow, demo_db, seminar_id: int) -> list:  # type: ignore[no-untyped-def]
    """A weekly series of four nobody has checked in to yet, added by someone else; the window reads it again."""
    with demo_db.transaction() as s:
        agenda.add_session(s, seminar_id=seminar_id, title="Report drafting", start="2021-05-04 16:00",
                           end="2021-05-04 17:00", repeat="FREQ=WEEKLY;COUNT=4")
    with qtbot.waitSignal(window.seminar_shown):
        window.refresh()
    settle(qtbot, window)
    return [r for r in _series_rows(demo_db, seminar_id) if r.title == "Report drafting"]


def test_cancel_one_occurrence_then_undo(qtbot, demo_db) -> None:
    window, seminar_id = _cluster_window(qtbot, demo_db)
    before = add_report_drafting(qtbot, window, demo_db, seminar_id)
    model = window.agenda.model
    row = next(r for r in range(model.rowCount()) if model.key(r) == before[2].id)
    window.agenda.form.agendaView.selectRow(row)
    window.agenda.form.cancelOccurrenceButton.click()
    settle(qtbot, window)
    assert len([r for r in _series_rows(demo_db, seminar_id) if r.title == "Report drafting"]) == 3
    step(qtbot, window, window.undo_action)
    after = [r for r in _series_rows(demo_db, seminar_id) if r.title == "Report drafting"]
    assert [r.starts_at for r in after] == [r.starts_at for r in before]
    with demo_db.reading() as s:
        from learninghub.core.models import SessionSeries

        assert s.get(SessionSeries, before[0].series_id).exdates == ""


def test_a_double_booked_speaker_is_marked_where_the_agenda_is_edited(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    with demo_db.reading() as s:
        opening = next(r for r in agenda.list_sessions(s, seminar_id) if r.title == "Opening ceremony")
        speaker = opening.speakers[0].id
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    dialog.form.titleEdit.setText("Press interview")
    dialog.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 9, 15)))
    dialog.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 9, 40)))
    with demo_db.reading() as s:
        from learninghub.core.services import people

        name = people.get_person(s, speaker).display_name
    dialog.form.speakerFind.setText(name.split(" (")[0])
    settle(qtbot, window)
    QTest.keyClick(dialog.form.speakerFind, Qt.Key.Key_Return)
    assert dialog.form.speakersList.count() == 1
    saved(qtbot, window, dialog)  # allowed: conflicts are warnings
    model = window.agenda.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "Press interview")
    assert "at the same time" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "conflict" in window.agenda.form.conflictsLabel.text()


def test_the_agenda_reads_by_day_with_room_for_titles(qtbot, demo_db, park_city) -> None:
    from learninghub.gui.seminar.agenda import DAY, ROOM, SPEAKERS, TITLE

    window, seminar_id = park_city
    window.resize(1280, 800)
    window.form.seminarTabs.setCurrentWidget(window.form.agendaTab)
    settle(qtbot, window)
    model = window.agenda.model
    header = window.agenda.form.agendaView.horizontalHeader()
    assert header.sectionSize(TITLE) > max(header.sectionSize(ROOM), header.sectionSize(SPEAKERS))
    with demo_db.reading() as s:
        days = [r.starts_at.astimezone(dt.timezone(dt.timedelta(hours=8))).date()
                for r in agenda.list_sessions(s, seminar_id)]
    first_day = days.count(days[0])
    named = [r for r in range(model.rowCount()) if model.index(r, DAY).data()]
    assert named[:2] == [0, first_day] and len(named) == len(set(days))  # each day named once, on its first session
    assert model.starts_day(first_day) and not model.starts_day(1)
    header.setSortIndicator(ROOM, Qt.SortOrder.AscendingOrder)  # a click on Room: a plain list
    assert all(model.index(r, DAY).data() for r in range(model.rowCount()))
    assert not any(model.starts_day(r) for r in range(model.rowCount()))
    header.setSortIndicator(DAY, Qt.SortOrder.AscendingOrder)
    assert model.starts_day(first_day)


def test_actions_wait_for_a_chosen_session(qtbot, demo_db) -> None:
    window, seminar_id = _cluster_window(qtbot, demo_db)
    f = window.agenda.form
    buttons = (f.editSessionButton, f.duplicateSessionButton, f.deleteSessionButton, f.cancelOccurrenceButton)
    window.agenda.form.agendaView.clearSelection()
    window.agenda.form.agendaView.setCurrentIndex(window.agenda.model.index(-1, -1))
    assert f.addSessionButton.isEnabled() and not any(b.isEnabled() for b in buttons)
    series = add_report_drafting(qtbot, window, demo_db, seminar_id)
    model = window.agenda.model
    single = next(r for r in range(model.rowCount()) if not model.in_series(r))
    f.agendaView.selectRow(single)
    assert all(b.isEnabled() for b in buttons[:3]) and not f.cancelOccurrenceButton.isEnabled()
    row = next(r for r in range(model.rowCount()) if model.key(r) == series[1].id)
    f.agendaView.selectRow(row)
    assert all(b.isEnabled() for b in buttons)
    assert model.index(row, 2).data(Qt.ItemDataRole.DecorationRole) is not None  # the repeat sign
    assert "repeating series" in model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(single, 2).data(Qt.ItemDataRole.DecorationRole) is None


def test_an_empty_agenda_offers_only_a_new_session(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    dialog = window.new_seminar()
    qtbot.addWidget(dialog)
    dialog.form.titleEdit.setText("Nothing planned yet")
    with qtbot.waitSignal(window.seminar_shown, timeout=10_000):
        dialog.accept()
    settle(qtbot, window)
    f = window.agenda.form
    assert window.agenda.model.rowCount() == 0 and f.addSessionButton.isEnabled()
    assert not any(b.isEnabled() for b in (f.editSessionButton, f.duplicateSessionButton, f.deleteSessionButton,
                                          f.cancelOccurrenceButton))


def test_a_new_series_repeats_daily_until_the_last_day(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city  # 13 to 17 July 2020
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    f = dialog.form
    f.titleEdit.setText("Morning walk")
    f.startEdit.setDateTime(dt.datetime(2020, 7, 13, 7, 30))
    f.repeatGroup.setChecked(True)
    assert f.repeatUntilRadio.isChecked() and f.repeatUntil.value() == dt.date(2020, 7, 17)
    assert dialog.repeat() == "FREQ=DAILY;UNTIL=20200717T235959"
    saved(qtbot, window, dialog)
    assert _titles(demo_db, seminar_id).count("Morning walk") == 5  # one a day, none past the seminar
    model = window.agenda.model
    assert [model.in_series(r) for r in range(model.rowCount()) if model.index(r, 2).data() == "Morning walk"] == [True] * 5
