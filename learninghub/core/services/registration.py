"""Registrations: who comes to which seminar, the waiting list, and the history.

A registration holding a seat (registered, confirmed, attended, no-show) counts
against the seminar's capacity. A new seat-holder for a full seminar goes on the
waiting list; a freed seat goes to the first person waiting.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import vocab
from ..errors import RuleViolation
from ..models import Registration, RegistrationEvent, Seminar, utcnow
from .common import check_version, get_or_refuse
from .people import get_person, require_active
from .seminars import get_seminar

#: Statuses a person can be moved to with capacity checked; attendance outcomes are facts.
_CAPACITY_CHECKED = frozenset({"registered", "confirmed"})


def seats_taken(session: Session, seminar_id: int) -> int:
    return session.scalar(
        select(func.count(Registration.id)).where(
            Registration.seminar_id == seminar_id,
            Registration.status.in_(vocab.SEAT_HOLDING_STATUSES),
        )
    ) or 0


def _is_full(session: Session, seminar: Seminar) -> bool:
    return seminar.capacity is not None and seats_taken(session, seminar.id) >= seminar.capacity


def _record(registration: Registration, old: str | None, new: str, note: str | None) -> None:
    registration.events.append(RegistrationEvent(old_status=old, new_status=new, note=note, at=utcnow()))


def _change(session: Session, registration: Registration, new: str, note: str | None) -> None:
    old = registration.status
    if new == "waitlisted" and old != "waitlisted":
        registration.waitlisted_at = utcnow()
    registration.status = new
    _record(registration, old, new, note)
    session.flush()


def register(
    session: Session,
    *,
    seminar_id: int,
    person_id: int,
    status: str = "registered",
    note: str | None = None,
) -> Registration:
    """Register a person, or change the status of their existing registration."""
    status = vocab.check_choice(status, vocab.REGISTRATION_STATUSES, "status")
    seminar = get_seminar(session, seminar_id, for_update=True)
    person = require_active(get_person(session, person_id))
    existing = session.scalars(
        select(Registration).where(Registration.seminar_id == seminar_id, Registration.person_id == person_id)
    ).first()
    if existing is not None:
        if existing.status == status:
            raise RuleViolation(
                f"person {person_id} is already {status} for seminar {seminar_id} (registration {existing.id})",
                where="registration",
            )
        return set_status(session, existing.id, status, note=note)
    if seminar.status == "cancelled":
        raise RuleViolation(f"seminar {seminar_id} '{seminar.title}' is cancelled", where="seminar")
    full = status in _CAPACITY_CHECKED and _is_full(session, seminar)  # counted before adding this one
    registration = Registration(seminar=seminar, person=person, status=status)
    session.add(registration)
    if full:
        registration.status = "waitlisted"
        registration.waitlisted_at = utcnow()
        note = f"seminar full ({seminar.capacity} seats): put on the waiting list"
    elif status == "waitlisted":
        registration.waitlisted_at = utcnow()
    _record(registration, None, registration.status, note)
    session.flush()
    return registration


def get_registration(session: Session, registration_id: int) -> Registration:
    return get_or_refuse(session, Registration, registration_id, "registration")


def set_status(
    session: Session,
    registration_id: int,
    status: str,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> Registration:
    """Move a registration to ``status``; a full seminar waitlists, a freed seat promotes."""
    status = vocab.check_choice(status, vocab.REGISTRATION_STATUSES, "status")
    registration = get_registration(session, registration_id)
    seminar = get_seminar(session, registration.seminar_id, for_update=True)
    # Every status change takes the seminar's lock first (capacity is counted under it);
    # reading the registration again after it sees the latest committed version.
    session.refresh(registration)
    check_version(registration, expected_version, "registration")
    old = registration.status
    if old == status:
        return registration
    if seminar.status == "cancelled" and status != "cancelled":
        raise RuleViolation(f"seminar {seminar.id} '{seminar.title}' is cancelled", where="seminar")
    require_active(registration.person)
    was_seated = old in vocab.SEAT_HOLDING_STATUSES
    if status in _CAPACITY_CHECKED and not was_seated and _is_full(session, seminar):
        if old == "waitlisted":
            raise RuleViolation(
                f"seminar {seminar.id} is full ({seminar.capacity} seats); "
                "the person stays on the waiting list until a seat frees",
                where="status",
            )
        _change(session, registration, "waitlisted", note or f"seminar full ({seminar.capacity} seats)")
        return registration
    _change(session, registration, status, note)
    if was_seated and status not in vocab.SEAT_HOLDING_STATUSES:
        fill_free_seats(session, seminar, reason=f"a seat freed (registration {registration.id} {status})")
    return registration


def waiting_list(session: Session, seminar_id: int) -> list[Registration]:
    """The waiting list in order: first come, first served."""
    return list(
        session.scalars(
            select(Registration)
            .where(Registration.seminar_id == seminar_id, Registration.status == "waitlisted")
            .order_by(Registration.waitlisted_at, Registration.id)
        )
    )


def fill_free_seats(session: Session, seminar: Seminar, *, reason: str) -> list[Registration]:
    """Promote waiting people, first come first served, while seats are free."""
    if seminar.status == "cancelled":
        return []
    promoted: list[Registration] = []
    for waiting in waiting_list(session, seminar.id):
        if _is_full(session, seminar):
            break
        if waiting.person.erased_at is not None:
            continue  # an erased person cannot take the seat; the next one waiting does
        _change(session, waiting, "registered", f"moved up from the waiting list: {reason}")
        promoted.append(waiting)
    return promoted


def list_registrations(
    session: Session,
    *,
    seminar_id: int | None = None,
    person_id: int | None = None,
    status: str | None = None,
) -> list[Registration]:
    query = select(Registration).options(
        selectinload(Registration.person), selectinload(Registration.seminar)
    ).order_by(Registration.seminar_id, Registration.id)
    if seminar_id is not None:
        get_seminar(session, seminar_id)
        query = query.where(Registration.seminar_id == seminar_id)
    if person_id is not None:
        get_person(session, person_id)
        query = query.where(Registration.person_id == person_id)
    if status is not None:
        query = query.where(Registration.status == vocab.check_choice(status, vocab.REGISTRATION_STATUSES, "status"))
    return list(session.scalars(query))


def audience(session: Session, seminar_id: int) -> list[tuple[str, int]]:
    """Who a seminar is for, as its registrations show it: (role, count), largest group first.
    Cancelled registrations and erased people are left out."""
    from ..models import Person

    rows = session.execute(
        select(Person.role, func.count(Registration.id))
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.seminar_id == seminar_id, Registration.status != "cancelled",
               Person.erased_at.is_(None))
        .group_by(Person.role)
    ).all()
    return sorted(((role, count) for role, count in rows), key=lambda rc: (-rc[1], rc[0]))
