"""What the session dialog starts from: the seminar's zone and days, and the session's values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .. import timezones
from ..models import AgendaSession, Person, Seminar, SessionSpeaker, display_name
from ..reading import Query
from ..services.common import not_found


@dataclass(frozen=True)
class SessionForm:
    seminar_id: int
    seminar_title: str
    seminar_title_zh: str | None
    timezone: str
    first_day: dt.date
    #: As ``agenda.snapshot`` gives them (local times), or a new session's defaults.
    values: dict[str, Any]
    #: Speaker id → display name, for the speakers in ``values``.
    speaker_names: dict[int, str]


def session_form(seminar_id: int, session_id: int = 0) -> Query[SessionForm]:
    """The dialog's values for ``session_id`` of ``seminar_id`` (0: a new session at 09:00 on the first day)."""
    statements = (
        select(Seminar.title, Seminar.title_zh, Seminar.timezone, Seminar.start_date).where(Seminar.id == seminar_id),
        select(AgendaSession.title, AgendaSession.title_zh, AgendaSession.kind, AgendaSession.starts_at,
               AgendaSession.ends_at, AgendaSession.room, AgendaSession.language, AgendaSession.description,
               AgendaSession.description_zh, AgendaSession.moderator_id, AgendaSession.version,
               AgendaSession.series_id).where(AgendaSession.id == session_id, AgendaSession.seminar_id == seminar_id),
        select(SessionSpeaker.person_id, Person.given_name, Person.family_name, Person.native_name)
        .join(Person, Person.id == SessionSpeaker.person_id)
        .where(SessionSpeaker.session_id == session_id).order_by(SessionSpeaker.position),
    )

    def build(rows: list[Any]) -> SessionForm:
        seminar, found, speakers = rows
        if not seminar or (session_id and not found):
            what, ident = ("seminar", seminar_id) if not seminar else ("session", session_id)
            raise not_found(what, ident)
        sem = seminar[0]
        tz = timezones.zone(sem.timezone)
        if found:
            row = found[0]
            values = {**row._asdict(), "seminar_id": seminar_id,
                      "start": row.starts_at.astimezone(tz).replace(tzinfo=None),
                      "end": row.ends_at.astimezone(tz).replace(tzinfo=None),
                      "speaker_ids": [s.person_id for s in speakers]}
            del values["starts_at"], values["ends_at"]
        else:
            start = dt.datetime.combine(sem.start_date, dt.time(9, 0))
            values = {"title": "", "kind": "talk", "start": start, "end": start + dt.timedelta(hours=1),
                      "room": None, "language": None, "description": None, "speaker_ids": [], "title_zh": None,
                      "description_zh": None}
        names = {s.person_id: display_name(s.given_name, s.family_name, s.native_name) for s in speakers}
        return SessionForm(seminar_id, sem.title, sem.title_zh, sem.timezone, sem.start_date, values, names)

    return Query(statements, build)
