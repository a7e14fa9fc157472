"""Calendars as other programs read them. The export is written with `icalendar`; these tests
read it with vobject, which shares no code with it and takes each zone's offsets from the
VTIMEZONE in the file (dateutil's tzical), as Thunderbird's ical.js does, not from the IANA
data. Every occurrence a reader shows must be an instant the database holds, and every instant
the database holds must be shown: the count of mismatching instants is 0."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
import vobject
import vobject.icalendar

from learninghub.core.models import AgendaSession, Curriculum, Seminar
from learninghub.core.services import demo
from learninghub.core.store import Database
from learninghub.documents.language import LANGUAGES
from learninghub.exporting.ics import curriculum_calendar, seminar_calendar

from .conftest import World

UTC = dt.UTC
Shown = Counter[tuple[dt.datetime, dt.datetime]]


def read(data: bytes):  # type: ignore[no-untyped-def]
    """The calendar as vobject reads it, each zone from the file's own VTIMEZONE."""
    # vobject keeps the first VTIMEZONE of a name for the whole process, and falls back on pytz
    # for a TZID the file does not define: start afresh, and check that nothing fell back.
    registry = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    registry["UTC"] = vobject.icalendar.utc
    cal = vobject.readOne(data.decode("utf-8"))
    defined = {str(z.tzid.value) for z in getattr(cal, "vtimezone_list", [])}
    for event in cal.vevent_list:
        for name in ("dtstart", "dtend", "recurrence_id"):
            line = getattr(event, name, None)
            if line is not None and isinstance(line.value, dt.datetime) and line.params.get("TZID"):
                assert line.params["TZID"][0] in defined, f"{name} in a zone the file does not define"
                assert "pytz" not in type(line.value.tzinfo).__module__
    return cal


def shown(data: bytes) -> Shown:
    """Every timed occurrence a reader shows, as (start, end) in UTC: series expanded (RRULE less
    EXDATE), an override (RECURRENCE-ID) instead of the occurrence it replaces."""
    cal = read(data)
    events = [e for e in cal.vevent_list if isinstance(e.dtstart.value, dt.datetime)]
    replaced = {(e.uid.value, e.recurrence_id.value.astimezone(UTC)) for e in events if hasattr(e, "recurrence_id")}
    seen: Shown = Counter()
    for event in events:
        start, end = event.dtstart.value, event.dtend.value
        assert start.tzinfo is not None and end.tzinfo is not None  # never floating
        if hasattr(event, "rrule"):
            for when in event.getrruleset(addRDate=True):
                if (event.uid.value, when.astimezone(UTC)) not in replaced:
                    seen[when.astimezone(UTC), (when + (end - start)).astimezone(UTC)] += 1
        else:
            seen[start.astimezone(UTC), end.astimezone(UTC)] += 1
    return seen


def stored(db: Database, seminar_ids: list[int]) -> Shown:
    from sqlalchemy import select

    with db.reading() as s:
        rows = s.scalars(select(AgendaSession).where(AgendaSession.seminar_id.in_(seminar_ids)))
        return Counter((r.starts_at.astimezone(UTC), r.ends_at.astimezone(UTC)) for r in rows)


def mismatches(db: Database, data: bytes, seminar_ids: list[int]) -> int:
    """Instants stored but not shown plus instants shown but not stored."""
    got, want = shown(data), stored(db, seminar_ids)
    return sum((want - got).values()) + sum((got - want).values())


@pytest.fixture
def demo_hub(db: Database) -> Database:
    with db.transaction() as s:
        demo.load_demo(s)
    return db


def test_every_demo_calendar_read_elsewhere_shows_the_stored_instants(demo_hub: Database) -> None:
    """Each seminar's and each curriculum's calendar, in each language. With every change of
    offset after the first in one comma-separated RDATE, vobject and ical.js took the
    Brussels and Madrid sessions of 2021 for an hour later (84 of 564 occurrences)."""
    from sqlalchemy import select

    with demo_hub.reading() as s:
        seminars = list(s.scalars(select(Seminar.id)))
        curricula = {c.id: [x.id for x in c.seminars] for c in s.scalars(select(Curriculum))}
    assert len(seminars) == 7 and len(curricula) == 2
    occurrences = wrong = 0
    for lang in LANGUAGES:
        with demo_hub.reading() as s:
            files = [(seminar_calendar(s, i, lang), [i]) for i in seminars]
            files += [(curriculum_calendar(s, i, lang), ids) for i, ids in curricula.items()]
        for data, ids in files:
            occurrences += sum(stored(demo_hub, ids).values())
            wrong += mismatches(demo_hub, data, ids)
    assert occurrences == 564
    assert wrong == 0


