"""A seminar's certificate batch end to end, through the real database: pages per second.

Why: the issue's budget is 1,000 certificates with QR codes and mixed-script names in
<= 3 s into one PDF on this 2-core machine. The renderer alone is timed by
``bench.certificates``; this module times what a user waits for after pressing the
button or running ``learninghub certificates``: reading eligibility, issuing the codes
in one transaction, drawing the pages and writing the file (and the split folder).

How: a fresh database (SQLite file, or ``--db URL`` for PostgreSQL) gets a seminar of
eight talks and a coffee break, ``--people`` registered people (Chinese, Korean,
Cyrillic, Greek and Latin names) bulk-inserted, and check-ins so that ``--eligible`` of
them attend at least 6 of 8 talks (75 %) and the rest fewer. Then
:func:`learninghub.documents.certificates_batch.make_certificates` runs as the CLI calls
it: a first run (new codes), a second run (the same codes found again), and a split run.

    python -m bench.certificates_batch [--people N] [--eligible N] [--db URL] [--keep DIR] [--strict]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from learninghub.core import bulk
from learninghub.core.models import Attendance, Person, Registration, utcnow
from learninghub.core.services import (
    agenda,
    certificate_eligibility,
    certificate_settings,
    curricula,
    seminars,
)
from learninghub.core.store import Database, open_database
from learninghub.documents import certificates_batch

BUDGET_S = 3.0

FAMILY_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN_ZH = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"]
PINYIN = dict(zip(FAMILY_ZH, ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
                              "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo"]))
KOREAN = [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung")]
KOREAN_GIVEN = [("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지우", "Ji-woo"), ("하은", "Ha-eun")]
CYRILLIC = [("Иван", "Ivan", "Петров", "Petrov"), ("Мария", "Maria", "Иванова", "Ivanova"),
            ("Николай", "Nikolay", "Стоянов", "Stoyanov")]
GREEK = [("Νίκος", "Nikos", "Ζέρβας", "Zervas"), ("Ελένη", "Eleni", "Παππά", "Pappa")]
LATIN = [("Núria", "Puig i Ferrer"), ("Giorgio", "Landi"), ("Špela", "Žagar"), ("Jordi", "Casals Vidal"),
         ("Francesca", "Martelli"), ("Marc", "Serrat")]


def _person(rng: random.Random, i: int, now: dt.datetime) -> dict[str, object]:
    kind = rng.random()
    if kind < 0.45:
        fam = rng.choice(FAMILY_ZH)
        given = rng.choice(GIVEN_ZH)
        native, given_l, family_l = fam + given, f"Given{i}", PINYIN[fam]
    elif kind < 0.6:
        (fam, fam_l), (given, given_l) = rng.choice(KOREAN), rng.choice(KOREAN_GIVEN)
        native, family_l = fam + given, fam_l
    elif kind < 0.7:
        given, given_l, fam, family_l = rng.choice(CYRILLIC)
        native = f"{given} {fam}"
    elif kind < 0.75:
        given, given_l, fam, family_l = rng.choice(GREEK)
        native = f"{given} {fam}"
    else:
        (given_l, family_l), native = rng.choice(LATIN), None
    return dict(given_name=given_l, family_name=family_l, native_name=native, role="other", consent_contact=False,
                email=f"p{i}@example.org", created_at=now, updated_at=now, version=1)


def seed(db: Database, people: int, eligible: int, rng: random.Random) -> int:
    """A seminar with ``people`` registered, ``eligible`` of them at >= 75 % of its talks."""
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Metropolis Learning Hub Chengdu 2020–2022", start_year=2020,
                                     end_year=2022)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City Project: green and liveable cities",
                                   start="2020-07-13", end="2020-07-14", timezone="Asia/Shanghai", city="Chengdu",
                                   country="CN")
        talks = []
        for day in (13, 14):
            for hour in (9, 10, 14, 15):
                talks += agenda.add_session(s, seminar_id=sem.id, title=f"Talk {day}.{hour}",
                                            start=f"2020-07-{day} {hour:02}:00", end=f"2020-07-{day} {hour + 1:02}:00")
        agenda.add_session(s, seminar_id=sem.id, title="Coffee break", kind="break", start="2020-07-13 11:00",
                           end="2020-07-13 11:20")
        certificate_settings.set_settings(s, sem.id, signatories=[("余建华", "Director, Chengdu Open University"),
                                                          ("Núria Puig", "Ajuntament de Barcelona")], bilingual=True)
        seminar_id, talk_ids = sem.id, [t.id for t in talks]
        now = utcnow()
        conn = s.connection()
        first = (s.scalar(select(Person.id).order_by(Person.id.desc()).limit(1)) or 0) + 1
        bulk.insert_people(conn, [_person(rng, i, now) for i in range(people)])
        ids = list(range(first, first + people))
        conn.execute(insert(Registration.__table__), [
            dict(seminar_id=seminar_id, person_id=p, status="attended", created_at=now, updated_at=now, version=1)
            for p in ids])
        checkins = []
        for n, p in enumerate(ids):
            count = rng.randint(6, 8) if n < eligible else rng.randint(0, 5)
            checkins += [dict(session_id=t, person_id=p, checked_in_at=now) for t in rng.sample(talk_ids, count)]
        conn.execute(insert(Attendance.__table__), checkins)
    return seminar_id


def _timed(label: str, fn, *args, **kw):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kw)
    took = time.perf_counter() - start
    return result, took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_200, help="registered people (default 1,200)")
    parser.add_argument("--eligible", type=int, default=1_000, help="of whom eligible (default 1,000)")
    parser.add_argument("--db", help="a database URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--keep", metavar="DIR", help="write the database and PDFs here and keep them")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the budget is missed")
    args = parser.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lh-cert-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = open_database(args.db or str(work / "bench.sqlite"))
    print(f"database: {db.target.label} ({db.dialect})")
    try:
        (seminar_id, took) = _timed("seed", seed, db, args.people, args.eligible, random.Random(20200713))
        print(f"seeded {args.people:,} registered people ({args.eligible:,} eligible) in {took:.2f} s")

        def dry() -> list[certificate_eligibility.Eligibility]:
            with db.reading() as s:
                return certificate_eligibility.eligibility(s, seminar_id)

        rows, took = _timed("eligibility", dry)
        print(f"eligibility (--dry-run): {len(rows):,} people judged in {took * 1000:.0f} ms")

        one = work / "certificates.pdf"
        first, took_first = _timed("first", certificates_batch.make_certificates, db, seminar_id, output=one)
        n = len(first.certificates)
        print(f"first run  -> one PDF: {n:,} certificates, {first.new_codes:,} new codes, {took_first:.2f} s, "
              f"{n / took_first:.0f} pages/s, {one.stat().st_size / 1e6:.1f} MB")
        again, took_again = _timed("again", certificates_batch.make_certificates, db, seminar_id, output=one)
        same = [c.code for c in again.certificates] == [c.code for c in first.certificates]
        print(f"second run -> one PDF: {len(again.certificates):,} certificates, same codes: {same}, "
              f"{took_again:.2f} s, {len(again.certificates) / took_again:.0f} pages/s")

        _, took_issue = _timed("issue", certificates_batch.issue, db, seminar_id)
        print(f"  of which issuing (one transaction, codes found again): {took_issue * 1000:.0f} ms")

        split = work / "split"
        result, took_split = _timed("split", certificates_batch.make_certificates, db, seminar_id, split_dir=split)
        files = len(list(split.iterdir()))
        print(f"split run  -> {files:,} files in {split}: {took_split:.2f} s, {files / took_split:.0f} pages/s")

        ok = took_first <= BUDGET_S and n >= args.eligible
        print(f"{'PASS' if ok else 'FAIL'}: {n:,} certificates into one PDF end to end in {took_first:.2f} s "
              f"(budget {BUDGET_S:.0f} s for 1,000)")
    finally:
        db.close()
        if not args.keep:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
