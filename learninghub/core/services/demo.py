"""The demo programme: the Learning Hub curriculum 2020–2022 from ``resources/demo``.

Loaded through the same services a user's actions go through, so the demo obeys
every rule; a mistake in the file is refused with its place in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ... import config
from ..errors import LearningHubError, ValidationError
from ..messages import QT_TRANSLATE_NOOP, Text, field, say
from ..models import (
    AgendaSession,
    Attendance,
    City,
    Curriculum,
    Organisation,
    Person,
    Registration,
    RegistrationEvent,
    Seminar,
    SeminarPartner,
    SessionSeries,
    SessionSpeaker,
)
from . import agenda, attendance, certificate_settings, curricula, people, places, registration, seminars

DEMO_FILE = ("demo", "learning_hub.json")

_KEYS = {
    "root": {"curricula", "cities", "organisations", "people", "seminars"},
    "curriculum": {"key", "title", "title_zh", "start_year", "end_year", "description", "description_zh"},
    "city": {"name", "native_name", "country"},
    "organisation": {"name", "native_name", "city", "country"},
    "person": {"key", "given_name", "family_name", "native_name", "title", "organisation", "city", "country",
               "role", "email", "phone", "consent_contact", "notes"},
    "seminar": {"key", "curriculum", "title", "title_zh", "description_zh", "kind", "format", "venue", "city", "timezone", "start", "end",
                "capacity", "status", "description", "partners", "sessions", "registrations", "certificate", "evaluation"},
    "certificate": {"min_attendance", "min_hours", "bilingual", "signatories"},
    "signatory": {"name", "title", "title_zh"},
    "partner": {"organisation", "role"},
    "session": {"title", "title_zh", "description_zh", "kind", "start", "end", "room", "language", "speakers", "moderator", "description", "repeat"},
    "registration": {"person", "status", "attend"},
    "evaluation": {"template", "anonymous", "responses"},
}


@dataclass(frozen=True)
class DemoSummary:
    curricula: int
    seminars: int
    sessions: int
    people: int
    registrations: int
    check_ins: int


def is_empty(session: Session) -> bool:
    return not any(
        session.scalar(select(func.count()).select_from(model)) for model in (Curriculum, Seminar, Person)
    )


def clear_everything(session: Session) -> None:
    """Delete every row (for ``demo --force``); the caller's transaction makes it all-or-nothing."""
    for model in (Attendance, SessionSpeaker, AgendaSession, SessionSeries, RegistrationEvent, Registration,
                  SeminarPartner, Seminar, Curriculum, Person, Organisation, City):
        session.execute(delete(model))


def _check_keys(item: dict[str, Any], kind: str, where: str) -> None:
    unknown = set(item) - _KEYS[kind]
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "unknown field(s) {names}"), where=where,
                              names=", ".join(sorted(unknown)))


