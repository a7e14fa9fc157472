"""Which SQLite files were last seen whole, so opening one again needs no new integrity check.

``PRAGMA quick_check`` reads every page: 2 ms on the demo, 0.2-0.3 s on 100,000 people, paid
by every command of the command line. A file is remembered as whole, by its size, modification
time and inode, after it passed the check and after this program closed it (every change it made
went through SQLite's transactions). Anything else that touches the file afterwards (a crash during
a checkpoint, another program, a copy over it) changes that fingerprint, and the next opening
checks it again. The marks live in one small JSON file in the user's cache folder; losing it costs
one check per file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

#: At most this many files are remembered (the most recent ones).
KEPT = 200


def _marks_file() -> Path:
    from platformdirs import user_cache_path

    from .. import config

    return user_cache_path(config.APP_NAME, config.APP_AUTHOR) / "whole-databases.json"


def _fingerprint(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev]


def _read() -> dict[str, list[int]]:
    try:
        marks = json.loads(_marks_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return marks if isinstance(marks, dict) else {}


def is_known_whole(path: Path) -> bool:
    """True when ``path`` is exactly as it was when last seen whole."""
    found = _fingerprint(path)
    return found is not None and _read().get(str(path.resolve())) == found


def remember_whole(path: Path) -> None:
    """Remember ``path`` as whole as it is now. Never fails: a mark not written costs one check."""
    found = _fingerprint(path)
    if found is None:
        return
    marks = _read()
    marks.pop(str(path.resolve()), None)
    marks[str(path.resolve())] = found
    _write(dict(list(marks.items())[-KEPT:]))


def forget(path: Path) -> None:
    """``path`` is to be checked at its next opening (it was found damaged)."""
    marks = _read()
    if marks.pop(str(path.resolve()), None) is not None:
        _write(marks)


def _write(marks: dict[str, list[int]]) -> None:
    """The marks written whole or not at all (another process may read them meanwhile)."""
    target = _marks_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".whole-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(marks, out)
        os.replace(temporary, target)
    except OSError:
        pass
