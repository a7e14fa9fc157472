"""The controlled vocabularies of the domain, with their human labels.

Values are stored as these short strings; labels are what screens and documents show.
"""

from __future__ import annotations

from .errors import ValidationError
from .messages import QT_TRANSLATE_NOOP

PERSON_ROLES: dict[str, str] = {
    "elected": "Elected representative",
    "policymaker": "Policymaker",
    "manager": "City manager",
    "planner": "Urban planner",
    "expert": "Expert",
    "participant": "Participant",
    "staff": "Staff",
    "other": "Other",
}
#: How a group of people in a role is named ("9 policymakers").
PERSON_ROLES_PLURAL: dict[str, str] = {
    "elected": "elected representatives",
    "policymaker": "policymakers",
    "manager": "city managers",
    "planner": "urban planners",
    "expert": "experts",
    "participant": "participants",
    "staff": "staff",
    "other": "others",
}
#: A person's gender, optional (None: not recorded). Shown only in aggregate (the outcome report).
PERSON_GENDERS: dict[str, str] = {
    "woman": "Woman",
    "man": "Man",
    "another": "Another gender",
    "undisclosed": "Prefers not to say",
}
#: What a report calls the people whose gender is None.
GENDER_NOT_RECORDED = "Not recorded"
SEMINAR_KINDS: dict[str, str] = {
    "seminar": "Seminar",
    "webinar": "Webinar",
    "meeting": "Cluster meeting",
    "visit": "Study visit",
    "conference": "Conference",
    "course": "Course",
}
SEMINAR_FORMATS: dict[str, str] = {"onsite": "On site", "online": "Online", "hybrid": "Hybrid"}
SEMINAR_STATUSES: dict[str, str] = {
    "planned": "Planned",
    "confirmed": "Confirmed",
    "held": "Held",
    "cancelled": "Cancelled",
}
SESSION_KINDS: dict[str, str] = {
    "talk": "Talk",
    "keynote": "Keynote",
    "panel": "Panel",
    "workshop": "Workshop",
    "break": "Break",
    "meal": "Meal",
    "visit": "Site visit",
    "ceremony": "Ceremony",
    "meeting": "Meeting",
    "other": "Other",
}
REGISTRATION_STATUSES: dict[str, str] = {
    "invited": "Invited",
    "registered": "Registered",
    "confirmed": "Confirmed",
    "waitlisted": "Waiting list",
    "cancelled": "Cancelled",
    "attended": "Attended",
    "no-show": "No-show",
}
#: Registrations in these states hold a seat and count against a seminar's capacity.
SEAT_HOLDING_STATUSES: frozenset[str] = frozenset({"registered", "confirmed", "attended", "no-show"})
#: Session kinds nobody checks in to and no certificate counts: the programme is the rest.
NOT_ATTENDED_KINDS: frozenset[str] = frozenset({"break", "meal"})
PARTNER_ROLES: dict[str, str] = {"organiser": "Organiser", "partner": "Partner"}


def check_choice(value: str, choices: dict[str, str], field: str) -> str:
    """Return ``value`` normalised, or refuse it naming the allowed values."""
    normalised = (value or "").strip().lower()
    if normalised not in choices:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not one of: {allowed}"), where=field,
                              value=value, allowed=", ".join(choices))
    return normalised


def choice_code(value: str, choices: dict[str, str], field: str, *other_names: dict[str, str]) -> str:
    """The code of ``value`` given as the code (``manager``) or as the name the app shows (``City manager``),
    in any case; ``other_names`` are more names by code (plural, Chinese). Refused naming the codes with
    their names: the command line takes the words the app shows, and shows them."""
    typed = " ".join((value or "").split()).casefold()
    for names in (choices, *other_names):
        for code, name in names.items():
            if typed in (code.casefold(), name.casefold()):
                return code
    raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not one of: {allowed}"), where=field, value=value,
                          allowed=", ".join(f"{code} ({name})" for code, name in choices.items()))
