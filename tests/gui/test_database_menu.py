"""File → New / Open / Open recent, and refusals shown as messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from learninghub.gui.database.database_menu import recent_databases
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import settle


def test_opening_another_database_switches_the_window(qtbot, demo_db, tmp_path: Path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)  # the tree is read off the GUI thread
    assert window.tree_model.rowCount() >= 1
    fresh = tmp_path / "new.sqlite"
    window.databases.open_path(str(fresh))  # made and migrated off the GUI thread
    qtbot.waitUntil(lambda: window.db is not demo_db)
    opened = window.db
    assert opened.target.sqlite_path == fresh and fresh.exists()
    settle(qtbot, window)
    assert window.tree_model.rowCount() == 0
    assert str(fresh) in window.windowTitle()
    assert recent_databases()[0] == str(fresh)
    window.close()
    opened.close()


def test_a_file_that_is_not_a_database_is_reported_and_the_current_one_stays(qtbot, demo_db, tmp_path: Path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list\n")
    window.databases.open_path(str(notes))
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    boxes = window.findChildren(QMessageBox)
    assert boxes and "is not a Learning Hub database" in boxes[-1].text()
    settle(qtbot, window)
    assert window.db is demo_db and window.tree_model.rowCount() >= 1
    assert notes.read_text() == "shopping list\n"


def test_recent_menu_lists_opened_databases(qtbot, demo_db, tmp_path: Path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    for name in ("a.sqlite", "b.sqlite"):
        window.databases.open_path(str(tmp_path / name))
        qtbot.waitUntil(lambda n=name: window.db.target.sqlite_path == tmp_path / n)
    window.form.menuRecent.aboutToShow.emit()
    titles = [a.text() for a in window.form.menuRecent.actions()]
    assert titles[:2] == [str(tmp_path / "b.sqlite"), str(tmp_path / "a.sqlite")]
    window.form.menuRecent.actions()[1].trigger()
    qtbot.waitUntil(lambda: window.db.target.sqlite_path == tmp_path / "a.sqlite")
    window.db.close()
