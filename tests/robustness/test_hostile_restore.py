"""A damaged or doctored JSON-lines dump is refused whole, naming the line, the table and the column.

Restored rows meet the rules typed and imported ones meet (learninghub/core/validate.py:
types, lengths, control characters, names of only invisible characters, vocabularies, ids
that are not repeated and rows referred to that exist), so a restore cannot bring in what
no other path lets in. A refused restore changes nothing: the SQLite file is byte-identical,
PostgreSQL's rows are the same.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from learninghub.cli import main
from learninghub.core.errors import DatabaseRefused, LearningHubError
from learninghub.core.services import agenda, curricula, people, registration, seminars
from learninghub.exporting.backup import backup, restore
from tests.databases import snapshot


def _programme(db) -> None:
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Metropolis Learning Hub", start_year=2020, end_year=2022)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City", start="2020-07-13", end="2020-07-17",
                                   timezone="Asia/Shanghai", city="Chengdu", country="CN", capacity=10)
        li = people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳", email="li@example.cn",
                               organisation="Chengdu Office", city="Chengdu", country="CN", role="policymaker")
        han = people.add_person(s, given_name="Hyeon-suk", family_name="Han", native_name="한현숙",
                                email="han@example.kr", role="manager")
        agenda.add_session(s, seminar_id=sem.id, title="Opening", start="2020-07-13 09:00", end="2020-07-13 09:45",
                           speaker_ids=[li.id])
        registration.register(s, seminar_id=sem.id, person_id=li.id)
        registration.register(s, seminar_id=sem.id, person_id=han.id)


@pytest.fixture
def dumped(db, tmp_path: Path) -> list[str]:
    """The lines of a dump of a small programme; the database then holds other data (Dump 2)."""
    _programme(db)
    path = backup(db, tmp_path / "good.jsonl").path
    lines = path.read_text(encoding="utf-8").splitlines()
    with db.transaction() as s:
        people.add_person(s, given_name="Only", family_name="Here", email="here@example.org")
    return lines


def _fingerprint(db) -> tuple[object, str | None]:
    path = db.target.sqlite_path
    return snapshot(db), hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else None


def _section(lines: list[str], table: str) -> tuple[int, list[str]]:
    """The index of ``table``'s first row line and its columns."""
    for i, line in enumerate(lines):
        if line.startswith("{") and json.loads(line).get("table") == table:
            return i + 1, json.loads(line)["columns"]
    raise AssertionError(table)


def set_cell(table: str, column: str, value: object, row: int = 0) -> Callable[[list[str]], int]:
    def change(lines: list[str]) -> int:
        first, columns = _section(lines, table)
        values = json.loads(lines[first + row])
        values[columns.index(column)] = value
        lines[first + row] = json.dumps(values, ensure_ascii=False)
        return first + row + 1  # the line number people see
    return change


def repeat_row(table: str) -> Callable[[list[str]], int]:
    def change(lines: list[str]) -> int:
        first, _ = _section(lines, table)
        lines.insert(first + 1, lines[first])
        end = json.loads(lines[-1])
        end["rows"] += 1
        lines[-1] = json.dumps(end)
        return first + 2
    return change