def load_demo(session: Session, path: Path | None = None) -> DemoSummary:
    """Load the demo programme into an empty database."""
    path = path or config.resource_path(*DEMO_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    _check_keys(data, "root", path.name)
    for i, item in enumerate(data["cities"]):
        _check_keys(item, "city", f"cities[{i}]")
        places.city_named(session, item["name"], item.get("country"), item.get("native_name"))
    for i, item in enumerate(data["organisations"]):
        _check_keys(item, "organisation", f"organisations[{i}]")
        city = places.find_city(session, item["city"]) if item.get("city") else None
        places.organisation_named(session, item["name"], city=city, country=item.get("country"),
                                  native_name=item.get("native_name"))
    curriculum_ids: dict[str, int] = {}
    for i, item in enumerate(data["curricula"]):
        _check_keys(item, "curriculum", f"curricula[{i}]")
        fields = {k: v for k, v in item.items() if k != "key"}
        curriculum_ids[item["key"]] = curricula.add_curriculum(session, **fields).id
    person_ids: dict[str, int] = {}
    for i, item in enumerate(data["people"]):
        _check_keys(item, "person", f"people[{i}]")
        fields = {k: v for k, v in item.items() if k != "key"}
        person_ids[item["key"]] = people.add_person(session, **fields).id
    counts = {"sessions": 0, "registrations": 0, "check_ins": 0}
    for i, item in enumerate(data["seminars"]):
        where = f"seminars[{i}] ({item.get('key')})"
        _check_keys(item, "seminar", where)
        try:
            _load_seminar(session, item, curriculum_ids, person_ids, counts)
        except (LearningHubError, KeyError) as exc:
            raise ValidationError(_refusal(exc), where=f"{path.name} {where}") from None
    return DemoSummary(len(curriculum_ids), len(data["seminars"]), counts["sessions"], len(person_ids),
                       counts["registrations"], counts["check_ins"])


def _refusal(exc: LearningHubError | KeyError) -> Text:
    """What went wrong inside a seminar of the file, with the field it names (a refusal's ``user_message``)."""
    if isinstance(exc, KeyError):
        return say(QT_TRANSLATE_NOOP("core", "unknown reference {key}"), key=str(exc))
    if not exc.where:
        return exc.message
    return say(QT_TRANSLATE_NOOP("core", "{place}: {message}"), place=field(exc.where), message=exc.message)


def _load_seminar(
    session: Session,
    item: dict[str, Any],
    curriculum_ids: dict[str, int],
    person_ids: dict[str, int],
    counts: dict[str, int],
) -> None:
    country = None
    if item.get("city"):
        city = places.find_city(session, item["city"])
        country = city.country if isinstance(city, City) else None
    seminar = seminars.add_seminar(
        session,
        curriculum_id=curriculum_ids[item["curriculum"]],
        title=item["title"], start=item["start"], end=item["end"], timezone=item["timezone"],
        kind=item.get("kind", "seminar"), format=item.get("format", "onsite"), venue=item.get("venue"),
        city=item.get("city"), country=country, capacity=item.get("capacity"),
        status="planned" if item.get("status") == "cancelled" else item.get("status", "planned"),
        description=item.get("description"),
        title_zh=item.get("title_zh"), description_zh=item.get("description_zh"),
    )
    for j, partner in enumerate(item.get("partners", [])):
        _check_keys(partner, "partner", f"partners[{j}]")
        seminars.set_partner(session, seminar.id, partner["organisation"], partner.get("role", "partner"))
    by_title: dict[str, list[AgendaSession]] = {}
    for j, spec in enumerate(item.get("sessions", [])):
        _check_keys(spec, "session", f"sessions[{j}]")
        rows = agenda.add_session(
            session, seminar_id=seminar.id, title=spec["title"], start=spec["start"], end=spec["end"],
            kind=spec.get("kind", "talk"), room=spec.get("room"), language=spec.get("language"),
            description=spec.get("description"),
            title_zh=spec.get("title_zh"), description_zh=spec.get("description_zh"),
            speaker_ids=[person_ids[k] for k in spec.get("speakers", [])],
            moderator_id=person_ids[spec["moderator"]] if spec.get("moderator") else None,
            repeat=spec.get("repeat"),
        )
        by_title.setdefault(spec["title"], []).extend(rows)
        counts["sessions"] += len(rows)
    for j, reg in enumerate(item.get("registrations", [])):
        _check_keys(reg, "registration", f"registrations[{j}]")
        person_id = person_ids[reg["person"]]
        registration.register(session, seminar_id=seminar.id, person_id=person_id, status=reg.get("status", "registered"))
        counts["registrations"] += 1
        attend = reg.get("attend", "none")
        chosen = (
            [row for rows in by_title.values() for row in rows] if attend == "all"
            else [] if attend == "none"
            else [row for title in attend for row in by_title[title]]
        )
        for row in chosen:
            # Arrivals spread over the ten minutes before the start, the same on every load.
            early = dt.timedelta(minutes=(person_id * 7 + row.id) % 10)
            attendance.check_in(session, session_id=row.id, person_id=person_id, at=row.starts_at - early)
            counts["check_ins"] += 1
    if "certificate" in item:
        _load_certificate_settings(session, seminar.id, item["certificate"])
    if "evaluation" in item:
        from ..evaluations.demo import load_evaluation

        _check_keys(item["evaluation"], "evaluation", "evaluation")
        load_evaluation(session, seminar.id, item["evaluation"], person_ids)
    if item.get("status") == "cancelled":
        seminars.cancel_seminar(session, seminar.id)


def _load_certificate_settings(session: Session, seminar_id: int, spec: dict[str, Any]) -> None:
    """The seminar's certificate settings (rule, signatories, wording), through the same call
    as ``seminar certificate ID``; a rule not given is left out (not the default 75 %)."""
    _check_keys(spec, "certificate", "certificate")
    for j, person in enumerate(spec.get("signatories", [])):
        _check_keys(person, "signatory", f"certificate signatories[{j}]")
    certificate_settings.set_settings(
        session, seminar_id,
        min_attendance_pct=spec.get("min_attendance"), min_hours=spec.get("min_hours"),
        signatories=[(x["name"], x.get("title"), x.get("title_zh")) for x in spec.get("signatories", [])],
        bilingual=bool(spec.get("bilingual", False)),
    )
