"""The timetable's layout (core, no Qt): days, lanes, breaks, the second zone's ruler, DST, snapping."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from learninghub.core import timetable
from learninghub.core.errors import ValidationError

MADRID, SHANGHAI = "Europe/Madrid", "Asia/Shanghai"


@dataclass(frozen=True)
class S:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    kind: str = "talk"
    room: str | None = None
    series_id: int | None = None


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_days_lanes_and_breaks() -> None:
    items = [S(1, utc(2020, 7, 13, 1), utc(2020, 7, 13, 2)),  # 09:00–10:00 Shanghai
             S(2, utc(2020, 7, 13, 1, 30), utc(2020, 7, 13, 3)),  # overlaps 1
             S(3, utc(2020, 7, 13, 3), utc(2020, 7, 13, 3, 30), kind="break"),  # after both: a lane of its own
             S(4, utc(2020, 7, 15, 4), utc(2020, 7, 15, 5), kind="meal")]
    t = timetable.layout(items, SHANGHAI, dt.date(2020, 7, 13), dt.date(2020, 7, 17))
    assert [c.day.day for c in t.columns] == [13, 14, 15, 16, 17]
    b = {x.session_id: x for x in t.blocks}
    assert (b[1].column, b[1].top, b[1].bottom, b[1].lane, b[1].lanes) == (0, 540, 600, 0, 2)
    assert (b[2].lane, b[2].lanes) == (1, 2)
    assert (b[3].lane, b[3].lanes, b[3].shaded) == (0, 1, True)
    assert (b[4].column, b[4].shaded) == (2, True)
    assert (t.first_hour, t.last_hour) == (8, 18)


def test_a_session_past_midnight_has_a_piece_on_each_day_and_widens_the_hours() -> None:
    t = timetable.layout([S(1, utc(2020, 7, 13, 14), utc(2020, 7, 13, 17))], SHANGHAI,  # 22:00–01:00
                         dt.date(2020, 7, 13), dt.date(2020, 7, 14))
    pieces = t.blocks_of(1)
    assert [(p.column, p.top, p.bottom, p.continues_before, p.continues_after) for p in pieces] == [
        (0, 1320, 1440, False, True), (1, 0, 60, True, False)]
    assert (t.first_hour, t.last_hour) == (0, 24)


def test_rooms_side_by_side() -> None:
    items = [S(1, utc(2020, 7, 13, 1), utc(2020, 7, 13, 2), room="Hall A"),
             S(2, utc(2020, 7, 13, 1), utc(2020, 7, 13, 2), room="Hall B")]
    t = timetable.layout(items, SHANGHAI, dt.date(2020, 7, 13), dt.date(2020, 7, 13), by_room=True)
    assert [(c.day.day, c.room) for c in t.columns] == [(13, "Hall A"), (13, "Hall B")]
    assert [(b.column, b.lanes) for b in t.blocks] == [(0, 1), (1, 1)]


def test_madrid_spring_forward_and_fall_back_days_are_marked() -> None:
    t = timetable.layout([], MADRID, dt.date(2021, 3, 27), dt.date(2021, 3, 29), second_zone=SHANGHAI)
    assert [c.gap for c in t.columns] == [None, (120, 180), None]
    assert timetable.odd_hours(dt.date(2021, 10, 31), timetable.timezones.zone(MADRID)) == (None, (120, 180))


def test_second_ruler_follows_summer_time_and_draws_the_day_change() -> None:
    t = timetable.layout([], MADRID, dt.date(2021, 3, 27), dt.date(2021, 3, 29), second_zone=SHANGHAI,
                         hours=(0, 24))
    before, change, after = t.columns
    assert next(k.label for k in before.ticks if k.minute == 9 * 60) == "16:00"  # winter: +7
    assert next(k.label for k in after.ticks if k.minute == 9 * 60) == "15:00"  # summer: +6
    assert not any(k.minute == 120 for k in change.ticks)  # 02:00 does not exist in Madrid that night
    # Shanghai's midnight is 17:00 in Madrid in winter, 18:00 in summer.
    assert [(c.minute, c.day.day) for c in before.day_changes] == [(17 * 60, 28)]
    assert [(c.minute, c.day.day) for c in after.day_changes] == [(18 * 60, 30)]
    autumn = timetable.layout([], MADRID, dt.date(2021, 10, 30), dt.date(2021, 11, 1), second_zone=SHANGHAI,
                              hours=(0, 24))
    assert [c.day_changes[0].minute for c in autumn.columns] == [18 * 60, 17 * 60, 17 * 60]


def test_chengdu_with_barcelona_beside_it() -> None:
    t = timetable.layout([], SHANGHAI, dt.date(2020, 7, 13), dt.date(2020, 7, 13), second_zone=MADRID)
    assert next(k.label for k in t.columns[0].ticks if k.minute == 9 * 60) == "03:00"
    assert t.columns[0].day_changes == ()  # Madrid's midnight is 06:00 in Chengdu, before the hours shown
    wide = timetable.layout([], SHANGHAI, dt.date(2020, 7, 13), dt.date(2020, 7, 13), second_zone=MADRID,
                            hours=(0, 24))
    assert [c.minute for c in wide.columns[0].day_changes] == [6 * 60]


def test_snapping() -> None:
    assert [timetable.snap(m) for m in (0, 2, 2.5, 3, 7, 62)] == [0, 0, 5, 5, 5, 60]


def test_moves_keep_the_wall_clock_length_across_the_changes() -> None:
    # 01:00–01:30 on the 27th (Madrid, winter), moved a day on: the same wall clock on the 28th.
    item = S(1, utc(2021, 3, 27, 0), utc(2021, 3, 27, 0, 30))
    move = timetable.plan_move(item, MADRID, days=1, minutes=3)
    assert (move.start, move.end, move.fold) == (dt.datetime(2021, 3, 28, 1, 5), dt.datetime(2021, 3, 28, 1, 35), None)
    with pytest.raises(ValidationError, match="does not exist"):
        timetable.plan_move(item, MADRID, days=1, minutes=75)  # 02:15, in the gap
    with pytest.raises(ValidationError, match="does not exist"):
        timetable.plan_move(item, MADRID, days=1, minutes=40)  # ends at 02:10
    autumn = S(2, utc(2021, 10, 30, 0), utc(2021, 10, 30, 1))  # 02:00–03:00 summer time
    move = timetable.plan_move(autumn, MADRID, days=1, minutes=30)
    assert (move.start, move.fold) == (dt.datetime(2021, 10, 31, 2, 30), "earlier")


def test_resize_and_new() -> None:
    item = S(1, utc(2020, 7, 13, 1), utc(2020, 7, 13, 2))
    assert timetable.plan_resize(item, SHANGHAI, minutes=28).end == dt.datetime(2020, 7, 13, 10, 30)
    assert timetable.plan_resize(item, SHANGHAI, minutes=-200).end == dt.datetime(2020, 7, 13, 9, 5)
    new = timetable.plan_new(dt.date(2020, 7, 14), 14 * 60 + 58, 13 * 60 + 2, SHANGHAI)
    assert (new.start, new.end) == (dt.datetime(2020, 7, 14, 13, 0), dt.datetime(2020, 7, 14, 15, 0))
    assert timetable.plan_new(dt.date(2020, 7, 14), 600, 601, SHANGHAI).end == dt.datetime(2020, 7, 14, 11, 0)
    with pytest.raises(ValidationError):
        timetable.plan_new(dt.date(2021, 3, 28), 125, 170, MADRID)


def test_neighbours_for_the_arrow_keys() -> None:
    items = [S(1, utc(2020, 7, 13, 1), utc(2020, 7, 13, 2)), S(2, utc(2020, 7, 13, 3), utc(2020, 7, 13, 4)),
             S(3, utc(2020, 7, 15, 3), utc(2020, 7, 15, 4))]
    t = timetable.layout(items, SHANGHAI, dt.date(2020, 7, 13), dt.date(2020, 7, 15))
    assert timetable.neighbour(t, 1, "down") == 2
    assert timetable.neighbour(t, 2, "up") == 1
    assert timetable.neighbour(t, 1, "up") == 0
    assert timetable.neighbour(t, 2, "right") == 3  # the empty 14th is skipped
    assert timetable.neighbour(t, 3, "left") == 2
