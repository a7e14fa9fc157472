"""``make translations``: scan the interface for its strings into the ``.ts`` files translators edit.

One place for how pyside6-lupdate is run, used by the Makefile and by the test that
fails when a ``.ts`` file lags behind the sources (a new string with no translation).
The Python files are listed one by one: given a folder, lupdate skips ``.py`` files.
Locations are left out so a ``.ts`` changes only when a string does, not a line number.

    python -m learninghub.gui.translations_update
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .. import config

# The .ts files: (file, lupdate's extra options). English keeps only the plural forms ("1 person").
TS_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("learninghub_zh_CN.ts", ()),
    ("learninghub_en.ts", ("-pluralonly",)),
)


# Where the core's messages are written (``core.messages.QT_TRANSLATE_NOOP``): the command line speaks English.
CORE_PACKAGES = ("core", "documents", "importing", "exporting", "mailing")


def sources() -> list[Path]:
    """The interface's files (its sub-packages too: one per screen) and forms, and the core's files whose
    messages the interface shows."""
    package = config.PROJECT_ROOT / "learninghub"
    core = [path for name in CORE_PACKAGES for path in sorted((package / name).rglob("*.py"))]
    return (sorted((package / "gui").rglob("*.py")) + sorted(package.glob("*.py")) + core
            + sorted((config.PROJECT_ROOT / "forms").glob("*.ui")))


def lupdate_binary() -> str:
    import PySide6

    binary = Path(PySide6.__file__).parent / "lupdate"
    return str(binary) if binary.exists() else "pyside6-lupdate"


def update(ts_file: Path, options: tuple[str, ...] = ()) -> str:
    """Bring ``ts_file`` up to date with the sources (translations kept, vanished strings dropped)."""
    result = subprocess.run([lupdate_binary(), *map(str, sources()), "-no-obsolete", "-locations", "none",
                             *options, "-ts", str(ts_file)], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"lupdate failed on {ts_file.name}: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def main() -> int:
    from .i18n import I18N_DIR

    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for name, options in TS_FILES:
        out = update(I18N_DIR / name, options)
        print(f"{name}: " + " ".join(line.strip() for line in out.splitlines() if "Found" in line or "Strip" in line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
