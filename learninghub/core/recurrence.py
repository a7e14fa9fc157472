"""The simple repeat choices of the app, written as an RFC 5545 rule.

"Every 2 weeks, 8 times" → ``FREQ=WEEKLY;INTERVAL=2;COUNT=8``. The rule is expanded
later in the seminar's local zone (services.agenda), so the hour stays put across
a DST change.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .errors import ValidationError
from .messages import QT_TRANSLATE_NOOP

Unit = Literal["days", "weeks"]


def repeat_rule(every: int, unit: Unit, *, count: int | None = None, until: dt.date | None = None) -> str:
    """An RRULE for "every ``every`` ``unit``", ending after ``count`` times or on ``until``."""
    if every < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "must be at least 1 (got {value})"), where="repeat every",
                              value=every)
    if (count is None) == (until is None):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "say either how many times or until which day"),
                              where="repeat end")
    if count is not None and not 1 <= count <= 500:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{count} times: between 1 and 500"), where="repeat count",
                              count=count)
    freq = {"days": "DAILY", "weeks": "WEEKLY"}[unit]
    parts = [f"FREQ={freq}"]
    if every > 1:
        parts.append(f"INTERVAL={every}")
    parts.append(f"COUNT={count}" if count is not None else f"UNTIL={until:%Y%m%d}T235959")
    return ";".join(parts)
