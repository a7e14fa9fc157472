"""Certificates of participation: who is eligible and why, the register, verify and revoke.

Decisions worth knowing:

- **What counts.** A seminar's sessions, except breaks and meals (nobody checks in for
  coffee). Cancelled occurrences and deleted sessions are gone from the agenda, so they
  do not count. Only registrations not cancelled, of people not erased, can be eligible.
- **The rule.** At least N % of the counted sessions and/or at least H hours of them;
  when both are set, meeting either is enough. Without settings: 75 % (config DEFAULTS).
  Comparisons are exact (fractions), so 6 of 8 meets 75 %.
- **Codes** come from :mod:`..certcodes` (random, with a check character). A person
  keeps one code per seminar: issuing again returns the same code, with the printed
  name, title and attendance refreshed.
- **Revoked stays revoked.** A batch never re-validates a revoked certificate: the
  person is listed as not eligible with the revocation as the reason. Only
  :func:`reinstate` (``revoke CODE --undo``) makes it valid again, on purpose.
- **Erased holders.** Erasing a person blanks the name kept in the register and revokes
  their certificates ("the holder's personal data was erased"): nobody can any longer
  tell whose it was, so the register must not vouch for whoever shows the paper.
  ``verify`` then answers *revoked*, holder "(erased)", with the seminar.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from ... import config
from .. import certcodes, validate
from ..errors import NotFound, RuleViolation, StaleEdit, ValidationError
from ..messages import QT_TRANSLATE_NOOP, Text, say
from ..models import (
    AgendaSession,
    Attendance,
    Certificate,
    CertificateSettings,
    Person,
    Registration,
    Seminar,
    utcnow,
)
from .common import UNSET, get_or_refuse

#: Session kinds that are not part of the programme one is certified for.
NOT_COUNTED_KINDS = frozenset({"break", "meal"})
MAX_SIGNATORIES = 3
MAX_LOGOS = 3
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
#: Stored as the revocation reason (in English); shown translated where the register is read.
ERASED_REASON = QT_TRANSLATE_NOOP("core", "the holder's personal data was erased")


# ---------------------------------------------------------------- settings
@dataclass(frozen=True)
class Rule:
    """Eligible with at least ``min_attendance_pct`` % of sessions, or ``min_hours`` hours."""

    min_attendance_pct: float | None = None
    min_hours: float | None = None

    @classmethod
    def default(cls) -> Rule:
        return cls(min_attendance_pct=float(config.DEFAULTS["min_attendance_percent"]))  # type: ignore[arg-type]

    def describe(self) -> Text:
        share = hours = None
        if self.min_attendance_pct is not None:
            share = say(QT_TRANSLATE_NOOP("core", "{pct} % of sessions"), pct=_num(self.min_attendance_pct))
        if self.min_hours is not None:
            hours = say(QT_TRANSLATE_NOOP("core", "{hours} h"), hours=_num(self.min_hours))
        if share is not None and hours is not None:
            return say(QT_TRANSLATE_NOOP("core", "{share} or {hours}"), share=share, hours=hours)
        return share or hours or Text("")


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str | None = None
    #: The title in Chinese, printed instead of ``title`` on a Chinese certificate and under it on en+zh.
    title_zh: str | None = None


@dataclass(frozen=True)
class Settings:
    """A seminar's certificate settings; ``version`` 0 means never saved (the defaults)."""

    seminar_id: int
    rule: Rule
    signatories: tuple[Signatory, ...] = ()
    #: The wording's default language: en+zh when set, else English (``certificates --lang`` overrides it).
    bilingual: bool = False
    logos: tuple[str, ...] = ()
    version: int = 0

    @property
    def lang(self) -> str:
        """The document language the certificates print in unless a run asks for another."""
        return "en+zh" if self.bilingual else "en"


