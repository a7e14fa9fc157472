"""The planning database as typed SQLAlchemy 2 models.

Instants are stored in UTC (:class:`UTCDateTime`); a seminar's IANA zone says how
to show them. Every row a user edits carries a ``version`` so that two people
editing the same row cannot silently overwrite each other (``version_id_col``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates
from sqlalchemy.types import TypeDecorator

from .folding import person_search_key, place_search_key

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored as naive UTC, so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an instant is required")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def email_key(email: str | None) -> str | None:
    """The form two addresses are compared in: Unicode-normalised and case-folded."""
    import unicodedata

    return unicodedata.normalize("NFKC", email).casefold() if email else None


def person_sort_key(family_name: str | None, given_name: str | None) -> str:
    """How people are ordered in lists: family then given name, accents and case ignored."""
    import unicodedata

    def fold(text: str | None) -> str:
        decomposed = unicodedata.normalize("NFKD", text or "")
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

    return f"{fold(family_name)}\x1f{fold(given_name)}"


def display_name(given_name: str, family_name: str, native_name: str | None, *, erased: bool = False) -> str:
    """'李佳 (Jia Li)' when a native name exists, else the Latin name; one rule for rows and plain values."""
    if erased:
        return "(erased)"
    latin = f"{given_name} {family_name}".strip()
    if native_name:
        return f"{native_name} ({latin})" if latin else native_name
    return latin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _keep_place_key(place: City | Organisation, key: str, value: str | None) -> str | None:
    """A city's or organisation's search key kept with its names (``key`` is changing to ``value``)."""
    name = value if key == "name" else place.name
    native = value if key == "native_name" else place.native_name
    place.search_key = place_search_key(name, native)
    return value


class City(Base):
    __tablename__ = "cities"
    __table_args__ = (UniqueConstraint("name", "country", name="uq_cities_name_country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    native_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    #: What the person search finds the city by (folding.place_search_key), kept with the names.
    search_key: Mapped[str] = mapped_column(Text, default="")

    @validates("name", "native_name")
    def _keep_search_key(self, key: str, value: str | None) -> str | None:
        return _keep_place_key(self, key, value)


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    native_name: Mapped[str | None] = mapped_column(String(300))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    #: What the person search finds the organisation by (folding.place_search_key), kept with the names.
    search_key: Mapped[str] = mapped_column(Text, default="")

    city: Mapped[City | None] = relationship()

    @validates("name", "native_name")
    def _keep_search_key(self, key: str, value: str | None) -> str | None:
        return _keep_place_key(self, key, value)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    native_name: Mapped[str | None] = mapped_column(String(200))
    #: Precomputed order of lists (see person_sort_key), so sorting needs no per-row function.
    sort_key: Mapped[str] = mapped_column(String(410), index=True, default="")
    #: What the search index holds for the person (folding.person_search_key: names folded, joined,
    #: in pinyin, word starts), kept with the names and the email like sort_key and email_key.
    search_key: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    role: Mapped[str] = mapped_column(String(20), default="other")
    #: A code of vocab.PERSON_GENDERS, or None: not recorded. Reported only in aggregate.
    gender: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    #: The email case-folded in any script (SQLite's lower() folds ASCII only): unique.
    email_key: Mapped[str | None] = mapped_column(String(320), unique=True, index=True)
    phone: Mapped[str | None] = mapped_column(String(50))
    notes: Mapped[str | None] = mapped_column(Text)
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    erased_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    organisation: Mapped[Organisation | None] = relationship()
    city: Mapped[City | None] = relationship()

    __mapper_args__ = {"version_id_col": version}

    @validates("given_name", "family_name")
    def _keep_sort_key(self, key: str, value: str) -> str:
        family = value if key == "family_name" else self.family_name
        given = value if key == "given_name" else self.given_name
        self.sort_key = person_sort_key(family, given)
        self._keep_search_key(**{key: value})
        return value

    @validates("native_name")
    def _keep_native_search_key(self, _key: str, value: str | None) -> str | None:
        self._keep_search_key(native_name=value)
        return value

    def _keep_search_key(self, **changing: str | None) -> None:
        values = {name: changing.get(name, getattr(self, name))
                  for name in ("given_name", "family_name", "native_name", "email")}
        self.search_key = person_search_key(
            values["given_name"], values["family_name"], values["native_name"], values["email"])

    @property
    def organisation_name(self) -> str | None:
        return self.organisation.name if self.organisation else None

    @property
    def city_name(self) -> str | None:
        return self.city.name if self.city else None

    @validates("email")
    def _keep_email_key(self, _key: str, value: str | None) -> str | None:
        self.email_key = email_key(value)
        self._keep_search_key(email=value)
        return value

    @property
    def display_name(self) -> str:
        return display_name(self.given_name, self.family_name, self.native_name, erased=self.erased_at is not None)


class Curriculum(Base):
    __tablename__ = "curricula"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    #: The Chinese version of the title and description (None: print the main text).
    title_zh: Mapped[str | None] = mapped_column(String(300))
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    description_zh: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    seminars: Mapped[list[Seminar]] = relationship(
        back_populates="curriculum", order_by="Seminar.start_date"
    )

    __mapper_args__ = {"version_id_col": version}


class Seminar(Base):
    __tablename__ = "seminars"

    id: Mapped[int] = mapped_column(primary_key=True)
    curriculum_id: Mapped[int] = mapped_column(
        ForeignKey("curricula.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    #: The Chinese version of the title and description (None: print the main text).
    title_zh: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="seminar")
    format: Mapped[str] = mapped_column(String(10), default="onsite")
    venue: Mapped[str | None] = mapped_column(String(300))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id", ondelete="SET NULL"))
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    capacity: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    description: Mapped[str | None] = mapped_column(Text)
    description_zh: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    curriculum: Mapped[Curriculum] = relationship(back_populates="seminars")
    city: Mapped[City | None] = relationship()
    sessions: Mapped[list[AgendaSession]] = relationship(
        back_populates="seminar", order_by="AgendaSession.starts_at", passive_deletes=True
    )
    partners: Mapped[list[SeminarPartner]] = relationship(
        back_populates="seminar", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


class SeminarPartner(Base):
    """An organisation that organises or partners a seminar."""

    __tablename__ = "seminar_partners"

    seminar_id: Mapped[int] = mapped_column(
        ForeignKey("seminars.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(12), default="partner")

    seminar: Mapped[Seminar] = relationship(back_populates="partners")
    organisation: Mapped[Organisation] = relationship()


class SessionSeries(Base):
    """A recurring agenda item: an RFC 5545 rule expanded in the seminar's local zone."""

    __tablename__ = "session_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id", ondelete="CASCADE"), index=True)
    rrule: Mapped[str] = mapped_column(Text)
    local_start: Mapped[dt.datetime] = mapped_column(DateTime)  # naive, in the seminar's zone
    duration_minutes: Mapped[int] = mapped_column(Integer)
    #: Occurrences cancelled one by one: local times "20210330T140000", space-separated (RFC 5545 EXDATE).
    exdates: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @property
    def cancelled_occurrences(self) -> list[dt.datetime]:
        return [dt.datetime.strptime(x, "%Y%m%dT%H%M%S") for x in self.exdates.split()]

    __mapper_args__ = {"version_id_col": version}


