"""A small programme for the export tests: people in Chinese, Korean and Greek, one person
whose fields look like formulas, a Barcelona seminar with a weekly series across the
2021-03-28 DST change, registrations and check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from learninghub.cli import main
from learninghub.core.store import Database


@dataclass
class World:
    curriculum: int
    seminar: int
    series: int
    series_sessions: list[int]
    single: int
    people: dict[str, int]


#: given, family, native, organisation, title, email
PEOPLE = {
    "li": ("Jia", "Li", "李佳", "成都市外事办公室", "主任", "li.jia@example.cn"),
    "han": ("Hyeon-suk", "Han", "한현숙", "연수구청", "과장", "han@example.kr"),
    "eleni": ("Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου", "Δήμος Αθηναίων", "Σύμβουλος", "eleni@example.gr"),
    "evil": ('=HYPERLINK("x")', "+1", None, "-2", "@SUM(A1:A9)", None),
}


@pytest.fixture
def world(db: Database) -> World:
    from learninghub.core.services import agenda, attendance, curricula, people, registration, seminars

    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Learning Hub Barcelona 2021", start_year=2021, end_year=2021)
        sem = seminars.add_seminar(
            s, curriculum_id=c.id, title="Superblocks online course", start="2021-03-01", end="2021-04-30",
            timezone="Europe/Madrid", city="Barcelona", country="ES", venue="Online classroom", format="online",
        )
        ids = {}
        for key, (given, family, native, org, title, email) in PEOPLE.items():
            ids[key] = people.add_person(s, given_name=given, family_name=family, native_name=native,
                                         organisation=org, title=title, email=email).id
        rows = agenda.add_session(
            s, seminar_id=sem.id, title="Weekly tutorial", start="2021-03-16 14:00", end="2021-03-16 15:30",
            room="Room 1", speaker_ids=[ids["li"]], description="Questions on the assignments",
            repeat="FREQ=WEEKLY;COUNT=4",
        )
        single = agenda.add_session(s, seminar_id=sem.id, title="Closing", start="2021-04-20 10:00",
                                    end="2021-04-20 11:00", kind="ceremony")[0]
        for key in ("li", "han", "eleni", "evil"):
            registration.register(s, seminar_id=sem.id, person_id=ids[key])
        attendance.check_in(s, session_id=rows[0].id, person_id=ids["li"])
        attendance.check_in(s, session_id=rows[0].id, person_id=ids["han"])
        attendance.check_in(s, session_id=rows[1].id, person_id=ids["li"])
        attendance.check_in(s, session_id=single.id, person_id=ids["eleni"])
        return World(c.id, sem.id, rows[0].series_id, [r.id for r in rows], single.id, ids)  # type: ignore[arg-type]


@pytest.fixture
def run_cli(db: Database, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``learninghub --db <the test database> ARGS`` in process: (exit code, stdout, stderr)."""
    target = str(db.target.sqlite_path or db.target.url)

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main(["--db", target, *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run
