"""How the CLI shows things: JSON objects (docs/cli.md) and aligned text tables."""

from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from ..core import timezones
from ..core.models import (
    AgendaSession,
    Attendance,
    Curriculum,
    Person,
    Registration,
    RegistrationEvent,
    Seminar,
)
from ..core.services.search import PersonRow


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def person_ref(person: Person | None) -> dict[str, Any] | None:
    return None if person is None else {"id": person.id, "name": person.display_name}


def curriculum_json(c: Curriculum) -> dict[str, Any]:
    return {
        "id": c.id,
        "title": c.title,
        "title_zh": c.title_zh,
        "start_year": c.start_year,
        "end_year": c.end_year,
        "description": c.description,
        "description_zh": c.description_zh,
        "version": c.version,
    }


def seminar_json(s: Seminar, *, seats_taken: int | None = None) -> dict[str, Any]:
    data = {
        "id": s.id,
        "curriculum_id": s.curriculum_id,
        "title": s.title,
        "title_zh": s.title_zh,
        "kind": s.kind,
        "format": s.format,
        "start": _iso(s.start_date),
        "end": _iso(s.end_date),
        "timezone": s.timezone,
        "venue": s.venue,
        "city": s.city.name if s.city else None,
        "country": s.city.country if s.city else None,
        "capacity": s.capacity,
        "status": s.status,
        "description": s.description,
        "description_zh": s.description_zh,
        "partners": [
            {"id": p.organisation_id, "name": p.organisation.name, "role": p.role} for p in s.partners
        ],
        "version": s.version,
    }
    if seats_taken is not None:
        data["seats_taken"] = seats_taken
    return data


def session_json(row: AgendaSession, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "id": row.id,
        "seminar_id": row.seminar_id,
        "series_id": row.series_id,
        "title": row.title,
        "title_zh": row.title_zh,
        "kind": row.kind,
        "start": _iso(timezones.to_local(row.starts_at, tz)),
        "end": _iso(timezones.to_local(row.ends_at, tz)),
        "timezone": tz.key,
        "room": row.room,
        "language": row.language,
        "description": row.description,
        "description_zh": row.description_zh,
        "speakers": [person_ref(p) for p in row.speakers],
        "moderator": person_ref(row.moderator),
        "version": row.version,
    }


def person_json(p: Person | PersonRow) -> dict[str, Any]:
    return {
        "id": p.id,
        "given_name": p.given_name,
        "family_name": p.family_name,
        "native_name": p.native_name,
        "display_name": p.display_name,
        "email": p.email,
        "organisation": p.organisation_name,
        "city": p.city_name,
        "country": p.country,
        "role": p.role,
        "gender": p.gender,
        "title": p.title,
        "phone": p.phone,
        "notes": p.notes,
        "consent_contact": p.consent_contact,
        "erased": p.erased_at is not None,
        "version": p.version,
    }


def event_json(e: RegistrationEvent) -> dict[str, Any]:
    return {"at": _iso(e.at), "from": e.old_status, "to": e.new_status, "note": e.note}


def registration_json(r: Registration, *, history: bool = False) -> dict[str, Any]:
    data = {
        "id": r.id,
        "seminar_id": r.seminar_id,
        "person_id": r.person_id,
        "person": r.person.display_name,
        "status": r.status,
        "version": r.version,
    }
    if history:
        data["history"] = [event_json(e) for e in r.events]
    return data


def attendance_json(a: Attendance, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "id": a.id,
        "session_id": a.session_id,
        "person_id": a.person_id,
        "person": a.person.display_name,
        "checked_in_at": _iso(a.checked_in_at.astimezone(tz)),
    }


def person_role(code: str) -> str:
    """A role as the app names it, with the code the command line also takes: ``City manager (manager)``."""
    from ..core import vocab

    name = vocab.PERSON_ROLES.get(code)
    return f"{name} ({code})" if name else code


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, max_width: int = 60) -> None:
    """Print rows under headers, columns aligned even with Chinese and Korean text;
    cells wider than ``max_width`` columns are clipped with an ellipsis (``--json`` has them whole)."""
    cells = [[_clip(("" if v is None else str(v)).replace("\n", " "), max_width) for v in row] for row in rows]
    if not cells:
        print("(none)")
        return
    widths = [max(_width(h), *(_width(r[i]) for r in cells)) for i, h in enumerate(headers)]
    print("  ".join(_fit(h, w) for h, w in zip(headers, widths)).rstrip())
    for row in cells:
        print("  ".join(_fit(v, w) for v, w in zip(row, widths)).rstrip())
