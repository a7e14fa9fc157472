"""What the seminar tabs show, read from the core as plain values (no widgets here).

Words are translated (QCoreApplication.translate, context "SeminarViews") and dates
written by :mod:`.i18n`, so the tables speak the interface language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ..core import timezones
from ..core.services import agenda, registration, seminars
from ..core.store import Database
from . import bilingual, i18n, labels
from .core_text import localized
from .counts import words


@dataclass(frozen=True)
class Overview:
    title: str
    dates: str
    place: str
    kind_format: str
    status: str
    seats: str
    partners: str
    description: str


def overview(db: Database, seminar_id: int) -> Overview:
    with db.reading() as s:
        sem = seminars.get_seminar(s, seminar_id)
        taken = registration.seats_taken(s, seminar_id)
        waiting = len(registration.waiting_list(s, seminar_id))
        days = (sem.end_date - sem.start_date).days + 1
        seats = (QCoreApplication.translate("SeminarViews", "{taken} of {capacity}").format(taken=taken, capacity=sem.capacity)
                 if sem.capacity else QCoreApplication.translate("SeminarViews", "{taken} (no limit)").format(taken=taken))
        if waiting:
            seats += words().on_waiting_list(waiting)
        return Overview(
            title=bilingual.shown(sem.title, sem.title_zh),
            dates=words().seminar_days(days, _day(sem.start_date), _day(sem.end_date), sem.timezone),
            place=", ".join(p for p in (sem.venue, sem.city.name if sem.city else None) if p) or "—",
            kind_format=QCoreApplication.translate("SeminarViews", "{kind}, {format}").format(
                kind=labels.seminar_kind(sem.kind), format=labels.seminar_format(sem.format).lower()),
            status=labels.seminar_status(sem.status),
            seats=seats,
            partners="\n".join(f"{labels.partner_role(p.role)}: {p.organisation.name}" for p in sem.partners) or "—",
            description=sem.description or "",
        )


def editable_fields(db: Database, seminar_id: int) -> dict[str, object]:
    """A seminar's editable values, named as ``seminars.edit_seminar`` takes them, plus its version."""
    with db.reading() as s:
        sem = seminars.get_seminar(s, seminar_id)
        return {
            "title": sem.title, "start": sem.start_date, "end": sem.end_date, "timezone": sem.timezone,
            "kind": sem.kind, "format": sem.format, "status": sem.status, "venue": sem.venue,
            "city": sem.city.name if sem.city else None, "capacity": sem.capacity,
            "description": sem.description, "title_zh": sem.title_zh, "description_zh": sem.description_zh,
            "version": sem.version,
        }


def _day(day: dt.date) -> str:
    return i18n.format_date(day, "day_year")


def agenda_rows(db: Database, seminar_id: int) -> tuple[list[tuple[str, ...]], list[int]]:
    """The agenda as table rows in the seminar's zone, and the session id of each row."""
    with db.reading() as s:
        tz = timezones.zone(seminars.get_seminar(s, seminar_id).timezone)
        rows, ids = [], []
        for item in agenda.list_sessions(s, seminar_id):
            start, end = item.starts_at.astimezone(tz), item.ends_at.astimezone(tz)
            wrap = (end.date() - start.date()).days
            ids.append(item.id)
            rows.append((
                i18n.format_date(start),
                f"{start:%H:%M}–{end:%H:%M}" + (words().days_later(wrap) if wrap else ""),
                bilingual.shown(item.title, item.title_zh),
                labels.session_kind(item.kind),
                item.room or "",
                ", ".join(p.display_name for p in item.speakers),
            ))
        return rows, ids


def participant_rows(db: Database, seminar_id: int) -> tuple[list[tuple[str, ...]], list[int]]:
    """The registrations as table rows sorted by name, and the registration id of each row."""
    with db.reading() as s:
        place = {r.id: n for n, r in enumerate(registration.waiting_list(s, seminar_id), start=1)}
        rows = []
        for r in registration.list_registrations(s, seminar_id=seminar_id):
            p = r.person
            status = labels.registration_status(r.status)
            rows.append((r.id, p.sort_key,
                p.display_name,
                p.organisation.name if p.organisation else "",
                p.city.name if p.city else "",
                labels.person_role(p.role),
                f"{status} #{place[r.id]}" if r.id in place else status,
            ))
        rows.sort(key=lambda row: row[1])
        return [row[2:] for row in rows], [row[0] for row in rows]


def waiting_line(db: Database, seminar_id: int) -> str:
    """The waiting list in words, first come first served (empty when no one waits)."""
    with db.reading() as s:
        names = [r.person.display_name for r in registration.waiting_list(s, seminar_id)]
    if not names:
        return ""
    separator = "；" if bilingual.chinese_interface() else ", "  # names may hold commas of their own
    return words().waiting_list(len(names)) + separator.join(f"{n}. {name}" for n, name in enumerate(names, start=1))


def conflict_notes(db: Database, seminar_id: int) -> tuple[dict[int, str], list[str]]:
    """Warnings for the Agenda tab: per session id the conflicts it is in, and every message."""
    from ..core.services.conflicts import find_conflicts

    with db.reading() as s:
        found = find_conflicts(s, seminar_id)
    per_session: dict[int, list[str]] = {}
    for conflict in found:
        for item in conflict.items:
            if item.type == "session" and item.seminar_id == seminar_id:
                per_session.setdefault(item.id, []).append(localized(conflict.message))
    return {k: "\n".join(v) for k, v in per_session.items()}, [localized(c.message) for c in found]
