"""Attendance: only registered people check in, once per session; undo; cancelled seminars."""

from __future__ import annotations

import datetime as dt

import pytest

from learninghub.core.errors import NotFound, RuleViolation
from learninghub.core.services import attendance, registration, seminars


def _status(db, registration_id: int) -> str:
    with db.reading() as s:
        return registration.get_registration(s, registration_id).status


def _present(db, session_id: int) -> list[int]:
    with db.reading() as s:
        return [a.person_id for a in attendance.list_attendance(s, session_id=session_id)]


@pytest.fixture
def li_registered(hub, db) -> int:
    with db.transaction() as s:
        return registration.register(s, seminar_id=hub.seminar, person_id=hub.li).id


def test_check_in_of_an_unregistered_person_refused(hub, refused):
    error = refused(
        lambda s: attendance.check_in(s, session_id=hub.session, person_id=hub.han),
        RuleViolation,
        f"한현숙 (Hyeon-suk Han) has not registered for seminar {hub.seminar} 'Park City Project'; register them first",
    )
    assert error.where == "person"


def test_check_in_of_a_cancelled_registration_refused(hub, db, li_registered, refused):
    with db.transaction() as s:
        registration.set_status(s, li_registered, "cancelled")
    error = refused(
        lambda s: attendance.check_in(s, session_id=hub.session, person_id=hub.li),
        RuleViolation,
        f"李佳 (Jia Li) has a cancelled registration for seminar {hub.seminar} 'Park City Project'; register them first",
    )
    assert error.where == "person"
    assert _status(db, li_registered) == "cancelled"


def test_check_in_twice_refused(hub, db, li_registered, refused):
    with db.transaction() as s:
        attendance.check_in(
            s, session_id=hub.session, person_id=hub.li, at=dt.datetime(2020, 7, 13, 0, 55, tzinfo=dt.UTC)
        )
    error = refused(
        lambda s: attendance.check_in(s, session_id=hub.session, person_id=hub.li),
        RuleViolation,
        f"李佳 (Jia Li) is already checked in to session {hub.session} (at 2020-07-13 08:55 Asia/Shanghai)",
    )
    assert error.where == "attendance"


@pytest.mark.parametrize("start_status", ["registered", "confirmed", "invited", "waitlisted"])
def test_check_in_marks_the_registration_attended(hub, db, start_status):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status=start_status).id
    with db.transaction() as s:
        attendance.check_in(s, session_id=hub.session, person_id=hub.han)
    assert _status(db, reg) == "attended"
    assert _present(db, hub.session) == [hub.han]
    with db.reading() as s:
        last = registration.get_registration(s, reg).events[-1]
        assert (last.old_status, last.new_status, last.note) == (
            start_status, "attended", f"checked in to session {hub.session}"
        )


def test_check_in_from_the_waiting_list_of_a_full_seminar_refused(hub, db, li_registered, refused):
    """Checking in takes a seat: a full seminar must not go over capacity at the door."""
    with db.transaction() as s:
        seminars.get_seminar(s, hub.seminar).capacity = 1
        waiting = registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        assert waiting.status == "waitlisted"
    error = refused(
        lambda s: attendance.check_in(s, session_id=hub.session, person_id=hub.han),
        RuleViolation,
        f"is on the waiting list of seminar {hub.seminar} 'Park City Project', which is full (1 seat)",
    )
    assert error.where == "person"
    with db.transaction() as s:  # a seat frees: the first in line moves up and may check in
        registration.set_status(s, li_registered, "cancelled")
    with db.transaction() as s:
        attendance.check_in(s, session_id=hub.session, person_id=hub.han)
    assert _status(db, waiting.id) == "attended"


@pytest.mark.parametrize("start_status", ["invited", "waitlisted", "cancelled"])
@pytest.mark.parametrize("marked", ["attended", "no-show"])
def test_marking_attended_by_hand_takes_a_seat_too(hub, db, li_registered, refused, start_status, marked):
    """Set by hand (the participants list), 'attended' and 'no-show' hold a seat like a check-in:
    refused when the seminar is full, allowed once a seat frees."""
    with db.transaction() as s:
        seminars.get_seminar(s, hub.seminar).capacity = 1
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status=start_status).id
    error = refused(
        lambda s: registration.set_status(s, reg, marked),
        RuleViolation,
        f"seminar {hub.seminar} 'Park City Project' is full (1 seat); 한현숙 (Hyeon-suk Han) has no seat to be "
        f"marked {marked}: free a seat or raise the capacity first",
    )
    assert error.where == "status" and _status(db, reg) == start_status
    with db.transaction() as s:
        registration.set_status(s, li_registered, "cancelled")
        registration.set_status(s, reg, marked)
    assert _status(db, reg) == marked


def test_undo_check_in_removes_the_attendance_and_allows_a_new_check_in(hub, db, li_registered):
    with db.transaction() as s:
        attendance.check_in(s, session_id=hub.session, person_id=hub.li)
    assert _present(db, hub.session) == [hub.li]
    with db.transaction() as s:
        attendance.undo_check_in(s, session_id=hub.session, person_id=hub.li)
    assert _present(db, hub.session) == []
    with db.transaction() as s:
        attendance.check_in(s, session_id=hub.session, person_id=hub.li)
    assert _present(db, hub.session) == [hub.li]


def test_undo_of_a_check_in_that_never_happened_is_not_found(hub, li_registered, refused):
    error = refused(
        lambda s: attendance.undo_check_in(s, session_id=hub.session, person_id=hub.li),
        NotFound,
        f"person {hub.li} is not checked in to session {hub.session}",
    )
    assert error.where == "attendance"


def test_check_in_to_a_session_of_a_cancelled_seminar_refused(hub, db, li_registered, refused):
    with db.transaction() as s:
        seminars.cancel_seminar(s, hub.seminar)
    error = refused(
        lambda s: attendance.check_in(s, session_id=hub.session, person_id=hub.li),
        RuleViolation,
        f"seminar {hub.seminar} 'Park City Project' is cancelled",
    )
    assert error.where == "session"


def test_check_in_to_an_unknown_session_is_not_found(hub, li_registered, refused):
    error = refused(
        lambda s: attendance.check_in(s, session_id=777, person_id=hub.li), NotFound, "there is no session with id 777"
    )
    assert error.where == "session"
