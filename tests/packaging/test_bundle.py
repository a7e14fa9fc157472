"""The one-folder app (``make bundle``) run as on a machine without Python: a clean environment (as ``env -i``:
no venv on PATH, no PYTHONPATH, a home of its own), from another folder. ``--version``, the demo, an import
with a country named in Chinese, an agenda PDF in Chinese with its fonts embedded, and the window up
offscreen for 5 seconds on a fresh database in the user's data folder, with forms and translations the
bundle carries compiled (nothing compiled into the user's cache).

Skipped when no bundle was built: ``make bundle`` (or LEARNINGHUB_BUNDLE=path/to/the/folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from learninghub import __version__, config
from tests.packaging.installed import PEOPLE_CSV, gui_runs_quietly, pdf_fonts_and_text, run, user_environment

BUNDLE = Path(os.environ.get("LEARNINGHUB_BUNDLE") or config.PROJECT_ROOT / "dist" / "learninghub")
EXECUTABLE = BUNDLE / "learninghub"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not EXECUTABLE.is_file(),
                                 reason=f"no bundle built at {BUNDLE}: `make bundle` builds it (.ci/run does)")]


def test_the_bundle_runs_commands_and_the_window_without_python(tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = user_environment(tmp_path / "home")  # PATH=/usr/bin:/bin: no venv
    exe = str(EXECUTABLE)

    assert run([exe, "--version"], env, work).stdout.strip() == f"learninghub {__version__}"
    assert "7 seminars" in run([exe, "--db", "hub.sqlite", "demo"], env, work).stdout
    (work / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    assert "created 3" in run([exe, "--db", "hub.sqlite", "import", "people", "people.csv", "--seminar", "1"],
                              env, work).stdout
    shown = run([exe, "--db", "hub.sqlite", "person", "list", "--search", "wang xiaoming", "--json"], env, work)
    assert '"country": "CN"' in shown.stdout, shown.stdout

    run([exe, "--db", "hub.sqlite", "agenda", "--seminar", "1", "--lang", "zh", "-o", "议程.pdf"], env, work)
    fonts, embedded, text = pdf_fonts_and_text(work / "议程.pdf")
    assert "公园城市项目" in text and "李佳" in text, text[:400]
    assert embedded, f"a font is not embedded: {fonts}"
    assert any("DejaVuSans" in f for f in fonts) and len(fonts) >= 2, fonts  # Latin and CJK faces

    # No arguments: the window, in Chinese, on a new database in the user's data folder.
    database = Path(env["XDG_DATA_HOME"]) / config.APP_NAME / "learninghub.sqlite"
    gui_runs_quietly([exe], {**env, "LEARNINGHUB_LANG": "zh"}, work, database, seconds=5)
    cache = Path(env["XDG_CACHE_HOME"]) / config.APP_NAME
    assert not (cache / "forms").exists() and not (cache / "i18n").exists(), "the bundle compiled forms at run time"