def _unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def _offset(text: str) -> dt.timedelta:
    sign = -1 if text.startswith("-") else 1
    hours, minutes, seconds = int(text[1:3]), int(text[3:5]), int(text[5:7] or 0)
    return sign * dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _onsets(data: bytes, zone: str) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta]]:
    """(local onset, TZOFFSETFROM, TZOFFSETTO) of every DTSTART and RDATE of the zone's VTIMEZONE,
    read off the text (one value per RDATE line: a list is refused)."""
    lines = _unfolded(data)
    start = lines.index(f"TZID:{zone}")
    end = lines.index("END:VTIMEZONE", start)
    found = []
    part: dict[str, list[str]] = {}
    for line in lines[start + 1:end]:
        if line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            part = {}
        elif line in ("END:STANDARD", "END:DAYLIGHT"):
            for value in {*part["DTSTART"], *part.get("RDATE", [])}:
                found.append((dt.datetime.strptime(value, "%Y%m%dT%H%M%S"), _offset(part["TZOFFSETFROM"][0]),
                              _offset(part["TZOFFSETTO"][0])))
        else:
            name, value = line.split(":", 1)
            assert "," not in value or name == "COMMENT", f"{line}: one value a line"
            part.setdefault(name.split(";")[0], []).append(value)
    return sorted(found)


def test_each_change_of_offset_is_an_rdate_of_its_own_at_the_right_instant(demo_hub: Database) -> None:
    """The Brussels VTIMEZONE of the curriculum lists the changes 2020–2022 one RDATE a line, each
    the instant the clocks change: its local time in the offset before the change (RFC 5545)."""
    from sqlalchemy import select

    with demo_hub.reading() as s:
        brussels_seminar = s.scalars(select(Seminar).where(Seminar.timezone == "Europe/Brussels")).one()
        data = curriculum_calendar(s, brussels_seminar.curriculum_id)
    brussels = ZoneInfo("Europe/Brussels")
    onsets = _onsets(data, "Europe/Brussels")
    changes = [(local, before, after) for local, before, after in onsets if before != after]
    assert len(changes) == 6  # spring and autumn of 2020, 2021 and 2022
    for local, before, after in changes:
        instant = (local - before).replace(tzinfo=UTC)
        assert (instant - dt.timedelta(seconds=1)).astimezone(brussels).utcoffset() == before
        assert instant.astimezone(brussels).utcoffset() == after
    assert (dt.datetime(2021, 3, 28, 2, 0), dt.timedelta(hours=1), dt.timedelta(hours=2)) in changes
    assert (dt.datetime(2021, 10, 31, 3, 0), dt.timedelta(hours=2), dt.timedelta(hours=1)) in changes
    assert not re.search(rb"RDATE[^:\r\n]*:[^\r\n]*,", data)


def test_a_session_in_the_hour_that_comes_twice_is_read_at_its_instant(db: Database, world: World) -> None:
    """02:30 on 31 October 2021 happens twice in Madrid (00:30 and 01:30 UTC), and the app keeps
    which one (fold). Written as a local time, RFC 5545 readers take the first (vobject) and ical.js
    the second; written in UTC, both show the stored instant, in a series as well."""
    from learninghub.core.services import agenda, seminars

    with db.transaction() as s:
        autumn = seminars.add_seminar(s, curriculum_id=world.curriculum, title="Night school", start="2021-10-29",
                                      end="2021-11-02", timezone="Europe/Madrid")
        for fold in ("earlier", "later"):
            agenda.add_session(s, seminar_id=autumn.id, title=f"Night shift ({fold})", start="2021-10-31 02:30",
                               end="2021-10-31 02:50", fold=fold)
        agenda.add_session(s, seminar_id=autumn.id, title="Night watch", start="2021-10-30 02:10",
                           end="2021-10-30 02:20", repeat="FREQ=DAILY;COUNT=3", fold="later")
        semester = autumn.id
    with db.reading() as s:
        data = seminar_calendar(s, semester)
        curriculum = curriculum_calendar(s, world.curriculum)
    want = stored(db, [semester])
    assert dt.datetime(2021, 10, 31, 0, 30, tzinfo=UTC) in {start for start, _ in want}
    assert dt.datetime(2021, 10, 31, 1, 30, tzinfo=UTC) in {start for start, _ in want}
    assert mismatches(db, data, [semester]) == 0
    assert mismatches(db, curriculum, [world.seminar, semester]) == 0


def test_a_location_says_each_place_once(demo_hub: Database) -> None:
    """LOCATION is room, venue and city: the demo's venues name their city ('coordinated from Torino')
    and rooms repeat their venue ('Songdo Convensia, Room 105'); none of it twice."""
    from sqlalchemy import select

    with demo_hub.reading() as s:
        files = [curriculum_calendar(s, i) for i in s.scalars(select(Curriculum.id))]
    everywhere = {e.location.value for data in files for e in read(data).vevent_list if hasattr(e, "location")}
    assert len(everywhere) > 20
    for location in everywhere:
        parts = [p.strip().casefold() for p in location.split(",")]
        assert len(parts) == len(set(parts)), location
    assert "Online (Zoom), coordinated from Torino" in everywhere  # was '…, Torino, Torino'
    assert "Metropolis Secretariat General, Carrer d'Avinyó 15, Barcelona" in everywhere  # was '…, Barcelona, Barcelona'
    assert "meeting room, Metropolis Secretariat General, Carrer d'Avinyó 15, Barcelona" in everywhere
    assert "Room 105, Songdo Convensia, Yeonsu-gu, Incheon (with online participation)" in everywhere
    assert "Departure: Songdo Convensia, main entrance, Yeonsu-gu, Incheon (with online participation)" in everywhere
    assert "Online (Zoom webinar hosted from Brussels)" in everywhere
