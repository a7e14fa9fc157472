"""Registrations: who comes to which seminar, the waiting list, and the history.

A registration holding a seat (registered, confirmed, attended, no-show) counts
against the seminar's capacity. A new seat-holder for a full seminar goes on the
waiting list; a freed seat goes to the first person waiting.

Undo: ``register_change`` and ``change_status`` return a :class:`StatusChange` saying
exactly what they did (the promotions included); ``revert_status_change`` takes it
back, and ``unregister`` removes a registration made by mistake. A change taken back
did not happen: its history rows go with it (see ``revert_status_change``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import vocab
from ..errors import RuleViolation
from ..messages import QT_TRANSLATE_NOOP, Text, say, titled, word
from ..models import (
    AgendaSession,
    Attendance,
    Certificate,
    Registration,
    utcnow,
)
from .common import check_id, check_version, get_or_refuse
from .people import get_person, require_active
from .seats import change as _change
from .seats import fill_free_seats, is_full, waiting_list
from .seats import record as _record
from .seminars import get_seminar

#: Statuses a person can be moved to with capacity checked; attendance outcomes are facts.
_CAPACITY_CHECKED = frozenset({"registered", "confirmed"})


@dataclass(frozen=True)
class Promotion:
    """Someone moved up from the waiting list by a change, and where they stood before."""

    registration_id: int
    waitlisted_at: dt.datetime | None
    version: int  # the row's version right after the promotion
    event_id: int


@dataclass(frozen=True)
class StatusChange:
    """What one registration or status change did, exactly enough to take it back.

    ``old_status`` is None when the change created the registration. ``new_status`` is
    what the registration became (``waitlisted`` when a full seminar decided so), and
    ``promoted`` the people a freed seat moved up, first come first served.
    """

    registration_id: int
    old_status: str | None
    new_status: str
    old_waitlisted_at: dt.datetime | None
    version: int  # the registration's version right after the change
    event_ids: tuple[int, ...]
    promoted: tuple[Promotion, ...] = ()
    capacity: int | None = None  # the seminar's, when the change was made


    @property
    def changed(self) -> bool:
        return bool(self.event_ids)


def register(
    session: Session,
    *,
    seminar_id: int,
    person_id: int,
    status: str = "registered",
    note: str | None = None,
) -> Registration:
    """Register a person, or change the status of their existing registration."""
    change = register_change(session, seminar_id=seminar_id, person_id=person_id, status=status, note=note)
    return get_registration(session, change.registration_id)


def register_change(
    session: Session,
    *,
    seminar_id: int,
    person_id: int,
    status: str = "registered",
    note: str | None = None,
) -> StatusChange:
    """As :func:`register`, returning what it did (for undo)."""
    status = vocab.check_choice(status, vocab.REGISTRATION_STATUSES, "status")
    seminar = get_seminar(session, seminar_id, for_update=True)
    person = require_active(get_person(session, person_id))
    existing = session.scalars(
        select(Registration).where(Registration.seminar_id == seminar_id, Registration.person_id == person_id)
    ).first()
    if existing is not None:
        if existing.status == status:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("core", "person {person} is already {status} for seminar {seminar} "
                                          "(registration {registration})"),
                where="registration", person=person_id, status=_status_word(status), seminar=seminar_id,
                registration=existing.id,
            )
        return change_status(session, existing.id, status, note=note)
    if seminar.status == "cancelled":
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="seminar",
                            id=seminar_id, title=titled(seminar))
    full = status in _CAPACITY_CHECKED and is_full(session, seminar)  # counted before adding this one
    registration = Registration(seminar=seminar, person=person, status=status)
    session.add(registration)
    if full:
        registration.status = "waitlisted"
        registration.waitlisted_at = utcnow()
        note = full_note(seminar.capacity)
    elif status == "waitlisted":
        registration.waitlisted_at = utcnow()
    _record(registration, None, registration.status, note)
    session.flush()
    return StatusChange(registration.id, None, registration.status, None, registration.version,
                        (registration.events[-1].id,), capacity=seminar.capacity)


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
    change = change_status(session, registration_id, status, note=note, expected_version=expected_version)
    return get_registration(session, change.registration_id)


def change_status(
    session: Session,
    registration_id: int,
    status: str,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> StatusChange:
    """As :func:`set_status`, returning what it did, the promotions it caused included (for undo)."""
    status = vocab.check_choice(status, vocab.REGISTRATION_STATUSES, "status")
    registration = get_registration(session, registration_id)
    seminar = get_seminar(session, registration.seminar_id, for_update=True)
    # Every status change takes the seminar's lock first (capacity is counted under it);
    # reading the registration again after it sees the latest committed version.
    session.refresh(registration)
    check_version(registration, expected_version, "registration")
    old, old_waitlisted_at = registration.status, registration.waitlisted_at
    if old == status:
        return StatusChange(registration.id, old, old, old_waitlisted_at, registration.version, (),
                            capacity=seminar.capacity)
    if seminar.status == "cancelled" and status != "cancelled":
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="seminar",
                            id=seminar.id, title=titled(seminar))
    require_active(registration.person)
    was_seated = old in vocab.SEAT_HOLDING_STATUSES
    promoted: list[Promotion] = []
    if status in vocab.SEAT_HOLDING_STATUSES and status not in _CAPACITY_CHECKED and not was_seated \
            and is_full(session, seminar):
        # "attended" / "no-show" take a seat too: set by hand, they may not push a full seminar over capacity
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is full ({seats}); {name} has no seat to be "
                                      "marked {status}: free a seat or raise the capacity first"),
            where="status", id=seminar.id, title=titled(seminar), seats=seats_text(seminar.capacity),
            name=registration.person.display_name, status=_status_word(status),
        )
    if status in _CAPACITY_CHECKED and not was_seated and is_full(session, seminar):
        if old == "waitlisted":
            raise RuleViolation(
                QT_TRANSLATE_NOOP("core", "seminar {id} is full ({seats}); "
                                          "the person stays on the waiting list until a seat frees"),
                where="status", id=seminar.id, seats=seats_text(seminar.capacity),
            )
        _change(session, registration, "waitlisted",
                note or say(QT_TRANSLATE_NOOP("core", "seminar full ({seats})"), seats=seats_text(seminar.capacity)))
    else:
        _change(session, registration, status, note)
        if was_seated and status not in vocab.SEAT_HOLDING_STATUSES:
            waiting_since = {r.id: r.waitlisted_at for r in waiting_list(session, seminar.id)}
            reason = say(QT_TRANSLATE_NOOP("core", "a seat freed (registration {id} {status})"),
                         id=registration.id, status=_status_word(status))
            moved = fill_free_seats(session, seminar, reason=reason)
            promoted = [Promotion(r.id, waiting_since[r.id], r.version, r.events[-1].id) for r in moved]
    return StatusChange(registration.id, old, registration.status, old_waitlisted_at, registration.version,
                        (registration.events[-1].id,), tuple(promoted), seminar.capacity)


def revert_status_change(session: Session, change: StatusChange) -> Registration | None:
    """Take ``change`` back exactly: the person returns to their old status and place on
    the waiting list, and everyone the change promoted goes back to the waiting list in
    their former order. Returns the registration (None when the change created it: it
    is removed, as :func:`unregister` does).

    Refused (StaleEdit) when any row involved was changed since, by anyone: undo never
    overwrites a later change. Refused (RuleViolation) when giving the seat back would
    exceed the seminar's capacity (a seat taken since by someone new), and when the
    capacity itself changed since: the waiting list the change left was decided under the
    new capacity, and putting people back on it would keep them waiting for free seats.

    History: the rows the change added are removed, not answered with "undone" rows.
    The history says what happened to a registration; a change taken back at once did
    not happen to it, and the version checks ensure nothing happened after it.
    """
    registration = get_registration(session, change.registration_id)
    seminar = get_seminar(session, registration.seminar_id, for_update=True)
    session.refresh(registration)
    check_version(registration, change.version, "registration")
    if change.old_status is None:
        unregister(session, registration.id, expected_version=change.version)
        return None
    if not change.changed:
        return registration
    if seminar.capacity != change.capacity:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "the capacity of seminar {id} '{title}' changed since ({then} then, {now} now); "
                                      "the change of registration {registration} cannot be taken back"),
            where="capacity", id=seminar.id, title=titled(seminar), then=seats_text(change.capacity),
            now=seats_text(seminar.capacity), registration=registration.id,
        )
    promoted: list[tuple[Registration, Promotion]] = []
    for promotion in change.promoted:
        row = get_registration(session, promotion.registration_id)
        session.refresh(row)
        check_version(row, promotion.version, "registration")
        promoted.append((row, promotion))
    if change.old_status != "cancelled":
        if seminar.status == "cancelled":
            raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="seminar",
                                id=seminar.id, title=titled(seminar))
        require_active(registration.person)
    for row, promotion in promoted:
        row.status, row.waitlisted_at = "waitlisted", promotion.waitlisted_at
        _drop_events(session, row, (promotion.event_id,))
    session.flush()
    gets_seat = change.old_status in vocab.SEAT_HOLDING_STATUSES and change.new_status not in vocab.SEAT_HOLDING_STATUSES
    if gets_seat and is_full(session, seminar):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is full ({seats}) since the change; "
                                      "registration {registration} ({name}) cannot get its seat back"),
            where="capacity", id=seminar.id, title=titled(seminar), seats=seats_text(seminar.capacity),
            registration=registration.id,
            name=registration.person.display_name,
        )
    registration.status, registration.waitlisted_at = change.old_status, change.old_waitlisted_at
    _drop_events(session, registration, change.event_ids)
    session.flush()
    return registration


def send_back_to_waiting_list(session: Session, seminar_id: int, promotions: tuple[Promotion, ...]) -> None:
    """Put the people ``promotions`` moved up back on the waiting list, each at their former
    place, the promotion's history row removed.

    Why: raising a seminar's capacity promotes people waiting (``seminars.edit_seminar``);
    undoing the raise must send them back, or the seminar stays over its old capacity.
    Refused (StaleEdit) when any of them was changed since: undo overwrites nobody's change.
    """
    get_seminar(session, seminar_id, for_update=True)
    rows = []
    for promotion in promotions:
        row = get_registration(session, promotion.registration_id)
        session.refresh(row)
        check_version(row, promotion.version, "registration")
        rows.append((row, promotion))
    for row, promotion in rows:
        row.status, row.waitlisted_at = "waitlisted", promotion.waitlisted_at
        _drop_events(session, row, (promotion.event_id,))
    session.flush()


def seats_text(capacity: int | None) -> Text:
    """'1 seat', '27 seats', 'no limit'."""
    if capacity is None:
        return say(QT_TRANSLATE_NOOP("core", "no limit"))
    if capacity == 1:
        return say(QT_TRANSLATE_NOOP("core", "{n} seat"), n=capacity)
    return say(QT_TRANSLATE_NOOP("core", "{n} seats"), n=capacity)


def full_note(capacity: int | None) -> Text:
    """The history note of someone put on the waiting list because the seminar was full."""
    return say(QT_TRANSLATE_NOOP("core", "seminar full ({seats}): put on the waiting list"), seats=seats_text(capacity))


def _status_word(status: str) -> Text:
    """A registration status in a message: the code in English, the translated label otherwise."""
    return word("RegistrationStatus", vocab.REGISTRATION_STATUSES[status], status)


def _drop_events(session: Session, registration: Registration, event_ids: tuple[int, ...]) -> None:
    for event in [e for e in registration.events if e.id in event_ids]:
        registration.events.remove(event)  # delete-orphan: the row goes


def unregister(session: Session, registration_id: int, *, expected_version: int | None = None) -> list[Registration]:
    """Remove a registration made by mistake, with its history, as if it had never been made.

    Only while nothing hangs on it: no check-in to any session of the seminar and no
    certificate (those are facts; cancel the registration instead).

    If it held a seat and people wait, the seat goes to the first person waiting (the
    promoted registrations are returned). The rule keeps nobody waiting while a seat is
    free, so nobody waited when this registration took its seat: whoever waits now came
    after and would have had that seat had the mistake not been made. Undone at once
    (the app's Ctrl+Z) nobody waits yet and nothing else changes.
    """
    registration = get_registration(session, registration_id)
    seminar = get_seminar(session, registration.seminar_id, for_update=True)
    session.refresh(registration)
    check_version(registration, expected_version, "registration")
    who = say(QT_TRANSLATE_NOOP("core", "registration {id} ({name}, seminar {seminar} '{title}')"),
              id=registration.id, name=registration.person.display_name, seminar=seminar.id, title=titled(seminar))
    checked_in = session.scalar(
        select(func.count(Attendance.id)).join(AgendaSession, AgendaSession.id == Attendance.session_id).where(
            AgendaSession.seminar_id == seminar.id, Attendance.person_id == registration.person_id)
    ) or 0
    if checked_in:
        if checked_in == 1:
            raise RuleViolation(QT_TRANSLATE_NOOP("core", "{who} has {n} check-in and cannot be removed; "
                                                          "undo the check-in or cancel it instead"),
                                where="registration", who=who, n=checked_in)
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "{who} has {n} check-ins and cannot be removed; "
                                                      "undo the check-ins or cancel it instead"),
                            where="registration", who=who, n=checked_in)
    certificate = session.scalars(
        select(Certificate).where(Certificate.seminar_id == seminar.id, Certificate.person_id == registration.person_id)
    ).first()
    if certificate is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{who} has certificate {code} and cannot be removed; cancel it instead"),
            where="registration", who=who, code=certificate.code,
        )
    was_seated = registration.status in vocab.SEAT_HOLDING_STATUSES
    session.delete(registration)
    session.flush()
    if not was_seated:
        return []
    freed = say(QT_TRANSLATE_NOOP("core", "a seat freed (registration {id} removed)"), id=registration_id)
    return fill_free_seats(session, seminar, reason=freed)


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

    check_id(seminar_id, "seminar")
    rows = session.execute(
        select(Person.role, func.count(Registration.id))
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.seminar_id == seminar_id, Registration.status != "cancelled",
               Person.erased_at.is_(None))
        .group_by(Person.role)
    ).all()
    return sorted(((role, count) for role, count in rows), key=lambda rc: (-rc[1], rc[0]))
