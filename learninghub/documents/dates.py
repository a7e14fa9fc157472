"""Dates and times as printed documents show them, in English whatever the process locale.

``strftime("%A")`` follows the C library locale, which Qt sets from the desktop; a
document must not change language depending on which program printed it.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_day(day: dt.date) -> str:
    """'Monday 13 July 2020'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_day(day: dt.date) -> str:
    """'Mon 13 Jul'."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def day_range(first: dt.date, last: dt.date, *, with_year: bool = True) -> str:
    """'Monday 13 – Friday 17 July 2020'; one day alone as 'Thursday 20 May 2021'."""
    year = f" {last.year}" if with_year else ""
    if first == last:
        return f"{WEEKDAYS[first.weekday()]} {first.day} {MONTHS[first.month - 1]}{year}"
    start = f"{WEEKDAYS[first.weekday()]} {first.day}"
    if (first.year, first.month) != (last.year, last.month):
        start += f" {MONTHS[first.month - 1]}"
    if first.year != last.year:
        start += f" {first.year}"
        year = f" {last.year}"
    return f"{start} – {WEEKDAYS[last.weekday()]} {last.day} {MONTHS[last.month - 1]}{year}"


def short_range(first: dt.date, last: dt.date) -> str:
    """'13–17 Jul 2020', '16 Feb – 29 Jun 2021', '20 May 2021': for a table cell."""
    def short(day: dt.date) -> str:
        return f"{day.day} {MONTHS[day.month - 1][:3]}"

    if first == last:
        return f"{short(first)} {first.year}"
    if first.year != last.year:
        return f"{short(first)} {first.year} – {short(last)} {last.year}"
    if first.month != last.month:
        return f"{short(first)} – {short(last)} {last.year}"
    return f"{first.day}–{short(last)} {last.year}"


NBSP = "\u00a0"  # keeps '+1 day' on one line in a narrow column


def day_shift(days: int) -> str:
    """'+1 day', '-2 days', or '' for the same day (with a no-break space)."""
    if not days:
        return ""
    return f"{days:+d}{NBSP}day" + ("" if abs(days) == 1 else "s")


def span(start: dt.datetime, end: dt.datetime) -> str:
    """'09:00–09:45', or '23:30–00:30 +1 day' when the end falls on a later day
    (both already in the zone to show)."""
    shift = day_shift((end.date() - start.date()).days)
    return f"{start:%H:%M}–{end:%H:%M}" + (f" {shift}" if shift else "")


def utc_offset(moment: dt.datetime) -> str:
    """'UTC+08:00' for an aware datetime."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
