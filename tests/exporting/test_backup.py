"""Backup and restore of the whole database: exactly the backed-up data comes back;
anything that is not a Learning Hub backup, or is newer, is refused and the current
database stays byte-for-byte as it was; an older backup is upgraded; rotation keeps N."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from learninghub.core.errors import DatabaseRefused, NotFound
from learninghub.core.schema import SCHEMA_HEAD
from learninghub.core.services import agenda, people, registration
from learninghub.core.store import Database, open_database
from learninghub.exporting import backup as backups
from learninghub.exporting import dump, rotation
from tests.databases import snapshot

from .conftest import World


def _change_everything(db: Database, world: World) -> None:
    """Edits, deletions and additions across many tables."""
    with db.transaction() as s:
        people.edit_person(s, world.people["li"], organisation="Another office", native_name="李佳佳")
        people.add_person(s, given_name="Nikos", family_name="Georgiou", native_name="Νίκος Γεωργίου")
        agenda.cancel_occurrence(s, world.series_sessions[3])
        registration.register(s, seminar_id=world.seminar, person_id=world.people["evil"], status="cancelled")
    with db.transaction() as s:
        people.erase_person(s, world.people["han"])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _search(db: Database, text: str) -> list[int]:
    from learninghub.core.services import search

    with db.reading() as s:
        return [p.id for p in search.list_people(s, text)]


@pytest.mark.parametrize("name", ["backup.sqlite", "backup.jsonl"])
def test_backup_change_restore_gives_back_every_table(db, world: World, tmp_path: Path, name: str) -> None:
    before = snapshot(db)
    made = backups.backup(db, tmp_path / name)
    sqlite_copy = name.endswith(".sqlite") and db.target.sqlite_path is not None
    assert made.format == ("sqlite" if sqlite_copy else "dump")  # PostgreSQL always dumps
    assert (made.path.stat().st_mode & 0o777) == 0o600, "a backup holds personal data"
    _change_everything(db, world)
    assert snapshot(db) != before
    result = backups.restore(db, made.path, safety_folder=tmp_path / "safety")
    assert snapshot(db) == before  # every table, the search index included
    assert _search(db, "한현숙") == [world.people["han"]]  # the index answers for the restored rows
    assert result.safety_copy is not None and result.safety_copy.exists() and not result.upgraded
    with db.transaction() as s:  # new rows get fresh ids (PostgreSQL: sequences moved past the restored ids)
        new = people.add_person(s, given_name="After", family_name="Restore")
    assert new.id > max(world.people.values())
    if db.target.sqlite_path is not None:  # the safety copy holds the data as it was just before
        with open_database(str(result.safety_copy)) as kept, kept.reading() as s:
            assert people.get_person(s, world.people["han"]).erased_at is not None
    else:
        assert dump.read_header(result.safety_copy)["format"] == dump.FORMAT


@pytest.mark.sqlite_only
def test_the_app_keeps_working_on_the_restored_data(db, world: World, tmp_path: Path) -> None:
    made = backups.backup(db, tmp_path / "b.sqlite")
    _change_everything(db, world)
    backups.restore(db, made.path, safety_folder=tmp_path)
    with db.transaction() as s:  # the same Database object writes again
        people.edit_person(s, world.people["han"], organisation="Yeonsu-gu Office")
    with db.reading() as s:
        assert people.get_person(s, world.people["han"]).organisation_name == "Yeonsu-gu Office"
    with sqlite3.connect(db.target.sqlite_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.sqlite_only
def test_backup_while_another_connection_writes_is_consistent(db, world: World, tmp_path: Path) -> None:
    """A transaction left open on the live database (another window mid-edit) is not in the copy."""
    from sqlalchemy import text

    with db.engine.connect() as other:
        other.execution_options(lh_write=True)
        with other.begin():
            other.execute(text("UPDATE curricula SET title = 'half-done' WHERE id = :i"), {"i": world.curriculum})
            made = backups.backup(db, tmp_path / "b.sqlite")
    with open_database(str(made.path)) as copy, copy.reading() as s:
        from learninghub.core.services import curricula

        assert curricula.get_curriculum(s, world.curriculum).title == "Learning Hub Barcelona 2021"


def _refused_untouched(db: Database, source: Path, match: str) -> None:
    """The restore is refused; an SQLite file stays byte-for-byte (sha256), PostgreSQL row-for-row."""
    live = db.target.sqlite_path
    if live is None:
        before = snapshot(db)
        with pytest.raises(DatabaseRefused, match=match):
            backups.restore(db, source)
        assert snapshot(db) == before, "a refused restore changed the database"
        return
    db.flush_to_main_file()
    sha = _sha(live)
    folder = live.parent
    files = sorted(p.name for p in folder.iterdir())
    with pytest.raises(DatabaseRefused, match=match):
        backups.restore(db, source)
    assert _sha(live) == sha, "a refused restore changed the database"
    assert sorted(p.name for p in folder.iterdir()) == files, "a refused restore left files behind"


def test_a_file_that_is_not_a_backup_is_refused(db, world: World, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    notes = tmp_path / "x" / "notes.sqlite"
    notes.write_text("名单 shopping list\n", encoding="utf-8")
    _refused_untouched(db, notes, "is not a Learning Hub backup")
    binary = tmp_path / "x" / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 8)
    _refused_untouched(db, binary, "is not a Learning Hub backup")
    empty = tmp_path / "x" / "empty.sqlite"
    empty.write_bytes(b"")
    _refused_untouched(db, empty, "is empty")
    other = tmp_path / "x" / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    _refused_untouched(db, other, "database of another program")
    with pytest.raises(NotFound):
        backups.restore(db, tmp_path / "x" / "missing.sqlite")


def test_a_backup_from_a_newer_version_is_refused(db, world: World, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    newer = tmp_path / "x" / "newer.sqlite"
    open_database(str(newer)).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    _refused_untouched(db, newer, "newer version")
    dumped = backups.backup(db, tmp_path / "newer.jsonl")
    lines = dumped.path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(SCHEMA_HEAD, "9999_from_the_future")
    dumped.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused_untouched(db, dumped.path, "newer version")


def test_a_cut_off_dump_is_refused(db, world: World, tmp_path: Path) -> None:
    dumped = backups.backup(db, tmp_path / "cut.jsonl")
    lines = dumped.path.read_text(encoding="utf-8").splitlines()
    dumped.path.write_text("\n".join(lines[:-3]) + "\n", encoding="utf-8")
    _refused_untouched(db, dumped.path, "cut off")


def test_an_older_backup_is_upgraded_on_restore(db, world: World, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    open_database(str(old), upgrade_to="0003_email_key").close()
    with sqlite3.connect(old) as conn:
        conn.execute("INSERT INTO curricula (id, title, start_year, end_year, version) "
                     "VALUES (7, 'Learning Hub Chengdu 2020', 2020, 2022, 1)")
    conn.close()
    result = backups.restore(db, old, safety_folder=tmp_path / "safety")
    assert result.upgraded and result.schema_of_backup == "0003_email_key" and result.schema_now == SCHEMA_HEAD
    from learninghub.core.services import curricula

    with db.reading() as s:
        assert [(c.id, c.title) for c in curricula.list_curricula(s)] == [(7, "Learning Hub Chengdu 2020")]
    assert sqlite3.connect(old).execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0003_email_key"


@pytest.mark.sqlite_only
def test_a_dump_restores_into_a_fresh_database_row_for_row(db, world: World, tmp_path: Path) -> None:
    """The path PostgreSQL takes (delete all, insert all in one transaction), run here on SQLite."""
    from sqlalchemy import create_engine

    made = backups.backup(db, tmp_path / "all.jsonl")
    assert made.rows and made.rows > 20
    fresh = open_database(str(tmp_path / "fresh.sqlite"))
    try:
        with fresh.transaction() as s:
            people.add_person(s, given_name="Only", family_name="Here")
        source = create_engine(f"sqlite:///{db.target.sqlite_path}")
        with source.connect() as src, fresh.engine.connect() as dst:
            dst.execution_options(lh_write=True)
            with dst.begin():
                dump.replace_rows(src, dst)
        source.dispose()
        assert snapshot(fresh) == snapshot(db)
    finally:
        fresh.close()


@pytest.mark.sqlite_only
def test_a_backup_refuses_to_overwrite_the_database_itself(db, world: World) -> None:
    assert db.target.sqlite_path is not None
    with pytest.raises(DatabaseRefused, match="the database itself"):
        backups.backup(db, db.target.sqlite_path)


@pytest.mark.sqlite_only
def test_rotating_backup_keeps_the_newest_n_and_skips_unchanged(db, world: World, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    first = rotation.rotating_backup(db, folder=folder, keep=3)
    assert first is not None and first.exists()
    assert rotation.rotating_backup(db, folder=folder, keep=3) is None, "nothing changed: no new copy"
    made = [first]
    for i in range(4):
        with db.transaction() as s:
            people.add_person(s, given_name=f"Person {i}", family_name="Rotation")
        made.append(rotation.rotating_backup(db, folder=folder, keep=3))
    assert rotation.kept_backups(folder) == made[-3:]
    with open_database(str(made[-1])) as newest, newest.reading() as s:
        assert len(_people_named(s, "Rotation")) == 4


def _people_named(s, family: str) -> list[int]:  # type: ignore[no-untyped-def]
    from learninghub.core.services import search

    return [p.id for p in search.list_people(s) if p.family_name == family]


def test_rotating_backup_folder_is_in_the_user_data_folder(tmp_path: Path) -> None:
    from platformdirs import user_data_path

    folder = rotation.backup_folder(tmp_path / "hub.sqlite")
    assert user_data_path("LearningHubPlanner", "LearningHub") in folder.parents
    assert folder.name.startswith("hub-") and folder != rotation.backup_folder(tmp_path / "x" / "hub.sqlite")


def test_restore_into_a_fresh_database_then_keep_adding(db, world: World, fresh_db_url, tmp_path: Path) -> None:
    """On a new database (id sequences at 1) the restored ids must not be handed out again."""
    made = backups.backup(db, tmp_path / "all.jsonl")
    fresh = open_database(fresh_db_url("fresh"))
    try:
        backups.restore(fresh, made.path, safety_folder=tmp_path / "safety")
        assert snapshot(fresh) == snapshot(db)
        with fresh.transaction() as s:
            new = people.add_person(s, given_name="After", family_name="Restore")
        assert new.id > max(world.people.values())
    finally:
        fresh.close()


def test_an_older_dump_is_loaded_at_its_schema_then_upgraded(db, world: World, tmp_path: Path) -> None:
    import json

    old = tmp_path / "old.jsonl"
    lines = [
        {"format": dump.FORMAT, "version": dump.FORMAT_VERSION, "schema": "0003_email_key"},
        {"table": "curricula", "columns": ["id", "title", "start_year", "end_year", "description", "version"]},
        [3, "学习中心 Chengdu 2020–2022", 2020, 2022, None, 2],
        {"table": "people", "columns": ["id", "given_name", "family_name", "native_name", "role", "email",
                                        "email_key", "consent_contact", "created_at", "updated_at", "version"]},
        [5, "Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου", "expert", "Eleni@Example.gr", "eleni@example.gr", True,
         "2021-01-02T03:04:05", "2021-01-02T03:04:05", 1],
        {"end": True, "rows": 2},
    ]
    old.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    result = backups.restore(db, old, safety_folder=tmp_path / "safety")
    assert result.upgraded and result.schema_of_backup == "0003_email_key"
    from learninghub.core.services import curricula

    with db.reading() as s:
        assert [(c.id, c.title, c.version) for c in curricula.list_curricula(s)] == [(3, "学习中心 Chengdu 2020–2022", 2)]
        eleni = people.get_person(s, 5)
        assert (eleni.native_name, eleni.consent_contact) == ("Ελένη Παπαδοπούλου", True)
        assert eleni.sort_key  # filled in by the later migration 0004
    assert _search(db, "Παπαδ") == [5]


@pytest.mark.sqlite_only
def test_rotating_backup_does_not_even_copy_an_untouched_database(db, world: World, tmp_path: Path, monkeypatch) -> None:
    import os
    import time

    folder = tmp_path / "auto"
    assert rotation.rotating_backup(db, folder=folder) is not None
    db.flush_to_main_file()
    live = db.target.sqlite_path
    hour_ago = time.time() - 3600
    for path in (live, live.with_name(live.name + "-wal")):
        if path.exists():
            os.utime(path, (hour_ago, hour_ago))

    def no_copy(*_args):  # type: ignore[no-untyped-def]
        raise AssertionError("copied an untouched database")

    monkeypatch.setattr(rotation, "_copy_sqlite", no_copy)
    assert rotation.rotating_backup(db, folder=folder) is None
    with db.transaction() as s:  # a write makes the next start copy again
        people.add_person(s, given_name="New", family_name="Person")
    monkeypatch.undo()
    assert rotation.rotating_backup(db, folder=folder) is not None


def test_a_backup_named_relative_to_the_current_folder_restores(db, world: World, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``learninghub restore backup.sqlite`` from the backup's folder: the copy was read through a file URI,
    which a relative path cannot be ('relative path can't be expressed as a file URI', a traceback)."""
    monkeypatch.chdir(tmp_path)
    backups.backup(db, Path("copy.sqlite"), portable=False)
    with db.transaction() as s:
        people.add_person(s, given_name="Only", family_name="Afterwards")
    backups.restore(db, Path("copy.sqlite"), safety_folder=tmp_path)
    with db.reading() as s:
        assert "Afterwards" not in {row.family_name for row in people.list_people(s)}
