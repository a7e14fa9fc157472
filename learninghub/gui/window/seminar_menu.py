"""The Seminar menu: keyboard shortcuts for what the tabs' buttons do, so no mouse is needed.

Buttons on a hidden tab cannot take a shortcut; menu actions can, and they bring
the right tab forward first. In the agenda itself, Enter edits the chosen session
and Delete deletes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from .. import keys

# (attribute, text, shortcut, tab, the window's handler)
ENTRIES = [
    ("actionNewSession", QT_TRANSLATE_NOOP("SeminarMenu", "New &session…"), "Ctrl+Shift+A", "agendaTab",
     lambda w: w.agenda.new_session()),
    ("actionDuplicateSession", QT_TRANSLATE_NOOP("SeminarMenu", "D&uplicate session…"), "Ctrl+Shift+D", "agendaTab",
     lambda w: w.agenda.duplicate_session()),
    ("actionRegister", QT_TRANSLATE_NOOP("SeminarMenu", "&Register a person"), "Ctrl+Shift+R", "participantsTab",
     lambda w: w.participants.form.registerFind.setFocus()),
    ("actionNewParticipant", QT_TRANSLATE_NOOP("SeminarMenu", "New &person, registered…"), "", "participantsTab",
     lambda w: w.participants.new_person()),
    ("actionCheckIn", QT_TRANSLATE_NOOP("SeminarMenu", "&Check in"), "Ctrl+Shift+K", "checkInTab",
     lambda w: w.check_in.form.checkInFilter.setFocus()),
    ("actionPreviewAgenda", QT_TRANSLATE_NOOP("SeminarMenu", "Preview the &agenda"), "Ctrl+Shift+G", "documentsTab",
     lambda w: w.documents.make("agenda", None)),
]


def install(window: Any) -> None:
    """Add the Seminar menu before View; its actions work only while a seminar is shown."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("SeminarMenu", "&Seminar"))
    window.menuBar().insertMenu(window.form.menuView.menuAction(), menu)
    window.seminar_menu = menu
    for attribute, text, shortcut, tab, handler in ENTRIES:
        action = QAction(QCoreApplication.translate("SeminarMenu", text), window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, t=tab, h=handler: _run(window, t, h))
        menu.addAction(action)
        setattr(window, attribute, action)
    menu.aboutToShow.connect(lambda: [a.setEnabled(bool(window.current_seminar)) for a in menu.actions()])
    view = window.agenda.form.agendaView
    view.activated.connect(lambda _index: window.agenda.edit_session())  # Enter (and double-click)
    keys.shortcut(QKeySequence.StandardKey.Delete, view, window.agenda.delete_session,
                  Qt.ShortcutContext.WidgetShortcut)
    # Ctrl+PgDown / Ctrl+PgUp change tab from anywhere in the window (a table would take them otherwise)
    for sequence, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
        keys.shortcut(sequence, window, lambda s=step: _next_tab(window, s))


def _next_tab(window: Any, step: int) -> None:
    tabs = window.form.seminarTabs
    if window.form.detailStack.currentWidget() is tabs:
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())


def _run(window: Any, tab: str, handler: Any) -> None:
    if not window.current_seminar:
        window.statusBar().showMessage(QCoreApplication.translate("SeminarMenu", "Choose a seminar in the programme first"),
                                       5000)
        return
    window.form.seminarTabs.setCurrentWidget(getattr(window.form, tab))
    handler(window)
