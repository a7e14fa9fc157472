"""Erasing a person: their personal data leaves the row, the search index and the history
notes, while counts of registrations and attendance stay right."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from learninghub.core.errors import RuleViolation
from learninghub.core.services import agenda, attendance, people, registration

#: Everything that identified Konstantin Petrov (the hub's ``kostya``) after the setup below.
OLD_VALUES = (
    "Konstantin", "Petrov", "Константин", "Петров", "k.petrov@example.org", "k.petrov",
    "+359 2 555 0101", "Chief urban planner", "Sofia Municipality", "vegetarian",
)


def _sql(db_path: Path, query: str, *params) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _counts(db_path: Path, seminar_id: int) -> tuple[int, int]:
    regs = _sql(db_path, "SELECT count(*) FROM registrations WHERE seminar_id = ?", seminar_id)[0][0]
    present = _sql(
        db_path,
        "SELECT count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.seminar_id = ?",
        seminar_id,
    )[0][0]
    return regs, present


@pytest.fixture
def kostya_everywhere(hub, db) -> int:
    """Kostya with every personal field filled, registered with notes, checked in, and a speaker."""
    with db.transaction() as s:
        people.edit_person(
            s, hub.kostya, title="Chief urban planner", organisation="Sofia Municipality", phone="+359 2 555 0101",
            notes="Konstantin prefers email; k.petrov@example.org", consent_contact=True,
        )
        reg = registration.register(
            s, seminar_id=hub.seminar, person_id=hub.kostya, note="Konstantin Petrov asked for a vegetarian meal"
        ).id
        registration.set_status(s, reg, "confirmed", note="Petrov paid by transfer")
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
        attendance.check_in(s, session_id=hub.session, person_id=hub.kostya)
        attendance.check_in(s, session_id=hub.session, person_id=hub.li)
        agenda.edit_session(s, hub.session, speaker_ids=[hub.li, hub.kostya])
    return reg


def test_erase_blanks_every_personal_field_of_the_row(hub, db, db_path, kostya_everywhere):
    assert any("Petrov" in str(v) for v in _sql(db_path, "SELECT * FROM people WHERE id = ?", hub.kostya)[0])
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        row = dict(conn.execute("SELECT * FROM people WHERE id = ?", (hub.kostya,)).fetchone())
    finally:
        conn.close()
    assert row["given_name"] == "" and row["family_name"] == ""
    for column in ("native_name", "email", "phone", "notes", "title", "organisation_id", "city_id", "country"):
        assert row[column] is None, column
    assert row["consent_contact"] == 0
    assert row["erased_at"] is not None
    for column, value in row.items():
        for old in OLD_VALUES:
            assert old.lower() not in str(value).lower(), f"{column} still holds {old!r}"


def test_erase_removes_the_person_from_the_search_index(hub, db, db_path, kostya_everywhere):
    match = "SELECT rowid FROM people_search WHERE people_search MATCH ?"
    assert _sql(db_path, match, '"Petrov"') == [(hub.kostya,)]
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    for old in ("Petrov", "Konstantin", "Петров", "k.petrov@example.org", "Sofia Municipality"):
        assert _sql(db_path, match, f'"{old}"') == [], old
    docs = " ".join(doc for (doc,) in _sql(db_path, "SELECT doc FROM people_search"))
    for old in OLD_VALUES:
        assert old not in docs, old
    assert "Jia" in docs  # the others are still indexed


def test_erase_clears_registration_notes_and_keeps_the_counts(hub, db, db_path, kostya_everywhere):
    notes = "SELECT note FROM registration_events WHERE registration_id = ? ORDER BY id"
    assert _sql(db_path, notes, kostya_everywhere)[0] == ("Konstantin Petrov asked for a vegetarian meal",)
    counts = _counts(db_path, hub.seminar)
    assert counts == (2, 2)
    events = _sql(db_path, "SELECT count(*) FROM registration_events")[0][0]
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    assert _counts(db_path, hub.seminar) == counts
    assert _sql(db_path, "SELECT count(*) FROM registration_events")[0][0] == events
    assert {note for (note,) in _sql(db_path, notes, kostya_everywhere)} == {None}
    # the others' notes are left alone
    assert _sql(db_path, "SELECT count(*) FROM registration_events WHERE note IS NOT NULL")[0][0] > 0
    with db.reading() as s:
        reg = registration.get_registration(s, kostya_everywhere)
        assert reg.status == "attended"
        assert [(e.old_status, e.new_status) for e in reg.events] == [
            (None, "registered"), ("registered", "confirmed"), ("confirmed", "attended"),
        ]
        assert reg.person.display_name == "(erased)"
        assert [p.id for p in agenda.get_session(s, hub.session).speakers] == [hub.li, hub.kostya]


def test_erasing_twice_refused(hub, db, refused):
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    error = refused(lambda s: people.erase_person(s, hub.kostya), RuleViolation, f"person {hub.kostya} was already erased")
    assert error.where == "person"


@pytest.fixture
def han_erased(hub, db) -> None:
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        people.erase_person(s, hub.han)


@pytest.mark.parametrize(
    "action",
    [
        lambda hub: (lambda s: people.edit_person(s, hub.han, given_name="Hyeon-suk")),
        lambda hub: (lambda s: people.edit_person(s, hub.han, notes="back again")),
    ],
    ids=["name", "notes"],
)
def test_editing_an_erased_person_refused(hub, han_erased, refused, action):
    error = refused(action(hub), RuleViolation, f"person {hub.han} has been erased")
    assert error.where == "person"


def test_registering_an_erased_person_refused(hub, db, refused):
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    error = refused(
        lambda s: registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya),
        RuleViolation,
        f"person {hub.kostya} has been erased",
    )
    assert error.where == "person"


def test_changing_the_registration_of_an_erased_person_refused(hub, han_erased, refused):
    error = refused(
        lambda s: registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status="confirmed"),
        RuleViolation,
        f"person {hub.han} has been erased",
    )
    assert error.where == "person"


def test_checking_in_an_erased_person_refused(hub, han_erased, refused):
    error = refused(
        lambda s: attendance.check_in(s, session_id=hub.session, person_id=hub.han),
        RuleViolation,
        f"person {hub.han} has been erased",
    )
    assert error.where == "person"
