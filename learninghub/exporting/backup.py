"""Back up the whole database to one file, and restore it.

- **SQLite**: a copy through SQLite's online backup API, consistent even while the app
  has the database open and writes to it (a plain file copy can miss pages still in the
  ``-wal`` file).
- **Portable dump** (``.jsonl`` / ``.json``, and always for PostgreSQL): every table as JSON
  lines (:mod:`.dump`).

Restore is careful, like opening: the file must be a Learning Hub backup (an SQLite
database with our schema, or our dump), not from a newer version; it is checked and,
if older, upgraded on a temporary copy first. Only then is a safety copy of the current
database made and the data replaced, in one step: SQLite's backup API writes all pages
in one transaction (other connections see old or new, never a mix), PostgreSQL in one
transaction. Any refusal leaves the current database byte-for-byte as it was.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core import store
from ..core.errors import DatabaseRefused, NotFound
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.store import Database, open_database
from . import dump
from .atomic import atomic_path, check_target

DUMP_SUFFIXES = (".jsonl", ".json")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    format: str  # "sqlite" or "dump"
    schema: str
    rows: int | None = None  # counted for dumps


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    format: str
    #: The schema of the backup; it was upgraded when it differs from ``schema_now``.
    schema_of_backup: str
    schema_now: str
    #: The copy of the database as it was just before the restore.
    safety_copy: Path | None

    @property
    def upgraded(self) -> bool:
        return self.schema_of_backup != self.schema_now


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _current_revision(db: Database) -> str:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() or ""


# -- backup


def backup(db: Database, destination: Path, *, portable: bool | None = None) -> BackupResult:
    """Write the whole database to ``destination`` (atomically, owner-readable only).

    SQLite databases become an SQLite copy unless ``portable`` or the name ends in
    .jsonl/.json; other databases always become a dump.
    """
    destination = check_target(Path(destination))
    if portable is None:
        portable = destination.suffix.lower() in DUMP_SUFFIXES or db.target.sqlite_path is None
    source = db.target.sqlite_path
    if source is not None and destination.resolve() == source:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is the database itself; choose another file"),
                              where="-o", path=str(destination))
    revision = _current_revision(db)
    if not portable:
        assert source is not None
        with atomic_path(destination, private=True) as tmp:
            _copy_sqlite(source, tmp)
        return BackupResult(destination, "sqlite", revision)
    with atomic_path(destination, private=True) as tmp:
        with db.engine.connect() as conn, open(tmp, "w", encoding="utf-8") as out:
            if conn.dialect.name == "postgresql":  # one snapshot for every table
                conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with conn.begin():  # SQLite: one read transaction is one snapshot
                rows = dump.write_dump(conn, out, revision)
    return BackupResult(destination, "dump", revision, rows)


def _copy_sqlite(source: Path, destination: Path) -> None:
    """Online backup API from ``source`` into the (new, empty) file ``destination``."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)  # as_uri() refuses a relative path
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            # One self-contained file: a copy of a WAL database would itself be in WAL mode.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def unique_path(folder: Path, stem: str, suffix: str, *, stamp: bool = True) -> Path:
    """``folder/stem-TIME.suffix``, with a counter when that name is taken (two in one second)."""
    base = f"{stem}-{_stamp()}" if stamp else stem
    path = folder / f"{base}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}{suffix}"
        n += 1
    return path


# -- checking a backup


def backup_kind(path: Path) -> str:
    """``sqlite`` or ``dump``; refuses anything else with a message saying what the file is not."""
    path = Path(path)
    if not path.exists():
        raise NotFound(QT_TRANSLATE_NOOP("core", "{path} does not exist"), where="restore", path=str(path))
    if path.is_dir():
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is a folder, not a backup file"), where="restore",
                              path=str(path))
    if path.stat().st_size == 0:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is empty, not a Learning Hub backup"), where="restore",
                              path=str(path))
    with open(path, "rb") as fh:
        head = fh.read(len(store.SQLITE_HEADER))
    if head == store.SQLITE_HEADER:
        return "sqlite"
    if dump.is_dump(path):
        return "dump"
    raise DatabaseRefused(
        QT_TRANSLATE_NOOP("core", "{path} is not a Learning Hub backup (neither a Learning Hub database nor a dump)"),
        where="restore", path=str(path),
    )


def _check_schema(revision: str | None, has_tables: bool, label: str) -> str:
    """The backup's revision, refused when foreign, empty or newer than this program."""
    if revision is None:
        if has_tables:
            raise DatabaseRefused(
                QT_TRANSLATE_NOOP("core", "{label} is not a Learning Hub backup (it is a database of another program)"),
                where="restore", label=label)
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("core", "{label} is not a Learning Hub backup (it is an empty database)"),
            where="restore", label=label)
    store._check_revision(revision, has_tables, label)  # refuses newer / unknown schemas
    return revision


