"""Dates and times typed by a user are read one way only: year first (ISO 8601).

``14/03/2022`` and ``03/04/2022`` are refused, not guessed: the second is 3 April in Chengdu
and 4 March in Chicago, and a day/month order read wrong puts a session on the wrong day
without a word. Spreadsheet cells are another matter (``importing.checking.parse_date``)."""

from __future__ import annotations

import datetime as dt

import pytest

from learninghub.core.errors import ValidationError
from learninghub.core.timezones import parse_date, parse_local


@pytest.mark.parametrize(("text", "expected"), [
    ("2022-03-14 13:00", dt.datetime(2022, 3, 14, 13, 0)),
    ("2022-03-14T13:00", dt.datetime(2022, 3, 14, 13, 0)),
    ("  2022-03-14 13:00:30 ", dt.datetime(2022, 3, 14, 13, 0, 30)),
    ("2022-03-14 9:05", dt.datetime(2022, 3, 14, 9, 5)),
    ("2022-3-4 09:30", dt.datetime(2022, 3, 4, 9, 30)),
    ("2022-03-14", dt.datetime(2022, 3, 14, 0, 0)),
])
def test_year_first_date_times_are_read(text: str, expected: dt.datetime) -> None:
    assert parse_local(text, where="start") == expected


@pytest.mark.parametrize("text", [
    "14/03/2022 13:00",   # day first: not guessed
    "03/04/2022 13:00",   # 3 April or 4 March
    "03/14/2022 13:00",   # month first
    "14.03.2022 13:00",
    "14-03-2022 13:00",
    "2022/03/14 13:00",
    "14 March 2022 13:00",
    "Mar 14 2022 1pm",
    "13:00",              # no day: not today
    "2022-03-14 1pm",
    "2022-02-30 10:00",   # no such day
    "2022-03-14 24:00",
    "２０２２-０３-１４ 13:00",
])
def test_other_date_times_are_refused_saying_how_to_write_them(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_local(text, where="start")
    assert str(info.value) == f"start: {text.strip()!r} is not a date and time (write 2020-07-15 09:30)"


def test_a_utc_offset_is_refused() -> None:
    for text in ("2022-03-14T13:00+08:00", "2022-03-14 13:00Z"):
        with pytest.raises(ValidationError, match="carries a UTC offset"):
            parse_local(text, where="start")


@pytest.mark.parametrize(("text", "expected"), [
    ("2022-03-14", dt.date(2022, 3, 14)), (" 2022-3-4 ", dt.date(2022, 3, 4)),
])
def test_year_first_dates_are_read(text: str, expected: dt.date) -> None:
    assert parse_date(text, where="start") == expected


@pytest.mark.parametrize("text", ["14/03/2022", "03/04/2022", "04/03/2022", "2022/03/14", "14.03.2022",
                                  "20220314", "2022-W11-1", "2022-02-30", "14 Mar 2022", ""])
def test_other_dates_are_refused_saying_how_to_write_them(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(text, where="start")
    assert str(info.value) == f"start: {text!r} is not a date (write 2020-07-15)"
