"""Preferences → Interface language switches the running app at once (the main window is made again).

What the switch keeps: the database, the seminar and tab on screen, size and place, the People
directory. What it asks about first: unsaved edits on the page (Save / Discard / Cancel) and,
when there is one, the end of the undo history. While a long job runs it waits for the next start.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from learninghub.core.services import seminars
from learninghub.gui import i18n
from learninghub.gui.operations import BackgroundOp
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import open_seminar, settle, visible_box


@pytest.fixture
def park_city(qtbot, demo_db):  # type: ignore[no-untyped-def]
    """As conftest's, but the window is left to the app: a switch deletes the window it replaces while the
    test waits for the new one, and qtbot would close it again at the end. Closed and deleted below."""
    return open_seminar(qtbot, demo_db, lambda seminar: seminar.title == "Park City Project", owned_by_test=False)


@pytest.fixture(autouse=True)
def main_windows_deleted(qapp):  # type: ignore[no-untyped-def]
    """The main windows a test leaves (the last one of each switch), unsaved edits dropped, closed and deleted."""
    yield
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            if (page := window.page_on_screen()) is not None:
                page.revert()
            window.close()
            window.deleteLater()


def _choose_language(window: MainWindow, code: str):  # type: ignore[no-untyped-def]
    dialog = window.show_preferences()
    combo = dialog.form.languageCombo
    combo.setCurrentIndex(combo.findData(code))
    dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def _main_windows(qtbot) -> list[MainWindow]:  # type: ignore[no-untyped-def]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def _remade(qtbot, old: MainWindow, seminar_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window that replaced ``old``, once it shows ``seminar_id`` again (its place is read off the GUI thread)."""

    def shown() -> bool:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        return (len(windows) == 1 and windows[0] is not old and windows[0].current_seminar == seminar_id
                and windows[0].form.detailStack.currentWidget() is windows[0].form.seminarTabs)

    qtbot.waitUntil(shown)
    [new] = _main_windows(qtbot)
    settle(qtbot, new)
    return new


def _box(window: MainWindow, name: str) -> QMessageBox:
    box = visible_box(window, name)
    assert box is not None, f"no {name} open"
    return box


def test_preferences_list_the_languages_each_in_its_own_words(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    assert window.preferences_action.text() == "&Preferences…"
    dialog = window.show_preferences()
    combo = dialog.form.languageCombo
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en", "zh_CN"]
    assert combo.itemText(2) == "简体中文" and combo.currentData() == "system"
    assert "at once" in dialog.form.restartNote.text()
    dialog.reject()


def test_switching_to_chinese_remakes_the_window_in_place_and_back(qtbot, demo_db, park_city, english_again) -> None:
    window, seminar_id = park_city
    window.resize(1180, 720)
    window.form.seminarTabs.setCurrentWidget(window.form.agendaTab)
    people_title = window.show_people().windowTitle()
    size, title = window.size(), window.windowTitle()
    _choose_language(window, "zh_CN")
    assert i18n.preference() == "zh_CN" and i18n.language() == "zh_CN"
    assert not window.isVisible() and window.db is None  # the window replaced lets go of the database at once
    chinese = _remade(qtbot, window, seminar_id)
    assert _main_windows(qtbot) == [chinese]
    assert chinese is not window
    assert chinese.db is demo_db and chinese.current_seminar == seminar_id
    assert chinese.form.seminarTabs.currentWidget() is chinese.form.agendaTab
    # In place, not the saved size clamped to a screen (the Chinese window's least height is a line taller).
    assert chinese.width() == size.width() == 1180 and abs(chinese.height() - size.height()) <= 8
    assert chinese.form.menuFile.title() == "文件(&F)" and chinese.overview.form.seminarTitle.text() == "公园城市项目"
    assert chinese.agenda.model.headerData(0, Qt.Orientation.Horizontal) == "日期"
    assert chinese.statusBar().currentMessage() == "界面语言：简体中文"
    assert chinese.people_window is not None and chinese.people_window.isVisible()
    assert chinese.people_window.windowTitle() not in (title, people_title)

    _choose_language(chinese, "en")
    english = _remade(qtbot, chinese, seminar_id)
    assert english is not window and english is not chinese and english.form.menuFile.title() == "&File"
    assert english.current_seminar == seminar_id and english.db is demo_db
    assert english.statusBar().currentMessage() == "Interface language: English"


def test_choosing_the_language_shown_changes_nothing(qtbot, demo_db, park_city, english_again) -> None:
    window, _ = park_city
    _choose_language(window, "en")
    assert _main_windows(qtbot) == [window] and window.db is demo_db
    assert i18n.preference() == "en"


def test_unsaved_edits_are_asked_about_first_and_cancel_keeps_everything(qtbot, demo_db, park_city,
                                                                         english_again) -> None:
    window, seminar_id = park_city
    window.overview.form.venueEdit.setText("成都天府国际会议中心")
    _choose_language(window, "zh_CN")
    _box(window, "unsavedChangesBox").button(QMessageBox.StandardButton.Cancel).click()
    assert _main_windows(qtbot) == [window] and i18n.language() == "en"
    assert window.overview.form.venueEdit.text() == "成都天府国际会议中心"
    assert "next start" in window.statusBar().currentMessage()
    assert i18n.preference() == "zh_CN"  # stored for the next start

    _choose_language(window, "zh_CN")
    _box(window, "unsavedChangesBox").button(QMessageBox.StandardButton.Save).click()
    chinese = _remade(qtbot, window, seminar_id)  # once the core has saved
    assert chinese is not window and chinese.overview.form.venueEdit.text() == "成都天府国际会议中心"
    with demo_db.reading() as s:
        assert seminars.get_seminar(s, seminar_id).venue == "成都天府国际会议中心"


def test_with_an_undo_history_the_switch_is_confirmed(qtbot, demo_db, park_city, english_again) -> None:
    window, seminar_id = park_city
    window.overview.form.capacitySpin.setValue(40)
    window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window)
    assert window.undo_stack.canUndo()
    _choose_language(window, "zh_CN")
    box = _box(window, "languageSwitchBox")
    assert "简体中文" in box.text() and "Undo" in box.informativeText()
    next(b for b in box.buttons() if b.text() == "At the next start").click()
    assert _main_windows(qtbot) == [window] and window.undo_stack.canUndo()

    _choose_language(window, "zh_CN")
    box = _box(window, "languageSwitchBox")
    next(b for b in box.buttons() if b.text() == "Switch now").click()
    chinese = _remade(qtbot, window, seminar_id)
    assert chinese is not window and not chinese.undo_stack.canUndo()
    with demo_db.reading() as s:
        assert seminars.get_seminar(s, seminar_id).capacity == 40


def test_while_a_long_job_runs_the_language_waits_for_the_next_start(qtbot, demo_db, park_city,
                                                                    english_again) -> None:
    window, _ = park_city
    release = threading.Event()
    op = BackgroundOp(window, "waiting", lambda progress: release.wait(10), lambda _r: None, lambda _e: None).start()
    try:
        _choose_language(window, "zh_CN")
        assert _main_windows(qtbot) == [window] and i18n.language() == "en"
        assert "next start" in window.statusBar().currentMessage()
    finally:
        release.set()
        qtbot.waitUntil(lambda: not op.running, timeout=10_000)
