"""The core's controlled vocabularies (and import fields) in the interface language.

Why here: the core stores short codes and keeps English labels (``core.vocab``) with no
Qt; the interface shows those labels translated. lupdate only finds literal strings,
so every label is listed below with ``QT_TRANSLATE_NOOP`` (one context per vocabulary:
"Other" is 其他人员 as a role, 其他 as a session kind); tests/gui/test_translation_zh.py
fails when the core gains a label this list lacks.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core import vocab

# Context (for the translator) of each vocabulary shown in the interface.
CONTEXTS: dict[str, dict[str, str]] = {
    "PersonRole": vocab.PERSON_ROLES,
    "PersonGender": vocab.PERSON_GENDERS,
    "SeminarKind": vocab.SEMINAR_KINDS,
    "SeminarFormat": vocab.SEMINAR_FORMATS,
    "SeminarStatus": vocab.SEMINAR_STATUSES,
    "SessionKind": vocab.SESSION_KINDS,
    "RegistrationStatus": vocab.REGISTRATION_STATUSES,
    "PartnerRole": vocab.PARTNER_ROLES,
}

_LISTED = (
    QT_TRANSLATE_NOOP("PersonRole", "Elected representative"),
    QT_TRANSLATE_NOOP("PersonRole", "Policymaker"),
    QT_TRANSLATE_NOOP("PersonRole", "City manager"),
    QT_TRANSLATE_NOOP("PersonRole", "Urban planner"),
    QT_TRANSLATE_NOOP("PersonRole", "Expert"),
    QT_TRANSLATE_NOOP("PersonRole", "Participant"),
    QT_TRANSLATE_NOOP("PersonRole", "Staff"),
    QT_TRANSLATE_NOOP("PersonRole", "Other"),
    QT_TRANSLATE_NOOP("PersonGender", "Woman"),
    QT_TRANSLATE_NOOP("PersonGender", "Man"),
    QT_TRANSLATE_NOOP("PersonGender", "Another gender"),
    QT_TRANSLATE_NOOP("PersonGender", "Prefers not to say"),
    QT_TRANSLATE_NOOP("SeminarKind", "Seminar"),
    QT_TRANSLATE_NOOP("SeminarKind", "Webinar"),
    QT_TRANSLATE_NOOP("SeminarKind", "Cluster meeting"),
    QT_TRANSLATE_NOOP("SeminarKind", "Study visit"),
    QT_TRANSLATE_NOOP("SeminarKind", "Conference"),
    QT_TRANSLATE_NOOP("SeminarKind", "Course"),
    QT_TRANSLATE_NOOP("SeminarFormat", "On site"),
    QT_TRANSLATE_NOOP("SeminarFormat", "Online"),
    QT_TRANSLATE_NOOP("SeminarFormat", "Hybrid"),
    QT_TRANSLATE_NOOP("SeminarStatus", "Planned"),
    QT_TRANSLATE_NOOP("SeminarStatus", "Confirmed"),
    QT_TRANSLATE_NOOP("SeminarStatus", "Held"),
    QT_TRANSLATE_NOOP("SeminarStatus", "Cancelled"),
    QT_TRANSLATE_NOOP("SessionKind", "Talk"),
    QT_TRANSLATE_NOOP("SessionKind", "Keynote"),
    QT_TRANSLATE_NOOP("SessionKind", "Panel"),
    QT_TRANSLATE_NOOP("SessionKind", "Workshop"),
    QT_TRANSLATE_NOOP("SessionKind", "Break"),
    QT_TRANSLATE_NOOP("SessionKind", "Meal"),
    QT_TRANSLATE_NOOP("SessionKind", "Site visit"),
    QT_TRANSLATE_NOOP("SessionKind", "Ceremony"),
    QT_TRANSLATE_NOOP("SessionKind", "Meeting"),
    QT_TRANSLATE_NOOP("SessionKind", "Other"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "Invited"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "Registered"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "Confirmed"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "Waiting list"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "Cancelled"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "Attended"),
    QT_TRANSLATE_NOOP("RegistrationStatus", "No-show"),
    QT_TRANSLATE_NOOP("PartnerRole", "Organiser"),
    QT_TRANSLATE_NOOP("PartnerRole", "Partner"),
    QT_TRANSLATE_NOOP("ImportField", "Full name"),
    QT_TRANSLATE_NOOP("ImportField", "Family name"),
    QT_TRANSLATE_NOOP("ImportField", "Given name"),
    QT_TRANSLATE_NOOP("ImportField", "Native name"),
    QT_TRANSLATE_NOOP("ImportField", "Email"),
    QT_TRANSLATE_NOOP("ImportField", "Organisation"),
    QT_TRANSLATE_NOOP("ImportField", "City"),
    QT_TRANSLATE_NOOP("ImportField", "Country"),
    QT_TRANSLATE_NOOP("ImportField", "Title"),
    QT_TRANSLATE_NOOP("ImportField", "Phone"),
    QT_TRANSLATE_NOOP("ImportField", "Role"),
    QT_TRANSLATE_NOOP("ImportField", "Gender"),
    QT_TRANSLATE_NOOP("ImportField", "Notes"),
    QT_TRANSLATE_NOOP("ImportField", "Registration date"),
)


def label(context: str, code: str) -> str:
    """The label of ``code`` in the vocabulary ``context`` (a key of CONTEXTS), translated."""
    english = CONTEXTS[context].get(code, code)
    return QCoreApplication.translate(context, english)


def choices(context: str) -> list[tuple[str, str]]:
    """(code, translated label) of a vocabulary, in the core's order: for combo boxes."""
    return [(code, QCoreApplication.translate(context, english)) for code, english in CONTEXTS[context].items()]


def person_role(code: str) -> str:
    return label("PersonRole", code)


def seminar_kind(code: str) -> str:
    return label("SeminarKind", code)


def seminar_format(code: str) -> str:
    return label("SeminarFormat", code)


def seminar_status(code: str) -> str:
    return label("SeminarStatus", code)


def session_kind(code: str) -> str:
    return label("SessionKind", code)


def registration_status(code: str) -> str:
    return label("RegistrationStatus", code)


def partner_role(code: str) -> str:
    return label("PartnerRole", code)


def import_field(english: str) -> str:
    """A field of the people import (``importing.FIELDS`` label), translated."""
    return QCoreApplication.translate("ImportField", english)
