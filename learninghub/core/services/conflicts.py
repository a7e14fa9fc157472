"""Conflict checks across all seminars of all curricula: warnings, never refusals.

A planner may clash on purpose (a talk recorded in advance, one room shared by two small
groups), so these checks only report, naming both sides. Pairs of sessions come from SQL
self-joins whose second side is a range on the ``starts_at`` index: the work grows with the
overlapping pairs, not with the square of all sessions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import CTE, Select, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from .. import timezones, vocab
from ..messages import QT_TRANSLATE_NOOP, Text, say, titled
from ..models import AgendaSession, Person, Registration, Seminar, SessionSpeaker, display_name
from ..reading import Query, run_queries
from .seminars import get_seminar

#: The kinds, in the order they are reported.
KINDS = ("speaker-double-booked", "room-double-booked", "outside-seminar-days", "participant-overlap", "over-capacity")
#: How a registration stands towards its seminar, the seminar's days filled in ("invited to "Park City" (...)").
_STANDING = {
    "invited": lambda days: say(QT_TRANSLATE_NOOP("core", "invited to {seminar}"), seminar=days),
    "registered": lambda days: say(QT_TRANSLATE_NOOP("core", "registered for {seminar}"), seminar=days),
    "confirmed": lambda days: say(QT_TRANSLATE_NOOP("core", "confirmed for {seminar}"), seminar=days),
    "waitlisted": lambda days: say(QT_TRANSLATE_NOOP("core", "on the waiting list for {seminar}"), seminar=days),
    "attended": lambda days: say(QT_TRANSLATE_NOOP("core", "an attendee of {seminar}"), seminar=days),
    "no-show": lambda days: say(QT_TRANSLATE_NOOP("core", "registered for {seminar}"), seminar=days),
}
#: Days of the week as a session's time shows them ("Mon 2020-07-13 09:30").
_WEEKDAYS = (QT_TRANSLATE_NOOP("core", "Mon"), QT_TRANSLATE_NOOP("core", "Tue"), QT_TRANSLATE_NOOP("core", "Wed"),
             QT_TRANSLATE_NOOP("core", "Thu"), QT_TRANSLATE_NOOP("core", "Fri"), QT_TRANSLATE_NOOP("core", "Sat"),
             QT_TRANSLATE_NOOP("core", "Sun"))


@dataclass(frozen=True)
class ConflictItem:
    """One side of a conflict. ``seminar_id`` is None for a person, who belongs to no seminar."""
    type: str  # session | seminar | person | registration
    id: int
    seminar_id: int | None
    label: str


@dataclass(frozen=True)
class Conflict:
    kind: str
    message: Text
    items: tuple[ConflictItem, ...]

    @property
    def id(self) -> str:
        """The same while the same items clash, so a screen can remember a warning it showed."""
        return f"{self.kind}:" + ",".join(f"{t}-{i}" for t, i in sorted((it.type, it.id) for it in self.items))


def conflicts_query(seminar_id: int | None = None) -> Query[list[Conflict]]:
    """Every conflict among live seminars, or those with a side in ``seminar_id``, as a :class:`Query`:
    six statements that depend on nothing but ``seminar_id``, so a page reads them in one round trip."""
    statements = (_live_seminars(), _speaker_rows(seminar_id), _room_rows(seminar_id), _session_rows(seminar_id),
                  _shared_people(seminar_id), _seat_counts(seminar_id))
    return Query(statements, lambda rows: _conflicts(seminar_id, rows))


def find_conflicts(session: Session, seminar_id: int | None = None) -> list[Conflict]:
    """Every conflict among live seminars; with ``seminar_id``, those with a side in that seminar
    (none for a cancelled one; an unknown id is refused)."""
    if seminar_id is not None:
        get_seminar(session, seminar_id)
    return run_queries(session.connection(), [conflicts_query(seminar_id)])[0]


def _conflicts(seminar_id: int | None, rows: list[Any]) -> list[Conflict]:
    live_rows, speakers, rooms, sessions, shared, seats = rows
    live = {row.id: row for row in live_rows}
    if seminar_id is not None and seminar_id not in live:  # cancelled: it clashes with nothing
        return []
    return [*_speakers(speakers, live), *_rooms(rooms, live), *_outside_days(sessions, live),
            *_participants(shared, live, seminar_id), *_over_capacity(seats, live)]


def _live_seminars() -> Select[Any]:
    return select(Seminar.id, Seminar.title, Seminar.title_zh, Seminar.start_date, Seminar.end_date,
                  Seminar.timezone, Seminar.venue, Seminar.capacity).where(Seminar.status != "cancelled")


def seminar_span(seminar: Any) -> tuple[dt.datetime, dt.datetime]:
    """From 00:00 of the first day to 24:00 of the last, in the seminar's own zone, as UTC instants
    (``seminar``: a Seminar or a row with its start_date, end_date and timezone)."""
    tz = timezones.zone(seminar.timezone)
    first = dt.datetime.combine(seminar.start_date, dt.time(), tzinfo=tz)
    after = dt.datetime.combine(seminar.end_date + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return first.astimezone(timezones.UTC), after.astimezone(timezones.UTC)


def _weekday(moment: dt.datetime) -> Text:
    return Text(_WEEKDAYS[moment.weekday()])


def _described(row: Any, seminar: Any) -> Text:
    """A session in plain words, in its own seminar's zone (``row``: a session or a row with its columns)."""
    tz = timezones.zone(seminar.timezone)
    start, end = row.starts_at.astimezone(tz), row.ends_at.astimezone(tz)
    if end.date() == start.date():
        return say(QT_TRANSLATE_NOOP("core", '"{title}" ({seminar}, {weekday} {start}–{end} {zone})'),
                   title=titled(row), seminar=titled(seminar), weekday=_weekday(start), start=f"{start:%Y-%m-%d %H:%M}",
                   end=f"{end:%H:%M}", zone=tz.key)
    return say(QT_TRANSLATE_NOOP("core", '"{title}" ({seminar}, {weekday} {start}–{end_weekday} {end} {zone})'),
               title=titled(row), seminar=titled(seminar), weekday=_weekday(start), start=f"{start:%Y-%m-%d %H:%M}",
               end_weekday=_weekday(end), end=f"{end:%Y-%m-%d %H:%M}", zone=tz.key)


