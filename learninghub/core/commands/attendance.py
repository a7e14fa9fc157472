"""Checking people in to a session, and removing a check-in, each taken back exactly.

A check-in makes the registration 'attended'; removing one (the user unticks someone)
puts the status back. The inverses leave the data as before, history rows included
(``attendance.take_back_check_in`` / ``restore_check_in``: an undo leaves no "check-in
undone" row behind), and a check-in comes back at the time the person first arrived.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..messages import QT_TRANSLATE_NOOP, Text, say, titled
from ..models import Registration
from ..services import agenda, attendance, people
from ..services.registration import StatusChange
from .base import Done, Touched
from .expect import Seen, state_of
from .registrations import as_now


@dataclass(frozen=True)
class CheckIn:
    """Check a registered person in to a session (at ``at``, else now); they become 'attended'."""

    session_id: int
    person_id: int
    at: dt.datetime | None = None

    def run(self, session: Session) -> Done:
        record, change = attendance.check_in_change(session, session_id=self.session_id, person_id=self.person_id,
                                                    at=self.at)
        name, title, seminar_id = _names(session, self.session_id, self.person_id)
        undo = UndoCheckIn(self.session_id, self.person_id, change, _registration_seen(session, change))
        return Done(_checking_in(name), undo, Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "{name}: checked in to “{title}”"), name=name, title=title),
                    seminar_id, record.id, {"at": record.checked_in_at})


@dataclass(frozen=True)
class UndoCheckIn:
    """Take a :class:`CheckIn` back exactly: the attendance goes and ``change``, the status
    change it made, is reverted with its history rows. Its undo checks in again at the same time."""

    session_id: int
    person_id: int
    change: StatusChange | None = None
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        name, title, seminar_id = _names(session, self.session_id, self.person_id)
        change = as_now(session, self.change, self.seen) if self.change is not None else None
        at = attendance.take_back_check_in(session, session_id=self.session_id, person_id=self.person_id,
                                           change=change)
        return Done(_checking_in(name), CheckIn(self.session_id, self.person_id, at), Touched.SEMINAR,
                    _removed(name, title), seminar_id, None, {"at": at})


@dataclass(frozen=True)
class RemoveCheckIn:
    """Remove a person's check-in (the user unticks them): a status the check-in alone made
    'attended' goes back, and the history says "check-in undone", as the service does."""

    session_id: int
    person_id: int

    def run(self, session: Session) -> Done:
        name, title, seminar_id = _names(session, self.session_id, self.person_id)
        at, change = attendance.undo_check_in_change(session, session_id=self.session_id, person_id=self.person_id)
        undo = RestoreCheckIn(self.session_id, self.person_id, at, change, _registration_seen(session, change))
        return Done(_removing(name), undo, Touched.SEMINAR, _removed(name, title), seminar_id, None, {"at": at})


@dataclass(frozen=True)
class RestoreCheckIn:
    """Take a :class:`RemoveCheckIn` back exactly: the check-in returns at its time and the
    status change the removal made is reverted with its history row."""

    session_id: int
    person_id: int
    at: dt.datetime
    change: StatusChange | None = None
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        change = as_now(session, self.change, self.seen) if self.change is not None else None
        record = attendance.restore_check_in(session, session_id=self.session_id, person_id=self.person_id,
                                             at=self.at, change=change)
        name, title, seminar_id = _names(session, self.session_id, self.person_id)
        return Done(_removing(name), RemoveCheckIn(self.session_id, self.person_id), Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "{name}: checked in to “{title}”"), name=name, title=title),
                    seminar_id, record.id, {"at": record.checked_in_at})


def _checking_in(name: str) -> Text:
    return say(QT_TRANSLATE_NOOP("core", "check-in of “{name}”"), name=name)


def _removing(name: str) -> Text:
    return say(QT_TRANSLATE_NOOP("core", "removing the check-in of “{name}”"), name=name)


def _removed(name: str, title: Text) -> Text:
    return say(QT_TRANSLATE_NOOP("core", "{name}: check-in to “{title}” removed"), name=name, title=title)


def _names(session: Session, session_id: int, person_id: int) -> tuple[str, Text, int]:
    item = agenda.get_session(session, session_id)
    return people.get_person(session, person_id).display_name, titled(item), item.seminar_id


def _registration_seen(session: Session, change: StatusChange | None) -> Seen:
    if change is None or not change.changed:
        return ()
    return state_of(session, session.get(Registration, change.registration_id))

