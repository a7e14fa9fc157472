"""File → Import people…: choose a spreadsheet, see its first rows, say what each column
holds, read every problem, then import — all rows or none.

Thin over learninghub.importing: the dialog keeps the table read once and the user's
mapping; every check is the core's dry run, and the import is the core's one
transaction, both run off the GUI thread (BackgroundOp) so a 10,000-row file never
freezes the window and Cancel rolls the import back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from ...core.errors import LearningHubError
from ...core.quickread import SeminarOutline
from ...core.store import Database
from .. import forms, labels
from ..bilingual import shown
from ..core_text import error_message, localized
from ..counts import words
from ..operations import BackgroundOp, Progress

PREVIEW_ROWS = 8


class ImportWizard(QDialog):
    # Emitted after a successful import, so windows showing people or registrations reload.
    imported = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, seminar_id: int | None = None,
                 seminars: Iterable[SeminarOutline] | None = None) -> None:
        """``seminars``: those people can be registered to, as the window's tree already shows them (the
        window reads nothing on the GUI thread); read here when not given (the wizard on its own)."""
        super().__init__(parent)
        self.db = db
        self.form = forms.load("import_wizard").Ui_ImportWizard()
        self.form.setupUi(self)
        f = self.form
        f.seminarCombo.addItem(self.tr("No seminar: only add or update people"), None)
        for seminar in sorted(_seminars(db) if seminars is None else seminars, key=lambda x: (x.start_date, x.id)):
            if seminar.status != "cancelled":
                f.seminarCombo.addItem(f"{shown(seminar.title, seminar.title_zh)} ({seminar.start_date.isoformat()})", seminar.id)
        if seminar_id is not None and (index := f.seminarCombo.findData(seminar_id)) >= 0:
            f.seminarCombo.setCurrentIndex(index)
        for value, label in labels.choices("RegistrationStatus"):
            f.statusCombo.addItem(label, value)
        f.statusCombo.setCurrentIndex(f.statusCombo.findData("registered"))
        f.statusCombo.setEnabled(self.seminar_id is not None)
        f.problemsTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        f.problemsTable.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        f.splitter.setSizes([380, 160])
        f.browseButton.clicked.connect(self.browse)
        f.fileEdit.returnPressed.connect(lambda: self.load(f.fileEdit.text()))
        f.seminarCombo.currentIndexChanged.connect(self._seminar_changed)
        f.statusCombo.currentIndexChanged.connect(lambda _: self.check())
        f.checkButton.clicked.connect(self.check)
        f.importButton.clicked.connect(self.start_import)
        f.closeButton.clicked.connect(self.reject)
        self.table: Any = None
        self.mapping: list[str | None] = []
        self.plan: Any = None
        self.op: BackgroundOp[Any] | None = None
        self._combos: list[QComboBox] = []
        self._recheck = False
        self._pending_path: str | None = None
        # True once the file was imported (the dialog then only shows the result).
        self.import_done = False

    # --- state --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.op is not None and self.op.running

    @property
    def seminar_id(self) -> int | None:
        return self.form.seminarCombo.currentData()

    @property
    def status(self) -> str:
        return str(self.form.statusCombo.currentData())

    def _seminar_changed(self, _index: int) -> None:
        self.form.statusCombo.setEnabled(self.seminar_id is not None)
        self.check()

    # --- choosing and reading the file ----------------------------------------------------------

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import people"), "",
                                              self.tr("Spreadsheets (*.csv *.xlsx *.txt *.tsv);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str) -> BackgroundOp[Any] | None:
        """Read ``path``, guess what each column holds, and check every row (a dry run)."""
        from ...importing import guess_mapping, read_table

        path = path.strip()
        if not path:
            return None
        self.form.fileEdit.setText(path)
        if self.busy:  # read once the running job ends, so its late answer cannot land on this file
            self._pending_path = path
            return None
        db, seminar_id, status = self.db, self.seminar_id, self.status
        reading = self.tr("Reading the file…")

        def work(progress: Progress) -> Any:
            progress.step(0, 0, reading)
            table = read_table(Path(path))
            mapping = guess_mapping(table.headers)
            return table, mapping, dry_run(db, table, mapping, seminar_id, status, progress)

        def done(result: Any) -> None:
            self.table, self.mapping, outcome = result
            self.import_done = False
            self._show_preview()
            self._show_check(outcome)

        return self._run(self.tr("Reading the file"), work, done)

    # --- mapping ------------------------------------------------------------------------------

    def _show_preview(self) -> None:
        from ...importing import FIELDS

        f, table = self.form, self.table
        shown = table.rows[:PREVIEW_ROWS]
        width = max([len(table.headers), *(len(r) for r in shown)])
        f.previewTable.clear()
        f.previewTable.setColumnCount(width)
        f.previewTable.setRowCount(1 + len(shown))
        f.previewTable.setHorizontalHeaderLabels([h or self.tr("(column {number})").format(number=i + 1) for i, h in
                                                  enumerate(table.headers + [""] * (width - len(table.headers)))])
        f.previewTable.setVerticalHeaderLabels([self.tr("Holds")] + [str(n) for n in table.row_numbers[:PREVIEW_ROWS]])
        self.mapping = (self.mapping + [None] * width)[:width]
        self._combos = []
        for column in range(width):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for value, label in FIELDS.items():
                combo.addItem(labels.import_field(label), value)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping[column])))
            combo.currentIndexChanged.connect(lambda _, c=column: self._mapping_changed(c))
            combo.setObjectName(f"mappingCombo{column}")
            f.previewTable.setCellWidget(0, column, combo)
            self._combos.append(combo)
            for row, cells in enumerate(shown, start=1):
                f.previewTable.setItem(row, column, QTableWidgetItem(cells[column] if column < len(cells) else ""))
        f.previewTable.resizeColumnsToContents()
        for column in range(width):
            f.previewTable.setColumnWidth(column, min(max(f.previewTable.columnWidth(column), 130), 260))
        f.readingLabel.setText(self.tr("{source}: {found}; %n row(s) after the header (row 1). The header names "
                                       "chose the fields below; change any.", None, len(table.rows)).format(
            source=table.source, found=localized(table.describe())))

    def set_field(self, column: int, field: str | None) -> None:
        """Choose what ``column`` holds (what the combo box does; tests call it too)."""
        self._combos[column].setCurrentIndex(max(0, self._combos[column].findData(field)))

    def _mapping_changed(self, column: int) -> None:
        field = self._combos[column].currentData()
        self.mapping[column] = field
        if field is not None:  # a field comes from one column: the other column lets it go
            for other, combo in enumerate(self._combos):
                if other != column and combo.currentData() == field:
                    self.mapping[other] = None
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.check()

    # --- checking and importing -------------------------------------------------------------

    def check(self) -> BackgroundOp[Any] | None:
        """A dry run with the current mapping, seminar and status."""
        if self.table is None or self.import_done:
            return None
        if self.busy:
            self._recheck = True
            return None
        db, table, mapping, seminar_id, status = self.db, self.table, list(self.mapping), self.seminar_id, self.status
        return self._run(self.tr("Checking the rows"), lambda p: dry_run(db, table, mapping, seminar_id, status, p),
                         self._show_check)

    def _show_check(self, outcome: Any) -> None:
        f = self.form
        if isinstance(outcome, LearningHubError):
            self.plan = None
            self._show_problems([])
            f.countsLabel.setText("")
            f.errorLabel.setText(error_message(outcome))
            f.importButton.setEnabled(False)
            return
        self.plan = outcome
        f.errorLabel.setText("")
        self._show_problems(outcome.problems)
        f.countsLabel.setText(counts_text(outcome, done=False))
        f.importButton.setEnabled(outcome.ok and bool(outcome.rows))

    def _show_problems(self, problems: list[Any]) -> None:
        table = self.form.problemsTable
        table.setRowCount(len(problems))
        for i, problem in enumerate(problems):
            for column, value in enumerate((problem.row or "", problem.column or "", localized(problem.message))):
                table.setItem(i, column, QTableWidgetItem(str(value)))
        self.form.problemsBox.setTitle(self.tr("Problems: {count} (nothing is imported while there are any)").format(
            count=len(problems)) if problems else self.tr("Problems: none"))

    def start_import(self) -> BackgroundOp[Any] | None:
        """Import every row in one transaction, off the GUI thread; Cancel rolls it all back."""
        from ...importing import import_table

        if self.table is None or self.busy or self.plan is None or not self.plan.ok:
            return None
        db, table, mapping, seminar_id, status = self.db, self.table, list(self.mapping), self.seminar_id, self.status
        importing = self.tr("Importing…")

        def work(progress: Progress) -> Any:
            try:
                return import_table(db, table, mapping, seminar_id=seminar_id, status=status,
                                    progress=lambda d, t: progress.step(d, t, importing))
            except LearningHubError as exc:
                return exc

        def done(outcome: Any) -> None:
            if isinstance(outcome, LearningHubError):
                plan = getattr(outcome, "plan", None)
                self._show_check(plan if plan is not None else outcome)
                return
            self.plan, self.import_done = outcome, True
            self.form.countsLabel.setText(counts_text(outcome, done=True))
            self.form.importButton.setEnabled(False)
            self.form.checkButton.setEnabled(False)
            self.imported.emit()

        return self._run(self.tr("Importing people"), work, done)

    def _run(self, title: str, work: Any, on_done: Any) -> BackgroundOp[Any]:
        self.form.importButton.setEnabled(False)

        def finished(result: Any) -> None:
            pending, self._pending_path = self._pending_path, None
            if pending is not None:
                self._recheck = False
                self.load(pending)
                return
            on_done(result)
            if self._recheck:
                self._recheck = False
                self.check()

        if self.op is not None:
            self.op.dialog.deleteLater()  # one progress dialog per job would otherwise pile up
        self.op = BackgroundOp(self, title, work, finished, self._failed)
        return self.op.start()

    def _failed(self, exc: BaseException) -> None:
        from ..operations import Cancelled

        if isinstance(exc, Cancelled):
            self.form.errorLabel.setText(self.tr("Cancelled: nothing was imported."))
            self.check()
            return
        self.form.errorLabel.setText(error_message(exc) if isinstance(exc, LearningHubError)
                                     else self.tr("The file could not be read: {error}").format(error=exc))
        self.form.importButton.setEnabled(False)


def _seminars(db: Database) -> list[Any]:
    from ...core.services import seminars

    with db.reading() as s:
        return seminars.list_seminars(s)


def dry_run(db: Database, table: Any, mapping: list[str | None], seminar_id: int | None, status: str,
            progress: Progress) -> Any:
    """The dry run's plan, or the refusal of the whole mapping (no name column...). Runs off the GUI thread."""
    from ...importing import import_table

    checking = QCoreApplication.translate("ImportWizard", "Checking every row…")  # thread-safe: QCoreApplication.translate
    try:
        return import_table(db, table, mapping, seminar_id=seminar_id, status=status, dry_run=True,
                            progress=lambda d, t: progress.step(d, t, checking))
    except LearningHubError as exc:
        return exc