def _days(seminar: Any) -> Text:
    return say(QT_TRANSLATE_NOOP("core", '"{title}" ({first} – {last} {zone})'), title=titled(seminar),
               first=str(seminar.start_date), last=str(seminar.end_date), zone=seminar.timezone)


class _SessionRef(NamedTuple):
    """One side of a pair of sessions, as the pair statements label its columns."""
    id: int
    seminar_id: int
    title: str
    title_zh: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime


def _session_columns(row: Any, side: str) -> _SessionRef:
    return _SessionRef(*(getattr(row, f"{side}_{name}") for name in _SessionRef._fields))


def _labelled(table: Any, side: str) -> list[Any]:
    return [getattr(table, name).label(f"{side}_{name}") for name in _SessionRef._fields]


def _session_item(row: Any) -> ConflictItem:
    return ConflictItem("session", row.id, row.seminar_id, row.title)


def _seminar_item(seminar: Any) -> ConflictItem:
    return ConflictItem("seminar", seminar.id, seminar.id, seminar.title)


def _person_item(person_id: int, name: str) -> ConflictItem:
    return ConflictItem("person", person_id, None, name)


def _key(column: Any) -> Any:
    """How rooms and venues compare. SQLite's lower() folds ASCII only: "Salle É" ≠ "salle é" there."""
    return func.lower(func.trim(column))


