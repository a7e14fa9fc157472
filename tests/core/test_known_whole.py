"""A database file checked whole (PRAGMA quick_check) is not checked again until something else touches it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from learninghub.core import backups, known_whole
from learninghub.core.services import demo
from learninghub.core.store import DatabaseDamaged, open_database


def _checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files opening runs quick_check on, from now on."""
    seen: list[Path] = []
    real = backups.integrity_problem

    def counting(path: Path) -> str | None:
        seen.append(path)
        return real(path)

    monkeypatch.setattr("learninghub.core.store.integrity_problem", counting)
    return seen


def _demo(path: Path) -> Path:
    with open_database(str(path)) as db, db.transaction() as s:
        demo.load_demo(s)
    return path


def test_a_file_this_program_closed_opens_without_a_new_check(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _demo(tmp_path / "hub.sqlite")
    checked = _checks(monkeypatch)
    for _ in range(3):
        open_database(str(path)).close()
    assert checked == []
    assert known_whole.is_known_whole(path)


def test_a_file_touched_since_is_checked_again_and_a_damaged_one_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _demo(tmp_path / "hub.sqlite")
    checked = _checks(monkeypatch)
    with path.open("r+b") as fh:  # damaged behind the program's back, in the middle of the file
        fh.seek((path.stat().st_size // 4096 // 2) * 4096)
        fh.write(b"\xa5" * 4096)
    with pytest.raises(DatabaseDamaged):
        open_database(str(path))
    assert checked == [path] and not known_whole.is_known_whole(path)
    with pytest.raises(DatabaseDamaged):  # and stays refused
        open_database(str(path))


def test_a_copy_over_the_file_is_checked_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _demo(tmp_path / "hub.sqlite")
    other = _demo(tmp_path / "other.sqlite")
    checked = _checks(monkeypatch)
    shutil.copy2(other, path)  # same size, the other file's times: another inode or content all the same
    open_database(str(path)).close()
    assert checked == [path]


def test_a_file_opened_unchecked_for_a_restore_is_not_remembered_as_whole(tmp_path: Path) -> None:
    path = _demo(tmp_path / "hub.sqlite")
    known_whole.forget(path)
    open_database(str(path), check_integrity=False).close()
    assert not known_whole.is_known_whole(path)
