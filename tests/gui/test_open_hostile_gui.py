"""The window refuses what it should not open, in a message, never a traceback (issue 19):
a damaged file (offering to restore its newest good backup), a path in folders that do not
exist (File → New / Open, or the app started on it), a malformed server URL."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from learninghub.core.store import Database, open_database
from learninghub.gui import app
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import settle


def damage(path: Path) -> None:
    pages = path.stat().st_size // 4096
    with path.open("r+b") as fh:
        fh.seek((pages // 2) * 4096)
        fh.write(b"\xa5" * 4096)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(demo_file: Path, tmp_path: Path, monkeypatch) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A damaged copy of the demo, and a good backup of it beside it (the copy kept before a restore)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "hub"
    folder.mkdir()
    path = Path(shutil.copy(demo_file, folder / "demo.sqlite"))
    backup = Path(shutil.copy(demo_file, folder / "demo.before-restore-20260101-000000.sqlite"))
    damage(path)
    return path, backup


def boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_start_on_a_damaged_file_offers_its_backup_and_restores_it(qtbot, damaged) -> None:  # type: ignore[no-untyped-def]
    path, backup = damaged
    window = MainWindow(label=app._label(str(path)))
    qtbot.addWidget(window)
    window.show()
    opening = app.Opening(window, str(path))
    opening.start()
    qtbot.waitUntil(lambda: bool(boxes(window)), timeout=20_000)
    box = boxes(window)[-1]
    assert f"{path} is damaged" in box.text() and str(backup) in box.text() and "Restore it?" in box.text()
    restore = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    restore.click()
    qtbot.waitUntil(lambda: window.db is not None, timeout=30_000)
    assert not opening.failed and window.isVisible()
    settle(qtbot, window, timeout=30_000)
    assert window.tree_model.rowCount() >= 1
    assert window.db.target.sqlite_path == path
    window.db.close()
    with open_database(str(path)) as db:  # whole again
        assert db.target.sqlite_path == path
    assert list(path.parent.glob("demo.before-restore-2*.sqlite")), "the damaged file is kept as a safety copy"


def test_start_on_a_damaged_file_declined_closes_and_leaves_it_untouched(qtbot, damaged) -> None:  # type: ignore[no-untyped-def]
    path, _backup = damaged
    before = digest(path)
    window = MainWindow(label=app._label(str(path)))
    qtbot.addWidget(window)
    window.show()
    opening = app.Opening(window, str(path))
    opening.start()
    qtbot.waitUntil(lambda: bool(boxes(window)), timeout=20_000)
    box = boxes(window)[-1]
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert opening.failed and window.db is None
    assert digest(path) == before


def test_start_on_a_damaged_file_without_backup_says_so(qtbot, demo_file, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = Path(shutil.copy(demo_file, tmp_path / "alone.sqlite"))
    damage(path)
    before = digest(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    window = MainWindow(label=app._label(str(path)))
    qtbot.addWidget(window)
    window.show()
    opening = app.Opening(window, str(path))
    opening.start()
    qtbot.waitUntil(lambda: opening.failed, timeout=20_000)
    assert len(shown) == 1 and "is damaged" in shown[0] and "No backup of it was found." in shown[0]
    assert "Traceback" not in shown[0] and not window.isVisible()
    assert digest(path) == before


def test_open_a_damaged_file_keeps_the_current_database_when_declined(qtbot, demo_db: Database, damaged) -> None:  # type: ignore[no-untyped-def]
    path, _backup = damaged
    before = digest(path)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    window.databases.open_path(str(path))
    qtbot.waitUntil(lambda: window.databases.restore_box is not None, timeout=20_000)
    box = window.databases.restore_box
    assert "is damaged" in box.text() and "Restore it?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot, window)
    assert window.db is demo_db and digest(path) == before


@pytest.mark.parametrize("how", ["new", "open_path"])
def test_a_file_in_folders_that_do_not_exist_is_refused_and_no_folder_is_made(qtbot, demo_db, tmp_path, monkeypatch,
                                                                               how: str) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    wanted = tmp_path / "nothere" / "sub" / "hub.sqlite"
    if how == "new":
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(wanted), "")))
        window.databases.ask_new()
    else:
        window.databases.open_path(str(wanted))
    qtbot.waitUntil(lambda: bool(boxes(window)), timeout=20_000)
    text = boxes(window)[-1].text()
    assert f"the folder {tmp_path / 'nothere'} does not exist" in text and "nothing was created" in text
    settle(qtbot, window)
    assert window.db is demo_db and not (tmp_path / "nothere").exists()


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql+psycopg://::::/", "the port must be a number from 1 to 65535"),
    ("postgresql+psycopg://u:s3cr3t@h:99999/db", "has port 99999"),
    ("mysql://u:s3cr3t@h/db", "mysql:// is not a database this program can use"),
])
def test_start_on_a_malformed_server_url_says_what_is_wrong(qtbot, monkeypatch, url: str, words: str) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    window = MainWindow(label=app._label(url))
    qtbot.addWidget(window)
    window.show()
    opening = app.Opening(window, url)
    opening.start()
    qtbot.waitUntil(lambda: opening.failed, timeout=20_000)
    assert len(shown) == 1 and words in shown[0] and "s3cr3t" not in shown[0]
    assert window.db is None and not window.isVisible()


def test_open_recent_with_a_malformed_server_url_says_what_is_wrong(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    box = window.databases.open_server("postgresql+psycopg://u:s3cr3t@h:abc/db")
    assert isinstance(box, QMessageBox) and "not 'abc'" in box.text() and "s3cr3t" not in box.text()
    assert window.db is demo_db

