"""Write a file so that readers see either the old file or the whole new one.

A half-written export (disk full, crash, Ctrl+C) must never replace a good file:
write to a temporary file in the same folder, then rename it over the target.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP


def check_target(path: Path, where: str = "-o") -> Path:
    """Refuse an output path that cannot be written (a folder, a missing folder) before any work."""
    if path.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{path} is a folder; give a file name"), where=where,
                              path=str(path))
    if not path.parent.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "folder {folder} does not exist"), where=where,
                              folder=str(path.parent))
    return path


@contextmanager
def atomic_path(target: Path, *, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` if the block succeeds.

    ``private`` keeps the file readable by its owner only (backups hold personal data).
    """
    target = Path(target)
    check_target(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        if not private:
            # mkstemp makes 0600 files; an export is an ordinary document.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
