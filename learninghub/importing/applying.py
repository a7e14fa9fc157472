"""Carrying out an import plan inside the caller's one transaction: all rows or none.

New people go in with one bulk statement (core/bulk.py: the search index triggers fire,
sort and email keys are derived there); updates and registrations go through the same
services as a user's edits, so the waiting list and history rules hold for imports too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..core import bulk
from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP, say
from ..core.models import (
    City,
    Organisation,
    Person,
    Registration,
    RegistrationEvent,
    utcnow,
)
from ..core.services import people, registration
from ..core.services.seminars import get_seminar
from .checking import Candidate
from .headers import apply_overrides, guess_mapping
from .planning import CREATE, MERGED, UPDATE, ImportPlan, plan_import
from .reading import Table, read_table

Progress = Callable[[int, int], None]


class ImportRefused(ValidationError):
    """The file has problems: nothing was imported. ``plan.problems`` lists every one."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        n = len(plan.problems)
        first = plan.problems[0].as_text()
        if n == 1:
            message = say(QT_TRANSLATE_NOOP("core", "{n} problem, nothing was imported: {first}"), n=n, first=first)
        else:
            message = say(QT_TRANSLATE_NOOP("core", "{n} problems, nothing was imported: {first} (and {more} more)"),
                          n=n, first=first, more=n - 1)
        super().__init__(message, where=plan.source or None)


def import_people(db: Any, path: str | Path, *, seminar_id: int | None = None, status: str = "registered",
                  overrides: dict[str, str | None] | None = None, mapping: list[str | None] | None = None,
                  dry_run: bool = False, update_existing: bool = False, progress: Progress | None = None) -> ImportPlan:
    """Read ``path``, plan, and (unless ``dry_run``) import in one transaction.

    ``mapping`` (one field or None per column) replaces the guessed one; ``overrides``
    ({header: field}) adjusts it. A dry run returns the plan with every problem; the real
    import raises :class:`ImportRefused` when there is any problem, having changed nothing.
    People already stored are matched (and registered) but kept as stored unless
    ``update_existing``: then the differences the plan lists are written.
    """
    table = read_table(path)
    if mapping is None:
        mapping = apply_overrides(table.headers, guess_mapping(table.headers), overrides or {})
    return import_table(db, table, mapping, seminar_id=seminar_id, status=status, dry_run=dry_run,
                        update_existing=update_existing, progress=progress)


def import_table(db: Any, table: Table, mapping: Sequence[str | None], *, seminar_id: int | None = None,
                 status: str = "registered", dry_run: bool = False, update_existing: bool = False,
                 progress: Progress | None = None) -> ImportPlan:
    """:func:`import_people` for a table already read (the app reads once, then maps and checks).
    An exception from ``progress`` (the user's Cancel) rolls everything back."""
    if dry_run:
        with db.reading() as session:
            return plan_import(session, table, mapping, seminar_id=seminar_id, status=status,
                               update_existing=update_existing, progress=progress)
    with db.transaction() as session:
        plan = plan_import(session, table, mapping, seminar_id=seminar_id, status=status,
                           update_existing=update_existing, progress=progress)
        if plan.problems:
            raise ImportRefused(plan)
        apply_plan(session, plan, progress)
    return plan


def apply_plan(session: Session, plan: ImportPlan, progress: Progress | None = None) -> ImportPlan:
    """Carry out ``plan`` (made by plan_import in this same session). Refuses a plan with problems."""
    if plan.problems:
        raise ImportRefused(plan)
    by_row = {c.row: c for c in plan.candidates}
    total = len(plan.rows)
    creates = [r for r in plan.rows if r.action == CREATE]
    if progress:
        progress(0, total)
    ids = _create_people(session, [by_row[r.row] for r in creates])
    for row_plan, person_id in zip(creates, ids):
        row_plan.person_id = person_id
    plan.created_ids = ids
    done = len(creates)
    for row_plan in plan.rows:
        if row_plan.action == UPDATE:
            values = by_row[row_plan.row].values
            people.edit_person(session, row_plan.person_id, **{f: values[f] for f in row_plan.changes})
            done += 1
            if progress and done % 100 == 0:
                progress(done, total)
    if plan.seminar_id is not None:
        _register(session, plan, by_row, progress)
    if progress:
        progress(total, total)
    return plan


def _create_people(session: Session, candidates: list[Candidate]) -> list[int]:
    if not candidates:
        return []
    org_ids, city_ids = _places(session, candidates)
    now = utcnow()
    rows = []
    for cand in candidates:
        v = cand.values
        city = (v.get("city") or "").casefold()
        rows.append({
            "given_name": v.get("given_name") or "", "family_name": v.get("family_name") or "",
            "native_name": v.get("native_name"), "title": v.get("title"),
            "organisation_id": org_ids.get((v.get("organisation") or "").casefold()),
            "city_id": city_ids.get((city, v.get("country"))) if city else None,
            "country": v.get("country"), "role": v.get("role") or "other", "gender": v.get("gender"),
            "email": v.get("email"),
            "phone": v.get("phone"), "notes": v.get("notes"), "consent_contact": False, "erased_at": None,
            "created_at": now, "updated_at": now, "version": 1,
        })
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # Ids given here (the write lock is held since BEGIN IMMEDIATE), so rows can be registered next.
        start = (session.scalar(select(func.max(Person.id))) or 0) + 1
        ids = list(range(start, start + len(rows)))
        bulk.insert_people(conn, [{"id": i, **row} for i, row in zip(ids, rows)])
        return ids
    prepared = bulk.with_derived_keys(rows)
    statement = insert(Person.__table__).returning(Person.__table__.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, prepared).scalars())


