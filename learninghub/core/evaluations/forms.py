"""A seminar's questionnaire made from a template and its agenda, and responses stored in bulk.

Why the agenda is read once at creation: the questionnaire asks about the sessions as they
were; a session renamed later keeps its question (``about`` holds the printed name) and a
session removed leaves its answers (``session_id`` goes NULL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from .. import vocab
from ..errors import NotFound, RuleViolation
from ..messages import QT_TRANSLATE_NOOP
from ..models import (
    AgendaSession,
    EvaluationAnswer,
    EvaluationForm,
    EvaluationQuestion,
    EvaluationResponse,
    Person,
    Seminar,
    SessionSpeaker,
    display_name,
    utcnow,
)
from ..services.common import get_or_refuse
from .templates import Template

TABLES = (EvaluationForm, EvaluationQuestion, EvaluationResponse, EvaluationAnswer)


def form_of(session: Session, seminar_id: int) -> EvaluationForm:
    """The seminar's questionnaire, or NotFound saying it has none."""
    get_or_refuse(session, Seminar, seminar_id, "seminar")
    form = session.scalar(select(EvaluationForm).where(EvaluationForm.seminar_id == seminar_id))
    if form is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "seminar {id} has no evaluation questionnaire; create one first"),
                       where="seminar", id=seminar_id)
    return form


def _agenda(session: Session, seminar_id: int) -> tuple[list[Any], list[Any]]:
    """The sessions a block is repeated for (breaks and meals left out) and their speakers in order."""
    sessions = session.execute(
        select(AgendaSession.id, AgendaSession.title, AgendaSession.title_zh, AgendaSession.starts_at)
        .where(AgendaSession.seminar_id == seminar_id, AgendaSession.kind.not_in(vocab.NOT_ATTENDED_KINDS))
        .order_by(AgendaSession.starts_at, AgendaSession.id)).all()
    speakers = session.execute(
        select(Person.id, Person.given_name, Person.family_name, Person.native_name, Person.erased_at)
        .join(SessionSpeaker, SessionSpeaker.person_id == Person.id)
        .join(AgendaSession, AgendaSession.id == SessionSpeaker.session_id)
        .where(AgendaSession.seminar_id == seminar_id, AgendaSession.kind.not_in(vocab.NOT_ATTENDED_KINDS))
        .order_by(AgendaSession.starts_at, AgendaSession.id, SessionSpeaker.position)).all()
    seen: set[int] = set()
    unique = [s for s in speakers if s.erased_at is None and not (s.id in seen or seen.add(s.id))]  # type: ignore[func-returns-value]
    return list(sessions), unique


def _session_names(rows: list[Any]) -> list[tuple[str, str | None]]:
    """Each session's printed name; a title used twice gets its day, so every column title is distinct."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.title.casefold()] = counts.get(r.title.casefold(), 0) + 1
    names = []
    for r in rows:
        if counts[r.title.casefold()] > 1:
            day = r.starts_at.date().isoformat()
            names.append((f"{r.title} ({day})", f"{r.title_zh} ({day})" if r.title_zh else None))
        else:
            names.append((r.title, r.title_zh))
    return names


def question_rows(session: Session, seminar_id: int, template: Template) -> list[dict[str, Any]]:
    """The questions of ``template`` as asked at the seminar: repeated blocks expanded from its agenda."""
    sessions, speakers = _agenda(session, seminar_id)
    names = _session_names(sessions)
    rows: list[dict[str, Any]] = []
    for spec in template.questions:
        base = {"code": spec.code, "kind": spec.kind, "text": spec.text, "text_zh": spec.text_zh, "required": spec.required,
                    "options": [{"en": o.en, **({"zh": o.zh} if o.zh else {})} for o in spec.options]}
        if spec.per == "session":
            rows += [base | {"session_id": s.id, "about": name[:500], "about_zh": (zh or None) and zh[:500]}
                     for s, (name, zh) in zip(sessions, names)]
        elif spec.per == "speaker":
            rows += [base | {"speaker_id": p.id, "about": display_name(p.given_name, p.family_name, None)[:500],
                                 "about_zh": p.native_name} for p in speakers]
        else:
            rows.append(base)
    for position, row in enumerate(rows, 1):
        row.setdefault("session_id", None)
        row.setdefault("speaker_id", None)
        row.setdefault("about", None)
        row.setdefault("about_zh", None)
        row["position"] = position
    return rows


def create_form(session: Session, seminar_id: int, template: Template, *, anonymous: bool | None = None) -> int:
    """Make the seminar's questionnaire from ``template``; refused when it has one already."""
    seminar = get_or_refuse(session, Seminar, seminar_id, "seminar")
    if session.scalar(select(EvaluationForm.id).where(EvaluationForm.seminar_id == seminar_id)) is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} has an evaluation questionnaire already"),
                            where="seminar", id=seminar_id)
    form = EvaluationForm(seminar_id=seminar.id, template=template.name[:40], title=template.title,
                          title_zh=template.title_zh,
                          anonymous=template.anonymous if anonymous is None else anonymous)
    session.add(form)
    session.flush()
    rows = question_rows(session, seminar_id, template)
    session.execute(insert(EvaluationQuestion), [r | {"form_id": form.id} for r in rows])
    return form.id


