"""kill -9 in the middle of long writes: the SQLite file stays sound, the write all there or absent.

Each scenario runs the real CLI in a subprocess on a fresh copy of a prepared database,
once to the end (the reference outcome and its duration T), then again and again,
killed with SIGKILL at moments spread over T with some jitter. After every kill:
``PRAGMA integrity_check`` says ok, no foreign key is broken, and the counted tables
equal either the untouched copy or the reference run's result; nothing in between.
The import is also killed on purpose while it commits (its pages in the write-ahead log,
the commit frame not yet): random moments rarely land there.

Scenarios: a people import of 12,000 rows with registration (`import people`), a
certificate batch of ~1,500 certificates (`certificates`: codes in one transaction,
then the PDF, written atomically), and a schema upgrade over 3,000 people (opening an
old database runs the migrations). The import is killed on PostgreSQL too, where the
server must roll the killed client's transaction back. 30 kills in all, about a
minute: run by .ci/run (``LEARNINGHUB_CRASH_TESTS=1``), skipped otherwise.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from learninghub.cli import main as cli_main

pytestmark = [
    pytest.mark.crash,
    pytest.mark.skipif(not os.environ.get("LEARNINGHUB_CRASH_TESTS"),
                       reason="kills processes for about a minute; set LEARNINGHUB_CRASH_TESTS=1 (.ci/run does)"),
]

Counts = dict[str, int]


def _copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def _sound(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def _counts(path: Path, tables: tuple[str, ...]) -> Counts:
    conn = sqlite3.connect(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} | {"sqlite_master"}
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] if t in names else -1 for t in tables}
    finally:
        conn.close()


def _run_cli(db: str, args: list[str], kill_after: float | None) -> bool:
    """Run ``learninghub --db db ARGS``; with ``kill_after`` (seconds), SIGKILL it then unless it
    has finished. True if it was killed."""
    with subprocess.Popen([sys.executable, "-m", "learninghub", "--db", db, *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        if kill_after is None:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err.decode()
            return False
        try:
            proc.wait(timeout=kill_after)
            return False
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True


class SqliteCopies:
    """Victims for _crash_many: copies of an SQLite file, checked with PRAGMA integrity_check."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        #: Kills after which the write-ahead log held pages: the process was writing.
        self.wal_written = 0

    def copy(self, base: str, name: str) -> str:
        return str(_copy(Path(base), self.tmp / f"{name}.sqlite"))

    def counts(self, target: str, tables: tuple[str, ...]) -> Counts:
        return _counts(Path(target), tables)

    def check(self, target: str) -> None:
        wal = Path(f"{target}-wal")
        self.wal_written += wal.exists() and wal.stat().st_size > 0
        _sound(Path(target))


class PostgresCopies:
    """Victims for _crash_many: databases copied from a template on the test server."""

    def __init__(self, server) -> None:  # type: ignore[no-untyped-def]
        self.server = server
        self.made: list[str] = []

    def copy(self, base: str, name: str) -> str:
        from sqlalchemy.engine import make_url

        self.made.append(self.server.create(template=make_url(base).database))
        return self.server.url(self.made[-1])

    def counts(self, target: str, tables: tuple[str, ...]) -> Counts:
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool

        engine = create_engine(target, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in tables}
        finally:
            engine.dispose()

    def check(self, target: str) -> None:
        """The server rolled back the killed client's transaction: no session of it is left."""
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        engine = create_engine(target, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                for _ in range(50):  # the server notices the closed socket at once, or nearly
                    left = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = :d AND "
                                             "backend_type = 'client backend' AND pid <> pg_backend_pid()"),
                                        {"d": make_url(target).database})
                    if left.scalar_one() == 0:
                        return
                    time.sleep(0.1)
                raise AssertionError("the killed client's session is still open on the server")
        finally:
            engine.dispose()

    def drop_all(self) -> None:
        for name in self.made:
            self.server.drop(name)


