"""Stage what the bundle carries as ``learninghub/_data``: ``resources/``, ``forms/`` and ``db/`` as the
wheel has them, and ``prebuilt/``: the forms compiled by uic and the translations by lrelease, now, with
the developer's PySide6 tools (a bundle has neither). The compiled files are named as the app's cache
names them (a hash of the source), so ``gui.forms.cached_build`` uses them as they are.

``python packaging/prebuild.py OUT`` (run by packaging/learninghub.spec; ``packaging/`` is no Python package:
it would hide the ``packaging`` library) fills ``OUT/_data``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "*~", ".*")


def stage(out: Path) -> Path:
    """Fill ``out/_data`` and return it."""
    sys.path.insert(0, str(ROOT))
    from learninghub.gui.forms import built_name, compile_form
    from learninghub.gui.i18n import compile_ts

    data = out / "_data"
    shutil.rmtree(data, ignore_errors=True)
    for name in ("resources", "forms", "db"):
        shutil.copytree(ROOT / name, data / name, ignore=LEFT_OUT)
    for kind, pattern, suffix, build in (("forms", "forms/*.ui", ".py", compile_form),
                                         ("i18n", "resources/i18n/*.ts", ".qm", compile_ts)):
        target = data / "prebuilt" / kind
        target.mkdir(parents=True)
        for source in sorted(ROOT.glob(pattern)):
            build(source, target / built_name(source, suffix))
    return data


if __name__ == "__main__":
    where = stage(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "bundle-data")
    print(f"staged {sum(1 for p in where.rglob('*') if p.is_file())} files in {where}")
