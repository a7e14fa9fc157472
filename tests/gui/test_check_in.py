"""The Check-in tab: tick and untick who is present, find people by name in any script."""

from __future__ import annotations

from PySide6.QtCore import Qt

from learninghub.core.services import attendance, registration
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import settle, visible_box


def _item(window: MainWindow, person_id: int):  # type: ignore[no-untyped-def]
    """The list's line of ``person_id`` (the list is made anew each time it is read)."""
    lst = window.check_in.form.checkInList
    return next(lst.item(r) for r in range(lst.count()) if lst.item(r).data(Qt.ItemDataRole.UserRole + 1) == person_id)


def _visible(window: MainWindow) -> list[str]:
    lst = window.check_in.form.checkInList
    return [lst.item(r).text() for r in range(lst.count()) if not lst.item(r).isHidden()]


def test_ticking_checks_in_and_unticking_undoes(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    f = window.check_in.form
    assert f.checkInSession.count() > 10  # breaks and meals are not offered
    session_id = f.checkInSession.currentData()
    with demo_db.reading() as s:
        expected = {r.person_id for r in registration.list_registrations(s, seminar_id=seminar_id)
                    if r.status != "cancelled"}
        present = {a.person_id for a in attendance.list_attendance(s, session_id=session_id)}
    assert f.checkInList.count() == len(expected)
    item = next(f.checkInList.item(r) for r in range(f.checkInList.count())
                if f.checkInList.item(r).checkState() == Qt.CheckState.Unchecked)
    person = item.data(Qt.ItemDataRole.UserRole + 1)
    item.setCheckState(Qt.CheckState.Checked)
    settle(qtbot, window)  # saved off the GUI thread, and the list read again
    with demo_db.reading() as s:
        now = {a.person_id for a in attendance.list_attendance(s, session_id=session_id)}
    assert now == present | {person}
    assert f"{len(now)} of {len(expected)} present" == f.checkInCount.text()
    assert _item(window, person).checkState() == Qt.CheckState.Checked
    _item(window, person).setCheckState(Qt.CheckState.Unchecked)
    settle(qtbot, window)
    with demo_db.reading() as s:
        assert {a.person_id for a in attendance.list_attendance(s, session_id=session_id)} == present


def test_finding_people_by_name_in_their_own_script(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    everyone = len(_visible(window))
    window.check_in.form.checkInFilter.setText("李佳")
    shown = _visible(window)
    assert len(shown) == 1 and shown[0].startswith("李佳 (Jia Li)")
    window.check_in.form.checkInFilter.setText("")
    assert len(_visible(window)) == everyone


def test_ctrl_z_takes_a_tick_back_and_ctrl_shift_z_ticks_again(qtbot, demo_db, park_city) -> None:
    from tests.gui.test_participants import _keys

    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    f = window.check_in.form
    f.checkInSession.setCurrentIndex(3)
    settle(qtbot, window)  # its list is read off the GUI thread
    session_id = f.checkInSession.currentData()

    def state() -> tuple[set[int], dict[int, str], list[tuple[int, object]]]:
        with demo_db.reading() as s:
            regs = registration.list_registrations(s, seminar_id=seminar_id)
            return ({a.person_id for a in attendance.list_attendance(s, session_id=session_id)},
                    {r.person_id: r.status for r in regs},
                    [(a.person_id, a.checked_in_at) for a in attendance.list_attendance(s, session_id=session_id)])

    before = state()
    item = next(f.checkInList.item(r) for r in range(f.checkInList.count())
                if f.checkInList.item(r).checkState() == Qt.CheckState.Unchecked)
    person = item.data(Qt.ItemDataRole.UserRole + 1)
    item.setCheckState(Qt.CheckState.Checked)
    settle(qtbot, window)
    ticked = state()
    assert ticked[0] == before[0] | {person}
    assert window.undo_action.text().startswith("&Undo check-in of “")
    _keys(qtbot, window, "undo")
    assert state() == before and f.checkInSession.currentData() == session_id  # the same session stays shown
    assert f.checkInCount.text() == f"{len(before[0])} of {f.checkInList.count()} present"
    _keys(qtbot, window, "redo")
    assert state() == ticked  # checked in again at the time of the tick


def test_undoing_an_untick_checks_in_again_at_the_first_time(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    f = window.check_in.form
    session_id = f.checkInSession.currentData()
    lst = f.checkInList
    item = next((lst.item(r) for r in range(lst.count()) if lst.item(r).checkState() == Qt.CheckState.Checked), None)
    if item is None:  # nobody present yet in the demo's first session: tick one first
        item = lst.item(0)
        person = item.data(Qt.ItemDataRole.UserRole + 1)
        item.setCheckState(Qt.CheckState.Checked)
        settle(qtbot, window)
    else:
        person = item.data(Qt.ItemDataRole.UserRole + 1)
    with demo_db.reading() as s:
        at = next(a.checked_in_at for a in attendance.list_attendance(s, session_id=session_id) if a.person_id == person)
    _item(window, person).setCheckState(Qt.CheckState.Unchecked)
    settle(qtbot, window)
    with demo_db.reading() as s:
        assert person not in {a.person_id for a in attendance.list_attendance(s, session_id=session_id)}
    window.undo_action.trigger()
    settle(qtbot, window)
    with demo_db.reading() as s:
        assert next(a.checked_in_at for a in attendance.list_attendance(s, session_id=session_id)
                    if a.person_id == person) == at
    row = next(r for r in range(lst.count()) if lst.item(r).data(Qt.ItemDataRole.UserRole + 1) == person)
    assert lst.item(row).checkState() == Qt.CheckState.Checked


def test_undoing_a_tick_someone_else_took_back_says_so(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    f = window.check_in.form
    session_id = f.checkInSession.currentData()
    lst = f.checkInList
    item = next(lst.item(r) for r in range(lst.count()) if lst.item(r).checkState() == Qt.CheckState.Unchecked)
    person = item.data(Qt.ItemDataRole.UserRole + 1)
    item.setCheckState(Qt.CheckState.Checked)
    settle(qtbot, window)
    with demo_db.transaction() as s:  # another user unticks them meanwhile
        attendance.undo_check_in(s, session_id=session_id, person_id=person)
    window.undo_action.trigger()
    settle(qtbot, window)
    box = visible_box(window, "refusalBox")
    assert box is not None
    assert box.text().startswith("Cannot undo or redo: check-in of “")
    assert box.informativeText() == f"attendance: person {person} is not checked in to session {session_id}"
    assert window.undo_stack.count() == 0 and not window.redo_action.isEnabled()


def _door(qtbot, window):  # type: ignore[no-untyped-def]
    """The Check-in tab with the keyboard in Find, as Seminar → Check in (Ctrl+Shift+K) leaves it."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    find = window.check_in.form.checkInFilter
    qtbot.waitUntil(lambda: QApplication.focusWidget() is find)
    return find


def _present(db, session_id: int) -> set[int]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return {a.person_id for a in attendance.list_attendance(s, session_id=session_id)}


def test_type_or_scan_then_enter_checks_in_the_one_match(qtbot, demo_db, park_city) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window, _ = park_city
    find = _door(qtbot, window)
    f = window.check_in.form
    session_id = f.checkInSession.currentData()
    before = _present(demo_db, session_id)
    lst = f.checkInList
    absent = next(lst.item(r) for r in range(lst.count()) if lst.item(r).checkState() == Qt.CheckState.Unchecked
                  and "(" in lst.item(r).text())
    person, name = absent.data(Qt.ItemDataRole.UserRole + 1), absent.data(Qt.ItemDataRole.UserRole + 3)
    latin = name[name.index("(") + 1:name.index(")")]  # 李佳 (Jia Li): typed as Jia Li
    QTest.keyClicks(find, latin)
    assert _visible(window) == [absent.text()]
    QTest.keyClick(find, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert _present(demo_db, session_id) == before | {person}
    assert find.text() == "" and QApplication.focusWidget() is find  # ready for the next one
    assert "checked in" in window.statusBar().currentMessage()

    QTest.keyClicks(find, latin)
    QTest.keyClick(find, Qt.Key.Key_Return)  # again: said, not taken back
    assert window.statusBar().currentMessage() == f"{name} is already checked in"
    settle(qtbot, window)
    assert person in _present(demo_db, session_id)

    QTest.keyClicks(find, "nobody here")
    QTest.keyClick(find, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "No one on this list matches “nobody here”"
    assert find.selectedText() == "nobody here"  # the next scan replaces it


def test_several_matches_down_into_the_list_space_ticks(qtbot, demo_db, park_city) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window, _ = park_city
    find = _door(qtbot, window)
    f = window.check_in.form
    lst = f.checkInList
    session_id = f.checkInSession.currentData()
    QTest.keyClicks(find, "Chengdu")
    shown = _visible(window)
    assert len(shown) > 2
    QTest.keyClick(find, Qt.Key.Key_Return)  # several: into the list, on the first
    assert QApplication.focusWidget() is lst and lst.currentItem().text() == shown[0]
    QTest.keyClick(lst, Qt.Key.Key_Down)
    assert lst.currentItem().text() == shown[1]
    second = lst.currentItem()
    person, was = second.data(Qt.ItemDataRole.UserRole + 1), second.checkState()
    QTest.keyClick(lst, Qt.Key.Key_Space)
    settle(qtbot, window)
    assert (person in _present(demo_db, session_id)) == (was == Qt.CheckState.Unchecked)
    QTest.keyClick(lst, Qt.Key.Key_Up)
    QTest.keyClick(lst, Qt.Key.Key_Up)  # above the first: back in Find
    assert QApplication.focusWidget() is find and find.text() == "Chengdu"
    QTest.keyClick(find, Qt.Key.Key_Down)
    QTest.keyClicks(lst, "x")  # typing in the list goes on in Find
    assert QApplication.focusWidget() is find and find.text() == "Chengdux"



def test_the_filter_ignores_accents_and_case_and_finds_chinese_names_by_pinyin(qtbot, demo_db) -> None:
    from learninghub.core.services import people, seminars
    from tests.gui.conftest import open_seminar

    with demo_db.transaction() as s:
        seminar_id = next(x.id for x in seminars.list_seminars(s) if x.title == "Park City Project")
        wang = people.add_person(s, given_name="Siu Ming", family_name="Wong", native_name="王小明", country="CN").id
        registration.register(s, seminar_id=seminar_id, person_id=wang)
    window, _ = open_seminar(qtbot, demo_db, lambda seminar: seminar.id == seminar_id)
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    find = window.check_in.form.checkInFilter
    for typed in ("nuria", "NURIA", "puig i ferrer"):  # the demo's Núria Puig i Ferrer
        find.setText(typed)
        shown = _visible(window)
        assert shown and all(line.startswith("Núria Puig i Ferrer") for line in shown), typed
    for typed in ("wang xiaoming", "xiaoming", "wáng xiǎomíng", "王小明"):
        find.setText(typed)
        assert _visible(window) == [_item(window, wang).text()], typed
