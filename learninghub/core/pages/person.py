"""A person's page (the person dialog): their details, seminars and certificates, one Query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..models import Certificate, City, Organisation, Person, Registration, Seminar
from ..reading import Query
from ..services.common import not_found

#: The editable values, named as ``people.add_person`` / ``edit_person`` take them.
EDITABLE = ("given_name", "family_name", "native_name", "title", "organisation", "city", "country", "role", "email",
            "phone", "notes", "consent_contact", "gender")


@dataclass(frozen=True)
class SeminarLine:
    """One of the person's registrations, with the certificate they hold for it, if any."""

    seminar_id: int
    start_date: dt.date
    title: str
    title_zh: str | None
    status: str
    certificate_code: str | None
    issued_at: dt.datetime | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class PersonPage:
    id: int
    #: The editable values (:data:`EDITABLE`) and ``version``.
    values: dict[str, Any]
    seminars: tuple[SeminarLine, ...]


def person_page(person_id: int) -> Query[PersonPage]:
    statements = (
        select(Person.given_name, Person.family_name, Person.native_name, Person.title,
               Organisation.name.label("organisation"), City.name.label("city"), Person.country, Person.role,
               Person.email, Person.phone, Person.notes, Person.consent_contact, Person.gender, Person.version)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .outerjoin(City, City.id == Person.city_id).where(Person.id == person_id),
        select(Registration.seminar_id, Seminar.start_date, Seminar.title, Seminar.title_zh, Registration.status)
        .join(Seminar, Seminar.id == Registration.seminar_id)
        .where(Registration.person_id == person_id).order_by(Registration.seminar_id, Registration.id),
        select(Certificate.seminar_id, Certificate.code, Certificate.issued_at, Certificate.revoked_at)
        .where(Certificate.person_id == person_id),
    )

    def build(rows: list[Any]) -> PersonPage:
        found, registrations, certificates = rows
        if not found:
            raise not_found("person", person_id)
        held = {c.seminar_id: c for c in certificates}
        lines = []
        for r in registrations:
            cert = held.get(r.seminar_id)
            lines.append(SeminarLine(r.seminar_id, r.start_date, r.title, r.title_zh, r.status,
                                     cert.code if cert else None, cert.issued_at if cert else None,
                                     cert.revoked_at if cert else None))
        return PersonPage(person_id, found[0]._asdict(), tuple(lines))

    return Query(statements, build)
