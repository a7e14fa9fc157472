"""The Participants tab: register someone found by name, change a status, watch the waiting list move."""

from __future__ import annotations

from learninghub.core.services import people, registration
from tests.gui.conftest import settle, visible_box


def _status_of(db, seminar_id: int, person_id: int) -> str:
    with db.reading() as s:
        return next(r.status for r in registration.list_registrations(s, seminar_id=seminar_id)
                    if r.person_id == person_id)


def test_registering_to_a_full_seminar_puts_on_the_waiting_list(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    with demo_db.transaction() as s:
        newcomer = people.add_person(s, given_name="Seo-yeon", family_name="Park", native_name="박서연",
                                     email="park.seoyeon@example.kr").id
    before = window.participants.model.rowCount()
    window.participants.form.registerFind.setText("박서연")
    settle(qtbot, window)  # the people matching are read off the GUI thread
    assert window.participants.form.registerMatches.count() == 1
    window.participants.form.registerButton.click()
    settle(qtbot, window)
    assert window.participants.model.rowCount() == before + 1
    assert _status_of(demo_db, seminar_id, newcomer) == "waitlisted"  # Park City is full (27 of 27)
    assert "the seminar is full" in window.statusBar().currentMessage()


def test_cancelling_a_seat_promotes_the_first_waiting_person(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    with demo_db.reading() as s:
        first_waiting = registration.waiting_list(s, seminar_id)[0].person_id
        seated = next(r for r in registration.list_registrations(s, seminar_id=seminar_id) if r.status == "attended")
        seated_name = seated.person.display_name
    model = window.participants.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == seated_name)
    window.participants.form.participantsView.selectRow(row)
    window.participants.form.statusChangeCombo.setCurrentIndex(window.participants.form.statusChangeCombo.findData("cancelled"))
    window.participants.form.statusChangeButton.click()
    settle(qtbot, window)
    assert _status_of(demo_db, seminar_id, seated.person_id) == "cancelled"
    assert _status_of(demo_db, seminar_id, first_waiting) == "registered"


def test_new_person_is_created_and_registered_in_one_step(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    f = window.participants.form
    with demo_db.reading() as s:
        waiting_before = len(registration.waiting_list(s, seminar_id))
    f.registerFind.setText("한지민")  # not found: create them
    settle(qtbot, window)
    assert f.registerMatches.count() == 0
    dialog = window.participants.new_person()
    assert dialog.form.nativeEdit.text() == "한지민"  # what was searched for
    assert "registered to “Park City Project”" in dialog.windowTitle()
    dialog.form.givenEdit.setText("Ji-min")
    dialog.form.familyEdit.setText("Han")
    dialog.form.emailEdit.setText("han.jimin@example.kr")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())  # saved by the core, off the GUI thread
    settle(qtbot, window)
    assert _status_of(demo_db, seminar_id, dialog.person_id) == "waitlisted"  # Park City is full
    model = window.participants.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "한지민 (Ji-min Han)")
    assert model.index(row, 4).data() == f"Waiting list #{waiting_before + 1}"
    assert f.waitingLabel.text().startswith(f"Waiting list ({waiting_before + 1})")
    assert f.waitingLabel.text().endswith(f"{waiting_before + 1}. 한지민 (Ji-min Han)")
    assert "the seminar is full" in window.statusBar().currentMessage()


def test_a_refused_new_person_registers_nobody(qtbot, demo_db, park_city) -> None:
    from tests.conftest import table_snapshot

    window, _ = park_city
    before = table_snapshot(demo_db.target.sqlite_path)
    dialog = window.participants.new_person()
    dialog.form.familyEdit.setText("Li")
    dialog.form.emailEdit.setText("li.jia@example.cn")  # taken
    dialog.accept()
    settle(qtbot, window)
    assert dialog.isVisible() and "is already the address" in dialog.form.errorLabel.text()
    assert table_snapshot(demo_db.target.sqlite_path) == before
    dialog.reject()


