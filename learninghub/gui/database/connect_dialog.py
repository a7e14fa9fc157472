"""File → Connect to a server…: host, port, database, user, password (or a pasted URL).

Test connection and Connect both run on a pool thread (:class:`BackgroundOp`): an
unreachable host must not freeze the window while libpq waits. What went wrong is said
in plain words (:func:`explain`), never as a driver traceback, and never with the
password in it. Connect opens the database as ``learninghub --db URL`` does (an empty
database is migrated); the window then switches to it through ``on_connected``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...core.errors import LearningHubError
from .. import forms
from ..core_text import error_message
from ..operations import BackgroundOp, Cancelled, Progress
from .server_url import ServerSettings, parse

SETTINGS_KEY = "database/server"  # host, port, database, user: never the password


def last_settings() -> ServerSettings:
    """The server settings used last (no password), or the defaults."""
    s = QSettings()
    base = ServerSettings()
    try:
        port = int(s.value(f"{SETTINGS_KEY}/port", base.port))
    except (TypeError, ValueError):
        port = base.port
    return ServerSettings(host=str(s.value(f"{SETTINGS_KEY}/host", base.host)), port=port,
                          database=str(s.value(f"{SETTINGS_KEY}/database", "")),
                          user=str(s.value(f"{SETTINGS_KEY}/user", "")))


def remember_settings(settings: ServerSettings) -> None:
    s = QSettings()
    for key in ("host", "port", "database", "user"):
        s.setValue(f"{SETTINGS_KEY}/{key}", getattr(settings, key))


@dataclass(frozen=True)
class Probe:
    """What Test connection found."""

    server: str  # "PostgreSQL 16.2"
    state: str  # "current", "empty", "older"


def probe(url: str) -> Probe:
    """Connect, read the server version and the schema revision; change nothing.

    Raises what connecting raises, or :class:`DatabaseRefused` for a database of
    another program or of a newer version (the core's own rule, so Connect agrees)."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.pool import NullPool

    from ...core.store import _check_revision, head_revision, parse_target

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar() or ""
            revision = MigrationContext.configure(conn).get_current_revision()
            has_tables = bool(set(inspect(conn).get_table_names()) - {"alembic_version"})
    finally:
        engine.dispose()
    _check_revision(revision, has_tables, parse_target(url).label)
    state = "current" if revision == head_revision() else "empty" if revision is None else "older"
    return Probe(f"PostgreSQL {str(version).split()[0]}", state)


def driver_error(exc: BaseException) -> BaseException:
    """The driver's own error behind the core's refusal (store.open_database chains it), else ``exc``."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, LearningHubError) and isinstance(exc.__cause__, DBAPIError):
        return exc.__cause__
    return exc


def _driver_message(exc: BaseException) -> tuple[str | None, str]:
    exc = driver_error(exc)
    orig = getattr(exc, "orig", None) or exc
    return getattr(orig, "sqlstate", None), str(orig).strip()


def is_password_problem(exc: BaseException) -> bool:
    """The server wants a password, or another one: worth asking the user again."""
    code, message = _driver_message(exc)
    return code == "28P01" or "no password supplied" in message or "password authentication failed" in message


def explain(exc: BaseException, settings: ServerSettings | None = None) -> str:
    """The user's words for a failed connection. The password, if the driver ever echoed it,
    is blotted out."""
    where = settings.display if settings is not None else ""
    text = _explain(exc, settings or ServerSettings(), where)
    if settings is not None and settings.password:
        text = text.replace(settings.password, "••••")
    return text


def _explain(exc: BaseException, settings: ServerSettings, where: str) -> str:
    from sqlalchemy.exc import NoSuchModuleError

    exc = driver_error(exc)  # the core's refusal may wrap the driver's error: say it in the user's words
    if isinstance(exc, LearningHubError):
        return error_message(exc)
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("ConnectServerDialog", "Stopped.")
    if isinstance(exc, (ImportError, NoSuchModuleError)):
        return QCoreApplication.translate("ConnectServerDialog", "The PostgreSQL driver (psycopg) is not installed. Install it with:\n"
                   "pip install \"learninghub-planner[postgres]\"")
    code, message = _driver_message(exc)
    first = message.splitlines()[0] if message else type(exc).__name__
    host = f"{settings.host}:{settings.port}"
    if "no password supplied" in message:
        return QCoreApplication.translate("ConnectServerDialog", "The server asks for a password for {user}. Enter it and try again.").format(user=settings.user or "?")
    if is_password_problem(exc):
        return QCoreApplication.translate("ConnectServerDialog", "Wrong password for the user {user} on {host}.").format(user=settings.user or "?", host=host)
    if code == "3D000" or ("database" in message and "does not exist" in message):
        return QCoreApplication.translate("ConnectServerDialog", "The server has no database called {database}. Ask its administrator to create it "
                   "(createdb {database}); it is set up on the first connection.").format(
                       database=settings.database or "?")
    if code == "28000" or ("role" in message and "does not exist" in message):
        return QCoreApplication.translate("ConnectServerDialog", "The server does not know the user {user}, or does not let it in from here.").format(
            user=settings.user or "?")
    unreachable = ("Connection refused", "could not translate host name", "timeout expired", "No route to host",
                   "Network is unreachable", "Name or service not known", "could not connect", "connection failed")
    if any(word in message for word in unreachable):
        return QCoreApplication.translate("ConnectServerDialog", "The server at {host} cannot be reached. Is it running, and are the host and port right?\n"
                   "({details})").format(host=host, details=first)
    return QCoreApplication.translate("ConnectServerDialog", "Could not connect to {where}: {details}").format(where=where or host, details=first)


class ConnectServerDialog(QDialog):
    """Window-modal (``open()``); ``on_connected(db, settings)`` runs once the database is open."""

    def __init__(self, parent: QWidget | None, on_connected: Callable[[Any, ServerSettings], None],
                 settings: ServerSettings | None = None, message: str = "") -> None:
        super().__init__(parent)
        self.form = forms.load("connect_server").Ui_ConnectServerDialog()
        self.form.setupUi(self)
        self.on_connected = on_connected
        self.op: BackgroundOp[Any] | None = None
        self.abandoned = False  # Cancel pressed: a connection still under way is closed when it arrives
        f = self.form
        self.connect_button = f.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("&Connect"))
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        f.testButton.clicked.connect(self.test_connection)
        f.urlEdit.editingFinished.connect(self.apply_url)
        self.set_settings(settings or last_settings())
        self.say(message)
        (f.passwordEdit if f.userEdit.text() and f.databaseEdit.text() else f.hostEdit).setFocus()

    # -- the fields
    def set_settings(self, settings: ServerSettings) -> None:
        f = self.form
        f.hostEdit.setText(settings.host)
        f.portSpin.setValue(settings.port)
        f.databaseEdit.setText(settings.database)
        f.userEdit.setText(settings.user)
        f.passwordEdit.setText(settings.password)

    def settings(self) -> ServerSettings:
        """The fields as they are (a pasted URL not yet read is read first)."""
        if self.form.urlEdit.text().strip():
            self.apply_url()
        f = self.form
        return ServerSettings(host=f.hostEdit.text().strip(), port=f.portSpin.value(),
                              database=f.databaseEdit.text().strip(), user=f.userEdit.text().strip(),
                              password=f.passwordEdit.text())

    def apply_url(self) -> bool:
        """Fill the fields from the pasted URL and empty the URL box, so a password
        in it does not stay readable on the screen."""
        text = self.form.urlEdit.text().strip()
        if not text:
            return False
        try:
            settings = parse(text)
        except ValueError:
            self.say(self.tr("That is not a PostgreSQL URL (it starts postgresql://)."))
            return False
        self.form.urlEdit.clear()
        self.set_settings(settings)
        self.say(self.tr("Read the URL into the fields."))
        return True

    def say(self, text: str) -> None:
        self.form.resultLabel.setText(text)

    def _busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.form.testButton, self.connect_button):
            widget.setEnabled(not busy)
        if text:
            self.say(text)

    def _check_filled(self, settings: ServerSettings) -> bool:
        if self.op is not None and self.op.running:  # Enter pressed again while connecting
            return False
        if not settings.host or not settings.database:
            self.say(self.tr("Enter the host and the database."))
            return False
        return True

    # -- the two actions
    def test_connection(self) -> BackgroundOp[Any] | None:
        settings = self.settings()
        if not self._check_filled(settings):
            return None

        def work(progress: Progress) -> Probe:
            found = probe(settings.url())
            progress.step(1, 1)
            return found

        def done(found: Probe) -> None:
            self._busy(False)
            state = {"current": self.tr("a Learning Hub database, up to date."),
                     "empty": self.tr("an empty database: Connect sets it up."),
                     "older": self.tr("a Learning Hub database of an older version: Connect upgrades it.")}[found.state]
            self.say(self.tr("Connected to {server} at {where}: {state}").format(
                server=found.server, where=settings.display, state=state))

        self._busy(True, self.tr("Connecting to {where}…").format(where=settings.display))
        self.op = BackgroundOp(self, self.tr("Testing the connection"), work, done, lambda exc: self._failed(exc, settings))
        return self.op.start()

    def accept(self) -> None:
        """Connect: open (and set up or upgrade) off the GUI thread; the dialog closes on success."""
        self.connect_now()

    def connect_now(self) -> BackgroundOp[Any] | None:
        settings = self.settings()
        if not self._check_filled(settings):
            return None

        def work(progress: Progress) -> Any:
            from ...core.store import open_database

            db = open_database(settings.url())
            if progress.cancelled:
                db.close()
                raise Cancelled
            return db

        def done(db: Any) -> None:
            self._busy(False)
            if self.abandoned:
                db.close()  # the dialog was cancelled meanwhile: stay on the current database
                return
            remember_settings(settings)
            self.on_connected(db, settings)
            super(ConnectServerDialog, self).accept()

        self._busy(True, self.tr("Connecting to {where}…").format(where=settings.display))
        self.op = BackgroundOp(self, self.tr("Connecting to the server"), work, done, lambda exc: self._failed(exc, settings))
        return self.op.start()

    def reject(self) -> None:
        self.abandoned = True
        super().reject()

    def _failed(self, exc: BaseException, settings: ServerSettings) -> None:
        self._busy(False)
        self.say(explain(exc, settings))
        if is_password_problem(exc):
            self.form.passwordEdit.setFocus()
            self.form.passwordEdit.selectAll()
