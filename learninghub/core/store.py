"""Open, create and upgrade a database: an SQLite file or any SQLAlchemy URL.

Opening is careful: a file that is not an SQLite database, or a database whose
schema is newer than this program knows, is refused *before* anything writes to
it, so it stays byte-for-byte as it was. An older database is copied (SQLite's
online backup API) before it is upgraded. The schema is built only by the
Alembic migrations in ``db/``.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from .. import config
from . import known_whole
from .backups import backup_sqlite_file, integrity_problem, is_read_only, newest_good_backup, read_only_uri
from .errors import DatabaseBusy, DatabaseRefused, DatabaseUnreachable, LearningHubError, RuleViolation, StaleEdit
from .messages import QT_TRANSLATE_NOOP, Text, say
from .reading import Query, run_queries
from .schema import SCHEMA_HEAD
from .targets import Target, check_server_url, parse_target

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SQLITE_HEADER = b"SQLite format 3\x00"

#: Tables whose rows may hold personal data that erasing a person blanks (see flush_to_main_file).
PERSONAL_TABLES = ("people", "people_search", "registrations", "registration_events", "certificates")


class DatabaseDamaged(DatabaseRefused):
    """SQLite's check found the file damaged: it is refused untouched. ``backup`` is the newest
    good copy of it (:func:`.backups.newest_good_backup`), None when there is none."""

    def __init__(self, message: str, *, path: Path, problem: str, backup: Path | None, **params: Any) -> None:
        super().__init__(message, path=str(path), reason=problem, **params)
        self.path, self.problem, self.backup = path, problem, backup


class FolderMissing(DatabaseRefused):
    """The database file would go in a folder that does not exist: nothing is created."""

    def __init__(self, message: str, *, path: Path, folder: Path) -> None:
        super().__init__(message, path=str(path), folder=str(folder))
        self.path, self.folder = path, folder


class DatabaseReadOnly(LearningHubError):
    """A change to a database that may be read but not written (file or folder read-only)."""


def _read_only_refusal(path: Path) -> DatabaseReadOnly:
    return DatabaseReadOnly(
        QT_TRANSLATE_NOOP("core", "{path} is read-only: it can be read but not changed, and nothing was saved "
                                  "(to change it, make the file and its folder writable, or work on a copy)"),
        path=str(path))


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(config.MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def _check_sqlite_file(path: Path) -> None:
    """Refuse what is not an SQLite database without writing a byte to it."""
    if path.is_dir():
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is a folder, not a database file"), path=str(path))
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} cannot be read: {reason}"), path=str(path),
                              reason=exc.strerror) from exc
    if header != SQLITE_HEADER:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("core", "{path} is not a Learning Hub database (it is not an SQLite file)"),
            path=str(path))


def _sqlite_schema_state(path: Path) -> tuple[str | None, bool]:
    """Return (alembic revision, has other tables) read through a read-only connection."""
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return revision, bool(tables - {"alembic_version"})
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is not a readable database: {reason}"), path=str(path),
                              reason=str(exc)) from exc


def _check_revision(revision: str | None, has_tables: bool, label: str) -> bool:
    """Refuse foreign or newer schemas. Return True when an upgrade is needed."""
    if revision == SCHEMA_HEAD:
        return False
    head = head_revision()
    if revision is None:
        if has_tables:
            raise DatabaseRefused(
                QT_TRANSLATE_NOOP("core", "{label} is a database of another program (it has tables but no Learning Hub "
                                          "schema)"), label=label,
            )
        return True
    if revision == head:
        return False
    from alembic.util import CommandError

    try:
        known = script_directory().get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("core", "{label} was written by a newer version of Learning Hub Planner "
                                      "(schema {revision}; this version knows up to {head}). "
                                      "Update the program to open it."),
            label=label, revision=revision, head=head,
        )
    return True


#: Page cache per SQLite connection, in KiB.
SQLITE_CACHE_KIB = 64 * 1024


def _configure_sqlite(engine: Engine, read_only: bool = False) -> None:
    """foreign_keys on, WAL, busy timeout; and explicit BEGIN so transactions mean what they say.

    A read-only database keeps its journal mode (switching to WAL is a write) and begins
    every transaction DEFERRED: reading works, the first write is refused by SQLite."""
    busy_ms = int(config.DEFAULTS["sqlite_busy_timeout_ms"])  # type: ignore[call-overload]

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (SQLAlchemy's pysqlite recipe)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not read_only and cur.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        # Deleted or overwritten content is zeroed, so erased personal data leaves the file.
        cur.execute("PRAGMA secure_delete = ON")
        # 64 MiB of page cache (SQLite's default is 2 MiB): the people table, its search index and the
        # registrations of a 100,000-person hub stay in memory; bulk loads and 3-letter searches gain
        # about a quarter (bench.seed_and_search). Pages are only taken as the database needs them.
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, so two writers queue instead of deadlocking.
        mode = "IMMEDIATE" if conn.get_execution_options().get("lh_write") and not read_only else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """An open, up-to-date database and the way to run one unit of work on it."""

    def __init__(self, target: Target, engine: Engine, backup_path: Path | None = None, *,
                 read_only: bool = False, whole: bool = True) -> None:
        self.target = target
        self.engine = engine
        #: The copy made before an upgrade, if one was made on this open.
        self.backup_path = backup_path
        #: An SQLite file this process may read but not write: every change is refused (DatabaseReadOnly).
        self.read_only = read_only
        #: The SQLite file was whole when opened (checked, or known whole): closing it remembers it as whole
        #: (core/known_whole.py). False for a file opened unchecked, to be written over by a restore.
        self.whole = whole

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: committed whole, or rolled back whole.

        A row changed by someone else since it was read, a uniqueness race lost to
        another writer, a lock held past the wait (SQLite's busy timeout) or a deadlock
        the server broke (PostgreSQL) becomes a user-facing error instead of a driver
        exception; in every case nothing of the change was saved.
        """
        from sqlalchemy.exc import IntegrityError, OperationalError
        from sqlalchemy.orm.exc import StaleDataError

        with self.engine.connect() as conn:
            conn.execution_options(lh_write=True)
            with Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
                try:
                    with session.begin():
                        yield session
                except StaleDataError:
                    raise StaleEdit(
                        QT_TRANSLATE_NOOP("core", "the record was changed by someone else meanwhile; reload it and "
                                                  "apply your change again")
                    ) from None
                except IntegrityError as exc:
                    raise RuleViolation(
                        QT_TRANSLATE_NOOP("core", "the change clashes with data saved meanwhile ({reason})"),
                        reason=str(exc.orig)) from None
                except OperationalError as exc:
                    if self.read_only and "readonly" in str(exc.orig):
                        assert self.target.sqlite_path is not None
                        raise _read_only_refusal(self.target.sqlite_path) from None
                    busy = _busy_message(exc)
                    if busy is None:
                        raise
                    raise DatabaseBusy(busy) from None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work; nothing it does is committed.

        Closing (not rolling back) detaches the objects read with their values loaded,
        so callers may still read attributes they loaded inside the block.

        On PostgreSQL the connection reads in autocommit mode: each statement sees what is
        committed when it runs (as READ COMMITTED did), without the BEGIN and ROLLBACK that
        cost two more round trips to a distant server. :meth:`read` takes a snapshot of its own.
        """
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn.execution_options(isolation_level="AUTOCOMMIT")
            with Session(bind=conn, expire_on_commit=False, autoflush=False) as session:
                yield session

    def read(self, *queries: Query[Any]) -> list[Any]:
        """The pages of ``queries``, read together: one round trip to a server, one snapshot
        (:mod:`.reading`). A pooled connection the server dropped meanwhile is replaced once:
        reading twice is harmless."""
        from sqlalchemy.exc import DBAPIError

        for attempt in (1, 2):
            try:
                with self.reading() as session:
                    return run_queries(session.connection(), queries)
            except DBAPIError as exc:
                if attempt == 2 or not exc.connection_invalidated:
                    raise
        raise AssertionError("unreachable")

    def flush_to_main_file(self) -> None:
        """Move committed pages from SQLite's write-ahead log into the database file and
        empty the log, so no old copy of an erased row lingers in the ``-wal`` file.

        On PostgreSQL an UPDATE leaves the old row version in the table until VACUUM.
        A plain VACUUM of the tables that hold personal data (run here, outside any
        transaction; it blocks nobody) drops those versions from the tables and their
        indexes (the search index too) and makes the space reusable, but the bytes stay
        on disk until overwritten. Only ``VACUUM FULL people, people_search,
        registrations, registration_events, certificates`` (an exclusive lock: run it when nobody
        works) rewrites the files without them; the server's WAL and base backups keep
        old copies until they are recycled. Both are for the database's administrator.
        """
        if self.dialect == "sqlite":
            with self.engine.connect() as conn:
                conn.connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif self.dialect == "postgresql":
            from sqlalchemy import inspect

            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                present = set(inspect(conn).get_table_names())
                conn.exec_driver_sql(f"VACUUM {', '.join(t for t in PERSONAL_TABLES if t in present)}")

    def close(self) -> None:
        self.engine.dispose()
        if self.whole and self.target.sqlite_path is not None:
            # every change went through SQLite's transactions: the next opening need not check it again
            known_whole.remember_whole(self.target.sqlite_path)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _busy_message(exc: Exception) -> Text | None:
    """The user's words for a lock wait that ran out or a deadlock; None for other errors."""
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if code in ("40001", "40P01"):  # serialization failure, deadlock detected
        return say(QT_TRANSLATE_NOOP("core", "someone else changed the same records at the same moment; nothing was "
                                             "saved, try again"))
    if "database is locked" in str(getattr(exc, "orig", exc)):
        return say(QT_TRANSLATE_NOOP("core", "the database is busy with another program's change; nothing was saved, "
                                             "try again in a moment"))
    return None


