"""File → Backup… and File → Restore… (the file dialog patched, no dialog ever exec()ed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from learninghub.core.services import people
from learninghub.gui.window.main_window import MainWindow
from tests.databases import snapshot
from tests.gui.conftest import settle


def _file_menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.form.menuFile.actions() if not a.isSeparator()]


def test_file_backup_writes_a_copy_off_the_gui_thread(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    texts = _file_menu_texts(window)
    assert texts.index("&Backup…") < texts.index("Res&tore…") < texts.index("&Quit")
    target = tmp_path / "out" / "hub-backup.sqlite"
    target.parent.mkdir()
    asked = []

    def fake_dialog(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    window.databases.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: not window.databases.backups.op.running, timeout=10_000)
    name = Path(asked[0]).name  # in the folder files were last saved to (Documents at first)
    assert name.startswith("demo-backup-") and name.endswith(".sqlite")
    from PySide6.QtCore import QSettings

    from learninghub.gui import file_places

    assert QSettings().value(file_places.FOLDER_KEY) == str(target.parent)  # the next one starts there
    assert "Backup written to" in window.statusBar().currentMessage()
    from learninghub.core.store import open_database

    with open_database(str(target)) as copy:
        assert snapshot(copy) == snapshot(demo_db)


def test_restore_brings_the_backup_back_into_the_window(qtbot, demo_db, tmp_path: Path) -> None:
    from learninghub.exporting.backup import backup

    made = backup(demo_db, tmp_path / "before.sqlite")
    before = snapshot(demo_db)
    with demo_db.transaction() as s:
        people.add_person(s, given_name="Wei", family_name="Zhang", native_name="张伟")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    actions = window.databases.backups
    actions.restore_from(made.path)
    qtbot.waitUntil(lambda: not actions.op.running, timeout=10_000)
    settle(qtbot, window)  # the window reads the restored data again
    assert "Restored before.sqlite" in window.statusBar().currentMessage()
    assert window.db is not demo_db  # reopened on the restored data
    assert snapshot(window.db) == before
    window.db.close()


def test_a_refused_restore_is_reported(qtbot, demo_db, tmp_path: Path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    actions = window.databases.backups
    actions.restore_from(notes)
    qtbot.waitUntil(lambda: not actions.op.running, timeout=10_000)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "is not a Learning Hub backup" in boxes[-1].text()
    assert window.db is demo_db


def test_the_backup_on_open_runs_on_a_worker_thread(demo_db, tmp_path: Path, monkeypatch) -> None:
    import threading

    from learninghub.exporting import rotation
    from learninghub.gui.database.backup_menu import backup_on_open

    seen = []
    real = rotation.rotating_backup

    def recording(db, **kw):  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread())
        return real(db, folder=tmp_path / "auto", keep=2)

    monkeypatch.setattr(rotation, "rotating_backup", recording)
    thread = backup_on_open(demo_db)
    assert thread is not None
    thread.join(10)
    assert seen == [thread] and seen[0] is not threading.main_thread()
    assert len(rotation.kept_backups(tmp_path / "auto")) == 1
