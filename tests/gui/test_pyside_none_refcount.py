"""Guard against the PySide6 6.12.0 / CPython 3.11 None-refcount bug.

PySide6-Essentials 6.12.0 on CPython 3.11 drops one reference to ``None`` on every
call that returns an empty value (``index.data()`` for an unset role,
``currentData()`` on an empty combo box, ``QAction.data()``); after a few thousand
calls Python aborts with "Fatal Python error: none_dealloc". pyproject.toml pins
PySide6 below 6.12 on 3.11; these tests fail if an install ever breaks that.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 5_000

PROBE = textwrap.dedent(
    f"""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QComboBox

    app = QApplication([])
    model = QStandardItemModel()
    model.appendRow(QStandardItem("row"))
    index = model.index(0, 0)
    combo = QComboBox()
    action = QAction("a")
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        index.data(Qt.ItemDataRole.UserRole + 7)
        combo.currentData()
        action.data()
        model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.UserRole)
    after = sys.getrefcount(None)
    print(before - after)
    """
)


def test_empty_qt_values_do_not_leak_references_to_none() -> None:
    """Run the calls in a child process: the bug aborts the interpreter, which must not take pytest down."""
    result = subprocess.run([sys.executable, "-c", PROBE], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"Python aborted after empty Qt values:\n{result.stderr[-2000:]}"
    lost = int(result.stdout.strip().splitlines()[-1])
    # 4 calls x CALLS iterations: a leak would show thousands of lost references.
    assert lost < CALLS // 10, f"{lost} references to None lost over {4 * CALLS} calls (PySide6 refcount bug)"


def test_installed_pyside_is_a_safe_combination() -> None:
    from importlib.metadata import version

    pyside = tuple(int(part) for part in version("PySide6-Essentials").split(".")[:2])
    if sys.version_info < (3, 12):
        assert pyside < (6, 12), f"PySide6 {pyside} on Python 3.11 has the none_dealloc bug; see pyproject.toml"
