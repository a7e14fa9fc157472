"""The demo programme: loads through the rules, reads right, and `demo` guards real data."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.test_cli import PERSON_FIELDS, SEMINAR_FIELDS, SESSION_FIELDS
from tests.conftest import table_snapshot

LEARNINGHUB = Path(sys.executable).with_name("learninghub")


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a user runs it after `make`."""
    return subprocess.run([str(LEARNINGHUB), "--db", str(db), *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert run(path, "init").returncode == 0
    loaded = run(path, "demo", "--json")
    assert loaded.returncode == 0, loaded.stderr
    summary = json.loads(loaded.stdout)
    assert summary["people"] >= 35 and summary["seminars"] >= 4 and summary["check_ins"] > 0
    return path


def _json(path: Path, *args: str):
    result = run(path, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_seminars_and_agenda_from_a_fresh_database(demo_db: Path) -> None:
    seminars = _json(demo_db, "seminar", "list")
    assert all(SEMINAR_FIELDS <= set(s) for s in seminars)
    park = next(s for s in seminars if s["title"] == "Park City Project")
    assert (park["city"], park["timezone"], park["start"][:7]) == ("Chengdu", "Asia/Shanghai", "2020-07")
    agenda = _json(demo_db, "session", "list", "--seminar", str(park["id"]))
    assert all(SESSION_FIELDS <= set(s) for s in agenda)
    days = {s["start"][:10] for s in agenda}
    assert len(days) >= 4, "a multi-day agenda"
    assert all(s["start"].endswith("+08:00") for s in agenda)
    assert [s["start"] for s in agenda] == sorted(s["start"] for s in agenda)
    assert any(sp["name"].startswith("李") or "(" in sp["name"] for s in agenda for sp in s["speakers"])


def test_people_come_from_the_partner_cities_in_their_own_scripts(demo_db: Path) -> None:
    people = _json(demo_db, "person", "list", "--limit", "0")
    assert 35 <= len(people) <= 60 and all(PERSON_FIELDS <= set(p) for p in people)
    scripts = Counter(
        unicodedata.name(p["native_name"][0]).split()[0] for p in people if p["native_name"]
    )
    assert {"CJK", "HANGUL", "CYRILLIC", "GREEK"} <= set(scripts), scripts
    cities = {p["city"] for p in people}
    assert {"Chengdu", "Barcelona", "Sofia", "Hangzhou", "Bologna", "Ljubljana", "Ioannina", "Wuhan"} <= cities
    assert all(p["email"] is None or p["email"].split("@")[1].startswith("example.") for p in people)


def test_every_seminar_respects_its_capacity_and_has_participants(demo_db: Path) -> None:
    for seminar in _json(demo_db, "seminar", "list"):
        if seminar["capacity"]:
            assert seminar["seats_taken"] <= seminar["capacity"], seminar["title"]
        registrations = _json(demo_db, "registration", "list", "--seminar", str(seminar["id"]))
        assert registrations, f"{seminar['title']} has nobody registered"


def test_recurring_cluster_meeting_keeps_its_local_hour_across_dst(demo_db: Path) -> None:
    seminars = _json(demo_db, "seminar", "list")
    series_seen = False
    for seminar in seminars:
        sessions = _json(demo_db, "session", "list", "--seminar", str(seminar["id"]))
        by_series: dict[int, list[dict]] = {}
        for s in sessions:
            if s["series_id"]:
                by_series.setdefault(s["series_id"], []).append(s)
        for occurrences in by_series.values():
            series_seen = True
            assert len({o["start"][11:16] for o in occurrences}) == 1, "same local hour every time"
    assert series_seen, "the demo has a recurring series"
    cluster = next(s for s in seminars if s["kind"] == "meeting")
    in_chengdu = _json(demo_db, "session", "list", "--seminar", str(cluster["id"]), "--tz", "Asia/Shanghai")
    hours = {o["start"][11:13] for o in in_chengdu if o["series_id"]}
    assert len(hours) == 2, f"Chengdu's hour moves at the DST change: {hours}"


def test_demo_refuses_a_database_with_data_and_leaves_it_alone(demo_db: Path) -> None:
    before = table_snapshot(demo_db)
    again = run(demo_db, "demo")
    assert again.returncode == 1 and "already holds data" in again.stderr and "--force" in again.stderr
    assert table_snapshot(demo_db) == before


def test_demo_force_replaces_instead_of_doubling(tmp_path: Path) -> None:
    path = tmp_path / "twice.sqlite"
    assert run(path, "demo").returncode == 0
    first = _json(path, "person", "list", "--limit", "0")
    assert run(path, "person", "add", "--given", "Extra", "--family", "Person").returncode == 0
    assert run(path, "demo", "--force").returncode == 0
    second = _json(path, "person", "list", "--limit", "0")
    assert len(second) == len(first)
    assert [p["email"] for p in second] == [p["email"] for p in first]