def _pairs(seminar_id: int | None, *, same_place: bool = False) -> CTE:
    """Overlapping sessions of live seminars (one of them ``seminar_id``'s), each pair once; with
    ``same_place``, only pairs in one seminar or at one venue (the same venue text and city).

    "``b`` starts while ``a`` runs" finds the pairs of ``a.start < b.end AND b.start < a.end AND
    a.id < b.id`` on a range of the ``starts_at`` index. Made once as a CTE, so that no planner
    starts from a room or person shared by many sessions and compares all their pairs."""
    a, b, sa, sb = aliased(AgendaSession), aliased(AgendaSession), aliased(Seminar), aliased(Seminar)
    overlap = and_(b.starts_at >= a.starts_at, b.starts_at < a.ends_at, a.starts_at < b.ends_at,
                   or_(b.starts_at > a.starts_at, b.id > a.id))
    query = (select(a.id.label("a"), b.id.label("b"), a.moderator_id.label("ma"), b.moderator_id.label("mb"),
                    _key(a.room).label("ra"), _key(b.room).label("rb"))
             .select_from(a).join(b, overlap)
             .join(sa, and_(sa.id == a.seminar_id, sa.status != "cancelled"))
             .join(sb, and_(sb.id == b.seminar_id, sb.status != "cancelled")))
    if seminar_id is not None:
        query = query.where(or_(a.seminar_id == seminar_id, b.seminar_id == seminar_id))
    if same_place:
        query = query.where(or_(a.seminar_id == b.seminar_id, and_(
            _key(sa.venue) == _key(sb.venue), _key(sa.venue) != "", sa.city_id.is_not_distinct_from(sb.city_id))))
    return query.cte("pairs").prefix_with("MATERIALIZED", dialect="postgresql")


def _speaker_rows(seminar_id: int | None) -> Select[Any]:
    """One person speaking or moderating in two sessions at once, in any seminars.

    The overlapping pairs come first; then four joins on the speakers' key, speaker or moderator
    on each side."""
    p = _pairs(seminar_id)
    xa, xb = aliased(SessionSpeaker), aliased(SessionSpeaker)

    def part(person: Any, role_a: str, role_b: str) -> Select[Any]:
        return select(p.c.a, p.c.b, person.label("p"), literal(role_a).label("as_a"),
                      literal(role_b).label("as_b"))

    parts = [
        part(xa.person_id, "speaker", "speaker").join(xa, xa.session_id == p.c.a)
        .join(xb, and_(xb.session_id == p.c.b, xb.person_id == xa.person_id)),
        part(xa.person_id, "speaker", "moderator").join(xa, and_(xa.session_id == p.c.a, xa.person_id == p.c.mb)),
        part(p.c.ma, "moderator", "speaker").join(xb, and_(xb.session_id == p.c.b, xb.person_id == p.c.ma)),
        part(p.c.ma, "moderator", "moderator").where(p.c.ma == p.c.mb),
    ]
    found = union_all(*parts).subquery()
    first, second = aliased(AgendaSession), aliased(AgendaSession)
    return (select(*_labelled(first, "a"), *_labelled(second, "b"), Person.id.label("person_id"),
                   Person.given_name, Person.family_name, Person.native_name, found.c.as_a, found.c.as_b)
            .join(found, found.c.a == first.id).join(second, second.id == found.c.b)
            .join(Person, and_(Person.id == found.c.p, Person.erased_at.is_(None)))
            .order_by(first.starts_at, first.id, second.starts_at, second.id, Person.sort_key, Person.id))


def _speakers(rows: list[Any], live: dict[int, Any]) -> list[Conflict]:
    merged: dict[tuple[int, int, int], tuple[_SessionRef, _SessionRef, str, set[str], set[str]]] = {}
    for row in rows:  # a speaker who also moderates comes twice
        one, two = _session_columns(row, "a"), _session_columns(row, "b")
        name = display_name(row.given_name, row.family_name, row.native_name)
        entry = merged.setdefault((one.id, two.id, row.person_id), (one, two, name, set(), set()))
        entry[3].add(row.as_a)
        entry[4].add(row.as_b)
    conflicts = []
    for (_a, _b, person_id), (one, two, name, roles_a, roles_b) in merged.items():
        speaks_a, speaks_b = "speaker" in roles_a, "speaker" in roles_b
        first, second = _described(one, live[one.seminar_id]), _described(two, live[two.seminar_id])
        if speaks_a and speaks_b:
            message = say(QT_TRANSLATE_NOOP("core", "{person} speaks in {first} and in {second} at the same time"),
                          person=name, first=first, second=second)
        elif speaks_a:
            message = say(QT_TRANSLATE_NOOP(
                "core", "{person} speaks in {first} and moderates {second} at the same time"),
                person=name, first=first, second=second)
        elif speaks_b:
            message = say(QT_TRANSLATE_NOOP(
                "core", "{person} moderates {first} and speaks in {second} at the same time"),
                person=name, first=first, second=second)
        else:
            message = say(QT_TRANSLATE_NOOP("core", "{person} moderates {first} and {second} at the same time"),
                          person=name, first=first, second=second)
        items = (_session_item(one), _session_item(two), _person_item(person_id, name))
        conflicts.append(Conflict("speaker-double-booked", message, items))
    return conflicts


