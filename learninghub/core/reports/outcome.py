"""The outcome report's figures for a scope (a curriculum, some of its years, or one seminar), as one Query.

Why one Query of GROUP BYs: funders' figures cover a curriculum of 100,000 registrations; the
database counts them, and only counts come back (one row per seminar, session, city,
organisation… never one per person), in one round trip and one snapshot (``db.read``).

What counts, once for every figure:

- Seminars *in scope*: the curriculum's whose first day falls in ``first_year``..``last_year``, or
  the one seminar. Cancelled ones are counted as cancelled and left out of every other figure.
- Sessions that count are those of the programme: breaks and meals are not (``vocab.NOT_ATTENDED_KINDS``,
  as eligibility and check-in treat them). Contact hours are their lengths.
- *Registered*: a registration holding a seat (registered, confirmed, attended, no-show). *Attended*:
  checked in to a counted session, or marked attended. *No-show*: registered, not attended, and
  marked no-show or the seminar held. *Waiting list*: waitlisted.
- *Participants* are the people who attended at least one seminar in scope; the breakdowns (city,
  country, region, role, organisation, gender) count each participant once, by what their record says
  now. Erased people count in every total (their blanked fields as "not recorded") and are never named.
- *First-time*: a participant whose first attended seminar of the curriculum is in scope;
  *returning*: one who had attended an earlier seminar of the curriculum. Per seminar the same, per attendance.
- *Eligible*: as ``certificate_eligibility`` judges (the seminar's rule, 75 % of counted sessions by
  default, or its hours; not erased, not cancelled, not revoked). Completion rate = eligible / attended.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import String, and_, case, cast, distinct, extract, func, literal, null, or_, select, union_all
from sqlalchemy.sql import Select

from ... import config
from .. import vocab
from ..models import (
    AgendaSession,
    Attendance,
    Certificate,
    CertificateSettings,
    City,
    Curriculum,
    EvaluationAnswer,
    EvaluationForm,
    EvaluationQuestion,
    EvaluationResponse,
    Organisation,
    Person,
    Registration,
    Seminar,
    SeminarPartner,
    SessionSpeaker,
)
from ..reading import Query
from ..services.common import not_found
from . import regions
from .sql import minutes_between

SEAT_HOLDING = tuple(sorted(vocab.SEAT_HOLDING_STATUSES))
NOT_COUNTED = tuple(sorted(vocab.NOT_ATTENDED_KINDS))
#: The dimensions people are broken down by, in the order reports show them.
DIMENSIONS = ("region", "sub_region", "country", "city", "organisation", "role", "gender")


@dataclass(frozen=True)
class Scope:
    """What a report covers: a curriculum (optionally from/to a year) or one seminar."""

    curriculum_id: int | None = None
    seminar_id: int | None = None
    first_year: int | None = None
    last_year: int | None = None


@dataclass(frozen=True)
class Count:
    """One line of a breakdown: a code or id (None: not recorded), its English or own name, the name in its
    own script (cities, organisations), how many. Documents name it in Chinese (documents/outcome_sections.py)."""

    key: str | None
    label: str
    native: str | None
    count: int


@dataclass(frozen=True)
class YearFigures:
    year: int
    seminars: int
    participants: int
    attendances: int
    first_time: int


@dataclass(frozen=True)
class SeminarFigures:
    id: int
    title: str
    title_zh: str | None
    status: str
    first_day: dt.date
    last_day: dt.date
    city: str | None
    city_native: str | None
    sessions: int
    contact_minutes: int
    registered: int
    attended: int
    no_shows: int
    waitlisted: int
    cancelled_registrations: int
    person_sessions: int
    first_time: int
    returning: int
    eligible: int
    certificates_issued: int
    certificates_revoked: int

    @property
    def attendance_rate(self) -> float | None:
        """Who came of those registered."""
        return _rate(self.attended, self.registered)

    @property
    def session_attendance_rate(self) -> float | None:
        """Seats filled, session by session: person-sessions of (registered × sessions)."""
        return _rate(self.person_sessions, self.registered * self.sessions)

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.eligible, self.attended)


@dataclass(frozen=True)
class SessionFigures:
    id: int
    seminar_id: int
    title: str
    title_zh: str | None
    kind: str
    starts_at: dt.datetime
    minutes: int
    attended: int
    registered: int

    @property
    def attendance_rate(self) -> float | None:
        return _rate(self.attended, self.registered)


@dataclass(frozen=True)
class Speaker:
    """A speaker of the scope: named unless erased (then only counted)."""

    person_id: int
    name: str | None
    organisation: str | None
    sessions: int


@dataclass(frozen=True)
class Partner:
    organisation_id: int
    name: str
    native_name: str | None
    role: str
    seminars: int


@dataclass(frozen=True)
class EvaluationFigures:
    """A seminar's evaluation scores: its responses, the ratings given (1–5) and their means."""

    seminar_id: int
    title: str
    title_zh: str | None
    responses: int
    ratings: int
    mean: float | None  # of every rating of its questionnaire
    overall: float | None  # of the "overall satisfaction" question, when the questionnaire asks it


