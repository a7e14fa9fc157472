"""Time the exports and backups on a database of realistic size.

Why: exporting people, the attendance matrix and calendars, and backing up and
restoring, are things a user waits for; this prints how long they take here
(no budget in the issue: the figures are for comparison between changes).

How: a fresh database from the real migrations; people bulk-inserted (Chinese,
Korean, Greek and Latin names, some with formula-like text); one seminar with a
weekly series and single sessions, everyone registered, about half checked in to
each session; then each export, backup and restore through the same functions the
CLI calls.

    python -m bench.export_backup [--people N] [--sessions N] [--keep-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from learninghub.core import bulk
from learninghub.core.models import AgendaSession, Attendance, Registration
from learninghub.core.services import agenda, curricula, seminars
from learninghub.core.store import open_database
from learninghub.exporting import attendance, backup, ics, people

UTC = dt.UTC
NAMES = [("Li", "Jia", "李佳"), ("Han", "Hyeon-suk", "한현숙"), ("Papadopoulou", "Eleni", "Ελένη Παπαδοπούλου"),
         ("Puig", "Núria", None), ("Petrov", "Konstantin", "Константин Петров"), ("=cmd", "+1", None)]


def _timed(label: str, work: Callable[[], object], note: Callable[[object], str] = lambda _r: "") -> object:
    start = time.perf_counter()
    result = work()
    took = time.perf_counter() - start
    extra = note(result)
    print(f"  {label:<42} {took * 1000:8.0f} ms{('  ' + extra) if extra else ''}")
    return result


def seed(path: Path, n_people: int, n_sessions: int) -> tuple[object, int, int, int]:
    db = open_database(str(path))
    rng = random.Random(7)
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Bench curriculum", start_year=2021, end_year=2022)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Bench seminar", start="2021-01-04",
                                   end="2021-12-31", timezone="Europe/Madrid", city="Barcelona", country="ES")
        weeks = max(1, n_sessions // 2)
        agenda.add_session(s, seminar_id=sem.id, title="Weekly tutorial", start="2021-01-05 14:00",
                           end="2021-01-05 15:30", repeat=f"FREQ=WEEKLY;COUNT={weeks}")
        for i in range(n_sessions - weeks):
            day = dt.date(2021, 1, 6) + dt.timedelta(days=7 * i)
            agenda.add_session(s, seminar_id=sem.id, title=f"Talk {i + 1}", start=f"{day} 10:00", end=f"{day} 11:00")
        seminar_id, curriculum_id = sem.id, c.id
    with db.engine.connect() as conn:
        conn.execution_options(lh_write=True)
        with conn.begin():
            rows = []
            for i in range(n_people):
                family, given, native = NAMES[i % len(NAMES)]
                rows.append({"given_name": given, "family_name": f"{family} {i}", "native_name": native,
                             "email": f"p{i}@example.org", "role": "other", "consent_contact": False,
                             "created_at": dt.datetime(2021, 1, 1, tzinfo=UTC), "updated_at": dt.datetime(2021, 1, 1, tzinfo=UTC),
                             "version": 1})
            bulk.insert_people(conn, rows)
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM people ORDER BY id")]
            now = dt.datetime(2021, 1, 1, tzinfo=UTC)
            conn.execute(insert(Registration), [
                {"seminar_id": seminar_id, "person_id": pid, "status": "registered", "created_at": now,
                 "updated_at": now, "version": 1} for pid in ids])
            session_ids = [r[0] for r in conn.execute(AgendaSession.__table__.select().with_only_columns(
                AgendaSession.id).where(AgendaSession.seminar_id == seminar_id))]
            marks = [{"session_id": sid, "person_id": pid, "checked_in_at": now}
                     for sid in session_ids for pid in ids if rng.random() < 0.5]
            conn.execute(insert(Attendance), marks)
    return db, seminar_id, curriculum_id, len(marks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--keep-dir", type=Path, help="write the files here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lh-bench-export-") as tmp:
        out = args.keep_dir or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        db, seminar_id, curriculum_id, marks = seed(Path(tmp) / "hub.sqlite", args.people, args.sessions)
        print(f"seeded {args.people:,} people, {args.sessions} sessions, {marks:,} check-ins "
              f"in {time.perf_counter() - start:.1f} s")
        size = lambda p: f"{Path(p).stat().st_size / 1e6:.1f} MB"  # noqa: E731
        print("exports")
        _timed(f"people → CSV ({args.people:,} rows)", lambda: people.export_people(db, out / "people.csv"),
               lambda _r: size(out / "people.csv"))
        _timed(f"people → XLSX ({args.people:,} rows)", lambda: people.export_people(db, out / "people.xlsx"),
               lambda _r: size(out / "people.xlsx"))
        _timed(f"attendance matrix → XLSX ({args.people:,} × {args.sessions})",
               lambda: attendance.export_attendance(db, seminar_id, out / "attendance.xlsx"),
               lambda _r: size(out / "attendance.xlsx"))
        _timed("curriculum → ICS", lambda: ics.export_ics(db, out / "c.ics", curriculum_id=curriculum_id),
               lambda n: f"{n} events")
        print("backup and restore")
        _timed("backup (SQLite online backup API)", lambda: backup.backup(db, out / "b.sqlite"),
               lambda r: size(r.path))  # type: ignore[attr-defined]
        _timed("backup (portable JSON-lines dump)", lambda: backup.backup(db, out / "b.jsonl"),
               lambda r: f"{size(r.path)}, {r.rows:,} rows")  # type: ignore[attr-defined]
        _timed("restore from the SQLite copy", lambda: backup.restore(db, out / "b.sqlite", safety_folder=out))
        _timed("restore from the dump", lambda: backup.restore(db, out / "b.jsonl", safety_folder=out))
        db.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