def _room_rows(seminar_id: int | None) -> Select[Any]:
    """One room at one venue (the same seminar, or the same venue text in the same city) booked twice."""
    p = _pairs(seminar_id, same_place=True)
    first, second = aliased(AgendaSession), aliased(AgendaSession)
    return (select(*_labelled(first, "a"), *_labelled(second, "b"), first.room)
            .join(p, p.c.a == first.id).join(second, second.id == p.c.b)
            .where(p.c.ra == p.c.rb, p.c.ra != "").order_by(first.starts_at, first.id, second.starts_at, second.id))


def _rooms(rows: list[Any], live: dict[int, Any]) -> list[Conflict]:
    conflicts = []
    for row in rows:
        first, second = _session_columns(row, "a"), _session_columns(row, "b")
        place = live[first.seminar_id].venue or live[first.seminar_id].title
        message = say(QT_TRANSLATE_NOOP(
            "core", 'room "{room}" at {place} is booked for {first} and for {second} at the same time'),
            room=row.room, place=place, first=_described(first, live[first.seminar_id]),
            second=_described(second, live[second.seminar_id]))
        conflicts.append(Conflict("room-double-booked", message, (_session_item(first), _session_item(second))))
    return conflicts


def _session_rows(seminar_id: int | None) -> Select[Any]:
    rows = select(AgendaSession.id, AgendaSession.seminar_id, AgendaSession.title, AgendaSession.title_zh,
                  AgendaSession.starts_at, AgendaSession.ends_at).order_by(AgendaSession.starts_at, AgendaSession.id)
    return rows if seminar_id is None else rows.where(AgendaSession.seminar_id == seminar_id)


def _outside_days(rows: list[Any], live: dict[int, Any]) -> list[Conflict]:
    """A session (older or imported data) that starts or ends outside its seminar's days."""
    spans = {sid: seminar_span(s) for sid, s in live.items()}
    conflicts = []
    for row in rows:  # one pass in Python: local days of a zone are not SQL
        span = spans.get(row.seminar_id)
        if span is not None and (row.starts_at < span[0] or row.ends_at > span[1]):
            seminar = live[row.seminar_id]
            message = say(QT_TRANSLATE_NOOP("core", "{session} is outside the seminar's days {first} – {last} "
                                            "({zone})"),
                          session=_described(row, seminar), first=str(seminar.start_date),
                          last=str(seminar.end_date), zone=seminar.timezone)
            conflicts.append(Conflict("outside-seminar-days", message, (_session_item(row), _seminar_item(seminar))))
    return conflicts


def _overlapping_seminars(live: dict[int, Any]) -> list[tuple[Any, Any, dt.timedelta]]:
    """Pairs of seminars whose real spans (in UTC) overlap, with by how much: a sweep, not all pairs."""
    spans = {sid: seminar_span(s) for sid, s in live.items()}
    pairs: list[tuple[Any, Any, dt.timedelta]] = []
    running: list[int] = []
    for sid in sorted(spans, key=lambda k: (spans[k][0], k)):
        start, end = spans[sid]
        running = [other for other in running if spans[other][1] > start]
        for other in running:
            pairs.append((live[other], live[sid], min(end, spans[other][1]) - start))
        running.append(sid)
    return pairs