@dataclass(frozen=True)
class OutcomeReport:
    scope: Scope
    title: str
    title_zh: str | None
    first_day: dt.date | None
    last_day: dt.date | None
    seminars_total: int
    seminars_held: int
    seminars_cancelled: int
    seminars_planned: int
    sessions: int
    sessions_not_counted: int
    contact_minutes: int
    registered: int
    attended: int
    no_shows: int
    waitlisted: int
    cancelled_registrations: int
    people_registered: int
    participants: int
    participants_erased: int
    person_sessions: int
    participant_minutes: int
    first_time: int
    returning: int
    attended_several: int
    eligible: int
    certificates_issued: int
    certificates_revoked: int
    seminars: tuple[SeminarFigures, ...]
    session_lines: tuple[SessionFigures, ...]
    breakdowns: dict[str, tuple[Count, ...]]
    years: tuple[YearFigures, ...]
    speakers: tuple[Speaker, ...]
    partners: tuple[Partner, ...] = field(default=())
    #: The scores of the seminars in scope that have an evaluation questionnaire (issue 17).
    evaluations: tuple[EvaluationFigures, ...] = field(default=())

    @property
    def evaluation_mean(self) -> float | None:
        """The mean of every rating given in scope (each seminar weighted by its ratings)."""
        n = sum(e.ratings for e in self.evaluations)
        return sum((e.mean or 0) * e.ratings for e in self.evaluations) / n if n else None

    @property
    def contact_hours(self) -> float:
        return self.contact_minutes / 60

    @property
    def attendance_rate(self) -> float | None:
        return _rate(self.attended, self.registered)

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.eligible, self.attended)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values (days and instants in ISO 8601, rates as fractions of 1 rounded to 4 places)."""
        data = _plain(asdict(self))
        data["contact_hours"] = round(self.contact_hours, 2)
        data["participant_hours"] = round(self.participant_minutes / 60, 2)
        data["attendance_rate"] = _round(self.attendance_rate)
        data["completion_rate"] = _round(self.completion_rate)
        for line, figures in zip(data["seminars"], self.seminars):
            line["attendance_rate"] = _round(figures.attendance_rate)
            line["session_attendance_rate"] = _round(figures.session_attendance_rate)
            line["completion_rate"] = _round(figures.completion_rate)
        for line, figures in zip(data["session_lines"], self.session_lines):
            line["attendance_rate"] = _round(figures.attendance_rate)
        data["sessions_list"] = data.pop("session_lines")
        for line in data["evaluations"]:
            line["mean"], line["overall"] = _round(line["mean"]), _round(line["overall"])
        data["evaluation_mean"] = _round(self.evaluation_mean)
        return data


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# ---------------------------------------------------------------- the statements
def _year(column: Any) -> Any:
    return extract("year", column)


def _scope_filter(scope: Scope) -> Any:
    """The seminars in scope (cancelled ones included), as a WHERE clause on Seminar."""
    if scope.seminar_id is not None:
        return Seminar.id == scope.seminar_id
    clauses = [Seminar.curriculum_id == scope.curriculum_id]
    if scope.first_year is not None:
        clauses.append(_year(Seminar.start_date) >= scope.first_year)
    if scope.last_year is not None:
        clauses.append(_year(Seminar.start_date) <= scope.last_year)
    return and_(*clauses)


def _curriculum_id(scope: Scope) -> Any:
    if scope.curriculum_id is not None:
        return literal(scope.curriculum_id)
    return select(Seminar.curriculum_id).where(Seminar.id == scope.seminar_id).scalar_subquery()


def _ctes(scope: Scope) -> dict[str, Any]:
    """The common parts: the curriculum's live seminars (with an in-scope flag), each registration's
    presence and verdict, and the attended pairs numbered per person in order of seminars."""
    default_pct = float(config.DEFAULTS["min_attendance_percent"])  # type: ignore[arg-type]
    in_scope = case((_scope_filter(scope), 1), else_=0)
    live = (select(Seminar.id.label("seminar_id"), Seminar.start_date, Seminar.status, in_scope.label("in_scope"))
            .where(Seminar.curriculum_id == _curriculum_id(scope), Seminar.status != "cancelled")
            .cte("live"))
    counted = (select(AgendaSession.id.label("session_id"), AgendaSession.seminar_id,
                      minutes_between(AgendaSession.starts_at, AgendaSession.ends_at).label("minutes"))
               .join(live, live.c.seminar_id == AgendaSession.seminar_id)
               .where(AgendaSession.kind.not_in(NOT_COUNTED)).cte("counted"))
    totals = (select(counted.c.seminar_id, func.count().label("sessions")).group_by(counted.c.seminar_id)
              .cte("totals"))
    presence = (select(Attendance.person_id, counted.c.seminar_id, func.count().label("n"),
                       func.sum(counted.c.minutes).label("minutes"))
                .join(counted, counted.c.session_id == Attendance.session_id)
                .group_by(Attendance.person_id, counted.c.seminar_id).cte("presence"))
    n = func.coalesce(presence.c.n, 0)
    minutes = func.coalesce(presence.c.minutes, 0)
    attended = case((or_(n > 0, Registration.status == "attended"), 1), else_=0)
    seat = case((Registration.status.in_(SEAT_HOLDING), 1), else_=0)
    pct = case((CertificateSettings.seminar_id.is_(None), default_pct), else_=CertificateSettings.min_attendance_pct)
    total = func.coalesce(totals.c.sessions, 0)
    rule_met = or_(and_(pct.is_not(None), total > 0, n * 100 >= pct * total),
                   and_(CertificateSettings.min_hours.is_not(None), minutes >= CertificateSettings.min_hours * 60))
    eligible = case((and_(total > 0, Person.erased_at.is_(None), Registration.status != "cancelled",
                          Certificate.revoked_at.is_(None), rule_met), 1), else_=0)
    no_show = case((and_(n == 0, Registration.status != "attended",
                         or_(Registration.status == "no-show",
                             and_(Registration.status.in_(SEAT_HOLDING), live.c.status == "held"))), 1), else_=0)
    regs = (select(Registration.person_id, Registration.seminar_id, Registration.status, live.c.in_scope,
                   live.c.start_date, n.label("n"), minutes.label("minutes"), attended.label("attended"),
                   seat.label("seat"), no_show.label("no_show"), eligible.label("eligible"),
                   case((Person.erased_at.is_(None), 0), else_=1).label("erased"))
            .join(live, live.c.seminar_id == Registration.seminar_id)
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(presence, and_(presence.c.person_id == Registration.person_id,
                                      presence.c.seminar_id == Registration.seminar_id))
            .outerjoin(totals, totals.c.seminar_id == Registration.seminar_id)
            .outerjoin(CertificateSettings, CertificateSettings.seminar_id == Registration.seminar_id)
            .outerjoin(Certificate, and_(Certificate.seminar_id == Registration.seminar_id,
                                         Certificate.person_id == Registration.person_id))
            .cte("regs"))
    order = func.row_number().over(partition_by=regs.c.person_id, order_by=(regs.c.start_date, regs.c.seminar_id))
    att = (select(regs.c.person_id, regs.c.seminar_id, regs.c.in_scope, regs.c.erased, regs.c.n, regs.c.minutes,
                  order.label("rn"))
           .where(regs.c.attended == 1).cte("att"))
    return {"live": live, "counted": counted, "regs": regs, "att": att}


def _seminar_rows(scope: Scope) -> Select[Any]:
    return (select(Seminar.id, Seminar.title, Seminar.title_zh, Seminar.status, Seminar.start_date,
                   Seminar.end_date, City.name.label("city"), City.native_name.label("city_native"))
            .outerjoin(City, City.id == Seminar.city_id).where(_scope_filter(scope))
            .order_by(Seminar.start_date, Seminar.id))


def _header(scope: Scope) -> Select[Any]:
    return (select(Curriculum.id, Curriculum.title, Curriculum.title_zh)
            .where(Curriculum.id == _curriculum_id(scope)))


def _sessions(scope: Scope, c: dict[str, Any]) -> Select[Any]:
    """Every session of the live seminars in scope (breaks too: they are counted as left out),
    with its check-ins."""
    live = c["live"]
    checked = (select(Attendance.session_id, func.count().label("n")).group_by(Attendance.session_id)
               .subquery())
    return (select(AgendaSession.id, AgendaSession.seminar_id, AgendaSession.title, AgendaSession.title_zh,
                   AgendaSession.kind, AgendaSession.starts_at,
                   minutes_between(AgendaSession.starts_at, AgendaSession.ends_at).label("minutes"),
                   func.coalesce(checked.c.n, 0).label("attended"))
            .join(live, and_(live.c.seminar_id == AgendaSession.seminar_id, live.c.in_scope == 1))
            .outerjoin(checked, checked.c.session_id == AgendaSession.id)
            .order_by(AgendaSession.starts_at, AgendaSession.id))


def _per_seminar(c: dict[str, Any]) -> Select[Any]:
    regs = c["regs"]
    return (select(regs.c.seminar_id,
                   func.sum(regs.c.seat).label("registered"),
                   func.sum(regs.c.attended).label("attended"),
                   func.sum(regs.c.no_show).label("no_shows"),
                   func.sum(case((regs.c.status == "waitlisted", 1), else_=0)).label("waitlisted"),
                   func.sum(case((regs.c.status == "cancelled", 1), else_=0)).label("cancelled"),
                   func.sum(regs.c.n).label("person_sessions"),
                   func.sum(regs.c.minutes).label("minutes"),
                   func.sum(regs.c.eligible).label("eligible"))
            .where(regs.c.in_scope == 1).group_by(regs.c.seminar_id))


def _first_time(c: dict[str, Any]) -> Select[Any]:
    att = c["att"]
    return (select(att.c.seminar_id, func.sum(case((att.c.rn == 1, 1), else_=0)).label("first_time"),
                   func.sum(case((att.c.rn > 1, 1), else_=0)).label("returned"))
            .where(att.c.in_scope == 1).group_by(att.c.seminar_id))


def _people(c: dict[str, Any]) -> Select[Any]:
    att, regs = c["att"], c["regs"]
    per_person = (select(att.c.person_id, func.max(att.c.erased).label("erased"), func.count().label("seminars"),
                         func.max(case((att.c.rn == 1, 1), else_=0)).label("first"))
                  .where(att.c.in_scope == 1).group_by(att.c.person_id).subquery())
    registered = (select(func.count(distinct(regs.c.person_id)))
                  .where(regs.c.in_scope == 1, regs.c.seat == 1).scalar_subquery())
    return select(func.count().label("participants"), func.coalesce(func.sum(per_person.c.erased), 0).label("erased"),
                  func.coalesce(func.sum(per_person.c.first), 0).label("first_time"),
                  func.coalesce(func.sum(case((per_person.c.seminars > 1, 1), else_=0)), 0).label("several"),
                  registered.label("registered"))


def _participants(c: dict[str, Any]) -> Any:
    att = c["att"]
    return select(att.c.person_id).where(att.c.in_scope == 1).distinct().subquery()


def _by_person_column(c: dict[str, Any], column: Any) -> Select[Any]:
    who = _participants(c)
    return (select(column.label("key"), func.count().label("n")).select_from(who)
            .join(Person, Person.id == who.c.person_id).group_by(column))


def _by_city(c: dict[str, Any]) -> Select[Any]:
    who = _participants(c)
    return (select(City.id, City.name, City.native_name, City.country, func.count().label("n")).select_from(who)
            .join(Person, Person.id == who.c.person_id).outerjoin(City, City.id == Person.city_id)
            .group_by(City.id, City.name, City.native_name, City.country))


def _by_organisation(c: dict[str, Any]) -> Select[Any]:
    who = _participants(c)
    return (select(Organisation.id, Organisation.name, Organisation.native_name, func.count().label("n"))
            .select_from(who).join(Person, Person.id == who.c.person_id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .group_by(Organisation.id, Organisation.name, Organisation.native_name))


def _by_year(c: dict[str, Any]) -> Select[Any]:
    att, live = c["att"], c["live"]
    year = _year(live.c.start_date)
    return (select(year.label("year"), func.count(distinct(att.c.seminar_id)).label("seminars"),
                   func.count(distinct(att.c.person_id)).label("participants"), func.count().label("attendances"),
                   func.sum(case((att.c.rn == 1, 1), else_=0)).label("first_time"))
            .join(live, live.c.seminar_id == att.c.seminar_id).where(att.c.in_scope == 1).group_by(year))


def _seminars_by_year(c: dict[str, Any]) -> Select[Any]:
    live = c["live"]
    year = _year(live.c.start_date)
    return select(year.label("year"), func.count().label("n")).where(live.c.in_scope == 1).group_by(year)


def _certificates(scope: Scope) -> Select[Any]:
    return (select(Certificate.seminar_id, func.count().label("issued"),
                   func.sum(case((Certificate.revoked_at.is_not(None), 1), else_=0)).label("revoked"))
            .join(Seminar, Seminar.id == Certificate.seminar_id).where(_scope_filter(scope))
            .group_by(Certificate.seminar_id))


def _speakers(c: dict[str, Any]) -> Select[Any]:
    live = c["live"]
    return (select(Person.id, Person.given_name, Person.family_name, Person.native_name, Person.erased_at,
                   Organisation.name.label("organisation"), func.count().label("n"))
            .select_from(SessionSpeaker).join(AgendaSession, AgendaSession.id == SessionSpeaker.session_id)
            .join(live, and_(live.c.seminar_id == AgendaSession.seminar_id, live.c.in_scope == 1))
            .join(Person, Person.id == SessionSpeaker.person_id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .group_by(Person.id, Person.given_name, Person.family_name, Person.native_name, Person.erased_at,
                      Organisation.name))


def _partners(c: dict[str, Any]) -> Select[Any]:
    live = c["live"]
    return (select(Organisation.id, Organisation.name, Organisation.native_name, SeminarPartner.role,
                   func.count().label("n"))
            .select_from(SeminarPartner).join(live, and_(live.c.seminar_id == SeminarPartner.seminar_id,
                                                         live.c.in_scope == 1))
            .join(Organisation, Organisation.id == SeminarPartner.organisation_id)
            .group_by(Organisation.id, Organisation.name, Organisation.native_name, SeminarPartner.role))


def _evaluations(scope: Scope) -> Select[Any]:
    """Per seminar in scope with a questionnaire: responses, ratings given, their mean and the overall question's."""
    responses = (select(EvaluationResponse.form_id, func.count().label("n"))
                 .group_by(EvaluationResponse.form_id).subquery())
    rating = case((EvaluationQuestion.code == "overall", EvaluationAnswer.value), else_=null())
    ratings = (select(EvaluationQuestion.form_id, func.count(EvaluationAnswer.value).label("n"),
                      func.avg(EvaluationAnswer.value).label("mean"), func.avg(rating).label("overall"))
               .join(EvaluationAnswer, EvaluationAnswer.question_id == EvaluationQuestion.id)
               .where(EvaluationQuestion.kind == "rating").group_by(EvaluationQuestion.form_id).subquery())
    return (select(Seminar.id, Seminar.title, Seminar.title_zh, func.coalesce(responses.c.n, 0).label("responses"),
                   func.coalesce(ratings.c.n, 0).label("ratings"), ratings.c.mean, ratings.c.overall)
            .join(EvaluationForm, EvaluationForm.seminar_id == Seminar.id)
            .outerjoin(responses, responses.c.form_id == EvaluationForm.id)
            .outerjoin(ratings, ratings.c.form_id == EvaluationForm.id)
            .where(_scope_filter(scope), Seminar.status != "cancelled").order_by(Seminar.start_date, Seminar.id))


