"""Rules of people: names, email, country, role, scripts, and edits that would overwrite others."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from learninghub.core.errors import RuleViolation, StaleEdit, ValidationError
from learninghub.core.models import Person
from learninghub.core.services import people
from learninghub.core.store import open_database


def _person_row(db_path: Path, person_id: int) -> dict[str, object]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone())
    finally:
        conn.close()


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "family"), [(None, None), ("", ""), ("   ", "\t")])
def test_person_needs_a_given_or_family_name(hub, refused, given, family):
    error = refused(
        lambda s: people.add_person(s, given_name=given, family_name=family, native_name="李佳"),
        RuleViolation,
        "a person needs a given or a family name in Latin script",
    )
    assert error.where == "family name"


def test_editing_away_both_names_refused(hub, refused):
    error = refused(
        lambda s: people.edit_person(s, hub.li, given_name="", family_name=None),
        RuleViolation,
        "a person needs a given or a family name",
    )
    assert error.where == "family name"


@pytest.mark.parametrize(("given", "family"), [("Madonna", None), (None, "Suharto")])
def test_one_name_is_enough(hub, db, given, family):
    with db.transaction() as s:
        person = people.add_person(s, given_name=given, family_name=family)
        assert (person.given_name, person.family_name) == (given or "", family or "")


@pytest.mark.parametrize(
    ("field", "where"),
    [("given_name", "given name"), ("family_name", "family name"), ("native_name", "native name")],
)
@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x07", "\x7f"])
def test_control_characters_in_a_name_refused(hub, refused, field, where, control):
    names = {"given_name": "Jia", "family_name": "Li", field: f"Li{control}Jia"}
    error = refused(lambda s: people.add_person(s, **names), ValidationError, "contains control characters")
    assert error.where == where


def test_control_characters_refused_on_edit(hub, refused):
    error = refused(
        lambda s: people.edit_person(s, hub.han, family_name="Han\x00"), ValidationError, "contains control characters"
    )
    assert error.where == "family name"


@pytest.mark.parametrize(("field", "where"), [("given_name", "given name"), ("family_name", "family name")])
def test_name_of_201_characters_refused(hub, refused, field, where):
    names = {"given_name": "Jia", "family_name": "Li", field: "A" * 201}
    error = refused(lambda s: people.add_person(s, **names), ValidationError, "is 201 characters long; at most 200 fit")
    assert error.where == where


def test_name_of_200_characters_accepted(hub, db, db_path):
    with db.transaction() as s:
        ident = people.add_person(s, given_name="Jia", family_name="B" * 200).id
    assert _person_row(db_path, ident)["family_name"] == "B" * 200


@pytest.mark.parametrize(
    ("given", "family", "native"),
    [
        ("李", "佳", "李佳"),
        ("현숙", "한", "한현숙"),
        ("Константин", "Петров", "Константин Петров"),
        ("Γιώργος", "Παπαδόπουλος", "Γιώργος Παπαδόπουλος"),
    ],
    ids=["chinese", "korean", "cyrillic", "greek"],
)
def test_names_in_any_script_are_stored_and_read_back_equal(db, db_path, given, family, native):
    with db.transaction() as s:
        ident = people.add_person(s, given_name=given, family_name=family, native_name=native, city="Αθήνα").id
    with db.reading() as s:
        person = people.get_person(s, ident)
        assert (person.given_name, person.family_name, person.native_name) == (given, family, native)
        assert person.display_name == f"{native} ({given} {family})"
    row = _person_row(db_path, ident)
    assert (row["given_name"], row["family_name"], row["native_name"]) == (given, family, native)


# --- email, country, role ------------------------------------------------------------------


@pytest.mark.parametrize("email", ["not-an-email", "li@", "@example.cn", "li jia@example.cn", "li@example"])
def test_bad_email_refused(hub, refused, email):
    error = refused(
        lambda s: people.add_person(s, given_name="Jia", family_name="Li", email=email),
        ValidationError,
        f"{email!r} is not an email address",
    )
    assert error.where == "email"


def test_bad_email_refused_on_edit(hub, refused):
    error = refused(
        lambda s: people.edit_person(s, hub.han, email="not-an-email"),
        ValidationError,
        "'not-an-email' is not an email address",
    )
    assert error.where == "email"


@pytest.mark.parametrize("email", ["li.jia@example.cn", "LI.JIA@EXAMPLE.CN", "Li.Jia@Example.Cn"])
def test_duplicate_email_refused_on_add_whatever_the_case(hub, refused, email):
    error = refused(
        lambda s: people.add_person(s, given_name="Other", family_name="Li", email=email),
        RuleViolation,
        f"{email} is already the address of person {hub.li} (李佳 (Jia Li))",
    )
    assert error.where == "email"


@pytest.mark.parametrize("email", ["li.jia@example.cn", "LI.Jia@example.CN"])
def test_duplicate_email_refused_on_edit_whatever_the_case(hub, refused, email):
    error = refused(
        lambda s: people.edit_person(s, hub.han, email=email),
        RuleViolation,
        f"{email} is already the address of person {hub.li}",
    )
    assert error.where == "email"


def test_editing_ones_own_email_to_another_case_is_allowed(hub, db, db_path):
    with db.transaction() as s:
        people.edit_person(s, hub.li, email="LI.JIA@EXAMPLE.CN")
    assert _person_row(db_path, hub.li)["email"] == "LI.JIA@EXAMPLE.CN"


@pytest.mark.parametrize(
    ("first", "second"),
    [("Olga.Ivanova@example.ru", "olga.ivanova@example.ru"), ("ОЛЬГА@ПОЧТА.РФ", "ольга@почта.рф"), ("ÉLODIE@example.fr", "élodie@example.fr")],
    ids=["ascii", "cyrillic", "latin-accented"],
)
def test_duplicate_email_refused_case_insensitively_in_any_script(hub, db, refused, first, second):
    """The rule 'email is unique, case-insensitively' holds for any letters the address allows."""
    with db.transaction() as s:
        owner = people.add_person(s, given_name="Olga", family_name="Ivanova", email=first).id
    error = refused(
        lambda s: people.add_person(s, given_name="Other", family_name="Person", email=second),
        RuleViolation,
        f"{second} is already the address of person {owner}",
    )
    assert error.where == "email"


@pytest.mark.parametrize("country", ["ESP", "C", "1A", "中国", "E-"])
def test_bad_country_code_refused(hub, refused, country):
    error = refused(
        lambda s: people.add_person(s, given_name="Ana", family_name="Puig", country=country),
        ValidationError,
        f"{country!r} is not a two-letter country code",
    )
    assert error.where == "country"


def test_country_code_is_upper_cased(db, db_path):
    with db.transaction() as s:
        ident = people.add_person(s, given_name="Ana", family_name="Puig", country="es").id
    assert _person_row(db_path, ident)["country"] == "ES"


def test_unknown_role_refused(hub, refused):
    error = refused(
        lambda s: people.add_person(s, given_name="Ana", family_name="Puig", role="boss"),
        ValidationError,
        "'boss' is not one of: elected, policymaker, manager, planner, expert, participant, staff, other",
    )
    assert error.where == "role"


def test_unknown_role_refused_on_edit(hub, refused):
    error = refused(lambda s: people.edit_person(s, hub.han, role="mayor"), ValidationError, "'mayor' is not one of:")
    assert error.where == "role"


# --- edits that would overwrite someone else's -----------------------------------------------


def test_stale_edit_refused(hub, db, refused):
    with db.transaction() as s:
        old = people.get_person(s, hub.han).version
    with db.transaction() as s:
        people.edit_person(s, hub.han, expected_version=old, phone="+82 32 000 0000")
    error = refused(
        lambda s: people.edit_person(s, hub.han, expected_version=old, title="Director"),
        StaleEdit,
        f"person {hub.han} was changed by someone else meanwhile (you edited version {old}, it is now version {old + 1})",
    )
    assert error.where == "person"


def test_edit_with_current_version_accepted(hub, db, db_path):
    with db.transaction() as s:
        current = people.get_person(s, hub.han).version
    with db.transaction() as s:
        people.edit_person(s, hub.han, expected_version=current, title="Director")
    row = _person_row(db_path, hub.han)
    assert row["title"] == "Director" and row["version"] == current + 1


def test_overlapping_update_from_another_connection_is_refused_by_the_version_column(hub, db, db_path):
    """A reads Han; B (another program on the same file) reads and commits a change;
    A then saves its copy: the version column makes A's UPDATE match no row, and
    ``Database.transaction`` turns that into StaleEdit. B's edit is kept."""
    other = open_database(str(db_path))
    try:
        with db.transaction() as a:  # A reads (e.g. a form opens)
            copy_a = a.get(Person, hub.han)
            assert copy_a is not None
            version_read = copy_a.version
        with other.transaction() as b:  # B reads and commits meanwhile
            copy_b = b.get(Person, hub.han)
            assert copy_b is not None and copy_b.version == version_read
            copy_b.title = "Mayor's adviser"
        with pytest.raises(StaleEdit, match="changed by someone else meanwhile"):
            with db.transaction() as a:  # A saves its copy
                a.add(copy_a)
                copy_a.title = "Director"
    finally:
        other.close()
    row = _person_row(db_path, hub.han)
    assert row["title"] == "Mayor's adviser"
    assert row["version"] == version_read + 1


def test_two_overlapping_writers_queue_and_neither_change_is_lost(hub, db, db_path):
    """While A's transaction is open, B's write waits for it (BEGIN IMMEDIATE), then reads
    A's committed row and applies its own change on top: both edits survive."""
    other = open_database(str(db_path))
    outcome: dict[str, object] = {}

    def writer_b() -> None:
        try:
            with other.transaction() as b:
                people.edit_person(b, hub.han, phone="+82 32 111 2222")
            outcome["done"] = time.monotonic()
        except Exception as exc:  # reported in the main thread
            outcome["error"] = exc

    try:
        with db.transaction() as a:
            people.get_person(a, hub.han)
            thread = threading.Thread(target=writer_b)
            thread.start()
            time.sleep(0.5)
            assert thread.is_alive(), "B wrote while A's transaction was open"
            people.edit_person(a, hub.han, title="Director")
            committed_a = time.monotonic()
        thread.join(timeout=20)
        assert not thread.is_alive()
    finally:
        other.close()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["done"] >= committed_a  # type: ignore[operator]
    row = _person_row(db_path, hub.han)
    assert (row["title"], row["phone"]) == ("Director", "+82 32 111 2222")
