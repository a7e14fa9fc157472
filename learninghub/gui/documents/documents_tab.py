"""The Documents tab: make the seminar's documents, preview them, print or save them.

Documents are made off the GUI thread (operations.BackgroundOp) by the same core
calls as the command line (documents/build.py); the same background job renders
the pages for the preview (pdf_pages), so the window never waits for PDFium. The
preview (pdf_preview.PdfPreview) prints through the system's print dialog, saves a
copy or opens the PDF in the user's viewer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.errors import LearningHubError
from ...core.pages.eligibility import EligibilityPage
from ...core.pages.seminar import SeminarPage
from .. import forms, i18n, layout_memory
from ..core_text import error_message
from ..counts import words
from ..file_places import ask_save_path, named_after, open_in_system
from ..operations import BackgroundOp, Progress
from ..seminar.host import SeminarHost
from .attendance_docs import AttendanceDocs
from .pdf_preview import PdfPreview
from .titles import document_title

SECOND_ZONES = ["", "Europe/Madrid", "Asia/Shanghai", "Europe/Brussels", "Europe/Rome", "Europe/Sofia",
                "Europe/Athens", "Europe/Ljubljana", "Asia/Seoul", "America/Mexico_City", "UTC"]


class DocumentsTab(QWidget):
    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("documents_tab").Ui_DocumentsTab()
        self.form.setupUi(self)
        self.host = host
        f = self.form
        f.secondZoneCombo.addItems(SECOND_ZONES)
        f.secondZoneCombo.lineEdit().setPlaceholderText(QCoreApplication.translate("DocumentsTab", "none"))
        f.paperCombo.addItem("A4", "a4")
        f.paperCombo.addItem(QCoreApplication.translate("DocumentsTab", "US letter"), "letter")
        from ...documents.language import LANGUAGE_NAMES

        for code, name in LANGUAGE_NAMES.items():  # each named in its own language
            f.docLanguageCombo.addItem(name, code)
        # documents in the interface's language unless the user picks another
        f.docLanguageCombo.setCurrentIndex(max(0, f.docLanguageCombo.findData("zh" if i18n.language() == i18n.ZH else "en")))
        f.saveAgendaButton.clicked.connect(lambda: self.ask_and_save("agenda"))
        f.openAgendaButton.clicked.connect(lambda: self.make("agenda", None))
        f.saveProgrammeButton.clicked.connect(lambda: self.ask_and_save("programme"))
        f.openProgrammeButton.clicked.connect(lambda: self.make("programme", None))
        self.preview = PdfPreview(f.previewPane)
        # no PDF viewer installed: said plainly (the preview's own opener stayed silent)
        self.preview.opener = lambda path: open_in_system(self.host.dialog_parent(), path)
        f.previewPaneLayout.addWidget(self.preview)
        self.attendance = AttendanceDocs(self.make, self.ask_and_save, f.attendanceDocsGroup)
        f.attendanceDocsLayout.addWidget(self.attendance)
        # The Documents tab: its controls (with the eligibility list) and the preview share the width as the user drags.
        f.documentsSplitter.setStretchFactor(1, 1)
        self._visible = False
        self._stale = True  # the eligibility list needs reading (read when the tab is shown)
        self.op: BackgroundOp[Any] | None = None
        # Where the last document went (tests and the status line read it).
        self.last_file: Path | None = None
        self.seminar_id = 0
        self.curriculum_id = 0
        self._shown_for = 0  # the seminar whose document the preview shows

    def show_page(self, page: SeminarPage) -> None:
        """Another seminar chosen, or the same one changed: its documents are not made yet (the preview
        empties), and who is eligible may have changed (read again when the tab shows)."""
        self.seminar_id, self.curriculum_id = page.id, page.curriculum_id
        if page.id != self._shown_for:
            self.preview.clear()
            self.form.documentsStatus.setText("")
            self._shown_for = 0
        self._stale = True
        self._load_if_shown()

    def tab_shown(self, visible: bool) -> None:
        self._visible = visible
        self._load_if_shown()

    def _load_if_shown(self) -> None:
        from ...core.pages.eligibility import eligibility_page

        if self._stale and self.seminar_id and self._visible:
            self._stale = False
            seminar_id = self.seminar_id
            self.host.runner.load("eligibility", lambda db: db.read(eligibility_page(seminar_id))[0],
                                  self._eligibility_read)

    def _eligibility_read(self, page: EligibilityPage) -> None:
        if page.seminar_id == self.seminar_id:
            self.attendance.show_page(page)

    def file_name(self, kind: str) -> str:
        """What a document is saved as: ``Park City Project – agenda.pdf`` (the programme after its
        curriculum, a sign-in sheet with its session)."""
        what = document_title(kind)
        if kind == "programme":
            return named_after(self.host.curriculum_title(self.curriculum_id), what, "pdf")
        if kind == "signin" and self.attendance.signin_session():
            what += " " + self.attendance.signin_title()
        return named_after(self.host.seminar_title(), what, "pdf")

    def ask_and_save(self, kind: str) -> Any:
        """Where to save a document (the last folder used, the file named after the seminar); made once chosen."""
        return ask_save_path(
            self.host.dialog_parent(),
            QCoreApplication.translate("DocumentsTab", "Save the {document}").format(document=document_title(kind).lower()),
            self.file_name(kind), QCoreApplication.translate("DocumentsTab", "PDF files (*.pdf)"),
            lambda path: self.make(kind, path))

    def _preview_width(self) -> int:
        """Pages as wide as the preview shows them (PdfPreview scales them to its width when it changes),
        drawn at least 600 pixels wide, so a page widened again later is not blurred."""
        return max(600, self.preview.page_width())

    def make(self, kind: str, target: Path | None) -> BackgroundOp[Any] | None:
        """Make a document (a key of TITLES) off the GUI thread; preview it, and save it to ``target`` if given."""
        from ...documents import build

        seminar_id, curriculum_id, db = self.seminar_id, self.curriculum_id, self.host.runner.database()
        if not seminar_id or db is None:
            return None
        f = self.form
        paper, zone = f.paperCombo.currentData(), f.secondZoneCombo.currentText().strip() or None
        lang = f.docLanguageCombo.currentData() or "en"
        # a preview's file is named as a saved one would be: "Save copy" and the viewer show that name
        path = target or Path(tempfile.mkdtemp(prefix="learninghub-")) / self.file_name(kind)
        width = self._preview_width()
        session_id = self.attendance.signin_session()
        if kind == "signin" and not session_id:
            return None

        # translated here, on the GUI thread: the work runs on a pool thread
        making = QCoreApplication.translate("DocumentsTab", "Making the {document}…").format(document=document_title(kind).lower())
        certificate_of = QCoreApplication.translate("DocumentsTab", "Certificate {done} of {total}")
        preparing = QCoreApplication.translate("DocumentsTab", "Preparing the preview…")

        def work(progress: Progress) -> Any:
            from . import pdf_pages

            progress.step(0, 2, making)
            if kind == "certificates":
                from ...documents.certificates_batch import make_certificates

                rendered = make_certificates(db, seminar_id, output=path, lang=lang,
                                             progress=lambda done, total: progress.step(
                                                 done, total, certificate_of.format(done=done, total=total)),
                                             cancelled=lambda: progress.cancelled)
            else:
                if kind == "agenda":
                    rendered = build.agenda(db, seminar_id, second_tz=zone, paper=paper, lang=lang)
                elif kind == "badges":
                    rendered = build.badges(db, seminar_id, lang=lang)
                elif kind == "signin":
                    rendered = build.signin(db, session_id, lang=lang)
                else:
                    rendered = build.programme(db, curriculum_id, paper=paper, lang=lang)
                try:
                    rendered.save(path)
                except OSError as exc:
                    raise LearningHubError(QCoreApplication.translate("DocumentsTab", "cannot write {path}: {error}").format(
                        path=path, error=exc.strerror or exc)) from exc
            progress.step(1, 2, preparing)
            return rendered, pdf_pages.render(path, width=width, should_stop=lambda _d, _t: progress.step(1, 2))

        self.op = BackgroundOp(self.host.dialog_parent(), making.rstrip("…"), work,
                               lambda result: self._done(kind, result, path, seminar_id), self._failed)
        return self.op.start()

    def _done(self, kind: str, result: Any, path: Path, seminar_id: int) -> None:
        rendered, images = result
        self.last_file = path
        note = QCoreApplication.translate("DocumentsTab", " — no font has: {characters}").format(
            characters=" ".join(rendered.missing)) if rendered.missing else ""
        if kind == "certificates":
            note = words().new_codes(rendered.new_codes) + note
        said = words().pages(rendered.pages, document_title(kind), path) + note
        if seminar_id != self.seminar_id:
            # another seminar was chosen meanwhile: its tab never shows this one's document
            self.host.show_status(said)
            return
        if kind == "certificates":
            self._stale = True
            self._load_if_shown()  # the codes now show in the eligibility list
        self._shown_for = seminar_id
        self.form.documentsStatus.setText(said)
        self.preview.show_document(path, images, document_title(kind))

    def _failed(self, exc: BaseException) -> None:
        from ...documents.certificate_pdf import Cancelled as RenderingCancelled
        from ..operations import Cancelled

        if isinstance(exc, (Cancelled, RenderingCancelled)):
            self.form.documentsStatus.setText(QCoreApplication.translate("DocumentsTab", "Cancelled; nothing was written."))
            return
        message = error_message(exc) if isinstance(exc, LearningHubError) else QCoreApplication.translate(
            "DocumentsTab", "The document could not be made: {error}").format(error=exc)
        QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DocumentsTab", "No document"), message,
                    parent=self.host.dialog_parent()).open()

    # -- remembered layout
    def restore_layout(self) -> None:
        if not layout_memory.restore_splitter(self.form.documentsSplitter, "documents"):
            self.form.documentsSplitter.setSizes([440, 840])

    def save_layout(self) -> None:
        layout_memory.save_splitter(self.form.documentsSplitter, "documents")
