"""Keyboard shortcuts made one way that works in PySide6.

``QShortcut(QKeySequence.StandardKey.Delete, parent, slot)`` builds a shortcut that
never fires on PySide6 6.11 (found by tests/gui/test_keyboard.py); a shortcut made
from its key sequence and connected afterwards does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(keys: QKeySequence | QKeySequence.StandardKey | str, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """``keys`` (the first binding of a standard key) call ``slot`` within ``context`` of ``parent``."""
    if isinstance(keys, QKeySequence.StandardKey):
        keys = QKeySequence.keyBindings(keys)[0]
    made = QShortcut(QKeySequence(keys), parent)
    made.setContext(context)
    made.activated.connect(slot)
    return made
