"""Cases found while reviewing the rules: midnight endings, undoing a check-in."""

from __future__ import annotations

import datetime as dt

from learninghub.core.services import agenda, attendance, registration


def test_session_ending_at_midnight_after_the_last_day_is_inside(hub, db) -> None:
    with db.transaction() as s:
        row = agenda.add_session(s, seminar_id=hub.seminar, title="Farewell dinner",
                                 start="2020-07-17 22:00", end="2020-07-18 00:00", kind="meal")[0]
        assert row.ends_at == dt.datetime(2020, 7, 17, 16, 0, tzinfo=dt.UTC)


def test_undoing_the_only_check_in_restores_the_registration(hub, db) -> None:
    with db.transaction() as s:
        reg_id = registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status="confirmed").id
        attendance.check_in(s, session_id=hub.session, person_id=hub.han)
        assert registration.get_registration(s, reg_id).status == "attended"
    with db.transaction() as s:
        attendance.undo_check_in(s, session_id=hub.session, person_id=hub.han)
    with db.reading() as s:
        reg = registration.get_registration(s, reg_id)
        assert reg.status == "confirmed"
        assert reg.events[-1].note == "check-in undone"


def test_undoing_one_of_two_check_ins_keeps_attended(hub, db) -> None:
    with db.transaction() as s:
        second = agenda.add_session(s, seminar_id=hub.seminar, title="Panel", start="2020-07-14 10:00",
                                    end="2020-07-14 11:00")[0].id
        reg_id = registration.register(s, seminar_id=hub.seminar, person_id=hub.han).id
        attendance.check_in(s, session_id=hub.session, person_id=hub.han)
        attendance.check_in(s, session_id=second, person_id=hub.han)
    with db.transaction() as s:
        attendance.undo_check_in(s, session_id=second, person_id=hub.han)
    with db.reading() as s:
        assert registration.get_registration(s, reg_id).status == "attended"


def test_a_session_ending_at_midnight_does_not_block_editing_the_seminar(hub, db) -> None:
    from learninghub.core.services import seminars

    with db.transaction() as s:
        agenda.add_session(s, seminar_id=hub.seminar, title="Late", start="2020-07-17 23:00", end="2020-07-18 00:00")
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, start="2020-07-12")  # the last day is unchanged: allowed


def test_roster_lists_who_may_check_in_by_family_name(hub, db) -> None:
    with db.transaction() as s:
        for person in (hub.kostya, hub.li, hub.han):
            registration.register(s, seminar_id=hub.seminar, person_id=person)  # capacity 2: Han waits
        registration.set_status(s, registration.list_registrations(s, person_id=hub.kostya)[0].id, "cancelled")
        attendance.check_in(s, session_id=hub.session, person_id=hub.li)
    with db.reading() as s:
        lines = attendance.roster(s, session_id=hub.session)
    assert [(line.name, line.status, line.present) for line in lines] == [
        ("한현숙 (Hyeon-suk Han)", "registered", False),  # moved up when Petrov cancelled
        ("李佳 (Jia Li)", "attended", True),
    ]
