"""Opening a database that should not be opened as asked: each ends in a refusal in plain
words (stderr, exit status 1, no traceback) and leaves the database as it was (SQLite file
byte-identical, PostgreSQL rows identical) (issue 19).

- a read-only file or folder: reading works, every change is refused;
- a damaged file (a page overwritten): refused untouched, naming the newest good backup
  and the command that restores it;
- a malformed server URL: says what is wrong with it, never its password;
- a path in folders that do not exist: refused, nothing created.

The command line runs in a subprocess, as a user types it. Root ignores file permissions,
so as root the read-only cases run without the capabilities that let it (setpriv drops
CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: the kernel then checks the permission bits).
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from learninghub.core.store import open_database
from tests.databases import snapshot

READ_ONLY_WORDS = "is read-only: it can be read but not changed"


def run(*args: str | Path, env: dict[str, str], unprivileged: bool = False,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "import sys; from learninghub.cli import main; sys.exit(main())",
               *map(str, args)]
    if unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot make a file unwritable for this process")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    return subprocess.run(command, check=False, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def refused(result: subprocess.CompletedProcess[str], words: str) -> str:
    """The refusal's text; asserts exit status 1, the words, and no traceback anywhere."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    assert result.stderr.startswith("learninghub: error: "), output
    assert words in result.stderr, output
    return result.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The user's data folder (automatic backups, the default database) inside the test's folder."""
    values = {k: v for k, v in os.environ.items() if k != "LEARNINGHUB_DB"}
    values["XDG_DATA_HOME"] = str(tmp_path / "data")
    return values


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    result = run("--db", path, "demo", env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo database (41 people), in a folder of its own."""
    folder = tmp_path / "hub"
    folder.mkdir()
    return Path(shutil.copy(demo_file, folder / "demo.sqlite"))


@pytest.fixture
def unwritable() -> Iterator[list[Path]]:
    """Paths made read-only by a test; their permissions are given back afterwards (pytest cleans up)."""
    made: list[Path] = []
    yield made
    for path in made:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


# -- read-only


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_reads_and_refuses_every_change(demo: Path, env, unwritable, what: str) -> None:
    target = demo if what == "file" else demo.parent
    target.chmod(0o444 if what == "file" else 0o555)
    unwritable.append(target)
    before, listing = digest(demo), sorted(p.name for p in demo.parent.iterdir())

    shown = run("--db", demo, "person", "list", env=env, unprivileged=True)
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    assert "Zhou" in shown.stdout and len(shown.stdout.splitlines()) == 42  # a heading and 41 people
    assert run("--db", demo, "seminar", "list", env=env, unprivileged=True).returncode == 0

    for change in (("person", "add", "--given", "Ada", "--family", "Lovelace"), ("demo", "--force")):
        message = refused(run("--db", demo, *change, env=env, unprivileged=True), READ_ONLY_WORDS)
        assert str(demo) in message and "nothing was saved" in message
    assert digest(demo) == before
    if what == "folder":
        assert sorted(p.name for p in demo.parent.iterdir()) == listing, "nothing was written beside it either"


def test_a_new_database_in_a_read_only_folder_is_refused(tmp_path: Path, env, unwritable) -> None:
    folder = tmp_path / "shelf"
    folder.mkdir()
    folder.chmod(0o555)
    unwritable.append(folder)
    refused(run("--db", folder / "new.sqlite", "init", env=env, unprivileged=True), "cannot be created")
    assert list(folder.iterdir()) == []


# -- damaged