def check_rule(min_attendance_pct: float | None, min_hours: float | None, *, where: str = "rule") -> Rule:
    """A rule from typed values: a percentage in (0, 100], hours > 0, at least one of them."""
    if min_attendance_pct is not None:
        pct = float(min_attendance_pct)
        if not 0 < pct <= 100:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "must be more than 0 and at most 100 (got {value})"),
                                  where="minimum attendance %", value=_num(pct))
        min_attendance_pct = pct
    if min_hours is not None:
        hours = float(min_hours)
        if not 0 < hours <= 10_000:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "must be more than 0 and at most 10000 (got {value})"),
                                  where="minimum hours", value=_num(hours))
        min_hours = hours
    if min_attendance_pct is None and min_hours is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "give a minimum attendance % or a minimum of hours (or both)"),
                              where=where)
    return Rule(min_attendance_pct, min_hours)


def _check_signatories(items: Iterable[Signatory | tuple[str, ...]]) -> list[dict[str, str | None]]:
    """Signatories as stored: name and title, and the Chinese title only when there is one
    (settings saved before it existed read the same)."""
    result: list[dict[str, str | None]] = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, Signatory):
            name, title, title_zh = item.name, item.title, item.title_zh
        else:
            name, title, title_zh = (tuple(item) + (None, None))[:3]
        entry = {
            "name": validate.required_text(
                name, say(QT_TRANSLATE_NOOP("field", "signatory {n} name"), context="field", n=i), max_len=200),
            "title": validate.text(
                title, say(QT_TRANSLATE_NOOP("field", "signatory {n} title"), context="field", n=i), max_len=200),
        }
        chinese = validate.text(
            title_zh, say(QT_TRANSLATE_NOOP("field", "signatory {n} Chinese title"), context="field", n=i),
            max_len=200)
        if chinese:
            entry["title_zh"] = chinese
        result.append(entry)
    if len(result) > MAX_SIGNATORIES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "at most {most} people sign a certificate (got {count})"),
                              where="signatories", most=MAX_SIGNATORIES, count=len(result))
    return result


def _check_logos(paths: Iterable[str | Path]) -> list[str]:
    """Existing PNG/JPEG files, stored as absolute paths; a relative name is looked for in
    the current folder, then under ``resources/``."""
    result = []
    for i, raw in enumerate(paths, start=1):
        where = say(QT_TRANSLATE_NOOP("field", "logo {n}"), context="field", n=i)
        text = validate.required_text(str(raw), where, max_len=1000)
        path = Path(text).expanduser()
        if not path.is_absolute() and not path.exists():
            try:
                path = config.resource_path(text)
            except ValueError:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "{path} is outside resources/"), where=where,
                                      path=text) from None
        if not path.is_file():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "there is no file {path}"), where=where, path=text)
        if path.suffix.lower() not in LOGO_SUFFIXES:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{name} is not a PNG or JPEG image"), where=where,
                                  name=path.name)
        result.append(str(path.resolve()))
    if len(result) > MAX_LOGOS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "at most {most} logos fit on a certificate (got {count})"),
                              where="logos", most=MAX_LOGOS, count=len(result))
    return result


def _settings_of(row: CertificateSettings | None, seminar_id: int) -> Settings:
    if row is None:
        return Settings(seminar_id, Rule.default())
    return Settings(
        seminar_id,
        Rule(row.min_attendance_pct, row.min_hours),
        tuple(Signatory(s["name"], s.get("title"), s.get("title_zh")) for s in row.signatories or ()),
        bool(row.bilingual),
        tuple(row.logos or ()),
        row.version,
    )


def get_settings(session: Session, seminar_id: int) -> Settings:
    """The seminar's settings, or the defaults (75 %, no signatories) if never set."""
    get_or_refuse(session, Seminar, seminar_id, "seminar")
    return _settings_of(session.get(CertificateSettings, seminar_id), seminar_id)


