"""A seminar's agenda laid out as a timetable: days side by side, time running down, in two zones.

No Qt: the screen (``gui/seminar/timetable*.py``) and the PDF (``documents/timetable_pdf.py``) draw
what this computes, so both show the same grid and the tests can check it without a screen.

Why wall-clock minutes: a planner reads a timetable by the clock on the wall of the seminar's zone.
A block sits at its local start time on its local day; on the day the clocks jump forward the hour
that does not exist is marked (and a move into it refused, :func:`plan_move`), on the day they go
back the hour that happens twice is marked. The second zone's ruler is computed per day from real
instants, so it follows each zone's summer time (Madrid and Shanghai are 7 hours apart in winter, 6
in summer) and its day change is drawn where it really happens, not one fixed offset for the week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from . import timezones, vocab
from .errors import ValidationError

#: Moves and resizes land on multiples of this (minutes).
SNAP = 5
DAY_MINUTES = 24 * 60
#: The hours shown when no session reaches outside them.
DEFAULT_HOURS = (8, 18)
#: A block is never drawn shorter than this (minutes), so a 5-minute item stays visible and grabbable.
MIN_LENGTH = SNAP


class Item(Protocol):
    """What the timetable needs of a session (``core.pages.seminar.AgendaItem`` has it)."""

    id: int
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str | None
    series_id: int | None


@dataclass(frozen=True)
class Block:
    """One session's piece on one day (a session past midnight has a piece on each day it covers).

    ``top``/``bottom``: wall-clock minutes after the day's local midnight (1440 = its end).
    ``lane`` of ``lanes``: its place among the sessions it overlaps, side by side.
    """

    session_id: int
    column: int
    top: float
    bottom: float
    lane: int
    lanes: int
    shaded: bool  # a break or a meal
    continues_before: bool = False
    continues_after: bool = False


@dataclass(frozen=True)
class Tick:
    """A label of the second zone's ruler at ``minute`` of the day (wall clock of the seminar's zone)."""

    minute: float
    label: str  # "16:00"


@dataclass(frozen=True)
class DayChange:
    """Where the second zone's day changes, within a day of the seminar's zone."""

    minute: float
    day: dt.date  # the second zone's new day


@dataclass(frozen=True)
class Column:
    """A day (and a room, when rooms are side by side)."""

    day: dt.date
    room: str | None
    #: Wall-clock minutes of the day that do not exist (spring forward) or happen twice (fall back).
    gap: tuple[int, int] | None
    fold: tuple[int, int] | None
    ticks: tuple[Tick, ...]
    day_changes: tuple[DayChange, ...]


@dataclass(frozen=True)
class Timetable:
    """The grid: columns left to right, hours shown (``first_hour`` to ``last_hour``), the blocks."""

    zone: str
    second_zone: str | None
    columns: tuple[Column, ...]
    first_hour: int
    last_hour: int
    blocks: tuple[Block, ...]

    def days(self) -> tuple[dt.date, ...]:
        seen: dict[dt.date, None] = {}
        for column in self.columns:
            seen.setdefault(column.day)
        return tuple(seen)

    def blocks_of(self, session_id: int) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.session_id == session_id)

    def column_of(self, day: dt.date, room: str | None = None) -> int:
        """The column of ``day`` (and ``room`` when rooms are side by side; else the day's first), or -1."""
        found = [i for i, c in enumerate(self.columns) if c.day == day]
        if not found:
            return -1
        return next((i for i in found if self.columns[i].room == room), found[0])


def wall_minutes(instant: dt.datetime, tz: ZoneInfo) -> tuple[dt.date, float]:
    """The local day of ``instant`` and its wall-clock minute of that day."""
    local = instant.astimezone(tz)
    return local.date(), local.hour * 60 + local.minute + local.second / 60


def snap(minutes: float, step: int = SNAP) -> int:
    """The nearest multiple of ``step`` (half-way goes up, as a hand expects)."""
    return int((minutes + step / 2) // step) * step


def odd_hours(day: dt.date, tz: ZoneInfo) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The minutes of ``day`` that do not exist (the gap) and that happen twice (the fold), if any.

    Found from the day's UTC offsets, so any zone's change (Madrid at 02:00, Lord Howe by 30 minutes)
    is right without a table of rules."""
    start = dt.datetime.combine(day, dt.time(), tz)
    before = start.utcoffset()
    instant = start.astimezone(timezones.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tz).astimezone(timezones.UTC)
    step = dt.timedelta(minutes=15)
    gap = fold = None
    while instant < end:
        here = instant.astimezone(tz)
        offset = here.utcoffset()
        if offset != before and before is not None and offset is not None:
            at = here.hour * 60 + here.minute  # wall clock just after the change
            jump = int((offset - before).total_seconds() // 60)
            if jump > 0:
                gap = (at - jump, at)
            else:
                fold = (at, at - jump)
            before = offset
        instant += step
    return gap, fold


def _second_ruler(day: dt.date, tz: ZoneInfo, other: ZoneInfo,
                  hours: tuple[int, int]) -> tuple[tuple[Tick, ...], tuple[DayChange, ...]]:
    """The second zone's time at each hour of the seminar's zone on ``day``, and where its day changes."""
    ticks = []
    for hour in range(hours[0], hours[1] + 1):
        wall = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=hour)
        try:
            instant = timezones.to_instant(wall, tz, fold="earlier")
        except ValidationError:
            continue  # an hour that does not exist here has no time anywhere
        ticks.append(Tick(hour * 60, f"{instant.astimezone(other):%H:%M}"))
    changes = []
    first = timezones.to_instant(dt.datetime.combine(day, dt.time()), tz, fold="earlier")
    last = first + dt.timedelta(hours=26)
    midnight = dt.datetime.combine(first.astimezone(other).date() + dt.timedelta(days=1), dt.time(), other)
    while midnight.astimezone(timezones.UTC) < last:
        when = midnight.astimezone(timezones.UTC)
        local_day, minute = wall_minutes(when, tz)
        if local_day == day and hours[0] * 60 <= minute <= hours[1] * 60:
            changes.append(DayChange(minute, midnight.date()))
        midnight = dt.datetime.combine(midnight.date() + dt.timedelta(days=1), dt.time(), other)
    return tuple(ticks), tuple(changes)


def _pieces(item: Item, tz: ZoneInfo) -> list[tuple[dt.date, float, float, bool, bool]]:
    """A session cut at local midnights: (day, top, bottom, continues before, continues after)."""
    first_day, top = wall_minutes(item.starts_at, tz)
    last_day, bottom = wall_minutes(item.ends_at, tz)
    if last_day > first_day and bottom == 0:
        last_day, bottom = last_day - dt.timedelta(days=1), DAY_MINUTES
    pieces, day = [], first_day
    while day <= last_day and len(pieces) < 31:
        pieces.append((day, top if day == first_day else 0, bottom if day == last_day else DAY_MINUTES,
                       day != first_day, day != last_day))
        day += dt.timedelta(days=1)
    return pieces


def _lanes(pieces: list[tuple[int, float, float, int]]) -> dict[int, tuple[int, int]]:
    """Side-by-side places of overlapping pieces of one column: index → (lane, lanes of its cluster).

    Greedy by start: each piece takes the first lane free at its start; a cluster (pieces linked by
    overlaps) shares one lane count, so its blocks line up."""
    out: dict[int, tuple[int, int]] = {}
    order = sorted(pieces, key=lambda p: (p[1], -p[2], p[3]))
    cluster: list[tuple[int, int]] = []  # (index, lane)
    lane_ends: list[float] = []
    cluster_end = -1.0

    def close() -> None:
        for index, lane in cluster:
            out[index] = (lane, len(lane_ends))

    for index, top, bottom, _ in order:
        if top >= cluster_end and cluster:
            close()
            cluster, lane_ends = [], []
        bottom = max(bottom, top + MIN_LENGTH)
        lane = next((n for n, end in enumerate(lane_ends) if end <= top), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(bottom)
        else:
            lane_ends[lane] = bottom
        cluster.append((index, lane))
        cluster_end = max(cluster_end, bottom)
    close()
    return out


def layout(items: Sequence[Item], zone: str, first_day: dt.date, last_day: dt.date, *,
           second_zone: str | None = None, by_room: bool = False,
           hours: tuple[int, int] = DEFAULT_HOURS) -> Timetable:
    """The timetable of ``items`` over the seminar's days (stretched to days a session covers outside
    them, so nothing is hidden). ``hours`` are widened to whole hours covering every session;
    ``by_room``: a column per room within each day (rooms in order of first use)."""
    tz = timezones.zone(zone)
    other = timezones.zone(second_zone) if second_zone else None
    cut = {item.id: _pieces(item, tz) for item in items}
    days = [p[0] for pieces in cut.values() for p in pieces]
    first = min([first_day, *days])
    last = max([last_day, *days])
    low, high = hours
    for pieces in cut.values():
        for _day, top, bottom, _b, _a in pieces:
            low = min(low, int(top // 60))
            high = max(high, min(24, int(-(-bottom // 60))))
    rooms: list[str | None] = []
    if by_room:
        for item in sorted(items, key=lambda i: (i.starts_at, i.id)):
            if item.room not in rooms:
                rooms.append(item.room)
    rooms = rooms or [None]
    columns: list[Column] = []
    day = first
    while day <= last:
        gap, fold = odd_hours(day, tz)
        ticks, changes = _second_ruler(day, tz, other, (low, high)) if other is not None else ((), ())
        for room in rooms:
            columns.append(Column(day, room if by_room else None, gap, fold, ticks, changes))
        day += dt.timedelta(days=1)
    index = {(c.day, c.room): n for n, c in enumerate(columns)}
    placed: dict[int, list[tuple[int, float, float, int]]] = {}
    raw: list[tuple[Item, int, float, float, bool, bool]] = []
    for item in items:
        for piece_day, top, bottom, before, after in cut[item.id]:
            column = index[(piece_day, item.room if by_room else None)]
            placed.setdefault(column, []).append((len(raw), top, bottom, item.id))
            raw.append((item, column, top, bottom, before, after))
    lanes: dict[int, tuple[int, int]] = {}
    for pieces in placed.values():
        lanes.update(_lanes(pieces))
    blocks = tuple(Block(item.id, column, top, max(bottom, top + MIN_LENGTH), *lanes[n],
                         item.kind in vocab.NOT_ATTENDED_KINDS, before, after)
                   for n, (item, column, top, bottom, before, after) in enumerate(raw))
    return Timetable(zone, second_zone, tuple(columns), low, high, blocks)


@dataclass(frozen=True)
class Move:
    """Where a gesture puts a session: naive local times of the seminar's zone, as the session commands
    take them, and the fold when the new time happens twice (the earlier one: the clock reads it first)."""

    start: dt.datetime
    end: dt.datetime
    fold: timezones.Fold | None


def local_span(item: Item, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The session's start and end as naive wall-clock times of ``tz``."""
    return (item.starts_at.astimezone(tz).replace(tzinfo=None), item.ends_at.astimezone(tz).replace(tzinfo=None))


def _checked(start: dt.datetime, end: dt.datetime, tz: ZoneInfo) -> Move:
    """Refuse a time in the spring-forward gap (the core's own message); pick the earlier of a doubled one."""
    fold: timezones.Fold | None = None
    for wall, where in ((start, "start"), (end, "end")):
        try:
            timezones.to_instant(wall, tz, where=where)
        except ValidationError:
            timezones.to_instant(wall, tz, fold="earlier", where=where)  # raises again for a gap
            fold = "earlier"
    return Move(start, end, fold)


def plan_move(item: Item, zone: str, *, minutes: float = 0, days: int = 0) -> Move:
    """``item`` moved by ``days`` and ``minutes`` of wall clock, its start snapped to 5 minutes and its
    wall-clock length kept (a 09:00–10:00 block is 60 minutes on the grid wherever it lands).
    A start or end in the gap of a spring-forward night is refused (ValidationError, saying so)."""
    tz = timezones.zone(zone)
    start, end = local_span(item, tz)
    moved = start + dt.timedelta(days=days, minutes=minutes)
    midnight = dt.datetime.combine(moved.date(), dt.time())
    new_start = midnight + dt.timedelta(minutes=snap((moved - midnight).total_seconds() / 60))
    return _checked(new_start, new_start + (end - start), tz)


def plan_resize(item: Item, zone: str, *, minutes: float) -> Move:
    """``item`` with its end moved by ``minutes``, snapped to 5 minutes, at least 5 minutes long."""
    tz = timezones.zone(zone)
    start, end = local_span(item, tz)
    moved = end + dt.timedelta(minutes=minutes)
    midnight = dt.datetime.combine(start.date(), dt.time())
    new_end = midnight + dt.timedelta(minutes=snap((moved - midnight).total_seconds() / 60))
    new_end = max(new_end, start + dt.timedelta(minutes=SNAP))
    return _checked(start, new_end, tz)


def plan_new(day: dt.date, top: float, bottom: float, zone: str) -> Move:
    """A new session dragged out on ``day`` from ``top`` to ``bottom`` (wall-clock minutes, either order),
    snapped; a click without a drag makes an hour."""
    tz = timezones.zone(zone)
    low, high = sorted((snap(top), snap(bottom)))
    if high - low < SNAP:
        high = low + 60
    midnight = dt.datetime.combine(day, dt.time())
    return _checked(midnight + dt.timedelta(minutes=low), midnight + dt.timedelta(minutes=min(high, DAY_MINUTES)), tz)


def conflicted(conflicts: Iterable[object], seminar_id: int) -> dict[int, list[object]]:
    """Session id → the conflicts (``services.conflicts.Conflict``) it is a side of, for this seminar's
    sessions: what the agenda table tints, the timetable outlines."""
    out: dict[int, list[object]] = {}
    for conflict in conflicts:
        for side in getattr(conflict, "items", ()):
            if side.type == "session" and side.seminar_id == seminar_id:
                out.setdefault(side.id, []).append(conflict)
    return out


def neighbour(timetable: Timetable, session_id: int, direction: str) -> int:
    """The block to select from ``session_id`` with an arrow key: up/down the previous or next in its
    column, left/right the nearest in time in the next column with blocks. 0 when there is none."""
    mine = timetable.blocks_of(session_id)
    if not mine:
        return timetable.blocks[0].session_id if timetable.blocks else 0
    here = mine[0]
    if direction in ("up", "down"):
        same = sorted((b for b in timetable.blocks if b.column == here.column),
                      key=lambda b: (b.top, b.lane, b.session_id))
        at = next(n for n, b in enumerate(same) if b.session_id == session_id)
        at += -1 if direction == "up" else 1
        return same[at].session_id if 0 <= at < len(same) else 0
    step = -1 if direction == "left" else 1
    column = here.column + step
    while 0 <= column < len(timetable.columns):
        there = [b for b in timetable.blocks if b.column == column]
        if there:
            return min(there, key=lambda b: (abs(b.top - here.top), b.lane)).session_id
        column += step
    return 0