def counts_text(plan: Any, *, done: bool) -> str:
    c = plan.counts
    head = QCoreApplication.translate("ImportWizard", "Imported") if done else QCoreApplication.translate("ImportWizard", "Would be")
    text = QCoreApplication.translate("ImportWizard", "{head}: {created} created · {updated} updated · {skipped} skipped (already "
                     "stored) · {merged} merged (repeating an earlier row)").format(head=head, **c)
    if plan.seminar_id is not None:
        text += QCoreApplication.translate("ImportWizard", " · {registered} registered · {waitlisted} on the waiting list").format(**c)
    if not done and plan.problems:
        text += words().once_problems_fixed(len(plan.problems))
    return text


def open_for(window: Any) -> ImportWizard | None:
    """File → Import people… in the main window: the wizard (window-modal), preset to the seminar
    shown; after an import the programme, the seminar's tabs and an open People directory reload."""
    if window.db is None:
        return None
    wizard = ImportWizard(window.db, window, seminar_id=window.current_seminar or None,
                          seminars=[s for c in window.tree_model.outline for s in c.seminars])

    def reload() -> None:
        window.refresh()
        people = getattr(window, "people_window", None)
        if people is not None:
            people.reload()

    wizard.imported.connect(reload)
    wizard.open()
    return wizard
