"""Column headers of the seminar tabs' tables (kept light: the window shell needs them first)."""

AGENDA_HEADERS = ("Day", "Time", "Title", "Kind", "Room", "Speakers")
PARTICIPANT_HEADERS = ("Name", "Organisation", "City", "Role", "Status")
