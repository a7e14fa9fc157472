"""The programme outline read straight from an SQLite file, without SQLAlchemy.

The app's first screen is the programme tree. Importing SQLAlchemy costs ~200 ms,
as long as a bare Qt window takes to appear; so the tree is read here with the
standard library, read-only, and only from a database already at this program's
schema. Anything else (PostgreSQL, an older or foreign file) returns None and the
app takes the normal path.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .schema import SCHEMA_HEAD


@dataclass(frozen=True)
class SeminarOutline:
    id: int
    title: str
    start_date: dt.date
    end_date: dt.date
    timezone: str
    status: str
    title_zh: str | None = None


@dataclass(frozen=True)
class CurriculumOutline:
    id: int
    title: str
    start_year: int | None
    end_year: int | None
    seminars: list[SeminarOutline] = field(default_factory=list)
    title_zh: str | None = None


def programme_outline(path_or_url: str) -> list[CurriculumOutline] | None:
    """Curricula with their seminars in date order, or None when this is not a current SQLite file."""
    if "://" in path_or_url:
        return None
    path = Path(path_or_url).expanduser()
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("SELECT version_num FROM alembic_version").fetchone() != (SCHEMA_HEAD,):
            return None
        curricula = {
            cid: CurriculumOutline(cid, title, start, end, title_zh=title_zh)
            for cid, title, start, end, title_zh in conn.execute(
                "SELECT id, title, start_year, end_year, title_zh FROM curricula ORDER BY start_year, id"
            )
        }
        for row in conn.execute(
            "SELECT curriculum_id, id, title, start_date, end_date, timezone, status, title_zh FROM seminars "
            "ORDER BY start_date, id"
        ):
            curricula[row[0]].seminars.append(
                SeminarOutline(row[1], row[2], dt.date.fromisoformat(row[3]), dt.date.fromisoformat(row[4]),
                               row[5], row[6], row[7])
            )
        return list(curricula.values())
    except (sqlite3.Error, KeyError, ValueError):
        return None
    finally:
        conn.close()
