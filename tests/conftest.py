"""Shared fixtures: a real SQLite file per test, a small programme, and a way to
prove that a refused change left the database exactly as it was."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can load Qt

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from learninghub.core.errors import LearningHubError
from learninghub.core.store import Database
from tests.databases import *  # noqa: F403  (hooks and fixtures: the same tests on SQLite and PostgreSQL)
from tests.databases import open_test_database, snapshot


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The app's cache (the files it last saw whole, core/known_whole.py) in a folder of this run, not the
    user's; the command-line subprocesses the tests start inherit it."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hub.sqlite"


@pytest.fixture
def db(request: pytest.FixtureRequest, db_kind: str) -> Iterator[Database]:
    """A fresh, up-to-date database: a file in tmp_path, or a new PostgreSQL database (tests/databases.py)."""
    database = open_test_database(request, db_kind)
    yield database
    database.close()


def table_snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (including the search index), read with plain sqlite3."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'people_search_%' ORDER BY name"
            )
        ]
        return {t: conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture
def refused(db: Database) -> Callable[..., LearningHubError]:
    """Run ``action(session)`` in one transaction, expect a refusal, and check nothing changed.

    Returns the error so the test can assert its message and place.
    """

    def check(action: Callable[[Any], Any], error: type[LearningHubError] = LearningHubError, match: str = "") -> LearningHubError:
        before = snapshot(db)
        with pytest.raises(error) as info:
            with db.transaction() as session:
                action(session)
        assert match in str(info.value), f"{match!r} not in {str(info.value)!r}"
        assert snapshot(db) == before, "a refused change altered the database"
        return info.value

    return check


@dataclass
class Hub:
    """Ids of a small programme: one curriculum, one seminar in Chengdu, three people."""

    curriculum: int
    seminar: int
    session: int
    li: int
    han: int
    kostya: int


@pytest.fixture
def hub(db: Database) -> Hub:
    from learninghub.core.services import agenda, curricula, people, seminars

    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Metropolis Learning Hub Chengdu 2020–2022", start_year=2020, end_year=2022)
        sem = seminars.add_seminar(
            s, curriculum_id=c.id, title="Park City Project", start="2020-07-13", end="2020-07-17",
            timezone="Asia/Shanghai", city="Chengdu", country="CN", capacity=2, format="hybrid",
        )
        li = people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳", email="li.jia@example.cn",
                               organisation="Chengdu Foreign Affairs Office", city="Chengdu", country="CN", role="policymaker")
        han = people.add_person(s, given_name="Hyeon-suk", family_name="Han", native_name="한현숙",
                                email="han@example.kr", city="Yeonsu", country="KR", role="manager")
        kostya = people.add_person(s, given_name="Konstantin", family_name="Petrov", native_name="Константин Петров",
                                   email="k.petrov@example.org", city="Sofia", country="BG", role="planner")
        item = agenda.add_session(s, seminar_id=sem.id, title="Opening ceremony", start="2020-07-13 09:00",
                                  end="2020-07-13 09:45", kind="ceremony", speaker_ids=[li.id])[0]
        return Hub(c.id, sem.id, item.id, li.id, han.id, kostya.id)
