"""Who gets a certificate, and why, in words: the attendance of each registered person judged by the rule.

- **What counts.** A seminar's sessions, except breaks and meals (nobody checks in for
  coffee). Cancelled occurrences and deleted sessions are gone from the agenda, so they
  do not count. Only registrations not cancelled, of people not erased, can be eligible.
- Comparisons are exact (fractions), so 6 of 8 meets 75 %; shown figures are rounded
  down, so a figure never looks like it meets a rule it misses.
- **Revoked stays revoked**: a revoked certificate makes its holder not eligible, with the
  revocation as the reason (only ``certificates.reinstate`` makes it valid again).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from .. import certcodes, vocab
from ..messages import QT_TRANSLATE_NOOP, Text, say
from ..models import AgendaSession, Attendance, Certificate, Person, Registration, Seminar
from .certificate_settings import Rule, get_settings
from .common import get_or_refuse

# Session kinds that are not part of the programme one is certified for.
NOT_COUNTED_KINDS = vocab.NOT_ATTENDED_KINDS
#: Stored as the revocation reason when a holder is erased (in English); shown translated where it is read.
ERASED_REASON = QT_TRANSLATE_NOOP("core", "the holder's personal data was erased")


@dataclass(frozen=True)
class Eligibility:
    """One registered person and whether they get a certificate, with the reason in words."""

    person_id: int
    name: str
    registration_status: str
    sessions_attended: int
    sessions_total: int
    minutes_attended: int
    eligible: bool
    #: Why, in words (a Text: the interface shows it translated).
    reason: str
    #: The code already in the register for this person and seminar (XXXX-XXXX-XXXX), if any.
    code: str | None = None
    #: "valid" or "revoked" when a certificate exists.
    certificate_status: str | None = None

    @property
    def hours(self) -> float:
        return self.minutes_attended / 60


@dataclass
class SeminarAttendance:
    """What eligibility reads once per seminar (ORM rows here; the page loader passes plain rows with the
    same attributes: the seminar's ``status``, each registration's ``person_id``, ``status`` and
    ``person`` with ``erased_at`` and ``display_name``, each certificate's ``code``, ``status``,
    ``revoked_at`` and ``revoke_reason``)."""

    seminar: Seminar
    minutes_by_session: dict[int, int]
    registrations: list[Registration]
    attended: dict[int, set[int]] = field(default_factory=dict)
    certificates: dict[int, Certificate] = field(default_factory=dict)


def _load(session: Session, seminar_id: int) -> SeminarAttendance:
    seminar = get_or_refuse(session, Seminar, seminar_id, "seminar")
    counted = {
        sid: int((end - start).total_seconds() // 60)
        for sid, kind, start, end in session.execute(
            select(AgendaSession.id, AgendaSession.kind, AgendaSession.starts_at, AgendaSession.ends_at)
            .where(AgendaSession.seminar_id == seminar_id)
        )
        if kind not in NOT_COUNTED_KINDS
    }
    registrations = list(session.scalars(
        select(Registration).join(Registration.person).options(contains_eager(Registration.person))
        .where(Registration.seminar_id == seminar_id).order_by(Person.sort_key, Person.id)
    ))
    attended: dict[int, set[int]] = defaultdict(set)
    for person_id, session_id in session.execute(
        select(Attendance.person_id, Attendance.session_id).join(AgendaSession)
        .where(AgendaSession.seminar_id == seminar_id)
    ):
        if session_id in counted:
            attended[person_id].add(session_id)
    certificates = {
        c.person_id: c for c in session.scalars(select(Certificate).where(Certificate.seminar_id == seminar_id))
    }
    return SeminarAttendance(seminar, counted, registrations, attended, certificates)


def _floor1(numerator: int, denominator: int) -> str:
    """numerator/denominator with one decimal, rounded down, so a shown figure never looks
    like it meets a rule it misses."""
    tenths = numerator * 10 // denominator
    return f"{tenths // 10}.{tenths % 10}"


def _pct_number(attended: int, total: int) -> str:
    """The share in per cent, one decimal rounded down, without a trailing '.0'."""
    text = _floor1(attended * 100, total)
    return text.removesuffix(".0")


def attendance_text(attended: int, total: int, minutes: int) -> Text:
    """'attended 3 of 8 sessions (37.5 %), 6.0 h'"""
    hours = _floor1(minutes, 60)
    if not total:
        return say(QT_TRANSLATE_NOOP("core", "attended {attended} of {total} sessions, {hours} h"),
                   attended=attended, total=total, hours=hours)
    share = _pct_number(attended, total)
    if total == 1:
        return say(QT_TRANSLATE_NOOP("core", "attended {attended} of {total} session ({share} %), {hours} h"),
                   attended=attended, total=total, share=share, hours=hours)
    return say(QT_TRANSLATE_NOOP("core", "attended {attended} of {total} sessions ({share} %), {hours} h"),
               attended=attended, total=total, share=share, hours=hours)


def revocation_reason(reason: str) -> str:
    """A stored revocation reason: typed by a person (shown as it is), or the app's own (translated)."""
    if reason == ERASED_REASON:
        return say(QT_TRANSLATE_NOOP("core", "the holder's personal data was erased"))  # = ERASED_REASON, translated
    return reason