def _create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only: it holds personal data.

    Folders are made only for the default database (the user data folder, on a first start):
    a path typed with a mistake in it must not leave new folders and an empty database behind."""
    folder = path.parent
    if not folder.is_dir():
        if path != config.default_database_path().expanduser().resolve():
            missing = folder
            while not missing.parent.is_dir() and missing.parent != missing:
                missing = missing.parent
            raise FolderMissing(
                QT_TRANSLATE_NOOP("core", "{path} cannot be created: the folder {folder} does not exist; "
                                          "nothing was created"),
                path=path, folder=missing)
        folder.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} cannot be created: {reason}; nothing was created"),
                              path=str(path), reason=exc.strerror) from None
    os.close(fd)


def _make_engine(target: Target, read_only: bool = False) -> Engine:
    if target.is_sqlite:
        if read_only:
            assert target.sqlite_path is not None
            uri = read_only_uri(target.sqlite_path)
            engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True,
                                                                                 check_same_thread=False))
        else:
            engine = create_engine(target.url)
        _configure_sqlite(engine, read_only)
        return engine
    check_server_url(target.url)
    from sqlalchemy.engine import make_url

    try:
        psycopg3 = make_url(target.url).get_driver_name() == "psycopg"
        engine = create_engine(target.url, use_native_hstore=False,
                               connect_args={"autocommit": True} if psycopg3 else {})
    except ModuleNotFoundError as exc:  # the driver is an optional extra
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "cannot open {label}: the driver {driver!r} is not installed "
                                                        '(pip install "learninghub-planner[postgres]")'),
                              label=target.label, driver=exc.name) from None
    except ArgumentError as exc:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "--db: not a database URL I can use: {reason}"),
                              reason=str(exc)) from None
    _configure_server(engine)
    return engine


#: A pooled server connection unused for longer than this is checked before use (one round trip).
IDLE_PING_SECONDS = 30.0


def _configure_server(engine: Engine) -> None:
    """Round trips to a distant server are the cost that matters (250 ms each from Chengdu).

    - A new connection starts in autocommit mode, so SQLAlchemy's first-connect checks run
      without a BEGIN and ROLLBACK around them; each connection then turns it off, and
      transactions begin as usual.
    - No ping on every checkout (``pool_pre_ping`` costs a round trip per use): only a
      connection idle for :data:`IDLE_PING_SECONDS` is checked, so one the server or a
      sleeping laptop dropped is replaced before it fails a user's change.
    - No hstore lookup per connection (``use_native_hstore=False``): the schema has none.
    """
    import time

    from sqlalchemy import exc as sa_exc

    @event.listens_for(engine, "connect")
    def _transactional(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.autocommit = False

    @event.listens_for(engine.pool, "checkin")
    def _note_last_use(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info["last_use"] = time.monotonic()

    @event.listens_for(engine.pool, "checkout")
    def _ping_if_idle(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("last_use")
        if last is None or time.monotonic() - last < IDLE_PING_SECONDS:
            return
        try:
            dbapi_conn.execute("SELECT 1")
            if not dbapi_conn.autocommit:
                dbapi_conn.rollback()
        except Exception as exc:  # noqa: BLE001 - any failure: the pool makes a new connection
            raise sa_exc.DisconnectionError(str(exc)) from exc


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction, rolled back on any error."""
    from alembic import command

    is_sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if is_sqlite:
            # Table rebuilds (batch mode) must not cascade deletes; checked again before commit.
            # The pragma works only outside a transaction, hence the raw driver connection.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.execution_options(lh_write=True)
            with conn.begin():
                try:
                    command.upgrade(alembic_config(conn), revision)
                except (RuntimeError, DBAPIError) as exc:
                    raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "the upgrade failed and changed nothing: {reason}"),
                                          reason=str(exc)) from exc
                if is_sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseRefused(
                            QT_TRANSLATE_NOOP("core", "upgrade left {n} broken references; nothing changed"),
                            n=len(broken))
        finally:
            if is_sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _driver_reason(exc: Exception) -> str:
    """The driver's first line ("connection refused", "password authentication failed"), no URL, no password."""
    original = getattr(exc, "orig", exc)
    first = (str(original).strip().splitlines() or ["unknown error"])[0]
    return first.removeprefix("connection failed: ")


