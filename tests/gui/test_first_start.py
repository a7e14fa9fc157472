"""A first start: a database without a curriculum shows what to do first (the demo in one click, a new
curriculum, open, connect to a team server); Help → About says where the data is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from learninghub import __version__, config
from learninghub.core.services import demo
from learninghub.core.store import open_database
from tests.gui.conftest import settle, shown_window, visible_box


def test_a_new_database_shows_the_first_steps_and_the_demo_loads_in_one_click(qtbot, tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "new.sqlite"))
    try:
        window = shown_window(qtbot, db)
        welcome = window.welcome
        assert window.form.detailStack.currentWidget() is window.welcome_page
        assert str(tmp_path / "new.sqlite") in welcome.where.text()
        buttons = (welcome.demo_button, welcome.new_button, welcome.open_button, welcome.connect_button)
        assert all(b.isVisible() and b.isEnabled() for b in buttons)

        qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.tree_model.rowCount() == 2, timeout=20_000)
        settle(qtbot, window)
        assert window.form.detailStack.currentWidget() is window.form.emptyHint  # "Choose a seminar on the left…"
        assert window.statusBar().currentMessage().startswith("Loaded the demo programme: 2 curricula, 7 seminars")
        with db.transaction() as s:
            assert not demo.is_empty(s)
    finally:
        db.close()


def test_the_demo_never_mixes_into_a_database_filled_meanwhile(qtbot, tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "new.sqlite"))
    try:
        window = shown_window(qtbot, db)
        other = open_database(str(tmp_path / "new.sqlite"))  # someone else, on the same file
        with other.transaction() as s:
            demo.load_demo(s)
        other.close()
        qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: visible_box(window, "demoNotLoadedBox") is not None, timeout=20_000)
        box = visible_box(window, "demoNotLoadedBox")
        assert "already holds data" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.tree_model.rowCount() == 2, timeout=10_000)  # what is there, shown once
    finally:
        db.close()


def test_new_curriculum_opens_the_new_seminar_box_which_takes_a_new_curriculum(qtbot, tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "new.sqlite"))
    try:
        window = shown_window(qtbot, db)
        qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
        dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
        assert [type(d).__name__ for d in dialogs] == ["NewSeminarDialog"]
        dialogs[0].reject()
    finally:
        db.close()


def test_about_names_the_version_the_data_folder_and_the_database(qtbot, demo_db) -> None:
    window = shown_window(qtbot, demo_db)
    assert window.form.detailStack.currentWidget() is window.form.emptyHint  # a curriculum: no first steps
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu.objectName() == "menuHelp" and window.about_action in help_menu.actions()
    window.about_action.trigger()
    box = visible_box(window, "aboutBox")
    assert box is not None and box.windowTitle() == "About Learning Hub Planner"
    text = box.text()
    assert f"Learning Hub Planner</b> {__version__}" in text
    assert f"Data folder: {config.data_folder()}" in text
    assert f"This database: {demo_db.target.label}" in text
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visible_box(window, "aboutBox") is None)