def _prepared_copy(source: Path, kind: str, workdir: Path) -> tuple[Path, str]:
    """A checked SQLite copy of the backup at this program's schema, in ``workdir``."""
    work = workdir / "restore.sqlite"
    if kind == "sqlite":
        try:
            revision, has_tables = store._sqlite_schema_state(source)
        except DatabaseRefused as exc:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is not a Learning Hub backup ({reason})"),
                                  where="restore", path=str(source), reason=exc.message) from None
        revision = _check_schema(revision, has_tables, str(source))
        try:
            _copy_sqlite(source, work)
            _check_integrity(work, source)
        except sqlite3.DatabaseError as exc:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is damaged: {reason}"), where="restore",
                                  path=str(source), reason=str(exc)) from None
    else:
        header = dump.read_header(source)
        revision = _check_schema(header["schema"], True, str(source))
        loading = open_database(str(work), upgrade_to=revision)
        try:
            with loading.engine.connect() as conn:
                conn.execution_options(lh_write=True)
                with conn.begin():
                    dump.load_dump(conn, source)
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise DatabaseRefused(
                            QT_TRANSLATE_NOOP("core", "{path}: {n} rows refer to rows the dump does not hold"),
                            where="restore", path=str(source), n=len(problems),
                        )
        except (ValueError, TypeError) as exc:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} holds a value that does not fit: {reason}"),
                                  where="restore", path=str(source), reason=str(exc)) from None
        finally:
            loading.close()
    upgraded = open_database(str(work))  # runs the migrations when the backup is older
    upgraded.close()
    return work, revision


def _check_integrity(path: Path, label: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is damaged ({reason})"), where="restore",
                                  path=str(label), reason=str(result))
    finally:
        conn.close()


# -- restore


def restore(db: Database, source: Path, *, safety_folder: Path | None = None) -> RestoreResult:
    """Replace everything in ``db`` by the backup ``source`` (see the module docstring).

    ``safety_folder`` is where the copy of the current database goes; by default beside
    an SQLite database, in the user's data folder for others.
    """
    source = Path(source)
    kind = backup_kind(source)
    live = db.target.sqlite_path
    if live is not None and source.resolve() == live:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is the database itself"), where="restore",
                              path=str(source))
    with tempfile.TemporaryDirectory(prefix="learninghub-restore-") as workdir:
        work, revision = _prepared_copy(source, kind, Path(workdir))
        safety = _safety_copy(db, safety_folder)
        if live is not None:
            _replace_sqlite(work, live)
        else:
            _replace_other(db, work)
    db.engine.dispose()  # pooled connections start afresh on the restored data
    return RestoreResult(source, kind, revision, _current_revision(db), safety)


def _safety_copy(db: Database, folder: Path | None) -> Path:
    live = db.target.sqlite_path
    if live is not None:
        where = folder or live.parent
        where.mkdir(parents=True, exist_ok=True)
        target = unique_path(where, f"{live.stem}.before-restore", live.suffix)
        try:
            with atomic_path(target, private=True) as tmp:
                _copy_sqlite(live, tmp)
        except sqlite3.DatabaseError:
            # A damaged file (a restore over it is how it is mended) cannot be copied page by page: keep its
            # bytes as they are, and its write-ahead log beside them, so nothing of it is lost either.
            with atomic_path(target, private=True) as tmp:
                shutil.copyfile(live, tmp)
            wal = live.with_name(live.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return target
    from .. import config

    where = folder or config.default_database_path().parent / "backups"
    where.mkdir(parents=True, exist_ok=True)
    return backup(db, unique_path(where, "before-restore", ".jsonl")).path


def _replace_sqlite(work: Path, live: Path) -> None:
    """Copy every page of ``work`` into the live file in one write transaction."""
    src = sqlite3.connect(work)
    dst = sqlite3.connect(live, timeout=30)
    try:
        src.execute("PRAGMA journal_mode = DELETE")
        wanted = dst.execute("PRAGMA page_size").fetchone()[0]
        if src.execute("PRAGMA page_size").fetchone()[0] != wanted:
            # A WAL database cannot change its page size; bring the copy to the live one's.
            src.execute(f"PRAGMA page_size = {int(wanted)}")
            src.execute("VACUUM")
        src.backup(dst)
    except sqlite3.Error as exc:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("core", "the restore could not write the database and changed nothing: {reason}"),
            reason=str(exc)) from None
    finally:
        dst.close()
        src.close()


def _replace_other(db: Database, work: Path) -> None:
    """Delete every row and insert the backup's, in one transaction (PostgreSQL and others)."""
    from sqlalchemy import create_engine

    source = create_engine(f"sqlite:///{work}")
    try:
        with source.connect() as src, db.engine.connect() as dst:
            dst.execution_options(lh_write=True)
            with dst.begin():
                dump.replace_rows(src, dst)
    finally:
        source.dispose()
