"""Agenda sessions of a seminar, entered in the seminar's local time.

A recurring session is an RFC 5545 RRULE expanded in the seminar's *local* zone
(``dateutil.rrule``), so "Tuesdays 14:00 Barcelona" stays 14:00 in Barcelona
across a DST change. Each occurrence becomes its own row, linked to its series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import timezones, validate, vocab
from ..errors import RuleViolation, ValidationError
from ..messages import QT_TRANSLATE_NOOP, Text, say, titled
from ..messages import field as field_name
from ..models import (
    AgendaSession,
    Attendance,
    Person,
    Seminar,
    SessionSeries,
    SessionSpeaker,
)
from .common import UNSET, Cleaner, assign, check_id, check_version, cleaned, get_or_refuse
from .people import get_person, require_active
from .seminars import get_seminar

MAX_OCCURRENCES = 500

#: How each plain field of a session is checked, for adding and editing alike.
SESSION_FIELDS: dict[str, Cleaner] = {
    "title": lambda v: validate.required_text(v, "title", max_len=500),
    "title_zh": lambda v: validate.text(v, "Chinese title", max_len=500),
    "kind": lambda v: vocab.check_choice(v, vocab.SESSION_KINDS, "kind"),
    "room": lambda v: validate.text(v, "room", max_len=200),
    "language": lambda v: validate.text(v, "language", max_len=35),
    "description": lambda v: validate.long_text(v, "description"),
    "description_zh": lambda v: validate.long_text(v, "Chinese description"),
}


def _as_local(value: dt.datetime | str, field: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "give the local time of the seminar's zone, without an offset"), where=field)
        return validate.calendar_day(value, field)
    return validate.calendar_day(timezones.parse_local(value, where=field), field)


def _check_inside(seminar: Seminar, start: dt.datetime, end: dt.datetime, tz: ZoneInfo, where: str) -> None:
    first_day, last_day = timezones.local_days(start, end, tz)
    if first_day < seminar.start_date or last_day > seminar.end_date:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{start}–{end} is outside the seminar's days {first} – {last} ({zone})"),
            where=where, start=f"{start.astimezone(tz):%Y-%m-%d %H:%M}", end=f"{end.astimezone(tz):%Y-%m-%d %H:%M}",
            first=str(seminar.start_date), last=str(seminar.end_date), zone=seminar.timezone,
        )


def _instants(
    seminar: Seminar, local_start: dt.datetime, local_end: dt.datetime, fold: timezones.Fold | None, where: str
) -> tuple[dt.datetime, dt.datetime]:
    tz = timezones.zone(seminar.timezone)
    where_start = say(QT_TRANSLATE_NOOP("field", "{place} start"), "field", place=field_name(where))
    where_end = say(QT_TRANSLATE_NOOP("field", "{place} end"), "field", place=field_name(where))
    start = timezones.to_instant(local_start, tz, fold=fold, where=where_start)
    end = timezones.to_instant(local_end, tz, fold=fold, where=where_end)
    if end <= start:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "ends at {end}, not after it starts at {start}"),
            where=where_end, end=f"{local_end:%Y-%m-%d %H:%M}", start=f"{local_start:%Y-%m-%d %H:%M}",
        )
    _check_inside(seminar, start, end, tz, where)
    return start, end


def _occurrence(day: dt.date) -> Text:
    """Where a refusal points in a repeating session: "occurrence 2020-07-14"."""
    return say(QT_TRANSLATE_NOOP("field", "occurrence {day}"), "field", day=day.isoformat())


def _people(session: Session, ids: Sequence[int], where: str) -> list[Person]:
    if len(set(ids)) != len(ids):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "the same speaker is named twice"), where=where)
    return [require_active(get_person(session, pid), where) for pid in ids]


def _expand(rule: str, local_start: dt.datetime) -> list[dt.datetime]:
    from dateutil.rrule import rrulestr

    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "COUNT=" not in text.upper() and "UNTIL=" not in text.upper():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "a repeat rule needs COUNT= or UNTIL= so it ends"),
                              where="repeat")
    try:
        recurrence = rrulestr(text, dtstart=local_start)
    except (ValueError, TypeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{rule!r} is not an RFC 5545 rule ({detail})"), where="repeat",
                              rule=rule, detail=str(exc)) from None
    occurrences = []
    try:
        for occurrence in recurrence:  # type: ignore[attr-defined]
            if occurrence.tzinfo is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "UNTIL must be a local time without Z"), where="repeat")
            occurrences.append(validate.calendar_day(occurrence, "repeat"))
            if len(occurrences) > MAX_OCCURRENCES:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "the rule makes more than {most} sessions"),
                                      where="repeat", most=MAX_OCCURRENCES)
    except (ValueError, OverflowError):  # dateutil stepping past year 9999
        validate.calendar_day(validate.LAST_DAY + dt.timedelta(days=1), "repeat")
    if not occurrences:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "the rule makes no session at all"), where="repeat")
    return occurrences


def add_session(
    session: Session,
    *,
    seminar_id: int,
    title: str,
    start: dt.datetime | str,
    end: dt.datetime | str,
    kind: str = "talk",
    room: str | None = None,
    language: str | None = None,
    description: str | None = None,
    speaker_ids: Sequence[int] = (),
    moderator_id: int | None = None,
    repeat: str | None = None,
    fold: timezones.Fold | None = None,
    title_zh: str | None = None,
    description_zh: str | None = None,
) -> list[AgendaSession]:
    """Add one session, or every occurrence of ``repeat``; returns the rows made."""
    seminar = get_seminar(session, seminar_id)
    local_start, local_end = _as_local(start, "start"), _as_local(end, "end")
    fields = cleaned(SESSION_FIELDS, title=title, kind=kind, room=room, language=language, description=description,
                     title_zh=title_zh, description_zh=description_zh)
    speakers = _people(session, list(speaker_ids), "speaker")
    moderator = require_active(get_person(session, moderator_id), "moderator") if moderator_id else None
    series = None
    starts = [local_start]
    if repeat:
        starts = _expand(repeat, local_start)
    duration = local_end - local_start
    made: list[AgendaSession] = []
    for occurrence in starts:
        where = _occurrence(occurrence.date()) if repeat else "session"
        begin, finish = _instants(seminar, occurrence, occurrence + duration, fold, where)
        made.append(_new_row(seminar, fields, begin, finish, speakers, moderator))
    if repeat:
        series = SessionSeries(
            seminar_id=seminar.id,
            rrule=repeat.strip(),
            local_start=local_start,
            duration_minutes=int(duration.total_seconds() // 60),
        )
        session.add(series)
        for row in made:
            row.series = series
    session.add_all(made)
    session.flush()
    return made


def _new_row(
    seminar: Seminar,
    fields: dict[str, str | None],
    start: dt.datetime,
    end: dt.datetime,
    speakers: list[Person],
    moderator: Person | None,
) -> AgendaSession:
    row = AgendaSession(seminar=seminar, starts_at=start, ends_at=end, moderator=moderator, **fields)
    row.speaker_links = [SessionSpeaker(person=p, position=i) for i, p in enumerate(speakers)]
    return row


def get_session(session: Session, session_id: int, *, for_update: bool = False) -> AgendaSession:
    """``for_update`` locks the row (PostgreSQL) so a version check made on it holds until commit."""
    return get_or_refuse(session, AgendaSession, session_id, "session", with_for_update=for_update)


def list_sessions(session: Session, seminar_id: int) -> list[AgendaSession]:
    get_seminar(session, seminar_id)
    return list(
        session.scalars(
            select(AgendaSession)
            .options(
                selectinload(AgendaSession.speaker_links).selectinload(SessionSpeaker.person),
                selectinload(AgendaSession.moderator),
            )
            .where(AgendaSession.seminar_id == seminar_id)
            .order_by(AgendaSession.starts_at, AgendaSession.id)
        )
    )


def edit_session(
    session: Session,
    session_id: int,
    *,
    expected_version: int | None = None,
    title: str = UNSET,
    start: dt.datetime | str = UNSET,
    end: dt.datetime | str = UNSET,
    kind: str = UNSET,
    room: str | None = UNSET,
    language: str | None = UNSET,
    description: str | None = UNSET,
    speaker_ids: Sequence[int] = UNSET,
    moderator_id: int | None = UNSET,
    fold: timezones.Fold | None = None,
    title_zh: str | None = UNSET,
    description_zh: str | None = UNSET,
) -> AgendaSession:
    """Change one session (one occurrence, if it belongs to a series)."""
    row = get_session(session, session_id, for_update=True)
    check_version(row, expected_version, "session")
    seminar = row.seminar
    if start is not UNSET or end is not UNSET:
        tz = timezones.zone(seminar.timezone)
        local_start = row.starts_at.astimezone(tz).replace(tzinfo=None) if start is UNSET else _as_local(start, "start")
        local_end = row.ends_at.astimezone(tz).replace(tzinfo=None) if end is UNSET else _as_local(end, "end")
        row.starts_at, row.ends_at = _instants(seminar, local_start, local_end, fold, "session")
    assign(row, cleaned(SESSION_FIELDS, title=title, kind=kind, room=room, language=language, description=description,
                        title_zh=title_zh, description_zh=description_zh))
    if speaker_ids is not UNSET:
        speakers = _people(session, list(speaker_ids), "speaker")
        row.speaker_links.clear()
        session.flush()
        row.speaker_links.extend(SessionSpeaker(person=p, position=i) for i, p in enumerate(speakers))
    if moderator_id is not UNSET:
        row.moderator = require_active(get_person(session, moderator_id), "moderator") if moderator_id else None
    session.flush()
    return row


def delete_session(session: Session, session_id: int, *, force: bool = False) -> None:
    """Delete a session; refused when people checked in to it, unless ``force``."""
    row = get_session(session, session_id)
    present = session.scalar(select(func.count(Attendance.id)).where(Attendance.session_id == session_id)) or 0
    if present and not force:
        if present == 1:
            raise RuleViolation(QT_TRANSLATE_NOOP("core", "{n} person checked in to session {id} '{title}'; "
                                                          "deleting it would lose their attendance"),
                                where="session", n=present, id=session_id, title=titled(row))
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "{n} people checked in to session {id} '{title}'; "
                                                      "deleting it would lose their attendance"),
                            where="session", n=present, id=session_id, title=titled(row))
    session.delete(row)
    session.flush()


def snapshot(session: Session, session_id: int) -> dict[str, object]:
    """A session's values as ``add_session`` takes them (local times), plus its version:
    to duplicate it, or to put it back after a delete is undone."""
    row = get_session(session, session_id)
    tz = timezones.zone(row.seminar.timezone)
    return {
        "seminar_id": row.seminar_id, "title": row.title, "kind": row.kind,
        "start": row.starts_at.astimezone(tz).replace(tzinfo=None),
        "end": row.ends_at.astimezone(tz).replace(tzinfo=None),
        "room": row.room, "language": row.language, "description": row.description,
        "title_zh": row.title_zh, "description_zh": row.description_zh,
        "speaker_ids": [p.id for p in row.speakers], "moderator_id": row.moderator_id, "version": row.version,
        "series_id": row.series_id,
    }


def _time_of_day(value: dt.time | str, where: str) -> dt.time:
    if isinstance(value, dt.time):
        return value
    try:
        return dt.time.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not a time of day (write 14:00)"), where=where,
                              value=value) from None


def series_occurrences(session: Session, series_id: int) -> list[AgendaSession]:
    check_id(series_id, "series")
    return list(session.scalars(
        select(AgendaSession).where(AgendaSession.series_id == series_id).order_by(AgendaSession.starts_at)
    ))


def edit_series(
    session: Session,
    series_id: int,
    *,
    expected_version: int | None = None,
    title: str = UNSET,
    kind: str = UNSET,
    room: str | None = UNSET,
    language: str | None = UNSET,
    description: str | None = UNSET,
    speaker_ids: Sequence[int] = UNSET,
    start_time: dt.time | str = UNSET,
    end_time: dt.time | str = UNSET,
    fold: timezones.Fold | None = None,
    title_zh: str | None = UNSET,
    description_zh: str | None = UNSET,
) -> list[AgendaSession]:
    """Change every remaining occurrence of a series at once (cancelled ones stay cancelled).

    A new start or end time is a local time of day, applied on each occurrence's own
    date in the seminar's zone — so the series keeps its wall-clock hour across DST.
    """
    series = get_or_refuse(session, SessionSeries, series_id, "series")
    check_version(series, expected_version, "series")
    rows = series_occurrences(session, series_id)
    if not rows:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "series {id} has no occurrences left"), where="series",
                            id=series_id)
    plain = cleaned(SESSION_FIELDS, title=title, kind=kind, room=room, language=language, description=description,
                    title_zh=title_zh, description_zh=description_zh)
    speakers = None if speaker_ids is UNSET else _people(session, list(speaker_ids), "speaker")
    seminar = rows[0].seminar
    tz = timezones.zone(seminar.timezone)
    if start_time is not UNSET or end_time is not UNSET:
        first_local = rows[0].starts_at.astimezone(tz)
        begin = first_local.time().replace(tzinfo=None) if start_time is UNSET else _time_of_day(start_time, "start")
        finish = ((first_local + dt.timedelta(minutes=series.duration_minutes)).time().replace(tzinfo=None)
                  if end_time is UNSET else _time_of_day(end_time, "end"))
        length = dt.datetime.combine(dt.date.min, finish) - dt.datetime.combine(dt.date.min, begin)
        if length <= dt.timedelta(0):
            length += dt.timedelta(days=1)  # ends after midnight
        for row in rows:
            day = row.starts_at.astimezone(tz).date()
            local_start = dt.datetime.combine(day, begin)
            row.starts_at, row.ends_at = _instants(seminar, local_start, local_start + length, fold, _occurrence(day))
        series.local_start = dt.datetime.combine(series.local_start.date(), begin)
        series.duration_minutes = int(length.total_seconds() // 60)
    for row in rows:
        assign(row, plain)
        if speakers is not None:
            row.speaker_links.clear()
            session.flush()
            row.speaker_links.extend(SessionSpeaker(person=p, position=i) for i, p in enumerate(speakers))
    session.flush()
    return rows


def cancel_occurrence(session: Session, session_id: int, *, force: bool = False) -> SessionSeries:
    """Cancel one occurrence of a series: its session goes, the series records an EXDATE."""
    row = get_session(session, session_id)
    if row.series_id is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "session {id} '{title}' is not part of a repeating series; delete it instead"),
            where="session", id=session_id, title=titled(row),
        )
    series = get_or_refuse(session, SessionSeries, row.series_id, "series")
    local = row.starts_at.astimezone(timezones.zone(row.seminar.timezone)).replace(tzinfo=None)
    delete_session(session, session_id, force=force)
    series.exdates = " ".join([*series.exdates.split(), exdate_text(local)])
    session.flush()
    return series


def exdate_text(local: dt.datetime) -> str:
    """RFC 5545 basic form of a local time; the year always four digits (strftime gives "1" for 0001)."""
    return f"{local.year:04d}{local:%m%dT%H%M%S}"


def restore_session(session: Session, values: dict[str, object]) -> AgendaSession:
    """Put back a deleted or cancelled session from its :func:`snapshot` (undo). An occurrence
    returns into its series, which forgets that EXDATE; a single session comes back alone."""
    fields = {k: v for k, v in values.items() if k not in ("version", "series_id")}
    row = add_session(session, **fields)[0]  # type: ignore[arg-type]
    series_id = values.get("series_id")
    series = session.get(SessionSeries, series_id) if series_id else None
    if series is not None:
        row.series = series
        local = exdate_text(fields["start"])  # type: ignore[arg-type]
        series.exdates = " ".join(x for x in series.exdates.split() if x != local)
    session.flush()
    return row


def reshape_series(
    session: Session, series_id: int, *, local_start: dt.datetime, duration_minutes: int
) -> SessionSeries:
    """Set a series' first start and length back as they were.

    Why: undoing a whole-series edit of the times puts each occurrence back one by one
    (``edit_session``: occurrences may have had times of their own); this keeps the series
    itself, which new occurrences and exports read, in step with them.
    """
    series = get_or_refuse(session, SessionSeries, series_id, "series")
    series.local_start, series.duration_minutes = local_start, duration_minutes
    session.flush()
    return series


def delete_empty_series(session: Session, series_id: int) -> None:
    """Delete a series none of whose occurrences is left (cancelled or not).

    Why: undoing the adding of a repeating session deletes its sessions; the series they
    were made from must go with them, or an empty series is left behind.
    """
    series = get_or_refuse(session, SessionSeries, series_id, "series")
    if series_occurrences(session, series_id):
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "series {id} still has occurrences"), where="series",
                            id=series_id)
    session.delete(series)
    session.flush()
