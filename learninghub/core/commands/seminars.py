"""A seminar's overview fields, its organisers and partners, and new seminars.

Raising the capacity moves people up from the waiting list (``seminars.edit_seminar``);
undoing the raise sends them back to their places, or the seminar would stay over its
old capacity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from .. import timezones, vocab
from ..messages import QT_TRANSLATE_NOOP, say, titled, word
from ..models import Registration, Seminar
from ..services import curricula, registration, seats, seminars
from ..services.registration import Promotion
from .base import Done, Touched
from .expect import Seen, changed_meanwhile, digest, row_digest, state_of, version_to_expect
from .registrations import promotions_now


@dataclass(frozen=True)
class EditSeminar:
    """Change a seminar's fields (``values`` as ``seminars.edit_seminar`` takes them); ``Done.result``:
    the seminar's version after it (the page that saved it compares later edits against it).

    ``send_back`` is set when this takes back a capacity raise: the people it moved up
    return to the waiting list at their places.
    """

    seminar_id: int
    values: dict[str, Any]
    expected_version: int | None = None
    seen: Seen = ()
    send_back: tuple[Promotion, ...] = ()

    def run(self, session: Session) -> Done:
        seminar = seminars.get_seminar(session, self.seminar_id, for_update=True)
        version = version_to_expect(seminar, self.expected_version, self.seen, "seminar")
        send_back = promotions_now(session, self.send_back, self.seen)
        before = _overview(seminar, list(self.values))
        title, unchanged = titled(seminar), row_digest(seminar)
        waiting = {r.id: r.waitlisted_at for r in seats.waiting_list(session, self.seminar_id)}
        seminars.edit_seminar(session, self.seminar_id, expected_version=version, **self.values)
        sent_back = _names(session, [p.registration_id for p in send_back])
        if send_back:
            registration.send_back_to_waiting_list(session, self.seminar_id, send_back)
        moved_up = [row for row in (session.get(Registration, i) for i in waiting) if row.status != "waitlisted"]
        promoted = tuple(Promotion(r.id, waiting[r.id], r.version, r.events[-1].id) for r in moved_up)
        saw = state_of(session, seminar, *moved_up)
        undo = None
        if saw[0][2] != unchanged or promoted or send_back:
            undo = EditSeminar(self.seminar_id, before, seminar.version, saw, promoted)
        said = say(QT_TRANSLATE_NOOP("core", "Saved “{title}”"), title=titled(seminar))
        if promoted:
            said = say(QT_TRANSLATE_NOOP("core", "{said} — moved up from the waiting list: {names}"), said=said,
                       names=_names(session, [p.registration_id for p in promoted]))
        if send_back:
            said = say(QT_TRANSLATE_NOOP("core", "{said} — back on the waiting list: {names}"), said=said,
                       names=sent_back)
        return Done(say(QT_TRANSLATE_NOOP("core", "edit of “{title}”"), title=title), undo,
                    Touched.SEMINAR | Touched.PROGRAMME, said, self.seminar_id, seminar.version)


@dataclass(frozen=True)
class SetPartner:
    """Make an organisation (by name; a new name creates it) an organiser or partner of a
    seminar, or change its role. ``expected``: the partners as an undo or redo expects them."""

    seminar_id: int
    organisation_name: str
    role: str = "partner"
    expected: str | None = None

    def run(self, session: Session) -> Done:
        seminar = _partners_as_expected(session, self.seminar_id, self.expected)
        earlier = {p.organisation_id: p.role for p in seminar.partners}
        link = seminars.set_partner(session, self.seminar_id, self.organisation_name, self.role)
        org_id, name = link.organisation_id, link.organisation.name
        after = _partners(seminar)
        undo: SetPartner | RemovePartner | None = None
        if org_id not in earlier:
            undo = RemovePartner(self.seminar_id, org_id, after)
        elif earlier[org_id] != link.role:
            undo = SetPartner(self.seminar_id, name, earlier[org_id], after)
        role = word("PartnerRole", vocab.PARTNER_ROLES[link.role])
        return Done(say(QT_TRANSLATE_NOOP("core", "partner “{name}”"), name=name), undo, Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "{role}: “{name}”"), role=role, name=name), self.seminar_id)


@dataclass(frozen=True)
class RemovePartner:
    """Remove an organiser or partner from a seminar; undo makes it one again, in the same role."""

    seminar_id: int
    organisation_id: int
    expected: str | None = None

    def run(self, session: Session) -> Done:
        seminar = _partners_as_expected(session, self.seminar_id, self.expected)
        link = next((p for p in seminar.partners if p.organisation_id == self.organisation_id), None)
        name, role = (link.organisation.name, link.role) if link is not None else ("", "partner")
        seminars.remove_partner(session, self.seminar_id, self.organisation_id)  # refuses a non-partner
        undo = SetPartner(self.seminar_id, name, role, _partners(seminar))
        return Done(say(QT_TRANSLATE_NOOP("core", "removing partner “{name}”"), name=name), undo, Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "Removed partner “{name}”"), name=name), self.seminar_id)


@dataclass(frozen=True)
class AddSeminar:
    """Add a seminar (``values`` as ``seminars.add_seminar`` takes them) to a curriculum, or to a
    new one called ``new_curriculum_title`` made in the same transaction (its years: the
    seminar's). Not undoable, as in the app. ``Done.result``: the new seminar's id."""

    values: dict[str, Any]
    curriculum_id: int = 0
    new_curriculum_title: str = ""

    def run(self, session: Session) -> Done:
        curriculum_id = self.curriculum_id
        touched = Touched.PROGRAMME | Touched.CURRICULUM
        if not curriculum_id:
            start = self.values.get("start")
            year = start.year if isinstance(start, dt.date) else timezones.parse_date(str(start), where="start").year
            curriculum_id = curricula.add_curriculum(session, title=self.new_curriculum_title, start_year=year,
                                                     end_year=year).id
        seminar = seminars.add_seminar(session, curriculum_id=curriculum_id, **self.values)
        title = titled(seminar)
        return Done(say(QT_TRANSLATE_NOOP("core", "adding “{title}”"), title=title), None, touched,
                    say(QT_TRANSLATE_NOOP("core", "Added “{title}”"), title=title), seminar.id, seminar.id,
                    {"curriculum_id": curriculum_id})


def _overview(seminar: Seminar, keys: list[str]) -> dict[str, Any]:
    """The seminar's values of ``keys`` as ``edit_seminar`` takes them; a city with its country,
    so an undo finds the same city again."""
    current = {
        "title": seminar.title, "title_zh": seminar.title_zh, "start": seminar.start_date, "end": seminar.end_date,
        "timezone": seminar.timezone, "kind": seminar.kind, "format": seminar.format, "venue": seminar.venue,
        "city": seminar.city.name if seminar.city else None, "capacity": seminar.capacity, "status": seminar.status,
        "description": seminar.description, "description_zh": seminar.description_zh,
        "country": seminar.city.country if seminar.city else None,
    }
    values = {k: current[k] for k in keys if k in current}
    if "city" in values:
        values["country"] = current["country"]
    return values


def _partners(seminar: Seminar) -> str:
    return digest({"partners": sorted(f"{p.organisation_id}:{p.role}" for p in seminar.partners)})


def _partners_as_expected(session: Session, seminar_id: int, expected: str | None) -> Seminar:
    seminar = seminars.get_seminar(session, seminar_id, for_update=True)
    if expected is not None and _partners(seminar) != expected:
        raise changed_meanwhile(seminar, "seminar")
    return seminar


def _names(session: Session, registration_ids: list[int]) -> str:
    return ", ".join(registration.get_registration(session, i).person.display_name for i in registration_ids)

