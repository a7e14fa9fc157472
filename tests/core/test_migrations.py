"""Every earlier schema, filled with data, upgrades to head with no row lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from learninghub.core import store
from learninghub.core.services import people


def _fill_0001(conn: sqlite3.Connection) -> None:
    """Rows as the first schema holds them, written with plain SQL (no ORM of today)."""
    now = "2020-07-01 00:00:00.000000"
    conn.executescript(
        f"""
        INSERT INTO cities (id, name, native_name, country) VALUES (1, 'Chengdu', '成都', 'CN'), (2, 'Sofia', 'София', 'BG');
        INSERT INTO organisations (id, name, native_name, city_id, country)
            VALUES (1, 'Chengdu Open University', '成都开放大学', 1, 'CN');
        INSERT INTO people (id, given_name, family_name, native_name, title, organisation_id, city_id, country, role,
                            email, phone, notes, consent_contact, erased_at, created_at, updated_at, version)
            VALUES (1, 'Jianhua', 'Yu', '余建华', 'Professor', 1, 1, 'CN', 'expert', 'yu@example.cn', NULL, NULL, 1,
                    NULL, '{now}', '{now}', 1),
                   (2, 'Ivan', 'Petrov', 'Иван Петров', NULL, NULL, 2, 'BG', 'planner', 'I.Petrov@example.org', NULL,
                    'prefers email', 0, NULL, '{now}', '{now}', 3);
        INSERT INTO curricula (id, title, start_year, end_year, description, version)
            VALUES (1, 'Metropolis Learning Hub Chengdu 2020–2022', 2020, 2022, NULL, 1);
        INSERT INTO seminars (id, curriculum_id, title, kind, format, venue, city_id, timezone, start_date, end_date,
                              capacity, status, description, created_at, updated_at, version)
            VALUES (1, 1, 'Park City Project', 'seminar', 'hybrid', 'Tianfu Hall', 1, 'Asia/Shanghai',
                    '2020-07-13', '2020-07-17', 40, 'held', NULL, '{now}', '{now}', 2);
        INSERT INTO seminar_partners (seminar_id, organisation_id, role) VALUES (1, 1, 'organiser');
        INSERT INTO session_series (id, seminar_id, rrule, local_start, duration_minutes, version)
            VALUES (1, 1, 'FREQ=DAILY;COUNT=2', '2020-07-14 09:00:00.000000', 60, 1);
        INSERT INTO sessions (id, seminar_id, series_id, title, kind, starts_at, ends_at, room, language, description,
                              moderator_id, version)
            VALUES (1, 1, NULL, 'Opening ceremony', 'ceremony', '2020-07-13 01:00:00.000000',
                    '2020-07-13 01:45:00.000000', 'Hall A', 'zh', NULL, 2, 1),
                   (2, 1, 1, 'Morning walk', 'visit', '2020-07-14 01:00:00.000000', '2020-07-14 02:00:00.000000',
                    NULL, NULL, NULL, NULL, 1),
                   (3, 1, 1, 'Morning walk', 'visit', '2020-07-15 01:00:00.000000', '2020-07-15 02:00:00.000000',
                    NULL, NULL, NULL, NULL, 1);
        INSERT INTO session_speakers (session_id, person_id, position) VALUES (1, 1, 0);
        INSERT INTO registrations (id, seminar_id, person_id, status, waitlisted_at, created_at, updated_at, version)
            VALUES (1, 1, 1, 'attended', NULL, '{now}', '{now}', 2), (2, 1, 2, 'registered', NULL, '{now}', '{now}', 1);
        INSERT INTO registration_events (id, registration_id, at, old_status, new_status, note)
            VALUES (1, 1, '{now}', NULL, 'registered', NULL), (2, 1, '{now}', 'registered', 'attended', 'checked in'),
                   (3, 2, '{now}', NULL, 'registered', NULL);
        INSERT INTO attendance (id, session_id, person_id, checked_in_at) VALUES (1, 1, 1, '2020-07-13 00:55:00.000000');
        """
    )


def _fill_0003(conn: sqlite3.Connection) -> None:
    """From 0003 on, rows carry the case-folded email key the app writes."""
    _fill_0001(conn)
    conn.execute("UPDATE people SET email_key = lower(email)")  # the fixture's addresses are ASCII


def _fill_0004(conn: sqlite3.Connection) -> None:
    """From 0004 on, rows carry the sort key the app writes (the fixture's names are ASCII)."""
    _fill_0003(conn)
    conn.execute("UPDATE people SET sort_key = lower(family_name) || char(31) || lower(given_name)")


def _fill_0006(conn: sqlite3.Connection) -> None:
    """From 0006 on, a seminar has certificate settings and a certificate register."""
    _fill_0004(conn)
    conn.executescript(
        """
        INSERT INTO certificate_settings (seminar_id, min_attendance_pct, min_hours, signatories, bilingual, logos,
                                          version)
            VALUES (1, 75.0, NULL, '[{"name": "余建华", "title": "Professor"}]', 1, '[]', 1);
        INSERT INTO certificates (id, code, person_id, seminar_id, issued_at, holder_name, seminar_title,
                                  sessions_attended, sessions_total, minutes_attended, revoked_at, revoke_reason,
                                  version)
            VALUES (1, '7K3M9QXR2B4C', 1, 1, '2020-07-17 10:00:00.000000', '余建华 (Jianhua Yu)',
                    'Park City Project', 1, 1, 45, NULL, NULL, 1);
        """
    )


def _fill_0007(conn: sqlite3.Connection) -> None:
    """From 0007 on, titles and descriptions may have a Chinese version."""
    _fill_0006(conn)
    conn.executescript(
        """
        UPDATE curricula SET title_zh = '大都市学习中心（成都）2020–2022' WHERE id = 1;
        UPDATE seminars SET title_zh = '公园城市项目', description_zh = '成都公园城市' WHERE id = 1;
        UPDATE sessions SET title_zh = '开幕式' WHERE id = 1;
        """
    )


def _fill_0008(conn: sqlite3.Connection) -> None:
    """From 0008 on, rows carry the search keys the app writes (folding.person_search_key, place_search_key)."""
    from learninghub.core.folding import person_search_key, place_search_key

    _fill_0007(conn)
    for table in ("cities", "organisations"):
        rows = conn.execute(f"SELECT id, name, native_name FROM {table}").fetchall()
        conn.executemany(f"UPDATE {table} SET search_key = ? WHERE id = ?",
                         [(place_search_key(name, native), ident) for ident, name, native in rows])
    rows = conn.execute("SELECT id, given_name, family_name, native_name, email FROM people").fetchall()
    conn.executemany("UPDATE people SET search_key = ? WHERE id = ?",
                     [(person_search_key(*names), ident) for ident, *names in rows])


def _fill_0009(conn: sqlite3.Connection) -> None:
    """From 0009 on, a person may have a gender."""
    _fill_0008(conn)
    conn.execute("UPDATE people SET gender = 'woman' WHERE id = (SELECT min(id) FROM people)")


#: How to fill a database at each revision before upgrading it. A new migration must add
#: its revision here (test_every_revision_has_a_filler fails until it does).
FILLERS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001_initial": _fill_0001,
    "0002_person_search": _fill_0001,
    "0003_email_key": _fill_0003,
    "0004_person_sort_key": _fill_0004,
    "0005_series_exdates": _fill_0004,
    "0006_certificates": _fill_0006,
    "0007_bilingual_titles": _fill_0007,
    "0008_search_keys": _fill_0008,
    "0009_person_gender": _fill_0009,
    "0010_search_walk_index": _fill_0009,  # indexes only: nothing new to fill
    "0011_mail_outbox": _fill_0009,  # new tables only (the outbox): nothing of the old tables changes
    "0012_evaluations": _fill_0009,  # new tables only (evaluation questionnaires): nothing old changes
}

