"""People as a table: everyone, or one seminar's participants with their registration status.

Erased people are left out: their personal data is gone and must not come back
through a spreadsheet.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..core.models import Person, Registration
from ..core.services import search
from ..core.services.seminars import get_seminar
from ..core.store import Database
from .tables import Table, write_table

PERSON_HEADERS = [
    "ID", "Family name", "Given name", "Native name", "Title", "Organisation", "City", "Country",
    "Role", "Gender", "Email", "Phone", "Consent to contact", "Notes",
]
REGISTRATION_HEADERS = ["Status", "Registered at (UTC)"]


def _person_cells(p: Person | search.PersonRow) -> list[object]:
    return [
        p.id, p.family_name, p.given_name, p.native_name, p.title, p.organisation_name, p.city_name,
        p.country, p.role, p.gender, p.email, p.phone, "yes" if p.consent_contact else "no", p.notes,
    ]


def people_table(session: Session, seminar_id: int | None = None) -> Table:
    """Everyone (in list order), or ``seminar_id``'s registrations with status, cancelled included."""
    if seminar_id is None:
        rows = [_person_cells(p) for p in search.list_people(session)]
        return Table(PERSON_HEADERS, rows, title="People")
    seminar = get_seminar(session, seminar_id)
    registrations = session.scalars(
        select(Registration)
        .options(
            selectinload(Registration.person).selectinload(Person.organisation),
            selectinload(Registration.person).selectinload(Person.city),
        )
        .where(Registration.seminar_id == seminar_id)
    ).all()
    live = [r for r in registrations if r.person.erased_at is None]
    live.sort(key=lambda r: (r.person.sort_key, r.person.id))
    rows = [
        [*_person_cells(r.person), r.status, r.created_at.replace(tzinfo=None, microsecond=0)]
        for r in live
    ]
    return Table(PERSON_HEADERS + REGISTRATION_HEADERS, rows, title=f"Participants {seminar.title}")


def export_people(db: Database, path: Path, seminar_id: int | None = None) -> int:
    """Write people to ``path`` (.csv or .xlsx); return how many rows were written."""
    from .tables import format_of

    format_of(Path(path))  # refuse a wrong suffix before reading anything
    with db.reading() as s:
        table = people_table(s, seminar_id)
    write_table(table, Path(path))
    return len(table.rows)