#: Columns of the combined statement's parts that hold text (every other one holds a whole number).
_TEXT_COLUMNS = frozenset({"key", "name", "native_name", "country"})


def _combined(parts: list[Select[Any]]) -> Any:
    """The parts as one statement (UNION ALL, every value as text, a first column saying whose row it is).

    Why: the parts all count the same registrations of the curriculum (the ``regs`` CTE: presence,
    verdicts, the window over each person's seminars); in one statement the database works them out once
    (SQLite materialises a CTE used more than once, PostgreSQL every CTE), not once per part."""
    width = max(len(part.selected_columns) for part in parts)
    selects = []
    for index, part in enumerate(parts):
        sub = part.subquery()
        values = [cast(column, String).label(f"c{n}") for n, column in enumerate(sub.c)]
        values += [cast(null(), String).label(f"c{n}") for n in range(len(values), width)]
        selects.append(select(literal(index).label("part"), *values))
    return union_all(*selects)


def _split(parts: list[Select[Any]], rows: list[Any]) -> list[list[Any]]:
    """The combined statement's rows back as each part's rows, with their names and numbers."""
    from collections import namedtuple

    shapes = [namedtuple("Row", list(part.selected_columns.keys()), rename=True) for part in parts]  # type: ignore[misc]
    found: list[list[Any]] = [[] for _ in parts]
    for row in rows:
        index = int(row[0])
        shape = shapes[index]
        values = [v if v is None or name in _TEXT_COLUMNS else int(float(v))
                  for name, v in zip(shape._fields, row[1:])]
        found[index].append(shape(*values))
    return found


