"""GUI fixtures: the demo database, and settings kept out of the user's real ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from learninghub.core.store import Database, open_database


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp):  # type: ignore[no-untyped-def]
    """The interface in English as the app starts it (with the English plural forms: "1 person");
    tests of another language install it themselves and put English back."""
    from learninghub.gui import i18n

    i18n.install(i18n.EN)
    yield
    i18n.uninstall()


@pytest.fixture
def chinese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The interface in Chinese for one test (widgets made after it speak Chinese), English again after."""
    from learninghub.gui import i18n

    assert i18n.install(i18n.ZH) == i18n.ZH
    yield
    i18n.install(i18n.EN)


@pytest.fixture
def english_again(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """For a test that switches the language itself: English again after it."""
    from learninghub.gui import i18n

    yield
    i18n.install(i18n.EN)


@pytest.fixture(scope="package", autouse=True)
def collector(qapp):  # type: ignore[no-untyped-def]
    """As in the app: Python's garbage collector runs on the GUI thread only (gui/main_thread_gc.py)."""
    from learninghub.gui.main_thread_gc import install

    collector = install(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def collect_after_each_test(collector):  # type: ignore[no-untyped-def]
    """After each test: main windows it left open close (unsaved edits dropped: a window with some refuses
    to close, and would be found by the next test), and garbage piled up meanwhile is collected."""
    yield
    from PySide6.QtWidgets import QApplication

    from learninghub.gui.window.main_window import MainWindow

    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow) and window.isVisible():
            if (page := window.page_on_screen()) is not None:
                page.revert()
            window.close()
    collector.collect_due()


@pytest.fixture(autouse=True)
def test_settings(qapp, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Each test's QSettings in its own empty folder: never the user's, never another test's."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # caches go to test folders
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder / scope.name))
    qapp.setOrganizationName("LearningHubTests")
    qapp.setApplicationName("LearningHubPlannerTests")
    return folder


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from learninghub.core.services import demo

    path = tmp_path_factory.mktemp("gui") / "demo.sqlite"
    db = open_database(str(path))
    with db.transaction() as s:
        demo.load_demo(s)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database, so a test may change it."""
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    db = open_database(str(copy))
    yield db
    db.close()


def settle(qtbot, window, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window has no read or change under way (they run off the GUI thread) and what
    they brought is painted: what a person sees once the busy indicator is gone."""
    qtbot.waitUntil(lambda: not window.runner.busy() and not window.history.pending(), timeout=timeout)


def shown_window(qtbot, db):  # type: ignore[no-untyped-def]
    """The main window on ``db``, shown, its tree read."""
    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def session_dialog(qtbot, window, action):  # type: ignore[no-untyped-def]
    """Run ``action`` (new, edit or duplicate a session) and wait for the dialog it opens once its values
    are read off the GUI thread."""
    before = window.agenda.dialog
    action()
    qtbot.waitUntil(lambda: window.agenda.dialog is not before)
    dialog = window.agenda.dialog
    assert dialog.isVisible()
    return dialog


def saved(qtbot, window, dialog) -> None:  # type: ignore[no-untyped-def]
    """OK: the dialog closes once the core saved its values, and the window shows them."""
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    settle(qtbot, window)


def step(qtbot, window, action) -> None:  # type: ignore[no-untyped-def]
    """Undo or redo (``window.undo_action`` / ``redo_action``) and wait until it ran and was painted."""
    action.trigger()
    settle(qtbot, window)


def save_overview(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Save on the Overview tab, and wait until the core saved (or refused) and the page is painted again."""
    from PySide6.QtWidgets import QDialogButtonBox

    window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window)


class Heartbeat:
    """A 5 ms timer on the GUI thread: its ticks show the window answering, its longest gap the longest freeze."""

    def __init__(self) -> None:
        import time

        from PySide6.QtCore import QTimer

        self._clock = time.perf_counter
        self.ticks = 0
        self.longest = 0.0
        self._last = self._clock()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self._clock()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1


def open_seminar(qtbot, db, chosen, *, owned_by_test: bool = True):  # type: ignore[no-untyped-def]
    """The main window on ``db``, shown, with the first seminar ``chosen(seminar)`` accepts, its page painted:
    (window, id). ``owned_by_test=False`` leaves the window to the app (a language switch deletes the window
    it replaces; qtbot would close it again at the end)."""
    from learninghub.core.services import seminars
    from learninghub.gui.window.main_window import MainWindow

    with db.reading() as s:
        seminar_id = next(x.id for x in seminars.list_seminars(s) if chosen(x))
    window = MainWindow(db)
    if owned_by_test:
        qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.tree_model.index_of_seminar(seminar_id) is not None)
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == seminar_id):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(seminar_id))
    settle(qtbot, window)
    return window, seminar_id


@pytest.fixture
def park_city(qtbot, demo_db):  # type: ignore[no-untyped-def]
    """The main window on the demo, shown, with the Park City Project chosen: (window, seminar id)."""
    return open_seminar(qtbot, demo_db, lambda seminar: seminar.title == "Park City Project")


def visible_box(parent, name: str):  # type: ignore[no-untyped-def]
    """The one open message box named ``name`` over ``parent`` (a window, or None: any top-level
    window), or None; two open at once fail the test."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    found = (parent.findChildren(QMessageBox, name) if parent is not None
             else [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name])
    boxes = [b for b in found if b.isVisible()]
    assert len(boxes) <= 1, f"{len(boxes)} boxes {name!r} open at once"
    return boxes[0] if boxes else None
