"""Seminars and curricula as iCalendar (RFC 5545) that calendar programs import.

- Times are written in the seminar's own zone (``DTSTART;TZID=Asia/Shanghai``) with a
  VTIMEZONE generated from the IANA data, so a reader in any zone gets the right instant.
- A repeating series is one VEVENT with its RRULE, expanded by the calendar program in
  the seminar's zone (14:00 Barcelona stays 14:00 across DST), as the app does.
- The database keeps one row per occurrence, so the export compares the rows with what
  the rule makes: an occurrence that is gone becomes an EXDATE (whether it was cancelled
  with ``cancel-occurrence`` or deleted), one that was moved or changed on its own becomes
  an override with ``RECURRENCE-ID`` (the rule's original time), one that no rule time
  accounts for is written as a plain event. The calendar thus shows exactly the agenda.
- UIDs are stable (``lh-session-7@…``, ``lh-series-3@…``, ``lh-seminar-2@…``): importing
  a newer export updates the events instead of doubling them.
- The language (``en``, ``zh``, ``en+zh``, as the documents' ``--lang``) chooses the titles
  and descriptions written: the Chinese version where one is set (``title_zh``), both in
  ``en+zh`` ("Title / 标题"). In ``zh`` a text written in Chinese carries the RFC 5545
  ``LANGUAGE=zh-CN`` parameter. ``en`` writes exactly what the export always wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..core import timezones
from ..core.models import AgendaSession, Seminar, SessionSeries, SessionSpeaker
from ..core.services.curricula import get_curriculum
from ..core.services.seminars import get_seminar
from ..core.store import Database
from ..documents.language import EN, LABELS, ZH, DocLanguage, language
from .atomic import atomic_path
from .tables import format_of

UID_DOMAIN = "learninghub-planner"
PRODID = "-//Learning Hub Planner//learninghub//EN"
#: Between the main title and the Chinese one in ``en+zh`` (SUMMARY, X-WR-CALNAME).
TITLE_SEP = " / "
#: Between the main description and the Chinese one in ``en+zh``.
DESCRIPTION_SEP = "\n\n"
#: The RFC 5545 parameter of a text written in Chinese.
CHINESE = {"LANGUAGE": "zh-CN"}
#: Labels of a session's description that the documents have no key for: key -> (English, Chinese).
EXTRA_LABELS: dict[str, tuple[str, str]] = {"language": ("Language", "语言")}


def uid(kind: str, ident: int) -> str:
    return f"lh-{kind}-{ident}@{UID_DOMAIN}"


def seminar_calendar(session: Session, seminar_id: int, lang: str = EN) -> bytes:
    """One seminar's calendar in ``lang`` (en, zh or en+zh)."""
    return _calendar(session, [get_seminar(session, seminar_id)], language(lang))


def curriculum_calendar(session: Session, curriculum_id: int, lang: str = EN) -> bytes:
    """Every seminar of a curriculum in one calendar named after it, in ``lang``."""
    lg = language(lang)
    curriculum = get_curriculum(session, curriculum_id)
    return _calendar(session, list(curriculum.seminars), lg, name=lg.text(curriculum.title, curriculum.title_zh, TITLE_SEP))


def export_ics(db: Database, path: Path, *, seminar_id: int | None = None, curriculum_id: int | None = None,
               lang: str = EN) -> int:
    """Write one seminar's or one curriculum's calendar to ``path`` in ``lang`` (en, zh or en+zh);
    return the number of VEVENTs."""
    format_of(Path(path), ("ics",))
    language(lang)  # refused before the database is read
    with db.reading() as s:
        data = (seminar_calendar(s, seminar_id, lang) if seminar_id is not None
                else curriculum_calendar(s, curriculum_id, lang))  # type: ignore[arg-type]
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(data)
    return data.count(b"BEGIN:VEVENT")


# -- building