def outcome_report(scope: Scope) -> Query[OutcomeReport]:
    """The report of ``scope`` as one Query of 9 statements, whatever the number of people: the counts
    over registrations in one of them (:func:`_combined`); one more for the evaluation scores."""
    c = _ctes(scope)
    parts = [_per_seminar(c), _first_time(c), _people(c), _by_person_column(c, Person.country), _by_city(c),
             _by_organisation(c), _by_person_column(c, Person.role), _by_person_column(c, Person.gender),
             _by_year(c)]
    statements = (
        _header(scope), _seminar_rows(scope), _sessions(scope, c), _combined(parts), _seminars_by_year(c),
        _certificates(scope), _speakers(c), _partners(c), _evaluations(scope),
    )

    def build(rows: list[Any]) -> OutcomeReport:
        header, seminar_rows, session_rows, combined, *rest, evaluations = rows
        report = _build(scope, [header, seminar_rows, session_rows, *_split(parts, combined), *rest])
        return replace(report, evaluations=tuple(
            EvaluationFigures(r.id, r.title, r.title_zh, int(r.responses), int(r.ratings),
                              None if r.mean is None else float(r.mean),
                              None if r.overall is None else float(r.overall)) for r in evaluations))

    return Query(statements, build)  # type: ignore[arg-type]


