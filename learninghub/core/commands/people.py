"""People in the directory: a new person (registered to a seminar at once, if asked), an edit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from ..messages import QT_TRANSLATE_NOOP, say
from ..models import Person
from ..services import people, registration
from .base import Done, Touched
from .expect import Seen, row_digest, state_of, version_to_expect
from .registrations import Register, changed, registering


@dataclass(frozen=True)
class AddPerson:
    """Add a person (``values`` as ``people.add_person`` takes them) and, with ``register_to``, register
    them to that seminar in the same transaction: refused, neither is saved.

    The new person is not taken back by undo (others may already have found them in the
    directory); undo takes back the registration, if any. ``Done.result``: the person's id.
    """

    values: dict[str, Any]
    register_to: int = 0

    def run(self, session: Session) -> Done:
        person = people.add_person(session, **self.values)
        if not self.register_to:
            return Done(say(QT_TRANSLATE_NOOP("core", "adding “{name}”"), name=person.display_name), None,
                        Touched.PEOPLE, say(QT_TRANSLATE_NOOP("core", "Added “{name}”"), name=person.display_name),
                        result=person.id)
        change = registration.register_change(session, seminar_id=self.register_to, person_id=person.id)
        reg = registration.get_registration(session, change.registration_id)
        done = changed(session, change, registering(reg), Register(self.register_to, person.id))
        return replace(done, touched=done.touched | Touched.PEOPLE, result=person.id,
                       details={**done.details, "registration_id": reg.id})


@dataclass(frozen=True)
class EditPerson:
    """Change a person's fields (``values`` as ``people.edit_person`` takes them)."""

    person_id: int
    values: dict[str, Any]
    expected_version: int | None = None
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        person = people.get_person(session, self.person_id, for_update=True)
        version = version_to_expect(person, self.expected_version, self.seen, "person")
        before = {k: v for k, v in _fields(person).items() if k in self.values}
        name, unchanged = person.display_name, row_digest(person)
        people.edit_person(session, self.person_id, expected_version=version, **self.values)
        saw = state_of(session, person)
        undo = EditPerson(self.person_id, before, person.version, saw) if saw[0][2] != unchanged else None
        return Done(say(QT_TRANSLATE_NOOP("core", "edit of “{name}”"), name=name), undo,
                    Touched.PEOPLE | Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "Saved “{name}”"), name=person.display_name))


def _fields(person: Person) -> dict[str, Any]:
    """A person's values as ``people.edit_person`` takes them (organisation and city by name)."""
    return {
        "given_name": person.given_name, "family_name": person.family_name, "native_name": person.native_name,
        "title": person.title, "organisation": person.organisation_name, "city": person.city_name,
        "country": person.country, "role": person.role, "email": person.email, "phone": person.phone,
        "notes": person.notes, "consent_contact": person.consent_contact, "gender": person.gender,
    }
