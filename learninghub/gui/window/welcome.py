"""What the window shows on a database without a curriculum (a first start): what to do first, one button each.

Load the demo programme (one click: the Learning Hub curriculum 2020–2022, loaded off the GUI thread as a
long job, ``operations.BackgroundOp``), start a curriculum (File → New seminar, whose box takes a new
curriculum's title), open a database, or connect to a team server. Once the database holds a curriculum
the window shows its usual hint instead ("Choose a seminar on the left…"). Help → About says where the
data lives (:func:`about_text`).
"""

from __future__ import annotations

import html
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ... import __version__, config

if TYPE_CHECKING:
    from ...core.services.demo import DemoSummary
    from .main_window import MainWindow

#: The interface's words, in the Welcome context (a plain call lupdate and the translation test can read).
translate = QCoreApplication.translate


def app_icon() -> QIcon:
    """The app's icon (``resources/icons/learninghub.svg``), drawn at any size."""
    return QIcon(str(config.resource_path("icons", "learninghub.svg")))


class WelcomePanel(QWidget):
    """The first steps, in place of the seminar tabs while the database has no curriculum."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("welcomePanel")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget(self)
        box.setMaximumWidth(640)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        icon = QLabel(box)
        icon.setPixmap(app_icon().pixmap(64, 64))
        grid.addWidget(icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        heading = QLabel(translate("Welcome", "Welcome to Learning Hub Planner"), box)
        heading.setObjectName("welcomeHeading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(translate("Welcome", "This database holds no curriculum yet. Start in one of these ways:"), box)
        intro.setWordWrap(True)
        title = QVBoxLayout()
        title.addWidget(heading)
        title.addWidget(intro)
        grid.addLayout(title, 0, 1)
        self.demo_button = self._step(
            grid, 1, "loadDemoButton", translate("Welcome", "Load the &demo programme"),
            translate("Welcome", "The Metropolis Learning Hub curriculum 2020–2022: seminars, agendas, people and "
                                 "attendance to try everything on."),
            window.load_demo)
        self.new_button = self._step(
            grid, 2, "newCurriculumButton", translate("Welcome", "&New curriculum…"),
            translate("Welcome", "Name a curriculum and its first seminar; sessions and people come next."),
            window.new_seminar)
        self.open_button = self._step(
            grid, 3, "openDatabaseButton", translate("Welcome", "&Open a database…"),
            translate("Welcome", "A Learning Hub file of your own, or one someone sent you."),
            lambda: window.databases.ask_open())
        self.connect_button = self._step(
            grid, 4, "connectServerButton", translate("Welcome", "&Connect to a team server…"),
            translate("Welcome", "The PostgreSQL database your team shares, so both offices see the same programme."),
            lambda: window.databases.ask_connect())
        self.where = QLabel(box)
        self.where.setObjectName("welcomeWhere")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid.addWidget(self.where, 5, 1)
        grid.setColumnStretch(1, 1)
        row = QVBoxLayout()
        row.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        row.addWidget(box)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_ready(False, "")

    def _step(self, grid: QGridLayout, row: int, name: str, text: str, explained: str, action: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: action())
        label = QLabel(explained, self)
        label.setWordWrap(True)
        label.setBuddy(button)
        grid.addWidget(button, row, 0)
        grid.addWidget(label, row, 1)
        return button

    def set_ready(self, ready: bool, database: str) -> None:
        """The buttons work once the database is open (it may still be opening: a server far away)."""
        for button in (self.demo_button, self.new_button, self.open_button, self.connect_button):
            button.setEnabled(ready)
        where = translate("Welcome", "This database: {database}")
        self.where.setText(where.format(database=database) if database else "")


class DemoLoader:
    """Loads the demo programme into the window's (empty) database as a long job, then shows it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.op: Any = None

    def start(self) -> None:
        from ..operations import BackgroundOp

        db = self.window.db
        if db is None or (self.op is not None and self.op.running):
            return

        def work(_progress: Any) -> DemoSummary | None:
            from ...core.services import demo

            with db.transaction() as session:
                if not demo.is_empty(session):
                    return None  # someone filled it meanwhile (a team server): the demo never mixes in
                return demo.load_demo(session)

        self.op = BackgroundOp(self.window, translate("Welcome", "Loading the demo programme…"), work, self._done,
                               self._failed).start()

    def _done(self, summary: DemoSummary | None) -> None:
        if summary is None:
            box = QMessageBox(
                QMessageBox.Icon.Information, translate("Welcome", "Demo not loaded"),
                translate("Welcome", "This database already holds data; the demo programme goes only into an empty "
                                     "database (File → New database… makes one)."),
                parent=self.window)
            box.setObjectName("demoNotLoadedBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        else:
            loaded = translate("Welcome", "Loaded the demo programme: {curricula} curricula, {seminars} seminars, "
                                          "{people} people")
            self.window.show_status(loaded.format(curricula=summary.curricula, seminars=summary.seminars,
                                                  people=summary.people))
        self.window.refresh()

    def _failed(self, exc: BaseException) -> None:
        from ...core.errors import LearningHubError

        if isinstance(exc, LearningHubError):
            self.window.runner.refused(exc, "")
            return
        self.window.runner._report(exc)  # a server out of reach in plain words; anything else is a bug


def about_text(database: str) -> str:
    """Help → About: the app, its version, where its data and error log are, the database open."""
    from ..unexpected_errors import default_log_path

    rows = [
        f"<p><b>{html.escape(config.DISPLAY_NAME)}</b> {html.escape(__version__)}</p>",
        "<p>" + html.escape(translate("Welcome", "Plans city-to-city training programmes: curricula, seminars, "
                                                 "agendas, people, registrations, attendance and printed documents."))
        + "</p>",
        "<p>" + html.escape(translate("Welcome", "Data folder: {folder}").format(folder=config.data_folder())) + "<br>"
        + html.escape(translate("Welcome", "This database: {database}").format(database=database or "—")) + "<br>"
        + html.escape(translate("Welcome", "Error log: {file}").format(file=default_log_path())) + "</p>",
        f"<p>Qt {html.escape(qVersion())} · Python {html.escape(sys.version.split()[0])}</p>",
    ]
    return "".join(rows)


def show_about(window: MainWindow) -> QMessageBox:
    """Help → About (window-modal, never blocking)."""
    label = window.db.target.label if window.db is not None else ""
    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("Welcome", "About Learning Hub Planner"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(label))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