class _Threshold:
    """A rule as exact fractions, made once per batch (comparisons stay exact: 6 of 8 is 75 %)."""

    def __init__(self, rule: Rule) -> None:
        self.share = Fraction(str(rule.min_attendance_pct)) / 100 if rule.min_attendance_pct is not None else None
        self.hours = Fraction(str(rule.min_hours)) if rule.min_hours is not None else None

    def met(self, attended: int, total: int, minutes: int) -> bool:
        if self.share is not None and total > 0 and attended * self.share.denominator >= \
                self.share.numerator * total:
            return True
        return self.hours is not None and minutes * self.hours.denominator >= 60 * self.hours.numerator


def _judge(data: SeminarAttendance, reg: Registration, rule: Rule, threshold: _Threshold) -> Eligibility:
    person = reg.person
    sessions = data.attended.get(reg.person_id, set())
    minutes = sum(data.minutes_by_session[s] for s in sessions)
    total = len(data.minutes_by_session)
    cert = data.certificates.get(reg.person_id)
    code = certcodes.format_code(cert.code) if cert else None
    cert_status = cert.status if cert else None
    figures = attendance_text(len(sessions), total, minutes)
    reason: Text
    if person.erased_at is not None:
        eligible, reason = False, say(QT_TRANSLATE_NOOP("core", "person erased"))
    elif reg.status == "cancelled":
        eligible, reason = False, say(QT_TRANSLATE_NOOP("core", "registration cancelled; {figures}"), figures=figures)
    elif data.seminar.status == "cancelled":
        eligible, reason = False, say(QT_TRANSLATE_NOOP("core", "the seminar is cancelled"))
    elif total == 0:
        eligible, reason = False, say(QT_TRANSLATE_NOOP(
            "core", "the seminar has no sessions to attend (breaks and meals do not count)"))
    elif not threshold.met(len(sessions), total, minutes):
        eligible, reason = False, say(QT_TRANSLATE_NOOP("core", "{figures}; needs {rule}"), figures=figures,
                                      rule=rule.describe())
    elif cert is not None and cert.revoked_at is not None:
        eligible = False
        day = f"{cert.revoked_at:%Y-%m-%d}"
        if cert.revoke_reason:
            reason = say(QT_TRANSLATE_NOOP("core", "{figures}, but certificate {code} was revoked on {day} ({why}); "
                                                   "reinstate it to print it again"),
                         figures=figures, code=code, day=day, why=revocation_reason(cert.revoke_reason))
        else:
            reason = say(QT_TRANSLATE_NOOP("core", "{figures}, but certificate {code} was revoked on {day}; "
                                                   "reinstate it to print it again"),
                         figures=figures, code=code, day=day)
    else:
        eligible, reason = True, figures
    if not eligible and cert_status == "valid":  # issued under an earlier rule or attendance: say so
        reason = say(QT_TRANSLATE_NOOP("core", "{reason}; certificate {code} issued earlier stays valid until revoked"),
                     reason=reason, code=code)
    return Eligibility(reg.person_id, person.display_name, reg.status, len(sessions), total, minutes,
                       eligible, reason, code, cert_status)


def judged(session: Session, seminar_id: int, rule: Rule | None = None
           ) -> tuple[SeminarAttendance, list[tuple[Registration, Eligibility]]]:
    """What was read of the seminar, and every registration with its verdict, by family name
    (``rule`` defaults to the seminar's settings). Issuing certificates starts from here."""
    rule = rule or get_settings(session, seminar_id).rule
    data = _load(session, seminar_id)
    return data, judge_all(data, rule)


def judge_all(data: SeminarAttendance, rule: Rule) -> list[tuple[Any, Eligibility]]:
    """Every registration of ``data`` with its verdict under ``rule`` (``data`` read by :func:`judged`,
    or by the Documents tab's page loader from plain rows shaped alike)."""
    threshold = _Threshold(rule)
    return [(reg, _judge(data, reg, rule, threshold)) for reg in data.registrations]


def eligibility(session: Session, seminar_id: int, *, rule: Rule | None = None) -> list[Eligibility]:
    """Everyone registered for the seminar (any status), by family name, judged by ``rule``
    (default: the seminar's settings)."""
    return [row for _, row in judged(session, seminar_id, rule)[1]]
