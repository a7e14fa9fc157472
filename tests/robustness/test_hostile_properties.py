"""Properties of every refusal (issue 19): whatever text, number or dump line comes in, the
answer is a value or a LearningHubError (one line the command line prints, the window shows) —
never another exception, which would reach the user as a traceback — and a refusal changes
nothing in the database.

Hypothesis feeds random Unicode text (any code point: controls, surrogates, format
characters), numbers of any size and sign, values of the wrong type, and random changes to
the lines of a dump, to the validators, to the services the window calls, to the command
line and to restore, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from learninghub.cli import main
from learninghub.core import validate
from learninghub.core.errors import LearningHubError
from learninghub.core.services import curricula, people, registration, seminars
from learninghub.exporting.backup import backup, restore
from tests.databases import snapshot

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

any_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(), max_size=300),  # any code point, surrogates and controls included
    st.text(st.characters(categories=["Cf", "Cc", "Zs", "Mn", "Me"]), max_size=20),  # only what does not show
    st.sampled_from(["\u200b", "\u202eexe.pdf", "\u3164", "Li\x00Jia", "\x1b[31m", "\ud800", "  ", "",
                     "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"]),
)
#: Numbers of any size and sign, and what a careless caller passes instead of one.
any_number = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2**31 - 1, 2**31, -(2**31), 2**63, 2**64, 10**30, 10**400, 100_000, 100_001]),
    st.booleans(), st.floats(allow_nan=True), st.text(max_size=5), st.none(),
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(st.characters(), max_size=30)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def _fingerprint(db) -> tuple[object, str | None]:
    path = db.target.sqlite_path
    return snapshot(db), hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else None


def _visible(text: str) -> bool:
    return any(unicodedata.category(ch) not in {"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"}
               and ch not in "\u115f\u1160\u3164\uffa0\u2800" for ch in text)


# ---- the validators


@settings(max_examples=400, deadline=None)
@given(value=st.one_of(any_text, st.none()), max_len=st.integers(min_value=1, max_value=400),
       required=st.booleans())
def test_text_is_a_clean_value_or_a_validation_error(value, max_len, required):
    try:
        got = validate.text(value, "name", required=required, max_len=max_len)
    except LearningHubError as exc:
        assert exc.where == "name"
        return
    if got is None:
        assert not required
        assert not _visible(value or "")
        return
    assert got == got.strip() and len(got) <= max_len and _visible(got)
    assert not any(ch in got for ch in "\x00\x1b\x7f") and got.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(any_text, st.none()))
def test_long_text_email_and_country_refuse_cleanly(value):
    for check in (lambda v: validate.long_text(v, "notes"), validate.email, validate.country,
                  lambda v: validate.required_text(v, "title")):
        try:
            got = check(value)
        except LearningHubError:
            continue
        assert got is None or (_visible(got) and got.encode("utf-8"))


@settings(max_examples=500, deadline=None)
@given(value=any_number, least=st.integers(min_value=-5, max_value=5), most=st.integers(min_value=0))
def test_whole_numbers_are_in_range_or_refused(value, least, most):
    for check in (lambda v: validate.whole_number(v, "count", least=least, most=most),
                  lambda v: validate.positive_int(v, "count"), lambda v: validate.capacity(v)):
        try:
            got = check(value)
        except LearningHubError as exc:
            assert exc.where in ("count", "capacity") and len(str(exc)) < 200
            continue
        assert got is None or (isinstance(got, int) and not isinstance(got, bool)
                               and -(2**31) <= got <= validate.INT_MAX)
    assert validate.is_id(value) == (type(value) is int and 1 <= value <= validate.INT_MAX)


# ---- the services the window calls, on both databases


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES)
@given(number=any_number, text=any_text)
def test_services_answer_or_refuse_and_a_refusal_changes_nothing(db, number, text):
    with db.transaction() as s:
        if not seminars.list_seminars(s):
            c = curricula.add_curriculum(s, title="Metropolis")
            seminars.add_seminar(s, curriculum_id=c.id, title="Park City", start="2020-07-13", end="2020-07-17",
                                 timezone="UTC", capacity=5)
    with db.reading() as s:
        seminar_id = seminars.list_seminars(s)[0].id
    attempts = [
        lambda s: people.get_person(s, number),
        lambda s: seminars.get_seminar(s, number),
        lambda s: registration.list_registrations(s, seminar_id=number),
        lambda s: seminars.edit_seminar(s, seminar_id, capacity=number),
        lambda s: registration.register(s, seminar_id=seminar_id, person_id=number),
        lambda s: people.add_person(s, given_name=text, family_name=text, native_name=text, organisation=text,
                                    city=text, title=text),
        lambda s: curricula.add_curriculum(s, title=text, start_year=number if isinstance(number, int) else None),
    ]
    for attempt in attempts:
        before = _fingerprint(db)
        try:
            with db.transaction() as s:
                attempt(s)
        except LearningHubError:
            assert _fingerprint(db) == before


# ---- the command line


@pytest.fixture
def cli_db(db, capsys):
    url = str(db.target.sqlite_path) if db.target.sqlite_path is not None else db.target.url

    def run(*args: str) -> tuple[int, str]:
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:  # argparse: text that is no number is a usage error
            code = exc.code
        _out, err = capsys.readouterr()
        return int(code or 0), err

    return run


@settings(max_examples=20, deadline=None, suppress_health_check=FIXTURES)
@given(number=st.one_of(st.integers(), st.integers(min_value=2**31 - 3, max_value=2**64 + 3),
                        st.sampled_from([0, -1, 10**40, -(10**40)])),
       command=st.sampled_from([["person", "show", "{n}"], ["seminar", "edit", "1", "--capacity", "{n}"],
                                ["person", "list", "--limit", "{n}"], ["seminar", "list", "--curriculum", "{n}"],
                                ["register", "--seminar", "{n}", "--person", "{n}"], ["conflicts", "--seminar", "{n}"],
                                ["session", "list", "--seminar", "{n}"], ["person", "erase", "{n}"]]))
def test_any_number_on_the_command_line_ends_in_a_result_or_one_line_with_exit_1(db, cli_db, number, command):
    before = _fingerprint(db)
    code, err = cli_db(*[part.replace("{n}", str(number)) for part in command])
    assert "Traceback" not in err
    if code == 0:
        return
    assert code in (1, 2), err
    if code == 1:
        assert err.startswith("learninghub: error: ") and err.count("\n") == 1, err
    if command[0] != "person" or command[1] != "list":
        assert _fingerprint(db) == before


# ---- restore


@pytest.fixture
def dump_lines(db, tmp_path: Path) -> list[str]:
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Metropolis", start_year=2020, end_year=2022)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City", start="2020-07-13", end="2020-07-17",
                                   timezone="Asia/Shanghai", city="Chengdu", country="CN", capacity=10)
        li = people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳", email="li@example.cn",
                               organisation="Chengdu Office", city="Chengdu", country="CN")
        registration.register(s, seminar_id=sem.id, person_id=li.id)
    return backup(db, tmp_path / "good.jsonl").path.read_text(encoding="utf-8").splitlines()


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_restore_of_any_changed_dump_succeeds_cleanly_or_refuses_and_changes_nothing(db, dump_lines, tmp_path,
                                                                                    data):
    lines = list(dump_lines)
    rows = [i for i, line in enumerate(lines) if line.startswith("[")]
    how = data.draw(st.sampled_from(["cell", "cell", "name", "name", "line", "repeat", "drop"]))
    at = data.draw(st.sampled_from(rows))
    if how == "name":  # a typed column of a person: refused by the rules, or restored
        header = max(i for i, line in enumerate(lines) if line.startswith('{"table": "people"'))
        columns = json.loads(lines[header])["columns"]
        row = json.loads(lines[header + 1])
        row[columns.index(data.draw(st.sampled_from(["given_name", "family_name", "native_name", "title"])))] = \
            data.draw(any_text)
        lines[header + 1] = json.dumps(row, ensure_ascii=False)
    elif how == "cell":
        row = json.loads(lines[at])
        row[data.draw(st.integers(min_value=0, max_value=len(row) - 1))] = data.draw(json_values)
        lines[at] = json.dumps(row, ensure_ascii=data.draw(st.booleans()))
    elif how == "line":
        lines.insert(data.draw(st.integers(min_value=1, max_value=len(lines))),
                     data.draw(st.one_of(st.text(st.characters(), max_size=60), json_values.map(json.dumps))))
    elif how == "repeat":
        lines.insert(at, lines[at])
    else:
        del lines[at]
    if how in ("repeat", "drop") and data.draw(st.booleans()):  # the end line counts the rows again
        lines[-1] = json.dumps({"end": True, "rows": sum(1 for line in lines if line.startswith("["))})
    assume(lines != dump_lines)
    path = tmp_path / "changed.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
    before = _fingerprint(db)
    try:
        restore(db, path, safety_folder=tmp_path / "safety")
    except LearningHubError as exc:
        event(f"refused ({how})")
        assert "\n" not in str(exc)
        assert _fingerprint(db) == before
        return
    event(f"restored ({how})")
    from sqlalchemy import select

    from learninghub.core.models import Person

    with db.reading() as s:  # what came in meets the rules typed names meet
        for person in s.scalars(select(Person)):
            for name in (person.given_name, person.family_name, person.native_name):
                assert name is None or name == "" or validate.text(name, "name") == name
