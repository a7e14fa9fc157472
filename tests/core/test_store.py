"""Opening databases: what is refused stays byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from learninghub.core import store
from learninghub.core.errors import DatabaseRefused


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_new_database_is_private_and_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "hub.sqlite"
    path.parent.mkdir()  # a new database is made only in a folder that exists (test_open_hostile.py)
    db = store.open_database(str(path))
    try:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -store.SQLITE_CACHE_KIB  # KiB, not pages
    finally:
        db.close()


@pytest.mark.parametrize(
    "content",
    [b"name,email\nLi,li@example.cn\n", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, b"SQLite format 2\x00xx"],
    ids=["csv", "png", "almost-sqlite"],
)
def test_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hub.sqlite"
    path.write_bytes(content)
    listing = _siblings(path)
    with pytest.raises(DatabaseRefused, match="is not a Learning Hub database"):
        store.open_database(str(path))
    assert path.read_bytes() == content
    assert _siblings(path) == listing


def test_database_of_another_program_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    digest = _digest(path)
    with pytest.raises(DatabaseRefused, match="database of another program"):
        store.open_database(str(path))
    assert _digest(path) == digest


def test_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "hub.sqlite"
    store.open_database(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    digest = _digest(path)
    with pytest.raises(DatabaseRefused) as info:
        store.open_database(str(path))
    assert "newer version" in str(info.value) and "9999_from_the_future" in str(info.value)
    assert _digest(path) == digest
    assert [p for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="is a folder"):
        store.open_database(str(tmp_path))


def test_failed_transaction_changes_nothing(db, db_path) -> None:
    from learninghub.core.services import curricula

    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            curricula.add_curriculum(s, title="Half-done")
            raise RuntimeError("crash in the middle of a user action")
    with db.reading() as s:
        assert curricula.list_curricula(s) == []


def test_url_forms_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    assert store.parse_target(str(path)).sqlite_path == path
    assert store.parse_target(f"sqlite:///{path}").sqlite_path == path
    target = store.parse_target("postgresql+psycopg://hub@127.0.0.1/hub")
    assert target.sqlite_path is None and not target.is_sqlite


def test_unreachable_server_is_a_clear_refusal_without_the_password() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DatabaseRefused) as info:
        store.open_database(f"postgresql+psycopg://planner:s3cret@127.0.0.1:{port}/hub?connect_timeout=5")
    message = str(info.value)
    assert f"127.0.0.1:{port}/hub" in message and "refused" in message.lower()
    assert "s3cret" not in message


@pytest.mark.parametrize("url", ["mysql://planner:s3cret@127.0.0.1/hub", "nonsense://x"])
def test_other_kinds_of_database_url_are_refused(url: str) -> None:
    with pytest.raises(DatabaseRefused, match="only SQLite files and postgresql") as info:
        store.open_database(url)
    assert "s3cret" not in str(info.value)