class SessionSpeaker(Base):
    __tablename__ = "session_speakers"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship()


class AgendaSession(Base):
    """One agenda item of a seminar (a "session"; named so to stay apart from DB sessions)."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id", ondelete="CASCADE"), index=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("session_series.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    #: The Chinese version of the title and description (None: print the main text).
    title_zh: Mapped[str | None] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20), default="talk")
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    room: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(35))
    description: Mapped[str | None] = mapped_column(Text)
    description_zh: Mapped[str | None] = mapped_column(Text)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    seminar: Mapped[Seminar] = relationship(back_populates="sessions")
    series: Mapped[SessionSeries | None] = relationship()
    moderator: Mapped[Person | None] = relationship()
    speaker_links: Mapped[list[SessionSpeaker]] = relationship(
        order_by="SessionSpeaker.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def speakers(self) -> list[Person]:
        return [link.person for link in self.speaker_links]


class Registration(Base):
    __tablename__ = "registrations"
    __table_args__ = (UniqueConstraint("seminar_id", "person_id", name="uq_registrations_seminar_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    waitlisted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    seminar: Mapped[Seminar] = relationship()
    person: Mapped[Person] = relationship()
    events: Mapped[list[RegistrationEvent]] = relationship(
        order_by="RegistrationEvent.id", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


class RegistrationEvent(Base):
    """The history of a registration: every status change, when, and why."""

    __tablename__ = "registration_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    old_status: Mapped[str | None] = mapped_column(String(12))
    new_status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "person_id", name="uq_attendance_session_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    checked_in_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    session: Mapped[AgendaSession] = relationship()
    person: Mapped[Person] = relationship()


class Certificate(Base):
    """One entry of the certificate register: who was certified for which seminar, under which code.

    The holder's name and the seminar's title are kept as printed, so ``verify`` answers
    from this row alone; erasing the holder blanks the name and revokes the entry.
    """

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("person_id", "seminar_id", name="uq_certificates_person_seminar"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Canonical form: 12 Crockford base32 characters, no dashes (shown as XXXX-XXXX-XXXX).
    code: Mapped[str] = mapped_column(String(12), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    holder_name: Mapped[str] = mapped_column(String(410), default="")
    seminar_title: Mapped[str] = mapped_column(String(300), default="")
    sessions_attended: Mapped[int] = mapped_column(Integer, default=0)
    sessions_total: Mapped[int] = mapped_column(Integer, default=0)
    minutes_attended: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    person: Mapped[Person] = relationship()
    seminar: Mapped[Seminar] = relationship()

    __mapper_args__ = {"version_id_col": version}

    @property
    def status(self) -> str:
        """"revoked" once revoked, else "valid" (what ``verify`` answers for a code in the register)."""
        return "revoked" if self.revoked_at is not None else "valid"


class CertificateSettings(Base):
    """How a seminar certifies: the attendance rule, who signs, the wording and the logos."""

    __tablename__ = "certificate_settings"

    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id", ondelete="CASCADE"), primary_key=True)
    #: Eligible with at least this share of the counted sessions (None: no percentage rule).
    min_attendance_pct: Mapped[float | None] = mapped_column(Float)
    #: ... or with at least these hours of counted sessions (None: no hours rule).
    min_hours: Mapped[float | None] = mapped_column(Float)
    #: Up to three ``{"name": ..., "title": ...}``, in the order they sign.
    signatories: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    bilingual: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Image files printed at the top, left to right.
    logos: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class MailBatch(Base):
    """A mail merge batch (issue 18): who it went to and the texts as edited; its messages below.

    Written and moved only by ``core/outbox.py`` (not edited or undone like the rows above): a log
    that backups carry with the rest. ``seminar_id`` is SET NULL on delete: the record stays.
    """

    __tablename__ = "mail_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    seminar_id: Mapped[int | None] = mapped_column(ForeignKey("seminars.id", ondelete="SET NULL"))
    template: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(8))
    audience: Mapped[str] = mapped_column(String(20))
    sender: Mapped[str] = mapped_column(String(400))
    #: {"en": [subject, body], "zh": [subject, body]} as edited for the batch, JSON text.
    texts: Mapped[str] = mapped_column(Text)
    #: Attachment kinds, comma-separated: certificate,badge,agenda,ics.
    attachments: Mapped[str] = mapped_column(String(100), server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class MailMessage(Base):
    """One message of a batch and its state: queued, sending, sent or failed (``core/outbox.py``).

    ``person_id`` is SET NULL on delete; erasing the person blanks the address, name and text.
    """

    __tablename__ = "mail_messages"
    __table_args__ = (
        UniqueConstraint("idempotency_key"),
        Index("ix_mail_messages_batch_id", "batch_id", "position"),
        Index("ix_mail_messages_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("mail_batches.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    recipient: Mapped[str] = mapped_column(String(320))
    recipient_name: Mapped[str] = mapped_column(String(410))
    lang: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(250))
    idempotency_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10))
    answer: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    queued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sending_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class EvaluationForm(Base):
    """A seminar's evaluation questionnaire (issue 17): made from a template, its questions below.

    ``anonymous``: responses are never linked to a registration, even when a result file gives an email.
    """

    __tablename__ = "evaluation_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    seminar_id: Mapped[int] = mapped_column(ForeignKey("seminars.id", ondelete="CASCADE"), unique=True)
    template: Mapped[str] = mapped_column(String(40), default="standard")
    title: Mapped[str] = mapped_column(String(300), default="")
    title_zh: Mapped[str | None] = mapped_column(String(300))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class EvaluationQuestion(Base):
    """One question as asked: a block repeated per session (or speaker) is one row per session (or speaker),
    all sharing the block's ``code``, so results group by session or speaker with plain GROUP BYs."""

    __tablename__ = "evaluation_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("evaluation_forms.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: The template's question this row asks (repeated rows share it).
    code: Mapped[str] = mapped_column(String(40))
    #: rating (1..5), single, multiple or text (vocab.QUESTION_KINDS).
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(String(500))
    text_zh: Mapped[str | None] = mapped_column(String(500))
    #: Rating labels (1..5) or choices: ``[{"en": ..., "zh": ...}, ...]``, answers store their 1-based number.
    options: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    #: What the repeated block is about, as printed ("Opening plenary", "Jia Li"), kept if the session goes.
    about: Mapped[str | None] = mapped_column(String(500))
    about_zh: Mapped[str | None] = mapped_column(String(500))


class EvaluationResponse(Base):
    """One filled-in questionnaire: typed from paper or imported from a form tool's result file."""

    __tablename__ = "evaluation_responses"
    __table_args__ = (UniqueConstraint("form_id", "source", "external_id", name="uq_evaluation_responses_form_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("evaluation_forms.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="SET NULL"), index=True)
    #: paper, msforms, google, wjx or csv: where the answers came from.
    source: Mapped[str] = mapped_column(String(10), default="paper")
    #: The tool's id of the response (its ID or 序号 column), so a file imported twice is not counted twice.
    external_id: Mapped[str | None] = mapped_column(String(100))
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class EvaluationAnswer(Base):
    """An answer to one question: a rating or a choice's number in ``value`` (a multiple choice is one row per
    option ticked), or free text in ``text``."""

    __tablename__ = "evaluation_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_responses.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_questions.id", ondelete="CASCADE"), index=True)
    value: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