# ---------------------------------------------------------------- from rows to the report
def _build(scope: Scope, rows: list[Any]) -> OutcomeReport:
    (header, seminar_rows, session_rows, per_seminar, first_time, people, countries, cities, organisations,
     roles, genders, years, seminar_years, certificates, speakers, partners) = rows
    seminar_ids = [s.id for s in seminar_rows]
    if scope.seminar_id is not None and not seminar_ids:
        raise not_found("seminar", scope.seminar_id)
    if not header:
        raise not_found("curriculum", scope.curriculum_id)
    figures = {r.seminar_id: r for r in per_seminar}
    firsts = {r.seminar_id: r for r in first_time}
    certs = {r.seminar_id: r for r in certificates}
    counted = [s for s in session_rows if s.kind not in vocab.NOT_ATTENDED_KINDS]
    sessions_of: dict[int, list[Any]] = {}
    for s in counted:
        sessions_of.setdefault(s.seminar_id, []).append(s)
    lines = []
    for s in seminar_rows:
        f, ft, cert = figures.get(s.id), firsts.get(s.id), certs.get(s.id)
        mine = sessions_of.get(s.id, []) if s.status != "cancelled" else []
        lines.append(SeminarFigures(
            s.id, s.title, s.title_zh, s.status, s.start_date, s.end_date, s.city, s.city_native,
            len(mine), sum(x.minutes for x in mine), _int(f, "registered"), _int(f, "attended"), _int(f, "no_shows"),
            _int(f, "waitlisted"), _int(f, "cancelled"), _int(f, "person_sessions"), _int(ft, "first_time"),
            _int(ft, "returned"), _int(f, "eligible"), _int(cert, "issued"), _int(cert, "revoked")))
    registered_of = {line.id: line.registered for line in lines}
    session_lines = tuple(SessionFigures(s.id, s.seminar_id, s.title, s.title_zh, s.kind, s.starts_at, s.minutes,
                                         s.attended, registered_of.get(s.seminar_id, 0)) for s in counted)
    person = people[0]
    participants = int(person.participants or 0)
    first = int(person.first_time or 0)
    country_counts = [(r.key, int(r.n)) for r in countries]
    breakdowns = {
        "region": _regions(country_counts, regions.region_of),
        "sub_region": _regions(country_counts, regions.sub_region_of),
        "country": _sorted(Count(code, _country_name(code), None, n) for code, n in country_counts),
        "city": _sorted(Count(str(r.id) if r.id is not None else None, r.name or NOT_RECORDED, r.native_name,
                              int(r.n)) for r in cities),
        "organisation": _sorted(Count(str(r.id) if r.id is not None else None, r.name or NOT_RECORDED,
                                      r.native_name, int(r.n)) for r in organisations),
        "role": _ordered(roles, vocab.PERSON_ROLES),
        "gender": _ordered(genders, vocab.PERSON_GENDERS),
    }
    held_by_year = {int(r.year): int(r.n) for r in seminar_years}
    came = {int(r.year): r for r in years}
    year_lines = tuple(YearFigures(y, held_by_year.get(y, 0), _int(came.get(y), "participants"),
                                   _int(came.get(y), "attendances"), _int(came.get(y), "first_time"))
                       for y in sorted(set(held_by_year) | set(came)))
    live_lines = [line for line in lines if line.status != "cancelled"]
    return OutcomeReport(
        scope=scope,
        title=header[0].title, title_zh=header[0].title_zh,
        first_day=min((s.start_date for s in seminar_rows), default=None),
        last_day=max((s.end_date for s in seminar_rows), default=None),
        seminars_total=len(lines),
        seminars_held=sum(line.status == "held" for line in lines),
        seminars_cancelled=sum(line.status == "cancelled" for line in lines),
        seminars_planned=sum(line.status in ("planned", "confirmed") for line in lines),
        sessions=len(counted),
        sessions_not_counted=len(session_rows) - len(counted),
        contact_minutes=sum(s.minutes for s in counted),
        registered=sum(line.registered for line in live_lines),
        attended=sum(line.attended for line in live_lines),
        no_shows=sum(line.no_shows for line in live_lines),
        waitlisted=sum(line.waitlisted for line in live_lines),
        cancelled_registrations=sum(line.cancelled_registrations for line in live_lines),
        people_registered=int(person.registered or 0),
        participants=participants,
        participants_erased=int(person.erased or 0),
        person_sessions=sum(line.person_sessions for line in live_lines),
        participant_minutes=sum(_int(figures.get(line.id), "minutes") for line in live_lines),
        first_time=first,
        returning=participants - first,
        attended_several=int(person.several or 0),
        eligible=sum(line.eligible for line in live_lines),
        certificates_issued=sum(line.certificates_issued for line in lines),
        certificates_revoked=sum(line.certificates_revoked for line in lines),
        seminars=tuple(lines),
        session_lines=session_lines,
        breakdowns=breakdowns,
        years=year_lines,
        speakers=tuple(sorted((Speaker(r.id, None if r.erased_at is not None else _name(r),
                                       None if r.erased_at is not None else r.organisation, int(r.n))
                               for r in speakers), key=lambda s: (-s.sessions, s.name is None, s.name or ""))),
        partners=tuple(sorted((Partner(r.id, r.name, r.native_name, r.role, int(r.n)) for r in partners),
                              key=lambda p: (p.role != "organiser", -p.seminars, p.name.casefold()))),
    )


