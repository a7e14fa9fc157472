"""The timetable: real mouse drags (press, move, release on the viewport) and keys, checked in the database,
across Madrid's changes of 2021-03-28 and 2021-10-31 with Shanghai beside it; undo and redo of each gesture."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from learninghub.core.services import agenda, curricula, seminars
from learninghub.gui.seminar.timetable_view import PPM
from tests.gui.conftest import open_seminar, saved, settle, step, visible_box

MADRID, SHANGHAI = "Europe/Madrid", "Asia/Shanghai"


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def _seminar(db, title: str, first: str, last: str, sessions: list[tuple[str, str, str]], **extra):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        curriculum = curricula.list_curricula(s)[0].id
        seminar = seminars.add_seminar(s, curriculum_id=curriculum, title=title, start=first, end=last,
                                       timezone=MADRID, city="Barcelona", country="ES")
        for name, start, end in sessions:
            agenda.add_session(s, seminar_id=seminar.id, title=name, start=start, end=end, **extra)
    return seminar.id


def _timetable(qtbot, db, title: str, second: str = SHANGHAI):  # type: ignore[no-untyped-def]
    """The window on seminar ``title``, its timetable shown with ``second`` as the second zone."""
    window, seminar_id = open_seminar(qtbot, db, lambda x: x.title == title)
    window.resize(1500, 1100)
    window.form.seminarTabs.setCurrentWidget(window.form.agendaTab)
    panel = window.agenda.timetable
    window.agenda.views.setCurrentWidget(panel)
    panel.view.setMinimumHeight(900)
    panel.zone_combo.setCurrentIndex(panel.zone_combo.findData(second))
    qtbot.waitUntil(lambda: panel.view.isVisible() and panel.view.viewport().height() > 500)
    return window, seminar_id, panel


def _id(panel, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, item in panel.view.items.items() if item.title == title)


def _stored(db, session_id: int) -> tuple[dt.datetime, dt.datetime]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        row = agenda.get_session(s, session_id)
        return row.starts_at, row.ends_at


def _drag(view, start: tuple[int, int], end: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Press, move in steps, release: as a hand does."""
    port = view.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*start))
    for n in range(1, 6):
        QTest.mouseMove(port, QPoint(start[0] + (end[0] - start[0]) * n // 5, start[1] + (end[1] - start[1]) * n // 5))
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*end))


def _move(qtbot, window, panel, session_id: int, *, columns: int = 0, minutes: int = 0) -> None:  # type: ignore[no-untyped-def]
    view = panel.view
    x, y = view.point_of(session_id)
    _drag(view, (x, y), (x + round(columns * view.geometry_.width), y + round(minutes * PPM)))
    settle(qtbot, window)


