"""Seminar → Evaluation…: the seminar's questionnaire made from a template, paper answers typed, a form tool's
result file checked (every problem by row and column) and imported, the results as tables and bars, the paper
form, the results and the questions for form tools saved.

Why a window of its own: evaluation is its own stage of a seminar (after it), with four activities; a tab
would crowd the seminar page. Reads go through the runner (off the GUI thread), changes through
``history.apply`` (undoable: a typed response, an import, creating the questionnaire).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.evaluations.commands import AddResponses, CreateEvaluation
from ...core.evaluations.forms import NewResponse
from ...core.evaluations.results import EvaluationResults, evaluation_results
from ...core.evaluations.templates import SHIPPED
from ...documents.language import LANGUAGE_NAMES
from ..bilingual import chinese_interface, shown
from ..core_text import error_message, localized
from ..reports.charts import ChartView
from .paper_entry import PaperEntry


def _table(headers: list[str], rows: list[list[Any]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else (f"{value:.2f}" if isinstance(value, float) else str(value)))
            if isinstance(value, (int, float)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class EvaluationWindow(QDialog):
    """The Evaluations window of one seminar."""

    def __init__(self, host: Any, seminar_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationWindow")
        self.host = host
        self.seminar_id = seminar_id
        self.results: EvaluationResults | None = None
        self.plan: Any = None
        self.setWindowTitle(self.tr("Evaluation — %1").replace("%1", host.seminar_title()))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("evaluationStatus")
        layout.addWidget(self.status)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self._make_questions_tab()
        self.entry = PaperEntry()
        self.entry.saved.connect(self._store_typed)
        self.tabs.addTab(self.entry, self.tr("&Type answers"))
        self._make_import_tab()
        self._make_results_tab()
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Documents in:")))
        self.lang = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(2)
        bottom.addWidget(self.lang)
        for text, handler, name in ((self.tr("Paper &form…"), self.save_form, "saveForm"),
                                    (self.tr("Questions for form &tools…"), self.save_questions, "saveQuestions"),
                                    (self.tr("Results &PDF…"), lambda: self.save_results("pdf"), "saveResultsPdf"),
                                    (self.tr("Results &XLSX…"), lambda: self.save_results("xlsx"), "saveResultsXlsx")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(handler)
            bottom.addWidget(button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.load()

    # -- building
    def _make_questions_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Template:")))
        self.template = QComboBox()
        self.template.setObjectName("templateChoice")
        for name, template in SHIPPED.items():
            self.template.addItem(f"{name}: {template.description}", name)
        row.addWidget(self.template, 1)
        self.anonymous = QCheckBox(self.tr("Anonymous (never linked to a registration)"))
        self.anonymous.setChecked(True)
        row.addWidget(self.anonymous)
        self.create_button = QPushButton(self.tr("&Create questionnaire"))
        self.create_button.setObjectName("createQuestionnaire")
        self.create_button.clicked.connect(self.create)
        row.addWidget(self.create_button)
        v.addLayout(row)
        self.questions = _table([self.tr("No."), self.tr("Kind"), self.tr("Question")], [])
        v.addWidget(self.questions)
        self.tabs.addTab(page, self.tr("&Questions"))

    def _make_import_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Check a result &file…"))
        self.choose_button.setObjectName("checkFile")
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.choose_button)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("importFile")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_checked)
        row.addWidget(self.import_button)
        row.addStretch(1)
        v.addLayout(row)
        self.import_said = QLabel(self.tr("Microsoft Forms (.xlsx), Google Forms (.csv) or 问卷星 (.xlsx, .csv): "
                                          "nothing is imported until the whole file is right."))
        self.import_said.setWordWrap(True)
        self.import_said.setObjectName("importSaid")
        v.addWidget(self.import_said)
        self.problems = _table([self.tr("Row"), self.tr("Column"), self.tr("Problem")], [])
        self.problems.setObjectName("importProblems")
        v.addWidget(self.problems)
        self.tabs.addTab(page, self.tr("I&mport"))

    def _make_results_tab(self) -> None:
        self.results_page = QScrollArea()
        self.results_page.setWidgetResizable(True)
        self.tabs.addTab(self.results_page, self.tr("&Results"))

    # -- reading
    def load(self) -> None:
        seminar = self.seminar_id
        self.host.runner.load("evaluation", lambda db: db.read(evaluation_results(seminar))[0], self.show_results,
                              failed=lambda exc: self.status.setText(error_message(exc)))

    def show_results(self, results: EvaluationResults | None) -> None:
        self.results = results
        made = results is not None
        self.create_button.setEnabled(not made)
        self.template.setEnabled(not made)
        self.anonymous.setEnabled(not made)
        for i in (1, 2, 3):
            self.tabs.setTabEnabled(i, made)
        if results is None:
            self.status.setText(self.tr("This seminar has no evaluation questionnaire yet: choose a template and "
                                        "create it."))
            return
        self.status.setText(self.tr("%1 questions, %2 responses (%3 linked to registrations)")
                            .replace("%1", str(len(results.questions))).replace("%2", str(results.responses))
                            .replace("%3", str(results.linked)))
        kinds = {"rating": self.tr("rating 1–5"), "single": self.tr("one choice"),
                 "multiple": self.tr("several choices"), "text": self.tr("text")}
        rows = [[n, kinds[q.kind], self._title(q)] for n, q in enumerate(results.questions, 1)]
        self._fill(self.questions, rows)
        if not self.entry.fields or [q.id for _e, q in self.entry.fields] != [q.id for q in results.questions]:
            self.entry.show_questions(results)
        self._paint_results(results)

    def _title(self, q: Any) -> str:
        title = shown(q.text, q.text_zh)
        return f"{title} [{shown(q.about, q.about_zh)}]" if q.about else title

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def _paint_results(self, results: EvaluationResults) -> None:
        from ...documents.evaluation_sections import sections

        holder = QWidget()
        holder.setObjectName("evaluationResults")
        v = QVBoxLayout(holder)
        lang = "zh" if chinese_interface() else "en"
        for section in sections(results, lang):
            heading = QLabel(f"<b>{html.escape(section.title)}</b>")  # a template's wording is the user's text
            v.addWidget(heading)
            if section.chart is not None and any(section.chart.values):
                v.addWidget(ChartView(section.chart))
            if section.rows:
                table = _table(section.headers, section.rows)
                table.setObjectName(f"results_{section.key}")
                table.setMinimumHeight(min(360, 30 + 26 * len(section.rows)))
                v.addWidget(table)
            else:
                v.addWidget(QLabel(self.tr("No answers yet.")))
        v.addStretch(1)
        self.results_page.setWidget(holder)

    # -- changes
    def create(self) -> None:
        template = SHIPPED[self.template.currentData()]
        self.host.history.apply(CreateEvaluation(self.seminar_id, template, self.anonymous.isChecked()),
                                then=lambda _done: self.load())

    def _store_typed(self, rows: list[tuple[int, int | None, str | None]]) -> None:
        if self.results is None:
            return
        response = NewResponse(rows, None, "paper")
        self.host.history.apply(AddResponses(self.seminar_id, self.results.form_id, (response,)),
                                then=lambda _done: self.load())

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Result file of a form tool"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv *.txt)"))
        if name:
            self.check_file(name)

    def check_file(self, path: str) -> None:
        """The dry run, off the GUI thread: every problem listed by row and column, Import enabled when none."""
        from ...importing.evaluations import plan_import

        seminar = self.seminar_id
        self.import_button.setEnabled(False)
        self.import_said.setText(self.tr("Checking %1…").replace("%1", Path(path).name))

        def work(db: Any) -> Any:
            with db.reading() as s:
                return plan_import(s, seminar, path)

        self.host.runner.load("evaluation-import", work, self._show_plan,
                              failed=lambda exc: self.import_said.setText(error_message(exc)))

    def _show_plan(self, plan: Any) -> None:
        self.plan = plan
        self._fill(self.problems, [[p.row or "", p.column or "", localized(p.message)] for p in plan.problems])
        if plan.problems:
            self.import_said.setText(self.tr("%1: %2 problems; nothing will be imported until they are mended.")
                                     .replace("%1", Path(plan.path).name).replace("%2", str(len(plan.problems))))
            return
        self.import_said.setText(self.tr("%1 (%2): %3 responses to import, %4 imported before, %5 linked to "
                                         "registrations.")
                                 .replace("%1", Path(plan.path).name).replace("%2", localized(plan.described))
                                 .replace("%3", str(len(plan.responses))).replace("%4", str(plan.skipped))
                                 .replace("%5", str(plan.linked)))
        self.import_button.setEnabled(bool(plan.responses))

    def import_checked(self) -> None:
        if self.plan is None or not self.plan.ok or self.results is None:
            return
        plan, self.plan = self.plan, None
        self.import_button.setEnabled(False)

        def done(_done: Any) -> None:
            self.import_said.setText(self.tr("%1 responses imported.").replace("%1", str(len(plan.responses))))
            self.load()

        self.host.history.apply(AddResponses(self.seminar_id, self.results.form_id, tuple(plan.responses)),
                                then=done)

    # -- documents
    def _save_name(self, title: str, suggested: str, filters: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return name

    def save_form(self) -> None:
        from ...documents.evaluation_form_pdf import render_evaluation_form

        if self.results is None:
            return
        name = self._save_name(self.tr("Save the paper form"), "evaluation-form.pdf", self.tr("PDF (*.pdf)"))
        if name:
            render_evaluation_form(self.results, lang=self.lang.currentData()).save(name)
            self.host.show_status(self.tr("Paper form saved to %1").replace("%1", name))

    def save_questions(self) -> None:
        from ...exporting.evaluation_questions import write_questions

        if self.results is None:
            return
        name = self._save_name(self.tr("Save the questions for form tools"), "evaluation-questions.txt",
                               self.tr("Text to paste (*.txt);;CSV (*.csv);;Workbook (*.xlsx)"))
        if name:
            write_questions(self.results, Path(name), self.lang.currentData())
            self.host.show_status(self.tr("Questions saved to %1").replace("%1", name))

    def save_results(self, kind: str) -> None:
        if self.results is None:
            return
        name = self._save_name(self.tr("Save the results"), f"evaluation-results.{kind}",
                               self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Workbook (*.xlsx)"))
        if not name:
            return
        if kind == "pdf":
            from ...documents.evaluation_results_pdf import render_evaluation_results

            render_evaluation_results(self.results, lang=self.lang.currentData()).save(name)
        else:
            from ...exporting.evaluation_results import write_results_xlsx

            write_results_xlsx(self.results, Path(name), self.lang.currentData())
        self.host.show_status(self.tr("Results saved to %1").replace("%1", name))


def open_evaluation(window: Any) -> EvaluationWindow | None:
    """The Evaluations window on the window's current seminar (a status line when none is chosen)."""
    if not window.current_seminar or window.db is None:
        window.show_status(QCoreApplication.translate("EvaluationWindow", "Choose a seminar first."))
        return None
    dialog = EvaluationWindow(window, window.current_seminar, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.evaluation_window = dialog
    return dialog


def install(window: Any) -> None:
    """Seminar → Evaluation… (Ctrl+Shift+E)."""
    from PySide6.QtGui import QKeySequence

    menu = getattr(window, "seminar_menu", None) or window.form.menuView
    action = menu.addAction(QCoreApplication.translate("EvaluationWindow", "E&valuation…"),
                            lambda: open_evaluation(window))
    action.setObjectName("actionEvaluation")
    action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    window.evaluation_action = action
