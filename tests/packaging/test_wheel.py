"""The wheel, installed as a user installs it: built from the sources, ``pip install``-ed (not editable)
into a fresh venv outside the checkout, then run from another folder — the demo, an agenda PDF, an
import, an export, the window offscreen — with the migrations, forms, fonts, demo and translations
it carries. Nothing of the checkout may be used: ``learninghub`` must be imported from the venv.

To stay quick (and offline) the fresh venv reuses the dependencies already installed here through a
``.pth`` line added after the install; the package itself comes only from the wheel.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from learninghub import __version__, config
from tests.packaging.installed import PEOPLE_CSV, gui_runs_quietly, pdf_fonts_and_text, run, user_environment

pytestmark = pytest.mark.slow

#: What a wheel is built from (copied aside, so a build never writes into the checkout).
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "learninghub", "resources", "forms", "db")


def build_wheel(out: Path) -> Path:
    """``pip wheel`` of a copy of the sources; the wheel's path."""
    source = out / "src"
    source.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "_data", "*.egg-info")
    for name in SOURCES:
        origin = config.PROJECT_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=skip)
        else:
            shutil.copy2(origin, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(out / "dist"), str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = (out / "dist").glob("learninghub_planner-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def test_the_wheel_carries_migrations_forms_fonts_demo_translations_and_logos(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "learninghub/_data/"
    for expected in ("db/env.py", "db/script.py.mako", "db/versions/0001_initial_schema.py",
                     "forms/main_window.ui", "resources/fonts/DejaVuSans.ttf", "resources/fonts/DejaVuSans-Bold.ttf",
                     "resources/demo/learning_hub.json", "resources/i18n/learninghub_zh_CN.ts",
                     "resources/i18n/learninghub_en.ts", "resources/logos/learning-hub.jpg",
                     "resources/icons/learninghub.svg"):
        assert data + expected in names, f"{expected} is not in {wheel.name}"
    shipped = {p.relative_to(config.PROJECT_ROOT).as_posix() for folder in ("db", "forms", "resources")
               for p in (config.PROJECT_ROOT / folder).rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".qm")}
    assert {data + s for s in shipped} <= names, "files of db/, forms/ or resources/ missing from the wheel"
    assert not any(n.endswith((".pyc", ".qm")) for n in names)
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_from_the_wheel_it_works_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python, learninghub = venv / "bin" / "python", venv / "bin" / "learninghub"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True, timeout=300)
    # The dependencies: this environment's, after the wheel is in (pip never sees this checkout's install).
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = user_environment(tmp_path / "home", path=f"{venv / 'bin'}:/usr/bin:/bin")
    where = run([str(python), "-c", ("import learninghub, learninghub.config as c; print(learninghub.__file__);"
                 "print(c.PACKAGED)")], env, work).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1] == "True", where
    assert run([str(learninghub), "--version"], env, work).stdout.strip() == f"learninghub {__version__}"

    assert "7 seminars" in run([str(learninghub), "--db", "hub.sqlite", "demo"], env, work).stdout
    run([str(learninghub), "--db", "hub.sqlite", "agenda", "--seminar", "1", "-o", "x.pdf", "--lang", "en+zh"], env, work)
    fonts, embedded, text = pdf_fonts_and_text(work / "x.pdf")
    assert any("DejaVuSans" in f for f in fonts) and embedded, fonts
    assert "Park City Project" in text and "公园城市项目" in text

    (work / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    said = run([str(learninghub), "--db", "hub.sqlite", "import", "people", "people.csv", "--seminar", "1"], env, work)
    assert "created 3" in said.stdout, said.stdout
    run([str(learninghub), "--db", "hub.sqlite", "export", "people", "-o", "people.xlsx"], env, work)
    run([str(learninghub), "--db", "hub.sqlite", "export", "people", "--seminar", "1", "-o", "seminar.csv"], env, work)
    exported = (work / "seminar.csv").read_text(encoding="utf-8-sig")
    assert "王小明" in exported and "Γιώργος" in exported and (work / "people.xlsx").stat().st_size > 0

    # The window, offscreen, in Chinese (its translation compiled from the .ts the wheel carries), on
    # the default database: a new file in the user's data folder.
    database = Path(env["XDG_DATA_HOME"]) / config.APP_NAME / "learninghub.sqlite"
    gui_runs_quietly([str(learninghub), "gui", "--lang", "zh"], env, work, database)
    compiled = list(Path(env["XDG_CACHE_HOME"]).rglob("learninghub_zh_CN_*.qm"))
    assert compiled, "the Chinese translation was not compiled from the wheel's .ts"