def test_spring_forward_drags_keep_the_wall_clock_and_the_gap_is_refused(qtbot, demo_db) -> None:
    sid = _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-30",
                   [("Morning plenary", "2021-03-27 09:00", "2021-03-27 10:00"),
                    ("Night owls", "2021-03-27 01:00", "2021-03-27 01:30")])
    window, seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    assert seminar_id == sid
    plenary, night = _id(panel, "Morning plenary"), _id(panel, "Night owls")
    assert _stored(demo_db, plenary)[0] == utc(2021, 3, 27, 8)  # 09:00 CET
    # The second ruler: Shanghai is 7 hours ahead on the 27th, 6 on the 29th; its day changes at 17:00, then 18:00.
    columns = panel.view.table.columns
    assert next(k.label for k in columns[1].ticks if k.minute == 540) == "16:00"
    assert next(k.label for k in columns[3].ticks if k.minute == 540) == "15:00"
    assert [c.minute for c in columns[1].day_changes] == [17 * 60] and [c.minute for c in columns[3].day_changes] == [18 * 60]
    assert columns[2].gap == (120, 180)

    _move(qtbot, window, panel, plenary, columns=2)  # Saturday 09:00 → Monday 09:00, now summer time
    assert _stored(demo_db, plenary) == (utc(2021, 3, 29, 7), utc(2021, 3, 29, 8))
    step(qtbot, window, window.undo_action)
    assert _stored(demo_db, plenary) == (utc(2021, 3, 27, 8), utc(2021, 3, 27, 9))
    step(qtbot, window, window.redo_action)
    assert _stored(demo_db, plenary) == (utc(2021, 3, 29, 7), utc(2021, 3, 29, 8))

    _move(qtbot, window, panel, night, columns=1)  # 01:00 on the night the clocks jump: still winter time
    assert _stored(demo_db, night)[0] == utc(2021, 3, 28, 0)
    steps = window.undo_stack.count()
    _move(qtbot, window, panel, night, minutes=75)  # 02:15 does not exist in Madrid that night
    assert "does not exist" in panel.view.bubble.text
    assert _stored(demo_db, night)[0] == utc(2021, 3, 28, 0) and window.undo_stack.count() == steps
    assert panel.view.blocks[night][0].pos().y() == 0  # the block went back
    _move(qtbot, window, panel, night, minutes=120)  # 03:00, summer time: only an hour later in real time
    assert _stored(demo_db, night) == (utc(2021, 3, 28, 1), utc(2021, 3, 28, 1, 30))


def test_fall_back_drag_resize_and_undo(qtbot, demo_db) -> None:
    _seminar(demo_db, "Madrid autumn", "2021-10-29", "2021-11-02",
             [("Workshop", "2021-10-30 09:00", "2021-10-30 10:00")])
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid autumn")
    workshop = _id(panel, "Workshop")
    assert _stored(demo_db, workshop)[0] == utc(2021, 10, 30, 7)  # CEST
    _move(qtbot, window, panel, workshop, columns=1, minutes=33)  # Sunday 09:35 (snapped), CET again
    assert _stored(demo_db, workshop) == (utc(2021, 10, 31, 8, 35), utc(2021, 10, 31, 9, 35))
    view = panel.view
    x, y = view.point_of(workshop, edge=True)
    _drag(view, (x, y), (x, y + round(28 * PPM)))  # the lower edge, 30 minutes down (snapped)
    settle(qtbot, window)
    assert _stored(demo_db, workshop) == (utc(2021, 10, 31, 8, 35), utc(2021, 10, 31, 10, 5))
    step(qtbot, window, window.undo_action)
    assert _stored(demo_db, workshop)[1] == utc(2021, 10, 31, 9, 35)
    step(qtbot, window, window.undo_action)
    assert _stored(demo_db, workshop) == (utc(2021, 10, 30, 7), utc(2021, 10, 30, 8))
    step(qtbot, window, window.redo_action)
    step(qtbot, window, window.redo_action)
    assert _stored(demo_db, workshop) == (utc(2021, 10, 31, 8, 35), utc(2021, 10, 31, 10, 5))


def test_dragging_an_empty_slot_adds_a_session_undoably(qtbot, demo_db) -> None:
    sid = _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-30",
                   [("Morning plenary", "2021-03-27 09:00", "2021-03-27 10:00")])
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    view = panel.view
    before = panel.dialog
    _drag(view, view.point_at(dt.date(2021, 3, 29), 14 * 60 + 2), view.point_at(dt.date(2021, 3, 29), 15 * 60 + 29))
    qtbot.waitUntil(lambda: panel.dialog is not before)
    dialog = panel.dialog
    assert dialog.form.startEdit.value() == dt.datetime(2021, 3, 29, 14, 0)
    assert dialog.form.endEdit.value() == dt.datetime(2021, 3, 29, 15, 30)
    dialog.form.titleEdit.setText("Drawn: 城市对话")
    saved(qtbot, window, dialog)
    with demo_db.reading() as s:
        made = [r for r in agenda.list_sessions(s, sid) if r.title == "Drawn: 城市对话"]
    assert [(r.starts_at, r.ends_at) for r in made] == [(utc(2021, 3, 29, 12), utc(2021, 3, 29, 13, 30))]
    assert any(item.title == "Drawn: 城市对话" for item in view.items.values())
    step(qtbot, window, window.undo_action)
    with demo_db.reading() as s:
        assert not [r for r in agenda.list_sessions(s, sid) if r.title == "Drawn: 城市对话"]
    step(qtbot, window, window.redo_action)
    with demo_db.reading() as s:
        assert [r for r in agenda.list_sessions(s, sid) if r.title == "Drawn: 城市对话"]


