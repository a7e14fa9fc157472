"""Registrations: capacity, the waiting list, status changes and their history."""

from __future__ import annotations

import pytest

from learninghub.core.errors import RuleViolation, ValidationError
from learninghub.core.services import people, registration, seats, seminars


def _status(db, registration_id: int) -> str:
    with db.reading() as s:
        return registration.get_registration(s, registration_id).status


def _history(db, registration_id: int) -> list[tuple[str | None, str, str | None]]:
    with db.reading() as s:
        return [(e.old_status, e.new_status, e.note) for e in registration.get_registration(s, registration_id).events]


@pytest.fixture
def full(hub, db) -> dict[str, int]:
    """Li and Han hold both seats of the hub seminar; Kostya, then Ana, wait."""
    with db.transaction() as s:
        ana = people.add_person(s, given_name="Ana", family_name="Puig", email="ana.puig@example.es").id
        regs = {
            name: registration.register(s, seminar_id=hub.seminar, person_id=pid).id
            for name, pid in (("li", hub.li), ("han", hub.han), ("kostya", hub.kostya), ("ana", ana))
        }
    regs["ana_person"] = ana
    return regs


def test_third_registration_goes_to_the_waiting_list_with_a_note(hub, db, full):
    assert _status(db, full["li"]) == "registered"
    assert _status(db, full["han"]) == "registered"
    assert _status(db, full["kostya"]) == "waitlisted"
    assert _history(db, full["kostya"]) == [
        (None, "waitlisted", "seminar full (2 seats): put on the waiting list")
    ]
    with db.reading() as s:
        assert registration.get_registration(s, full["kostya"]).waitlisted_at is not None
        assert seats.seats_taken(s, hub.seminar) == 2
        assert [r.id for r in seats.waiting_list(s, hub.seminar)] == [full["kostya"], full["ana"]]


def test_cancelling_a_seat_promotes_the_first_waiting_person_only(hub, db, full):
    with db.transaction() as s:
        registration.set_status(s, full["li"], "cancelled", note="flight cancelled")
    assert _status(db, full["li"]) == "cancelled"
    assert _status(db, full["kostya"]) == "registered"
    assert _status(db, full["ana"]) == "waitlisted"
    assert _history(db, full["li"])[-1] == ("registered", "cancelled", "flight cancelled")
    assert _history(db, full["kostya"]) == [
        (None, "waitlisted", "seminar full (2 seats): put on the waiting list"),
        ("waitlisted", "registered", f"moved up from the waiting list: a seat freed (registration {full['li']} cancelled)"),
    ]
    assert _history(db, full["ana"]) == [(None, "waitlisted", "seminar full (2 seats): put on the waiting list")]
    with db.reading() as s:
        assert seats.seats_taken(s, hub.seminar) == 2


def test_cancelling_through_register_also_promotes_the_first_waiting_person(hub, db, full):
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status="cancelled")
    assert (_status(db, full["kostya"]), _status(db, full["ana"])) == ("registered", "waitlisted")


def test_an_erased_person_waiting_first_does_not_block_the_next_one(hub, db, full):
    """Kostya waits first and is then erased; a freed seat must still go to someone waiting
    (Ana), not stay empty while she waits."""
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    with db.transaction() as s:
        registration.set_status(s, full["li"], "cancelled")
    with db.reading() as s:
        assert seats.seats_taken(s, hub.seminar) == 2
    assert _status(db, full["ana"]) == "registered"


@pytest.mark.parametrize("status", ["registered", "waitlisted"])
def test_registering_twice_with_the_same_status_refused(hub, full, refused, status):
    name = "li" if status == "registered" else "kostya"
    person = {"li": hub.li, "kostya": hub.kostya}[name]
    error = refused(
        lambda s: registration.register(s, seminar_id=hub.seminar, person_id=person, status=status),
        RuleViolation,
        f"person {person} is already {status} for seminar {hub.seminar} (registration {full[name]})",
    )
    assert error.where == "registration"


