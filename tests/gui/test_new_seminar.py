"""The walkthrough of a planner: a new curriculum and seminar, a session, a person, registration and check-in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt

from learninghub.core.services import attendance, seminars
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import settle


def test_plan_a_new_seminar_from_scratch_in_the_window(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    dialog = window.new_seminar()
    f = dialog.form
    f.curriculumCombo.setCurrentText("Metropolis Learning Hub Chengdu 2023")
    f.titleEdit.setText("Tianfu Greenway study visit 天府绿道")
    f.startDate.setDate(QDate(2023, 5, 8))
    f.endDate.setDate(QDate(2023, 5, 10))
    f.timezoneCombo.setCurrentText("Asia/Shanghai")
    f.cityEdit.setText("Chengdu")
    f.kindCombo.setCurrentIndex(f.kindCombo.findData("visit"))
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == dialog.seminar_id != 0):
        dialog.accept()  # made by the core off the GUI thread, then shown
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert window.current_seminar == dialog.seminar_id
    assert window.overview.form.seminarTitle.text() == "Tianfu Greenway study visit 天府绿道"
    with db.reading() as s:
        sem = seminars.get_seminar(s, dialog.seminar_id)
        assert (sem.kind, sem.timezone, sem.curriculum.title) == ("visit", "Asia/Shanghai",
                                                                 "Metropolis Learning Hub Chengdu 2023")

    window.agenda.new_session()
    qtbot.waitUntil(lambda: window.agenda.dialog is not None and window.agenda.dialog.isVisible())  # once read
    session = window.agenda.dialog
    session.form.titleEdit.setText("Walk along the Jinjiang greenway")
    session.form.startEdit.setDateTime(QDateTime(dt.datetime(2023, 5, 8, 9, 0)))
    session.form.endEdit.setDateTime(QDateTime(dt.datetime(2023, 5, 8, 11, 0)))
    session.accept()
    settle(qtbot, window)
    assert window.agenda.model.rowCount() == 1

    directory = window.show_people()
    settle(qtbot, window)
    person = directory.new_person()
    person.form.givenEdit.setText("Jia")
    person.form.familyEdit.setText("Li")
    person.form.nativeEdit.setText("李佳")
    person.accept()
    settle(qtbot, window)
    assert not person.isVisible() and person.person_id

    window.participants.form.registerFind.setText("李佳")
    qtbot.waitUntil(lambda: window.participants.form.registerMatches.count() == 1)  # found off the GUI thread
    window.participants.form.registerButton.click()
    settle(qtbot, window)
    assert window.participants.model.rowCount() == 1

    window.form.seminarTabs.setCurrentWidget(window.form.checkInTab)
    item = window.check_in.form.checkInList.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    settle(qtbot, window)
    with db.reading() as s:
        session_id = window.check_in.form.checkInSession.currentData()
        assert [a.person_id for a in attendance.list_attendance(s, session_id=session_id)] == [person.person_id]


def test_a_refused_seminar_keeps_the_dialog_open(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    dialog = window.new_seminar()
    dialog.form.curriculumCombo.setCurrentText("Some programme")
    dialog.form.titleEdit.setText("Backwards")
    dialog.form.startDate.setDate(QDate(2023, 5, 10))
    dialog.form.endDate.setDate(QDate(2023, 5, 8))
    dialog.accept()
    settle(qtbot, window)  # refused by the core off the GUI thread
    assert dialog.isVisible() and "before the first day" in dialog.form.errorLabel.text()
    with db.reading() as s:
        from learninghub.core.services import curricula

        assert curricula.list_curricula(s) == []  # the new curriculum went with the refused seminar
