"""The command-line contract (docs/cli.md): JSON fields, exit codes, one-line refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import make_programme

SEMINAR_FIELDS = {"id", "curriculum_id", "title", "kind", "format", "start", "end", "timezone", "venue", "city",
                  "capacity", "status"}
SESSION_FIELDS = {"id", "seminar_id", "title", "kind", "start", "end", "room", "speakers"}
PERSON_FIELDS = {"id", "given_name", "family_name", "native_name", "email", "organisation", "city", "country",
                 "role", "title"}
REGISTRATION_FIELDS = {"id", "seminar_id", "person_id", "status"}


def test_objects_carry_the_contract_fields(cli) -> None:
    ids = make_programme(cli)
    seminars = cli.json("seminar", "list")
    assert isinstance(seminars, list) and SEMINAR_FIELDS <= set(seminars[0])
    assert seminars[0]["start"] == "2020-07-13" and seminars[0]["timezone"] == "Asia/Shanghai"
    assert seminars[0]["city"] == "Chengdu" and seminars[0]["capacity"] == 1
    session = cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Opening ceremony",
                       "--start", "2020-07-15 09:30", "--end", "2020-07-15 10:15", "--room", "Hall A",
                       "--speaker", str(ids["person"]), "--kind", "ceremony")
    assert SESSION_FIELDS <= set(session)
    assert session["start"] == "2020-07-15T09:30:00+08:00"
    assert session["speakers"] == [{"id": ids["person"], "name": "李佳 (Jia Li)"}]
    agenda = cli.json("session", "list", "--seminar", str(ids["seminar"]), "--tz", "Europe/Madrid")
    assert agenda[0]["start"] == "2020-07-15T03:30:00+02:00"
    person = cli.json("person", "show", str(ids["person"]))
    assert PERSON_FIELDS <= set(person) and person["native_name"] == "李佳"
    registration = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    assert REGISTRATION_FIELDS <= set(registration) and registration["status"] == "registered"


def test_full_seminar_waitlists_and_cancellation_promotes(cli) -> None:
    ids = make_programme(cli)
    other = cli.json("person", "add", "--given", "Hyeon-suk", "--family", "Han", "--native-name", "한현숙")
    first = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    second = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(other["id"]))
    assert (first["status"], second["status"]) == ("registered", "waitlisted")
    cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]), "--status", "cancelled")
    statuses = {r["person_id"]: r["status"] for r in cli.json("registration", "list", "--seminar", str(ids["seminar"]))}
    assert statuses == {ids["person"]: "cancelled", other["id"]: "registered"}
    history = cli.json("registration", "history", str(second["id"]))["history"]
    assert [(h["from"], h["to"]) for h in history] == [(None, "waitlisted"), ("waitlisted", "registered")]


def test_check_in(cli) -> None:
    ids = make_programme(cli)
    session = cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Talk",
                       "--start", "2020-07-13 09:00", "--end", "2020-07-13 10:00")
    cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    record = cli.json("attend", "--session", str(session["id"]), "--person", str(ids["person"]))
    assert record["session_id"] == session["id"] and record["checked_in_at"].endswith("+08:00")
    code, _, err = cli("attend", "--session", str(session["id"]), "--person", str(ids["person"]))
    assert code == 1 and "already checked in" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["seminar", "add", "--curriculum", "1", "--title", "X", "--start", "2020-07-17", "--end", "2020-07-13",
          "--tz", "Asia/Shanghai"], "end: last day 2020-07-13 is before the first day 2020-07-17"),
        (["seminar", "add", "--curriculum", "1", "--title", "X", "--start", "2020-07-13", "--end", "2020-07-13",
          "--tz", "Asia/Chengdu"], "timezone: unknown time zone 'Asia/Chengdu'"),
        (["person", "add", "--given", "X", "--family", "Y", "--email", "LI.JIA@example.CN"],
         "email: LI.JIA@example.CN is already the address of person"),
        (["person", "add", "--given", "X", "--family", "Y", "--email", "nope"], "email: 'nope' is not an email address"),
        (["session", "add", "--seminar", "1", "--title", "Late", "--start", "2020-07-18 07:00",
          "--end", "2020-07-18 08:00"], "outside the seminar's days"),
        (["seminar", "show", "99"], "seminar: there is no seminar with id 99"),
    ],
)
def test_refusals_are_one_line_with_exit_1(cli, args: list[str], message: str) -> None:
    make_programme(cli)
    code, out, err = cli(*args)
    assert code == 1
    assert err.startswith("learninghub: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_usage_error_exits_2(cli) -> None:
    with pytest.raises(SystemExit) as info:
        cli("seminar", "add", "--title", "no curriculum")
    assert info.value.code == 2


def test_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    path = tmp_path / "from-env.sqlite"
    env = {**os.environ, "LEARNINGHUB_DB": str(path)}
    result = subprocess.run([sys.executable, "-m", "learninghub", "init"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert path.exists() and str(path) in result.stdout


def test_refusing_a_non_database_via_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n")
    result = subprocess.run([sys.executable, "-m", "learninghub", "--db", str(path), "init"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "is not a Learning Hub database" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text() == "just some notes\n"


@pytest.mark.sqlite_only("reads the SQLite file's bytes; PostgreSQL: tests/robustness/test_postgres.py")
def test_erase_leaves_no_trace_in_the_database_files(cli, tmp_path: Path) -> None:
    """Not just the row: the file's bytes, the search index and the write-ahead log."""
    ids = make_programme(cli)
    cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    cli.json("person", "edit", str(ids["person"]), "--notes", "vegetarian; prefers Mandarin")
    erased = cli.json("person", "erase", str(ids["person"]))
    assert erased["erased"] and erased["email"] is None and erased["native_name"] is None
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("cli.sqlite"))
    for secret in ("li.jia@example.cn", "李佳", "vegetarian", "Professor"):
        assert secret.encode() not in raw, f"{secret!r} is still in the database files"
    seminars = cli.json("seminar", "list")
    assert seminars[0]["seats_taken"] == 1  # the registration still counts