def damage(path: Path) -> None:
    """Overwrite one page in the middle of the file (a valid header, a b-tree page of garbage)."""
    page = 4096
    pages = path.stat().st_size // page
    with path.open("r+b") as fh:
        fh.seek((pages // 2) * page)
        fh.write(b"\xa5" * page)


@pytest.mark.parametrize("command", [("person", "list"), ("demo", "--force"), ("init",),
                                     ("person", "add", "--given", "Ada", "--family", "Lovelace")])
def test_a_damaged_file_is_refused_untouched(demo: Path, env, command: tuple[str, ...]) -> None:
    damage(demo)
    before = digest(demo)
    message = refused(run("--db", demo, *command, env=env), f"{demo} is damaged (SQLite's check found: ")
    assert "it was not opened and nothing in it was changed" in message
    assert "no backup of it was found" in message and f"--db {demo} restore FILE" in message
    assert digest(demo) == before


def test_a_damaged_file_names_its_newest_good_backup_and_the_restore_command_works(demo: Path, env) -> None:
    from learninghub.core.backups import automatic_backup_folder

    # the app's automatic copy (good, older), and a copy beside it made later but itself damaged
    folder = Path(env["XDG_DATA_HOME"]) / "LearningHubPlanner"
    good = _auto_copy(demo, env)
    later = demo.with_name("demo.before-restore-20991231-000000.sqlite")
    shutil.copy(demo, later)
    damage(later)
    damage(demo)
    before = digest(demo)
    assert folder in good.parents and good.parent == _in_env(env, automatic_backup_folder, demo)

    message = refused(run("--db", demo, "person", "list", env=env), "is damaged")
    assert f"the newest good backup is {good} (made " in message
    suggested = re.search(r"restore it with: (learninghub .*)$", message.strip()).group(1)
    assert suggested == f"learninghub --db {demo} restore {good}"
    assert digest(demo) == before

    restored = run(*shlex.split(suggested)[1:], env=env)
    assert restored.returncode == 0 and "Traceback" not in restored.stderr, restored.stderr
    listed = run("--db", demo, "person", "list", env=env)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 42


def _in_env(env: dict[str, str], function, *args):  # type: ignore[no-untyped-def]
    """``function(*args)`` with this test's user data folder (platformdirs reads XDG_DATA_HOME)."""
    saved = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = env["XDG_DATA_HOME"]
    try:
        return function(*args)
    finally:
        if saved is None:
            del os.environ["XDG_DATA_HOME"]
        else:
            os.environ["XDG_DATA_HOME"] = saved


def _auto_copy(db_path: Path, env: dict[str, str]) -> Path:
    """The automatic backup the app makes on opening (exporting/rotation.py), into this test's data folder."""
    from learninghub.exporting.rotation import rotating_backup

    def make() -> Path:
        with open_database(str(db_path)) as db:
            copy = rotating_backup(db)
        assert copy is not None
        os.utime(copy, (1_700_000_000, 1_700_000_000))  # older than the copy beside it
        return copy

    return _in_env(env, make)


def test_the_automatic_backup_folder_is_the_one_rotation_uses(tmp_path: Path) -> None:
    from learninghub.core.backups import automatic_backup_folder
    from learninghub.exporting.rotation import backup_folder

    assert automatic_backup_folder(tmp_path / "x.sqlite") == backup_folder(tmp_path / "x.sqlite")


def test_integrity_check_of_a_whole_file_finds_nothing(demo: Path) -> None:
    from learninghub.core.backups import integrity_problem

    assert integrity_problem(demo) is None
    damage(demo)
    assert integrity_problem(demo)


# -- server URLs

PASSWORD = "s3cr3t-Pa55"


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql+psycopg://::::/", "the port must be a number from 1 to 65535, not ''"),
    (f"postgresql+psycopg://u:{PASSWORD}@h:abc/db", "the port must be a number from 1 to 65535, not 'abc'"),
    (f"postgresql+psycopg://u:{PASSWORD}@h:99999/db", "the server URL has port 99999: a port is a number from 1"),
    (f"postgresql+psycopg://u:{PASSWORD}@h:0/db", "has port 0"),
    (f"mysql://u:{PASSWORD}@h/db", "mysql:// is not a database this program can use"),
    ("foo://x", "foo:// is not a database this program can use"),
    (f"postgresql+nodriver://u:{PASSWORD}@h/db", "postgresql+nodriver:// names a driver this program does not know"),
    (f"postgresql+psycopg://u:{PASSWORD}@h:5432", "the server URL names no database"),
])
def test_a_malformed_server_url_is_refused_saying_what_is_wrong(url: str, words: str, env) -> None:
    result = run("--db", url, "seminar", "list", env=env)
    message = refused(result, words)
    assert PASSWORD not in result.stdout + message


def test_a_malformed_variant_of_a_real_url_changes_nothing(db_url: str, db_kind: str, env, tmp_path: Path) -> None:
    with open_database(db_url) as db:
        with db.transaction() as s:
            from learninghub.core.services import demo

            demo.load_demo(s)
        before = snapshot(db)
    if db_kind == "sqlite":
        variants = [(f"sqlite:///{tmp_path}/missing/{Path(db_url).name}", "does not exist")]
    else:
        from sqlalchemy.engine import make_url

        real = make_url(db_url).set(password=PASSWORD)
        text = real.render_as_string(hide_password=False)
        host = f"{real.host}:{real.port}" if real.port else real.host
        variants = [(text.replace(host, f"{real.host}:99999"), "has port 99999"),
                    (text.replace(host, f"{real.host}:5x32"), "not '5x32'"),
                    (text.replace("postgresql+psycopg://", "postgresql+nodriver://"), "names a driver")]
    for url, words in variants:
        for command in (("person", "list"), ("demo", "--force")):
            result = run("--db", url, *command, env=env)
            assert PASSWORD not in refused(result, words) + result.stdout
    with open_database(db_url) as db:
        assert snapshot(db) == before


# -- folders that do not exist


def test_a_path_in_folders_that_do_not_exist_is_refused_and_nothing_is_made(tmp_path: Path, env) -> None:
    message = refused(run("--db", "nothere/sub/x.sqlite", "seminar", "list", env=env, cwd=tmp_path),
                      f"the folder {tmp_path / 'nothere'} does not exist")
    assert "nothing was created" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    suggested = message.split("on purpose: ", 1)[1].strip()
    assert suggested == f"mkdir -p {tmp_path / 'nothere' / 'sub'} && learninghub --db {tmp_path / 'nothere/sub/x.sqlite'} init"
    # made on purpose, it works: a new database where the folder exists
    (tmp_path / "nothere" / "sub").mkdir(parents=True)
    made = run("--db", "nothere/sub/x.sqlite", "init", env=env, cwd=tmp_path)
    assert made.returncode == 0 and (tmp_path / "nothere/sub/x.sqlite").is_file(), made.stderr


def test_a_new_database_in_an_existing_folder_is_still_created(tmp_path: Path, env) -> None:
    result = run("--db", tmp_path / "fresh.sqlite", "seminar", "list", env=env)
    assert result.returncode == 0 and (tmp_path / "fresh.sqlite").is_file(), result.stderr


def test_the_default_database_is_made_with_its_folders_on_a_first_start(tmp_path: Path, env) -> None:
    env["XDG_DATA_HOME"] = str(tmp_path / "first" / "start")
    result = run("seminar", "list", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "first/start/LearningHubPlanner/learninghub.sqlite").is_file()
