"""A bug nobody caught is written to a log file and told to the user, not printed to a terminal no one reads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from learninghub.gui.unexpected_errors import UnexpectedErrors
from tests.gui.conftest import visible_box


def _boom() -> None:
    raise ZeroDivisionError("division by zero in a slot")


@pytest.fixture
def reporter(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    errors = UnexpectedErrors(qapp, tmp_path / "logs" / "errors.log")
    yield errors
    errors.uninstall()
    if errors.box is not None:
        errors.box.close()


def _box() -> QMessageBox | None:
    return visible_box(None, "unexpectedErrorBox")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_told_once(qtbot, reporter, capsys) -> None:
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: _box() is not None, timeout=5_000)
    box = _box()
    assert box.windowTitle() == "Something went wrong"
    assert "Your data is safe" in box.informativeText() and str(reporter.log_path) in box.informativeText()
    assert box.detailedText() == "ZeroDivisionError: division by zero in a slot"
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "_boom" in logged and "division by zero in a slot" in logged
    assert "_boom" in capsys.readouterr().err  # and on the terminal, for whoever started the app from one

    QTimer.singleShot(0, _boom)  # more errors while the message is open: counted in it, no second box
    qtbot.waitUntil(lambda: "1 more error since this one." in box.detailedText(), timeout=5_000)
    assert _box() is box and reporter.log_path.read_text(encoding="utf-8").count("Traceback") == 2


def test_an_error_on_another_thread_is_logged(qtbot, reporter) -> None:
    thread = threading.Thread(target=_boom, name="backup-on-open")
    thread.start()
    thread.join()
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "in thread backup-on-open" in logged and "ZeroDivisionError" in logged
    assert _box() is None  # no widgets from a worker thread


@pytest.mark.qt_no_exception_capture
def test_the_message_in_chinese(qtbot, chinese, reporter) -> None:
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: _box() is not None, timeout=5_000)
    box = _box()
    assert box.windowTitle() == "出错了" and box.text().endswith("您刚才的操作已中止。")
    assert box.informativeText().startswith("您的数据是安全的：每项更改要么完整保存，要么完全不保存。详细信息已写入")


def test_a_log_that_cannot_be_written_still_tells(qtbot, qapp, tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    errors = UnexpectedErrors(qapp, blocked / "errors.log")
    try:
        box = errors.tell("RuntimeError: disk full", errors.write("trace"))
        assert box.informativeText().endswith("The details could not be written to a file.")
        box.close()
    finally:
        errors.uninstall()


def test_after_the_message_is_closed_or_deleted_the_next_error_is_told_again(qtbot, qapp, tmp_path) -> None:
    errors = UnexpectedErrors(qapp, tmp_path / "errors.log")
    try:
        first = errors.tell("RuntimeError: one", None)
        first.close()  # deleted on close: the next error opens a message of its own
        qtbot.waitUntil(lambda: errors.box is None, timeout=5_000)
        second = errors.tell("RuntimeError: two", None)
        assert second is not first and second.detailedText() == "RuntimeError: two"
        second.deleteLater()  # gone with the window it was shown over (a language switch deletes that window)
        qtbot.waitUntil(lambda: errors.box is None, timeout=5_000)
        third = errors.tell("RuntimeError: three", None)  # no RuntimeError from a deleted box inside the hook
        assert third.detailedText() == "RuntimeError: three"
        third.close()
    finally:
        errors.uninstall()
