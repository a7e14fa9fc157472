"""Undo and redo from the keyboard for every kind of change the seminar tabs make.

Each change runs as a core command on the change thread; Ctrl+Z and Ctrl+Shift+Z run the
step's next command through the same runner. For each kind: two changes made through the
tabs, then Ctrl+Z, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Shift+Z one at a time, then Ctrl+Z twice
quickly (the second waits for the first) and Ctrl+Shift+Z twice quickly — after each, the
data and what the window shows are exactly as they were at that point. Undo is exact or
refused: someone else's change meanwhile is never overwritten; the refusal is told and the
step leaves the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from learninghub.core.models import SessionSeries
from learninghub.core.services import agenda, attendance, people, registration, seminars
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import open_seminar, saved, session_dialog, settle, visible_box

PERSON = Qt.ItemDataRole.UserRole + 1  # the person of a check-in line


# ---------------------------------------------------------------- the keyboard
def press(qtbot, window: MainWindow, *keys: str, runs: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z ("undo") or Ctrl+Shift+Z ("redo"), one after the other without waiting, as the user presses
    them in the programme tree (a text field would take Ctrl+Z for its own typing); then wait until all ran.
    ``runs`` False: there is nothing to undo or redo, so nothing may start."""
    tree = window.form.programmeTree
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    for n, key in enumerate(keys):
        mods = Qt.KeyboardModifier.ControlModifier
        if key == "redo":
            mods |= Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(tree, Qt.Key.Key_Z, mods)
        assert window.runner.changing() == runs, "the step runs on the change thread"
        if n:
            assert window.history.pending(), "pressed while the step before runs: it waits its turn"
    settle(qtbot, window)


# ---------------------------------------------------------------- what is stored, what is shown
def _registrations(db, seminar_id: int) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    """Each registration's person, status and place on the waiting list, and its history (without times)."""
    with db.reading() as s:
        regs = registration.list_registrations(s, seminar_id=seminar_id)
        waiting = [r.person_id for r in registration.waiting_list(s, seminar_id)]
        return (sorted((r.person_id, r.status, waiting.index(r.person_id) + 1 if r.person_id in waiting else None)
                       for r in regs),
                sorted(((r.person_id, e.old_status, e.new_status, e.note) for r in regs for e in r.events), key=repr))


def _participants_shown(window: MainWindow) -> tuple[Any, ...]:
    model = window.participants.model
    rows = [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]
    return rows, window.participants.form.waitingLabel.text()


def _sessions(db, seminar_id: int) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    """The seminar's sessions and series as stored, without their ids (an undone deletion makes them anew)."""
    with db.reading() as s:
        rows = sorted((r.title, r.title_zh, r.kind, r.starts_at, r.ends_at, r.room, r.language, r.description,
                       r.series_id is not None, tuple(p.id for p in r.speakers))
                      for r in agenda.list_sessions(s, seminar_id))
        series = sorted((x.rrule, x.local_start, x.duration_minutes, x.exdates)
                        for x in s.query(SessionSeries).filter_by(seminar_id=seminar_id))
        return rows, series


def _agenda_shown(window: MainWindow) -> tuple[Any, ...]:
    model = window.agenda.model
    rows = [tuple(model.index(r, c).data(role) for c in range(model.columnCount())
                  for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole))
            for r in range(model.rowCount())]
    return rows, window.agenda.form.conflictsLabel.text()


def _check_in_session(window: MainWindow) -> int:
    return int(window.check_in.form.checkInSession.currentData())


def _attendance(db, window: MainWindow, seminar_id: int) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        here = sorted((a.person_id, a.checked_in_at)
                      for a in attendance.list_attendance(s, session_id=_check_in_session(window)))
    return here, _registrations(db, seminar_id)


def _check_in_shown(window: MainWindow) -> tuple[Any, ...]:
    lst = window.check_in.form.checkInList
    return ([(lst.item(r).text(), lst.item(r).checkState()) for r in range(lst.count())],
            window.check_in.form.checkInCount.text(), window.check_in.form.checkInSession.currentText())


