"""The Participants tab: register someone found by name, change a status, watch the waiting list move."""

from __future__ import annotations

from learninghub.core.services import people, registration



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
    before = window.participants_model.rowCount()
    window.form.registerFind.setText("박서연")
    assert window.form.registerMatches.count() == 1
    window.form.registerButton.click()
    assert window.participants_model.rowCount() == before + 1
    assert _status_of(demo_db, seminar_id, newcomer) == "waitlisted"  # Park City is full (27 of 27)
    assert "the seminar is full" in window.statusBar().currentMessage()


def test_cancelling_a_seat_promotes_the_first_waiting_person(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    with demo_db.reading() as s:
        first_waiting = registration.waiting_list(s, seminar_id)[0].person_id
        seated = next(r for r in registration.list_registrations(s, seminar_id=seminar_id) if r.status == "attended")
        seated_name = seated.person.display_name
    model = window.participants_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == seated_name)
    window.form.participantsView.selectRow(row)
    window.form.statusChangeCombo.setCurrentIndex(window.form.statusChangeCombo.findData("cancelled"))
    window.form.statusChangeButton.click()
    assert _status_of(demo_db, seminar_id, seated.person_id) == "cancelled"
    assert _status_of(demo_db, seminar_id, first_waiting) == "registered"


def test_new_person_is_created_and_registered_in_one_step(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    f = window.form
    f.seminarTabs.setCurrentWidget(f.participantsTab)
    with demo_db.reading() as s:
        waiting_before = len(registration.waiting_list(s, seminar_id))
    f.registerFind.setText("한지민")  # not found: create them
    assert f.registerMatches.count() == 0
    dialog = window.participants.new_person()
    assert dialog.form.nativeEdit.text() == "한지민"  # what was searched for
    assert "registered to “Park City Project”" in dialog.windowTitle()
    dialog.form.givenEdit.setText("Ji-min")
    dialog.form.familyEdit.setText("Han")
    dialog.form.emailEdit.setText("han.jimin@example.kr")
    dialog.accept()
    assert not dialog.isVisible()
    assert _status_of(demo_db, seminar_id, dialog.person_id) == "waitlisted"  # Park City is full
    model = window.participants_model
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
    assert dialog.isVisible() and "is already the address" in dialog.form.errorLabel.text()
    assert table_snapshot(demo_db.target.sqlite_path) == before
    dialog.reject()


def test_the_waiting_list_is_shown_in_order(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    with demo_db.reading() as s:
        names = [r.person.display_name for r in registration.waiting_list(s, seminar_id)]
    assert names, "the demo's Park City Project has people waiting"
    assert window.form.waitingLabel.text().endswith(", ".join(f"{n}. {x}" for n, x in enumerate(names, 1)))