DATA_TABLES = [
    "cities", "organisations", "people", "curricula", "seminars", "seminar_partners", "session_series",
    "sessions", "session_speakers", "registrations", "registration_events", "attendance",
]


def _revisions() -> list[str]:
    return [rev.revision for rev in reversed(list(store.script_directory().walk_revisions()))]


def _columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in DATA_TABLES}
    finally:
        conn.close()


def _rows(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The rows of every data table, in the given columns (those of the older schema)."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT {', '.join(columns[t])} FROM {t} ORDER BY 1").fetchall() for t in DATA_TABLES
        }
    finally:
        conn.close()


def test_schema_head_constant_matches_the_migrations() -> None:
    assert store.SCHEMA_HEAD == store.head_revision(), "update SCHEMA_HEAD in learninghub/core/schema.py"


def test_every_revision_has_a_filler() -> None:
    assert set(_revisions()) == set(FILLERS), "add a filler for each new migration to FILLERS"


@pytest.mark.parametrize("revision", [r for r in _revisions() if r != store.head_revision()])
def test_database_at_earlier_revision_upgrades_without_losing_rows(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.sqlite"
    store.open_database(str(path), upgrade_to=revision).close()
    conn = sqlite3.connect(path)
    with conn:
        FILLERS[revision](conn)
    conn.close()
    old_columns = _columns(path)
    before = _rows(path, old_columns)
    assert all(before[t] for t in DATA_TABLES), "the filler must put rows in every table"

    db = store.open_database(str(path))
    try:
        assert _rows(path, old_columns) == before
        assert db.backup_path is not None and db.backup_path.exists()
        backup = sqlite3.connect(db.backup_path)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        backup.close()
        assert _rows(db.backup_path, old_columns) == before
        current = sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone()
        assert current == (store.head_revision(),)
        with db.reading() as s:  # rows that existed before the search index are searchable
            assert [p.id for p in people.list_people(s, search_text="Петров")] == [2]
            assert [p.id for p in people.list_people(s, search_text="open univ")] == [1]
            assert people.get_person(s, 2).email_key == "i.petrov@example.org"
            assert [p.id for p in people.list_people(s)] == [2, 1]  # Petrov before Yu: sort keys filled
        assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_opening_at_head_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "hub.sqlite"
    store.open_database(str(path)).close()
    db = store.open_database(str(path))
    db.close()
    assert db.backup_path is None
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []
