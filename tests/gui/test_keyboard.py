"""Keyboard-only use: a walkthrough with key events alone, and every form's Tab order reaching every input."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from learninghub.core.services import seminars
from learninghub.gui import forms
from learninghub.gui.seminar.session_dialog import SessionDialog
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import settle

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, sent where the user's keyboard would send it: the widget with the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifiers)


def test_plan_with_the_keyboard_alone(qtbot, demo_db) -> None:
    with demo_db.reading() as s:
        park = next(x.id for x in seminars.list_seminars(s) if x.title == "Park City Project")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    settle(qtbot, window)  # the programme is read off the GUI thread
    tree = window.form.programmeTree
    assert window.tree_model.index_of_seminar(park) is not None
    assert QApplication.focusWidget() is tree, "the programme tree has the focus when the window opens"

    for _ in range(60):  # down the tree to the seminar
        if window.current_seminar == park:
            break
        _press(Qt.Key.Key_Down)
    assert window.current_seminar == park
    settle(qtbot, window)  # its page is read off the GUI thread
    tabs = window.form.seminarTabs
    assert window.form.detailStack.currentWidget() is tabs and tabs.isEnabled()

    _press(Qt.Key.Key_Tab)  # into the seminar's tabs
    assert tabs.isAncestorOf(QApplication.focusWidget())
    assert tabs.currentWidget() is window.form.overviewTab
    _press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is window.form.agendaTab
    _press(Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentWidget() is window.form.participantsTab
    _press(Qt.Key.Key_PageUp, CTRL)
    assert tabs.currentWidget() is window.form.agendaTab

    before = window.agenda.model.rowCount()
    _press(Qt.Key.Key_A, CTRL | SHIFT)  # Seminar → New session
    settle(qtbot, window)  # the dialog opens once its values are read
    dialogs = [d for d in window.findChildren(SessionDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialogs[0].form.titleEdit)  # once the dialog is active
    QTest.keyClicks(QApplication.focusWidget(), "Walk in the park")  # ASCII only: see the pitfalls
    _press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialogs[0].isVisible())  # saved by the core, off the GUI thread
    settle(qtbot, window)
    window.activateWindow()  # what the window manager does when a dialog closes (offscreen has none)
    qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()))
    assert window.agenda.model.rowCount() == before + 1
    assert "Walk in the park" in [window.agenda.model.index(r, 2).data() for r in range(before + 1)]

    _press(Qt.Key.Key_Z, CTRL)
    settle(qtbot, window)
    assert window.agenda.model.rowCount() == before
    _press(Qt.Key.Key_Z, CTRL | SHIFT)
    settle(qtbot, window)
    assert window.agenda.model.rowCount() == before + 1

    # Enter on a session edits it; Escape closes the dialog without saving
    view = window.agenda.form.agendaView
    view.setFocus()
    _press(Qt.Key.Key_Home)
    _press(Qt.Key.Key_Return)
    settle(qtbot, window)
    dialogs = [d for d in window.findChildren(SessionDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].windowTitle() == "Edit session"
    qtbot.waitUntil(lambda: dialogs[0].isAncestorOf(QApplication.focusWidget()))
    _press(Qt.Key.Key_Escape)
    assert not dialogs[0].isVisible()

    # Delete removes the session with the focus; Ctrl+Z brings it back
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    rows = window.agenda.model.rowCount()
    for _ in range(rows):  # down to the new session (the others have attendance: the core keeps them)
        if view.currentIndex().siblingAtColumn(2).data() == "Walk in the park":
            break
        _press(Qt.Key.Key_Down)
    _press(Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert window.agenda.model.rowCount() == rows - 1
    _press(Qt.Key.Key_Z, CTRL)
    settle(qtbot, window)
    assert window.agenda.model.rowCount() == rows


# -- Tab order of every form -------------------------------------------------------------

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractButton, QAbstractItemView, QTabBar)


def _inputs(top: QWidget) -> list[QWidget]:
    """What a user can type into or press, shown and enabled (not the parts inside a combo or spin box)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(top) or not widget.isEnabled():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            continue
        if _owner_input(widget.parentWidget(), top) is not None:
            continue  # the line edit of a combo box, the buttons of a scroll bar…
        found.append(widget)
    return found


def _owner_input(widget: QWidget | None, top: QWidget) -> QWidget | None:
    while widget is not None and widget is not top:
        if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)):
            return widget
        widget = widget.parentWidget()
    return None


