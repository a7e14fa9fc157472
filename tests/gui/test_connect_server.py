"""File → Connect to a server…: URLs built and read, failures said plainly, no password kept.

The real connection tests need a PostgreSQL server (``LEARNINGHUB_TEST_PG_URL``, which
``.ci/run`` sets); without one they are skipped, saying so.
"""

from __future__ import annotations

import logging
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from sqlalchemy.engine import make_url

from learninghub.gui.database.connect_dialog import ConnectServerDialog, last_settings
from learninghub.gui.database.database_menu import RECENT_KEY, recent_databases, remember
from learninghub.gui.database.server_url import ServerSettings, display_name, parse, storable
from tests.gui.conftest import settle

SECRET = "p@ss:/w?rd#%&x"


def settings_bytes() -> bytes:
    settings = QSettings()
    settings.sync()
    return Path(settings.fileName()).read_bytes()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed when the block ends: nothing listens there


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    connected: list[object] = []
    d = ConnectServerDialog(None, lambda db, settings: connected.append((db, settings)))
    d.connected = connected  # type: ignore[attr-defined]
    qtbot.addWidget(d)
    return d


def test_the_url_quotes_special_characters_and_brackets_an_ipv6_host() -> None:
    settings = ServerSettings(host="::1", port=5433, database="hub", user="ana maría", password=SECRET)
    url = settings.url()
    assert "[::1]:5433/hub" in url and SECRET not in url and "p%40ss%3A%2Fw%3Frd%23%25%26x" in url
    read = make_url(url)
    assert (read.host, read.port, read.database, read.username, read.password) == ("::1", 5433, "hub", "ana maría",
                                                                                  SECRET)
    assert parse(url) == settings
    assert settings.display == "ana maría@[::1]:5433/hub"
    assert display_name(ServerSettings(host="db.example.org", database="hub", user="li").url()) == "li@db.example.org/hub"
    assert "password" not in settings.url(with_password=False) and SECRET not in storable(url)
    assert make_url(storable(url)).password is None
    # a password given in the query is a secret too
    assert storable("postgresql://u@h/db?password=x&sslmode=require") == "postgresql://u@h/db?sslmode=require"
    assert display_name("postgresql://u:x@h/db?password=x") == "u@h/db"
    with pytest.raises(ValueError):
        parse("mysql://u@h/db")
    with pytest.raises(ValueError):
        parse("not a url at all")


def test_a_pasted_url_fills_the_fields_and_leaves_no_password_on_screen(qtbot, dialog) -> None:
    f = dialog.form
    assert f.passwordEdit.echoMode() == QLineEdit.EchoMode.Password
    assert f.portSpin.value() == 5432
    f.urlEdit.setFocus()
    qtbot.keyClicks(f.urlEdit, "postgresql://chen:s3cret@[fe80::1]:6543/learning_hub")
    f.urlEdit.editingFinished.emit()
    assert (f.hostEdit.text(), f.portSpin.value(), f.databaseEdit.text(), f.userEdit.text(),
            f.passwordEdit.text()) == ("fe80::1", 6543, "learning_hub", "chen", "s3cret")
    assert f.urlEdit.text() == ""  # the password is not left readable
    assert dialog.settings().url().startswith("postgresql+psycopg://chen:s3cret@[fe80::1]:6543/learning_hub")
    f.urlEdit.setText("ftp://example.org/x")
    f.urlEdit.editingFinished.emit()
    assert "not a PostgreSQL URL" in f.resultLabel.text() and f.hostEdit.text() == "fe80::1"


def test_an_unreachable_server_is_said_plainly_without_freezing_the_window(qtbot, dialog) -> None:
    port = closed_port()
    dialog.set_settings(ServerSettings(host="127.0.0.1", port=port, database="hub", user="ana", password=SECRET))
    op = dialog.test_connection()
    assert op is not None and op.running  # the call returned at once: the work is on a pool thread
    assert not dialog.form.testButton.isEnabled() and "Connecting to ana@127.0.0.1" in dialog.form.resultLabel.text()
    qtbot.waitUntil(lambda: not op.running, timeout=20_000)
    text = dialog.form.resultLabel.text()
    assert f"The server at 127.0.0.1:{port} cannot be reached" in text, text
    assert "Traceback" not in text and SECRET not in text
    assert dialog.form.testButton.isEnabled() and dialog.connected == []


