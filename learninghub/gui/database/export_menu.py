"""File → Export ▸ (people, programme calendar) and the seminar's exports (participants,
attendance matrix, seminar calendar), written off the GUI thread.

The dialogs only pick a path; :meth:`ExportActions.export_to` does the work through
:mod:`learninghub.exporting` (the same functions as ``learninghub export …``), so tests
patch the dialog or call it directly. A refusal is shown in a window-modal message box;
success leaves a status-bar message with links to open the file or its folder.
The calendars and the attendance matrix are written in the language chosen for documents
(the Documents tab's language combo: English, 中文 or both).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox

from ...core.errors import LearningHubError
from ...filenames import title_stem as safe_stem
from ..bilingual import shown
from ..core_text import error_message, localized
from ..counts import words
from ..file_places import FOLDER_KEY, open_in_system
from ..file_places import last_folder as export_folder  # exports start where files were last saved
from ..operations import BackgroundOp, Cancelled, Progress

TABLE_FORMAT_KEY = "export/table_format"
# File dialog filters, in English; the dialog shows them translated (the "(*.xlsx)" part stays).
XLSX_FILTER = QT_TRANSLATE_NOOP("ExportActions", "Excel workbook (*.xlsx)")
CSV_FILTER = QT_TRANSLATE_NOOP("ExportActions", "CSV, UTF-8 (*.csv)")
ICS_FILTER = QT_TRANSLATE_NOOP("ExportActions", "iCalendar (*.ics)")


def _suffix_of(name_filter: str) -> str:
    match = re.search(r"\(\*\.(\w+)", name_filter)
    return match.group(1).lower() if match else ""


def chosen_path(path: str, name_filter: str, allowed: tuple[str, ...]) -> Path:
    """The path typed, with the chosen filter's extension added when it has none of ``allowed``."""
    target = Path(path)
    if target.suffix.lower().lstrip(".") in allowed:
        return target
    suffix = _suffix_of(name_filter)
    return target.with_name(f"{target.name}.{suffix if suffix in allowed else allowed[0]}")


@dataclass(frozen=True)
class Job:
    """One export: what the dialog asks, what runs, what the status bar says."""

    caption: str
    name: str  # the suggested file name without extension
    filters: tuple[str, ...]
    work: Callable[[Any, Path], str]  # (db, path) -> "41 people", run off the GUI thread

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(_suffix_of(f) for f in self.filters)




def _tr_filters(filters: tuple[str, ...]) -> list[str]:
    return [QCoreApplication.translate("ExportActions", f) for f in filters]


