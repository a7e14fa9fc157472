"""iCalendar export parsed back with the `icalendar` library: instants right across a DST
change (compared with UTC one by one), EXDATE after a cancelled occurrence, overrides for
an occurrence edited on its own, VTIMEZONE, stable UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

from learninghub.core.services import agenda
from learninghub.exporting.ics import export_ics, seminar_calendar

from .conftest import World

UTC = dt.UTC
MADRID = ZoneInfo("Europe/Madrid")


def _calendar(db, seminar_id: int) -> icalendar.Calendar:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return icalendar.Calendar.from_ical(seminar_calendar(s, seminar_id))


def _events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return list(cal.walk("VEVENT"))


def _exdates(event: icalendar.Event) -> list[dt.datetime]:
    value = event.get("exdate")
    if value is None:
        return []
    lists = value if isinstance(value, list) else [value]
    return [d.dt for item in lists for d in item.dts]


def occurrences(cal: icalendar.Calendar) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """What a calendar program shows: every timed event, series expanded (RRULE minus EXDATE,
    RECURRENCE-ID overrides replacing their occurrence), as (summary, start UTC, end UTC)."""
    shown = []
    events = [e for e in _events(cal) if isinstance(e.decoded("dtstart"), dt.datetime)]
    overrides = {(str(e["uid"]), e.decoded("recurrence-id")) for e in events if "recurrence-id" in e}
    for e in events:
        start, end = e.decoded("dtstart"), e.decoded("dtend")
        if "rrule" in e:
            excluded = set(_exdates(e))
            rule = rrulestr(e["rrule"].to_ical().decode(), dtstart=start)
            for when in rule:  # type: ignore[attr-defined]
                if when in excluded or (str(e["uid"]), when) in overrides:
                    continue
                shown.append((str(e["summary"]), when.astimezone(UTC), (when + (end - start)).astimezone(UTC)))
        else:
            shown.append((str(e["summary"]), start.astimezone(UTC), end.astimezone(UTC)))
    return sorted(shown, key=lambda x: x[1])


def _agenda(db, seminar_id: int) -> list[tuple[str, dt.datetime, dt.datetime]]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return [(r.title, r.starts_at, r.ends_at) for r in agenda.list_sessions(s, seminar_id)]


def test_weekly_series_across_the_dst_change_keeps_the_local_hour(db, world: World) -> None:
    cal = _calendar(db, world.seminar)
    master = next(e for e in _events(cal) if "rrule" in e)
    assert master["dtstart"].params["TZID"] == "Europe/Madrid"
    assert master.decoded("dtstart") == dt.datetime(2021, 3, 16, 14, 0, tzinfo=MADRID)
    assert master["rrule"].to_ical() == b"FREQ=WEEKLY;COUNT=4"
    shown = [x for x in occurrences(cal) if x[0] == "Weekly tutorial"]
    # 14:00 in Barcelona is 13:00 UTC before 2021-03-28 and 12:00 UTC after it.
    assert [start for _, start, _ in shown] == [
        dt.datetime(2021, 3, 16, 13, 0, tzinfo=UTC),
        dt.datetime(2021, 3, 23, 13, 0, tzinfo=UTC),
        dt.datetime(2021, 3, 30, 12, 0, tzinfo=UTC),
        dt.datetime(2021, 4, 6, 12, 0, tzinfo=UTC),
    ]
    assert [end - start for _, start, end in shown] == [dt.timedelta(minutes=90)] * 4
    assert occurrences(cal) == _agenda(db, world.seminar)


def test_the_vtimezone_itself_gives_the_same_instants(db, world: World) -> None:
    """A reader that ignores IANA names and uses our VTIMEZONE gets the same UTC times."""
    cal = _calendar(db, world.seminar)
    zones = {str(tz["tzid"]): tz for tz in cal.walk("VTIMEZONE")}
    assert set(zones) == {"Europe/Madrid"}
    vtz = zones["Europe/Madrid"].to_tz()
    for local, utc in [((2021, 3, 23, 14), (2021, 3, 23, 13)), ((2021, 3, 30, 14), (2021, 3, 30, 12))]:
        assert dt.datetime(*local, tzinfo=vtz).astimezone(UTC) == dt.datetime(*utc, tzinfo=UTC)


def test_a_cancelled_occurrence_becomes_an_exdate(db, world: World) -> None:
    with db.transaction() as s:
        agenda.cancel_occurrence(s, world.series_sessions[2])
    cal = _calendar(db, world.seminar)
    master = next(e for e in _events(cal) if "rrule" in e)
    assert _exdates(master) == [dt.datetime(2021, 3, 30, 14, 0, tzinfo=MADRID)]
    assert b"EXDATE;TZID=Europe/Madrid:20210330T140000" in cal.to_ical()
    assert occurrences(cal) == _agenda(db, world.seminar)
    assert len([x for x in occurrences(cal) if x[0] == "Weekly tutorial"]) == 3


def test_an_occurrence_edited_on_its_own_is_an_override(db, world: World) -> None:
    with db.transaction() as s:
        agenda.edit_session(s, world.series_sessions[1], title="Guest tutorial", start="2021-03-23 16:00",
                            end="2021-03-23 17:00")
    cal = _calendar(db, world.seminar)
    series_uid = next(str(e["uid"]) for e in _events(cal) if "rrule" in e)
    override = next(e for e in _events(cal) if "recurrence-id" in e)
    assert str(override["uid"]) == series_uid
    assert override.decoded("recurrence-id") == dt.datetime(2021, 3, 23, 14, 0, tzinfo=MADRID)
    assert override.decoded("dtstart") == dt.datetime(2021, 3, 23, 16, 0, tzinfo=MADRID)
    assert str(override["summary"]) == "Guest tutorial"
    assert occurrences(cal) == _agenda(db, world.seminar)


def test_a_series_moved_to_another_hour_after_a_cancel_still_shows_the_agenda(db, world: World) -> None:
    with db.transaction() as s:
        agenda.cancel_occurrence(s, world.series_sessions[2])  # recorded as EXDATE 14:00
        agenda.edit_series(s, world.series, start_time="16:00", end_time="17:00")
    cal = _calendar(db, world.seminar)
    master = next(e for e in _events(cal) if "rrule" in e)
    assert _exdates(master) == [dt.datetime(2021, 3, 30, 16, 0, tzinfo=MADRID)]
    assert occurrences(cal) == _agenda(db, world.seminar)


def test_until_is_written_in_utc(db, world: World) -> None:
    with db.transaction() as s:
        agenda.add_session(s, seminar_id=world.seminar, title="Office hours", start="2021-03-24 09:00",
                           end="2021-03-24 10:00", repeat="FREQ=WEEKLY;UNTIL=20210407T235959")
    cal = _calendar(db, world.seminar)
    master = next(e for e in _events(cal) if "rrule" in e and str(e["summary"]) == "Office hours")
    assert master["rrule"]["UNTIL"] == [dt.datetime(2021, 4, 7, 21, 59, 59, tzinfo=UTC)]
    assert occurrences(cal) == _agenda(db, world.seminar)


def test_location_description_speakers_and_stable_uids(db, world: World, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export_ics(db, first, seminar_id=world.seminar)
    export_ics(db, second, seminar_id=world.seminar)
    cals = [icalendar.Calendar.from_ical(p.read_bytes()) for p in (first, second)]
    uids = [sorted(str(e["uid"]) for e in _events(c)) for c in cals]
    assert uids[0] == uids[1] and len(set(uids[0])) == len(uids[0])
    master = next(e for e in _events(cals[0]) if "rrule" in e)
    assert str(master["location"]) == "Room 1, Online classroom, Barcelona"
    assert "Questions on the assignments" in str(master["description"])
    assert "Speakers: 李佳 (Jia Li)" in str(master["description"])
    banner = next(e for e in _events(cals[0]) if not isinstance(e.decoded("dtstart"), dt.datetime))
    assert (banner.decoded("dtstart"), banner.decoded("dtend")) == (dt.date(2021, 3, 1), dt.date(2021, 5, 1))


def test_a_curriculum_holds_every_seminar(db, world: World, tmp_path: Path) -> None:
    from learninghub.core.services import seminars

    with db.transaction() as s:
        other = seminars.add_seminar(s, curriculum_id=world.curriculum, title="Study visit to Chengdu",
                                     start="2021-06-07", end="2021-06-09", timezone="Asia/Shanghai", city="Chengdu")
        agenda.add_session(s, seminar_id=other.id, title="Welcome", start="2021-06-07 09:00", end="2021-06-07 10:00")
    path = tmp_path / "curriculum.ics"
    count = export_ics(db, path, curriculum_id=world.curriculum)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert count == len(_events(cal))
    assert {str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")} == {"Europe/Madrid", "Asia/Shanghai"}
    welcome = next(e for e in _events(cal) if str(e["summary"]) == "Welcome")
    assert welcome.decoded("dtstart").astimezone(UTC) == dt.datetime(2021, 6, 7, 1, 0, tzinfo=UTC)
    assert {str(e["summary"]) for e in _events(cal)} >= {"Superblocks online course", "Study visit to Chengdu"}


def test_the_same_data_exports_the_same_bytes_in_any_process(db, world: World, tmp_path: Path) -> None:
    """VTIMEZONEs are sorted by zone (icalendar adds them in set order, which differs from one
    process to the next): re-exporting an unchanged programme gives the same file but for DTSTAMP."""
    import os
    import re
    import subprocess
    import sys

    from learninghub.core.services import seminars

    with db.transaction() as s:  # three zones, so an unsorted order shows
        for title, zone in (("Visit to Chengdu", "Asia/Shanghai"), ("Brussels cluster", "Europe/Brussels")):
            made = seminars.add_seminar(s, curriculum_id=world.curriculum, title=title, start="2021-06-07",
                                        end="2021-06-09", timezone=zone)
            agenda.add_session(s, seminar_id=made.id, title="Welcome", start="2021-06-07 09:00",
                               end="2021-06-07 10:00")
    script = ("import sys; from pathlib import Path; from learninghub.core.store import open_database; "
              "from learninghub.exporting.ics import export_ics; "
              "export_ics(open_database(sys.argv[1]), Path(sys.argv[2]), curriculum_id=int(sys.argv[3]))")
    made = []
    for seed in ("1", "2", "3", "4"):
        path = tmp_path / f"{seed}.ics"
        subprocess.run([sys.executable, "-c", script, str(db.target.sqlite_path), str(path), str(world.curriculum)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        made.append(re.sub(rb"DTSTAMP:\S+", b"", path.read_bytes()))
    assert len(set(made)) == 1
    assert re.findall(rb"TZID:([\w/]+)\r\n", made[0]) == [b"Asia/Shanghai", b"Europe/Brussels", b"Europe/Madrid"]


def test_event_status_follows_the_seminar(db, world: World) -> None:
    from learninghub.core.services import seminars

    statuses = {str(e["status"]) for e in _events(_calendar(db, world.seminar))}
    assert statuses == {"TENTATIVE"}  # planned
    with db.transaction() as s:
        seminars.cancel_seminar(s, world.seminar)
    statuses = {str(e["status"]) for e in _events(_calendar(db, world.seminar))}
    assert statuses == {"CANCELLED"}  # calendars that imported it drop every event


def test_seminars_at_the_ends_of_the_calendar_export(db, tmp_path: Path) -> None:
    """Year 0001 and 9999 are allowed dates (validate.py): the calendar must not overflow."""
    from learninghub.core.services import curricula, seminars

    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Edges")
        old = seminars.add_seminar(s, curriculum_id=c.id, title="Year one", start=dt.date(1, 1, 3),
                                   end=dt.date(1, 1, 4), timezone="Europe/Madrid")
        agenda.add_session(s, seminar_id=old.id, title="Daily", start=dt.datetime(1, 1, 3, 12),
                           end=dt.datetime(1, 1, 3, 12, 30), repeat="FREQ=DAILY;COUNT=2")
        new = seminars.add_seminar(s, curriculum_id=c.id, title="Year 9999", start=dt.date(9999, 12, 28),
                                   end=dt.date(9999, 12, 29), timezone="Asia/Shanghai")
        agenda.add_session(s, seminar_id=new.id, title="Last", start=dt.datetime(9999, 12, 29, 10),
                           end=dt.datetime(9999, 12, 29, 11))
        curriculum = c.id
    path = tmp_path / "edges.ics"
    export_ics(db, path, curriculum_id=curriculum)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    starts = sorted(e.decoded("dtstart").isoformat() for e in cal.walk("VEVENT"))
    assert "0001-01-03T12:00:00+00:00" in starts or any(x.startswith("0001-01-03T12:00") for x in starts)
    assert any(x.startswith("9999-12-29T10:00") for x in starts)
