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
