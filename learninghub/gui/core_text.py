"""The core's messages in the interface language.

The core says everything in English but keeps, in each :class:`~learninghub.core.messages.Text`,
the template and parameters it was made from; here the template is translated with Qt
(contexts ``core``, ``field`` and the vocabularies) and the parameters — translated too
when they are Texts themselves — filled in. Anything else (a plain ``str``: data, a
driver's error) is shown as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core.errors import LearningHubError
from ..core.messages import TITLE, Text
from .bilingual import shown


def localized(text: Any) -> str:
    """``text`` in the interface language (a Text translated; anything else as ``str``)."""
    if not isinstance(text, Text):
        return "" if text is None else str(text)
    if text.context == TITLE:
        return shown(str(text), text.template)
    template = QCoreApplication.translate(text.context, text.template) if text.context else text.template
    if not text.params:
        return template
    params = {key: _shown(value) for key, value in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a {name}: English beats a crash
        return str(text)


def _shown(value: Any) -> Any:
    """A parameter as the interface writes it: a Text translated, a day in the interface's date style."""
    if isinstance(value, Text):
        return localized(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from .i18n import format_date

        return format_date(value, "day")
    return value


def where_label(where: str | None) -> str:
    """The field or place a refusal names, translated when it is a known field name."""
    if not where:
        return ""
    if isinstance(where, Text):
        return localized(where)
    return QCoreApplication.translate("field", where)


def error_message(exc: BaseException) -> str:
    """A refusal of the core as one line in the interface language: "标题：必须填写"."""
    if not isinstance(exc, LearningHubError):
        return str(exc)
    message = localized(exc.message)
    if not exc.where:
        return message
    return QCoreApplication.translate("CoreText", "%1: %2").replace("%1", where_label(exc.where)).replace(
        "%2", message)