def test_the_waiting_list_is_shown_in_order(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    with demo_db.reading() as s:
        names = [r.person.display_name for r in registration.waiting_list(s, seminar_id)]
    assert names, "the demo's Park City Project has people waiting"
    assert window.participants.form.waitingLabel.text().endswith(", ".join(f"{n}. {x}" for n, x in enumerate(names, 1)))


# ---------------------------------------------------------------- undo and redo
def _keys(qtbot, window, key: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z ("undo") or Ctrl+Shift+Z ("redo") as the user presses it, in the participants table."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    view = window.participants.form.participantsView
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    mods = Qt.KeyboardModifier.ControlModifier
    if key == "redo":
        mods |= Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(view, Qt.Key.Key_Z, mods)
    settle(qtbot, window)  # undo and redo run on the change thread; the window reads the page again


def _registrations(db, seminar_id: int) -> dict[int, tuple[str, object]]:
    """person id → (status, waiting since): what the undo must give back exactly."""
    with db.reading() as s:
        return {r.person_id: (r.status, r.waitlisted_at) for r in registration.list_registrations(s, seminar_id=seminar_id)}


def _history_rows(db, seminar_id: int) -> list[tuple[int, str | None, str, str | None]]:
    with db.reading() as s:
        return [(r.person_id, e.old_status, e.new_status, e.note)
                for r in registration.list_registrations(s, seminar_id=seminar_id) for e in r.events]


def test_ctrl_z_takes_a_registration_back_and_ctrl_shift_z_makes_it_again(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    f = window.participants.form
    with demo_db.transaction() as s:
        newcomer = people.add_person(s, given_name="Seo-yeon", family_name="Park", native_name="박서연").id
    before, history = _registrations(demo_db, seminar_id), _history_rows(demo_db, seminar_id)
    rows = window.participants.model.rowCount()
    f.registerFind.setText("박서연")
    settle(qtbot, window)
    f.registerButton.click()
    settle(qtbot, window)
    assert _registrations(demo_db, seminar_id)[newcomer][0] == "waitlisted"
    assert window.undo_action.text() == "&Undo registering “박서연 (Seo-yeon Park)”"
    _keys(qtbot, window, "undo")
    assert _registrations(demo_db, seminar_id) == before
    assert _history_rows(demo_db, seminar_id) == history
    assert window.participants.model.rowCount() == rows
    _keys(qtbot, window, "redo")
    assert _registrations(demo_db, seminar_id)[newcomer][0] == "waitlisted"
    assert window.participants.model.rowCount() == rows + 1
    _keys(qtbot, window, "undo")  # the registration made again is taken back too
    assert _registrations(demo_db, seminar_id) == before


def test_ctrl_z_after_a_cancellation_puts_back_the_seat_and_the_waiting_list(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    f = window.participants.form
    before, history = _registrations(demo_db, seminar_id), _history_rows(demo_db, seminar_id)
    waiting_text = f.waitingLabel.text()
    with demo_db.reading() as s:
        first_waiting = registration.waiting_list(s, seminar_id)[0].person_id
        seated = next(r for r in registration.list_registrations(s, seminar_id=seminar_id) if r.status == "attended")
        seated_id, seated_name = seated.person_id, seated.person.display_name
    model = window.participants.model
    f.participantsView.selectRow(next(r for r in range(model.rowCount()) if model.index(r, 0).data() == seated_name))
    f.statusChangeCombo.setCurrentIndex(f.statusChangeCombo.findData("cancelled"))
    f.statusChangeButton.click()
    settle(qtbot, window)
    now = _registrations(demo_db, seminar_id)
    assert (now[seated_id][0], now[first_waiting][0]) == ("cancelled", "registered")
    assert "moved up from the waiting list" in window.statusBar().currentMessage()
    _keys(qtbot, window, "undo")
    assert _registrations(demo_db, seminar_id) == before  # both back, waiting in the same place
    assert _history_rows(demo_db, seminar_id) == history
    assert f.waitingLabel.text() == waiting_text
    _keys(qtbot, window, "redo")
    now = _registrations(demo_db, seminar_id)
    assert (now[seated_id][0], now[first_waiting][0]) == ("cancelled", "registered")


def test_a_refused_undo_says_why_and_leaves_the_stack_usable(qtbot, demo_db, park_city) -> None:
    """Someone else confirms the promoted person meanwhile: undoing the cancellation would
    overwrite that, so it is refused, shown in a message, and dropped from the stack."""
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    f = window.participants.form
    with demo_db.transaction() as s:
        newcomer = people.add_person(s, given_name="Seo-yeon", family_name="Park", native_name="박서연").id
    f.registerFind.setText("박서연")
    settle(qtbot, window)
    f.registerButton.click()  # a step before, to undo after the refusal
    settle(qtbot, window)
    with demo_db.reading() as s:
        seated = next(r for r in registration.list_registrations(s, seminar_id=seminar_id) if r.status == "attended")
        seated_id, seated_name = seated.person_id, seated.person.display_name
        first_waiting = registration.waiting_list(s, seminar_id)[0]
        promoted_id = first_waiting.id
    model = window.participants.model
    f.participantsView.selectRow(next(r for r in range(model.rowCount()) if model.index(r, 0).data() == seated_name))
    f.statusChangeCombo.setCurrentIndex(f.statusChangeCombo.findData("cancelled"))
    f.statusChangeButton.click()
    settle(qtbot, window)
    with demo_db.transaction() as s:  # another user, meanwhile
        registration.set_status(s, promoted_id, "confirmed")
    count = window.undo_stack.count()
    _keys(qtbot, window, "undo")
    box = visible_box(window, "refusalBox")
    assert box is not None
    assert box.text() == f"Cannot undo or redo: status of “{seated_name}”: Cancelled"
    assert f"registration {promoted_id} was changed by someone else meanwhile" in box.informativeText()
    box.close()
    assert window.undo_stack.count() == count - 1
    assert _registrations(demo_db, seminar_id)[seated_id][0] == "cancelled"
    with demo_db.reading() as s:
        assert registration.get_registration(s, promoted_id).status == "confirmed"
    window.undo_action.trigger()  # the step before still undoes
    settle(qtbot, window)
    assert newcomer not in _registrations(demo_db, seminar_id)
    assert window.undo_stack.index() == 0 and window.redo_action.isEnabled()


def test_undoing_new_person_and_registration_takes_back_the_registration_only(qtbot, demo_db, park_city) -> None:
    """The person stays in the directory (people are never deleted, only erased); their seat
    request goes, and redo makes it again."""
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    before = _registrations(demo_db, seminar_id)
    dialog = window.participants.new_person()
    dialog.form.givenEdit.setText("Ji-min")
    dialog.form.familyEdit.setText("Han")
    dialog.form.nativeEdit.setText("한지민")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)
    assert _registrations(demo_db, seminar_id)[dialog.person_id][0] == "waitlisted"
    assert window.undo_action.text() == "&Undo registering “한지민 (Ji-min Han)”"
    _keys(qtbot, window, "undo")
    assert _registrations(demo_db, seminar_id) == before
    assert window.statusBar().currentMessage() == "한지민 (Ji-min Han): registration taken back"
    with demo_db.reading() as s:
        assert people.get_person(s, dialog.person_id).native_name == "한지민"
    _keys(qtbot, window, "redo")
    assert _registrations(demo_db, seminar_id)[dialog.person_id][0] == "waitlisted"
