"""Certificates, badges and sign-in sheets on the Documents tab.

Who gets a certificate is the core's decision (``certificate_eligibility.eligibility``), shown
before anything is made: "eligible — attended 7 of 8 sessions" or why not. The batch
(``certificates_batch.make_certificates``) runs off the GUI thread with a progress
bar and Cancel; it issues the codes (the same code again for someone who has one),
then the pages appear in the preview like any other document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QLabel, QListWidgetItem, QWidget

from ...core import timezones
from ...core.pages.eligibility import EligibilityPage
from .. import forms, i18n
from ..bilingual import shown
from ..core_text import localized

NOT_ELIGIBLE = QColor("#8a4b00")


class AttendanceDocs(QWidget):
    """The widgets; :class:`~.documents_tab.DocumentsTab` makes the documents they ask for."""

    def __init__(self, make: Callable[[str, Path | None], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("attendance_docs").Ui_AttendanceDocs()
        self.form.setupUi(self)
        self._make = make
        f = self.form
        for kind, preview, save in (("certificates", f.previewCertificatesButton, f.saveCertificatesButton),
                                    ("badges", f.previewBadgesButton, f.saveBadgesButton),
                                    ("signin", f.previewSigninButton, f.saveSigninButton)):
            preview.clicked.connect(lambda _c=False, k=kind: self._make(k, None))
            save.clicked.connect(lambda _c=False, k=kind: self._ask_and_save(k))
        self.seminar_id = 0
        # the document language is chosen once for the tab (under Agenda); say so here
        self.language_note = QLabel(self)
        self.language_note.setObjectName("documentLanguageNote")
        self.language_note.setWordWrap(True)
        self.layout().insertWidget(0, self.language_note)
        # long session titles are cut in the narrow combo: the whole one as a tooltip
        f.signinSessionCombo.currentTextChanged.connect(f.signinSessionCombo.setToolTip)

    def show_page(self, page: EligibilityPage) -> None:
        """The eligibility list (read by the core on a worker) and the sessions that can have a sign-in sheet."""
        self.seminar_id = page.seminar_id
        f = self.form
        f.eligibilityList.clear()
        f.signinSessionCombo.clear()
        tz = timezones.zone(page.timezone)
        for item in page.sessions:
            start = item.starts_at.astimezone(tz)
            f.signinSessionCombo.addItem(f"{i18n.format_date(start, 'day_time')}  {shown(item.title, item.title_zh)}", item.id)
        for row in page.rows:
            verdict = self.tr("eligible") if row.eligible else self.tr("not eligible")
            code = f" — {row.code}" if row.code else ""
            item = QListWidgetItem(self.tr("{name}: {verdict} — {reason}{code}").format(
                name=row.name, verdict=verdict, reason=localized(row.reason), code=code))
            if not row.eligible:
                item.setForeground(NOT_ELIGIBLE)
            item.setData(Qt.ItemDataRole.UserRole, row.person_id)
            f.eligibilityList.addItem(item)
        eligible = page.eligible
        f.eligibilitySummary.setText(
            self.tr("{eligible} of %n registered are eligible (rule: {rule}).", None, len(page.rows)).format(
                eligible=eligible, rule=localized(page.rule)) if page.rows else self.tr("No one is registered yet."))
        f.previewCertificatesButton.setEnabled(eligible > 0)
        f.saveCertificatesButton.setEnabled(eligible > 0)
        has_sessions = f.signinSessionCombo.count() > 0
        f.previewSigninButton.setEnabled(has_sessions)
        f.saveSigninButton.setEnabled(has_sessions)

    def show_language(self, name: str) -> None:
        """Say which language certificates, badges and sign-in sheets print in (the tab's
        document language, chosen under Agenda; a run overrides the seminar's certificate
        wording setting)."""
        self.language_note.setText(self.tr("Printed in: {language} (the Language chosen under Agenda)").format(
            language=name))

    def signin_session(self) -> int:
        return int(self.form.signinSessionCombo.currentData() or 0)

    def _ask_and_save(self, kind: str) -> None:
        from .titles import document_title

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the {document}").format(
            document=document_title(kind).lower()), f"{kind}.pdf", self.tr("PDF files (*.pdf)"))
        if path:
            self._make(kind, Path(path))