class ExportActions:
    """The File → Export sub-menu, and the seminar's exports also under Seminar → Export."""

    def __init__(self, window: QMainWindow, db_getter: Callable[[], Any]) -> None:
        self.w = window
        self._db = db_getter
        self.op: BackgroundOp[Any] | None = None
        self._running: list[BackgroundOp[Any]] = []
        self.last_path: Path | None = None

        def action(text: str, name: str, handler: Callable[[], Any]) -> QAction:
            made = QAction(text, window)
            made.setObjectName(name)
            made.triggered.connect(lambda _checked=False: handler())
            return made

        self.people_action = action(QCoreApplication.translate("ExportActions", "All &people…"), "actionExportPeople", self.ask_people)
        self.programme_action = action(QCoreApplication.translate("ExportActions", "Programme &calendar (.ics)…"),
                                       "actionExportProgrammeCalendar", self.ask_programme_calendar)
        self.participants_action = action(QCoreApplication.translate("ExportActions", "P&articipants…"), "actionExportParticipants",
                                          self.ask_participants)
        self.attendance_action = action(QCoreApplication.translate("ExportActions", "Attendance &matrix (XLSX)…"),
                                        "actionExportAttendance", self.ask_attendance)
        self.seminar_calendar_action = action(QCoreApplication.translate("ExportActions", "&Seminar calendar (.ics)…"),
                                              "actionExportSeminarCalendar", self.ask_seminar_calendar)
        seminar_actions = [self.participants_action, self.attendance_action, self.seminar_calendar_action]

        form = window.form  # type: ignore[attr-defined]
        self.menu = QMenu(QCoreApplication.translate("ExportActions", "&Export"), window)
        self.menu.setObjectName("menuExport")
        self.menu.addActions([self.people_action, self.programme_action])
        self.menu.addSection(QCoreApplication.translate("ExportActions", "Seminar"))
        self.menu.addActions(seminar_actions)
        file_actions = form.menuFile.actions()
        importing = getattr(window, "import_action", None)
        if importing in file_actions and file_actions.index(importing) + 1 < len(file_actions):
            before = file_actions[file_actions.index(importing) + 1]
        else:
            before = form.actionQuit
        form.menuFile.insertMenu(before, self.menu)

        self.seminar_menu: QMenu | None = None
        if (menu := getattr(window, "seminar_menu", None)) is not None:
            self.seminar_menu = QMenu(QCoreApplication.translate("ExportActions", "&Export"), window)
            self.seminar_menu.setObjectName("menuSeminarExport")
            self.seminar_menu.addActions(seminar_actions)
            menu.addSeparator()
            menu.addMenu(self.seminar_menu)
            self.seminar_menu.aboutToShow.connect(self.update_actions)
        self.menu.aboutToShow.connect(self.update_actions)
        form.programmeTree.selectionModel().currentChanged.connect(lambda *_: self.update_actions())

        self.open_links = QLabel(QCoreApplication.translate("ExportActions", '<a href="file">Open</a> · <a href="folder">Show folder</a>'))
        self.open_links.setObjectName("exportOpenLinks")
        self.open_links.setToolTip(QCoreApplication.translate("ExportActions", "Open the file just exported, or the folder it is in"))
        self.open_links.linkActivated.connect(self.open_result)
        self.open_links.hide()
        window.statusBar().addPermanentWidget(self.open_links)
        window.statusBar().messageChanged.connect(self._message_changed)
        self._message = ""
        self.update_actions()

    # -- what is chosen
    def _seminar_id(self) -> int:
        return int(getattr(self.w, "current_seminar", 0) or 0)

    def _curriculum_id(self) -> int:
        """The curriculum chosen in the tree, or the one of the chosen seminar (or year)."""
        tree = self.w.form.programmeTree  # type: ignore[attr-defined]
        chosen = self.w.tree_model.curriculum_id(tree.currentIndex())  # type: ignore[attr-defined]
        return chosen or int(getattr(self.w, "current_curriculum", 0) or 0)

    def _language(self) -> str:
        """The document language chosen in the Documents tab (en, zh, en+zh), else English."""
        documents = getattr(self.w, "documents", None)
        combo = documents.form.docLanguageCombo if documents is not None else None
        return str(combo.currentData() or "en") if combo is not None else "en"

    def update_actions(self) -> None:
        """Enable only what the selection allows (called on every tree change and menu opening)."""
        has_db = self._db() is not None
        self.people_action.setEnabled(has_db)
        self.programme_action.setEnabled(has_db and bool(self._curriculum_id()))
        seminar = has_db and bool(self._seminar_id())
        for item in (self.participants_action, self.attendance_action, self.seminar_calendar_action):
            item.setEnabled(seminar)
        if self.seminar_menu is not None:
            self.seminar_menu.menuAction().setEnabled(seminar)

    def _titles(self) -> tuple[str, str]:
        """(seminar title, curriculum title) of the selection, as the tree shows them (no database read)."""
        seminar, curriculum = self._seminar_id(), self._curriculum_id()
        seminar_title = curriculum_title = ""
        for c in self.w.tree_model.outline:  # type: ignore[attr-defined]
            if c.id == curriculum:
                curriculum_title = shown(c.title, c.title_zh)
            for s in c.seminars:
                if s.id == seminar:
                    seminar_title = shown(s.title, s.title_zh)
        return seminar_title, curriculum_title

    # -- the five jobs
    def people_job(self) -> Job:
        from ...exporting.people import export_people

        def work(db: Any, path: Path) -> str:
            return words().people(export_people(db, path))

        return Job(QCoreApplication.translate("ExportActions", "Export all people"),
                   QCoreApplication.translate("ExportActions", "people {date}").format(date=f"{dt.date.today():%Y-%m-%d}"),
                   self._table_filters(), work)

    def participants_job(self) -> Job:
        from ...exporting.people import export_people

        seminar_id = self._seminar_id()
        title = self._titles()[0]

        def work(db: Any, path: Path) -> str:
            rows = export_people(db, path, seminar_id=seminar_id)
            return words().registrations_of(rows, title)

        return Job(QCoreApplication.translate("ExportActions", "Export the participants"),
                   QCoreApplication.translate("ExportActions", "{title} - participants").format(title=safe_stem(title, "seminar")),
                   self._table_filters(), work)

    def attendance_job(self) -> Job:
        from ...exporting.attendance import PERSON_COLUMNS, export_attendance

        seminar_id, lang = self._seminar_id(), self._language()
        title = self._titles()[0]

        def work(db: Any, path: Path) -> str:
            table = export_attendance(db, seminar_id, path, lang=lang)
            people = len(table.rows) - table.footer_rows
            sessions = len(table.headers) - len(PERSON_COLUMNS) - 1  # less the Total column
            return QCoreApplication.translate("ExportActions", "the attendance of {people} × {sessions} of {title}").format(
                people=words().people(people), sessions=words().sessions(sessions), title=title)

        return Job(QCoreApplication.translate("ExportActions", "Export the attendance matrix"),
                   QCoreApplication.translate("ExportActions", "{title} - attendance").format(title=safe_stem(title, "seminar")),
                   (XLSX_FILTER,), work)

    def seminar_calendar_job(self) -> Job:
        from ...exporting.ics import export_ics

        seminar_id, lang = self._seminar_id(), self._language()
        title = self._titles()[0]

        def work(db: Any, path: Path) -> str:
            return words().calendar_events_of(export_ics(db, path, seminar_id=seminar_id, lang=lang), title)

        return Job(QCoreApplication.translate("ExportActions", "Export the seminar calendar"), safe_stem(title, "seminar"),
                   (ICS_FILTER,), work)

    def programme_calendar_job(self) -> Job:
        from ...exporting.ics import export_ics

        curriculum_id, lang = self._curriculum_id(), self._language()
        title = self._titles()[1]

        def work(db: Any, path: Path) -> str:
            return words().calendar_events_of(export_ics(db, path, curriculum_id=curriculum_id, lang=lang), title)

        return Job(QCoreApplication.translate("ExportActions", "Export the programme calendar"), safe_stem(title, "programme"),
                   (ICS_FILTER,), work)

    @staticmethod
    def _table_filters() -> tuple[str, ...]:
        """XLSX or CSV, the one used last first (the dialog starts on it)."""
        last = QSettings().value(TABLE_FORMAT_KEY, "xlsx")
        return (CSV_FILTER, XLSX_FILTER) if last == "csv" else (XLSX_FILTER, CSV_FILTER)

    # -- asking, then working
    def ask_people(self) -> None:
        self._ask(self.people_job)

    def ask_participants(self) -> None:
        self._ask(self.participants_job, seminar=True)

    def ask_attendance(self) -> None:
        self._ask(self.attendance_job, seminar=True)

    def ask_seminar_calendar(self) -> None:
        self._ask(self.seminar_calendar_job, seminar=True)

    def ask_programme_calendar(self) -> None:
        if not self._curriculum_id():
            self.w.statusBar().showMessage(
                QCoreApplication.translate("ExportActions", "Choose a curriculum or one of its seminars in the programme first"), 5000)
            return
        self._ask(self.programme_calendar_job)

    def _ask(self, make: Callable[[], Job], *, seminar: bool = False) -> None:
        if self._db() is None:
            return
        if seminar and not self._seminar_id():
            self.w.statusBar().showMessage(QCoreApplication.translate("ExportActions", "Choose a seminar in the programme first"), 5000)
            return
        job = make()
        suggested = export_folder() / f"{job.name}.{job.allowed[0]}"
        shown = _tr_filters(job.filters)
        path, name_filter = QFileDialog.getSaveFileName(self.w, job.caption, str(suggested), ";;".join(shown), shown[0])
        if path:
            self.export_to(job, chosen_path(path, name_filter, job.allowed))

    def export_to(self, job: Job, path: Path) -> BackgroundOp[Any] | None:
        """Write ``job`` to ``path`` off the GUI thread; remember the folder and format."""
        from ...exporting.atomic import check_target

        try:
            check_target(path)
        except LearningHubError as exc:
            self._failed(exc)
            return None
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        if path.suffix.lower() in (".csv", ".xlsx") and len(job.filters) > 1:
            QSettings().setValue(TABLE_FORMAT_KEY, path.suffix.lower().lstrip("."))
        db = self._db()

        writing = QCoreApplication.translate("ExportActions", "Writing {name}…").format(name=path.name)

        def work(progress: Progress) -> str:
            progress.step(0, 0, writing)
            return job.work(db, path)

        op: BackgroundOp[Any]

        def done(what: str) -> None:
            self._running.remove(op)
            self.last_path = path
            self._message = QCoreApplication.translate("ExportActions", "Exported {what} to {path}").format(what=what, path=path)
            self.w.statusBar().showMessage(self._message)
            self.open_links.show()

        def failed(exc: BaseException) -> None:
            self._running.remove(op)
            self._failed(exc)

        op = BackgroundOp(self.w, job.caption, work, done, failed)
        self._running.append(op)
        self.op = op
        return op.start()

    def _failed(self, exc: BaseException) -> QMessageBox | None:
        if isinstance(exc, Cancelled):
            self.w.statusBar().showMessage(QCoreApplication.translate("ExportActions", "Export cancelled"), 5000)
            return None
        if isinstance(exc, LearningHubError):
            # "-o" names the CLI's option; here the file was chosen in a dialog.
            message = localized(exc.message) if exc.where in (None, "-o") else error_message(exc)
        elif isinstance(exc, OSError):
            message = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
        else:
            message = f"{type(exc).__name__}: {exc}"
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ExportActions", "Not exported"), message, parent=self.w)
        box.open()  # window-modal, never blocks the event loop
        return box

    # -- after the export
    def open_result(self, which: str = "file") -> bool:
        """Open the last exported file (``file``) or its folder (``folder``) in the system's program."""
        if self.last_path is None:
            return False
        target = self.last_path if which == "file" else self.last_path.parent
        return open_in_system(self.w, target)  # no program for it: said, not silent

    def _message_changed(self, text: str) -> None:
        if text != self._message:
            self.open_links.hide()
