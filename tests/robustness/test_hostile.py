"""Hostile input: any text into every person field and into the agenda PDF, extreme dates,
a seminar of 5,000 sessions, and a database file nobody else can read.

Person fields run on SQLite and PostgreSQL (tests/databases.py). The rule checked is
exact: a value is refused (a LearningHubError naming the field) when, once trimmed, it
holds a control character other than tab, newline or carriage return (NUL included: one
rule for both databases, learninghub/core/validate.py), bytes that are not text, or more
characters than the field takes; text of only characters that show nothing (zero-width,
bidi controls, C1 controls, variation selectors, Hangul fillers, lone combining marks) is
empty, like spaces; otherwise it is stored, read back equal, and found by searching for it.
A refusal of anything else, or a crash, fails the test.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from learninghub.core.errors import LearningHubError, ValidationError
from learninghub.core.services import agenda, curricula, people, search, seminars
from learninghub.documents import build

HOSTILE = [
    "\x00",
    "Li\x00Jia",
    "\u202eأحمد محمد\u202c",  # RTL override around Arabic
    "שרה כהן",
    "👩🏽‍💻 Ana 🇨🇳🇪🇸",
    "<b>bold</b> & <font size=40>big</font> <br/> &amp; &lt;",
    "=HYPERLINK(\"http://x\",\"y\")",
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "-2+3",
    "Robert'); DROP TABLE people;--",
    "%_\\ LIKE wildcards",
    "\"quoted\" 'single'",
    "Zalgo Z̷̡̛͓a̴̝͊l̶̰̓g̸̣̈́o̵̘̔",
    "李佳 한현숙 Константин Πέτρος",
    "\ufeffBOM and \u200bzero width",
    "tab\tand\nnewline",
    "\ud800 lone surrogate",
    "x" * 10_000,
    "   ",
    "\u200b\u200c\u200d\u2060\ufeff",  # zero-width only: empty
    "\u202e\u2066\u00ad\u3164\u115f\ufe0f",  # bidi controls, soft hyphen, Hangul fillers, a variation selector
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # a ZWNJ inside a Persian word: kept
]

#: field -> (max length, one-line?); given/family need a name in one of them.
TEXT_FIELDS = {
    "given_name": 200, "family_name": 200, "native_name": 200, "title": 200,
    "organisation": 300, "city": 200, "phone": 50, "notes": 20_000,
}
SEARCHABLE = {"given_name", "family_name", "native_name", "organisation", "city"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_unique = itertools.count(1)

any_text = st.one_of(
    st.text(max_size=60),
    st.text(st.characters(), max_size=400),  # any code point, surrogates and controls included
    st.sampled_from(HOSTILE),
)


#: What shows nothing on its own: format and control characters, separators, combining marks.
_UNSEEN = {"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"}
_FILLERS = set("\u115f\u1160\u3164\uffa0\u2800")


def _shows_nothing(text: str) -> bool:
    return all(unicodedata.category(ch) in _UNSEEN or ch in _FILLERS for ch in text)


def _expected(value: str, limit: int) -> str | None | type[LearningHubError]:
    """What the app must make of ``value``: the stored text, None (empty), or a refusal."""
    cleaned = value.strip()
    if not cleaned:
        return None
    if _CONTROL.search(cleaned) or _SURROGATE.search(cleaned):
        return LearningHubError
    if _shows_nothing(cleaned):
        return None
    if len(cleaned) > limit:
        return LearningHubError
    return cleaned


def _stored(db, person_id: int, field: str) -> str | None:
    with db.reading() as s:
        person = people.get_person(s, person_id)
        if field == "organisation":
            return person.organisation.name if person.organisation else None
        if field == "city":
            return person.city.name if person.city else None
        return getattr(person, field) or None


@pytest.mark.parametrize("field", sorted(TEXT_FIELDS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=any_text)
@example(value="\x00")
@example(value="x" * 10_000)
@example(value="\u202eأحمد\u202c 👩🏽‍💻 <b>&amp;</b> =1+1")
def test_any_text_in_any_person_field_is_stored_equal_or_refused_clearly(db, field, value):
    n = next(_unique)
    if field in ("organisation", "city"):
        value = f"{value} {n}"  # a new one each time: these are found by name, case-insensitively
    values = {"given_name": "Hostile", "family_name": f"Case{n}", "email": f"hostile{n}@example.org",
              "country": "CN", field: value}
    want = _expected(value, TEXT_FIELDS[field])
    if want is None and field in ("given_name", "family_name"):
        want = "" if values["given_name" if field == "family_name" else "family_name"] else LearningHubError
    try:
        with db.transaction() as s:
            person_id = people.add_person(s, **values).id
    except LearningHubError as exc:
        assert want is LearningHubError, f"{field}: {value[:80]!r} was refused: {exc}"
        return
    assert want is not LearningHubError, f"{field}: {value[:80]!r} should have been refused"
    got = _stored(db, person_id, field)
    assert got == (want or None), f"{field}: read back {got!r:.80}, not {want!r:.80}"
    if field in SEARCHABLE and want:
        with db.reading() as s:
            found = {row.id for row in search.list_people(s, search_text=want)}
        assert person_id in found, f"searching for the stored {field} {want[:80]!r} does not find it"


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_every_hostile_sample_survives_an_edit_too(db, value):
    with db.transaction() as s:
        person = people.add_person(s, given_name="Edit", family_name="Me", email=f"edit{next(_unique)}@example.org")
    want = _expected(value, 200)
    try:
        with db.transaction() as s:
            people.edit_person(s, person.id, expected_version=person.version, native_name=value, title=value)
    except ValidationError as exc:
        assert want is LearningHubError, f"{value[:40]!r} refused: {exc}"
        assert exc.where in ("native name", "title")
        assert _stored(db, person.id, "native_name") is None  # nothing of the refused edit stayed
        return
    assert want is not LearningHubError
    assert _stored(db, person.id, "native_name") == want == _stored(db, person.id, "title")


def test_nul_is_refused_alike_on_both_databases_with_the_field_named(db, db_kind):
    with pytest.raises(ValidationError, match="given name: contains control characters"):
        with db.transaction() as s:
            people.add_person(s, given_name="Li\x00Jia", family_name="Li")


INVISIBLE_ONLY = [
    "\u200b", "\u200c\u200d", "\u2060\ufeff", "\u00ad", "\u202a\u202b\u202c\u202d\u202e",
    "\u2066\u2067\u2068\u2069", "\ufe0f\ufe0e", "\U000e0101", "\u3164", "\u115f\u1160", "\uffa0",
    "\u034f", "\u180e", "\U000e0041\U000e007f", " \u200b \u3000 \u200b ", "\u0301\u0302", "\u2800",
]


@pytest.mark.parametrize("value", INVISIBLE_ONLY, ids=range(len(INVISIBLE_ONLY)))
def test_a_name_of_only_invisible_characters_is_refused_as_missing(db, refused, value):
    err = refused(lambda s: people.add_person(s, given_name=value, family_name=value, email="x@example.org"))
    assert err.where in ("family name", "given name")
    with db.transaction() as s:  # optional fields of only invisible characters are empty
        person = people.add_person(s, given_name="Jia", family_name=value, native_name=value, title=value,
                                   organisation=value, city=value)
        assert person.family_name == "" and person.native_name is None and person.title is None
        assert person.organisation is None and person.city is None
        sem = seminars.add_seminar(s, curriculum_id=curricula.add_curriculum(s, title="C").id, title="S",
                                   start="2020-07-13", end="2020-07-13", timezone="UTC")
    refused(lambda s: seminars.set_partner(s, sem.id, organisation=value), ValidationError,
            "organisation: is required")
    refused(lambda s: curricula.add_curriculum(s, title=value), ValidationError, "title: is required")
    refused(lambda s: people.edit_person(s, person.id, expected_version=person.version, given_name=value),
            LearningHubError, "given or a family name")


@pytest.mark.parametrize("value", [
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # می‌خواهم: a ZWNJ inside a Persian word
    "\U0001f469\u200d\U0001f4bb",  # 👩‍💻: a ZWJ sequence
    "\u2764\ufe0f",  # ❤️ with its variation selector
    "\u202bשרה\u202c", "\u200bLi", "Zoë", "한현숙", "Πέτρος",
])
def test_invisible_characters_beside_visible_ones_are_kept(db, value):
    with db.transaction() as s:
        person_id = people.add_person(s, given_name=value, family_name=value, native_name=value).id
    with db.reading() as s:
        person = people.get_person(s, person_id)
        assert (person.given_name, person.family_name, person.native_name) == (value, value, value)


# ---- documents (made from plain values: the same whichever database they come from) ----

PDF_ONLY = pytest.mark.sqlite_only("a document is made the same way from either database")


def _seminar(db, *, start="2020-07-13", end="2020-07-17", tz="Asia/Shanghai") -> int:
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Metropolis Learning Hub", start_year=2020, end_year=2022)
        return seminars.add_seminar(s, curriculum_id=c.id, title="Park City Project", start=start, end=end,
                                    timezone=tz, city="Chengdu", country="CN").id


def _agenda_text(db, seminar_id: int, **kw) -> str:
    rendered = build.agenda(db, seminar_id, **kw)
    assert rendered.data.startswith(b"%PDF") and rendered.pages >= 1
    reader = PdfReader(io.BytesIO(rendered.data))
    assert len(reader.pages) == rendered.pages
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


@PDF_ONLY
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=any_text, speaker=any_text, description=any_text)
def test_any_accepted_text_prints_in_the_agenda(db, title, speaker, description):
    sem = _seminar(db)
    try:
        with db.transaction() as s:
            who = people.add_person(s, given_name="Speaker", family_name=f"N{next(_unique)}", native_name=speaker)
            agenda.add_session(s, seminar_id=sem, title=title, start="2020-07-13 09:00", end="2020-07-13 10:00",
                               room=title[:200], description=description, speaker_ids=[who.id])
    except LearningHubError:
        return  # a refusal naming the field; the property test above checks which values are refused
    _agenda_text(db, sem, second_tz="Europe/Madrid")


@PDF_ONLY
@pytest.mark.parametrize("title", [
    "<b>bold</b> & <font size=40>big</font> &amp; &lt;tag&gt;",
    "=HYPERLINK(\"http://x\",\"y\") +cmd|' /C calc'!A0 @SUM(A1:A9)",
    "李佳 한현숙 Константин Πέτρος",
    "Robert'); DROP TABLE people;--",
])
def test_markup_and_formulas_print_as_typed(db, title):
    sem = _seminar(db)
    with db.transaction() as s:
        agenda.add_session(s, seminar_id=sem, title=title, start="2020-07-13 09:00", end="2020-07-13 10:00")
    assert re.sub(r"\s+", "", title) in _agenda_text(db, sem)


@PDF_ONLY
@pytest.mark.parametrize(("start", "end", "tz", "second"), [
    ("0001-01-03", "0001-01-04", "Pacific/Kiritimati", "Etc/GMT+12"),
    ("9999-12-28", "9999-12-29", "Etc/GMT+12", "Pacific/Kiritimati"),
])
def test_first_and_last_days_of_the_calendar_store_and_print(db, start, end, tz, second):
    sem = _seminar(db, start=start, end=end, tz=tz)
    with db.transaction() as s:
        agenda.add_session(s, seminar_id=sem, title="Opening", start=f"{start} 00:00", end=f"{start} 01:00")
        agenda.add_session(s, seminar_id=sem, title="Closing", start=f"{end} 22:00", end=f"{end} 23:59")
    text = _agenda_text(db, sem, second_tz=second)
    assert "Opening" in text and "Closing" in text
    with db.reading() as s:
        from learninghub.core.services import conflicts

        conflicts.find_conflicts(s, sem)


@pytest.mark.parametrize(("start", "end"), [("0001-01-01", "0001-01-02"), ("9999-12-30", "9999-12-31")])
def test_days_beyond_the_calendar_are_refused_clearly(db, start, end):
    with pytest.raises(ValidationError, match="outside the calendar this program handles"):
        _seminar(db, start=start, end=end)


def test_a_repeat_rule_running_past_year_9999_is_refused(db):
    sem = _seminar(db, start="9999-12-20", end="9999-12-29", tz="UTC")
    with pytest.raises(ValidationError, match="repeat: .*outside the calendar"):
        with db.transaction() as s:
            agenda.add_session(s, seminar_id=sem, title="Daily", start="9999-12-27 09:00", end="9999-12-27 10:00",
                               repeat="FREQ=DAILY;COUNT=10")


@PDF_ONLY
@pytest.mark.slow
def test_a_seminar_of_5000_sessions_prints(db):
    sem = _seminar(db, start="2020-01-01", end="2021-06-30", tz="Europe/Madrid")
    with db.transaction() as s:
        for hour in range(8, 18):  # ten daily series of 500 (the most one rule may make)
            agenda.add_session(s, seminar_id=sem, title=f"Session at {hour}:00 李佳", start=f"2020-01-01 {hour}:00",
                               end=f"2020-01-01 {hour}:50", repeat="FREQ=DAILY;COUNT=500")
    rendered = build.agenda(db, sem)
    reader = PdfReader(io.BytesIO(rendered.data))
    assert len(reader.pages) == rendered.pages > 100
    last = reader.pages[-1].extract_text()
    assert "Session at 17:00" in last and f"Page {rendered.pages} of {rendered.pages}" in last


@pytest.mark.sqlite_only("file permissions of the SQLite file")
def test_database_file_its_log_and_its_backup_are_private_even_with_an_open_umask(tmp_path: Path):
    from learninghub.cli import main

    old = os.umask(0)
    try:
        path = tmp_path / "hub.sqlite"
        assert main(["--db", str(path), "person", "add", "--given", "Jia", "--family", "Li"]) == 0
        files = [p for p in tmp_path.iterdir() if p.name.startswith("hub.sqlite")]
        assert path in files
        for p in files:
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, f"{p.name} is {oct(p.stat().st_mode)}"
    finally:
        os.umask(old)