def set_settings(
    session: Session,
    seminar_id: int,
    *,
    min_attendance_pct: float | None = UNSET,
    min_hours: float | None = UNSET,
    signatories: Sequence[Signatory | tuple[str, ...]] = UNSET,
    bilingual: bool = UNSET,
    logos: Sequence[str | Path] = UNSET,
    expected_version: int | None = None,
) -> Settings:
    """Change what is given (UNSET leaves a field; None clears one half of the rule)."""
    get_or_refuse(session, Seminar, seminar_id, "seminar")
    row = session.get(CertificateSettings, seminar_id)
    stored = row.version if row is not None else 0  # never saved: the defaults are version 0
    if expected_version is not None and expected_version != stored:
        raise StaleEdit(QT_TRANSLATE_NOOP("core", "the certificate settings of seminar {id} were changed by someone "
                                                  "else meanwhile (you edited version {edited}, they are now version "
                                                  "{stored}); reload them and apply your change again"),
                        where="certificate settings", id=seminar_id, edited=expected_version, stored=stored)
    if row is None:
        default = Rule.default()
        row = CertificateSettings(seminar_id=seminar_id, min_attendance_pct=default.min_attendance_pct,
                                  min_hours=None, signatories=[], bilingual=False, logos=[])
        session.add(row)
    pct = row.min_attendance_pct if min_attendance_pct is UNSET else min_attendance_pct
    hours = row.min_hours if min_hours is UNSET else min_hours
    rule = check_rule(pct, hours)
    row.min_attendance_pct, row.min_hours = rule.min_attendance_pct, rule.min_hours
    if signatories is not UNSET:
        row.signatories = _check_signatories(signatories)
    if bilingual is not UNSET:
        row.bilingual = bool(bilingual)
    if logos is not UNSET:
        row.logos = _check_logos(logos)
    session.flush()
    return _settings_of(row, seminar_id)


# ---------------------------------------------------------------- eligibility
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
class _Seminar:
    """What eligibility reads once per seminar."""

    seminar: Seminar
    minutes_by_session: dict[int, int]
    registrations: list[Registration]
    attended: dict[int, set[int]] = field(default_factory=dict)
    certificates: dict[int, Certificate] = field(default_factory=dict)


def _load(session: Session, seminar_id: int) -> _Seminar:
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
    return _Seminar(seminar, counted, registrations, attended, certificates)


def _num(value: float) -> str:
    return f"{value:g}"


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


def _reason_text(reason: str) -> str:
    """A stored revocation reason: typed by a person (shown as it is), or the app's own (translated)."""
    return say(QT_TRANSLATE_NOOP("core", "the holder's personal data was erased")) if reason == ERASED_REASON \
        else reason


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


def _judge(data: _Seminar, reg: Registration, rule: Rule, threshold: _Threshold) -> Eligibility:
    person = reg.person
    sessions = data.attended.get(reg.person_id, set())
    minutes = sum(data.minutes_by_session[s] for s in sessions)
    total = len(data.minutes_by_session)
    cert = data.certificates.get(reg.person_id)
    code = certcodes.format_code(cert.code) if cert else None
    cert_status = status_of(cert) if cert else None
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
                         figures=figures, code=code, day=day, why=_reason_text(cert.revoke_reason))
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


def eligibility(session: Session, seminar_id: int, *, rule: Rule | None = None) -> list[Eligibility]:
    """Everyone registered for the seminar (any status), by family name, judged by ``rule``
    (default: the seminar's settings)."""
    rule = rule or get_settings(session, seminar_id).rule
    data = _load(session, seminar_id)
    threshold = _Threshold(rule)
    return [_judge(data, reg, rule, threshold) for reg in data.registrations]


# ---------------------------------------------------------------- the register
def status_of(certificate: Certificate) -> str:
    return "revoked" if certificate.revoked_at is not None else "valid"


