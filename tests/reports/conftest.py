"""The command line's fixtures (a fresh database per test, on SQLite and PostgreSQL)."""

from tests.cli.conftest import cli  # noqa: F401
