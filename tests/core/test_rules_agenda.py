"""Rules of agenda sessions: local times in the seminar's zone, DST, repeats, speakers, deleting."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from learninghub.core.errors import NotFound, RuleViolation, ValidationError
from learninghub.core.services import agenda, attendance, people, registration, seminars

UTC = dt.UTC
MADRID = ZoneInfo("Europe/Madrid")
SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass
class Madrid:
    spring: int  # 2021-03-01 – 2021-04-30, over the spring-forward change of 2021-03-28
    spring_march_only: int  # 2021-03-01 – 2021-03-31
    autumn: int  # 2021-10-29 – 2021-11-02, over the fall-back change of 2021-10-31


@pytest.fixture
def madrid(hub, db) -> Madrid:
    with db.transaction() as s:
        def add(title: str, start: str, end: str) -> int:
            return seminars.add_seminar(
                s, curriculum_id=hub.curriculum, title=title, start=start, end=end, timezone="Europe/Madrid"
            ).id

        return Madrid(
            add("Barcelona spring course", "2021-03-01", "2021-04-30"),
            add("Barcelona March course", "2021-03-01", "2021-03-31"),
            add("Barcelona autumn visit", "2021-10-29", "2021-11-02"),
        )


def _count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _talk(seminar_id: int, start: str, end: str, **kw):
    return lambda s: agenda.add_session(s, seminar_id=seminar_id, title="Talk", start=start, end=end, **kw)


# --- start, end, days ----------------------------------------------------------------------


@pytest.mark.parametrize("end", ["2020-07-14 10:00", "2020-07-14 09:59"])
def test_end_not_after_start_refused(hub, refused, end):
    error = refused(
        _talk(hub.seminar, "2020-07-14 10:00", end),
        RuleViolation,
        f"ends at {end}, not after it starts at 2020-07-14 10:00",
    )
    assert error.where == "session end"


@pytest.mark.parametrize(
    ("start", "end"),
    [("2020-07-12 10:00", "2020-07-12 11:00"), ("2020-07-17 23:00", "2020-07-18 01:00"), ("2020-07-20 10:00", "2020-07-20 11:00")],
)
def test_session_outside_seminar_days_refused(hub, refused, start, end):
    error = refused(
        _talk(hub.seminar, start, end),
        RuleViolation,
        f"{start}–{end} is outside the seminar's days 2020-07-13 – 2020-07-17 (Asia/Shanghai)",
    )
    assert error.where == "session"


def test_session_whose_utc_date_is_inside_but_local_date_outside_refused(hub, refused):
    # 2020-07-18 07:00 in Shanghai is 2020-07-17 23:00 UTC: inside in UTC, outside where it happens.
    error = refused(
        _talk(hub.seminar, "2020-07-18 07:00", "2020-07-18 07:30"),
        RuleViolation,
        "2020-07-18 07:00–2020-07-18 07:30 is outside the seminar's days 2020-07-13 – 2020-07-17",
    )
    assert error.where == "session"


def test_session_whose_utc_date_is_outside_but_local_date_inside_accepted(hub, db):
    # 2020-07-13 07:00 in Shanghai is 2020-07-12 23:00 UTC: the first day, locally.
    with db.transaction() as s:
        row = _talk(hub.seminar, "2020-07-13 07:00", "2020-07-13 07:30")(s)[0]
    assert row.starts_at == dt.datetime(2020, 7, 12, 23, 0, tzinfo=UTC)


def test_session_crossing_midnight_inside_the_days_accepted_with_right_instants(hub, db):
    with db.transaction() as s:
        made = _talk(hub.seminar, "2020-07-14 23:30", "2020-07-15 00:30")(s)
        ident = made[0].id
    with db.reading() as s:
        row = agenda.get_session(s, ident)
        assert row.starts_at == dt.datetime(2020, 7, 14, 15, 30, tzinfo=UTC)
        assert row.ends_at == dt.datetime(2020, 7, 14, 16, 30, tzinfo=UTC)
        assert row.starts_at.astimezone(SHANGHAI).replace(tzinfo=None) == dt.datetime(2020, 7, 14, 23, 30)
        assert row.ends_at.astimezone(SHANGHAI).replace(tzinfo=None) == dt.datetime(2020, 7, 15, 0, 30)


# --- daylight saving time ------------------------------------------------------------------


def test_local_time_in_the_spring_gap_refused(madrid, refused):
    error = refused(
        _talk(madrid.spring, "2021-03-28 02:30", "2021-03-28 03:30"),
        ValidationError,
        "2021-03-28 02:30 does not exist in Europe/Madrid",
    )
    assert error.where == "session start"


def test_local_end_in_the_spring_gap_refused(madrid, refused):
    error = refused(
        _talk(madrid.spring, "2021-03-28 01:30", "2021-03-28 02:15"),
        ValidationError,
        "2021-03-28 02:15 does not exist in Europe/Madrid",
    )
    assert error.where == "session end"


def test_ambiguous_local_time_refused_without_a_choice(madrid, refused):
    error = refused(
        _talk(madrid.autumn, "2021-10-31 02:30", "2021-10-31 02:50"),
        ValidationError,
        "2021-10-31 02:30 happens twice in Europe/Madrid",
    )
    assert error.where == "session start"


@pytest.mark.parametrize(("fold", "utc_hour"), [("earlier", 0), ("later", 1)])
def test_ambiguous_local_time_accepted_with_a_choice(madrid, db, fold, utc_hour):
    with db.transaction() as s:
        ident = _talk(madrid.autumn, "2021-10-31 02:30", "2021-10-31 02:50", fold=fold)(s)[0].id
    with db.reading() as s:
        row = agenda.get_session(s, ident)
        assert row.starts_at == dt.datetime(2021, 10, 31, utc_hour, 30, tzinfo=UTC)
        assert row.ends_at == dt.datetime(2021, 10, 31, utc_hour, 50, tzinfo=UTC)


# --- repeats -------------------------------------------------------------------------------


def test_weekly_repeat_stays_at_local_time_across_dst(madrid, db):
    with db.transaction() as s:
        made = agenda.add_session(
            s, seminar_id=madrid.spring, title="Tuesday workshop", kind="workshop",
            start="2021-03-02 14:00", end="2021-03-02 15:30", repeat="FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        )
        ids = [row.id for row in made]
    assert len(ids) == 8
    with db.reading() as s:
        rows = [(r.id, r.series_id, r.starts_at, r.ends_at) for r in agenda.list_sessions(s, madrid.spring)]
    assert [r[0] for r in rows] == ids
    assert len({r[1] for r in rows}) == 1 and rows[0][1] is not None
    change = dt.date(2021, 3, 28)
    days = []
    for _, _, starts_at, ends_at in rows:
        local = starts_at.astimezone(MADRID)
        days.append(local.date())
        assert (local.hour, local.minute) == (14, 0)
        assert local.weekday() == 1  # Tuesday
        assert ends_at - starts_at == dt.timedelta(minutes=90)
        assert starts_at.astimezone(UTC).hour == (13 if local.date() < change else 12)
    assert days == [dt.date(2021, 3, 2) + dt.timedelta(weeks=n) for n in range(8)]
    assert sum(d < change for d in days) == 4  # both sides of the change are really covered


def test_repeat_without_count_or_until_refused(madrid, refused):
    error = refused(
        _talk(madrid.spring, "2021-03-02 14:00", "2021-03-02 15:00", repeat="FREQ=WEEKLY;BYDAY=TU"),
        ValidationError,
        "a repeat rule needs COUNT= or UNTIL= so it ends",
    )
    assert error.where == "repeat"


def test_repeat_with_one_occurrence_outside_the_days_refused_as_a_whole(madrid, refused):
    # Tuesdays from 2 March: the sixth falls on 6 April, after the March course.
    error = refused(
        _talk(madrid.spring_march_only, "2021-03-02 14:00", "2021-03-02 15:00", repeat="FREQ=WEEKLY;BYDAY=TU;COUNT=8"),
        RuleViolation,
        "2021-04-06 14:00–2021-04-06 15:00 is outside the seminar's days 2021-03-01 – 2021-03-31",
    )
    assert error.where == "occurrence 2021-04-06"


# --- speakers ------------------------------------------------------------------------------


def test_unknown_speaker_refused(hub, refused):
    error = refused(
        _talk(hub.seminar, "2020-07-14 10:00", "2020-07-14 11:00", speaker_ids=[hub.han, 9999]),
        NotFound,
        "there is no person with id 9999",
    )
    assert error.where == "person"


def test_erased_person_as_speaker_refused(hub, db, refused):
    with db.transaction() as s:
        people.erase_person(s, hub.han)
    error = refused(
        _talk(hub.seminar, "2020-07-14 10:00", "2020-07-14 11:00", speaker_ids=[hub.li, hub.han]),
        RuleViolation,
        f"person {hub.han} has been erased",
    )
    assert error.where == "speaker"


# --- deleting ------------------------------------------------------------------------------


@pytest.fixture
def checked_in(hub, db) -> None:
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        attendance.check_in(s, session_id=hub.session, person_id=hub.han)


def test_deleting_a_session_with_check_ins_refused(hub, checked_in, refused):
    error = refused(
        lambda s: agenda.delete_session(s, hub.session),
        RuleViolation,
        f"1 person checked in to session {hub.session} 'Opening ceremony'; deleting it would lose their attendance",
    )
    assert error.where == "session"


def test_deleting_a_session_with_check_ins_and_force_deletes_it(hub, db, db_path, checked_in):
    assert _count(db_path, "attendance") == 1
    with db.transaction() as s:
        agenda.delete_session(s, hub.session, force=True)
    assert _count(db_path, "sessions") == 0
    assert _count(db_path, "attendance") == 0
    assert _count(db_path, "session_speakers") == 0


def test_deleting_a_session_without_check_ins_needs_no_force(hub, db, db_path):
    with db.transaction() as s:
        agenda.delete_session(s, hub.session)
    assert _count(db_path, "sessions") == 0
