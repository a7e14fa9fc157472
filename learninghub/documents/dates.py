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


#: How a range of days is written: with weekdays (a heading), short (a table cell), plain (a certificate).
STYLES = ("long", "short", "plain")
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def _day_en(day: dt.date, style: str, year: bool, month: bool) -> str:
    name = MONTHS[day.month - 1][:3] if style == "short" else MONTHS[day.month - 1]
    text = f"{WEEKDAYS[day.weekday()]} {day.day}" if style == "long" else f"{day.day}"
    return text + (f" {name}" if month else "") + (f" {day.year}" if year else "")


def _day_zh(day: dt.date, style: str, year: bool, month: bool) -> str:
    text = (f"{day.year}年" if year else "") + (f"{day.month}月" if month or year else "") + f"{day.day}日"
    return text + (WEEKDAYS_ZH[day.weekday()] if style == "long" else "")


def day_range(first: dt.date, last: dt.date, *, style: str = "long", lang: str = "en", with_year: bool = True) -> str:
    """A range of days, the parts both ends share written once.

    English writes them at the end, Chinese at the start (year, month, day order):

    ======  ==================================  ==============================
    style   en                                  zh
    ======  ==================================  ==============================
    long    Monday 13 – Friday 17 July 2020     2020年7月13日星期一至17日星期五
    short   13–17 Jul 2020, 16 Feb – 29 Jun…    2020年7月13日–17日
    plain   13–17 July 2020                     2020年7月13日至17日
    ======  ==================================  ==============================

    One day alone is written in full; ends in different years are both written in full.
    ``with_year=False`` (English) leaves the year out when both ends share it.
    """
    if style not in STYLES:
        raise ValueError(f"style is one of {STYLES}, not {style!r}")
    same_year = first.year == last.year
    same_month = same_year and first.month == last.month
    if lang == "zh":
        if first == last:
            return _day_zh(first, style, True, True)
        return (_day_zh(first, style, True, True) + ("–" if style == "short" else "至")
                + _day_zh(last, style, not same_year, not same_month))
    shown_year = with_year or not same_year
    if first == last:
        return _day_en(first, style, shown_year, True)
    start = _day_en(first, style, not same_year, not same_month)
    between = "–" if style != "long" and same_month else " – "
    return start + between + _day_en(last, style, shown_year, True)


def short_range(first: dt.date, last: dt.date) -> str:
    """'13–17 Jul 2020', '16 Feb – 29 Jun 2021', '20 May 2021': for a table cell."""
    return day_range(first, last, style="short")


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
