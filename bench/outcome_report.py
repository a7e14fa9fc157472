"""Time the outcome report of a curriculum on the 100,000-people / 200,000-registrations database.

Why: issue 16 sets the budgets — the figures of a curriculum in <= 1 s, its PDF in <= 2 s — on
the database ``bench.seed_and_search`` seeds. That seeding has no agenda, so this adds one: six
sessions a seminar (one a coffee break, which never counts), check-ins for everyone marked
attended (each session with a chance of 80 %), a gender for most people, and certificates
(some revoked) for a few seminars. Then ``db.read(outcome_report(...))`` as the command line runs it,
the statements it sent, the PDF and the XLSX.

    python -m bench.outcome_report [--people N] [--seminars N] [--registrations N] [--curriculum ID]
                                   [--db PATH] [--keep] [--strict]

Figures are printed; the exit code is 0 whatever they are, unless --strict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event, insert, select, update

from bench.seed_and_search import seed
from learninghub.core.models import AgendaSession, Attendance, Certificate, Person, Registration, Seminar
from learninghub.core.store import open_database

FIGURES_BUDGET_S, PDF_BUDGET_S = 1.0, 2.0
BATCH = 10_000


def add_agenda(db, rng: random.Random) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """Sessions, check-ins, genders and certificates; returns (sessions, check-ins, certificates)."""
    now = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    with db.engine.connect().execution_options(lh_write=True) as conn, conn.begin():
        seminars = conn.execute(select(Seminar.id, Seminar.start_date)).all()
        sessions, sid = [], 0
        by_seminar: dict[int, list[int]] = {}
        for seminar_id, day in seminars:
            for n in range(6):
                sid += 1
                start = dt.datetime.combine(day, dt.time(9), dt.UTC) + dt.timedelta(hours=n * 1.5)
                sessions.append({"id": sid, "seminar_id": seminar_id, "title": f"Session {n + 1}",
                                     "kind": "break" if n == 2 else "talk", "starts_at": start,
                                     "ends_at": start + dt.timedelta(minutes=30 if n == 2 else 75), "version": 1})
                if n != 2:
                    by_seminar.setdefault(seminar_id, []).append(sid)
        conn.execute(insert(AgendaSession.__table__), sessions)
        attended = conn.execute(select(Registration.seminar_id, Registration.person_id)
                                .where(Registration.status == "attended")).all()
        checks = [{"session_id": s, "person_id": p, "checked_in_at": now}
                  for seminar_id, p in attended for s in by_seminar[seminar_id] if rng.random() < 0.8]
        for i in range(0, len(checks), BATCH):
            conn.execute(insert(Attendance.__table__), checks[i:i + BATCH])
        genders = ["woman", "man", "another", "undisclosed", None]
        for gender in genders[:-1]:
            conn.execute(update(Person).where(Person.id % 5 == genders.index(gender)).values(gender=gender))
        certificates = [{"code": f"B{i:011d}", "person_id": p, "seminar_id": s, "issued_at": now, "version": 1,
                             "revoked_at": now if i % 20 == 0 else None}
                        for i, (s, p) in enumerate(attended[:5000])]
        conn.execute(insert(Certificate.__table__), certificates)
    return len(sessions), len(checks), len(certificates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--seminars", type=int, default=300)
    ap.add_argument("--registrations", type=int, default=200_000)
    ap.add_argument("--curriculum", type=int, default=1, help="the curriculum reported on (default 1: 2020-2022)")
    ap.add_argument("--db", help="new SQLite file to create (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep the database file afterwards")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = ap.parse_args(argv)
    workdir = tempfile.mkdtemp(prefix="lh-bench-report-")
    path = Path(args.db).resolve() if args.db else Path(workdir) / "bench.sqlite"
    if path.exists():
        ap.error(f"{path} exists; give a new file")
    db = open_database(str(path))
    seed(db, args)
    t0 = time.perf_counter()
    sessions, checks, certs = add_agenda(db, random.Random(16))
    print(f"agenda added: {sessions:,} sessions, {checks:,} check-ins, {certs:,} certificates "
          f"in {time.perf_counter() - t0:.2f} s")
    db.flush_to_main_file()

    from learninghub.core.reports.outcome import Scope, outcome_report
    from learninghub.documents.outcome_pdf import render_outcome_report
    from learninghub.exporting.outcome_report import write_report_xlsx

    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    scope = Scope(curriculum_id=args.curriculum)
    report = db.read(outcome_report(scope))[0]  # warm-up
    sent = len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))])
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        report = db.read(outcome_report(scope))[0]
        times.append(time.perf_counter() - t0)
    figures_s = statistics.median(times)
    print(f"curriculum {args.curriculum}: {report.seminars_total} seminars ({report.seminars_held} held, "
          f"{report.seminars_cancelled} cancelled), {report.sessions:,} sessions, {report.registered:,} registered, "
          f"{report.attended:,} attended, {report.participants:,} participants, {report.person_sessions:,} "
          f"person-sessions, {report.eligible:,} eligible, {report.certificates_issued:,} certificates")
    print(f"figures: median {figures_s * 1000:.0f} ms of 5 (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f});"
          f" {sent} statements")
    t0 = time.perf_counter()
    rendered = render_outcome_report(report, lang="en+zh")
    pdf_s = time.perf_counter() - t0
    print(f"PDF (en+zh): {pdf_s:.2f} s, {rendered.pages} pages, {len(rendered.data) / 1024:.0f} KiB")
    t0 = time.perf_counter()
    write_report_xlsx(report, Path(workdir) / "report.xlsx", lang="en+zh")
    print(f"XLSX (en+zh): {time.perf_counter() - t0:.2f} s")
    ok = figures_s <= FIGURES_BUDGET_S and figures_s + pdf_s <= PDF_BUDGET_S
    print(f"{'PASS' if figures_s <= FIGURES_BUDGET_S else 'FAIL'} figures <= {FIGURES_BUDGET_S:.0f} s; "
          f"{'PASS' if figures_s + pdf_s <= PDF_BUDGET_S else 'FAIL'} figures + PDF <= {PDF_BUDGET_S:.0f} s")
    db.engine.dispose()
    if not args.keep and not args.db:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
