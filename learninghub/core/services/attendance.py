"""Attendance: who was present at which session, and when they checked in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..errors import NotFound, RuleViolation
from ..messages import QT_TRANSLATE_NOOP, say, titled
from ..models import AgendaSession, Attendance, Registration, utcnow
from .common import get_or_refuse
from .people import get_person, require_active
from .registration import is_full, seats_text, set_status


def check_in(
    session: Session, *, session_id: int, person_id: int, at: dt.datetime | None = None
) -> Attendance:
    """Record that a registered person is present; their registration becomes 'attended'."""
    item = get_or_refuse(session, AgendaSession, session_id, "session")
    person = require_active(get_person(session, person_id))
    seminar = item.seminar
    if seminar.status == "cancelled":
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="session",
                            id=seminar.id, title=titled(seminar))
    registration = session.scalars(
        select(Registration).where(Registration.seminar_id == seminar.id, Registration.person_id == person_id)
    ).first()
    if registration is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{name} has not registered for seminar {id} '{title}'; register them first"),
            where="person", name=person.display_name, id=seminar.id, title=titled(seminar),
        )
    if registration.status == "cancelled":
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{name} has a cancelled registration for seminar {id} '{title}'; "
                                      "register them first"),
            where="person", name=person.display_name, id=seminar.id, title=titled(seminar),
        )
    if registration.status == "waitlisted" and is_full(session, seminar):
        # Checking in takes a seat ("attended"): someone waiting may not push a full seminar over capacity.
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{name} is on the waiting list of seminar {id} '{title}', which is full "
                                      "({seats}); free a seat or raise the capacity first"),
            where="person", name=person.display_name, id=seminar.id, title=titled(seminar),
            seats=seats_text(seminar.capacity),
        )
    already = session.scalars(
        select(Attendance).where(Attendance.session_id == session_id, Attendance.person_id == person_id)
    ).first()
    if already is not None:
        from ..timezones import zone

        local = already.checked_in_at.astimezone(zone(seminar.timezone))
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{name} is already checked in to session {id} (at {time} {zone})"),
            where="attendance", name=person.display_name, id=session_id, time=f"{local:%Y-%m-%d %H:%M}",
            zone=seminar.timezone,
        )
    record = Attendance(session=item, person=person, checked_in_at=at or utcnow())
    session.add(record)
    if registration.status in ("invited", "registered", "confirmed", "waitlisted", "no-show"):
        set_status(session, registration.id, "attended",
                   note=say(QT_TRANSLATE_NOOP("core", "checked in to session {id}"), id=session_id))
    session.flush()
    return record


def undo_check_in(session: Session, *, session_id: int, person_id: int) -> None:
    record = session.scalars(
        select(Attendance).where(Attendance.session_id == session_id, Attendance.person_id == person_id)
    ).first()
    if record is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "person {person} is not checked in to session {id}"),
                       where="attendance", person=person_id, id=session_id)
    seminar_id = record.session.seminar_id
    session.delete(record)
    session.flush()
    _undo_automatic_attended(session, seminar_id, person_id)


def _undo_automatic_attended(session: Session, seminar_id: int, person_id: int) -> None:
    """If that was the person's only check-in and it alone made them 'attended', go back."""
    remaining = session.scalar(
        select(Attendance.id).join(AgendaSession).where(
            AgendaSession.seminar_id == seminar_id, Attendance.person_id == person_id
        ).limit(1)
    )
    registration = session.scalars(
        select(Registration).where(Registration.seminar_id == seminar_id, Registration.person_id == person_id)
    ).first()
    if remaining is not None or registration is None or registration.status != "attended":
        return
    last = registration.events[-1] if registration.events else None
    if last is not None and last.new_status == "attended" and (last.note or "").startswith("checked in to session"):
        set_status(session, registration.id, last.old_status or "registered",
                   note=say(QT_TRANSLATE_NOOP("core", "check-in undone")))


def list_attendance(session: Session, *, session_id: int) -> list[Attendance]:
    get_or_refuse(session, AgendaSession, session_id, "session")
    return list(
        session.scalars(
            select(Attendance)
            .options(selectinload(Attendance.person))
            .where(Attendance.session_id == session_id)
            .order_by(Attendance.checked_in_at, Attendance.id)
        )
    )


@dataclass(frozen=True)
class RosterLine:
    """One person expected at a session: what a check-in list or a sign-in sheet shows."""

    person_id: int
    name: str
    organisation: str | None
    status: str
    present: bool


def roster(session: Session, *, session_id: int) -> list[RosterLine]:
    """Everyone registered to the session's seminar (not cancelled, not erased), by family
    name, with whether they have checked in to this session."""
    item = get_or_refuse(session, AgendaSession, session_id, "session")
    present = set(session.scalars(select(Attendance.person_id).where(Attendance.session_id == session_id)))
    regs = session.scalars(
        select(Registration).options(selectinload(Registration.person))
        .where(Registration.seminar_id == item.seminar_id, Registration.status != "cancelled")
    )
    people = [(r.person, r.status) for r in regs if r.person.erased_at is None]
    people.sort(key=lambda pair: (pair[0].sort_key, pair[0].id))
    return [RosterLine(p.id, p.display_name, p.organisation_name, status, p.id in present) for p, status in people]