def _partners(db, seminar_id: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return {p.organisation.name: p.role for p in seminars.get_seminar(s, seminar_id).partners}


def _partners_shown(window: MainWindow) -> list[str]:
    lst = window.overview.form.partnersList
    return [lst.item(i).text() for i in range(lst.count())]


def _overview(db, seminar_id: int) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        x = seminars.get_seminar(s, seminar_id)
        fields = (x.title, x.title_zh, x.start_date, x.end_date, x.timezone, x.kind, x.format, x.status, x.venue,
                  x.city.name if x.city else None, x.capacity, x.description, x.description_zh)
    return fields, _registrations(db, seminar_id)


def _overview_shown(window: MainWindow) -> tuple[Any, ...]:
    f = window.overview.form
    return (f.seminarTitle.text(), f.titleEdit.text(), f.venueEdit.text(), f.capacitySpin.value(), f.seatsValue.text(),
            window.tree_model.index_of_seminar(window.current_seminar).data(), window.isWindowModified(),
            _participants_shown(window))


# ---------------------------------------------------------------- the changes, made through the tabs
def _park(qtbot, db):  # type: ignore[no-untyped-def]
    return open_seminar(qtbot, db, lambda seminar: seminar.title == "Park City Project")


def _cluster(qtbot, db):  # type: ignore[no-untyped-def]
    return open_seminar(qtbot, db, lambda seminar: seminar.kind == "meeting")


def _read_again(qtbot, window: MainWindow) -> None:
    """Someone else changed the data: the window reads it again."""
    with qtbot.waitSignal(window.seminar_shown):
        window.refresh()
    settle(qtbot, window)


def _newcomers(qtbot, window: MainWindow, db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        people.add_person(s, given_name="Seo-yeon", family_name="Park", native_name="박서연")
        people.add_person(s, given_name="Ji-min", family_name="Han", native_name="한지민")
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)


def _register(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    f = window.participants.form
    f.registerFind.setText(["박서연", "한지민"][n])
    if n == 0:
        settle(qtbot, window)
        assert f.registerMatches.count() == 1
        f.registerButton.click()
    else:  # Enter at once: the person registered is the match of what is typed, once it is read
        QTest.keyClick(f.registerFind, Qt.Key.Key_Return)
    settle(qtbot, window)


def _cancel_a_seat(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    """The n-th person holding a seat cancels: the first person waiting moves up."""
    with db.reading() as s:
        seated = [r.person.display_name for r in registration.list_registrations(s, seminar_id=seminar_id)
                  if r.status == "attended"]
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    f, model = window.participants.form, window.participants.model
    f.participantsView.selectRow(next(r for r in range(model.rowCount()) if model.index(r, 0).data() == seated[n]))
    f.statusChangeCombo.setCurrentIndex(f.statusChangeCombo.findData("cancelled"))
    f.statusChangeButton.click()
    settle(qtbot, window)
    assert "moved up from the waiting list" in window.statusBar().currentMessage()


def _check_in_tab(qtbot, window: MainWindow, db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)


def _tick(qtbot, window: MainWindow, db, seminar_id: int, n: int, ticked: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Tick the first person not yet present (or, ``ticked`` False, untick the first present)."""
    lst = window.check_in.form.checkInList
    was = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
    item = next(lst.item(r) for r in range(lst.count())
                if lst.item(r).checkState() == was and "waiting list" not in lst.item(r).text())
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    settle(qtbot, window)


def _untick(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    _tick(qtbot, window, db, seminar_id, n, ticked=False)


def _save_overview(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    """Two saves of the same seminar: its title, then a capacity raise that moves someone up."""
    f = window.overview.form
    if n == 0:
        f.titleEdit.setText("Park City Project — 公园城市")
    else:
        f.capacitySpin.setValue(f.capacitySpin.value() + 1)
    f.overviewButtons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window)
    assert not window.isWindowModified() and f.errorLabel.text() == ""


def _add_partner(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    f = window.overview.form
    f.partnerEdit.setText(["成都市规划设计研究院", "Barcelona Regional"][n])
    f.partnerRoleCombo.setCurrentIndex(f.partnerRoleCombo.findData(["organiser", "partner"][n]))
    f.addPartnerButton.click()
    settle(qtbot, window)
    assert f.partnerEdit.text() == ""


def _change_role(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    name, role = [("Metropolis", "partner"), ("Chengdu University", "organiser")][n]
    f = window.overview.form
    f.partnerEdit.setText(name)
    f.partnerRoleCombo.setCurrentIndex(f.partnerRoleCombo.findData(role))
    f.addPartnerButton.click()
    settle(qtbot, window)


def _remove_partner(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    name = ["Chengdu Park City Bureau", "Chengdu University"][n]
    f = window.overview.form
    f.partnersList.setCurrentRow(next(i for i, line in enumerate(_partners_shown(window)) if line.endswith(f": {name}")))
    f.removePartnerButton.click()
    settle(qtbot, window)


def _agenda_tab(qtbot, window: MainWindow, db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    window.form.seminarTabs.setCurrentWidget(window.form.agendaTab)


def _add_session(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    """A session with a speaker found by name (Enter at once: added when found), then a daily series of five."""
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    f = dialog.form
    if n == 0:
        f.titleEdit.setText("Evening exchange: 公园城市 and the 15-minute city")
        f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 19, 0)))
        f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 20, 30)))
        f.speakerFind.setText("李佳")
        QTest.keyClick(f.speakerFind, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: f.speakersList.count() == 1)
        assert f.speakersList.item(0).text() == "李佳 (Jia Li)" and f.speakerFind.text() == ""
    else:
        f.titleEdit.setText("Morning tai chi")
        f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 0)))
        f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 13, 7, 30)))
        f.repeatGroup.setChecked(True)
        f.repeatUnit.setCurrentIndex(f.repeatUnit.findData("days"))
        f.repeatCount.setValue(5)
    saved(qtbot, window, dialog)


def _select(window: MainWindow, key: Callable[[int, str], bool]) -> None:
    model = window.agenda.model
    window.agenda.form.agendaView.selectRow(
        next(r for r in range(model.rowCount()) if key(model.key(r), model.index(r, 2).data())))


def _edit_session(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    """A title, then another session's room and one speaker more."""
    _select(window, lambda _id, title: title == ["Opening ceremony", "Lunch"][n])
    dialog = session_dialog(qtbot, window, window.agenda.edit_session)
    if n == 0:
        dialog.form.titleEdit.setText("Opening ceremony 开幕式")
    else:
        dialog.form.roomEdit.setText("Hall B")
        dialog.form.speakerFind.setText("李佳")
        settle(qtbot, window)
        QTest.keyClick(dialog.form.speakerFind, Qt.Key.Key_Return)
        assert dialog.form.speakersList.count() == 1
    saved(qtbot, window, dialog)


def _edit_series(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    """Every occurrence's room, then every occurrence's time of day (across the change to summer time)."""
    with db.reading() as s:
        first = next(r for r in agenda.list_sessions(s, seminar_id) if r.series_id)
    _select(window, lambda ident, _title: ident == first.id)
    dialog = session_dialog(qtbot, window, window.agenda.edit_session)
    dialog.form.wholeSeriesCheck.setChecked(True)
    if n == 0:
        dialog.form.roomEdit.setText("Zoom room B")
    else:
        start = dialog.form.startEdit.dateTime().toPython()
        dialog.form.startEdit.setDateTime(QDateTime(start + dt.timedelta(hours=1)))
        dialog.form.endEdit.setDateTime(QDateTime(start + dt.timedelta(hours=2, minutes=30)))
    saved(qtbot, window, dialog)


def _walks(qtbot, window: MainWindow, db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    """Two sessions nobody checked in to (the core keeps sessions with check-ins), added by someone else."""
    with db.transaction() as s:
        for day in (13, 14):
            agenda.add_session(s, seminar_id=seminar_id, title=f"Walk in the park, day {day - 12}",
                               start=f"2020-07-{day} 07:00", end=f"2020-07-{day} 07:45", room="Jincheng Park")
    _read_again(qtbot, window)
    _agenda_tab(qtbot, window, db, seminar_id)


def _delete(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    _select(window, lambda _id, title: title == f"Walk in the park, day {n + 1}")
    window.agenda.form.deleteSessionButton.click()
    settle(qtbot, window)


def _report_drafting(qtbot, window: MainWindow, db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    """A weekly series of four nobody checked in to, added by someone else."""
    with db.transaction() as s:
        agenda.add_session(s, seminar_id=seminar_id, title="Report drafting", start="2021-05-04 16:00",
                           end="2021-05-04 17:00", repeat="FREQ=WEEKLY;COUNT=4")
    _read_again(qtbot, window)
    _agenda_tab(qtbot, window, db, seminar_id)


def _cancel_occurrence(qtbot, window: MainWindow, db, seminar_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    """The second occurrence of the series, then the (new) second one again."""
    with db.reading() as s:
        series = [r.id for r in agenda.list_sessions(s, seminar_id) if r.title == "Report drafting"]
    _select(window, lambda ident, _title: ident == series[1])
    window.agenda.form.cancelOccurrenceButton.click()
    settle(qtbot, window)


@dataclass(frozen=True)
class Kind:
    name: str
    open: Callable[..., Any]
    prepare: Callable[..., None] | None
    change: Callable[..., None]
    stored: Callable[[Any, MainWindow, int], Any]
    shown: Callable[[MainWindow], Any]
    #: How the Edit menu names the first change's step ("&Undo …").
    step: str


def _regs(db, _window, seminar_id):  # type: ignore[no-untyped-def]
    return _registrations(db, seminar_id)


def _agenda(db, _window, seminar_id):  # type: ignore[no-untyped-def]
    return _sessions(db, seminar_id)


KINDS = [
    Kind("register", _park, _newcomers, _register, _regs, _participants_shown, "&Undo registering “박서연 (Seo-yeon Park)”"),
    Kind("status with a promotion", _park, None, _cancel_a_seat, _regs, _participants_shown, "&Undo status of “"),
    Kind("check-in tick", _park, _check_in_tab, _tick, _attendance, _check_in_shown, "&Undo check-in of “"),
    Kind("check-in untick", _park, _check_in_tab, _untick, _attendance, _check_in_shown,
         "&Undo removing the check-in of “"),
    Kind("overview edits", _park, None, _save_overview, lambda db, _w, i: _overview(db, i), _overview_shown,
         "&Undo edit of “Park City Project”"),
    Kind("partner added", _park, None, _add_partner, lambda db, _w, i: _partners(db, i), _partners_shown,
         "&Undo partner “成都市规划设计研究院”"),
    Kind("partner role", _park, None, _change_role, lambda db, _w, i: _partners(db, i), _partners_shown,
         "&Undo partner “Metropolis”"),
    Kind("partner removed", _park, None, _remove_partner, lambda db, _w, i: _partners(db, i), _partners_shown,
         "&Undo removing partner “Chengdu Park City Bureau”"),
    Kind("session added", _park, _agenda_tab, _add_session, _agenda, _agenda_shown,
         "&Undo adding “Evening exchange: 公园城市 and the 15-minute city”"),
    Kind("session edited", _park, _agenda_tab, _edit_session, _agenda, _agenda_shown,
         "&Undo edit of “Opening ceremony”"),
    Kind("whole series edited", _cluster, _agenda_tab, _edit_series, _agenda, _agenda_shown,
         "&Undo edit of every “Cluster coordination meeting (Chengdu–Torino teams)”"),
    Kind("session deleted", _park, _walks, _delete, _agenda, _agenda_shown,
         "&Undo deleting “Walk in the park, day 1” on Mon 13 Jul"),
    Kind("occurrence cancelled", _cluster, _report_drafting, _cancel_occurrence, _agenda, _agenda_shown,
         "&Undo cancelling “Report drafting” on Tue 11 May"),
]


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_ctrl_z_and_ctrl_shift_z_one_at_a_time_and_twice_quickly(qtbot, demo_db, kind: Kind) -> None:
    window, seminar_id = kind.open(qtbot, demo_db)
    if kind.prepare is not None:
        kind.prepare(qtbot, window, demo_db, seminar_id)

    def now() -> tuple[Any, Any]:
        return kind.stored(demo_db, window, seminar_id), kind.shown(window)

    states = [now()]
    for n in (0, 1):
        kind.change(qtbot, window, demo_db, seminar_id, n)
        states.append(now())
        assert states[-1][0] != states[-2][0], "the change is stored"
        assert states[-1][1] != states[-2][1], "the change is shown"
        assert window.undo_stack.count() == n + 1 and window.undo_stack.index() == n + 1
        if n == 0:
            assert window.undo_action.text().startswith(kind.step)

    press(qtbot, window, "undo")
    assert now() == states[1]
    assert window.undo_action.text().startswith(kind.step)
    press(qtbot, window, "undo")
    assert now() == states[0]
    assert not window.undo_action.isEnabled() and window.redo_action.text().startswith(kind.step.replace("Undo", "Redo"))
    press(qtbot, window, "redo")
    assert now() == states[1]
    press(qtbot, window, "redo")
    assert now() == states[2]
    assert not window.redo_action.isEnabled()

    press(qtbot, window, "undo", "undo")  # the second waits for the first
    assert now() == states[0] and window.undo_stack.index() == 0
    press(qtbot, window, "redo", "redo")
    assert now() == states[2] and window.undo_stack.index() == 2
    assert window.undo_stack.count() == 2 and visible_box(window, "refusalBox") is None


# ---------------------------------------------------------------- refused: someone else changed the row
def _someone_edits_the_session(db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        opening = next(r for r in agenda.list_sessions(s, seminar_id) if r.title.startswith("Opening ceremony"))
        agenda.edit_session(s, opening.id, room="Tianfu Hall (moved)")


def _someone_edits_an_occurrence(db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        occurrence = next(r for r in agenda.list_sessions(s, seminar_id) if r.series_id)
        agenda.edit_session(s, occurrence.id, title="Cluster meeting (moved to Torino)")


def _someone_edits_the_seminar(db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        seminars.edit_seminar(s, seminar_id, title="Park City Project 2020")


def _someone_removes_the_partner(db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        org = next(p.organisation_id for p in seminars.get_seminar(s, seminar_id).partners
                   if p.organisation.name == "成都市规划设计研究院")
        seminars.remove_partner(s, seminar_id, org)


def _someone_confirms_the_person_moved_up(db, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        moved_up = next(r for r in registration.list_registrations(s, seminar_id=seminar_id)
                        if r.person.display_name == "林晓燕 (Xiaoyan Lin)")
        registration.set_status(s, moved_up.id, "confirmed")


REFUSALS = [
    ("session edited", _park, _agenda_tab, _edit_session, _someone_edits_the_session, _agenda,
     "edit of “Opening ceremony”", "session"),
    ("whole series edited", _cluster, _agenda_tab, _edit_series, _someone_edits_an_occurrence, _agenda,
     "edit of every “Cluster coordination meeting (Chengdu–Torino teams)”", "series"),
    ("overview edited", _park, None, _save_overview, _someone_edits_the_seminar,
     lambda db, _w, i: _overview(db, i), "edit of “Park City Project”", "seminar"),
    ("partner added", _park, None, _add_partner, _someone_removes_the_partner,
     lambda db, _w, i: _partners(db, i), "partner “成都市规划设计研究院”", "seminar"),
    ("status with a promotion", _park, None, _cancel_a_seat, _someone_confirms_the_person_moved_up, _regs,
     "status of “", "registration"),
]


@pytest.mark.parametrize(("name", "open_", "prepare", "change", "meanwhile", "stored", "step", "what"), REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_an_undo_someone_else_made_impossible_is_refused_and_leaves_the_history(
        qtbot, demo_db, name, open_, prepare, change, meanwhile, stored, step, what) -> None:  # type: ignore[no-untyped-def]
    window, seminar_id = open_(qtbot, demo_db)
    if prepare is not None:
        prepare(qtbot, window, demo_db, seminar_id)
    change(qtbot, window, demo_db, seminar_id, 0)
    meanwhile(demo_db, seminar_id)  # another user, another office
    theirs = stored(demo_db, window, seminar_id)
    press(qtbot, window, "undo")
    box = visible_box(window, "refusalBox")
    assert box is not None
    assert box.text().startswith(f"Cannot undo or redo: {step}")
    assert f"{what} " in box.informativeText() and "changed by someone else meanwhile" in box.informativeText()
    assert stored(demo_db, window, seminar_id) == theirs  # nothing of theirs overwritten
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    box.close()
    qtbot.waitUntil(lambda: visible_box(window, "refusalBox") is None)
    press(qtbot, window, "redo", runs=False)  # nothing left to redo: nothing happens
    assert stored(demo_db, window, seminar_id) == theirs


def test_a_refused_step_ends_the_keys_pressed_meanwhile(qtbot, demo_db) -> None:
    """Ctrl+Z twice quickly, the first refused: the second does not run (it would undo a step the user did not
    see the first of), and stays on the stack to be undone once the user has read the refusal."""
    window, seminar_id = _park(qtbot, demo_db)
    _agenda_tab(qtbot, window, demo_db, seminar_id)
    lunches = [row for row in _sessions(demo_db, seminar_id)[0] if row[0] == "Lunch"]
    _edit_session(qtbot, window, demo_db, seminar_id, 1)  # Lunch: Hall B, with a speaker
    _edit_session(qtbot, window, demo_db, seminar_id, 0)  # Opening ceremony 开幕式
    lunch = _sessions(demo_db, seminar_id)
    _someone_edits_the_session(demo_db, seminar_id)
    theirs = _sessions(demo_db, seminar_id)
    assert theirs != lunch
    press(qtbot, window, "undo", "undo")
    box = visible_box(window, "refusalBox")
    assert box is not None and box.text() == "Cannot undo or redo: edit of “Opening ceremony”"
    assert _sessions(demo_db, seminar_id) == theirs  # the Lunch edit is not undone behind the message
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 1
    box.close()
    press(qtbot, window, "undo")
    rows = _sessions(demo_db, seminar_id)[0]
    assert [row for row in rows if row[0] == "Lunch"] == lunches
    assert [(row[0], row[5]) for row in rows if row[0].startswith("Opening ceremony")] == [
        ("Opening ceremony 开幕式", "Tianfu Hall (moved)")]
    assert window.undo_stack.index() == 0 and visible_box(window, "refusalBox") is None


def test_a_double_click_on_save_saves_once(qtbot, demo_db) -> None:
    """Save clicked twice before the core answered: one save (not a second one refused as if someone else had
    saved in between), one undo step."""
    window, seminar_id = _park(qtbot, demo_db)
    f = window.overview.form
    f.venueEdit.setText("Tianfu International Conference Center, Hall A")
    save = f.overviewButtons.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    window.save_page()  # Ctrl+S while the first save runs
    settle(qtbot, window)
    assert f.errorLabel.text() == "" and not window.isWindowModified()
    assert window.undo_stack.count() == 1
    assert _overview(demo_db, seminar_id)[0][8] == "Tianfu International Conference Center, Hall A"
    press(qtbot, window, "undo")
    venue = _overview(demo_db, seminar_id)[0][8]
    assert venue != "Tianfu International Conference Center, Hall A" and f.venueEdit.text() == (venue or "")


def test_editing_a_session_someone_else_deleted_says_so(qtbot, demo_db) -> None:
    """The session dialog's values are read first: a session deleted meanwhile opens no dialog, the refusal is
    told, and the agenda is read again without it."""
    window, seminar_id = _park(qtbot, demo_db)
    _walks(qtbot, window, demo_db, seminar_id)
    _select(window, lambda _id, title: title == "Walk in the park, day 1")
    with demo_db.transaction() as s:
        walk = next(r for r in agenda.list_sessions(s, seminar_id) if r.title == "Walk in the park, day 1")
        agenda.delete_session(s, walk.id)
    window.agenda.edit_session()
    settle(qtbot, window)
    box = visible_box(window, "refusalBox")
    assert box is not None and f"there is no session with id {walk.id}" in box.text()
    assert window.agenda.dialog is None
    assert "Walk in the park, day 1" not in [window.agenda.model.index(r, 2).data()
                                             for r in range(window.agenda.model.rowCount())]


def test_a_choice_in_a_table_survives_the_page_read_again(qtbot, demo_db) -> None:
    """The page is read again after every change, whenever the server answers: the session or person chosen
    meanwhile stays chosen, so the next button pressed acts on it."""
    window, seminar_id = _park(qtbot, demo_db)
    _walks(qtbot, window, demo_db, seminar_id)
    _select(window, lambda _id, title: title == "Walk in the park, day 2")
    chosen = window.agenda.selected()
    _read_again(qtbot, window)
    assert window.agenda.selected() == chosen
    window.agenda.form.deleteSessionButton.click()
    settle(qtbot, window)
    titles = [row[0] for row in _sessions(demo_db, seminar_id)[0]]
    assert "Walk in the park, day 2" not in titles and "Walk in the park, day 1" in titles


def test_a_session_chosen_while_the_page_is_read_stays_chosen(qtbot, demo_db) -> None:
    """Check-in: another session chosen while a page read for the one before is under way: the page arrives
    and the chooser keeps the user's choice, with that session's list."""
    window, seminar_id = _park(qtbot, demo_db)
    _check_in_tab(qtbot, window, demo_db, seminar_id)
    combo, lst = window.check_in.form.checkInSession, window.check_in.form.checkInList
    window.refresh()  # a page read for the first session, under way
    combo.setCurrentIndex(3)
    wanted = combo.currentData()
    assert not lst.isEnabled()  # its list is not this session's yet: nobody can be ticked into it
    settle(qtbot, window)
    assert combo.currentData() == wanted and lst.isEnabled()
    with demo_db.reading() as s:
        present = {a.person_id for a in attendance.list_attendance(s, session_id=wanted)}
    assert {lst.item(r).data(PERSON) for r in range(lst.count())
            if lst.item(r).checkState() == Qt.CheckState.Checked} == present