def _places(session: Session, candidates: list[Candidate]) -> tuple[dict[str, int], dict[tuple, int]]:
    """Organisation and city ids by name, new ones created, with the lookups of places.py
    (organisation by name ignoring case; city by name in the country, or in any country when
    the row has none) done on two preloaded tables instead of two queries per name."""
    known_orgs = {name.casefold(): oid for oid, name in
                  session.execute(select(Organisation.id, Organisation.name).order_by(Organisation.id.desc()))}
    known_cities: dict[tuple[str, str | None], int] = {}
    for cid, name, country in session.execute(select(City.id, City.name, City.country).order_by(City.id.desc())):
        known_cities[(name.casefold(), country)] = cid
        known_cities[(name.casefold(), None)] = cid  # ordered so the oldest wins, as find_city does
    new_cities: dict[tuple[str, str | None], City] = {}
    new_orgs: dict[str, Organisation] = {}
    city_of_row: dict[tuple[str, str | None], City | int] = {}
    for cand in candidates:
        v = cand.values
        name, country = v.get("city"), v.get("country")
        key = ((name or "").casefold(), country)
        if name and key not in known_cities and key not in new_cities:
            new_cities[key] = City(name=name, country=country)
        org = v.get("organisation")
        if org and org.casefold() not in known_orgs and org.casefold() not in new_orgs:
            new_orgs[org.casefold()] = Organisation(name=org, country=country, city=new_cities.get(key))
            if name and key in known_cities:
                city_of_row[org.casefold()] = known_cities[key]
    for key, org in new_orgs.items():
        if isinstance(city_of_row.get(key), int):
            org.city_id = city_of_row[key]  # type: ignore[assignment]
    session.add_all([*new_cities.values(), *new_orgs.values()])
    session.flush()
    city_ids = {**known_cities, **{k: c.id for k, c in new_cities.items()}}
    org_ids = {**known_orgs, **{k: o.id for k, o in new_orgs.items()}}
    return org_ids, city_ids


def _register(session: Session, plan: ImportPlan, by_row: dict[int, Candidate], progress: Progress | None) -> None:
    """Registrations as the plan decided them with the core's capacity rule (planning.py).

    People without a registration for the seminar are inserted in bulk, in file order (so
    the waiting list is in file order too), each with its first history event; changing an
    existing registration goes through registration.register, which may promote or
    waitlist exactly as a user's change would.
    """
    assert plan.seminar_id is not None
    seminar = get_seminar(session, plan.seminar_id, for_update=True)
    zone = ZoneInfo(seminar.timezone)
    todo = [r for r in plan.rows if r.action != MERGED and r.registration]
    existing = set()
    ids = [r.person_id for r in todo]
    for i in range(0, len(ids), 500):
        existing.update(session.scalars(select(Registration.person_id).where(
            Registration.seminar_id == seminar.id, Registration.person_id.in_(ids[i:i + 500]))))
    now = utcnow()
    new_rows, notes = [], []
    for row_plan in todo:
        if row_plan.person_id in existing:
            result = registration.register(session, seminar_id=seminar.id, person_id=row_plan.person_id,
                                           status=plan.status, note=f"imported from {plan.source}, row {row_plan.row}")
            row_plan.registration = result.status
            continue
        day = by_row[row_plan.row].registered_on
        status = row_plan.registration
        new_rows.append({"seminar_id": seminar.id, "person_id": row_plan.person_id, "status": status,
                         "waitlisted_at": now if status == "waitlisted" else None,
                         "created_at": dt.datetime.combine(day, dt.time(), zone) if day else now,
                         "updated_at": now, "version": 1})
        notes.append(registration.full_note(seminar.capacity)
                     if status == "waitlisted" and plan.status != "waitlisted"
                     else f"imported from {plan.source}, row {row_plan.row}")
    if new_rows:
        statement = insert(Registration.__table__).returning(Registration.__table__.c.id,
                                                             sort_by_parameter_order=True)
        registration_ids = list(session.execute(statement, new_rows).scalars())
        session.execute(insert(RegistrationEvent.__table__), [
            {"registration_id": rid, "at": now, "old_status": None, "new_status": row["status"], "note": note}
            for rid, row, note in zip(registration_ids, new_rows, notes)])
    if progress:
        progress(len(plan.rows), len(plan.rows))
    session.flush()
