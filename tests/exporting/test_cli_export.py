"""`learninghub export people|attendance|ics`, `backup` and `restore` from the command line."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import icalendar
import openpyxl
import pytest

from tests.databases import snapshot

from .conftest import World


def test_export_people_csv_and_xlsx(run_cli, world: World, tmp_path: Path) -> None:
    code, out, err = run_cli("export", "people", "-o", tmp_path / "all.csv")
    assert code == 0, err
    assert "4 people written to" in out
    with open(tmp_path / "all.csv", encoding="utf-8-sig", newline="") as fh:
        names = {r["Native name"] for r in csv.DictReader(fh)}
    assert {"李佳", "한현숙", "Ελένη Παπαδοπούλου"} <= names
    code, out, err = run_cli("export", "people", "--seminar", world.seminar, "-o", tmp_path / "s.xlsx", "--json")
    assert code == 0, err
    assert json.loads(out) == {"id": world.seminar, "file": str(tmp_path / "s.xlsx"), "rows": 4}
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert ws.cell(1, ws.max_column - 1).value == "Status"


def test_export_attendance_and_ics(run_cli, world: World, tmp_path: Path) -> None:
    code, out, err = run_cli("export", "attendance", "--seminar", world.seminar, "-o", tmp_path / "a.xlsx", "--json")
    assert code == 0, err
    assert json.loads(out)["people"] == 4 and json.loads(out)["sessions"] == 5
    code, out, err = run_cli("export", "ics", "--seminar", world.seminar, "-o", tmp_path / "s.ics")
    assert code == 0, err
    cal = icalendar.Calendar.from_ical((tmp_path / "s.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 3  # the seminar's days, the series, the closing
    code, _, err = run_cli("export", "ics", "--curriculum", world.curriculum, "-o", tmp_path / "c.ics")
    assert code == 0, err


def test_export_refusals_are_one_line(run_cli, world: World, tmp_path: Path) -> None:
    for args, message in [
        (("export", "people", "-o", tmp_path / "p.pdf"), "must end in .csv or .xlsx"),
        (("export", "attendance", "--seminar", "999", "-o", tmp_path / "a.xlsx"), "no seminar with id 999"),
        (("export", "ics", "--seminar", world.seminar, "-o", tmp_path / "missing" / "s.ics"), "does not exist"),
    ]:
        code, _, err = run_cli(*args)
        assert code == 1 and message in err and err.count("\n") == 1, err


def test_backup_and_restore_commands(run_cli, db, world: World, tmp_path: Path) -> None:
    before = snapshot(db)
    code, out, err = run_cli("backup", "-o", tmp_path / "hub-backup.sqlite", "--json")
    assert code == 0, err
    assert json.loads(out)["format"] == ("sqlite" if db.target.sqlite_path else "dump")
    code, _, err = run_cli("person", "add", "--given", "Wei", "--family", "Zhang", "--native-name", "张伟")
    assert code == 0, err
    code, out, err = run_cli("restore", tmp_path / "hub-backup.sqlite")
    assert code == 0, err
    assert "restored" in out and "kept as" in out
    assert snapshot(db) == before


@pytest.mark.sqlite_only
def test_restore_refusal_leaves_the_database_untouched(run_cli, db, world: World, tmp_path: Path) -> None:
    bogus = tmp_path / "people.csv"
    bogus.write_text("Name,Email\n李佳,li@example.cn\n", encoding="utf-8")
    db.flush_to_main_file()
    sha = hashlib.sha256(db.target.sqlite_path.read_bytes()).hexdigest()
    code, _, err = run_cli("restore", bogus)
    assert code == 1 and "is not a Learning Hub backup" in err
    assert hashlib.sha256(db.target.sqlite_path.read_bytes()).hexdigest() == sha


def test_portable_backup_flag(run_cli, world: World, tmp_path: Path) -> None:
    code, out, err = run_cli("backup", "--portable", "-o", tmp_path / "hub.backup", "--json")
    assert code == 0, err
    assert json.loads(out)["format"] == "dump"
    assert json.loads((tmp_path / "hub.backup").read_text(encoding="utf-8").splitlines()[0])["format"] == "learninghub-dump"
