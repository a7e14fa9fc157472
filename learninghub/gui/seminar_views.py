"""What the seminar tabs show, read from the core as plain values (no Qt here either way)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core import timezones, vocab
from ..core.services import agenda, registration, seminars
from ..core.store import Database


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
        seats = f"{taken} of {sem.capacity}" if sem.capacity else f"{taken} (no limit)"
        if waiting:
            seats += f", {waiting} on the waiting list"
        return Overview(
            title=sem.title,
            dates=f"{_day(sem.start_date)} – {_day(sem.end_date)} ({days} days, times in {sem.timezone})",
            place=", ".join(p for p in (sem.venue, sem.city.name if sem.city else None) if p) or "—",
            kind_format=f"{vocab.SEMINAR_KINDS[sem.kind]}, {vocab.SEMINAR_FORMATS[sem.format].lower()}",
            status=vocab.SEMINAR_STATUSES[sem.status],
            seats=seats,
            partners="\n".join(f"{vocab.PARTNER_ROLES[p.role]}: {p.organisation.name}" for p in sem.partners) or "—",
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
            "description": sem.description, "version": sem.version,
        }


def _day(day: dt.date) -> str:
    return f"{day:%a %d %b %Y}"


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
                f"{start:%a %d %b}",
                f"{start:%H:%M}–{end:%H:%M}" + (f" (+{wrap} day)" if wrap else ""),
                item.title,
                vocab.SESSION_KINDS.get(item.kind, item.kind),
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
            status = vocab.REGISTRATION_STATUSES.get(r.status, r.status)
            rows.append((r.id, p.sort_key,
                p.display_name,
                p.organisation.name if p.organisation else "",
                p.city.name if p.city else "",
                vocab.PERSON_ROLES.get(p.role, p.role),
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
    return f"Waiting list ({len(names)}), first come first served: " + ", ".join(
        f"{n}. {name}" for n, name in enumerate(names, start=1))


def conflict_notes(db: Database, seminar_id: int) -> tuple[dict[int, str], list[str]]:
    """Warnings for the Agenda tab: per session id the conflicts it is in, and every message."""
    from ..core.services.conflicts import find_conflicts

    with db.reading() as s:
        found = find_conflicts(s, seminar_id)
    per_session: dict[int, list[str]] = {}
    for conflict in found:
        for item in conflict.items:
            if item.type == "session" and item.seminar_id == seminar_id:
                per_session.setdefault(item.id, []).append(conflict.message)
    return {k: "\n".join(v) for k, v in per_session.items()}, [c.message for c in found]
