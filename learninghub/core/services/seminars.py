"""Seminars: the events of a curriculum, each in its own IANA time zone."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import timezones, validate, vocab
from ..errors import RuleViolation
from ..messages import QT_TRANSLATE_NOOP, say, titled
from ..models import AgendaSession, Seminar, SeminarPartner
from . import places
from .common import UNSET, Cleaner, assign, check_version, cleaned, get_or_refuse
from .curricula import get_curriculum
from .seats import fill_free_seats

#: How each plain field of a seminar is checked, for adding and editing alike.
SEMINAR_FIELDS: dict[str, Cleaner] = {
    "title": lambda v: validate.required_text(v, "title"),
    "title_zh": lambda v: validate.text(v, "Chinese title"),
    "kind": lambda v: vocab.check_choice(v, vocab.SEMINAR_KINDS, "kind"),
    "format": lambda v: vocab.check_choice(v, vocab.SEMINAR_FORMATS, "format"),
    "venue": lambda v: validate.text(v, "venue"),
    "status": lambda v: vocab.check_choice(v, vocab.SEMINAR_STATUSES, "status"),
    "description": lambda v: validate.long_text(v, "description"),
    "description_zh": lambda v: validate.long_text(v, "Chinese description"),
}


def _as_date(value: dt.date | str, field: str) -> dt.date:
    day = value if isinstance(value, dt.date) else timezones.parse_date(value, where=field)
    return validate.calendar_day(day, field)


def _check_days(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "last day {end} is before the first day {start}"), where="end",
                            end=str(end), start=str(start))


def add_seminar(
    session: Session,
    *,
    curriculum_id: int,
    title: str,
    start: dt.date | str,
    end: dt.date | str,
    timezone: str,
    kind: str = "seminar",
    format: str = "onsite",
    venue: str | None = None,
    city: str | None = None,
    country: str | None = None,
    capacity: int | None = None,
    status: str = "planned",
    description: str | None = None,
    title_zh: str | None = None,
    description_zh: str | None = None,
) -> Seminar:
    curriculum = get_curriculum(session, curriculum_id)
    first, last = _as_date(start, "start"), _as_date(end, "end")
    _check_days(first, last)
    seminar = Seminar(
        curriculum=curriculum,
        **cleaned(SEMINAR_FIELDS, title=title, kind=kind, format=format, venue=venue, status=status,
                  description=description, title_zh=title_zh, description_zh=description_zh),
        city=places.city_named(session, city, country),
        timezone=timezones.zone(timezone, where="timezone").key,
        start_date=first,
        end_date=last,
        capacity=validate.capacity(capacity),
    )
    session.add(seminar)
    session.flush()
    return seminar


def get_seminar(session: Session, seminar_id: int, *, for_update: bool = False) -> Seminar:
    return get_or_refuse(session, Seminar, seminar_id, "seminar", with_for_update=for_update)


def list_seminars(session: Session, curriculum_id: int | None = None) -> list[Seminar]:
    query = select(Seminar).options(selectinload(Seminar.city)).order_by(Seminar.start_date, Seminar.id)
    if curriculum_id is not None:
        get_curriculum(session, curriculum_id)
        query = query.where(Seminar.curriculum_id == curriculum_id)
    return list(session.scalars(query))


def _sessions_outside(session: Session, seminar: Seminar, first: dt.date, last: dt.date, zone: str) -> None:
    """Refuse new days or zone that would leave existing sessions outside the seminar."""
    tz = timezones.zone(zone)
    for item in session.scalars(select(AgendaSession).where(AgendaSession.seminar_id == seminar.id)):
        start_day, end_day = timezones.local_days(item.starts_at, item.ends_at, tz)
        if start_day < first or end_day > last:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("core", "session {id} '{title}' on {day} would fall outside "
                                  "{first} – {last}; move or delete it first"),
                where="dates", id=item.id, title=titled(item), day=str(start_day), first=str(first), last=str(last),
            )


def edit_seminar(
    session: Session,
    seminar_id: int,
    *,
    expected_version: int | None = None,
    title: str = UNSET,
    start: dt.date | str = UNSET,
    end: dt.date | str = UNSET,
    timezone: str = UNSET,
    kind: str = UNSET,
    format: str = UNSET,
    venue: str | None = UNSET,
    city: str | None = UNSET,
    country: str | None = None,
    capacity: int | None = UNSET,
    status: str = UNSET,
    description: str | None = UNSET,
    title_zh: str | None = UNSET,
    description_zh: str | None = UNSET,
) -> Seminar:
    """Change the given fields; a larger capacity moves people up from the waiting list."""
    seminar = get_seminar(session, seminar_id, for_update=True)
    check_version(seminar, expected_version, "seminar")
    first = seminar.start_date if start is UNSET else _as_date(start, "start")
    last = seminar.end_date if end is UNSET else _as_date(end, "end")
    zone = seminar.timezone if timezone is UNSET else timezones.zone(timezone, where="timezone").key
    _check_days(first, last)
    if (first, last, zone) != (seminar.start_date, seminar.end_date, seminar.timezone):
        _sessions_outside(session, seminar, first, last, zone)
    seminar.start_date, seminar.end_date, seminar.timezone = first, last, zone
    assign(seminar, cleaned(SEMINAR_FIELDS, title=title, kind=kind, format=format, venue=venue, status=status,
                            description=description, title_zh=title_zh, description_zh=description_zh))
    if city is not UNSET:
        seminar.city = places.city_named(session, city, country)
    if capacity is not UNSET:
        seminar.capacity = validate.capacity(capacity)
        fill_free_seats(session, seminar, reason=say(QT_TRANSLATE_NOOP("core", "capacity raised")))
    session.flush()
    return seminar


def cancel_seminar(session: Session, seminar_id: int) -> Seminar:
    """Mark a seminar cancelled. Its sessions, registrations and attendance stay as history."""
    seminar = get_seminar(session, seminar_id, for_update=True)
    if seminar.status == "cancelled":
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} is already cancelled"), where="seminar",
                            id=seminar_id)
    seminar.status = "cancelled"
    session.flush()
    return seminar


def set_partner(session: Session, seminar_id: int, organisation: str, role: str = "partner") -> SeminarPartner:
    """Add an organiser or partner organisation (or change its role)."""
    seminar = get_seminar(session, seminar_id)
    org = places.organisation_named(session, validate.required_text(organisation, "organisation"))
    assert org is not None
    role = vocab.check_choice(role, vocab.PARTNER_ROLES, "role")
    for link in seminar.partners:
        if link.organisation_id == org.id:
            link.role = role
            session.flush()
            return link
    link = SeminarPartner(seminar=seminar, organisation=org, role=role)
    session.add(link)
    session.flush()
    return link


def remove_partner(session: Session, seminar_id: int, organisation_id: int) -> None:
    seminar = get_seminar(session, seminar_id)
    for link in list(seminar.partners):
        if link.organisation_id == organisation_id:
            seminar.partners.remove(link)
            session.flush()
            return
    raise RuleViolation(QT_TRANSLATE_NOOP("core", "organisation {organisation} is not a partner of seminar {seminar}"),
                        where="organisation", organisation=organisation_id, seminar=seminar_id)