def _int(row: Any, name: str) -> int:
    return int(getattr(row, name) or 0) if row is not None else 0


def _name(row: Any) -> str:
    from ..models import display_name

    return display_name(row.given_name, row.family_name, row.native_name)


#: The label of a breakdown's line for people whose record does not say (or who were erased).
NOT_RECORDED = vocab.GENDER_NOT_RECORDED


def _sorted(counts: Any) -> tuple[Count, ...]:
    """Most first, then by name; "not recorded" last."""
    return tuple(sorted(counts, key=lambda c: (c.key is None, -c.count, c.label.casefold())))


def _ordered(rows: Any, english: dict[str, str]) -> tuple[Count, ...]:
    """A vocabulary's counts in the vocabulary's order (every value, zeros too), "not recorded" last if any."""
    found = {r.key: int(r.n) for r in rows}
    lines = [Count(code, name, None, found.get(code, 0)) for code, name in english.items()]
    missing = sum(n for key, n in found.items() if key not in english)
    if missing:
        lines.append(Count(None, NOT_RECORDED, None, missing))
    return tuple(lines)


def _regions(country_counts: list[tuple[str | None, int]], region: Any) -> tuple[Count, ...]:
    totals: dict[str | None, int] = {}
    for code, n in country_counts:
        key = region(code)
        totals[key] = totals.get(key, 0) + n
    return _sorted(Count(key, regions.names(key)[0] if key else NOT_RECORDED, None, n) for key, n in totals.items())


def _country_name(code: str | None) -> str:
    """'China' for CN (pycountry's common name where it has one), the code when pycountry has none."""
    if not code:
        return NOT_RECORDED
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code
