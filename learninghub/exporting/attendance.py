"""A seminar's attendance matrix: people × sessions, a ✓ where someone checked in.

Session headers show the local date and time in the seminar's zone (with the zone's
abbreviation, which changes across DST), so the sheet reads like the agenda. A
"Total" column counts each person's sessions and a "Total" row each session's people.
Breaks and meals (``vocab.NOT_ATTENDED_KINDS``) show who checked in and their own count in
the "Total" row, but no person's total and not the grand total counts them: the programme
is the rest, as for certificates.

The language (``en``, ``zh``, ``en+zh``, as the documents' ``--lang``) chooses the session
titles (the Chinese title where one is set, both in ``en+zh``), the weekday (``周二
2021-03-16``), the column headings (姓, 名, … 合计) and the registration statuses (已出席,
``Attended / 已出席`` in both), all as the documents say them (``documents.language``).
``en`` is the sheet as it always was: the statuses as stored (``attended``).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..core import timezones
from ..core.models import AgendaSession, Attendance, Person, Registration
from ..core.services.seminars import get_seminar
from ..core.store import Database
from ..core.vocab import NOT_ATTENDED_KINDS
from ..documents.language import EN, DocLanguage, as_language
from .tables import Table, format_of, write_table

MARK = "✓"
#: The person columns (keys of documents.language.LABELS), and their English headings.
PERSON_KEYS = ("family_name", "given_name", "native_name", "organisation", "status")
PERSON_COLUMNS = [DocLanguage(EN).label(key) for key in PERSON_KEYS]


def person_columns(lang: str | DocLanguage = EN) -> list[str]:
    """The headings of the person columns in ``lang`` (both languages one line each: the headers wrap)."""
    lg = as_language(lang)
    return [lg.label(key, "\n") for key in PERSON_KEYS]


def session_header(item: AgendaSession, zone: str, lang: str | DocLanguage = EN) -> str:
    """'Tue 2021-03-16' (周二 in Chinese, 'Tue 周二' in both), the local times and the zone,
    then the title in the language (the Chinese title on a line of its own in ``en+zh``)."""
    lg = as_language(lang)
    local = timezones.to_local(item.starts_at, timezones.zone(zone))
    end = timezones.to_local(item.ends_at, timezones.zone(zone))
    return (f"{lg.short_weekday(local)} {local:%Y-%m-%d}\n{local:%H:%M}–{end:%H:%M} {local:%Z}\n"
            f"{lg.text(item.title, item.title_zh)}")


def status_text(status: str | None, lang: str | DocLanguage = EN) -> str:
    """A registration status in ``lang``: as stored in English ('attended', '(not registered)'),
    '已出席' in Chinese, 'Attended / 已出席' in both."""
    lg = as_language(lang)
    if status is None:
        return lg.label("not_registered")
    return status if lg.code == EN else lg.term("registration_status", status)


def attendance_table(session: Session, seminar_id: int, lang: str | DocLanguage = EN) -> Table:
    """Everyone registered (not cancelled) or checked in at least once, by family name,
    headed in ``lang`` (en, zh or en+zh)."""
    lg = as_language(lang)
    seminar = get_seminar(session, seminar_id)
    items = list(session.scalars(
        select(AgendaSession).where(AgendaSession.seminar_id == seminar_id)
        .order_by(AgendaSession.starts_at, AgendaSession.id)
    ))
    present = {(pid, sid) for pid, sid in session.execute(
        select(Attendance.person_id, Attendance.session_id).join(AgendaSession)
        .where(AgendaSession.seminar_id == seminar_id)
    )}
    statuses = {
        r.person_id: r.status
        for r in session.scalars(select(Registration).where(Registration.seminar_id == seminar_id))
    }
    wanted = {pid for pid, st in statuses.items() if st != "cancelled"} | {pid for pid, _ in present}
    people = list(session.scalars(
        select(Person).options(selectinload(Person.organisation))
        .where(Person.id.in_(wanted), Person.erased_at.is_(None))
        .order_by(Person.sort_key, Person.id)
    )) if wanted else []
    counted = [item.kind not in NOT_ATTENDED_KINDS for item in items]
    rows: list[list[object]] = []
    per_session = [0] * len(items)
    for p in people:
        marks: list[object] = []
        for i, item in enumerate(items):
            here = (p.id, item.id) in present
            marks.append(MARK if here else None)
            per_session[i] += here
        rows.append([p.family_name, p.given_name, p.native_name, p.organisation_name,
                     status_text(statuses.get(p.id), lg), *marks,
                     sum(m is not None and c for m, c in zip(marks, counted))])
    total = lg.label("total", " ")
    rows.append([total, None, None, None, None, *per_session, sum(n for n, c in zip(per_session, counted) if c)])
    headers = [*person_columns(lg), *(session_header(i, seminar.timezone, lg) for i in items), lg.label("total", "\n")]
    first = len(PERSON_COLUMNS)
    widths = {first + i: 16.0 for i in range(len(items))}
    return Table(headers, rows, title=lg.label("attendance", " "), footer_rows=1, widths=widths,
                 wrap_headers=True, frozen_columns=2)


def export_attendance(db: Database, seminar_id: int, path: Path, lang: str | DocLanguage = EN) -> Table:
    """Write the matrix to ``path`` (.xlsx only: a matrix of marks needs columns kept apart),
    headed in ``lang`` (en, zh or en+zh)."""
    format_of(Path(path), ("xlsx",))
    lg = as_language(lang)  # refused before the database is read
    with db.reading() as s:
        table = attendance_table(s, seminar_id, lg)
    write_table(table, Path(path))
    return table
