"""The Check-in tab: tick and untick who is present, find people by name in any script."""

from __future__ import annotations

from PySide6.QtCore import Qt

from learninghub.core.services import attendance, registration
from learninghub.gui.main_window import MainWindow



def _visible(window: MainWindow) -> list[str]:
    lst = window.form.checkInList
    return [lst.item(r).text() for r in range(lst.count()) if not lst.item(r).isHidden()]


def test_ticking_checks_in_and_unticking_undoes(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    f = window.form
    assert f.checkInSession.count() > 10  # breaks and meals are not offered
    session_id = f.checkInSession.currentData()
    with demo_db.reading() as s:
        expected = {r.person_id for r in registration.list_registrations(s, seminar_id=seminar_id)
                    if r.status != "cancelled"}
        present = {a.person_id for a in attendance.list_attendance(s, session_id=session_id)}
    assert f.checkInList.count() == len(expected)
    item = next(f.checkInList.item(r) for r in range(f.checkInList.count())
                if f.checkInList.item(r).checkState() == Qt.CheckState.Unchecked)
    item.setCheckState(Qt.CheckState.Checked)
    with demo_db.reading() as s:
        now = {a.person_id for a in attendance.list_attendance(s, session_id=session_id)}
    assert now == present | {item.data(Qt.ItemDataRole.UserRole + 1)}
    assert f"{len(now)} of {len(expected)} present" == f.checkInCount.text()
    item.setCheckState(Qt.CheckState.Unchecked)
    with demo_db.reading() as s:
        assert {a.person_id for a in attendance.list_attendance(s, session_id=session_id)} == present


def test_finding_people_by_name_in_their_own_script(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    everyone = len(_visible(window))
    window.form.checkInFilter.setText("李佳")
    shown = _visible(window)
    assert len(shown) == 1 and shown[0].startswith("李佳 (Jia Li)")
    window.form.checkInFilter.setText("")
    assert len(_visible(window)) == everyone