def test_registering_again_with_another_status_changes_the_registration(hub, db, full):
    with db.transaction() as s:
        again = registration.register(s, seminar_id=hub.seminar, person_id=hub.li, status="confirmed", note="paid")
        assert again.id == full["li"]
    assert _status(db, full["li"]) == "confirmed"
    assert _history(db, full["li"]) == [(None, "registered", None), ("registered", "confirmed", "paid")]
    with db.reading() as s:
        assert len(registration.list_registrations(s, seminar_id=hub.seminar, person_id=hub.li)) == 1


@pytest.mark.parametrize("status", ["maybe", "", "Waiting list"])
def test_unknown_status_refused(hub, refused, status):
    error = refused(
        lambda s: registration.register(s, seminar_id=hub.seminar, person_id=hub.li, status=status),
        ValidationError,
        f"{status!r} is not one of: invited, registered, confirmed, waitlisted, cancelled, attended, no-show",
    )
    assert error.where == "status"


def test_unknown_status_refused_on_set_status(hub, full, refused):
    error = refused(lambda s: registration.set_status(s, full["li"], "gone"), ValidationError, "'gone' is not one of:")
    assert error.where == "status"


def test_history_is_kept_in_order(hub, db):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status="invited", note="sent invitation").id
    steps = [("registered", "form received"), ("confirmed", None), ("cancelled", "ill"), ("registered", "better")]
    for status, note in steps:
        with db.transaction() as s:
            registration.set_status(s, reg, status, note=note)
    assert _history(db, reg) == [
        (None, "invited", "sent invitation"),
        ("invited", "registered", "form received"),
        ("registered", "confirmed", None),
        ("confirmed", "cancelled", "ill"),
        ("cancelled", "registered", "better"),
    ]
    with db.reading() as s:
        times = [e.at for e in registration.get_registration(s, reg).events]
    assert times == sorted(times)


def test_seats_taken_counts_only_seat_holding_statuses(hub, db):
    with db.transaction() as s:
        sem = seminars.add_seminar(
            s, curriculum_id=hub.curriculum, title="Open webinar", kind="webinar", format="online",
            start="2020-09-01", end="2020-09-01", timezone="Europe/Madrid",
        ).id
        statuses = ["invited", "registered", "confirmed", "waitlisted", "cancelled", "attended", "no-show"]
        for i, status in enumerate(statuses):
            pid = people.add_person(s, given_name=f"P{i}", family_name="Seat").id
            registration.register(s, seminar_id=sem, person_id=pid, status=status)
        assert sorted(r.status for r in registration.list_registrations(s, seminar_id=sem)) == sorted(statuses)
    with db.reading() as s:
        assert seats.seats_taken(s, sem) == 4  # registered, confirmed, attended, no-show


def test_waitlisted_person_cannot_be_confirmed_while_the_seminar_is_full(hub, db, full, refused):
    error = refused(
        lambda s: registration.set_status(s, full["kostya"], "confirmed"),
        RuleViolation,
        f"seminar {hub.seminar} is full (2 seats); the person stays on the waiting list until a seat frees",
    )
    assert error.where == "status"
    assert _status(db, full["kostya"]) == "waitlisted"


def test_waitlisted_person_cannot_be_confirmed_through_register_while_full(hub, db, full, refused):
    error = refused(
        lambda s: registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya, status="confirmed"),
        RuleViolation,
        "is full (2 seats)",
    )
    assert error.where == "status"
    assert _status(db, full["kostya"]) == "waitlisted"


def test_invited_person_asking_for_a_seat_of_a_full_seminar_is_waitlisted(hub, db, full):
    with db.transaction() as s:
        pid = people.add_person(s, given_name="Wen", family_name="Zhou").id
        reg = registration.register(s, seminar_id=hub.seminar, person_id=pid, status="invited").id
        registration.set_status(s, reg, "registered")
    assert _status(db, reg) == "waitlisted"
    assert _history(db, reg)[-1] == ("invited", "waitlisted", "seminar full (2 seats)")
