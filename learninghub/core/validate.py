"""Small checks on values a user typed, each refusing with the field's name.

One rule for every database: text holding a NUL byte or another C0 control character
(tab, newline and carriage return excepted) is refused, not cleaned. PostgreSQL cannot store NUL in text at all, SQLite
would store it and cut it short in C string APIs, and none of them has a place in a
name. Lone surrogates (undecodable bytes passed through, e.g. a command-line argument
in the wrong encoding) cannot be written as UTF-8 and are refused too.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import ValidationError
from .messages import QT_TRANSLATE_NOOP

#: The days the app handles. Python's calendar ends at years 1 and 9999; a local time
#: shown in any other zone (offsets run from -12 h to +14 h, so up to 26 h away) and the
#: day after a seminar's last day must still fall inside it: two days are left at each end.
FIRST_DAY = dt.date(1, 1, 3)
LAST_DAY = dt.date(9999, 12, 29)

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _check_characters(cleaned: str, field: str, control: str) -> None:
    if _CONTROL.search(control):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "contains control characters"), where=field)
    if _SURROGATE.search(cleaned):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "contains bytes that are not text (is it in another encoding than UTF-8?)"),
            where=field)


def text(value: str | None, field: str, *, required: bool = False, max_len: int = 300) -> str | None:
    """Trimmed text, or None when empty and optional. Refuses control characters."""
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "is required"), where=field)
        return None
    _check_characters(cleaned, field, cleaned)
    if len(cleaned) > max_len:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is {length} characters long; at most {most} fit"), where=field,
                              length=len(cleaned), most=max_len)
    return cleaned


def required_text(value: str | None, field: str, *, max_len: int = 300) -> str:
    result = text(value, field, required=True, max_len=max_len)
    assert result is not None
    return result


def long_text(value: str | None, field: str) -> str | None:
    """Free text (notes, descriptions): newlines and tabs allowed."""
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    _check_characters(cleaned, field, cleaned.replace("\n", "").replace("\t", "").replace("\r", ""))
    if len(cleaned) > 20_000:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is longer than 20,000 characters"), where=field)
    return cleaned


def email(value: str | None, field: str = "email") -> str | None:
    cleaned = text(value, field, max_len=320)
    if cleaned is None:
        return None
    if not _EMAIL.match(cleaned):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not an email address"), where=field, value=cleaned)
    return cleaned


def country(value: str | None, field: str = "country") -> str | None:
    """An ISO 3166-1 alpha-2 code, upper-cased."""
    cleaned = text(value, field, max_len=10)
    if cleaned is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", cleaned):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not a two-letter country code (CN, ES, KR...)"),
                              where=field, value=cleaned)
    return cleaned.upper()


def positive_int(value: int | None, field: str, *, allow_none: bool = True) -> int | None:
    if value is None:
        if allow_none:
            return None
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is required"), where=field)
    if value < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "must be at least 1 (got {value})"), where=field, value=value)
    return value


def calendar_day(value: dt.date, field: str) -> dt.date:
    """``value`` (a date or a date-time) if its day is within FIRST_DAY..LAST_DAY."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{day} is outside the calendar this program handles ({first} to {last})"),
            where=field, day=day.isoformat(), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat(),
        )
    return value
