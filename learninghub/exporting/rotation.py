"""The automatic backup made when the app opens a database: the last few copies kept.

Copies go to the user's data folder (platformdirs), one sub-folder per database, so a
database kept in a documents folder does not get a crowd of copies beside it. A copy
identical to the newest one is not kept: opening the app five times without changing
anything must not push out the copies that matter. Only SQLite databases are copied
this way; a shared PostgreSQL database is backed up by its administrator (or with
``learninghub backup -o FILE.jsonl``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .. import config
from ..core.store import Database
from .atomic import atomic_path
from .backup import _copy_sqlite, unique_path

PREFIX = "auto"


def backup_folder(db_path: Path) -> Path:
    """Where the automatic copies of the database at ``db_path`` live (the core finds the newest good
    one there when a database is damaged: one formula, in ``core.backups``)."""
    from ..core.backups import automatic_backup_folder

    return automatic_backup_folder(db_path)


def kept_backups(folder: Path) -> list[Path]:
    """The automatic copies in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}-*.sqlite"))  # the names sort by time


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _untouched_since(live: Path, newest: Path) -> bool:
    """Cheap test, before copying a large file: nothing was written to the database (main
    file or write-ahead log) since well before the newest copy was made."""
    margin_ns = 2_000_000_000  # a write during that copy may be missing from it
    written = max(p.stat().st_mtime_ns for p in (live, live.with_name(live.name + "-wal")) if p.exists())
    return written + margin_ns < newest.stat().st_mtime_ns


def rotating_backup(db: Database, *, folder: Path | None = None, keep: int | None = None) -> Path | None:
    """Copy the database (online backup API) and keep the newest ``keep`` copies.

    Returns the new copy, or None when there is nothing to do (not SQLite, or nothing
    changed since the newest copy). Safe to run on a worker thread: it opens its own
    read-only sqlite3 connection.
    """
    live = db.target.sqlite_path
    if live is None or not live.exists():
        return None
    keep = int(config.DEFAULTS["backups_kept"]) if keep is None else keep  # type: ignore[call-overload]
    folder = folder or backup_folder(live)
    folder.mkdir(parents=True, exist_ok=True)
    kept = kept_backups(folder)
    if kept and _untouched_since(live, kept[-1]):
        return None
    target = unique_path(folder, f"{PREFIX}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}", ".sqlite", stamp=False)
    with atomic_path(target, private=True) as tmp:
        _copy_sqlite(live, tmp)
    existing = [p for p in kept_backups(folder) if p != target]
    if existing and _digest(existing[-1]) == _digest(target):
        target.unlink()
        return None
    for old in kept_backups(folder)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