CASES = {
    "a string for a capacity": (set_cell("seminars", "capacity", "ten"), "seminars", "capacity", "'ten' is not a whole number"),
    "a string for an id": (set_cell("people", "id", "1"), "people", "id", "'1' is not a whole number"),
    "a list for a name": (set_cell("people", "given_name", ["Jia"]), "people", "given_name", "['Jia'] is not text"),
    "an object for a name": (set_cell("people", "family_name", {"a": 1}), "people", "family_name", "is not text"),
    "a number for a name": (set_cell("cities", "name", 7), "cities", "name", "7 is not text"),
    "NUL in a name": (set_cell("people", "given_name", "Li\x00Jia"), "people", "given_name", "contains control characters"),
    "an escape in a name": (set_cell("people", "family_name", "\x1b[31mLi"), "people", "family_name", "contains control characters"),
    "an escape in a title": (set_cell("seminars", "title", "Park\x1b]0;pwned\x07"), "seminars", "title", "contains control characters"),
    "NUL in a derived key": (set_cell("people", "search_key", "li\x00"), "people", "search_key", "contains control characters"),
    "a lone surrogate": (set_cell("people", "native_name", "\ud800"), "people", "native_name", "bytes that are not text"),
    "only zero-width characters": (set_cell("organisations", "name", "\u200b\u200d\ufeff"), "organisations", "name", "is required"),
    "an empty required title": (set_cell("curricula", "title", "  "), "curricula", "title", "is required"),
    "a person without a name": (lambda ls: (set_cell("people", "given_name", "\u3164")(ls),
                                            set_cell("people", "family_name", "")(ls))[0],
                                "people", "family_name", "needs a given or a family name"),
    "a name too long": (set_cell("people", "given_name", "x" * 201), "people", "given_name", "at most 200 fit"),
    "an unknown role": (set_cell("people", "role", "king"), "people", "role", "'king' is not one of"),
    "an unknown status": (set_cell("registrations", "status", "vip"), "registrations", "status", "'vip' is not one of"),
    "an unknown kind": (set_cell("sessions", "kind", 3), "sessions", "kind", "is not text"),
    "an unknown time zone": (set_cell("seminars", "timezone", "Mars/Olympus"), "seminars", "timezone", "unknown time zone"),
    "a bad email": (set_cell("people", "email", "not an address"), "people", "email", "is not an email address"),
    "a bad country": (set_cell("people", "country", "C1"), "people", "country", "two-letter country code"),
    "a capacity beyond 32 bits": (set_cell("seminars", "capacity", 2**63), "seminars", "capacity", "too large"),
    "a capacity of zero": (set_cell("seminars", "capacity", 0), "seminars", "capacity", "must be at least 1"),
    "a huge id": (set_cell("people", "id", 10**30), "people", "id", "too large"),
    "a negative id": (set_cell("people", "id", -4), "people", "id", "is not an id"),
    "a version beyond 32 bits": (set_cell("people", "version", 2**40), "people", "version", "too large"),
    "a boolean as text": (set_cell("people", "consent_contact", "yes"), "people", "consent_contact", "is not true or false"),
    "a number as a boolean": (set_cell("people", "consent_contact", 1), "people", "consent_contact", "is not true or false"),
    "a boolean as a number": (set_cell("seminars", "capacity", True), "seminars", "capacity", "True is not a whole number"),
    "a day that is no day": (set_cell("seminars", "start_date", "2020-02-30"), "seminars", "start_date", "is not a date"),
    "a day beyond the calendar": (set_cell("seminars", "end_date", "9999-12-31"), "seminars", "end_date", "outside the calendar"),
    "an instant that is no instant": (set_cell("sessions", "starts_at", 12), "sessions", "starts_at", "is not a date and time"),
    "null where a value is required": (set_cell("people", "role", None), "people", "role", "is required"),
    "a repeated person": (repeat_row("people"), "people", "id", "repeats 1, the key of the row on line"),
    "a repeated registration": (repeat_row("registrations"), "registrations", "id", "repeats"),
    "a repeated email": (set_cell("people", "email_key", "li@example.cn", row=1), "people", "email_key", "repeats 'li@example.cn'"),
    "a reference to nobody": (set_cell("registrations", "person_id", 999), "registrations", "person_id",
                              "refers to people 999, which no row before it holds"),
    "a reference to a huge id": (set_cell("sessions", "moderator_id", 2**70), "sessions", "moderator_id", "too large"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_doctored_dump_is_refused_naming_line_table_and_column_and_nothing_changes(db, dumped, tmp_path, case):
    change, table, column, reason = CASES[case]
    lines = list(dumped)
    number = change(lines)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    before = _fingerprint(db)
    with pytest.raises(DatabaseRefused) as info:
        restore(db, bad, safety_folder=tmp_path / "safety")
    message = str(info.value)
    assert f"line {number}: table '{table}', column '{column}'" in message, message
    assert reason in message, message
    assert "nothing was restored" in message
    assert _fingerprint(db) == before
    assert not (tmp_path / "safety").exists()  # refused before the safety copy


def test_a_well_formed_dump_still_restores(db, dumped, tmp_path):
    good = tmp_path / "again.jsonl"
    good.write_text("\n".join(dumped) + "\n", encoding="utf-8")
    restore(db, good, safety_folder=tmp_path / "safety")
    from learninghub.core.services import search

    with db.reading() as s:
        names = sorted(p.display_name for p in search.list_people(s))
    assert names == ["李佳 (Jia Li)", "한현숙 (Hyeon-suk Han)"]


@pytest.mark.parametrize("line, message", [
    ('{"table": "people", "columns": "id"}', "line 2: a table line without a name and distinct column names"),
    ('{"table": "people", "columns": ["id", "id"]}', "line 2: a table line without a name and distinct column names"),
    ('{"table": ["people"], "columns": ["id"]}', "line 2: a table line without a name and distinct column names"),
    ('{"table": "people_search", "columns": ["rowid"]}', "table 'people_search' does not exist"),
    ('{"table": "alembic_version", "columns": ["version_num"]}', "table 'alembic_version' does not exist"),
    ('{"table": "people", "columns": ["id", "given_name"]}',
     "line 3: table 'people', column 'family_name': missing from the table's columns"),
    ("[1, 2, 3]", "line 2: a row that fits no table"),
    ("NaN", "line 2: not part of a Learning Hub dump"),
    ("{not json", "line 2: damaged (not JSON)"),
])
def test_a_damaged_structure_is_refused_with_its_line(db, dumped, tmp_path, line, message):
    lines = list(dumped)
    lines.insert(1, line)
    if line.startswith('{"table": "people", "columns": ["id"'):
        lines.insert(2, '[77, "Jia"]' if "given_name" in line else "[77]")
        end = json.loads(lines[-1])
        end["rows"] += 1
        lines[-1] = json.dumps(end)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _fingerprint(db)
    with pytest.raises(LearningHubError) as info:
        restore(db, bad, safety_folder=tmp_path / "safety")
    assert message in str(info.value), str(info.value)
    assert _fingerprint(db) == before


def test_lines_after_the_end_are_refused(db, dumped, tmp_path):
    bad = tmp_path / "more.jsonl"
    bad.write_text("\n".join([*dumped, "", '[1, "sneaked in"]']) + "\n", encoding="utf-8")
    before = _fingerprint(db)
    with pytest.raises(DatabaseRefused, match=f"line {len(dumped) + 2}: more after the end of the dump"):
        restore(db, bad)
    assert _fingerprint(db) == before


def test_bytes_that_are_not_utf8_are_refused_with_their_line(db, dumped, tmp_path):
    first, _columns = _section(dumped, "people")
    raw = [line.encode("utf-8") for line in dumped]
    raw[first] = raw[first].replace(b"Jia", b"J\xffa", 1)
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b"\n".join(raw) + b"\n")
    before = _fingerprint(db)
    with pytest.raises(DatabaseRefused, match=f"line {first + 1}: table 'people', column 'given_name': contains bytes"):
        restore(db, bad)
    assert _fingerprint(db) == before


@pytest.mark.parametrize("case", ["a list for a name", "a repeated person", "NUL in a name", "an escape in a name",
                                  "a string for a capacity"])
def test_the_command_line_refuses_on_one_line_with_exit_1(db, dumped, tmp_path, capsys, case):
    change, table, column, _reason = CASES[case]
    lines = list(dumped)
    number = change(lines)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = str(db.target.sqlite_path) if db.target.sqlite_path is not None else db.target.url
    before = _fingerprint(db)
    code = main(["--db", url, "restore", str(bad)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("learninghub: error: restore: ") and err.count("\n") == 1 and "Traceback" not in err
    assert f"line {number}: table '{table}', column '{column}'" in err
    assert _fingerprint(db) == before
