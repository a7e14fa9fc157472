"""Numbers nobody meant: ids, capacities, counts and limits beyond the databases' integers,
negative or zero where that means nothing.

One bound for both databases (learninghub/core/validate.py): ids and counts fit PostgreSQL's
32-bit ``integer`` (SQLite would take 64 bits, then overflow with a traceback), a capacity is
at most 100,000. A bad number ends in one line on stderr naming the option, exit status 1,
and nothing changed; through the core, in a LearningHubError naming the field.
"""

from __future__ import annotations

import pytest

from learninghub.cli import main
from learninghub.core import validate
from learninghub.core.errors import LearningHubError, NotFound, ValidationError
from learninghub.core.services import agenda, attendance, certificates, people, registration, seats, seminars
from tests.databases import snapshot

HUGE = 99999999999999999999999
BEYOND_64 = 2**63
BEYOND_32 = 2**31
ENORMOUS = "9" * 5000  # more digits than Python reads


@pytest.fixture
def cli(db, capsys):
    """``learninghub --db <the test database> ARGS`` in process: (exit code, stdout, stderr)."""
    url = str(db.target.sqlite_path) if db.target.sqlite_path is not None else db.target.url

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


BAD_COMMANDS = [
    (["person", "show", str(HUGE)], "id: 99999999999999999999999 is too large (at most 2,147,483,647)"),
    (["person", "show", str(BEYOND_32)], "id: 2147483648 is too large"),
    (["person", "show", "0"], "id: must be at least 1 (got 0)"),
    (["person", "show", "-5"], "id: must be at least 1 (got -5)"),
    (["person", "show", ENORMOUS], "id: a number of more than 30 digits is too large"),
    (["seminar", "edit", "{seminar}", "--capacity", "99999999999999999999"], "--capacity: 99999999999999999999 is too large (at most 100,000)"),
    (["seminar", "edit", "{seminar}", "--capacity", "100001"], "--capacity: 100001 is too large (at most 100,000)"),
    (["seminar", "edit", "{seminar}", "--capacity", "0"], "--capacity: must be at least 1 (got 0)"),
    (["seminar", "edit", "{seminar}", "--capacity", "-3"], "--capacity: must be at least 1 (got -3)"),
    (["seminar", "edit", "{seminar}", "--title", "x", "--expect-version", str(BEYOND_64)], "--expect-version: "),
    (["seminar", "list", "--curriculum", str(BEYOND_64)], "--curriculum: 9223372036854775808 is too large"),
    (["person", "list", "--limit", str(HUGE)], "--limit: 99999999999999999999999 is too large"),
    (["person", "list", "--limit", "-1"], "--limit: must be at least 0 (got -1)"),
    (["register", "--seminar", "{seminar}", "--person", str(HUGE)], "--person: "),
    (["registration", "list", "--seminar", str(-HUGE)], "--seminar: must be at least 1"),
    (["attend", "--session", str(BEYOND_32), "--person", "{person}"], "--session: 2147483648 is too large"),
    (["session", "add", "--seminar", "{seminar}", "--title", "x", "--start", "2020-07-13 10:00", "--end",
      "2020-07-13 11:00", "--speaker", "{person}", "--speaker", str(HUGE)], "--speaker: 99999999999999999999999 is too large"),
    (["session", "edit", "1", "--moderator", str(BEYOND_64)], "--moderator: "),
    (["curriculum", "add", "--title", "x", "--start-year", str(BEYOND_64)], "--start-year: "),
    (["certificates", "--seminar", str(HUGE), "--dry-run"], "--seminar: "),
    (["seminar", "certificate", str(HUGE)], "ID: "),
    (["conflicts", "--seminar", str(HUGE)], "--seminar: "),
    (["agenda", "--seminar", str(HUGE), "-o", "agenda.pdf"], "there is no seminar with id 99999999999999999999999"),
]


def _programme(db) -> dict[str, int]:
    with db.transaction() as s:
        from learninghub.core.services import curricula

        c = curricula.add_curriculum(s, title="Metropolis", start_year=2020, end_year=2022)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City", start="2020-07-13", end="2020-07-17",
                                   timezone="Asia/Shanghai", capacity=2)
        person = people.add_person(s, given_name="Jia", family_name="Li", email="li@example.cn")
        return {"seminar": sem.id, "person": person.id, "curriculum": c.id}


@pytest.mark.parametrize("args, message", BAD_COMMANDS, ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _) in enumerate(BAD_COMMANDS)])
def test_a_number_out_of_range_is_refused_on_one_line_with_exit_1_and_nothing_changed(
        db, cli, tmp_path, monkeypatch, args, message):
    ids = _programme(db)
    monkeypatch.chdir(tmp_path)
    before = snapshot(db)
    code, _out, err = cli(*[a.format(**ids) for a in args])
    assert code == 1, err
    assert err.startswith("learninghub: error: ") and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert snapshot(db) == before
    assert not (tmp_path / "agenda.pdf").exists()


