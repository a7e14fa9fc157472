"""Registering people and changing a registration's status, each taken back exactly.

The registration rules (a full seminar waitlists; a freed seat promotes the first person
waiting) are the services'; a command only keeps the :class:`StatusChange` they return,
which says exactly what happened, promotions included, so ``revert_status_change`` can
put everyone back at their place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from .. import vocab
from ..messages import QT_TRANSLATE_NOOP, Text, say, word
from ..models import Registration
from ..services import registration
from ..services.registration import Promotion, StatusChange
from .base import Done, Touched
from .expect import Seen, state_of, version_to_expect


@dataclass(frozen=True)
class Register:
    """Register a person to a seminar (a full seminar puts them on the waiting list)."""

    seminar_id: int
    person_id: int
    status: str = "registered"
    note: str | None = None

    def run(self, session: Session) -> Done:
        change = registration.register_change(session, seminar_id=self.seminar_id, person_id=self.person_id,
                                              status=self.status, note=self.note)
        # Made again after an undo: a new registration registers again; a changed one changes
        # again, from the version the undo leaves.
        redo = self if change.old_status is None else ChangeStatus(change.registration_id, self.status,
                                                                   note=self.note)
        reg = registration.get_registration(session, change.registration_id)
        return changed(session, change, registering(reg), redo)


@dataclass(frozen=True)
class ChangeStatus:
    """Move a registration to ``status``; a freed seat moves the first person waiting up."""

    registration_id: int
    status: str
    expected_version: int | None = None
    note: str | None = "changed in the app"
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        reg = registration.get_registration(session, self.registration_id)
        version = version_to_expect(reg, self.expected_version, self.seen, "registration")
        change = registration.change_status(session, self.registration_id, self.status, note=self.note,
                                            expected_version=version)
        name = say(QT_TRANSLATE_NOOP("core", "status of “{name}”: {status}"), name=reg.person.display_name,
                   status=status_word(self.status))
        return changed(session, change, name, replace(self, expected_version=None, seen=()))


@dataclass(frozen=True)
class RevertStatusChange:
    """Take ``change`` back exactly; its undo is ``redo``, which makes the change again.

    ``redo`` is a :class:`Register` when the change created the registration (it is
    removed), else a :class:`ChangeStatus`, run from the version this revert leaves.
    """

    change: StatusChange
    redo: Register | ChangeStatus
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        change = as_now(session, self.change, self.seen)
        reg = registration.get_registration(session, change.registration_id)
        name, seminar_id = reg.person.display_name, reg.seminar_id
        step = say(QT_TRANSLATE_NOOP("core", "taking back the registration of “{name}”"), name=name) \
            if change.old_status is None else \
            say(QT_TRANSLATE_NOOP("core", "taking back the status change of “{name}”"), name=name)
        moved_back = names_of(session, change)
        back = registration.revert_status_change(session, change)
        if back is None:
            said = say(QT_TRANSLATE_NOOP("core", "{name}: registration taken back"), name=name)
            redo: Register | ChangeStatus = self.redo
        else:
            said = status_line(back)
            redo = replace(self.redo, expected_version=back.version, seen=state_of(session, back))
        if moved_back:
            said = say(QT_TRANSLATE_NOOP("core", "{said} — back on the waiting list: {names}"), said=said,
                       names=moved_back)
        return Done(step, redo, Touched.SEMINAR, said, seminar_id, change.registration_id)


def changed(session: Session, change: StatusChange, name: Text, redo: Register | ChangeStatus) -> Done:
    """What a registration or status change did, with its exact inverse (None when nothing changed)."""
    reg = registration.get_registration(session, change.registration_id)
    said = status_line(reg)
    if change.promoted:
        said = say(QT_TRANSLATE_NOOP("core", "{said} — moved up from the waiting list: {names}"), said=said,
                   names=names_of(session, change))
    undo = None
    if change.changed:
        rows = [reg, *(registration.get_registration(session, p.registration_id) for p in change.promoted)]
        undo = RevertStatusChange(change, redo, state_of(session, *rows))
    return Done(name, undo, Touched.SEMINAR, said, reg.seminar_id, reg.id,
                {"status": reg.status, "promoted": [p.registration_id for p in change.promoted]})


def as_now(session: Session, change: StatusChange, saw: Seen) -> StatusChange:
    """``change`` with the versions its rows have now, when their values are still as ``saw``
    says (our own undo and redo moved them on); StaleEdit when someone else changed them."""
    return replace(change, version=_version_now(session, change.registration_id, change.version, saw),
                   promoted=promotions_now(session, change.promoted, saw))


def promotions_now(session: Session, promotions: tuple[Promotion, ...], saw: Seen) -> tuple[Promotion, ...]:
    """As :func:`as_now`, for people moved up from the waiting list."""
    return tuple(replace(p, version=_version_now(session, p.registration_id, p.version, saw)) for p in promotions)


def _version_now(session: Session, registration_id: int, version: int, saw: Seen) -> int:
    row = registration.get_registration(session, registration_id)
    session.refresh(row)
    return version_to_expect(row, version, saw, "registration") or version


def registering(reg: Registration) -> Text:
    """The undo step of registering someone: registering “李佳 (Jia Li)”."""
    return say(QT_TRANSLATE_NOOP("core", "registering “{name}”"), name=reg.person.display_name)


def status_word(status: str) -> Text:
    """A registration status as the app shows it ("Waiting list"), translatable."""
    return word("RegistrationStatus", vocab.REGISTRATION_STATUSES[status])


def status_line(reg: Registration) -> Text:
    """Where a registration stands: "李佳 (Jia Li): Waiting list — the seminar is full"."""
    name, status = reg.person.display_name, status_word(reg.status)
    if reg.status == "waitlisted":
        return say(QT_TRANSLATE_NOOP("core", "{name}: {status} — the seminar is full"), name=name, status=status)
    return say(QT_TRANSLATE_NOOP("core", "{name}: {status}"), name=name, status=status)


def names_of(session: Session, change: StatusChange) -> str:
    """The names of the people ``change`` moved up, in the order they were waiting."""
    return ", ".join(registration.get_registration(session, p.registration_id).person.display_name
                     for p in change.promoted)
