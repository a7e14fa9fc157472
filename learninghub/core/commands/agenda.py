"""Agenda sessions: add (once or repeating), edit one or a whole series, delete, cancel one occurrence.

Removing keeps each session's :func:`~..services.agenda.snapshot` so undo can put it back
(an occurrence returns into its series, which forgets the EXDATE of a cancellation).
Local times are kept with the side of a DST fold they were on, so a session at 02:30 on
the night the clocks go back comes back at the same instant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from .. import timezones
from ..messages import QT_TRANSLATE_NOOP, Text, say, titled
from ..models import AgendaSession, SessionSeries
from ..services import agenda
from ..services.common import get_or_refuse
from .base import Done, Touched
from .expect import Seen, changed_meanwhile, digest, row_digest, state_of, version_to_expect

#: A whole-series edit names times of day; a single session's edit, date-times.
_SERIES_TIMES = {"start_time": "start", "end_time": "end"}


@dataclass(frozen=True)
class AddSessions:
    """Add a session, or every occurrence of ``repeat`` (an RFC 5545 rule); ``values`` as
    ``agenda.add_session`` takes them. ``Done.result``: the ids of the sessions made."""

    seminar_id: int
    values: dict[str, Any]
    repeat: str | None = None
    fold: timezones.Fold | None = None

    def run(self, session: Session) -> Done:
        rows = agenda.add_session(session, seminar_id=self.seminar_id, repeat=self.repeat, fold=self.fold,
                                  **self.values)
        ids = tuple(row.id for row in rows)
        title, day = titled(rows[0]), _day(rows[0])
        if len(rows) == 1:
            said = say(QT_TRANSLATE_NOOP("core", "Added “{title}” on {day}"), title=title, day=day)
        else:
            said = say(QT_TRANSLATE_NOOP("core", "Added {n} sessions “{title}” from {day}"), n=len(rows),
                       title=title, day=day)
        return Done(say(QT_TRANSLATE_NOOP("core", "adding “{title}”"), title=title),
                    RemoveSessions(ids, seen=state_of(session, *rows), redo=self), Touched.SEMINAR, said,
                    self.seminar_id, ids)


@dataclass(frozen=True)
class RemoveSessions:
    """Delete sessions, or with ``cancel`` cancel occurrences of a series (the series records
    an EXDATE); undo restores them from snapshots.

    ``redo`` is set when this takes back an :class:`AddSessions`: the series it made goes
    too, and the undo is that adding again. ``seen``: the sessions as an undo expects them.
    """

    ids: tuple[int, ...]
    cancel: bool = False
    seen: Seen = ()
    redo: AddSessions | None = None

    def run(self, session: Session) -> Done:
        if not self.ids:
            raise ValueError("RemoveSessions needs at least one session id")
        rows = [agenda.get_session(session, session_id, for_update=True) for session_id in self.ids]
        for row in rows:
            version_to_expect(row, None, self.seen, "session")
        kept = tuple(_snapshot(session, row) for row in rows)
        seminar_id, series_ids = rows[0].seminar_id, {row.series_id for row in rows if row.series_id}
        name, said = _removing(rows, self.cancel)
        for session_id in self.ids:
            if self.cancel:
                agenda.cancel_occurrence(session, session_id)
            else:
                agenda.delete_session(session, session_id)
        undo: AddSessions | RestoreSessions = RestoreSessions(kept, self.cancel)
        if self.redo is not None:
            for series_id in sorted(series_ids):
                agenda.delete_empty_series(session, series_id)
            undo = self.redo
        return Done(name, undo, Touched.SEMINAR, said, seminar_id)


@dataclass(frozen=True)
class RestoreSessions:
    """Put back sessions a :class:`RemoveSessions` took away, from their snapshots; a cancelled
    occurrence returns into its series. ``Done.result``: the ids of the sessions made again."""

    snapshots: tuple[dict[str, Any], ...]
    cancelled: bool = False

    def run(self, session: Session) -> Done:
        rows = [agenda.restore_session(session, dict(snapshot)) for snapshot in self.snapshots]
        ids = tuple(row.id for row in rows)
        title, day = titled(rows[0]), _day(rows[0])
        if len(rows) == 1:
            name = say(QT_TRANSLATE_NOOP("core", "restoring “{title}” on {day}"), title=title, day=day)
            said = say(QT_TRANSLATE_NOOP("core", "Restored “{title}” on {day}"), title=title, day=day)
        else:
            name = say(QT_TRANSLATE_NOOP("core", "restoring {n} sessions “{title}”"), n=len(rows), title=title)
            said = say(QT_TRANSLATE_NOOP("core", "Restored {n} sessions “{title}”"), n=len(rows), title=title)
        undo = RemoveSessions(ids, self.cancelled, state_of(session, *rows))
        return Done(name, undo, Touched.SEMINAR, said, rows[0].seminar_id, ids)


@dataclass(frozen=True)
class EditSession:
    """Change fields of one session (one occurrence, if it belongs to a series); ``values`` as
    ``agenda.edit_session`` takes them. Its undo puts the fields it changed back."""

    session_id: int
    values: dict[str, Any]
    expected_version: int | None = None
    fold: timezones.Fold | None = None
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        row = agenda.get_session(session, self.session_id, for_update=True)
        version = version_to_expect(row, self.expected_version, self.seen, "session")
        before = _snapshot(session, row)
        title, unchanged = titled(row), row_digest(row)
        row = agenda.edit_session(session, self.session_id, expected_version=version, fold=self.fold,
                                  **self.values)
        saw = state_of(session, row)
        undo = None
        if saw[0][2] != unchanged:
            undo = EditSession(self.session_id, {k: before[k] for k in self.values if k in before},
                               row.version, before["fold"], saw)
        return Done(say(QT_TRANSLATE_NOOP("core", "edit of “{title}”"), title=title), undo, Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "Saved “{title}”"), title=titled(row)), row.seminar_id)


@dataclass(frozen=True)
class EditSeries:
    """Change every remaining occurrence of a series; ``values`` in ``agenda.edit_series`` terms
    (``start_time`` / ``end_time`` are times of day). Occurrences may have had values of
    their own: the undo puts back each one's, and the series' first start and length."""

    series_id: int
    values: dict[str, Any]
    fold: timezones.Fold | None = None
    expected: str | None = None  # the series' digest as an undo left it

    def run(self, session: Session) -> Done:
        series, rows = _series(session, self.series_id, self.expected)
        if not rows:  # the service says why nothing can be edited
            agenda.edit_series(session, self.series_id, fold=self.fold, **self.values)
        keys = [k for k in self.values if k not in _SERIES_TIMES]
        if any(k in _SERIES_TIMES for k in self.values):
            keys += ["start", "end"]  # a new time of day sets every start and end
        before = tuple((row.id, _before(session, row, keys)) for row in rows)
        shape = (series.local_start, series.duration_minutes) \
            if any(k in _SERIES_TIMES for k in self.values) else None
        title, unchanged = titled(rows[0]), _series_digest(session, series, rows)
        agenda.edit_series(session, self.series_id, fold=self.fold, **self.values)
        after = _series_digest(session, series, rows)
        undo = None
        if after != unchanged:
            undo = PutBackSeries(self.series_id, before, shape, replace(self, expected=None), after)
        return Done(_every(title), undo, Touched.SEMINAR, _saved_every(title), series.seminar_id)


@dataclass(frozen=True)
class PutBackSeries:
    """Take an :class:`EditSeries` back: each occurrence's values as they were (``before``:
    session id → values, with the fold of its times), and the series' first start and length
    (``shape``). Its undo is ``redo``, the whole-series edit again."""

    series_id: int
    before: tuple[tuple[int, dict[str, Any]], ...]
    shape: tuple[dt.datetime, int] | None
    redo: EditSeries
    expected: str | None = None

    def run(self, session: Session) -> Done:
        series, rows = _series(session, self.series_id, self.expected)
        for session_id, values in self.before:
            values = dict(values)
            fold = values.pop("fold", None)
            agenda.edit_session(session, session_id, fold=fold, **values)
        if self.shape is not None:
            agenda.reshape_series(session, self.series_id, local_start=self.shape[0],
                                  duration_minutes=self.shape[1])
        title = titled(rows[0])
        undo = replace(self.redo, expected=_series_digest(session, series, rows))
        return Done(_every(title), undo, Touched.SEMINAR, _saved_every(title), series.seminar_id)


def _fold(instant: dt.datetime, tz: Any) -> timezones.Fold | None:
    """Which of the two same local times ``instant`` is, when its local time happens twice."""
    local = instant.astimezone(tz)
    wall = local.replace(tzinfo=None)
    if wall.replace(tzinfo=tz, fold=0).utcoffset() == wall.replace(tzinfo=tz, fold=1).utcoffset():
        return None
    return "later" if local.fold else "earlier"


def _snapshot(session: Session, row: AgendaSession) -> dict[str, Any]:
    """``agenda.snapshot`` with the fold its local times need to mean the same instants again."""
    tz = timezones.zone(row.seminar.timezone)
    values = agenda.snapshot(session, row.id)
    values["fold"] = _fold(row.starts_at, tz) or _fold(row.ends_at, tz)
    return values


def _before(session: Session, row: AgendaSession, keys: list[str]) -> dict[str, Any]:
    snapshot = _snapshot(session, row)
    values = {k: snapshot[k] for k in keys if k in snapshot}
    if "start" in values:
        values["fold"] = snapshot["fold"]
    return values


def _series(session: Session, series_id: int, expected: str | None) -> tuple[SessionSeries, list[AgendaSession]]:
    """The series and its occurrences; refused when an undo or redo finds them changed meanwhile."""
    series = get_or_refuse(session, SessionSeries, series_id, "series", with_for_update=True)
    rows = agenda.series_occurrences(session, series_id)
    if expected is not None and _series_digest(session, series, rows) != expected:
        raise changed_meanwhile(series, "series")
    return series, rows


def _series_digest(session: Session, series: SessionSeries, rows: list[AgendaSession]) -> str:
    saw = state_of(session, series, *sorted(rows, key=lambda row: row.id))
    return digest({"rows": [f"{table}/{ident}/{d}" for table, ident, d in saw]})


def _day(row: AgendaSession) -> dt.date:
    """The local day a session starts on: 2020-07-13 in an English sentence, the interface writes it its way
    ("7月13日 星期一")."""
    return row.starts_at.astimezone(timezones.zone(row.seminar.timezone)).date()


def _removing(rows: list[AgendaSession], cancel: bool) -> tuple[Text, Text]:
    """The undo step and the status line of removing ``rows``."""
    title, day, n = titled(rows[0]), _day(rows[0]), len(rows)
    if cancel and n == 1:
        return (say(QT_TRANSLATE_NOOP("core", "cancelling “{title}” on {day}"), title=title, day=day),
                say(QT_TRANSLATE_NOOP("core", "Cancelled “{title}” on {day}"), title=title, day=day))
    if cancel:
        return (say(QT_TRANSLATE_NOOP("core", "cancelling {n} occurrences of “{title}”"), n=n, title=title),
                say(QT_TRANSLATE_NOOP("core", "Cancelled {n} occurrences of “{title}”"), n=n, title=title))
    if n == 1:
        return (say(QT_TRANSLATE_NOOP("core", "deleting “{title}” on {day}"), title=title, day=day),
                say(QT_TRANSLATE_NOOP("core", "Deleted “{title}” on {day}"), title=title, day=day))
    return (say(QT_TRANSLATE_NOOP("core", "deleting {n} sessions “{title}”"), n=n, title=title),
            say(QT_TRANSLATE_NOOP("core", "Deleted {n} sessions “{title}”"), n=n, title=title))


def _every(title: Text) -> Text:
    return say(QT_TRANSLATE_NOOP("core", "edit of every “{title}”"), title=title)


def _saved_every(title: Text) -> Text:
    return say(QT_TRANSLATE_NOOP("core", "Saved every “{title}”"), title=title)
