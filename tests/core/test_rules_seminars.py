"""Rules of curricula and seminars: days, zones, vocabularies, capacity, cancelling."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from learninghub.core.errors import NotFound, RuleViolation, ValidationError
from learninghub.core.services import agenda, attendance, curricula, people, registration, seats, seminars


def _seminar_args(hub, **changes):
    args = dict(
        curriculum_id=hub.curriculum, title="Barcelona study visit", start="2021-03-01", end="2021-03-05",
        timezone="Europe/Madrid",
    )
    args.update(changes)
    return args


def _count(db_path: Path, table: str, where: str = "", *params) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table} {where}", params).fetchone()[0]
    finally:
        conn.close()


def _registration_statuses(db_path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id, status FROM registrations ORDER BY id").fetchall()
    finally:
        conn.close()


def _status(db, registration_id: int) -> str:
    with db.reading() as s:
        return registration.get_registration(s, registration_id).status


# --- days, zone, vocabularies ---------------------------------------------------------------


def test_last_day_before_first_day_refused(hub, refused):
    error = refused(
        lambda s: seminars.add_seminar(s, **_seminar_args(hub, start="2021-03-05", end="2021-03-04")),
        RuleViolation,
        "last day 2021-03-04 is before the first day 2021-03-05",
    )
    assert error.where == "end"


def test_one_day_seminar_is_accepted(hub, db):
    with db.transaction() as s:
        sem = seminars.add_seminar(s, **_seminar_args(hub, start="2021-03-05", end="2021-03-05"))
        assert sem.start_date == sem.end_date


def test_editing_last_day_before_first_day_refused(hub, refused):
    error = refused(
        lambda s: seminars.edit_seminar(s, hub.seminar, end="2020-07-12"),
        RuleViolation,
        "last day 2020-07-12 is before the first day 2020-07-13",
    )
    assert error.where == "end"


@pytest.mark.parametrize("zone", ["Mars/Base", "../etc/passwd", ""])
def test_unknown_time_zone_refused(hub, refused, zone):
    error = refused(
        lambda s: seminars.add_seminar(s, **_seminar_args(hub, timezone=zone)),
        ValidationError,
        f"unknown time zone {zone!r}",
    )
    assert error.where == "timezone"


@pytest.mark.parametrize("zone", ["Mars/Base", "../etc/passwd", ""])
def test_editing_to_unknown_time_zone_refused(hub, refused, zone):
    error = refused(
        lambda s: seminars.edit_seminar(s, hub.seminar, timezone=zone), ValidationError, f"unknown time zone {zone!r}"
    )
    assert error.where == "timezone"


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("kind", "party", "seminar, webinar, meeting, visit, conference, course"),
        ("format", "in person", "onsite, online, hybrid"),
        ("status", "postponed", "planned, confirmed, held, cancelled"),
    ],
)
def test_unknown_kind_format_status_refused_naming_allowed_values(hub, refused, field, value, allowed):
    error = refused(
        lambda s: seminars.add_seminar(s, **_seminar_args(hub, **{field: value})),
        ValidationError,
        f"{value!r} is not one of: {allowed}",
    )
    assert error.where == field


@pytest.mark.parametrize("capacity", [0, -1, -40])
def test_capacity_below_one_refused(hub, refused, capacity):
    error = refused(
        lambda s: seminars.add_seminar(s, **_seminar_args(hub, capacity=capacity)),
        ValidationError,
        f"must be at least 1 (got {capacity})",
    )
    assert error.where == "capacity"


@pytest.mark.parametrize("capacity", [0, -5])
def test_editing_capacity_below_one_refused(hub, refused, capacity):
    error = refused(
        lambda s: seminars.edit_seminar(s, hub.seminar, capacity=capacity),
        ValidationError,
        f"must be at least 1 (got {capacity})",
    )
    assert error.where == "capacity"


def test_unknown_curriculum_refused(hub, refused):
    error = refused(
        lambda s: seminars.add_seminar(s, **_seminar_args(hub, curriculum_id=hub.curriculum + 999)),
        NotFound,
        f"there is no curriculum with id {hub.curriculum + 999}",
    )
    assert error.where == "curriculum"


def test_curriculum_ending_before_it_starts_refused(db, refused):
    error = refused(
        lambda s: curricula.add_curriculum(s, title="Backwards", start_year=2022, end_year=2020),
        RuleViolation,
        "ends in 2020, before it starts in 2022",
    )
    assert error.where == "end year"


def test_editing_curriculum_end_year_before_start_year_refused(hub, refused):
    error = refused(
        lambda s: curricula.edit_curriculum(s, hub.curriculum, end_year=2019),
        RuleViolation,
        "ends in 2019, before it starts in 2020",
    )
    assert error.where == "end year"


# --- editing days or zone with sessions already planned --------------------------------------


def test_moving_first_day_past_a_session_refused_naming_it(hub, refused):
    error = refused(
        lambda s: seminars.edit_seminar(s, hub.seminar, start="2020-07-14"),
        RuleViolation,
        f"session {hub.session} 'Opening ceremony' on 2020-07-13 would fall outside 2020-07-14 – 2020-07-17",
    )
    assert error.where == "dates"


def test_moving_last_day_before_a_session_refused_naming_it(hub, db, refused):
    with db.transaction() as s:
        closing = agenda.add_session(
            s, seminar_id=hub.seminar, title="Closing dinner", start="2020-07-17 19:00", end="2020-07-17 21:00"
        )[0].id
    error = refused(
        lambda s: seminars.edit_seminar(s, hub.seminar, end="2020-07-16"),
        RuleViolation,
        f"session {closing} 'Closing dinner' on 2020-07-17 would fall outside 2020-07-13 – 2020-07-16",
    )
    assert error.where == "dates"


def test_changing_zone_so_a_session_falls_on_an_earlier_day_refused(hub, refused):
    # 2020-07-13 09:00 in Shanghai is 2020-07-12 18:00 in Los Angeles: before the first day.
    error = refused(
        lambda s: seminars.edit_seminar(s, hub.seminar, timezone="America/Los_Angeles"),
        RuleViolation,
        f"session {hub.session} 'Opening ceremony' on 2020-07-12 would fall outside 2020-07-13 – 2020-07-17",
    )
    assert error.where == "dates"


def test_narrowing_days_that_still_hold_every_session_is_accepted(hub, db):
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, end="2020-07-13")
    with db.reading() as s:
        assert str(seminars.get_seminar(s, hub.seminar).end_date) == "2020-07-13"


# --- cancelling --------------------------------------------------------------------------------


def test_cancel_keeps_sessions_registrations_attendance_and_history(hub, db, db_path):
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya)  # waiting list
        attendance.check_in(s, session_id=hub.session, person_id=hub.li)
    tables = ("sessions", "registrations", "attendance", "registration_events", "session_speakers")
    before = {t: _count(db_path, t) for t in tables}
    statuses_before = _registration_statuses(db_path)
    assert before["sessions"] == 1 and before["registrations"] == 3 and before["attendance"] == 1
    assert before["registration_events"] == 4

    with db.transaction() as s:
        seminars.cancel_seminar(s, hub.seminar)

    assert {t: _count(db_path, t) for t in tables} == before
    assert _registration_statuses(db_path) == statuses_before
    with db.reading() as s:
        assert seminars.get_seminar(s, hub.seminar).status == "cancelled"


def test_cancelling_twice_refused(hub, db, refused):
    with db.transaction() as s:
        seminars.cancel_seminar(s, hub.seminar)
    error = refused(
        lambda s: seminars.cancel_seminar(s, hub.seminar), RuleViolation, f"seminar {hub.seminar} is already cancelled"
    )
    assert error.where == "seminar"


def test_cancelling_unknown_seminar_is_not_found(hub, refused):
    error = refused(lambda s: seminars.cancel_seminar(s, 4242), NotFound, "there is no seminar with id 4242")
    assert error.where == "seminar"


def test_registering_to_cancelled_seminar_refused(hub, db, refused):
    with db.transaction() as s:
        seminars.cancel_seminar(s, hub.seminar)
    error = refused(
        lambda s: registration.register(s, seminar_id=hub.seminar, person_id=hub.han),
        RuleViolation,
        f"seminar {hub.seminar} 'Park City Project' is cancelled",
    )
    assert error.where == "seminar"


# --- capacity ----------------------------------------------------------------------------------


def test_raising_capacity_moves_up_the_first_waiting_people_in_waiting_order(hub, db):
    with db.transaction() as s:
        seat1 = registration.register(s, seminar_id=hub.seminar, person_id=hub.li).id
        seat2 = registration.register(s, seminar_id=hub.seminar, person_id=hub.han).id
        ana = people.add_person(s, given_name="Ana", family_name="Puig", email="ana.puig@example.es")
        # Ana's registration is made first (lower id) but she joins the waiting list last.
        ana_reg = registration.register(s, seminar_id=hub.seminar, person_id=ana.id, status="invited").id
        kostya_reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya).id
        assert registration.get_registration(s, kostya_reg).status == "waitlisted"
        registration.register(s, seminar_id=hub.seminar, person_id=ana.id, status="registered")
        assert registration.get_registration(s, ana_reg).status == "waitlisted"
        assert [r.id for r in seats.waiting_list(s, hub.seminar)] == [kostya_reg, ana_reg]

    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, capacity=3)
    assert _status(db, kostya_reg) == "registered"
    assert _status(db, ana_reg) == "waitlisted"
    with db.reading() as s:
        last = registration.get_registration(s, kostya_reg).events[-1]
        assert (last.old_status, last.new_status) == ("waitlisted", "registered")
        assert last.note == "moved up from the waiting list: capacity raised"

    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, capacity=10)
    assert _status(db, ana_reg) == "registered"
    assert {_status(db, seat1), _status(db, seat2)} == {"registered"}
    with db.reading() as s:
        assert seats.seats_taken(s, hub.seminar) == 4
        assert seats.waiting_list(s, hub.seminar) == []
