"""Switch the interface language of the running app: the main window is made again in it.

Why a new window rather than re-translating the open one: every widget takes its words
when it is made (forms, menus, combo items, table labels built in Python); re-setting
each in place would leave some behind in the old language. The new window opens on the
same database, seminar or curriculum, tab, size and position (and the People directory
if it was open). Before it does, the page's unsaved edits are saved or discarded (asked,
as when leaving the page), and, when there is an undo history, the user confirms that it
ends (its steps belong to the old window). While a long job runs, nothing is switched:
the new language is used from the next start, and the status bar says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from .. import i18n
from ..operations import any_running


class MainWindow(Protocol):
    """What a switch needs of the window it replaces (a QMainWindow that can hand its database over)."""

    db: Any
    undo_stack: QUndoStack
    people_window: Any

    def ask_to_leave(self, then: Callable[[], None], otherwise: Callable[[], None] | None = None) -> Any: ...

    def hand_over(self) -> Any: ...

    def save_layout(self) -> None: ...

    def show_people(self) -> Any: ...


def offer(window: MainWindow, language: str) -> QMessageBox | None:
    """Switch ``window`` to ``language`` now, asking first what the switch would cost (unsaved edits,
    the undo history); at the next start instead if a long job is running or the user says so.
    Returns the question box when one is open."""
    if window.db is None or any_running():
        later(window)
        return None
    if not window.undo_stack.canUndo() and not window.undo_stack.canRedo():
        return window.ask_to_leave(lambda: switch(window, language), lambda: later(window))
    question = QCoreApplication.translate("LanguageSwitch", "Switch the interface to {language} now?")
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("LanguageSwitch", "Interface language"),
                      question.format(language=i18n.CHOICES[language]), QMessageBox.StandardButton.NoButton, window)
    box.setInformativeText(QCoreApplication.translate(
        "LanguageSwitch", "The window is opened again in the new language; Undo starts afresh there."))
    now = box.addButton(QCoreApplication.translate("LanguageSwitch", "Switch now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("LanguageSwitch", "At the next start"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.setObjectName("languageSwitchBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: object) -> None:
        if button is now:
            window.ask_to_leave(lambda: switch(window, language), lambda: later(window))
        else:
            later(window)

    box.buttonClicked.connect(answered)
    box.open()
    return box


def later(window: MainWindow) -> None:
    """The choice is stored; the status bar says when it takes effect."""
    window.statusBar().showMessage(
        QCoreApplication.translate("LanguageSwitch", "The interface language changes at the next start."), 8000)


def switch(window: MainWindow, language: str) -> MainWindow:
    """The main window again, in ``language``, on the same database and place; the old one closes."""
    window.save_layout()  # the new window restores size, splitter and columns from here
    people_open = window.people_window is not None and window.people_window.isVisible()
    db = window.hand_over()
    installed = i18n.install(language)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(app.translate("MainWindow", "Learning Hub Planner"))
    new = type(window)(db)  # a window of the same kind: this module needs no import of it
    assert isinstance(new, QMainWindow) and isinstance(window, QMainWindow)
    new.setGeometry(window.geometry())  # exactly where the old one was (a saved geometry may be clamped)
    new.setWindowState(window.windowState())  # seminar, curriculum and tab: the place save_layout() kept
    new.show()
    window.close()
    window.deleteLater()
    if people_open:
        new.show_people()
    shown = QCoreApplication.translate("LanguageSwitch", "Interface language: {language}")
    new.statusBar().showMessage(shown.format(language=i18n.CHOICES[installed]), 8000)
    return new
