"""File → Import people…: choose a spreadsheet, see its first rows, say what each column
holds, read every problem, then import — all rows or none.

People already stored whom the file describes differently are listed field by field (stored
value, value in the file) and kept as stored unless the user ticks "Update them": the same
choice as ``learninghub import people --update-existing``.

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
        for column in range(5):  # row, person, field as wide as they need; stored and new value share the rest
            f.changesTable.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents if column < 3 else QHeaderView.ResizeMode.Stretch)
        f.changesTable.setWordWrap(False)  # one line a field; the whole value is its tooltip
        f.changesBox.hide()  # shown when the file differs from people already stored
        f.splitter.setSizes([340, 140, 180])
        f.browseButton.clicked.connect(self.browse)
        f.fileEdit.returnPressed.connect(lambda: self.load(f.fileEdit.text()))
        f.seminarCombo.currentIndexChanged.connect(self._seminar_changed)
        f.statusCombo.currentIndexChanged.connect(lambda _: self.check())
        f.updateCheck.toggled.connect(lambda _: self.check())
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

    @property
    def update_existing(self) -> bool:
        return self.form.updateCheck.isChecked()

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
        update = self.form.updateCheck
        update.blockSignals(True)
        update.setChecked(False)  # a new file: people already stored are kept until the user says otherwise
        update.blockSignals(False)
        update.setEnabled(True)
        if self.busy:  # read once the running job ends, so its late answer cannot land on this file
            self._pending_path = path
            return None
        self._forget_file()
        db, seminar_id, status, update = self.db, self.seminar_id, self.status, self.update_existing
        reading = self.tr("Reading the file…")

        def work(progress: Progress) -> Any:
            progress.step(0, 0, reading)
            table = read_table(Path(path))
            mapping = guess_mapping(table.headers)
            return table, mapping, dry_run(db, table, mapping, seminar_id, status, progress, update)

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
        update = self.update_existing
        return self._run(self.tr("Checking the rows"),
                         lambda p: dry_run(db, table, mapping, seminar_id, status, p, update), self._show_check)

    def _show_check(self, outcome: Any) -> None:
        f = self.form
        if isinstance(outcome, LearningHubError):
            self.plan = None
            self._show_problems([])
            self._show_changes(None)
            f.countsLabel.setText("")
            f.errorLabel.setText(error_message(outcome))
            f.importButton.setEnabled(False)
            return
        self.plan = outcome
        f.errorLabel.setText("")
        self._show_problems(outcome.problems)
        self._show_changes(outcome)
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

    def _show_changes(self, plan: Any) -> None:
        """Each field the file says differently of a person already stored: stored value, value in the file."""
        from ...importing import FIELDS

        f = self.form
        rows = [r for r in plan.rows if r.differences] if plan is not None else []
        lines = [(r, field, old, new) for r in rows for field, old, new in r.differences]
        f.changesTable.setRowCount(len(lines))
        for i, (r, field, old, new) in enumerate(lines):
            person = self.tr("{name} (id {id})").format(name=r.name, id=r.person_id)
            for column, value in enumerate((str(r.row), person, labels.import_field(FIELDS[field]),
                                            _value(field, old), _value(field, new))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                f.changesTable.setItem(i, column, item)
        if rows:
            f.changesBox.setTitle(self.tr("People already stored whom the file describes differently: %n", None,
                                          len(rows)))
        f.changesBox.setVisible(bool(rows))

    def start_import(self) -> BackgroundOp[Any] | None:
        """Import every row in one transaction, off the GUI thread; Cancel rolls it all back."""
        from ...importing import import_table

        if self.table is None or self.busy or self.plan is None or not self.plan.ok:
            return None
        db, table, mapping, seminar_id, status = self.db, self.table, list(self.mapping), self.seminar_id, self.status
        update = self.update_existing
        importing = self.tr("Importing…")

        def work(progress: Progress) -> Any:
            try:
                return import_table(db, table, mapping, seminar_id=seminar_id, status=status, update_existing=update,
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
            self.form.updateCheck.setEnabled(False)
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

    def _forget_file(self) -> None:
        """Another file is being read: what was shown of the last one goes, so nothing of it can be imported."""
        f = self.form
        self.table, self.plan = None, None
        f.previewTable.clear()
        f.previewTable.setRowCount(0)
        f.previewTable.setColumnCount(0)
        self._combos = []
        f.readingLabel.setText("")
        self._show_problems([])
        self._show_changes(None)
        f.countsLabel.setText("")
        f.errorLabel.setText("")
        f.importButton.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        from ..operations import Cancelled

        if isinstance(exc, Cancelled):
            self.form.errorLabel.setText(self.tr("Cancelled: nothing was imported."))
            self.check()
            return
        problem = getattr(exc, "problem", None)
        if problem is not None:  # the file refused at a row and column (a quote never closed...): listed there too
            self._show_problems([problem])
        self.form.errorLabel.setText(error_message(exc) if isinstance(exc, LearningHubError)
                                     else self.tr("The file could not be read: {error}").format(error=exc))
        self.form.importButton.setEnabled(False)


def _seminars(db: Database) -> list[Any]:
    from ...core.services import seminars

    with db.reading() as s:
        return seminars.list_seminars(s)


def dry_run(db: Database, table: Any, mapping: list[str | None], seminar_id: int | None, status: str,
            progress: Progress, update_existing: bool = False) -> Any:
    """The dry run's plan, or the refusal of the whole mapping (no name column...). Runs off the GUI thread."""
    from ...importing import import_table

    checking = QCoreApplication.translate("ImportWizard", "Checking every row…")  # thread-safe: QCoreApplication.translate
    try:
        return import_table(db, table, mapping, seminar_id=seminar_id, status=status, dry_run=True,
                            update_existing=update_existing, progress=lambda d, t: progress.step(d, t, checking))
    except LearningHubError as exc:
        return exc


def counts_text(plan: Any, *, done: bool) -> str:
    c = plan.counts
    head = QCoreApplication.translate("ImportWizard", "Imported") if done else QCoreApplication.translate("ImportWizard", "Would be")
    text = QCoreApplication.translate("ImportWizard", "{head}: {created} created · {updated} updated · {skipped} skipped (already "
                     "stored) · {merged} merged (repeating an earlier row)").format(head=head, **c)
    if c["kept"]:
        text += QCoreApplication.translate("ImportWizard", " · {kept} kept as stored (known; the file differs)").format(**c)
    if plan.seminar_id is not None:
        text += QCoreApplication.translate("ImportWizard", " · {registered} registered · {waitlisted} on the waiting list").format(**c)
    if not done and plan.problems:
        text += words().once_problems_fixed(len(plan.problems))
    return text


def _value(field: str, value: str | None) -> str:
    """A person's value as the window shows it: a role by its name, an empty one as a dash."""
    if not value:
        return "—"
    return labels.person_role(value) if field == "role" else value


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