def _crash_many(store, base: str, args: Callable[[str], list[str]], tables: tuple[str, ...],  # type: ignore[no-untyped-def]
                kills: int, seed: int, extra_check: Callable[[str, str], None] | None = None,
                window: tuple[float, float] = (0.1, 0.95)) -> dict[str, int]:
    """The reference run, then ``kills`` runs killed at moments spread over ``window`` of its duration."""
    before = store.counts(base, tables)
    durations = []
    for _ in range(2):  # the first run also warms caches; the shorter one sets the moments
        ref = store.copy(base, "reference")
        started = time.perf_counter()
        _run_cli(ref, args(ref), None)
        durations.append(time.perf_counter() - started)
    duration = min(durations)
    after = store.counts(ref, tables)
    assert after != before, "the reference run changed nothing; the scenario proves nothing"
    rng = random.Random(seed)
    seen = {"killed": 0, "absent": 0, "applied": 0, "finished first": 0}
    attempt = 0
    while seen["killed"] < kills:
        attempt += 1
        assert attempt <= 3 * kills, f"only {seen['killed']} of {attempt - 1} runs were still running when killed"
        target = store.copy(base, "victim")
        moment = duration * (window[0] + (window[1] - window[0]) * rng.random())
        started = time.perf_counter()
        if _run_cli(target, args(target), moment):
            seen["killed"] += 1
        else:  # the machine is less busy than when T was measured: aim earlier from now on
            seen["finished first"] += 1
            duration = min(duration, time.perf_counter() - started)
        store.check(target)
        now = store.counts(target, tables)
        assert now in (before, after), f"kill at {moment:.2f} s left a partial write: {now}"
        outcome = "absent" if now == before else "applied"
        seen[outcome] += 1
        if extra_check:
            extra_check(target, outcome)
    print(f"{args(base)[:2]}: T = {duration:.2f} s, {seen}, WAL written: {getattr(store, 'wal_written', '-')}")
    return seen


def _demo(path: Path | str) -> str:
    assert cli_main(["--db", str(path), "demo"]) == 0
    assert cli_main(["--db", str(path), "seminar", "edit", "1", "--capacity", "100000"]) == 0
    return str(path)


