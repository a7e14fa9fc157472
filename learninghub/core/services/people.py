"""People: participants, speakers and staff, with names in any script."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import outbox, validate, vocab
from ..errors import RuleViolation
from ..messages import QT_TRANSLATE_NOOP
from ..models import Person, Registration, RegistrationEvent, email_key, utcnow
from . import places, search
from .certificates import forget_holder
from .common import UNSET, Cleaner, assign, check_version, cleaned, get_or_refuse
from .search import list_people  # noqa: F401 - people.list_people is the public name

#: How each plain field of a person is checked, for adding and editing alike.
PERSON_FIELDS: dict[str, Cleaner] = {
    "native_name": lambda v: validate.text(v, "native name", max_len=200),
    "title": lambda v: validate.text(v, "title", max_len=200),
    "role": lambda v: vocab.check_choice(v, vocab.PERSON_ROLES, "role"),
    "gender": lambda v: vocab.check_choice(v, vocab.PERSON_GENDERS, "gender") if v else None,
    "phone": lambda v: validate.text(v, "phone", max_len=50),
    "notes": lambda v: validate.long_text(v, "notes"),
    "consent_contact": bool,
}


def _check_email_free(session: Session, email: str | None, person_id: int | None) -> None:
    if email is None:
        return
    query = select(Person).where(Person.email_key == email_key(email))
    if person_id is not None:
        query = query.where(Person.id != person_id)
    other = session.scalars(query).first()
    if other is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("core", "{email} is already the address of person {id} ({name})"), where="email",
            email=email, id=other.id, name=other.display_name,
        )


def _check_has_name(given: str | None, family: str | None) -> None:
    if not given and not family:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "a person needs a given or a family name in Latin script"),
                            where="family name")


def add_person(
    session: Session,
    *,
    given_name: str | None,
    family_name: str | None,
    native_name: str | None = None,
    title: str | None = None,
    organisation: str | None = None,
    city: str | None = None,
    country: str | None = None,
    role: str = "other",
    gender: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    notes: str | None = None,
    consent_contact: bool = False,
) -> Person:
    given = validate.text(given_name, "given name", max_len=200)
    family = validate.text(family_name, "family name", max_len=200)
    _check_has_name(given, family)
    address = validate.email(email)
    _check_email_free(session, address, None)
    country_code = validate.country(country)
    city_row = places.city_named(session, city, country_code)
    person = Person(
        given_name=given or "",
        family_name=family or "",
        organisation=places.organisation_named(session, organisation, city=city_row, country=country_code),
        city=city_row,
        country=country_code,
        email=address,
        **cleaned(PERSON_FIELDS, native_name=native_name, title=title, role=role, gender=gender, phone=phone,
                  notes=notes, consent_contact=consent_contact),
    )
    session.add(person)
    session.flush()
    return person


def get_person(session: Session, person_id: int, *, for_update: bool = False) -> Person:
    """``for_update`` locks the row (PostgreSQL) so a version check made on it holds until commit."""
    return get_or_refuse(session, Person, person_id, "person", with_for_update=for_update)


def require_active(person: Person, where: str = "person") -> Person:
    """Refuse to use an erased person in a new record."""
    if person.erased_at is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "person {id} has been erased"), where=where, id=person.id)
    return person


def edit_person(
    session: Session,
    person_id: int,
    *,
    expected_version: int | None = None,
    given_name: str | None = UNSET,
    family_name: str | None = UNSET,
    native_name: str | None = UNSET,
    title: str | None = UNSET,
    organisation: str | None = UNSET,
    city: str | None = UNSET,
    country: str | None = UNSET,
    role: str = UNSET,
    gender: str | None = UNSET,
    email: str | None = UNSET,
    phone: str | None = UNSET,
    notes: str | None = UNSET,
    consent_contact: bool = UNSET,
) -> Person:
    person = require_active(get_person(session, person_id, for_update=True))
    check_version(person, expected_version, "person")
    given = person.given_name if given_name is UNSET else validate.text(given_name, "given name", max_len=200)
    family = person.family_name if family_name is UNSET else validate.text(family_name, "family name", max_len=200)
    _check_has_name(given, family)
    person.given_name, person.family_name = given or "", family or ""
    if email is not UNSET:
        address = validate.email(email)
        _check_email_free(session, address, person.id)
        person.email = address
    if country is not UNSET:
        person.country = validate.country(country)
    if city is not UNSET:
        person.city = places.city_named(session, city, person.country)
    if organisation is not UNSET:
        person.organisation = places.organisation_named(
            session, organisation, city=person.city, country=person.country
        )
    assign(person, cleaned(PERSON_FIELDS, native_name=native_name, title=title, role=role, gender=gender,
                           phone=phone, notes=notes, consent_contact=consent_contact))
    session.flush()
    return person


def erase_person(session: Session, person_id: int) -> Person:
    """Remove a person's personal data everywhere, keeping the anonymous row.

    Registrations, attendance and speaker slots stay (so counts and certificates
    registers stay right) but point at a row that no longer says who it was.
    """
    person = get_person(session, person_id)
    if person.erased_at is not None:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "person {id} was already erased"), where="person", id=person_id)
    person.given_name = ""
    person.family_name = ""
    person.native_name = None
    person.title = None
    person.organisation = None
    person.city = None
    person.country = None
    person.email = None
    person.phone = None
    person.notes = None
    person.consent_contact = False
    person.gender = None
    person.erased_at = utcnow()
    registration_ids = select(Registration.id).where(Registration.person_id == person_id)
    for event in session.scalars(
        select(RegistrationEvent).where(RegistrationEvent.registration_id.in_(registration_ids))
    ):
        event.note = None  # free-text notes may name the person
    forget_holder(session, person_id)  # the register kept the printed name; now revoked, no name
    outbox.forget_person(session, person_id)  # what was mailed to them: no address, name or text; counts stay
    session.flush()
    search.purge_deleted_terms(session)
    return person