def _calendar(session: Session, seminars: Sequence[Seminar], lg: DocLanguage, name: str | None = None) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")  # a published calendar, not an invitation (Outlook asks otherwise)
    cal.add("x-wr-calname", name or (lg.text(seminars[0].title, seminars[0].title_zh, TITLE_SEP) if seminars
                                     else "Learning Hub"))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for seminar in seminars:
        for event in _seminar_events(session, seminar, lg):
            event.add("dtstamp", stamp)
            cal.add_component(event)
    # A VTIMEZONE for every zone used, from the IANA data, sorted by zone: two exports of the same
    # data are the same bytes.
    for tzid in sorted(cal.get_missing_tzids()):
        days = [(s.start_date, s.end_date) for s in seminars if timezones.zone(s.timezone).key == tzid]
        cal.add_component(_vtimezone(tzid, days or [(s.start_date, s.end_date) for s in seminars]))
    cal.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")  # stable: events keep their order
    return cal.to_ical()


# -- parts for others (the mail merge's personal invitations)


def session_events(session: Session, seminar_id: int, zone: str, lang: str = EN) -> list[tuple[int, object]]:
    """(session id, VEVENT) for every session of the seminar, in start order, each a plain event of its own
    (its own UID, no series rule) at its time in ``zone``: what an invitation to some of the sessions
    is made of. No DTSTAMP: the caller adds it, with what else makes the event theirs."""
    seminar = get_seminar(session, seminar_id)
    tz = timezones.zone(zone)
    lg = language(lang)
    rows = session.scalars(
        select(AgendaSession)
        .options(selectinload(AgendaSession.speaker_links).selectinload(SessionSpeaker.person),
                 selectinload(AgendaSession.moderator))
        .where(AgendaSession.seminar_id == seminar_id)
        .order_by(AgendaSession.starts_at, AgendaSession.id))
    return [(row.id, _session_event(row, seminar, tz, uid("session", row.id), lg)) for row in rows]


def vtimezone(zone: str, days: Sequence[tuple[dt.date, dt.date]]):  # type: ignore[no-untyped-def]
    """The VTIMEZONE of ``zone`` covering seminars on ``days`` (first, last), as the exports write it."""
    return _vtimezone(zone, days)


# -- time zones
#
# A VTIMEZONE lists every change of offset of its zone around the seminars, as the IANA data has
# them, each onset an RDATE of its own. Not one comma-separated RDATE: that is valid RFC 5545, but
# ical.js (Thunderbird) and vobject read only its first value, and put every later change in the
# wrong year (Brussels in 2021 an hour late). Not RRULEs either: a rule must be inferred from the
# data and holds only while the zone keeps it; listed changes are exact whatever the zone did.

_DAY, _SECOND = dt.timedelta(days=1), dt.timedelta(seconds=1)
#: The local days a VTIMEZONE may span: seminars lie in 0001-01-03 … 9999-12-29 (validate.py),
#: and a zone's offset must keep the UTC instants inside datetime's range.
_FIRST_DAY, _LAST_DAY = dt.date(1, 1, 2), dt.date(9999, 12, 30)

#: What a zone's clocks say at an instant: (UTC offset, daylight saving time?, abbreviation).
_State = tuple[dt.timedelta, bool, str]


