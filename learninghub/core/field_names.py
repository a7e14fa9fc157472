"""The names of the fields and places a refusal points at, marked for translation.

``LearningHubError.where`` stays the English key the windows use to find the field to
outline (``gui/field_errors.py``); the Chinese interface shows the name translated
(context ``field``). A ``where`` written in the core and missing here fails
``tests/gui/test_translation_files.py``. Command-line options (``--undo``) are not listed:
only the command line names them.
"""

from __future__ import annotations

from .messages import QT_TRANSLATE_NOOP

FIELD_NAMES = (
    QT_TRANSLATE_NOOP("field", "title"),
    QT_TRANSLATE_NOOP("field", "Chinese title"),
    QT_TRANSLATE_NOOP("field", "description"),
    QT_TRANSLATE_NOOP("field", "Chinese description"),
    QT_TRANSLATE_NOOP("field", "family name"),
    QT_TRANSLATE_NOOP("field", "given name"),
    QT_TRANSLATE_NOOP("field", "native name"),
    QT_TRANSLATE_NOOP("field", "email"),
    QT_TRANSLATE_NOOP("field", "phone"),
    QT_TRANSLATE_NOOP("field", "country"),
    QT_TRANSLATE_NOOP("field", "city"),
    QT_TRANSLATE_NOOP("field", "city native name"),
    QT_TRANSLATE_NOOP("field", "organisation"),
    QT_TRANSLATE_NOOP("field", "organisation native name"),
    QT_TRANSLATE_NOOP("field", "notes"),
    QT_TRANSLATE_NOOP("field", "role"),
    QT_TRANSLATE_NOOP("field", "person"),
    QT_TRANSLATE_NOOP("field", "curriculum"),
    QT_TRANSLATE_NOOP("field", "seminar"),
    QT_TRANSLATE_NOOP("field", "session"),
    QT_TRANSLATE_NOOP("field", "series"),
    QT_TRANSLATE_NOOP("field", "registration"),
    QT_TRANSLATE_NOOP("field", "status"),
    QT_TRANSLATE_NOOP("field", "kind"),
    QT_TRANSLATE_NOOP("field", "format"),
    QT_TRANSLATE_NOOP("field", "capacity"),
    QT_TRANSLATE_NOOP("field", "venue"),
    QT_TRANSLATE_NOOP("field", "room"),
    QT_TRANSLATE_NOOP("field", "language"),
    QT_TRANSLATE_NOOP("field", "speaker"),
    QT_TRANSLATE_NOOP("field", "start"),
    QT_TRANSLATE_NOOP("field", "end"),
    QT_TRANSLATE_NOOP("field", "dates"),
    QT_TRANSLATE_NOOP("field", "start year"),
    QT_TRANSLATE_NOOP("field", "end year"),
    QT_TRANSLATE_NOOP("field", "timezone"),
    QT_TRANSLATE_NOOP("field", "second time zone"),
    QT_TRANSLATE_NOOP("field", "repeat"),
    QT_TRANSLATE_NOOP("field", "repeat every"),
    QT_TRANSLATE_NOOP("field", "repeat end"),
    QT_TRANSLATE_NOOP("field", "repeat count"),
    QT_TRANSLATE_NOOP("field", "attendance"),
    QT_TRANSLATE_NOOP("field", "reason"),
    QT_TRANSLATE_NOOP("field", "code"),
    QT_TRANSLATE_NOOP("field", "certificates"),
    QT_TRANSLATE_NOOP("field", "certificate settings"),
    QT_TRANSLATE_NOOP("field", "minimum hours"),
    QT_TRANSLATE_NOOP("field", "minimum attendance %"),
    QT_TRANSLATE_NOOP("field", "signatories"),
    QT_TRANSLATE_NOOP("field", "logos"),
    QT_TRANSLATE_NOOP("field", "mapping"),
    QT_TRANSLATE_NOOP("field", "restore"),
    QT_TRANSLATE_NOOP("field", "moderator"),
    QT_TRANSLATE_NOOP("field", "time zone"),
    QT_TRANSLATE_NOOP("field", "time"),
    QT_TRANSLATE_NOOP("field", "certificate"),
    QT_TRANSLATE_NOOP("field", "rule"),
    QT_TRANSLATE_NOOP("field", "signatory"),
    QT_TRANSLATE_NOOP("field", "logo"),
)
