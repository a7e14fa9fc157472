"""The mail window on real widgets (offscreen): recipients and a live preview, sending to the test server
with progress and Cancel, then Resume in the outbox sends exactly the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QWidget

from learninghub.core.store import open_database
from learninghub.gui.mail.mail_window import MailWindow
from learninghub.gui.runner import Runner
from tests.mail.conftest import SENDER, Server, make_programme


class Host(QWidget):
    """What the mail window sees of the main window: the runner, the database, the status line."""

    def __init__(self, db: Any) -> None:
        super().__init__()
        self.db = db
        self.runner = Runner(lambda: self.db, self)
        self.status: list[str] = []

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        self.status.append(text)


@pytest.fixture
def window(qtbot, db_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(str(db_path))
    make_programme(db)
    host = Host(db)
    qtbot.addWidget(host)
    dialog = MailWindow(host, 1, host)
    qtbot.addWidget(dialog)
    dialog.sender.setText(SENDER)
    yield dialog
    qtbot.waitUntil(lambda: dialog.op is None or not dialog.op.running, timeout=30000)
    db.close()


def test_recipients_listed_with_a_live_preview_and_placeholders_inserted(qtbot, window: MailWindow) -> None:
    window.template.setCurrentIndex(window.template.findData("reminder"))
    qtbot.waitUntil(lambda: window.people.count() == 52, timeout=10000)  # 50, and 2 left out with the reason
    assert "2 left out" in window.summary.text()
    row = next(n for n in range(window.people.count()) if window.people.item(n).text().startswith("李佳2 "))
    window.people.setCurrentRow(row)  # Chinese wording with "each person's language"
    assert "尊敬的李佳2" in window.preview.toPlainText() and "提醒" in window.preview.toPlainText()
    window.lang.setCurrentIndex(window.lang.findData("en"))
    window.body.setFocus()
    window.body.setPlainText("Hello ")
    window.body.moveCursor(QTextCursor.MoveOperation.End)  # where the user clicked
    window.insert.activated.emit(window.insert.findData("name"))
    assert window.body.toPlainText() == "Hello ${name}"
    window.refresh()
    qtbot.waitUntil(lambda: window.preview.toPlainText().endswith("Hello 李佳2") or window.people.currentRow() == 0,
                    timeout=10000)
    window.people.setCurrentRow(row)
    assert window.preview.toPlainText().endswith("Hello 李佳2")


def test_recipients_show_before_the_sender_is_given_and_sending_asks_for_it(qtbot, window: MailWindow) -> None:
    """A new window has no From yet: the people and their messages show all the same; only sending refuses."""
    window.sender.clear()
    window.template.setCurrentIndex(window.template.findData("reminder"))
    window.refresh()
    qtbot.waitUntil(lambda: window.people.count() == 52, timeout=10000)
    assert "recipients" in window.summary.text()
    with pytest.raises(Exception, match="e-mail address"):
        window.request()


def test_send_with_progress_and_cancel_then_resume_sends_the_rest(qtbot, window: MailWindow, smtp_server: Server,
                                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.template.setCurrentIndex(window.template.findData("reminder"))
    for box in window.attach.values():
        box.setChecked(False)
    window.server.setText(smtp_server.address)
    window.security.setCurrentIndex(window.security.findData("none"))
    window.pace.setValue(1200)  # one each 0.05 s: time to press Cancel
    window.send_button.click()
    assert window.op is not None and window.op.running
    qtbot.waitUntil(lambda: smtp_server.count() >= 8, timeout=20000)
    qtbot.waitUntil(lambda: window.op.dialog.maximum() == 50, timeout=5000)  # the progress bar knows the batch
    window.op.dialog.cancel()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: not window.op.running, timeout=20000)
    got = smtp_server.count()
    assert 8 <= got < 50 and "Cancelled" in window.summary.text()
    qtbot.waitUntil(lambda: window.batches.rowCount() == 1, timeout=10000)
    assert window.batches.item(0, 3).text() == str(got) and window.batches.item(0, 5).text() == str(50 - got)
    window.pace.setValue(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing is unknown"))
    window.batches.selectRow(0)
    window.resume_button.click()
    qtbot.waitUntil(lambda: not window.op.running, timeout=30000)
    rcpts = [r for _, tos, _ in smtp_server.received for r in tos]
    assert sorted(rcpts) == sorted(f"p{n}@example.org" for n in range(1, 51))
    qtbot.waitUntil(lambda: window.batches.item(0, 3).text() == "50", timeout=10000)
