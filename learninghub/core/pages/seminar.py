"""A seminar's page: overview, partners, agenda with speakers and conflicts, participants, check-in.

Thirteen statements, each depending only on the seminar's id (and the check-in session
chosen), so :func:`~..reading.run_queries` sends them in one round trip to a server —
whether the seminar has 5 sessions or 300, 20 participants or 2,000.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select

from .. import vocab
from ..models import (
    AgendaSession,
    Attendance,
    City,
    Organisation,
    Person,
    Registration,
    Seminar,
    SeminarPartner,
    SessionSpeaker,
    display_name,
)
from ..reading import Query
from ..services.attendance import RosterLine
from ..services.common import not_found
from ..services.conflicts import Conflict, conflicts_query

#: The names of the editable fields, as ``seminars.edit_seminar`` takes them.
EDITABLE = ("title", "title_zh", "start", "end", "timezone", "kind", "format", "status", "venue", "city", "capacity",
            "description", "description_zh")


@dataclass(frozen=True)
class Partner:
    organisation_id: int
    name: str
    role: str


@dataclass(frozen=True)
class AgendaItem:
    """One session as the agenda shows it; ``speakers`` are display names in their order."""

    id: int
    title: str
    title_zh: str | None
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str | None
    series_id: int | None
    speakers: tuple[str, ...]

    @property
    def attended(self) -> bool:
        """A session people check in to (not a break or a meal)."""
        return self.kind not in vocab.NOT_ATTENDED_KINDS


@dataclass(frozen=True)
class Participant:
    """One registration with its person, as the Participants tab lists it."""

    registration_id: int
    person_id: int
    name: str
    organisation: str | None
    city: str | None
    role: str
    status: str
    #: Place on the waiting list (1 = next to get a seat), None when not waiting.
    waiting_place: int | None
    erased: bool
    version: int


@dataclass(frozen=True)
class SeminarPage:
    id: int
    curriculum_id: int
    #: The editable values, named as ``seminars.edit_seminar`` takes them, and ``version``.
    values: dict[str, Any]
    seats_taken: int
    partners: tuple[Partner, ...]
    #: Every organisation's name, for completing a new partner's.
    organisations: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    conflicts: tuple[Conflict, ...]
    #: By family name.
    participants: tuple[Participant, ...]
    #: The check-in session shown (0 when the seminar has none) and who is expected there.
    checkin_session_id: int
    roster: tuple[RosterLine, ...]

    @property
    def title(self) -> str:
        return str(self.values["title"])

    @property
    def title_zh(self) -> str | None:
        return self.values["title_zh"]

    @property
    def timezone(self) -> str:
        return str(self.values["timezone"])

    @property
    def checkin_sessions(self) -> tuple[AgendaItem, ...]:
        return tuple(item for item in self.agenda if item.attended)

    @property
    def waiting(self) -> tuple[Participant, ...]:
        """The waiting list in order: first come, first served."""
        return tuple(sorted((p for p in self.participants if p.waiting_place), key=lambda p: p.waiting_place or 0))


def seminar_page(seminar_id: int, checkin_session_id: int = 0) -> Query[SeminarPage]:
    """The page of ``seminar_id``; the check-in roster of ``checkin_session_id`` if it is one of its
    sessions, else of its first session people check in to. Refused (NotFound) for an unknown id."""
    statements = (
        select(Seminar.id, Seminar.curriculum_id, Seminar.title, Seminar.title_zh, Seminar.start_date,
               Seminar.end_date, Seminar.timezone, Seminar.kind, Seminar.format, Seminar.status, Seminar.venue,
               City.name.label("city"), Seminar.capacity, Seminar.description, Seminar.description_zh,
               Seminar.version).outerjoin(City, City.id == Seminar.city_id).where(Seminar.id == seminar_id),
        select(SeminarPartner.organisation_id, Organisation.name, SeminarPartner.role)
        .join(Organisation, Organisation.id == SeminarPartner.organisation_id)
        .where(SeminarPartner.seminar_id == seminar_id).order_by(Organisation.name),
        select(Organisation.name).order_by(func.lower(Organisation.name)),
        select(AgendaSession.id, AgendaSession.title, AgendaSession.title_zh, AgendaSession.kind,
               AgendaSession.starts_at, AgendaSession.ends_at, AgendaSession.room, AgendaSession.series_id)
        .where(AgendaSession.seminar_id == seminar_id).order_by(AgendaSession.starts_at, AgendaSession.id),
        select(SessionSpeaker.session_id, Person.given_name, Person.family_name, Person.native_name,
               Person.erased_at)
        .join(Person, Person.id == SessionSpeaker.person_id)
        .join(AgendaSession, AgendaSession.id == SessionSpeaker.session_id)
        .where(AgendaSession.seminar_id == seminar_id).order_by(SessionSpeaker.session_id, SessionSpeaker.position),
        _registrations(seminar_id),
        _checked_in(seminar_id, checkin_session_id),
    )
    conflicts = conflicts_query(seminar_id)

    def build(rows: list[Any]) -> SeminarPage:
        seminar, partners, organisations, sessions, speakers, registrations, present = rows[:len(statements)]
        if not seminar:
            raise not_found("seminar", seminar_id)
        return _page(seminar[0], partners, organisations, sessions, speakers, registrations, present,
                     conflicts.build(rows[len(statements):]), checkin_session_id)

    return Query(statements + conflicts.statements, build)


def _registrations(seminar_id: int) -> Select[Any]:
    """Every registration of the seminar with its person, by family name."""
    return (select(Registration.id, Registration.status, Registration.waitlisted_at, Registration.version,
                   Person.id.label("person_id"), Person.given_name, Person.family_name, Person.native_name,
                   Person.sort_key, Person.role, Person.erased_at, Organisation.name.label("organisation"),
                   City.name.label("city"))
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .outerjoin(City, City.id == Person.city_id)
            .where(Registration.seminar_id == seminar_id).order_by(Person.sort_key, Person.id))


def _first_checkin_session(seminar_id: int) -> Select[Any]:
    return (select(AgendaSession.id).where(AgendaSession.seminar_id == seminar_id,
                                           AgendaSession.kind.not_in(vocab.NOT_ATTENDED_KINDS))
            .order_by(AgendaSession.starts_at, AgendaSession.id).limit(1))


def _checked_in(seminar_id: int, session_id: int) -> Select[Any]:
    """Check-ins to the chosen session and to the first one (the fallback when the chosen one is gone)."""
    chosen = AgendaSession.id == session_id if session_id else False
    wanted = select(AgendaSession.id).where(AgendaSession.seminar_id == seminar_id,
                                            or_(chosen, AgendaSession.id == _first_checkin_session(seminar_id)
                                                .scalar_subquery()))
    return select(Attendance.session_id, Attendance.person_id).where(Attendance.session_id.in_(wanted))


def _page(seminar: Any, partners: list[Any], organisations: list[Any], sessions: list[Any], speakers: list[Any],
          registrations: list[Any], present: list[Any], conflicts: list[Conflict], wanted: int) -> SeminarPage:
    names: dict[int, list[str]] = {}
    for row in speakers:
        names.setdefault(row.session_id, []).append(
            display_name(row.given_name, row.family_name, row.native_name, erased=row.erased_at is not None))
    agenda = tuple(AgendaItem(s.id, s.title, s.title_zh, s.kind, s.starts_at, s.ends_at, s.room, s.series_id,
                              tuple(names.get(s.id, ()))) for s in sessions)
    waiting = sorted((r for r in registrations if r.status == "waitlisted"),
                     key=lambda r: (r.waitlisted_at is None, r.waitlisted_at, r.id))
    place = {r.id: n for n, r in enumerate(waiting, start=1)}
    participants = tuple(
        Participant(r.id, r.person_id, display_name(r.given_name, r.family_name, r.native_name,
                                                    erased=r.erased_at is not None),
                    r.organisation, r.city, r.role, r.status, place.get(r.id), r.erased_at is not None, r.version)
        for r in registrations)
    checkin = [item.id for item in agenda if item.attended]
    chosen = wanted if wanted in checkin else (checkin[0] if checkin else 0)
    here = {row.person_id for row in present if row.session_id == chosen}
    roster = tuple(RosterLine(p.person_id, p.name, p.organisation, p.status, p.person_id in here)
                   for p in participants if p.status != "cancelled" and not p.erased)
    values = {"title": seminar.title, "title_zh": seminar.title_zh, "start": seminar.start_date,
              "end": seminar.end_date, "timezone": seminar.timezone, "kind": seminar.kind, "format": seminar.format,
              "status": seminar.status, "venue": seminar.venue, "city": seminar.city, "capacity": seminar.capacity,
              "description": seminar.description, "description_zh": seminar.description_zh,
              "version": seminar.version}
    return SeminarPage(
        id=seminar.id, curriculum_id=seminar.curriculum_id, values=values,
        seats_taken=sum(r.status in vocab.SEAT_HOLDING_STATUSES for r in registrations),
        partners=tuple(Partner(p.organisation_id, p.name, p.role)  # organisers first, as the vocabulary lists roles
                       for p in sorted(partners, key=lambda p: list(vocab.PARTNER_ROLES).index(p.role))),
        organisations=tuple(o.name for o in organisations), agenda=agenda, conflicts=tuple(conflicts),
        participants=participants, checkin_session_id=chosen, roster=roster)


def roster_query(seminar_id: int, session_id: int) -> Query[tuple[RosterLine, ...]]:
    """Who is expected at one session of the seminar and who checked in (another check-in session chosen)."""
    statements = (_registrations(seminar_id), _checked_in(seminar_id, session_id))

    def build(rows: list[Any]) -> tuple[RosterLine, ...]:
        registrations, present = rows
        here = {row.person_id for row in present if row.session_id == session_id}
        return tuple(
            RosterLine(r.person_id, display_name(r.given_name, r.family_name, r.native_name), r.organisation,
                       r.status, r.person_id in here)
            for r in registrations if r.status != "cancelled" and r.erased_at is None)

    return Query(statements, build)
