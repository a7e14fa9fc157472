"""Who a batch goes to: a seminar's people by status, minus those who may not or cannot be mailed.

Why a list of the left-out too: the user must see, before sending, who will not get the
message and why (no consent to be contacted, no e-mail, erased), not discover it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP, Text, say
from ..core.models import AgendaSession, Attendance, Person, Registration, SessionSpeaker
from ..core.services import certificate_eligibility, seminars
from ..core.vocab import SEAT_HOLDING_STATUSES
from .zones import city_zone

#: audience -> English label (the window translates it in the "mail" context).
AUDIENCES: dict[str, str] = {
    "invited": QT_TRANSLATE_NOOP("mail", "Invited"),
    "registered": QT_TRANSLATE_NOOP("mail", "Registered"),
    "waitlisted": QT_TRANSLATE_NOOP("mail", "Waiting list"),
    "attended": QT_TRANSLATE_NOOP("mail", "Attended"),
    "eligible": QT_TRANSLATE_NOOP("mail", "Eligible for a certificate"),
    "speakers": QT_TRANSLATE_NOOP("mail", "Speakers and moderators"),
}
_STATUSES = {"invited": ("invited",), "registered": tuple(sorted(SEAT_HOLDING_STATUSES)), "waitlisted": ("waitlisted",),
             "attended": ("attended",)}
#: "registered" is everyone holding a seat (registered, confirmed, attended, no-show).
#: Countries whose people get the Chinese wording when the batch's language is "auto".
CHINESE_COUNTRIES = frozenset({"CN", "TW", "HK", "MO"})


@dataclass(frozen=True)
class Recipient:
    """One person as a message needs them: plain values, no ORM row."""

    person_id: int
    given_name: str
    family_name: str
    native_name: str | None
    title: str | None
    organisation: str | None
    email: str | None
    city: str | None
    country: str | None
    #: Their registration status at the seminar (None for a speaker not registered).
    status: str | None
    #: Their IANA zone from city and country (None: not known).
    zone: str | None
    #: The sessions they speak at or moderate (speakers); None: every session of the seminar.
    sessions: tuple[int, ...] | None = None

    @property
    def latin(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def own_name(self) -> str:
        return (self.native_name or "").strip() or self.latin

    @property
    def display(self) -> str:
        own, latin = self.own_name, self.latin
        return f"{own} ({latin})" if latin and own != latin else own

    def language(self, batch_lang: str) -> str:
        """en or zh: the batch's, or with ``auto`` Chinese for people of a Chinese-speaking country or with
        a name in Han characters."""
        if batch_lang != "auto":
            return batch_lang
        if (self.country or "").upper() in CHINESE_COUNTRIES:
            return "zh"
        return "zh" if any("\u4e00" <= c <= "\u9fff" for c in self.native_name or "") else "en"


@dataclass(frozen=True)
class Audience:
    """Who gets the batch, and who is left out with the reason."""

    included: tuple[Recipient, ...]
    excluded: tuple[tuple[Recipient, Text], ...]


def audience(name: str, *, where: str = "audience") -> str:
    if name not in AUDIENCES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "no audience {name!r} (one of {audiences})"), where=where,
                              name=name, audiences=", ".join(AUDIENCES))
    return name


def _recipient(person: Person, status: str | None, sessions: tuple[int, ...] | None = None) -> Recipient:
    city = person.city
    country = person.country or (city.country if city else None)
    return Recipient(person.id, person.given_name, person.family_name, person.native_name, person.title,
                     person.organisation_name, person.email, city.name if city else None, country, status,
                     city_zone(city.name if city else None, country), sessions)


def _why_not(person: Person) -> Text | None:
    if person.erased_at is not None:
        return say(QT_TRANSLATE_NOOP("core", "erased"))
    if not person.email:
        return say(QT_TRANSLATE_NOOP("core", "no e-mail address"))
    if not person.consent_contact:
        return say(QT_TRANSLATE_NOOP("core", "no consent to be contacted"))
    return None


def find(session: Session, seminar_id: int, name: str, *, only: Iterable[int] | None = None) -> Audience:
    """The seminar's people in audience ``name`` (``only``: of these person ids), by name."""
    audience(name)
    seminars.get_seminar(session, seminar_id)
    loaders = (selectinload(Person.city), selectinload(Person.organisation))
    regs = {r.person_id: r.status for r in session.execute(
        select(Registration.person_id, Registration.status).where(Registration.seminar_id == seminar_id))}
    people: list[tuple[Person, str | None, tuple[int, ...] | None]]
    if name == "speakers":
        talks: dict[int, list[int]] = {}
        rows = session.execute(
            select(SessionSpeaker.person_id, AgendaSession.id).join(AgendaSession)
            .where(AgendaSession.seminar_id == seminar_id)
            .union(select(AgendaSession.moderator_id, AgendaSession.id)
                   .where(AgendaSession.seminar_id == seminar_id, AgendaSession.moderator_id.is_not(None))))
        for person_id, session_id in rows:
            talks.setdefault(person_id, []).append(session_id)
        found = session.scalars(select(Person).options(*loaders).where(Person.id.in_(talks)))
        people = [(p, regs.get(p.id), tuple(sorted(talks[p.id]))) for p in found]
    elif name == "eligible":
        ids = {e.person_id for e in certificate_eligibility.eligibility(session, seminar_id) if e.eligible}
        found = session.scalars(select(Person).options(*loaders).where(Person.id.in_(ids)))
        people = [(p, regs.get(p.id), None) for p in found]
    else:
        condition = Registration.status.in_(_STATUSES[name])
        if name == "attended":  # or checked in to any session, whatever the status says
            checked = select(Attendance.person_id).join(AgendaSession).where(AgendaSession.seminar_id == seminar_id)
            condition = or_(condition, Registration.person_id.in_(checked))
        found = session.scalars(select(Person).options(*loaders).join(Registration, Registration.person_id == Person.id)
                                .where(Registration.seminar_id == seminar_id, condition))
        people = [(p, regs.get(p.id), None) for p in found]
    wanted = set(only) if only is not None else None
    people.sort(key=lambda item: (item[0].sort_key, item[0].id))
    included: list[Recipient] = []
    excluded: list[tuple[Recipient, Text]] = []
    for person, status, sessions in people:
        if wanted is not None and person.id not in wanted:
            continue
        recipient = _recipient(person, status, sessions)
        why = _why_not(person)
        if why is None:
            included.append(recipient)
        else:
            excluded.append((recipient, why))
    return Audience(tuple(included), tuple(excluded))