def test_connect_to_an_unreachable_server_keeps_the_dialog_open(qtbot, dialog) -> None:
    dialog.set_settings(ServerSettings(host="127.0.0.1", port=closed_port(), database="hub", user="ana"))
    dialog.show()
    op = dialog.connect_now()
    qtbot.waitUntil(lambda: not op.running, timeout=20_000)
    assert dialog.isVisible() and dialog.connected == [] and "cannot be reached" in dialog.form.resultLabel.text()


def test_without_the_driver_the_message_says_what_to_install(qtbot, dialog, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` fails as when it is not installed
    dialog.set_settings(ServerSettings(host="127.0.0.1", database="hub"))
    op = dialog.test_connection()
    qtbot.waitUntil(lambda: not op.running, timeout=20_000)
    text = dialog.form.resultLabel.text()
    assert "psycopg" in text and 'pip install "learninghub-planner[postgres]"' in text, text


def test_empty_host_or_database_is_asked_for(dialog) -> None:
    dialog.set_settings(ServerSettings(host="", database=""))
    assert dialog.test_connection() is None and "Enter the host and the database" in dialog.form.resultLabel.text()


def test_the_recent_list_and_the_settings_never_hold_a_password(qtbot, demo_db, test_settings) -> None:
    from learninghub.gui.database.connect_dialog import remember_settings
    from learninghub.gui.window.main_window import MainWindow

    url = ServerSettings(host="db.example.org", database="hub", user="ana", password=SECRET).url()
    QSettings().setValue(RECENT_KEY, [url])  # as an older version stored it
    assert recent_databases() == [storable(url)]
    remember(url)
    remember_settings(parse(url))
    raw = settings_bytes()
    assert b"db.example.org" in raw and b"ana" in raw
    for secret in (SECRET, "p%40ss", "p%2540ss", "w?rd"):
        assert secret.encode() not in raw, secret
    assert last_settings() == ServerSettings(host="db.example.org", database="hub", user="ana")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.form.menuRecent.aboutToShow.emit()
    assert [a.text() for a in window.form.menuRecent.actions()] == ["ana@db.example.org/hub"]
    dialog = window.databases.ask_connect()
    assert dialog.form.userEdit.text() == "ana" and dialog.form.passwordEdit.text() == ""
    dialog.reject()


def test_reopening_an_unreachable_server_from_recent_reports_it(qtbot, demo_db) -> None:
    from PySide6.QtWidgets import QMessageBox

    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    remember(ServerSettings(host="127.0.0.1", port=closed_port(), database="hub", user="ana").url())
    window.form.menuRecent.aboutToShow.emit()
    window.form.menuRecent.actions()[0].trigger()
    op = window.databases.op
    qtbot.waitUntil(lambda: not op.running, timeout=20_000)
    box = window.findChildren(QMessageBox)[-1]
    assert "cannot be reached" in box.text() and window.db is demo_db


# -- against a real server (skipped without one)

def test_connect_sets_up_a_fresh_database_and_the_window_shows_it(qtbot, demo_db, pg_server, caplog) -> None:
    from learninghub.core.services import demo
    from learninghub.gui.database.backup_menu import backup_on_open
    from learninghub.gui.window.main_window import MainWindow

    name = pg_server.create(migrated=False)
    try:
        window = MainWindow(demo_db)
        qtbot.addWidget(window)
        base = parse(pg_server.url(name))
        dialog = window.databases.ask_connect()
        # the server trusts local users, so any password passes: it must still be kept nowhere
        dialog.set_settings(ServerSettings(host=base.host, port=base.port, database=name, user=base.user,
                                           password=SECRET))
        op = dialog.test_connection()
        qtbot.waitUntil(lambda: not op.running, timeout=30_000)
        assert "an empty database: Connect sets it up" in dialog.form.resultLabel.text()
        op = dialog.connect_now()
        qtbot.waitUntil(lambda: not op.running, timeout=60_000)
        assert not dialog.isVisible(), dialog.form.resultLabel.text()
        db = window.db
        assert db is not demo_db and db.dialect == "postgresql"
        settle(qtbot, window)  # the window reads the server database (its empty tree) off the GUI thread
        where = f"{base.user}@{base.host}:{base.port}/{name}"
        assert window.windowTitle().startswith(where) and window.statusBar().currentMessage() == f"Connected to {where}"
        with db.transaction() as s:  # the demo, loaded through the core into the server database
            demo.load_demo(s)
        window.reload()
        settle(qtbot, window)
        assert window.tree_model.rowCount() >= 1
        window.form.menuRecent.aboutToShow.emit()
        assert window.form.menuRecent.actions()[0].text() == where
        raw = settings_bytes()
        assert SECRET.encode() not in raw and b"p%40ss" not in raw and name.encode() in raw
        with caplog.at_level(logging.INFO, logger="learninghub.gui.database.backup_menu"):
            assert backup_on_open(db) is None  # a server database is not copied as a file
        assert "no automatic backup of " + where in caplog.text
        # Open recent: no password stored, the server (trust) lets the user in again
        window.form.menuRecent.actions()[0].trigger()
        op = window.databases.op
        qtbot.waitUntil(lambda: not op.running, timeout=30_000)
        settle(qtbot, window)
        assert window.db is not db and window.windowTitle().startswith(where) and window.tree_model.rowCount() >= 1
        window.db.close()
        db.close()
    finally:
        pg_server.drop(name)


def test_a_missing_or_foreign_database_is_said_plainly(qtbot, dialog, pg_server) -> None:
    from sqlalchemy import create_engine, text

    base = parse(pg_server.url("postgres"))
    dialog.set_settings(ServerSettings(host=base.host, port=base.port, database="lh_no_such_database", user=base.user))
    op = dialog.test_connection()
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert "has no database called lh_no_such_database" in dialog.form.resultLabel.text()
    name = pg_server.create(migrated=False)
    try:
        engine = create_engine(pg_server.url(name))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id integer)"))
        engine.dispose()
        dialog.set_settings(ServerSettings(host=base.host, port=base.port, database=name, user=base.user))
        op = dialog.connect_now()
        qtbot.waitUntil(lambda: not op.running, timeout=30_000)
        assert "is a database of another program" in dialog.form.resultLabel.text()
        assert dialog.connected == []
    finally:
        pg_server.drop(name)


def test_a_connection_that_arrives_after_cancel_is_closed_not_used(qtbot, demo_db, pg_server) -> None:
    from learninghub.gui.window.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    name = pg_server.create()
    try:
        dialog = window.databases.ask_connect()
        dialog.set_settings(parse(pg_server.url(name)))
        op = dialog.connect_now()
        assert dialog.connect_now() is None  # pressed twice: one connection only
        dialog.reject()
        qtbot.waitUntil(lambda: not op.running, timeout=30_000)
        assert window.db is demo_db and recent_databases() == []
    finally:
        pg_server.drop(name)


def test_learninghub_db_url_gui_on_an_unreachable_server_says_so(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from learninghub.gui import app
    from learninghub.gui.window.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    url = ServerSettings(host="127.0.0.1", port=closed_port(), database="hub", user="ana", password=SECRET).url()
    # as `learninghub --db URL gui` starts: the window first, the database opened on a worker
    window = MainWindow(label=app._label(url))
    qtbot.addWidget(window)
    window.show()
    opening = app.Opening(window, url)
    opening.start()
    assert SECRET not in window.windowTitle() + window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: opening.failed, timeout=20_000)
    assert len(shown) == 1 and "cannot be reached" in shown[0] and SECRET not in shown[0]
    assert window.db is None and not window.isVisible()