def _people_csv(path: Path, rows: int, prefix: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Given name", "Family name", "Native name", "Email", "Organisation", "City", "Country", "Role"])
        for i in range(rows):
            out.writerow([f"Jia{i}", f"Li{i}", f"李佳{i}", f"{prefix}{i}@example.cn", f"Chengdu Office {i % 40}",
                          "Chengdu", "CN", "expert"])
    return path


IMPORT_TABLES = ("people", "registrations", "registration_events", "organisations", "cities", "people_search")


def test_kill_9_during_a_people_import_leaves_all_or_nothing(tmp_path: Path, capsys) -> None:
    base = _demo(tmp_path / "base.sqlite")
    capsys.readouterr()
    rows = _people_csv(tmp_path / "people.csv", 12_000, "p")
    copies = SqliteCopies(tmp_path)
    seen = _crash_many(copies, base, lambda db: ["import", "people", str(rows), "--seminar", "1"],
                       IMPORT_TABLES, kills=10, seed=1)
    assert seen["absent"] >= 1
    # Random moments mostly land before the writing starts: the app's page cache (store.SQLITE_CACHE_KIB) holds
    # the whole import, so its pages reach the log only while it commits, in the last few hundredths of a second.
    # Aim there: kill as soon as the log holds some of the import's pages, before the commit frame.
    before = _counts(Path(base), IMPORT_TABLES)
    after = _counts(tmp_path / "reference.sqlite", IMPORT_TABLES)  # left by _crash_many's reference run
    caught = 0
    for attempt in range(6):
        target = copies.copy(base, f"commit{attempt}")
        logged = _kill_while_the_log_grows(target, ["import", "people", str(rows), "--seminar", "1"])
        copies.check(target)
        now = _counts(Path(target), IMPORT_TABLES)
        assert now in (before, after), f"a kill with {logged} bytes in the log left a partial write: {now}"
        caught += bool(logged) and now == before
        if caught >= 2:
            break
    print(f"killed with the import's pages in the log, none of it kept: {caught} of {attempt + 1}")
    assert caught >= 1, "no kill landed while the import's pages were being logged"


def _kill_while_the_log_grows(db: str, args: list[str], pages: int = 16) -> int:
    """Run ``learninghub --db db ARGS`` and SIGKILL it once its write-ahead log holds ``pages`` pages
    (watched as fast as Python can stat the file). Returns the log's size at the kill, 0 if the run ended first."""
    wal = Path(f"{db}-wal")
    with subprocess.Popen([sys.executable, "-m", "learninghub", "--db", db, *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        while proc.poll() is None:
            try:
                size = wal.stat().st_size
            except FileNotFoundError:
                continue
            if size > pages * 4096:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return size
        return 0


def test_kill_9_during_a_people_import_on_postgresql_leaves_all_or_nothing(tmp_path: Path, capsys, pg_server) -> None:
    copies = PostgresCopies(pg_server)
    try:
        base = _demo(copies.copy(pg_server.url(pg_server.template), "base"))
        capsys.readouterr()
        rows = _people_csv(tmp_path / "people.csv", 3000, "p")
        seen = _crash_many(copies, base, lambda db: ["import", "people", str(rows), "--seminar", "1"],
                           IMPORT_TABLES, kills=6, seed=4)
        assert seen["absent"] >= 1
    finally:
        copies.drop_all()


CERT_TABLES = ("certificates",)


def test_kill_9_during_a_certificate_batch_leaves_all_or_nothing(tmp_path: Path, capsys) -> None:
    base = Path(_demo(tmp_path / "base.sqlite"))
    rows = _people_csv(tmp_path / "people.csv", 1500, "c")
    assert cli_main(["--db", str(base), "import", "people", str(rows), "--seminar", "1"]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(base)
    with conn:  # everyone registered to seminar 1 was at its first session
        conn.execute(
            "INSERT INTO attendance(session_id, person_id, checked_in_at) "
            "SELECT s.id, r.person_id, s.starts_at FROM registrations r "
            "JOIN (SELECT min(id) AS id, min(starts_at) AS starts_at FROM sessions WHERE seminar_id = 1) s "
            "WHERE r.seminar_id = 1 AND NOT EXISTS "
            "(SELECT 1 FROM attendance a WHERE a.session_id = s.id AND a.person_id = r.person_id)"
        )
    conn.close()

    def pdf_whole_or_missing(db: str, outcome: str) -> None:
        pdf = Path(db).with_suffix(".pdf")
        if pdf.exists():  # written atomically: a complete PDF of every certificate, or none
            from pypdf import PdfReader

            issued = _counts(Path(db), CERT_TABLES)["certificates"]
            assert outcome == "applied" and len(PdfReader(pdf).pages) == issued
            pdf.unlink()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(pdf.name) and p != pdf], \
            "a half-written PDF was left next to the target"

    seen = _crash_many(
        SqliteCopies(tmp_path), str(base),
        lambda db: ["certificates", "--seminar", "1", "--min-attendance", "1", "-o", str(Path(db).with_suffix(".pdf"))],
        CERT_TABLES, kills=8, seed=2, extra_check=pdf_whole_or_missing,
    )
    assert seen["absent"] >= 1


def test_kill_9_during_a_schema_upgrade_leaves_the_old_schema_or_the_new(tmp_path: Path) -> None:
    from learninghub.core import store

    base = tmp_path / "old.sqlite"
    store.open_database(str(base), upgrade_to="0002_person_search").close()
    conn = sqlite3.connect(base)
    with conn:
        conn.executemany(
            "INSERT INTO people(given_name, family_name, native_name, email, role, consent_contact, created_at, "
            "updated_at, version) VALUES (?, ?, ?, ?, 'expert', 0, '2021-01-01', '2021-01-01', 1)",
            [(f"Hyeon-suk{i}", f"Han{i}", f"한현숙{i}", f"han{i}@example.kr") for i in range(3_000)],
        )
    conn.close()

    def revision(db: str) -> str:
        c = sqlite3.connect(db)
        try:
            return c.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            c.close()

    def one_revision_or_the_other(db: str, outcome: str) -> None:
        columns = {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(people)")}
        if revision(db) == "0002_person_search":
            assert "email_key" not in columns and "sort_key" not in columns
        else:
            assert revision(db) == store.head_revision() and {"email_key", "sort_key"} <= columns

    seen = _crash_many(SqliteCopies(tmp_path), str(base), lambda db: ["person", "list", "--search", "Han2999"],
                       ("people", "sqlite_master"), kills=6, seed=3,
                       extra_check=one_revision_or_the_other)
    assert seen["absent"] >= 1
