"""Running an installed Learning Hub Planner (a wheel in a fresh venv, or the bundle) as a user would:
from a folder of its own, with a home, data, cache and config of its own and nothing of this checkout.

A plain module, not a conftest: the two packaging tests import what they use by name.
"""

from __future__ import annotations

import io
import sqlite3
import subprocess
import time
from pathlib import Path

from pypdf import PdfReader

#: Lines the offscreen platform prints on its own (also ignored in pyproject's qt_log_ignore): not ours.
QT_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")

#: A sheet to import: a Chinese name (its country in Chinese: pycountry's zh_CN names), a Greek one, a Latin one.
PEOPLE_CSV = "Name,Email,Organisation,City,Country\r\n" \
             "王小明,wang.xiaoming@example.cn,四川大学,成都,中国\r\n" \
             "Γιώργος Παπαδόπουλος,giorgos@example.gr,Δήμος Αθηναίων,Athens,GR\r\n" \
             "Núria Puig,nuria@example.es,Ajuntament de Barcelona,Barcelona,ES\r\n"


def user_environment(home: Path, path: str = "/usr/bin:/bin") -> dict[str, str]:
    """What ``env -i`` leaves plus a user's folders, all under ``home``: no venv, no PYTHONPATH, no
    variables of this test run (its XDG_CACHE_HOME, QT_* settings), the offscreen platform."""
    for sub in ("data", "cache", "config", "state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "PATH": path, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}


def run(command: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``command``; fail the test with its output if it fails."""
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{command} exited {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    return done


def pdf_fonts_and_text(path: Path) -> tuple[set[str], bool, str]:
    """The font names of a PDF, whether every TrueType font is embedded, and its text."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    names, embedded = set(), True
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont")))
            descriptors = [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            for descriptor in filter(None, descriptors):
                d = descriptor.get_object()
                if str(font.get("/Subtype")) in ("/TrueType", "/Type0") and not (
                        "/FontFile2" in d or "/FontFile" in d or "/FontFile3" in d):
                    embedded = False
    return names, embedded, "\n".join(page.extract_text() for page in reader.pages)


def gui_runs_quietly(command: list[str], env: dict[str, str], cwd: Path, database: Path, seconds: float = 5) -> None:
    """Start the app, see it create and migrate ``database`` and stay up ``seconds`` without a word on
    stderr or in the error log (``errors.log`` under the user's folders), then end it."""
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        started = time.monotonic()
        while time.monotonic() - started < seconds and process.poll() is None:
            time.sleep(0.1)
        assert process.poll() is None, f"the app ended after {time.monotonic() - started:.1f} s"
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
    told = [line for line in (out + err).splitlines() if line.strip() and not line.startswith(QT_OFFSCREEN_NOISE)]
    assert told == [], "the app said:\n" + "\n".join(told)
    home = Path(env["HOME"])
    logs = [p for p in home.rglob("errors.log*")]
    assert logs == [], f"errors logged: {logs}: {logs[0].read_text(encoding='utf-8')}"
    assert database.exists(), f"the app did not make its database {database}"
    with sqlite3.connect(database) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision, "the database was not migrated"