def _fresh_codes(session: Session, count: int) -> list[str]:
    """``count`` new codes, none already in the register (a clash is astronomically rare,
    and the unique index would refuse it anyway)."""
    codes: set[str] = set()
    while len(codes) < count:
        wanted = count - len(codes)
        batch = {certcodes.new_code() for _ in range(wanted)} - codes
        batch_list = sorted(batch)
        for i in range(0, len(batch_list), 500):
            chunk = batch_list[i:i + 500]
            batch -= set(session.scalars(select(Certificate.code).where(Certificate.code.in_(chunk))))
        codes |= batch
    return list(codes)


def _snapshot(cert: Certificate, person: Person, seminar: Seminar, row: Eligibility) -> None:
    """What the register keeps as printed; only changed values are written (a re-run of an
    unchanged batch writes nothing)."""
    values = {"holder_name": person.display_name, "seminar_title": seminar.title,
              "sessions_attended": row.sessions_attended, "sessions_total": row.sessions_total,
              "minutes_attended": row.minutes_attended}
    for key, value in values.items():
        if getattr(cert, key) != value:
            setattr(cert, key, value)
    # The holder and seminar are loaded already: attach them without marking anything changed.
    set_committed_value(cert, "person", person)
    set_committed_value(cert, "seminar", seminar)


def issue_certificates(
    session: Session, seminar_id: int, *, rule: Rule | None = None, at: dt.datetime | None = None
) -> list[Certificate]:
    """A certificate for everyone eligible, in list order: new codes for new holders, the
    same code again for those already in the register. Revoked ones are not re-issued."""
    rule = rule or get_settings(session, seminar_id).rule
    data = _load(session, seminar_id)
    threshold = _Threshold(rule)
    judged = [(reg, _judge(data, reg, rule, threshold)) for reg in data.registrations]
    wanted = [(reg, row) for reg, row in judged if row.eligible]
    new_codes = iter(_fresh_codes(session, sum(1 for reg, _ in wanted if reg.person_id not in data.certificates)))
    issued_at = at or utcnow()
    result = []
    for reg, row in wanted:
        cert = data.certificates.get(reg.person_id)
        if cert is None:
            cert = Certificate(code=next(new_codes), person_id=reg.person_id, seminar_id=seminar_id,
                               issued_at=issued_at)
            session.add(cert)
        _snapshot(cert, reg.person, data.seminar, row)
        result.append(cert)
    session.flush()
    return result


def _find(session: Session, code_text: str) -> Certificate:
    code = certcodes.parse_code(code_text)
    if code is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{code!r} is not a certificate code (12 letters and digits, as XXXX-XXXX-XXXX; "
                                      "check for a mistyped character)"), where="code", code=code_text)
    cert = session.scalars(select(Certificate).where(Certificate.code == code)).first()
    if cert is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no certificate in the register has code {code}"), where="code",
                       code=certcodes.format_code(code))
    return cert


def get_certificate(session: Session, code_text: str) -> Certificate:
    """The register entry for a code typed in any case, with or without dashes."""
    return _find(session, code_text)


def list_certificates(session: Session, *, seminar_id: int | None = None,
                      person_id: int | None = None) -> list[Certificate]:
    query = select(Certificate).options(selectinload(Certificate.seminar)).order_by(
        Certificate.seminar_id, Certificate.id)
    if seminar_id is not None:
        get_or_refuse(session, Seminar, seminar_id, "seminar")
        query = query.where(Certificate.seminar_id == seminar_id)
    if person_id is not None:
        query = query.where(Certificate.person_id == person_id)
    return list(session.scalars(query))


def revoke(session: Session, code_text: str, *, reason: str | None = None,
           at: dt.datetime | None = None) -> Certificate:
    """Mark a certificate revoked; ``verify`` answers "revoked" from now on."""
    cert = _find(session, code_text)
    why = validate.text(reason, "reason", max_len=1000)
    if cert.revoked_at is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "certificate {code} was already revoked on {day}"), where="code",
                            code=certcodes.format_code(cert.code), day=f"{cert.revoked_at:%Y-%m-%d}")
    cert.revoked_at = at or utcnow()
    cert.revoke_reason = why
    session.flush()
    return cert


