"""A seminar's attendance matrix: people × sessions, a ✓ where someone checked in.

Session headers show the local date and time in the seminar's zone (with the zone's
abbreviation, which changes across DST), so the sheet reads like the agenda. A
"Total" column counts each person's sessions and a "Total" row each session's people.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..core import timezones
from ..core.models import AgendaSession, Attendance, Person, Registration
from ..core.services.seminars import get_seminar
from ..core.store import Database
from .tables import Table, format_of, write_table

MARK = "✓"
PERSON_COLUMNS = ["Family name", "Given name", "Native name", "Organisation", "Status"]


def session_header(item: AgendaSession, zone: str) -> str:
    local = timezones.to_local(item.starts_at, timezones.zone(zone))
    end = timezones.to_local(item.ends_at, timezones.zone(zone))
    return f"{local:%a %Y-%m-%d}\n{local:%H:%M}–{end:%H:%M} {local:%Z}\n{item.title}"


def attendance_table(session: Session, seminar_id: int) -> Table:
    """Everyone registered (not cancelled) or checked in at least once, by family name."""
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
    rows: list[list[object]] = []
    per_session = [0] * len(items)
    for p in people:
        marks: list[object] = []
        for i, item in enumerate(items):
            here = (p.id, item.id) in present
            marks.append(MARK if here else None)
            per_session[i] += here
        rows.append([p.family_name, p.given_name, p.native_name, p.organisation_name,
                     statuses.get(p.id, "(not registered)"), *marks, sum(m is not None for m in marks)])
    rows.append(["Total", None, None, None, None, *per_session, sum(per_session)])
    headers = [*PERSON_COLUMNS, *(session_header(i, seminar.timezone) for i in items), "Total"]
    first = len(PERSON_COLUMNS)
    widths = {first + i: 16.0 for i in range(len(items))}
    return Table(headers, rows, title="Attendance", footer_rows=1, widths=widths, wrap_headers=True,
                 frozen_columns=2)


def export_attendance(db: Database, seminar_id: int, path: Path) -> Table:
    """Write the matrix to ``path`` (.xlsx only: a matrix of marks needs columns kept apart)."""
    format_of(Path(path), ("xlsx",))
    with db.reading() as s:
        table = attendance_table(s, seminar_id)
    write_table(table, Path(path))
    return table