def _server_schema_state(conn: Connection) -> tuple[str | None, bool]:
    """(alembic revision, has other tables) of a server database, in one round trip when the
    schema is there (the usual case: the revision is all that is needed); a new or foreign
    database takes a second look at its tables."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import ProgrammingError

    conn.execution_options(isolation_level="AUTOCOMMIT")  # a refused statement aborts no transaction
    try:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except ProgrammingError:  # no such table
        revision = None
    if revision is not None:
        return revision, True
    return None, bool(set(inspect(conn).get_table_names()) - {"alembic_version"})


def unreachable(exc: Exception) -> DatabaseUnreachable:
    """A lost or refused connection in plain words (the driver's first line; no URL, no password)."""
    return DatabaseUnreachable(QT_TRANSLATE_NOOP("core", "the database could not be reached: {reason}"),
                               reason=_driver_reason(exc))


def open_database(path_or_url: str, *, upgrade_to: str = "head", check_integrity: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``path_or_url``.

    Raises :class:`DatabaseRefused` for a file that is not a database, a database of
    another program, or one from a newer version; those are left untouched. So is an
    SQLite file that fails ``PRAGMA quick_check`` (:class:`DatabaseDamaged`, naming its newest
    good backup; ``check_integrity=False`` opens it anyway, for a restore over it), a new file
    in a folder that does not exist (:class:`FolderMissing`) and a malformed server URL.
    A file that may be read but not written opens read-only (``Database.read_only``).
    """
    target = parse_target(path_or_url)
    backup_path: Path | None = None
    read_only = False
    if target.sqlite_path is not None:
        path = target.sqlite_path
        _check_sqlite_file(path)
        existing = path.exists() and path.stat().st_size > 0
        if existing and check_integrity and not known_whole.is_known_whole(path):
            problem = integrity_problem(path)
            if problem is not None:
                known_whole.forget(path)
                raise DatabaseDamaged(
                    QT_TRANSLATE_NOOP("core", "{path} is damaged (SQLite's check found: {reason}); it was not opened "
                                              "and nothing in it was changed"),
                    path=path, problem=problem, backup=newest_good_backup(path))
        try:
            revision, has_tables = _sqlite_schema_state(path)
        except DatabaseRefused:
            if check_integrity or not existing:
                raise
            # A damaged file opened to be written over by a restore: the damage may sit in its schema
            # or its revision, which then cannot be read; it is neither read nor upgraded, only replaced.
            revision, has_tables = SCHEMA_HEAD, True
        needs_upgrade = _check_revision(revision, has_tables, str(path))
        read_only = existing and is_read_only(path)
        if read_only and needs_upgrade:
            raise DatabaseRefused(
                QT_TRANSLATE_NOOP("core", "{path} is read-only and was written by an older version: it must be "
                                          "upgraded before this version can read it, and that is a change (make it "
                                          "writable, or open a writable copy)"),
                path=str(path))
        if revision is not None and needs_upgrade:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_path = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
            backup_sqlite_file(path, backup_path)
        if not path.exists():
            _create_private_file(path)
        engine = _make_engine(target, read_only)
    else:
        engine = _make_engine(target)
        from sqlalchemy.exc import OperationalError

        try:
            with engine.connect() as conn:
                revision, has_tables = _server_schema_state(conn)
        except OperationalError as exc:
            engine.dispose()
            # Chained: the app reads the driver's error code to say what went wrong in its own words.
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "cannot open {label}: {reason}"), label=target.label,
                                  reason=_driver_reason(exc)) from exc
        try:
            needs_upgrade = _check_revision(revision, has_tables, target.label)
        except DatabaseRefused:
            engine.dispose()
            raise
    if needs_upgrade:
        try:
            upgrade(engine, upgrade_to)
        except Exception:
            engine.dispose()
            raise
    return Database(target, engine, backup_path, read_only=read_only, whole=check_integrity)
