"""Where things live: the default database, the shipped resources and migrations.

Settings defaults live in one table (:data:`DEFAULTS`) so a reader finds every
knob in one place, as Calibre's ``gprefs.defaults`` does.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP_NAME = "LearningHubPlanner"
APP_AUTHOR = "LearningHub"
#: The name people see: window titles, the About box, the desktop's task bar.
DISPLAY_NAME = "Learning Hub Planner"
DB_ENV_VAR = "LEARNINGHUB_DB"

#: The repository root when running from a checkout (``pip install -e .``, ``make run``, ``make test``).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _data_root() -> Path:
    """Where ``resources/``, ``forms/`` and ``db/`` are: inside the package once installed, else the checkout.

    A wheel or a bundle carries the three top-level folders of the repository as package data,
    ``learninghub/_data/{resources,forms,db}`` (setup.py copies them there at build time; a bundle
    adds ``_data/prebuilt``: forms and translations compiled when it was built). A checkout has no
    ``_data`` and reads the folders where they are, so an edit shows at the next start.
    """
    packaged = resources.files(__package__ or "learninghub") / "_data"
    if packaged.is_dir():
        if not isinstance(packaged, Path):  # pragma: no cover - a zipped install: Alembic, uic and reportlab need files
            raise RuntimeError(f"Learning Hub Planner must be installed as files, not zipped ({packaged})")
        return packaged
    return PROJECT_ROOT


#: The folder holding ``resources/``, ``forms/`` and ``db/`` (the checkout, or ``learninghub/_data``).
DATA_ROOT = _data_root()
#: True in a wheel or a bundle, False in a checkout.
PACKAGED = DATA_ROOT != PROJECT_ROOT
RESOURCES_DIR = DATA_ROOT / "resources"
FORMS_DIR = DATA_ROOT / "forms"
MIGRATIONS_DIR = DATA_ROOT / "db"
#: Forms and translations compiled when a bundle was built (absent elsewhere: they are compiled into the user cache).
PREBUILT_DIR = DATA_ROOT / "prebuilt"

DEFAULTS: dict[str, object] = {
    "sqlite_busy_timeout_ms": 10_000,
    "backups_kept": 5,
    "search_result_limit": 500,
    "min_attendance_percent": 75,
}


def data_folder() -> Path:
    """The user's data folder: the default database and the automatic backups."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def default_database_path() -> Path:
    """The SQLite file used when neither ``--db`` nor ``LEARNINGHUB_DB`` is given."""
    return data_folder() / "learninghub.sqlite"


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
