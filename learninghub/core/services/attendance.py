"""Attendance: who was present at which session, and when they checked in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..errors import NotFound, RuleViolation
from ..messages import QT_TRANSLATE_NOOP, say, titled
from ..models import AgendaSession, Attendance, Person, Registration, Seminar, utcnow
from .common import check_id, get_or_refuse
from .people import get_person, require_active
from .registration import StatusChange, change_status, revert_status_change, seats_text
from .seats import is_full

#: The start of the history note a check-in writes (how undoing a check-in recognises its status change).
_CHECKED_IN = "checked in to session"


def check_in(
    session: Session, *, session_id: int, person_id: int, at: dt.datetime | None = None
) -> Attendance:
    """Record that a registered person is present; their registration becomes 'attended'."""
    return check_in_change(session, session_id=session_id, person_id=person_id, at=at)[0]


def _open_session(session: Session, session_id: int, person_id: int) -> tuple[AgendaSession, Person, Seminar]:
    """The session, the person (not erased) and the seminar (not cancelled) a check-in is about."""
    item = get_or_refuse(session, AgendaSession, session_id, "session")
    person = require_active(get_person(session, person_id))
    seminar = item.seminar
    if seminar.status == "cancelled":
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="session",
                            id=seminar.id, title=titled(seminar))
    return item, person, seminar


def check_in_change(
    session: Session, *, session_id: int, person_id: int, at: dt.datetime | None = None
) -> tuple[Attendance, StatusChange | None]:
    """As :func:`check_in`, also returning the status change it made to the registration
    (None: it made none), so an undo can take exactly that back (``take_back_check_in``)."""
    item, person, seminar = _open_session(session, session_id, person_id)
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
    change = None
    if registration.status in ("invited", "registered", "confirmed", "waitlisted", "no-show"):
        change = change_status(session, registration.id, "attended",
                               note=say(QT_TRANSLATE_NOOP("core", "checked in to session {id}"), id=session_id))
    session.flush()
    return record, change


def undo_check_in(session: Session, *, session_id: int, person_id: int) -> None:
    """Remove a check-in; a status it alone made 'attended' goes back ("check-in undone")."""
    undo_check_in_change(session, session_id=session_id, person_id=person_id)


def undo_check_in_change(
    session: Session, *, session_id: int, person_id: int
) -> tuple[dt.datetime, StatusChange | None]:
    """As :func:`undo_check_in`, returning when the person had checked in and the status change
    made to their registration (None: none), so the removal can be taken back exactly
    (``restore_check_in``)."""
    record = _attendance(session, session_id, person_id)
    at, seminar_id = record.checked_in_at, record.session.seminar_id
    session.delete(record)
    session.flush()
    return at, _undo_automatic_attended(session, seminar_id, person_id)


def _attendance(session: Session, session_id: int, person_id: int) -> Attendance:
    check_id(session_id, "session")
    check_id(person_id, "person")
    record = session.scalars(
        select(Attendance).where(Attendance.session_id == session_id, Attendance.person_id == person_id)
    ).first()
    if record is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "person {person} is not checked in to session {id}"),
                       where="attendance", person=person_id, id=session_id)
    return record


def _checked_in_elsewhere(session: Session, seminar_id: int, person_id: int) -> bool:
    """Whether the person has a check-in to any session of the seminar."""
    return session.scalar(
        select(Attendance.id).join(AgendaSession).where(
            AgendaSession.seminar_id == seminar_id, Attendance.person_id == person_id
        ).limit(1)
    ) is not None


def _undo_automatic_attended(session: Session, seminar_id: int, person_id: int) -> StatusChange | None:
    """If that was the person's only check-in and it alone made them 'attended', go back."""
    registration = session.scalars(
        select(Registration).where(Registration.seminar_id == seminar_id, Registration.person_id == person_id)
    ).first()
    if _checked_in_elsewhere(session, seminar_id, person_id) or registration is None \
            or registration.status != "attended":
        return None
    last = registration.events[-1] if registration.events else None
    if last is not None and last.new_status == "attended" and (last.note or "").startswith(_CHECKED_IN):
        return change_status(session, registration.id, last.old_status or "registered",
                             note=say(QT_TRANSLATE_NOOP("core", "check-in undone")))
    return None


def take_back_check_in(
    session: Session, *, session_id: int, person_id: int, change: StatusChange | None
) -> dt.datetime:
    """Take a check-in back exactly: its attendance row goes, and ``change``, the status change
    it made (from :func:`check_in_change`), is reverted with its history rows — unless another
    check-in to the seminar keeps the person 'attended'. Returns when they had checked in.

    Why not :func:`undo_check_in`: that records a new "check-in undone" change, so the history
    would not be as before; an undo must leave no trace. Refused (StaleEdit) when the
    registration was changed since.
    """
    record = _attendance(session, session_id, person_id)
    at, seminar_id = record.checked_in_at, record.session.seminar_id
    session.delete(record)
    session.flush()
    if change is not None and change.changed and not _checked_in_elsewhere(session, seminar_id, person_id):
        revert_status_change(session, change)
    return at


def restore_check_in(
    session: Session, *, session_id: int, person_id: int, at: dt.datetime, change: StatusChange | None
) -> Attendance:
    """Put back a check-in removed by :func:`undo_check_in_change`, at its time, reverting the
    status change that removal made (``change``) with its history rows: the undo of unticking
    someone leaves the data as before the untick. Refused when the seminar was cancelled, the
    person erased, they were checked in again meanwhile, or the registration changed since."""
    item, person, seminar = _open_session(session, session_id, person_id)
    if session.scalars(select(Attendance.id).where(Attendance.session_id == session_id,
                                                   Attendance.person_id == person_id)).first() is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "{name} is already checked in to session {id}"),
                            where="attendance", name=person.display_name, id=session_id)
    record = Attendance(session=item, person=person, checked_in_at=at)
    session.add(record)
    session.flush()
    if change is not None and change.changed:
        revert_status_change(session, change)
    return record


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
