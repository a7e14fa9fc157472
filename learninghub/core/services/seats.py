"""Seats and the waiting list: who holds a seat, who waits, and who moves up when one frees.

Apart from registration.py so that the seminar rules (a raised capacity fills free seats)
and the registration rules both use it without importing each other.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import vocab
from ..messages import QT_TRANSLATE_NOOP, say
from ..models import Registration, RegistrationEvent, Seminar, utcnow
from .common import check_id


def seats_taken(session: Session, seminar_id: int) -> int:
    check_id(seminar_id, "seminar")
    return session.scalar(
        select(func.count(Registration.id)).where(
            Registration.seminar_id == seminar_id,
            Registration.status.in_(vocab.SEAT_HOLDING_STATUSES),
        )
    ) or 0


def is_full(session: Session, seminar: Seminar) -> bool:
    """No seat left: a new seat-holder would go on the waiting list."""
    return seminar.capacity is not None and seats_taken(session, seminar.id) >= seminar.capacity


def record(registration: Registration, old: str | None, new: str, note: str | None) -> None:
    registration.events.append(RegistrationEvent(old_status=old, new_status=new, note=note, at=utcnow()))


def change(session: Session, registration: Registration, new: str, note: str | None) -> None:
    old = registration.status
    if new == "waitlisted" and old != "waitlisted":
        registration.waitlisted_at = utcnow()
    registration.status = new
    record(registration, old, new, note)
    session.flush()


def waiting_list(session: Session, seminar_id: int) -> list[Registration]:
    """The waiting list in order: first come, first served."""
    check_id(seminar_id, "seminar")
    return list(
        session.scalars(
            select(Registration)
            .where(Registration.seminar_id == seminar_id, Registration.status == "waitlisted")
            .order_by(Registration.waitlisted_at, Registration.id)
        )
    )


def fill_free_seats(session: Session, seminar: Seminar, *, reason: str) -> list[Registration]:
    """Promote waiting people, first come first served, while seats are free.

    ``reason`` ends each promoted person's history note; a marked :class:`~..messages.Text`
    (``say(QT_TRANSLATE_NOOP("core", ...))``) lets the interface show it translated."""
    if seminar.status == "cancelled":
        return []
    promoted: list[Registration] = []
    for waiting in waiting_list(session, seminar.id):
        if is_full(session, seminar):
            break
        if waiting.person.erased_at is not None:
            continue  # an erased person cannot take the seat; the next one waiting does
        change(session, waiting, "registered",
                say(QT_TRANSLATE_NOOP("core", "moved up from the waiting list: {reason}"), reason=reason))
        promoted.append(waiting)
    return promoted
