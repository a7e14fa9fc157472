"""Small checks on values a user typed, each refusing with the field's name.

One rule for every database: text holding a NUL byte or another C0 control character
(tab, newline and carriage return excepted) is refused, not cleaned. PostgreSQL cannot store NUL in text at all, SQLite
would store it and cut it short in C string APIs, and none of them has a place in a
name. Lone surrogates (undecodable bytes passed through, e.g. a command-line argument
in the wrong encoding) cannot be written as UTF-8 and are refused too.

Text made only of characters nobody sees (zero-width spaces and joiners, the byte order
mark, soft hyphens, bidi controls, variation selectors, Hangul fillers, combining marks
with nothing to sit on) is empty: a required name of only such characters is refused as
missing. The same characters inside text that shows something are kept (a ZWJ in an emoji
sequence, a ZWNJ in a Persian word).

Whole numbers (ids, capacities, counts) fit the smallest integer column of the databases
used: PostgreSQL's ``integer``, 32-bit signed. SQLite takes 64 bits, but one bound serves
both, so a number is refused the same way whichever database is behind.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .errors import ValidationError
from .messages import QT_TRANSLATE_NOOP

#: The days the app handles. Python's calendar ends at years 1 and 9999; a local time
#: shown in any other zone (offsets run from -12 h to +14 h, so up to 26 h away) and the
#: day after a seminar's last day must still fall inside it: two days are left at each end.
FIRST_DAY = dt.date(1, 1, 3)
LAST_DAY = dt.date(9999, 12, 29)

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")
#: Control characters no text of ours holds (tab, line feed and carriage return are text), and lone
#: surrogates (undecodable bytes passed through): refused in values, left out of searches, checked in dumps.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")

#: The largest whole number a database column holds (PostgreSQL ``integer``): ids, counts.
INT_MAX = 2**31 - 1
#: The most seats a seminar can have (a stadium, not a typing slip of 10**20).
MAX_CAPACITY = 100_000

#: Characters that show nothing although Unicode files them as letters or symbols:
#: Hangul fillers and the blank Braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
#: Categories that show nothing by themselves: format characters (zero-width space, joiners,
#: bidi controls, soft hyphen, BOM, tags), controls, separators, and combining marks (variation
#: selectors, the combining grapheme joiner; an accent shows only on a letter).
_UNSEEN_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"})


def is_visible(ch: str) -> bool:
    """Whether the one character ``ch`` shows something on its own."""
    return ch not in _BLANK_LETTERS and unicodedata.category(ch) not in _UNSEEN_CATEGORIES


def shows_something(value: str) -> bool:
    """Whether ``value`` holds a character someone can see (not only zero-width, bidi or filler ones)."""
    return any(is_visible(ch) for ch in value)


def _check_characters(cleaned: str, field: str, control: str) -> None:
    if CONTROL_CHARACTERS.search(control):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "contains control characters"), where=field)
    if LONE_SURROGATES.search(cleaned):
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
    if not shows_something(cleaned):
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "is required (it holds only characters that do not show)"),
                                  where=field)
        return None
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
    if not shows_something(cleaned):
        return None
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


def shown_number(value: int) -> str:
    """``value`` for a message: in full unless it is too long to read (or to print at all)."""
    return str(value) if value.bit_length() <= 100 else ("a number of more than 30 digits" if value > 0 else
                                                          "a negative number of more than 30 digits")


def whole_number(value: object, field: str, *, least: int = 0, most: int = INT_MAX) -> int:
    """``value`` if it is a whole number from ``least`` to ``most`` (at most INT_MAX whatever is asked)."""
    if isinstance(value, bool) or not isinstance(value, int):
        shown = repr(value)
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not a whole number"), where=field,
                              value=shown if len(shown) <= 60 else shown[:57] + "...")
    most = min(most, INT_MAX)
    if value > most:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is too large (at most {most})"), where=field,
                              value=shown_number(value), most=f"{most:,}")
    if value < least == 1:  # the sentence the translations already hold
        raise ValidationError(QT_TRANSLATE_NOOP("core", "must be at least 1 (got {value})"), where=field,
                              value=shown_number(value))
    if value < least:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "must be at least {least} (got {value})"), where=field,
                              least=least, value=shown_number(value))
    return value


def is_id(value: object) -> bool:
    """Whether ``value`` can be the id of a stored row (1 to INT_MAX): any other has no row."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= INT_MAX


def positive_int(value: int | None, field: str, *, allow_none: bool = True, most: int = INT_MAX) -> int | None:
    if value is None:
        if allow_none:
            return None
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is required"), where=field)
    return whole_number(value, field, least=1, most=most)


def capacity(value: int | None, field: str = "capacity") -> int | None:
    """Seats of a seminar: None (unlimited) or 1 to MAX_CAPACITY."""
    return positive_int(value, field, most=MAX_CAPACITY)


def calendar_day(value: dt.date, field: str) -> dt.date:
    """``value`` (a date or a date-time) if its day is within FIRST_DAY..LAST_DAY."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{day} is outside the calendar this program handles ({first} to {last})"),
            where=field, day=day.isoformat(), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat(),
        )
    return value
