"""Consistent copies of an SQLite database through SQLite's online backup API.

A plain file copy of a database in WAL mode can miss committed pages still in the
``-wal`` file; the backup API copies a consistent snapshot even while others write.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def backup_sqlite_file(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` (owner-only permissions) and return it."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".part")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, destination)
    return destination
