"""Recurring sessions across DST, edited as a whole or one at a time, and single occurrences cancelled."""

from __future__ import annotations

import datetime as dt

import pytest

from learninghub.core.errors import RuleViolation, ValidationError
from learninghub.core.services import agenda, curricula, people, seminars

UTC = dt.UTC


@pytest.fixture
def cluster(db):  # type: ignore[no-untyped-def]
    """A Barcelona-run cluster: weekly Tuesdays 14:00 Europe/Madrid across the 2021-03-28 change."""
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Entrepreneurship cluster")
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Cluster meetings", start="2021-03-01",
                                   end="2021-11-30", timezone="Europe/Madrid", format="online", kind="meeting")
        host = people.add_person(s, given_name="Núria", family_name="Puig i Ferrer")
        rows = agenda.add_session(s, seminar_id=sem.id, title="Cluster call", start="2021-03-16 14:00",
                                  end="2021-03-16 15:00", repeat="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
                                  speaker_ids=[host.id])
        return sem.id, rows[0].series_id, [r.id for r in rows]


def _instants(db, series_id: int) -> list[dt.datetime]:
    with db.reading() as s:
        return [r.starts_at for r in agenda.series_occurrences(s, series_id)]


def test_weekly_series_keeps_barcelona_hour_across_spring_change(db, cluster) -> None:
    _, series_id, _ = cluster
    assert _instants(db, series_id) == [
        dt.datetime(2021, 3, 16, 13, 0, tzinfo=UTC),  # CET, UTC+1 → 21:00 in Chengdu
        dt.datetime(2021, 3, 23, 13, 0, tzinfo=UTC),
        dt.datetime(2021, 3, 30, 12, 0, tzinfo=UTC),  # CEST, UTC+2 → 20:00 in Chengdu
        dt.datetime(2021, 4, 6, 12, 0, tzinfo=UTC),
    ]


def test_weekly_series_across_the_autumn_change(db, cluster) -> None:
    seminar_id = cluster[0]
    with db.transaction() as s:
        rows = agenda.add_session(s, seminar_id=seminar_id, title="Autumn call", start="2021-10-19 14:00",
                                  end="2021-10-19 15:00", repeat="FREQ=WEEKLY;COUNT=3")
        assert [r.starts_at.hour for r in rows] == [12, 12, 13]  # 26 Oct CEST, 2 Nov CET
        shanghai = [r.starts_at.astimezone(dt.timezone(dt.timedelta(hours=8))).hour for r in rows]
        assert shanghai == [20, 20, 21]


def test_edit_all_moves_every_occurrence_in_local_time(db, cluster) -> None:
    _, series_id, _ = cluster
    with db.transaction() as s:
        agenda.edit_series(s, series_id, title="Cluster call (new time)", start_time="16:30", end_time="17:15")
    with db.reading() as s:
        rows = agenda.series_occurrences(s, series_id)
        assert {r.title for r in rows} == {"Cluster call (new time)"}
        assert [r.starts_at.hour for r in rows] == [15, 15, 14, 14]  # 16:30 Madrid before and after the change
        assert all(r.ends_at - r.starts_at == dt.timedelta(minutes=45) for r in rows)


def test_edit_one_leaves_the_others(db, cluster) -> None:
    _, series_id, ids = cluster
    with db.transaction() as s:
        agenda.edit_session(s, ids[1], title="Cluster call — guest: Torino", start="2021-03-23 15:00",
                            end="2021-03-23 16:00")
    with db.reading() as s:
        titles = [r.title for r in agenda.series_occurrences(s, series_id)]
    assert titles == ["Cluster call", "Cluster call — guest: Torino", "Cluster call", "Cluster call"]


def test_cancel_one_occurrence_records_an_exdate(db, cluster) -> None:
    _, series_id, ids = cluster
    with db.transaction() as s:
        series = agenda.cancel_occurrence(s, ids[2])
        assert series.exdates == "20210330T140000"
        assert series.cancelled_occurrences == [dt.datetime(2021, 3, 30, 14, 0)]
    assert len(_instants(db, series_id)) == 3
    with db.transaction() as s:  # editing the rest afterwards keeps it cancelled
        agenda.edit_series(s, series_id, room="Zoom B")
    assert len(_instants(db, series_id)) == 3


def test_cancelling_a_single_session_is_refused(hub, refused) -> None:
    error = refused(lambda s: agenda.cancel_occurrence(s, hub.session), RuleViolation, "is not part of a repeating series")
    assert error.where == "session"


def test_edit_all_into_the_spring_gap_is_refused(db, cluster, refused) -> None:
    seminar_id = cluster[0]
    with db.transaction() as s:
        sunday = agenda.add_session(s, seminar_id=seminar_id, title="Sunday check", start="2021-03-21 00:30",
                                    end="2021-03-21 01:00", repeat="FREQ=WEEKLY;COUNT=2")
    series_id = sunday[0].series_id
    refused(lambda s: agenda.edit_series(s, series_id, start_time="02:30", end_time="03:15"),
            ValidationError, "does not exist in Europe/Madrid")


def test_cancelled_occurrence_in_year_one_keeps_a_four_digit_exdate(db) -> None:
    """strftime writes year 1 as "1": the EXDATE must still parse back (and export as RFC 5545)."""
    import datetime as _dt

    from learninghub.core.services import agenda as _agenda
    from learninghub.core.services import curricula as _curricula
    from learninghub.core.services import seminars as _seminars

    with db.transaction() as s:
        c = _curricula.add_curriculum(s, title="Old")
        sem = _seminars.add_seminar(s, curriculum_id=c.id, title="Year one", start=_dt.date(1, 1, 3),
                                    end=_dt.date(1, 1, 6), timezone="Europe/Madrid")
        rows = _agenda.add_session(s, seminar_id=sem.id, title="Daily", start=_dt.datetime(1, 1, 3, 12),
                                   end=_dt.datetime(1, 1, 3, 12, 30), repeat="FREQ=DAILY;COUNT=3")
        first = rows[0].id
    with db.transaction() as s:
        series = _agenda.cancel_occurrence(s, first)
        assert series.exdates == "00010103T120000"
        assert series.cancelled_occurrences == [_dt.datetime(1, 1, 3, 12)]
