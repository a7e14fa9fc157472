"""The certificate register: issue codes to the eligible, look them up, verify, revoke, reinstate.

Who is eligible is :mod:`.certificate_eligibility`'s decision, under the rule kept in
:mod:`.certificate_settings`. Decisions worth knowing here:

- **Codes** come from :mod:`..certcodes` (random, with a check character). A person
  keeps one code per seminar: issuing again returns the same code, with the printed
  name, title and attendance refreshed.
- **Revoked stays revoked.** A batch never re-validates a revoked certificate. Only
  :func:`reinstate` (``revoke CODE --undo``) makes it valid again, on purpose.
- **Erased holders.** Erasing a person blanks the name kept in the register and revokes
  their certificates ("the holder's personal data was erased"): nobody can any longer
  tell whose it was, so the register must not vouch for whoever shows the paper.
  ``verify`` then answers *revoked*, holder "(erased)", with the seminar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from .. import certcodes, validate
from ..errors import NotFound, RuleViolation, ValidationError
from ..messages import QT_TRANSLATE_NOOP, Text, say
from ..models import Certificate, Person, Seminar, utcnow
from .certificate_eligibility import ERASED_REASON, Eligibility, judged, revocation_reason
from .certificate_settings import Rule
from .common import check_id, get_or_refuse


# ---------------------------------------------------------------- the register
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
    data, verdicts = judged(session, seminar_id, rule)
    wanted = [(reg, row) for reg, row in verdicts if row.eligible]
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
        check_id(person_id, "person")
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
    check_id(person_id, "person")
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
    status = cert.status
    seminar = cert.seminar
    formatted = certcodes.format_code(cert.code)
    detail: Text
    if status == "valid":
        detail = say(QT_TRANSLATE_NOOP("core", "{holder} — {title} ({first} to {last}), issued {day}"),
                     holder=holder, title=cert.seminar_title, first=str(seminar.start_date),
                     last=str(seminar.end_date), day=f"{cert.issued_at:%Y-%m-%d}")
    elif cert.revoke_reason:
        detail = say(QT_TRANSLATE_NOOP("core", "revoked on {day}: {why}"), day=f"{cert.revoked_at:%Y-%m-%d}",
                     why=revocation_reason(cert.revoke_reason))
    else:
        detail = say(QT_TRANSLATE_NOOP("core", "revoked on {day}"), day=f"{cert.revoked_at:%Y-%m-%d}")
    return Verification(status, formatted, holder, cert.seminar_title, cert.seminar_id, cert.person_id, cert.id,
                        seminar.start_date, seminar.end_date, cert.issued_at, cert.revoked_at, cert.revoke_reason,
                        detail)
