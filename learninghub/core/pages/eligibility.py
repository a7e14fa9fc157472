"""The Documents tab's list: who is eligible for a certificate and why, with the rule, and the
sessions a sign-in sheet can be printed for — seven statements in one round trip, whatever the
seminar's size. The verdicts are the core's (``certificate_eligibility.judge_all``), the same as
when certificates are issued."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..messages import Text
from ..models import AgendaSession, Attendance, Certificate, CertificateSettings, Person, Registration, Seminar
from ..models import display_name as name_of
from ..reading import Query
from ..services import certificate_eligibility
from ..services.certificate_settings import settings_of
from ..services.common import not_found
from ..vocab import NOT_ATTENDED_KINDS


@dataclass(frozen=True)
class SigninSession:
    id: int
    title: str
    title_zh: str | None
    starts_at: dt.datetime


@dataclass(frozen=True)
class EligibilityPage:
    seminar_id: int
    rows: tuple[certificate_eligibility.Eligibility, ...]
    #: The rule in words ("at least 75 % of the sessions"), translatable.
    rule: Text
    timezone: str
    #: The sessions people sign in to (breaks and meals left out).
    sessions: tuple[SigninSession, ...]

    @property
    def eligible(self) -> int:
        return sum(row.eligible for row in self.rows)


@dataclass(frozen=True)
class _Person:
    erased_at: dt.datetime | None
    display_name: str


@dataclass(frozen=True)
class _Registration:
    person_id: int
    status: str
    person: _Person


@dataclass(frozen=True)
class _Certificate:
    code: str
    revoked_at: dt.datetime | None
    revoke_reason: str | None

    @property
    def status(self) -> str:
        return "revoked" if self.revoked_at is not None else "valid"


def eligibility_page(seminar_id: int) -> Query[EligibilityPage]:
    statements = (
        select(Seminar.status, Seminar.timezone).where(Seminar.id == seminar_id),
        select(CertificateSettings.min_attendance_pct, CertificateSettings.min_hours, CertificateSettings.signatories,
               CertificateSettings.bilingual, CertificateSettings.logos, CertificateSettings.version)
        .where(CertificateSettings.seminar_id == seminar_id),
        select(AgendaSession.id, AgendaSession.kind, AgendaSession.title, AgendaSession.title_zh,
               AgendaSession.starts_at, AgendaSession.ends_at)
        .where(AgendaSession.seminar_id == seminar_id).order_by(AgendaSession.starts_at, AgendaSession.id),
        select(Registration.person_id, Registration.status, Person.given_name, Person.family_name,
               Person.native_name, Person.erased_at)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.seminar_id == seminar_id).order_by(Person.sort_key, Person.id),
        select(Attendance.person_id, Attendance.session_id).join(AgendaSession, AgendaSession.id == Attendance.session_id)
        .where(AgendaSession.seminar_id == seminar_id),
        select(Certificate.person_id, Certificate.code, Certificate.revoked_at, Certificate.revoke_reason)
        .where(Certificate.seminar_id == seminar_id),
    )

    def build(rows: list[Any]) -> EligibilityPage:
        seminar, settings, sessions, registrations, present, certificates = rows
        if not seminar:
            raise not_found("seminar", seminar_id)
        rule = settings_of(settings[0] if settings else None, seminar_id).rule
        counted = {s.id: int((s.ends_at - s.starts_at).total_seconds() // 60)
                   for s in sessions if s.kind not in NOT_ATTENDED_KINDS}
        attended: dict[int, set[int]] = defaultdict(set)
        for row in present:
            if row.session_id in counted:
                attended[row.person_id].add(row.session_id)
        data = certificate_eligibility.SeminarAttendance(
            seminar[0], counted,
            [_Registration(r.person_id, r.status, _Person(r.erased_at, name_of(
                r.given_name, r.family_name, r.native_name, erased=r.erased_at is not None))) for r in registrations],
            attended,
            {c.person_id: _Certificate(c.code, c.revoked_at, c.revoke_reason) for c in certificates},
        )
        judged = certificate_eligibility.judge_all(data, rule)  # type: ignore[arg-type]
        return EligibilityPage(seminar_id, tuple(row for _, row in judged), rule.describe(), seminar[0].timezone,
                               tuple(SigninSession(s.id, s.title, s.title_zh, s.starts_at)
                                     for s in sessions if s.kind not in NOT_ATTENDED_KINDS))

    return Query(statements, build)
