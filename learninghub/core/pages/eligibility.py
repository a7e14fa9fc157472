"""The Documents tab's list: who is eligible for a certificate and why, with the rule, and the
sessions a sign-in sheet can be printed for — a fixed number of statements whatever the seminar's size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..messages import Text
from ..models import AgendaSession
from ..services import certificate_eligibility, certificate_settings
from ..store import Database
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


def eligibility_page(db: Database, seminar_id: int) -> EligibilityPage:
    """Read on a worker: every registration judged by the seminar's rule, by family name."""
    with db.reading() as session:
        settings = certificate_settings.get_settings(session, seminar_id)
        data, judged = certificate_eligibility.judged(session, seminar_id, settings.rule)
        sessions = session.execute(
            select(AgendaSession.id, AgendaSession.title, AgendaSession.title_zh, AgendaSession.starts_at)
            .where(AgendaSession.seminar_id == seminar_id, AgendaSession.kind.not_in(NOT_ATTENDED_KINDS))
            .order_by(AgendaSession.starts_at, AgendaSession.id)).all()
        return EligibilityPage(seminar_id, tuple(row for _, row in judged), settings.rule.describe(),
                               data.seminar.timezone, tuple(SigninSession(*s) for s in sessions))