def reinstate(session: Session, code_text: str) -> Certificate:
    """Make a revoked certificate valid again: the one deliberate way back."""
    cert = _find(session, code_text)
    formatted = certcodes.format_code(cert.code)
    if cert.revoked_at is None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "certificate {code} is not revoked"), where="code", code=formatted)
    if cert.person.erased_at is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "certificate {code} belonged to a person since erased; "
                                                      "it stays revoked"), where="code", code=formatted)
    cert.revoked_at = None
    cert.revoke_reason = None
    session.flush()
    return cert


def forget_holder(session: Session, person_id: int, *, at: dt.datetime | None = None) -> int:
    """For erasing a person: blank their name in the register and revoke their certificates
    (a reason typed earlier may name them, so it is replaced). Returns how many."""
    certs = list(session.scalars(select(Certificate).where(Certificate.person_id == person_id)))
    for cert in certs:
        cert.holder_name = ""
        if cert.revoked_at is None:
            cert.revoked_at = at or utcnow()
        cert.revoke_reason = ERASED_REASON
    session.flush()
    return len(certs)


# ---------------------------------------------------------------- verification
@dataclass(frozen=True)
class Verification:
    """The register's answer about a code: valid, revoked or unknown."""

    status: str
    code: str
    holder: str | None = None
    seminar_title: str | None = None
    seminar_id: int | None = None
    person_id: int | None = None
    certificate_id: int | None = None
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    issued_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    revoke_reason: str | None = None
    #: One line for a person: what the answer means (a Text: the interface shows it translated).
    detail: str = ""


def verify(session: Session, code_text: str) -> Verification:
    """Look a code up in the register (offline). Never raises for a bad code: a verifier
    wants an answer, and "unknown" is one."""
    code = certcodes.parse_code(code_text)
    if code is None:
        return Verification("unknown", (code_text or "").strip(), detail=say(QT_TRANSLATE_NOOP(
            "core", "not a certificate code (mistyped, or not issued by Learning Hub Planner)")))
    formatted = certcodes.format_code(code)
    cert = session.scalars(
        select(Certificate).options(selectinload(Certificate.seminar)).where(Certificate.code == code)
    ).first()
    if cert is None:
        return Verification("unknown", formatted,
                            detail=say(QT_TRANSLATE_NOOP("core", "no certificate in the register has this code")))
    return answer_for(cert)


def answer_for(cert: Certificate) -> Verification:
    """What ``verify`` answers for a register entry (valid or revoked)."""
    holder = cert.holder_name or say(QT_TRANSLATE_NOOP("core", "(erased)"))
    status = status_of(cert)
    seminar = cert.seminar
    formatted = certcodes.format_code(cert.code)
    detail: Text
    if status == "valid":
        detail = say(QT_TRANSLATE_NOOP("core", "{holder} — {title} ({first} to {last}), issued {day}"),
                     holder=holder, title=cert.seminar_title, first=str(seminar.start_date),
                     last=str(seminar.end_date), day=f"{cert.issued_at:%Y-%m-%d}")
    elif cert.revoke_reason:
        detail = say(QT_TRANSLATE_NOOP("core", "revoked on {day}: {why}"), day=f"{cert.revoked_at:%Y-%m-%d}",
                     why=_reason_text(cert.revoke_reason))
    else:
        detail = say(QT_TRANSLATE_NOOP("core", "revoked on {day}"), day=f"{cert.revoked_at:%Y-%m-%d}")
    return Verification(status, formatted, holder, cert.seminar_title, cert.seminar_id, cert.person_id, cert.id,
                        seminar.start_date, seminar.end_date, cert.issued_at, cert.revoked_at, cert.revoke_reason,
                        detail)