def _windows(days: Sequence[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The local days a zone's VTIMEZONE covers: from 1 January of the year before each seminar
    to 1 January two years after it, overlapping spans merged."""
    spans = sorted((max(dt.date(max(first.year - 1, 1), 1, 1), _FIRST_DAY),
                    dt.date(last.year + 2, 1, 1) if last.year + 2 <= 9999 else _LAST_DAY)
                   for first, last in days)
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _state(tz: ZoneInfo, instant: dt.datetime) -> _State:
    local = instant.astimezone(tz)
    return local.utcoffset(), bool(local.dst()), local.tzname() or ""  # type: ignore[return-value]


def _onsets(tz: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, _State, _State]]:
    """(instant, state before, state after) for ``start`` (before = after) and every change of the
    zone's offset or abbreviation up to ``end`` (UTC instants), to the second. Looked for day by
    day, then halved: two changes within one day that undo each other would not be seen."""
    state = _state(tz, start)
    found = [(start, state, state)]
    at = start
    while at < end:
        step = min(at + _DAY, end)
        if _state(tz, step) == state:
            at = step
            continue
        low, high = at, step  # the change is in (low, high]
        while high - low > _SECOND:
            middle = low + (high - low) // _SECOND // 2 * _SECOND
            low, high = (middle, high) if _state(tz, middle) == state else (low, middle)
        after = _state(tz, high)
        found.append((high, state, after))
        state, at = after, high
    return found


def _vtimezone(name: str, days: Sequence[tuple[dt.date, dt.date]]):  # type: ignore[no-untyped-def]
    """The VTIMEZONE of zone ``name`` for seminars on ``days`` (first, last): one STANDARD or
    DAYLIGHT per kind of change, its first onset the DTSTART and, when there are more, every
    onset an RDATE line of its own, the first included (ical.js drops a DTSTART that RDATEs
    follow; RFC 5545 counts a repeated one once). An onset is written as RFC 5545 says: the local
    time in the offset *before* the change (02:00 for the spring change of Europe/Madrid, 03:00
    for the autumn one)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = timezones.zone(name)
    kinds: dict[tuple[dt.timedelta, _State], list[dt.datetime]] = {}
    for first, last in _windows(days):
        start, end = (dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC) for day in (first, last))
        for instant, before, after in _onsets(tz, start, end):
            kinds.setdefault((before[0], after), []).append((instant + before[0]).replace(tzinfo=None))
    vtimezone = Timezone()
    vtimezone.add("tzid", name)
    for (offset_from, (offset_to, daylight, abbreviation)), onsets in sorted(kinds.items(), key=lambda k: k[1][0]):
        part = TimezoneDaylight() if daylight else TimezoneStandard()
        part.add("dtstart", onsets[0])
        for onset in onsets if len(onsets) > 1 else ():
            part.add("rdate", onset)
        if abbreviation:
            part.add("tzname", abbreviation)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        vtimezone.add_component(part)
    return vtimezone


def _location(seminar: Seminar, room: str | None = None) -> str:
    """Room, venue and city, nothing said twice: the room without the parts the venue has already
    ('Songdo Convensia, Room 105' at 'Songdo Convensia, Yeonsu-gu, Incheon' is 'Room 105'), the
    venue without the parts the room names ('Departure: Songdo Convensia, main entrance' is
    followed by 'Yeonsu-gu, Incheon'), the city only when neither names it ('Online (Zoom),
    coordinated from Torino' needs no ', Torino')."""
    venue = _parts(seminar.venue)
    said = {_same(part) for part in venue}
    rooms = [part for part in _parts(room) if _same(part) not in said]
    parts = rooms + [part for part in venue if not any(_names(r, part) for r in rooms)]
    city = seminar.city.name if seminar.city else None
    if city and not any(_names(part, city) for part in parts):
        parts.append(city)
    return ", ".join(parts)


def _parts(text: str | None) -> list[str]:
    """'Songdo Convensia, Room 105' -> ['Songdo Convensia', 'Room 105']."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _same(text: str) -> str:
    """What two spellings of one place have alike: case and runs of spaces aside."""
    return " ".join(text.casefold().split())


def _names(text: str, place: str) -> bool:
    """Whether ``text`` names ``place`` in words of their own ('from Torino' names Torino,
    'Torinese' does not)."""
    return re.search(rf"(?<!\w){re.escape(_same(place))}(?!\w)", _same(text)) is not None


def _add_text(event, name: str, lg: DocLanguage, main: str | None, zh: str | None, sep: str,  # type: ignore[no-untyped-def]
              extra: Sequence[str] = ()) -> None:
    """Add ``name`` (SUMMARY, DESCRIPTION) with the field's text in ``lg``, then ``extra`` lines;
    marked ``LANGUAGE=zh-CN`` when the language is Chinese and so is the text (the Chinese
    version, or no main text at all beside the Chinese labels of ``extra``). English writes the
    main text only, as the export always did."""
    if lg.code == EN:
        zh = None
    text = "\n".join(x for x in (lg.text(main, zh, sep), *extra) if x)
    if not text:
        return
    if lg.code == ZH and (zh or not main):
        event.add(name, text, parameters=CHINESE)
    else:
        event.add(name, text)


def _seminar_events(session: Session, seminar: Seminar, lg: DocLanguage) -> list:  # type: ignore[type-arg]
    from icalendar import Event

    tz = timezones.zone(seminar.timezone)
    day = Event()
    day.add("uid", uid("seminar", seminar.id))
    _add_text(day, "summary", lg, seminar.title, seminar.title_zh, TITLE_SEP)
    day.add("dtstart", seminar.start_date)
    day.add("dtend", seminar.end_date + dt.timedelta(days=1))  # DTEND of a date is exclusive
    day.add("transp", "TRANSPARENT")  # the whole-days banner does not block time
    if location := _location(seminar):
        day.add("location", location)
    _add_text(day, "description", lg, seminar.description, seminar.description_zh, DESCRIPTION_SEP)
    _status(day, seminar)
    events = [day]
    rows = list(session.scalars(
        select(AgendaSession)
        .options(selectinload(AgendaSession.speaker_links).selectinload(SessionSpeaker.person),
                 selectinload(AgendaSession.moderator), selectinload(AgendaSession.series))
        .where(AgendaSession.seminar_id == seminar.id)
        .order_by(AgendaSession.starts_at, AgendaSession.id)
    ))
    by_series: dict[int, list[AgendaSession]] = {}
    for row in rows:
        if row.series_id is None:
            events.append(_session_event(row, seminar, tz, uid("session", row.id), lg))
        else:
            by_series.setdefault(row.series_id, []).append(row)
    for series_rows in by_series.values():
        events.extend(_series_events(series_rows[0].series, series_rows, seminar, tz, lg))  # type: ignore[arg-type]
    return events


#: A seminar's status as iCalendar's: a planned seminar is tentative until it is confirmed.
EVENT_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def _status(event, seminar: Seminar) -> None:  # type: ignore[no-untyped-def]
    event.add("status", EVENT_STATUS.get(seminar.status, "CONFIRMED"))


def _local(instant: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """An instant as a zone-aware local time, written by icalendar as ``TZID=zone:local``; in UTC
    when that local time comes twice (the autumn hour): readers take a different one of the two
    (RFC 5545 and vobject the first, ical.js the second), UTC is read alike by all."""
    local = instant.astimezone(tz)
    return instant.astimezone(dt.UTC) if _repeated(local.replace(tzinfo=None), tz) else local


def _repeated(local: dt.datetime, tz: ZoneInfo) -> bool:
    """Whether the naive wall-clock time ``local`` happens twice in ``tz`` (the clocks went back)."""
    times = [local.replace(tzinfo=tz, fold=fold) for fold in (0, 1)]
    return (times[0].utcoffset() != times[1].utcoffset()
            and all(t.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) == local for t in times))


def _label(lg: DocLanguage, key: str) -> str:
    """'Speakers: ', '发言人：' or 'Speakers / 发言人: ' (a label of the documents, or of EXTRA_LABELS)."""
    if key in LABELS:
        text = lg.label(key)
    else:
        en, zh = EXTRA_LABELS[key]
        text = en if lg.code == EN else zh if lg.code == ZH else f"{en} / {zh}"
    return f"{text}{lg.colon()}" if lg.code == ZH else f"{text}{lg.colon()} "


def _details(row: AgendaSession, lg: DocLanguage) -> list[str]:
    """The lines under a session's description: speakers, moderator, language."""
    lines = []
    if row.speakers:
        lines.append(_label(lg, "speakers") + lg.list_sep().join(p.display_name for p in row.speakers))
    if row.moderator is not None:
        lines.append(_label(lg, "moderator") + row.moderator.display_name)
    if row.language:
        lines.append(_label(lg, "language") + row.language)
    return lines


def _session_event(row: AgendaSession, seminar: Seminar, tz: ZoneInfo, ident: str,  # type: ignore[no-untyped-def]
                   lg: DocLanguage):
    from icalendar import Event

    event = Event()
    event.add("uid", ident)
    _add_text(event, "summary", lg, row.title, row.title_zh, TITLE_SEP)
    event.add("dtstart", _local(row.starts_at, tz))
    event.add("dtend", _local(row.ends_at, tz))
    if location := _location(seminar, row.room):
        event.add("location", location)
    _add_text(event, "description", lg, row.description, row.description_zh, DESCRIPTION_SEP, _details(row, lg))
    event.add("categories", [row.kind])
    _status(event, seminar)
    return event


# -- series


def _signature(row: AgendaSession) -> tuple[object, ...]:
    """What must be equal for an occurrence to be just "the rule's" occurrence (in every
    language: an occurrence whose Chinese title alone changed is an override too)."""
    return (row.title, row.title_zh, row.kind, row.room, row.language, row.description, row.description_zh,
            row.moderator_id, tuple(p.id for p in row.speakers), row.ends_at - row.starts_at)


def _rule_times(series: SessionSeries) -> list[dt.datetime]:
    from dateutil.rrule import rrulestr

    text = series.rrule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return list(rrulestr(text, dtstart=series.local_start))  # type: ignore[call-overload]


def _ics_rule(series: SessionSeries, tz: ZoneInfo):  # type: ignore[no-untyped-def]
    """The stored rule for iCalendar: UNTIL, kept in local time in the app, becomes UTC
    (RFC 5545 requires UTC when DTSTART has a TZID)."""
    from icalendar import vRecur

    text = series.rrule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    rule = vRecur.from_ical(text)
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if isinstance(until, dt.datetime):
            local = until if until.tzinfo is None else until.astimezone(tz).replace(tzinfo=None)
        else:
            local = dt.datetime.combine(until, dt.time(23, 59, 59))
        rule["UNTIL"] = [local.replace(tzinfo=tz).astimezone(dt.UTC)]
    return rule


def _pair(series: SessionSeries, rows: list[AgendaSession], tz: ZoneInfo):  # type: ignore[no-untyped-def]
    """Match rows to the rule's local times: exact time first, then the rest in order.

    Returns (pairs of (rule time, row), rule times with no row, rows with no rule time).
    """
    expected = _rule_times(series)
    cancelled = set(series.cancelled_occurrences)
    local_of = {row.id: row.starts_at.astimezone(tz).replace(tzinfo=None) for row in rows}
    free = {local_of[row.id]: row for row in reversed(rows)}  # the earliest row wins a tie
    pairs: dict[dt.datetime, AgendaSession] = {}
    for when in expected:
        row = free.get(when)
        if row is not None and when not in cancelled:
            pairs[when] = row
            del free[when]
    paired_ids = {row.id for row in pairs.values()}
    left_rows = [row for row in rows if row.id not in paired_ids]
    left_times = [t for t in expected if t not in pairs and t not in cancelled]
    for when, row in zip(left_times, list(left_rows)):
        pairs[when] = row
        left_rows.remove(row)
    gone = [t for t in expected if t not in pairs]
    return sorted(pairs.items()), gone, left_rows


def _series_events(series: SessionSeries, rows: list[AgendaSession], seminar: Seminar, tz: ZoneInfo,
                   lg: DocLanguage) -> list:  # type: ignore[type-arg]
    expected = _rule_times(series)
    if not expected:
        return [_session_event(r, seminar, tz, uid("session", r.id), lg) for r in rows]
    pairs, gone, strays = _pair(series, rows, tz)
    if not pairs:
        return [_session_event(r, seminar, tz, uid("session", r.id), lg) for r in strays]
    master_sig = Counter(_signature(row) for _, row in pairs).most_common(1)[0][0]
    template = next(row for _, row in pairs if _signature(row) == master_sig)
    ident = uid("series", series.id)
    first = expected[0].replace(tzinfo=tz)
    master = _session_event(template, seminar, tz, ident, lg)
    del master["dtstart"], master["dtend"]
    master.add("dtstart", first)
    master.add("dtend", (expected[0] + master_sig[-1]).replace(tzinfo=tz))  # type: ignore[operator]
    master.add("rrule", _ics_rule(series, tz))
    if gone:
        master.add("exdate", [t.replace(tzinfo=tz) for t in gone])
    events = [master]
    for when, row in pairs:
        local = row.starts_at.astimezone(tz).replace(tzinfo=None)
        if local == when and _signature(row) == master_sig and not _repeated(when, tz):
            continue  # the rule's own (a time that comes twice is an override: its DTSTART in UTC)
        override = _session_event(row, seminar, tz, ident, lg)
        override.add("recurrence-id", when.replace(tzinfo=tz))
        events.append(override)
    events.extend(_session_event(r, seminar, tz, uid("session", r.id), lg) for r in strays)
    return events