def _tab_walk(top: QWidget, inputs: set[QWidget]) -> list[QWidget]:
    """The ``inputs`` Tab visits, in order, going once round the window's focus chain."""
    start = top.nextInFocusChain()
    order: list[QWidget] = []
    widget = start
    for _ in range(2000):
        owner = widget if widget in inputs else _owner_input(widget, top)
        if owner in inputs and owner not in order:
            order.append(owner)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return order


def _form_names() -> list[str]:
    return sorted(p.stem for p in forms.FORMS_DIR.glob("*.ui"))


def _build(name: str) -> QWidget:
    root = ET.parse(forms.FORMS_DIR / f"{name}.ui").getroot()
    top = root.find("widget")
    assert top is not None
    base = {"QDialog": QDialog, "QMainWindow": QMainWindow, "QWizard": QWizard}.get(top.get("class", ""), QWidget)
    widget = base()
    ui = getattr(forms.load(name), f"Ui_{root.findtext('class')}")()
    ui.setupUi(widget)
    return widget


@pytest.mark.parametrize("name", _form_names())
def test_tab_reaches_every_input_in_reading_order(qtbot, name: str) -> None:
    widget = _build(name)
    qtbot.addWidget(widget)
    widget.show()
    pages = [widget]
    if isinstance(widget, QMainWindow):  # every tab page of the main window in turn
        from PySide6.QtWidgets import QTabWidget

        pages = [t.widget(i) for t in widget.findChildren(QTabWidget) for i in range(t.count())]
        stack = widget.findChild(QStackedWidget, "detailStack")
        stack.setCurrentWidget(widget.findChild(QTabWidget, "seminarTabs"))  # as when a seminar is chosen
    for page in pages:
        if isinstance(widget, QMainWindow):
            tab = page.parentWidget().parentWidget()
            tab.setCurrentWidget(page)
        inputs = set(_inputs(page))
        order = _tab_walk(widget, inputs)
        missing = {w.objectName() or type(w).__name__ for w in inputs - set(order)}
        assert not missing, f"{name}/{page.objectName()}: Tab never reaches {sorted(missing)}"
        # reading order: no step goes back up the page unless it moves to a column on the right
        for a, b in zip(order, order[1:]):
            pa, pb = a.mapTo(widget, a.rect().topLeft()), b.mapTo(widget, b.rect().topLeft())
            assert pb.y() >= pa.y() - 4 or pb.x() >= pa.x() + a.width(), (
                f"{name}/{page.objectName()}: Tab jumps back up from {a.objectName()} to {b.objectName()}")


@pytest.mark.parametrize("name", _form_names())
def test_text_boxes_pass_tab_on_and_mnemonics_do_not_clash(qtbot, name: str) -> None:
    widget = _build(name)
    qtbot.addWidget(widget)
    for box in [*widget.findChildren(QPlainTextEdit), *widget.findChildren(QTextEdit)]:
        assert box.tabChangesFocus(), f"{name}: Tab is caught in {box.objectName()}"
    # Alt+letter must lead to one place per page (a tab page, or the dialog)
    from PySide6.QtWidgets import QTabWidget

    pages = [t.widget(i) for t in widget.findChildren(QTabWidget) for i in range(t.count())] or [widget]
    for page in pages:
        _assert_mnemonics_unique(page, name)


def test_mnemonics_do_not_clash_in_the_assembled_window(qtbot, park_city) -> None:
    """The tabs hold widgets from several forms (the preview, the certificate panel): checked together."""
    window, _ = park_city
    tabs = window.form.seminarTabs
    for i in range(tabs.count()):
        _assert_mnemonics_unique(tabs.widget(i), "main window")
    _assert_mnemonics_unique(window.curriculum_page, "main window")


def _assert_mnemonics_unique(page: QWidget, name: str) -> None:
    from PySide6.QtWidgets import QLabel

    seen: dict[str, str] = {}
    for child in [*page.findChildren(QLabel), *page.findChildren(QAbstractButton), *page.findChildren(QGroupBox)]:
        if isinstance(child, QLabel) and child.buddy() is None:
            continue
        text = child.title() if isinstance(child, QGroupBox) else child.text()
        if (match := re.search(r"&([^&\s])", text.replace("&&", ""))) is None:
            continue
        letter = match.group(1).lower()
        assert letter not in seen, f"{name}/{page.objectName()}: Alt+{letter} is both {seen[letter]!r} and {text!r}"
        seen[letter] = text
