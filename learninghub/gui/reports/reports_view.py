"""The Reports view: the outcome report of a curriculum (all years or some) or of one seminar, on screen.

Pick the scope and the language; the figures are read by the core off the GUI thread (``runner.load``,
slot "report": a newer choice drops an older read) and shown at once, a section after another as the
PDF prints them (documents/outcome_sections.py): each section's table (numbers right-aligned) and its
chart, drawn with QPainter from the same chart definition (charts.py). The *Pages* tab shows the PDF
itself, page by page (the Documents tab's preview), to print it. Saving a PDF or a workbook, and making
the pages, run as a BackgroundOp with progress and Cancel. A scope with nothing in it says so in words.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import LearningHubError
from .. import bilingual, i18n, layout_memory
from ..core_text import error_message
from ..file_places import ask_save_path, named_after
from ..operations import BackgroundOp, Cancelled, Progress

if TYPE_CHECKING:
    from ...core.quickread import CurriculumOutline
    from ...core.reports.outcome import OutcomeReport, Scope
    from ...core.store import Database
    from ...documents.outcome_sections import Section
    from ..runner import Runner


def read_report(db: Database, scope: Scope, lang: str) -> tuple[OutcomeReport, list[Section]]:
    """On a worker: the report of ``scope`` (one round trip) and its sections in ``lang``."""
    from ...core.reports.outcome import outcome_report
    from ...documents.outcome_sections import sections

    report = db.read(outcome_report(scope))[0]
    return report, sections(report, lang)


class ReportsView(QWidget):
    """A window of its own: the scope at the top, the figures and charts (or the pages) below."""

    def __init__(self, runner: Runner, outline: Callable[[], tuple[CurriculumOutline, ...]],
                 show_status: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Outcome report"))
        self.runner, self.outline, self.show_status = runner, outline, show_status
        self.report: OutcomeReport | None = None
        self.sections: list[Section] = []
        self.shown_lang = "en"
        self.op: BackgroundOp[Any] | None = None
        self.last_file: Path | None = None  # where the last PDF or workbook went (tests and the status line)
        self._pages_for: tuple[Any, ...] | None = None  # the (scope, language) the Pages tab shows
        self._filling = False  # the combos are being filled: not the user's choice
        self._build()
        self.resize(1100, 780)
        layout_memory.restore_geometry(self, "reports")

    # -- the widgets
    def _build(self) -> None:
        from ...documents.language import LANGUAGE_NAMES

        top = QGridLayout()
        self.curriculumCombo = QComboBox(self)
        self.curriculumCombo.setObjectName("curriculumCombo")
        self.curriculumCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.curriculumCombo.setMinimumContentsLength(30)
        curriculum_label = QLabel(self.tr("&Curriculum:"), self)
        curriculum_label.setBuddy(self.curriculumCombo)
        self.wholeRadio = QRadioButton(self.tr("&Whole curriculum, years"), self)
        self.wholeRadio.setObjectName("wholeRadio")
        self.seminarRadio = QRadioButton(self.tr("One &seminar:"), self)
        self.seminarRadio.setObjectName("seminarRadio")
        self.scopeGroup = QButtonGroup(self)
        self.scopeGroup.addButton(self.wholeRadio)
        self.scopeGroup.addButton(self.seminarRadio)
        self.wholeRadio.setChecked(True)
        self.fromCombo, self.toCombo = QComboBox(self), QComboBox(self)
        self.fromCombo.setObjectName("fromCombo")
        self.toCombo.setObjectName("toCombo")
        self.seminarCombo = QComboBox(self)
        self.seminarCombo.setObjectName("seminarCombo")
        self.seminarCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.seminarCombo.setMinimumContentsLength(30)
        self.langCombo = QComboBox(self)
        self.langCombo.setObjectName("langCombo")
        for code, name in LANGUAGE_NAMES.items():  # each named in its own language
            self.langCombo.addItem(name, code)
        self.langCombo.setCurrentIndex(max(0, self.langCombo.findData("zh" if i18n.language() == i18n.ZH else "en")))
        lang_label = QLabel(self.tr("&Language:"), self)
        lang_label.setBuddy(self.langCombo)
        years = QHBoxLayout()
        from_label = QLabel(self.tr("&from"), self)
        from_label.setBuddy(self.fromCombo)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.toCombo)
        for widget in (from_label, self.fromCombo, to_label, self.toCombo):
            years.addWidget(widget)
        years.addStretch(1)
        top.addWidget(curriculum_label, 0, 0)
        top.addWidget(self.curriculumCombo, 0, 1)
        top.addWidget(lang_label, 0, 2)
        top.addWidget(self.langCombo, 0, 3)
        top.addWidget(self.wholeRadio, 1, 0)
        top.addLayout(years, 1, 1)
        top.addWidget(self.seminarRadio, 2, 0)
        top.addWidget(self.seminarCombo, 2, 1)
        top.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        self.savePdfButton = QPushButton(self.tr("Save as &PDF…"), self)
        self.savePdfButton.setObjectName("savePdfButton")
        self.saveXlsxButton = QPushButton(self.tr("Save as &XLSX…"), self)
        self.saveXlsxButton.setObjectName("saveXlsxButton")
        self.printButton = QPushButton(self.tr("P&rint…"), self)
        self.printButton.setObjectName("printButton")
        self.printButton.setShortcut(QKeySequence.StandardKey.Print)
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("reportStatus")
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons.addWidget(self.statusLabel, 1)
        for button in (self.savePdfButton, self.saveXlsxButton, self.printButton):
            buttons.addWidget(button)
        top.addLayout(buttons, 1, 2, 2, 2)

        # what is shown: a plain message, or the figures and charts (and the pages as printed)
        self.stack = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setObjectName("reportMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack.addWidget(self.message)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportTabs")
        self.figuresScroll = QScrollArea(self)
        self.figuresScroll.setObjectName("figuresScroll")
        self.figuresScroll.setWidgetResizable(True)
        self.figuresScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(self.figuresScroll, self.tr("Figures and charts"))
        from ..documents.pdf_preview import PdfPreview
        from ..file_places import open_in_system

        self.preview = PdfPreview(self)
        self.preview.opener = lambda path: open_in_system(self, path)
        self.tabs.addTab(self.preview, self.tr("Pages as printed"))
        self.stack.addWidget(self.tabs)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self.curriculumCombo.currentIndexChanged.connect(self._curriculum_chosen)
        for combo in (self.fromCombo, self.toCombo, self.seminarCombo, self.langCombo):
            combo.currentIndexChanged.connect(self._choice_changed)
        self.scopeGroup.buttonToggled.connect(lambda _button, checked: checked and self._choice_changed())
        self.savePdfButton.clicked.connect(lambda: self.ask_and_save("pdf"))
        self.saveXlsxButton.clicked.connect(lambda: self.ask_and_save("xlsx"))
        self.printButton.clicked.connect(self.print_report)
        self.tabs.currentChanged.connect(lambda _index: self._pages_if_shown())
        self._enable_saving(False)

    # -- the choices
    def fill_choices(self, curriculum_id: int = 0, seminar_id: int = 0) -> None:
        """The curricula and seminars from the programme's outline; ``curriculum_id`` (or ``seminar_id``'s
        curriculum, as one seminar) chosen, else what was chosen before, else the first; then read."""
        outline = self.outline()
        if seminar_id:
            curriculum_id = next((c.id for c in outline for s in c.seminars if s.id == seminar_id), curriculum_id)
        chosen = curriculum_id or self.curriculumCombo.currentData() or 0
        self._filling = True
        try:
            self.curriculumCombo.clear()
            for c in outline:
                self.curriculumCombo.addItem(bilingual.shown(c.title, c.title_zh), c.id)
            self.curriculumCombo.setCurrentIndex(max(0, self.curriculumCombo.findData(chosen)))
            self._fill_curriculum(seminar_id or self.seminarCombo.currentData() or 0)
            if seminar_id:
                self.seminarRadio.setChecked(True)
            elif curriculum_id:
                self.wholeRadio.setChecked(True)
        finally:
            self._filling = False
        self.load()

    def _curriculum(self) -> CurriculumOutline | None:
        chosen = self.curriculumCombo.currentData()
        return next((c for c in self.outline() if c.id == chosen), None)

    def _fill_curriculum(self, seminar_id: int = 0) -> None:
        """The chosen curriculum's years and seminars in their combos (all years, the first seminar)."""
        curriculum = self._curriculum()
        years: set[int] = set()
        for combo in (self.fromCombo, self.toCombo, self.seminarCombo):
            combo.clear()
        if curriculum is not None:
            if curriculum.start_year and curriculum.end_year:
                years.update(range(curriculum.start_year, curriculum.end_year + 1))
            years.update(s.start_date.year for s in curriculum.seminars)
            for s in curriculum.seminars:
                title = bilingual.shown(s.title, s.title_zh)
                self.seminarCombo.addItem(f"{title}  ·  {i18n.format_date(s.start_date, 'day')}", s.id)
        self.fromCombo.addItem(self.tr("the first"), None)
        self.toCombo.addItem(self.tr("the last"), None)
        for year in sorted(years):
            self.fromCombo.addItem(str(year), year)
            self.toCombo.addItem(str(year), year)
        self.seminarCombo.setCurrentIndex(max(0, self.seminarCombo.findData(seminar_id)))
        self.seminarRadio.setEnabled(self.seminarCombo.count() > 0)

    def _curriculum_chosen(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._fill_curriculum()
        finally:
            self._filling = False
        self._choice_changed()

    def _choice_changed(self, *_args: Any) -> None:
        if not self._filling:
            one = self.seminarRadio.isChecked()
            self.seminarCombo.setEnabled(one)
            self.fromCombo.setEnabled(not one)
            self.toCombo.setEnabled(not one)
            self.load()

    def scope(self) -> Scope | None:
        """The scope chosen, or None (no curriculum yet; the first year after the last: said in words)."""
        from ...core.reports.outcome import Scope

        curriculum = self.curriculumCombo.currentData()
        if not curriculum:
            return None
        if self.seminarRadio.isChecked():
            seminar = self.seminarCombo.currentData()
            return Scope(seminar_id=seminar) if seminar else None
        first, last = self.fromCombo.currentData(), self.toCombo.currentData()
        if first is not None and last is not None and first > last:
            return None
        return Scope(curriculum_id=curriculum, first_year=first, last_year=last)

    def language(self) -> str:
        return str(self.langCombo.currentData() or "en")

    # -- reading and showing
    def load(self) -> None:
        """Read the chosen scope's figures off the GUI thread; what is on screen stays until they arrive."""
        scope, lang = self.scope(), self.language()
        self.seminarCombo.setEnabled(self.seminarRadio.isChecked())
        if scope is None:
            self.runner.forget("report")
            if not self.curriculumCombo.count():
                self._say(self.tr("There is no curriculum yet: make one (File → New seminar), or load the demo."))
            elif self.seminarRadio.isChecked():
                self._say(self.tr("This curriculum has no seminar yet."))
            else:
                self._say(self.tr("The first year ({first}) is after the last ({last}).").format(
                    first=self.fromCombo.currentData(), last=self.toCombo.currentData()))
            return
        self.statusLabel.setText(self.tr("Reading the figures…"))
        self.runner.load("report", lambda db: read_report(db, scope, lang), lambda found: self._show(found, lang),
                         failed=self._not_read)

    def _say(self, text: str) -> None:
        """A plain message in place of the figures; nothing to save."""
        self.report, self.sections = None, []
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.statusLabel.setText("")
        self._enable_saving(False)

    def _not_read(self, exc: BaseException) -> None:
        self._say(error_message(exc))

    def _enable_saving(self, enabled: bool) -> None:
        for button in (self.savePdfButton, self.saveXlsxButton, self.printButton):
            button.setEnabled(enabled)

    def _show(self, found: tuple[OutcomeReport, list[Section]], lang: str) -> None:
        report, sections = found
        if report.seminars_total == 0:
            if report.scope.first_year is not None or report.scope.last_year is not None:
                self._say(self.tr("No seminar of this curriculum starts in these years."))
            else:
                self._say(self.tr("This curriculum has no seminar yet: there is nothing to report."))
            return
        from ...documents.language import language
        from ...documents.outcome_sections import period, scope_title

        self.report, self.sections, self.shown_lang = report, sections, lang
        lg = language(lang)
        holder = QWidget()
        holder.setObjectName("figuresHolder")
        column = QVBoxLayout(holder)
        heading = QLabel(scope_title(report, lg), holder)
        heading.setObjectName("reportHeading")
        heading.setWordWrap(True)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        when = QLabel(period(report, lg), holder)
        when.setObjectName("reportPeriod")
        column.addWidget(when)
        for section in sections:
            column.addWidget(self._section_block(section, lg, holder))
        column.addStretch(1)
        old = self.figuresScroll.takeWidget()
        self.figuresScroll.setWidget(holder)
        if old is not None:
            old.deleteLater()
        self.stack.setCurrentWidget(self.tabs)
        self.statusLabel.setText(self._summary_line(report))
        self._enable_saving(True)
        self.preview.clear()
        self._pages_for = None
        self._pages_if_shown()

    def _summary_line(self, report: OutcomeReport) -> str:
        return self.tr("{participants} participants; {attended} attended of {registered} registered").format(
            participants=f"{report.participants:,}", attended=f"{report.attended:,}",
            registered=f"{report.registered:,}")

    def _section_block(self, section: Section, lg: Any, parent: QWidget) -> QWidget:
        """A section: its title, its table and its chart (beside a narrow table, below a wide one), its note."""
        from ...documents.outcome_sections import said
        from .charts import ChartView
        from .section_table import section_view

        block = QFrame(parent)
        block.setObjectName(f"section_{section.key}")
        block.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(block)
        title = QLabel(section.title, block)
        title.setObjectName(f"title_{section.key}")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        column.addWidget(title)
        table: QWidget
        if section.rows:
            table = section_view(section, block)
        else:
            table = QLabel(said(lg, "none"), block)
            table.setObjectName(f"none_{section.key}")
        chart = ChartView(section.chart, block) if section.chart is not None and any(section.chart.values) else None
        if chart is not None and len(section.headers) <= 3:
            row = QHBoxLayout()
            row.addWidget(table, 1)
            row.addWidget(chart, 1, Qt.AlignmentFlag.AlignTop)
            column.addLayout(row)
        else:
            column.addWidget(table)
            if chart is not None:
                column.addWidget(chart)
        if section.note:
            note = QLabel(section.note.replace("\n", " "), block)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);")
            column.addWidget(note)
        return block

    # -- saving, the pages, printing
    def file_name(self, suffix: str) -> str:
        """``Metropolis Learning Hub Chengdu 2020–2022 – outcome report.pdf``: the curriculum (and years) or the
        seminar, as the interface shows its title."""
        report = self.report
        title = ""
        if report is not None:
            if report.scope.seminar_id is not None and report.seminars:
                s = report.seminars[0]
                title = bilingual.shown(s.title, s.title_zh)
            else:
                title = bilingual.shown(report.title, report.title_zh)
                first, last = report.scope.first_year, report.scope.last_year
                if first is not None or last is not None:
                    span = f"{first or ''}–{last or ''}" if first != last else str(first)
                    title = f"{title} {span}"
        return named_after(title, self.tr("outcome report"), suffix)

    def ask_and_save(self, kind: str) -> Any:
        """Where to save the report shown (the last folder used); made off the GUI thread once chosen."""
        if self.report is None:
            return None
        caption = self.tr("Save the outcome report as PDF") if kind == "pdf" else self.tr(
            "Save the outcome report as XLSX")
        filters = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        return ask_save_path(self, caption, self.file_name(kind), filters, lambda path: self.save(kind, path))

    def save(self, kind: str, target: Path) -> BackgroundOp[Any] | None:
        """Write the report shown to ``target`` (``kind``: pdf or xlsx) off the GUI thread, with progress and Cancel."""
        report, lang = self.report, self.shown_lang
        if report is None:
            return None
        making = self.tr("Making the outcome report…")
        writing = self.tr("Writing {name}…").format(name=target.name)
        cannot = self.tr("cannot write {path}: {error}")

        def work(progress: Progress) -> Any:
            progress.step(0, 2, making)
            if kind == "pdf":
                from ...documents.outcome_pdf import render_outcome_report

                rendered = render_outcome_report(report, lang=lang)
                progress.step(1, 2, writing)
                try:
                    rendered.save(target)
                except OSError as exc:
                    raise LearningHubError(cannot.format(path=target, error=exc.strerror or exc)) from exc
                return rendered.pages
            from ...exporting.outcome_report import write_report_xlsx

            progress.step(1, 2, writing)
            try:
                return write_report_xlsx(report, target, lang=lang)
            except OSError as exc:
                raise LearningHubError(cannot.format(path=target, error=exc.strerror or exc)) from exc

        def done(count: int) -> None:
            self.last_file = target
            said = (self.tr("Outcome report saved to {path}: %n page(s)", None, count) if kind == "pdf"
                    else self.tr("Outcome report saved to {path}: %n sheet(s)", None, count)).format(path=target)
            self.statusLabel.setText(said)
            self.show_status(said)

        self.op = BackgroundOp(self, making.rstrip("…"), work, done, self._failed)
        return self.op.start()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.statusLabel.setText(self.tr("Cancelled; nothing was written."))
            return
        message = error_message(exc) if isinstance(exc, LearningHubError) else self.tr(
            "The report could not be made: {error}").format(error=exc)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), message, parent=self)
        box.setObjectName("reportNotSavedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _pages_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.preview and self.report is not None:
            self.make_pages()

    def make_pages(self, then: Callable[[], object] | None = None) -> BackgroundOp[Any] | None:
        """The PDF of the report shown, drawn page by page in the *Pages* tab (off the GUI thread); ``then``
        once shown. Made once per scope and language."""
        report, lang = self.report, self.shown_lang
        if report is None:
            return None
        key = (report.scope, lang)
        if self._pages_for == key and self.preview.path is not None:
            if then is not None:
                then()
            return None
        path = Path(tempfile.mkdtemp(prefix="learninghub-")) / self.file_name("pdf")
        width = max(600, self.preview.page_width())
        making = self.tr("Making the outcome report…")
        preparing = self.tr("Preparing the pages…")

        def work(progress: Progress) -> Any:
            from ...documents.outcome_pdf import render_outcome_report
            from ..documents import pdf_pages

            progress.step(0, 2, making)
            render_outcome_report(report, lang=lang).save(path)
            progress.step(1, 2, preparing)
            return pdf_pages.render(path, width=width, should_stop=lambda _d, _t: progress.step(1, 2))

        def done(images: list[Any]) -> None:
            if self.report is None or (self.report.scope, self.shown_lang) != key:
                return  # another scope chosen meanwhile
            self._pages_for = key
            self.preview.show_document(path, images, self.tr("Outcome report"))
            if then is not None:
                then()

        self.op = BackgroundOp(self, making.rstrip("…"), work, done, self._failed)
        return self.op.start()

    def print_report(self) -> Any:
        """Print: the pages as printed (made first if need be), then the system's print dialog."""
        if self.report is None:
            return None
        self.tabs.setCurrentWidget(self.preview)
        return self.make_pages(self.preview.ask_print) or self.preview.print_dialog

    # -- the window
    def closeEvent(self, event: QCloseEvent) -> None:
        layout_memory.save_geometry(self, "reports")
        self.runner.forget("report")
        super().closeEvent(event)


def open_reports(window: Any, *, curriculum_id: int = 0, seminar_id: int = 0) -> ReportsView | None:
    """Open (or raise) the window's Reports view on ``seminar_id`` or ``curriculum_id``, else on what the
    programme tree shows (a curriculum, or a seminar's curriculum)."""
    if window.db is None:
        return None
    view: ReportsView | None = getattr(window, "reports_view", None)
    if view is None:
        view = ReportsView(window.runner, lambda: window.tree_model.outline, window.show_status, window)
        window.reports_view = view
        window.tree_model.modelReset.connect(lambda: view.isVisible() and view.fill_choices())
    if not (curriculum_id or seminar_id):
        curriculum_id = window.current_curriculum or next(
            (c.id for c in window.tree_model.outline for s in c.seminars if s.id == window.current_seminar), 0)
    view.fill_choices(curriculum_id, seminar_id)
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def install(window: Any) -> None:
    """View → Outcome report… (beside People: another window on the programme), and Seminar → Outcome report
    of this seminar…"""
    menu = window.form.menuView
    action = menu.addAction(QCoreApplication.translate("ReportsView", "&Outcome report…"),
                            lambda: open_reports(window))
    action.setObjectName("actionOutcomeReport")
    action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    window.outcome_report_action = action
    seminar_menu = getattr(window, "seminar_menu", None)
    if seminar_menu is not None:
        seminar_menu.addSeparator()
        this = seminar_menu.addAction(QCoreApplication.translate("ReportsView", "Outcome report of this &seminar…"),
                                      lambda: open_reports(window, seminar_id=window.current_seminar))
        this.setObjectName("actionSeminarOutcomeReport")
        window.seminar_report_action = this