def test_keyboard_chooses_moves_and_opens(qtbot, demo_db) -> None:
    _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-30",
             [("First", "2021-03-27 09:00", "2021-03-27 10:00"), ("Second", "2021-03-27 11:00", "2021-03-27 12:00")])
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    view = panel.view
    first, second = _id(panel, "First"), _id(panel, "Second")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)  # nothing chosen: the first block
    assert view.selected_id == first
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_id == second and "Second" in view.accessibleName()
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # 5 minutes later
    settle(qtbot, window)
    assert _stored(demo_db, second)[0] == utc(2021, 3, 27, 10, 5)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # a day later, into summer time
    settle(qtbot, window)
    assert _stored(demo_db, second)[0] == utc(2021, 3, 28, 9, 5)  # 11:05 CEST
    assert view.selected_id == second
    step(qtbot, window, window.undo_action)
    assert _stored(demo_db, second)[0] == utc(2021, 3, 27, 10, 5)
    before = panel.dialog
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.dialog is not before)
    assert panel.dialog.form.titleEdit.text() == "Second"
    panel.dialog.reject()


def test_one_occurrence_or_the_whole_series(qtbot, demo_db) -> None:
    sid = _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-30",
                   [("Daily stand-up", "2021-03-26 09:00", "2021-03-26 09:30")], repeat="FREQ=DAILY;COUNT=5")
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    ids = sorted(panel.view.items)
    _move(qtbot, window, panel, ids[1], minutes=60)
    qtbot.waitUntil(lambda: visible_box(window, "seriesQuestion") is not None)
    box = visible_box(window, "seriesQuestion")
    next(b for b in box.buttons() if b.text() == "Only this one").click()
    settle(qtbot, window)
    with demo_db.reading() as s:
        starts = [r.starts_at for r in agenda.list_sessions(s, sid)]
    assert starts == [utc(2021, 3, 26, 8), utc(2021, 3, 27, 9), utc(2021, 3, 28, 7), utc(2021, 3, 29, 7),
                      utc(2021, 3, 30, 7)]
    _move(qtbot, window, panel, ids[0], minutes=30)
    qtbot.waitUntil(lambda: visible_box(window, "seriesQuestion") is not None)
    next(b for b in visible_box(window, "seriesQuestion").buttons() if b.text() == "Every one").click()
    settle(qtbot, window)
    with demo_db.reading() as s:
        local = [r.starts_at.astimezone(dt.timezone(dt.timedelta(0))) for r in agenda.list_sessions(s, sid)]
    # 09:30 in Madrid every day: 08:30 UTC in winter, 07:30 in summer
    assert local == [utc(2021, 3, 26, 8, 30), utc(2021, 3, 27, 8, 30), utc(2021, 3, 28, 7, 30),
                     utc(2021, 3, 29, 7, 30), utc(2021, 3, 30, 7, 30)]
    step(qtbot, window, window.undo_action)
    with demo_db.reading() as s:
        assert agenda.list_sessions(s, sid)[0].starts_at == utc(2021, 3, 26, 8)


