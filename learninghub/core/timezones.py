"""IANA zones, and turning local wall-clock times into instants without guessing.

A local time in the spring-forward gap does not exist and is refused; one in the
autumn fold exists twice and needs an explicit choice (``fold`` 0 = the earlier,
1 = the later). Nothing is silently shifted.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .errors import ValidationError
from .messages import QT_TRANSLATE_NOOP

Fold = Literal["earlier", "later"]
UTC = dt.UTC


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone(name: str, *, where: str = "time zone") -> ZoneInfo:
    """The zone called ``name`` (e.g. ``Asia/Shanghai``), or a ValidationError."""
    cleaned = (name or "").strip()
    try:
        if not cleaned or cleaned.startswith(("/", ".")) or ".." in cleaned:
            raise ValueError
        return _zone(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "unknown time zone {value!r} "
                                      "(use an IANA name such as Asia/Shanghai or Europe/Madrid)"),
            where=where, value=name,
        ) from None


def to_instant(
    local: dt.datetime, tz: ZoneInfo, *, fold: Fold | None = None, where: str = "time"
) -> dt.datetime:
    """The UTC instant of the naive wall-clock time ``local`` in ``tz``.

    Refuses a time in a DST gap; a time in a DST fold needs ``fold``.
    """
    if local.tzinfo is not None:
        raise ValueError("to_instant takes a naive local time")
    early = local.replace(tzinfo=tz, fold=0)
    late = local.replace(tzinfo=tz, fold=1)
    shown = f"{local:%Y-%m-%d %H:%M}"
    if early.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != local:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{time} does not exist in {zone} (the clocks jump forward over it)"), where=where,
            time=shown, zone=tz.key,
        )
    if early.utcoffset() != late.utcoffset():
        if fold is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "{time} happens twice in {zone} (the clocks go back); "
                                          "say which one: the earlier or the later"),
                where=where, time=shown, zone=tz.key,
            )
        chosen = early if fold == "earlier" else late
        return chosen.astimezone(UTC)
    return early.astimezone(UTC)


def to_local(instant: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """The instant shown in ``tz`` (an aware datetime)."""
    return instant.astimezone(tz)


#: What a user may type (the command line, the core's string arguments): year first, the ISO 8601
#: order, so nothing is a guess. ``14/03/2022`` or ``03/04/2022`` (3 April in Chengdu, 4 March in
#: Chicago) is refused, never read one way or the other. Spreadsheet cells are read by
#: ``importing.checking.parse_date``, which knows the forms sheets hold.
_DAY = r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
_TIME = r"(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
_OFFSET = r"(?P<offset>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)"
_LOCAL_RE = re.compile(rf"{_DAY}(?:(?:[Tt]| +){_TIME} *{_OFFSET}?)?")
_DAY_RE = re.compile(_DAY)


def parse_local(text: str, *, where: str) -> dt.datetime:
    """A user-typed local date-time, year first: ``2020-07-15 09:30`` (or ``2020-07-15T09:30``,
    seconds optional; a day alone is its midnight). Anything else is refused, saying how to write it."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "a date and time is required"), where=where)
    found = _LOCAL_RE.fullmatch(raw)
    if found is not None and found["offset"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{value!r} carries a UTC offset; give the local time of the seminar's zone"),
            where=where, value=raw,
        )
    try:
        if found is None:
            raise ValueError(raw)
        return dt.datetime(int(found["year"]), int(found["month"]), int(found["day"]), int(found["hour"] or 0),
                           int(found["minute"] or 0), int(found["second"] or 0))
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{value!r} is not a date and time (write 2020-07-15 09:30)"), where=where,
            value=raw,
        ) from None


def parse_date(text: str, *, where: str) -> dt.date:
    """A user-typed date, year first: ``2020-07-15``. Anything else is refused, saying how to write it."""
    raw = (text or "").strip()
    found = _DAY_RE.fullmatch(raw)
    try:
        if found is None:
            raise ValueError(raw)
        return dt.date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not a date (write 2020-07-15)"), where=where,
                              value=raw) from None


def local_days(start: dt.datetime, end: dt.datetime, tz: ZoneInfo) -> tuple[dt.date, dt.date]:
    """The first and last local day a session covers. One ending at 00:00 ends on the day
    before: it does not reach into the next one."""
    return start.astimezone(tz).date(), (end - dt.timedelta(microseconds=1)).astimezone(tz).date()


@cache
def names() -> tuple[str, ...]:
    """Every IANA zone name, sorted, for choosing one (reading them takes ~20 ms: once per process)."""
    return tuple(sorted(available_timezones()))