def test_text_that_is_no_number_stays_a_usage_error(cli):
    with pytest.raises(SystemExit) as info:
        cli("person", "show", "abc")
    assert info.value.code == 2


def test_numbers_in_range_still_work(db, cli):
    ids = _programme(db)
    assert cli("seminar", "edit", str(ids["seminar"]), "--capacity", "100000")[0] == 0
    assert cli("person", "list", "--limit", "0")[0] == 0
    assert cli("person", "list", "--limit", str(validate.INT_MAX))[0] == 0
    code, _out, err = cli("person", "show", str(validate.INT_MAX))
    assert code == 1 and f"there is no person with id {validate.INT_MAX}" in err


# ---- the core, as the window calls it

LOOKUPS = [
    lambda s, n: people.get_person(s, n),
    lambda s, n: seminars.get_seminar(s, n),
    lambda s, n: agenda.get_session(s, n),
    lambda s, n: agenda.list_sessions(s, n),
    lambda s, n: agenda.series_occurrences(s, n),
    lambda s, n: registration.get_registration(s, n),
    lambda s, n: registration.list_registrations(s, person_id=n),
    lambda s, n: registration.audience(s, n),
    lambda s, n: seats.seats_taken(s, n),
    lambda s, n: seats.waiting_list(s, n),
    lambda s, n: certificates.list_certificates(s, person_id=n),
    lambda s, n: attendance.list_attendance(s, session_id=n),
    lambda s, n: seminars.list_seminars(s, n),
]


@pytest.mark.parametrize("number", [HUGE, BEYOND_64, BEYOND_32, 0, -1, -HUGE, True, "7"])
def test_an_id_no_row_can_have_is_not_found_without_asking_the_database(db, number):
    for lookup in LOOKUPS:
        with pytest.raises(NotFound), db.reading() as s:
            lookup(s, number)


@pytest.mark.parametrize("capacity, message", [
    (HUGE, "capacity: 99999999999999999999999 is too large (at most 100,000)"),
    (BEYOND_32, "capacity: 2147483648 is too large (at most 100,000)"),
    (100_001, "capacity: 100001 is too large (at most 100,000)"),
    (0, "capacity: must be at least 1 (got 0)"),
    (-HUGE, "capacity: must be at least 1 (got -99999999999999999999999)"),
    (10**400, "capacity: a number of more than 30 digits is too large"),
    (True, "capacity: True is not a whole number"),
    (2.5, "capacity: 2.5 is not a whole number"),
])
def test_a_capacity_out_of_range_is_refused_in_add_and_edit(db, refused, capacity, message):
    ids = _programme(db)
    refused(lambda s: seminars.edit_seminar(s, ids["seminar"], capacity=capacity), ValidationError, message)
    refused(lambda s: seminars.add_seminar(s, curriculum_id=ids["curriculum"], title="Another", start="2020-07-13",
                                           end="2020-07-14", timezone="UTC", capacity=capacity),
            ValidationError, message)


def test_the_largest_capacity_is_stored_alike_on_both_databases(db):
    ids = _programme(db)
    with db.transaction() as s:
        seminars.edit_seminar(s, ids["seminar"], capacity=validate.MAX_CAPACITY)
    with db.reading() as s:
        assert seminars.get_seminar(s, ids["seminar"]).capacity == 100_000


def test_registering_with_huge_ids_is_refused_cleanly(db, refused):
    ids = _programme(db)
    err = refused(lambda s: registration.register(s, seminar_id=ids["seminar"], person_id=HUGE), NotFound)
    assert err.where == "person"
    err = refused(lambda s: registration.register(s, seminar_id=-HUGE, person_id=ids["person"]), NotFound)
    assert err.where == "seminar"
    refused(lambda s: agenda.add_session(s, seminar_id=ids["seminar"], title="x", start="2020-07-13 10:00",
                                         end="2020-07-13 11:00", speaker_ids=[BEYOND_64]), LearningHubError)


def test_whole_number_rules():
    assert validate.whole_number(validate.INT_MAX, "n") == 2**31 - 1
    assert validate.whole_number(0, "n") == 0
    with pytest.raises(ValidationError, match="n: 2147483648 is too large"):
        validate.whole_number(2**31, "n", most=2**40)  # never beyond the databases' integers
    with pytest.raises(ValidationError, match="n: must be at least 0"):
        validate.whole_number(-1, "n")
    with pytest.raises(ValidationError, match="is not a whole number"):
        validate.whole_number("12", "n")
    assert validate.is_id(1) and validate.is_id(2**31 - 1)
    assert not any(validate.is_id(x) for x in (0, -1, 2**31, True, 1.0, "1", None))
