"""The same tests on SQLite and on PostgreSQL: a ``db_kind`` parameter and fresh databases.

Tests in the directories of ``BOTH_DATABASES`` that use the ``db`` fixture (or ``db_url``)
run twice, ``[sqlite]`` and ``[postgresql]``. PostgreSQL needs a server: pass
``--pg URL`` or set ``LEARNINGHUB_TEST_PG_URL`` to a URL of any database on it whose
user may create databases (``postgresql+psycopg://postgres@127.0.0.1:55432/postgres``);
without one the ``[postgresql]`` runs are skipped, saying so. ``.ci/run`` starts a
throwaway server and sets the variable, so on CI they run (``LEARNINGHUB_TEST_PG_REQUIRED=1``
turns a missing server into a failure).

Each test gets its own database, copied from a template migrated once per run
(``CREATE DATABASE ... TEMPLATE``: about 30 ms, where migrating takes a second).

Tests that read the SQLite file itself (sqlite3, PRAGMAs, file headers, WAL bytes)
stay SQLite-only: those that take ``db_path`` are recognised, others carry
``@pytest.mark.sqlite_only``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from learninghub.core.store import Database, open_database

#: Test directories whose database tests run on both databases.
BOTH_DATABASES = ("core", "cli", "importing", "robustness", "reports", "mail", "evaluations")

_counter = itertools.count(1)

#: What tests/conftest.py takes in: pytest hooks and fixtures.
__all__ = [
    "db_kind", "db_url", "fresh_db_url", "pg_server", "pytest_addoption", "pytest_configure", "pytest_generate_tests",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg", metavar="URL", default=None,
        help="also run the database tests on PostgreSQL at URL (default: $LEARNINGHUB_TEST_PG_URL)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): reads or writes the SQLite file itself")
    config.addinivalue_line("markers", "crash: kills processes with SIGKILL (run by .ci/run)")


def pg_base_url(config: pytest.Config) -> str | None:
    return config.getoption("--pg") or os.environ.get("LEARNINGHUB_TEST_PG_URL") or None


def _wants_both(metafunc: pytest.Metafunc) -> bool:
    if "db_kind" not in metafunc.fixturenames or "db_path" in metafunc.fixturenames:
        return False
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return False
    parts = Path(str(metafunc.definition.path)).parts
    return "tests" in parts and parts[parts.index("tests") + 1] in BOTH_DATABASES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not _wants_both(metafunc):
        return
    params: list[Any] = ["sqlite"]
    if pg_base_url(metafunc.config) or os.environ.get("LEARNINGHUB_TEST_PG_REQUIRED"):
        params.append("postgresql")  # without a URL, pg_server fails these runs
    else:
        params.append(pytest.param("postgresql", marks=pytest.mark.skip(
            reason="no PostgreSQL server: pass --pg URL or set LEARNINGHUB_TEST_PG_URL (.ci/run does)")))
    metafunc.parametrize("db_kind", params, indirect=True)


class PostgresServer:
    """Creates and drops throwaway databases on one server, copied from a migrated template."""

    def __init__(self, base_url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.base = make_url(base_url)
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self.prefix = f"lh_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self._execute(f'CREATE DATABASE "{self.template}" ENCODING \'UTF8\' TEMPLATE template0')
        open_database(self.url(self.template)).close()

    def url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def create(self, *, migrated: bool = True, template: str | None = None) -> str:
        """A new database: up to date, empty (``migrated=False``), or a copy of ``template``."""
        name = f"{self.prefix}_{next(_counter)}"
        source = template or (self.template if migrated else "template0")
        self._execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{source}"')
        return name

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    base = pg_base_url(request.config)
    if not base and os.environ.get("LEARNINGHUB_TEST_PG_REQUIRED"):
        pytest.fail("LEARNINGHUB_TEST_PG_REQUIRED is set but no PostgreSQL URL was given (--pg or LEARNINGHUB_TEST_PG_URL)")
    if not base:
        pytest.skip("no PostgreSQL server: pass --pg URL or set LEARNINGHUB_TEST_PG_URL")
    server = PostgresServer(base)
    yield server
    server.close()


@pytest.fixture
def db_kind(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``; tests outside the parametrised set get ``sqlite``."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def fresh_db_url(request: pytest.FixtureRequest, db_kind: str, tmp_path: Path) -> Callable[..., str]:
    """Make a new empty (``migrated=False``) or up-to-date database of this test's kind; return its URL."""
    made: list[str] = []

    def make(name: str = "hub", *, migrated: bool = True) -> str:
        if db_kind == "sqlite":
            path = tmp_path / f"{name}.sqlite"
            if migrated and not path.exists():
                open_database(str(path)).close()
            return str(path)
        server: PostgresServer = request.getfixturevalue("pg_server")
        made.append(server.create(migrated=migrated))
        return server.url(made[-1])

    yield make  # type: ignore[misc]
    if made:
        server = request.getfixturevalue("pg_server")
        for name in made:
            server.drop(name)


@pytest.fixture
def db_url(fresh_db_url: Callable[..., str]) -> str:
    """One up-to-date database of this test's kind (a file path for SQLite, a URL for PostgreSQL)."""
    return fresh_db_url("cli")


def open_test_database(request: pytest.FixtureRequest, db_kind: str) -> Database:
    if db_kind == "sqlite":
        return open_database(str(request.getfixturevalue("db_path")))
    return open_database(request.getfixturevalue("fresh_db_url")("hub"))


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index included on PostgreSQL), read outside the app's session."""
    if db.target.sqlite_path is not None:
        from tests.conftest import table_snapshot

        return table_snapshot(db.target.sqlite_path)
    from sqlalchemy import inspect, text

    with db.engine.connect() as conn:
        tables = sorted(set(inspect(conn).get_table_names()) - {"alembic_version"})
        return {t: sorted(conn.execute(text(f'SELECT * FROM "{t}"')).all(), key=repr) for t in tables}