# ---------------------------------------------------------------- snapshots, so undo is exact
def snapshot(session: Session, form_id: int, response_ids: Sequence[int] | None = None) -> dict[str, list[dict]]:
    """The rows of a whole questionnaire (or of some of its responses), as plain values to put back."""
    conn = session.connection()

    def rows(model: Any, where: Any) -> list[dict[str, Any]]:
        table = model.__table__
        return [dict(r._mapping) for r in conn.execute(select(table).where(where).order_by(table.c.id))]

    if response_ids is not None:
        ids = list(response_ids)
        return {"evaluation_responses": rows(EvaluationResponse, EvaluationResponse.id.in_(ids)),
                "evaluation_answers": rows(EvaluationAnswer, EvaluationAnswer.response_id.in_(ids))}
    responses = select(EvaluationResponse.id).where(EvaluationResponse.form_id == form_id)
    return {"evaluation_forms": rows(EvaluationForm, EvaluationForm.id == form_id),
            "evaluation_questions": rows(EvaluationQuestion, EvaluationQuestion.form_id == form_id),
            "evaluation_responses": rows(EvaluationResponse, EvaluationResponse.form_id == form_id),
            "evaluation_answers": rows(EvaluationAnswer, EvaluationAnswer.response_id.in_(responses))}


def restore(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Put back the rows of :func:`snapshot` with their ids (an undo)."""
    conn = session.connection()
    for model in TABLES:
        found = rows.get(model.__tablename__)
        if found:
            conn.execute(insert(model.__table__), found)
    session.expire_all()


def delete_form(session: Session, seminar_id: int) -> dict[str, list[dict[str, Any]]]:
    """Remove the seminar's questionnaire with its responses; returns what was removed (for the undo)."""
    form = form_of(session, seminar_id)
    removed = snapshot(session, form.id)
    session.execute(delete(EvaluationForm).where(EvaluationForm.id == form.id))
    session.expire_all()
    return removed


# ---------------------------------------------------------------- responses
@dataclass
class NewResponse:
    """A response to store: its answers as (question id, value, text) rows."""

    answers: list[tuple[int, int | None, str | None]] = field(default_factory=list)
    registration_id: int | None = None
    source: str = "paper"
    external_id: str | None = None
    submitted_at: dt.datetime | None = None


def add_responses(session: Session, form_id: int, responses: Sequence[NewResponse]) -> list[int]:
    """Store responses and their answers in two multi-row INSERTs; their ids in the order given."""
    if not responses:
        return []
    conn = session.connection()
    now = utcnow()
    table = EvaluationResponse.__table__
    ids = list(conn.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [{"form_id": form_id, "registration_id": r.registration_id, "source": r.source, "external_id": r.external_id,
              "submitted_at": r.submitted_at, "created_at": now} for r in responses]).scalars())
    answers = [(ident, q, v, t) for ident, r in zip(ids, responses) for q, v, t in r.answers]
    if answers:  # straight to the driver's executemany: 100,000 answers without a dict each
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(f"INSERT INTO evaluation_answers (response_id, question_id, value, text) "
                             f"VALUES ({mark}, {mark}, {mark}, {mark})", answers)
    return ids


def remove_responses(session: Session, form_id: int, ids: Sequence[int]) -> dict[str, list[dict[str, Any]]]:
    """Remove responses of the form; returns what was removed (for the undo)."""
    removed = snapshot(session, form_id, ids)
    session.execute(delete(EvaluationResponse).where(EvaluationResponse.form_id == form_id,
                                                     EvaluationResponse.id.in_(list(ids))))
    return removed