def _amount(delta: dt.timedelta) -> Text:
    hours = delta.total_seconds() / 3600
    if hours < 24:
        return say(QT_TRANSLATE_NOOP("core", "{hours:g} h"), hours=hours)
    if delta.days > 1:
        return say(QT_TRANSLATE_NOOP("core", "{n} days"), n=delta.days)
    return say(QT_TRANSLATE_NOOP("core", "{n} day"), n=delta.days)


def _shared_people(seminar_id: int | None) -> Select[Any]:
    """Registrations (not cancelled, of people not erased) in live seminars of people registered for
    another live seminar too — and, with ``seminar_id``, for that one. Which of their seminars
    overlap in time is worked out in Python (local days of zones are not SQL)."""
    other = aliased(Registration)
    also = select(other.id).join(Seminar, Seminar.id == other.seminar_id).where(
        other.person_id == Registration.person_id, other.seminar_id != Registration.seminar_id,
        other.status != "cancelled", Seminar.status != "cancelled")
    if seminar_id is not None:
        also = also.where(or_(Registration.seminar_id == seminar_id, other.seminar_id == seminar_id))
    return (select(Registration.id, Registration.seminar_id, Registration.status, Person.id.label("person_id"),
                   Person.given_name, Person.family_name, Person.native_name)
            .join(Person, Person.id == Registration.person_id)
            .join(Seminar, Seminar.id == Registration.seminar_id)
            .where(Registration.status != "cancelled", Person.erased_at.is_(None), Seminar.status != "cancelled",
                   also.exists())
            .order_by(Person.sort_key, Person.id))


def _participants(rows: list[Any], live: dict[int, Any], seminar_id: int | None) -> list[Conflict]:
    """A person registered (in any status but cancelled) for two seminars that overlap in time."""
    pairs = [p for p in _overlapping_seminars(live) if seminar_id in (None, p[0].id, p[1].id)]
    by_seminar: dict[int, dict[int, Any]] = {}
    for row in rows:
        by_seminar.setdefault(row.seminar_id, {})[row.person_id] = row
    conflicts = []
    for first, second, overlap in pairs:
        for person_id, reg_a in by_seminar.get(first.id, {}).items():
            if person_id not in by_seminar.get(second.id, {}):
                continue
            reg_b = by_seminar[second.id][person_id]
            name = display_name(reg_a.given_name, reg_a.family_name, reg_a.native_name)
            message = say(QT_TRANSLATE_NOOP("core", "{person} is {first} and {second}, which overlap by {amount}"),
                          person=name, first=_STANDING[reg_a.status](_days(first)),
                          second=_STANDING[reg_b.status](_days(second)), amount=_amount(overlap))
            items = tuple(ConflictItem("registration", r.id, s.id, f"{name} – {s.title} ({r.status})")
                          for r, s in ((reg_a, first), (reg_b, second)))
            conflicts.append(Conflict("participant-overlap", message, (*items, _person_item(person_id, name))))
    return conflicts


def _seat_counts(seminar_id: int | None) -> Select[Any]:
    counts = (select(Registration.seminar_id, func.count(Registration.id).label("taken"))
              .join(Seminar, Seminar.id == Registration.seminar_id)
              .where(Seminar.status != "cancelled", Seminar.capacity.is_not(None),
                     Registration.status.in_(vocab.SEAT_HOLDING_STATUSES))
              .group_by(Registration.seminar_id).order_by(Registration.seminar_id))
    return counts if seminar_id is None else counts.where(Registration.seminar_id == seminar_id)


def _over_capacity(rows: list[Any], live: dict[int, Any]) -> list[Conflict]:
    """More seat-holding registrations than seats (older data, or a capacity lowered later)."""
    return [
        Conflict("over-capacity", say(QT_TRANSLATE_NOOP(
            "core", '"{title}" has {taken} seats taken for a capacity of {capacity} ({excess} too many)'),
            title=live[sid].title, taken=taken, capacity=live[sid].capacity,
            excess=taken - (live[sid].capacity or 0)), (_seminar_item(live[sid]),))
        for sid, taken in rows if taken > (live[sid].capacity or 0)
    ]
