"""Time the evaluation import and results against the issue's budgets (issue 17).

Why: a big seminar's online form brings 10,000 responses in one file, and results are read
whenever the Evaluations tab opens. Budgets on this 2-core machine: importing 10,000 responses
≤ 2 s (CSV and XLSX, read, checked and stored in one transaction); the results of a 40-session
seminar with 5,000 responses (230,000 answers) ≤ 1 s.
How: fixed random answers in Microsoft Forms' layout (ID, Start time, Completion time, Email, Name,
then a column per question of the standard questionnaire of a 10-session seminar), written once as
CSV and XLSX; each import runs as the CLI runs it into a fresh database. The results database is
filled directly (not timed), then read three times (the best counted).

    python -m bench.evaluations [--responses N] [--strict]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from learninghub.core.evaluations import forms, templates
from learninghub.core.evaluations.results import evaluation_results
from learninghub.core.store import Database, open_database
from learninghub.importing.evaluations import plan_import

IMPORT_BUDGET_S = 2.0
RESULTS_BUDGET_S = 1.0


def make_seminar(db: Database, sessions: int) -> tuple[int, int]:
    """A seminar of ``sessions`` talks with the standard questionnaire; (seminar id, form id)."""
    from learninghub.core.services import agenda, curricula, seminars

    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Bench", start_year=2021, end_year=2021)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Bench seminar", start="2021-11-01",
                                   end="2021-11-20", timezone="Asia/Shanghai")
        for i in range(sessions):
            day = dt.date(2021, 11, 1) + dt.timedelta(days=i // 4)
            hour = 9 + 2 * (i % 4)
            agenda.add_session(s, seminar_id=sem.id, title=f"Session {i + 1}", title_zh=f"第{i + 1}场",
                               start=f"{day} {hour:02d}:00", end=f"{day} {hour:02d}:50")
        form = forms.create_form(s, sem.id, templates.shipped("standard"), anonymous=False)
    return sem.id, form


def write_files(db: Database, seminar: int, n: int, folder: Path, rng: random.Random) -> tuple[Path, Path]:
    from openpyxl import Workbook

    r = db.read(evaluation_results(seminar))[0]
    headers = ["ID", "Start time", "Completion time", "Email", "Name", *[q.title() for q in r.questions]]
    rows = []
    start = dt.datetime(2021, 11, 20, 17, 0)
    for i in range(n):
        cells: list[object] = [i + 1, start, start + dt.timedelta(seconds=90 + i), f"p{i}@example.org", f"P {i}"]
        for q in r.questions:
            if q.kind == "rating":
                cells.append(rng.choice((3, 4, 4, 5, 5, "" if not q.required else 4)))
            elif q.kind == "single":
                cells.append(rng.choice(q.options)[0])
            elif q.kind == "multiple":
                cells.append(";".join(o[0] for o in rng.sample(q.options, 2)) + ";")
            else:
                cells.append(rng.choice(("", "", "Good seminar, thank you.", "更多交流时间")))
        rows.append(cells)
    csv_path, xlsx_path = folder / "responses.csv", folder / "responses.xlsx"
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        w.writerows([[c.strftime("%m/%d/%Y %H:%M:%S") if isinstance(c, dt.datetime) else c for c in row]
                     for row in rows])
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(xlsx_path)
    return csv_path, xlsx_path


def time_import(path: Path, folder: Path, name: str) -> tuple[float, int]:
    db = open_database(str(folder / f"{name}.sqlite"))
    try:
        seminar, form = make_seminar(db, 10)
        began = time.perf_counter()
        with db.transaction() as s:
            plan = plan_import(s, seminar, path)
            assert plan.ok, [str(p) for p in plan.problems[:5]]
            forms.add_responses(s, form, plan.responses)
        return time.perf_counter() - began, len(plan.responses)
    finally:
        db.close()


def fill_results(db: Database, seminar: int, form: int, n: int, rng: random.Random) -> int:
    r = db.read(evaluation_results(seminar))[0]
    made = []
    for _ in range(n):
        answers: list[tuple[int, int | None, str | None]] = []
        for q in r.questions:
            if q.kind == "rating":
                answers.append((q.id, rng.choice((2, 3, 4, 4, 5, 5)), None))
            elif q.kind == "single":
                answers.append((q.id, rng.randrange(1, len(q.options) + 1), None))
            elif q.kind == "multiple":
                answers += [(q.id, v, None) for v in rng.sample(range(1, len(q.options) + 1), 2)]
            elif rng.random() < 0.2:
                answers.append((q.id, None, "A comment"))
        made.append(forms.NewResponse(answers, None, "bench"))
    with db.transaction() as s:
        forms.add_responses(s, form, made)
    return sum(len(m.answers) for m in made)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = parser.parse_args(argv)
    rng = random.Random(17)
    missed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(str(folder / "source.sqlite"))
        seminar, _form = make_seminar(db, 10)
        csv_path, xlsx_path = write_files(db, seminar, args.responses, folder, rng)
        db.close()
        for name, path in (("csv", csv_path), ("xlsx", xlsx_path)):
            took, n = time_import(path, folder, name)
            ok = took <= IMPORT_BUDGET_S
            missed |= not ok
            print(f"import {n:,} responses from {name.upper()} (16 questions): {took:.2f} s "
                  f"(budget {IMPORT_BUDGET_S:.0f} s) {'ok' if ok else 'OVER'}")
        db = open_database(str(folder / "results.sqlite"))
        try:
            seminar, form = make_seminar(db, 40)
            answers = fill_results(db, seminar, form, 5_000, rng)
            best = float("inf")
            for _ in range(3):
                began = time.perf_counter()
                r = db.read(evaluation_results(seminar))[0]
                best = min(best, time.perf_counter() - began)
            ok = best <= RESULTS_BUDGET_S
            missed |= not ok
            print(f"results of a 40-session seminar: {r.responses:,} responses, {answers:,} answers, "
                  f"{len(r.questions)} questions: {best:.3f} s (budget {RESULTS_BUDGET_S:.0f} s) {'ok' if ok else 'OVER'}")
        finally:
            db.close()
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
