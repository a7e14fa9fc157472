"""Column headers of the seminar tabs' tables (kept light: the window shell needs them first).

Marked for lupdate only: models translate them (context "Columns") when Qt asks for a header.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

AGENDA_HEADERS = (QT_TRANSLATE_NOOP("Columns", "Day"), QT_TRANSLATE_NOOP("Columns", "Time"),
                  QT_TRANSLATE_NOOP("Columns", "Title"), QT_TRANSLATE_NOOP("Columns", "Kind"),
                  QT_TRANSLATE_NOOP("Columns", "Room"), QT_TRANSLATE_NOOP("Columns", "Speakers"))
PARTICIPANT_HEADERS = (QT_TRANSLATE_NOOP("Columns", "Name"), QT_TRANSLATE_NOOP("Columns", "Organisation"),
                       QT_TRANSLATE_NOOP("Columns", "City"), QT_TRANSLATE_NOOP("Columns", "Role"),
                       QT_TRANSLATE_NOOP("Columns", "Status"))
