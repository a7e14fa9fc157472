"""Where things live: the default database, the shipped resources and migrations.

Settings defaults live in one table (:data:`DEFAULTS`) so a reader finds every
knob in one place, as Calibre's ``gprefs.defaults`` does.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "LearningHubPlanner"
APP_AUTHOR = "LearningHub"
DB_ENV_VAR = "LEARNINGHUB_DB"

#: The repository root when running from a checkout (the supported install: ``pip install -e .``).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
MIGRATIONS_DIR = PROJECT_ROOT / "db"

DEFAULTS: dict[str, object] = {
    "sqlite_busy_timeout_ms": 10_000,
    "backups_kept": 5,
    "search_result_limit": 500,
    "min_attendance_percent": 75,
}


def default_database_path() -> Path:
    """The SQLite file used when neither ``--db`` nor ``LEARNINGHUB_DB`` is given."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "learninghub.sqlite"


def resolve_database(explicit: str | None) -> str:
    """Pick the database: the explicit argument, then the environment, then the default."""
    if explicit:
        return explicit
    from_env = os.environ.get(DB_ENV_VAR, "").strip()
    if from_env:
        return from_env
    return str(default_database_path())


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, refusing paths that would escape it."""
    base = RESOURCES_DIR.resolve()
    path = base.joinpath(*parts).resolve()
    if base != path and base not in path.parents:
        raise ValueError(f"resource path escapes resources/: {'/'.join(parts)}")
    return path