def test_copy_and_paste_to_a_clicked_slot(qtbot, demo_db) -> None:
    sid = _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-30",
                   [("Coffee", "2021-03-27 10:30", "2021-03-27 10:50")], kind="break")
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    view = panel.view
    coffee = _id(panel, "Coffee")
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(*view.point_of(coffee)))
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(*view.point_at(dt.date(2021, 3, 29), 16 * 60)))
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    with demo_db.reading() as s:
        rows = [(r.starts_at, r.ends_at, r.kind) for r in agenda.list_sessions(s, sid)]
    assert rows[-1] == (utc(2021, 3, 29, 14), utc(2021, 3, 29, 14, 20), "break")
    step(qtbot, window, window.undo_action)
    with demo_db.reading() as s:
        assert len(agenda.list_sessions(s, sid)) == 1


def test_park_city_drag_and_the_remembered_second_zone(qtbot, demo_db) -> None:
    window, seminar_id, panel = _timetable(qtbot, demo_db, "Park City Project", second=MADRID)
    opening = _id(panel, "Opening ceremony")
    assert _stored(demo_db, opening)[0] == utc(2020, 7, 13, 1)
    _move(qtbot, window, panel, opening, columns=4, minutes=-30)  # Friday 08:30 in Chengdu
    assert _stored(demo_db, opening)[0] == utc(2020, 7, 17, 0, 30)
    step(qtbot, window, window.undo_action)
    assert _stored(demo_db, opening)[0] == utc(2020, 7, 13, 1)
    assert next(k.label for k in panel.view.table.columns[0].ticks if k.minute == 540) == "03:00"  # Barcelona
    from PySide6.QtCore import QSettings

    panel.zone_combo.setCurrentIndex(panel.zone_combo.findData("Asia/Seoul"))
    assert QSettings().value("timetable/second-zone") == "Asia/Seoul"
    assert next(k.label for k in panel.view.table.columns[0].ticks if k.minute == 540) == "10:00"
    assert panel.view.table.second_zone == "Asia/Seoul" and seminar_id


def test_a_move_outside_the_seminars_days_is_refused_in_place(qtbot, demo_db) -> None:
    _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-27",
             [("Late", "2021-03-27 22:00", "2021-03-27 23:30")])
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    late = _id(panel, "Late")
    _move(qtbot, window, panel, late, minutes=60)  # would end on the 28th, after the last day
    qtbot.waitUntil(lambda: panel.view.bubble is not None)
    assert "outside the seminar's days" in panel.view.bubble.text
    assert _stored(demo_db, late)[0] == utc(2021, 3, 27, 21)


def test_a_speaker_clash_outlines_both_blocks_and_names_every_block(qtbot, demo_db, tmp_path) -> None:
    from learninghub.core.services import people

    with demo_db.transaction() as s:
        speaker = people.add_person(s, given_name="Núria", family_name="Puig", native_name=None, email="np@example.es")
        speaker_id = speaker.id
    _seminar(demo_db, "Madrid spring", "2021-03-26", "2021-03-30",
             [("Talk A", "2021-03-27 09:00", "2021-03-27 10:00"), ("Talk B", "2021-03-27 09:30", "2021-03-27 10:30")],
             speaker_ids=[speaker_id])
    window, _seminar_id, panel = _timetable(qtbot, demo_db, "Madrid spring")
    a, b = _id(panel, "Talk A"), _id(panel, "Talk B")
    blocks = panel.view.blocks
    assert blocks[a][0].clashes and blocks[b][0].clashes  # outlined in red, the reason in the tooltip
    assert (blocks[a][0].block.lane, blocks[b][0].block.lane, blocks[b][0].block.lanes) == (0, 1, 2)
    assert all(piece.name and piece.toolTip() for pieces in blocks.values() for piece in pieces)
    assert "Núria Puig" in blocks[a][0].name
    target = tmp_path / "timetable.pdf"
    panel.save_pdf(str(target))  # Save as PDF… with the file already named (the dialog skipped)
    qtbot.waitUntil(lambda: target.exists() and not window.runner.busy(), timeout=20_000)
    from tests.pdftext import page_texts

    pages = page_texts(target)
    assert len(pages) == 5 and "Talk A" in pages[1] and "Shanghai" in pages[1]
