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

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...core import timezones
from ...core.pages.eligibility import EligibilityPage
from .. import forms, i18n
from ..bilingual import shown
from ..core_text import localized

NOT_ELIGIBLE = QColor("#8a4b00")
# What a line of the eligibility list holds besides its text: the name, and the verdict with its reason.
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2


class TwoColumns(QStyledItemDelegate):
    """Eligibility lines as two columns: the name, and beside it the verdict and its reason, wrapped in
    their column (a line of "name: verdict — reason — code" was cut with "…" or wrapped under the name).
    The names' column is as wide as the longest name, at most two fifths of the list."""

    GAP = 10

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        self.longest_name = -1  # measured once per list shown (names_changed), not per line

    def names_changed(self) -> None:
        self.longest_name = -1

    def _columns(self, option: QStyleOptionViewItem, width: int) -> tuple[int, int]:
        if self.longest_name < 0:
            metrics = option.fontMetrics  # type: ignore[attr-defined]
            names = [self.view.item(i).data(NAME_ROLE) or "" for i in range(self.view.count())]
            self.longest_name = max((metrics.horizontalAdvance(n) for n in names), default=0)
        name_width = min(self.longest_name, width * 2 // 5)
        return name_width, max(40, width - name_width - self.GAP)

    def _text_rects(self, option: QStyleOptionViewItem, rect: QRect, index: QModelIndex | QPersistentModelIndex
                    ) -> tuple[QRect, QRect]:
        inner = rect.adjusted(4, 2, -4, -2)
        name_width, verdict_width = self._columns(option, inner.width())
        flags = Qt.TextFlag.TextWordWrap
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        name = metrics.boundingRect(QRect(0, 0, name_width, 10_000), flags, index.data(NAME_ROLE) or "")
        verdict = metrics.boundingRect(QRect(0, 0, verdict_width, 10_000), flags, index.data(VERDICT_ROLE) or "")
        return (QRect(inner.left(), inner.top(), name_width, max(name.height(), 1)),
                QRect(inner.left() + name_width + self.GAP, inner.top(), verdict_width, max(verdict.height(), 1)))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width()
        name, verdict = self._text_rects(option, QRect(0, 0, width, 0), index)
        return QSize(width, max(name.height(), verdict.height()) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""  # type: ignore[attr-defined]  # the background and the selection, drawn by the style
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, self.view)
        selected = option.state & QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        colour = (palette.highlightedText().color() if selected
                  else index.data(Qt.ItemDataRole.ForegroundRole) or palette.text().color())
        name, verdict = self._text_rects(option, option.rect, index)  # type: ignore[attr-defined]
        painter.save()
        painter.setPen(colour if isinstance(colour, QColor) else colour.color())
        painter.drawText(name, int(Qt.TextFlag.TextWordWrap), index.data(NAME_ROLE) or "")
        painter.drawText(verdict, int(Qt.TextFlag.TextWordWrap), index.data(VERDICT_ROLE) or "")
        painter.restore()


class AttendanceDocs(QWidget):
    """The widgets; :class:`~.documents_tab.DocumentsTab` makes the documents they ask for."""

    def __init__(self, make: Callable[[str, Path | None], Any], ask_and_save: Callable[[str], Any],
                 parent: QWidget | None = None) -> None:
        """``make(kind, None)`` previews a document, ``ask_and_save(kind)`` asks where to save it."""
        super().__init__(parent)
        self.form = forms.load("attendance_docs").Ui_AttendanceDocs()
        self.form.setupUi(self)
        self._make = make
        f = self.form
        for kind, preview, save in (("certificates", f.previewCertificatesButton, f.saveCertificatesButton),
                                    ("badges", f.previewBadgesButton, f.saveBadgesButton),
                                    ("signin", f.previewSigninButton, f.saveSigninButton)):
            preview.clicked.connect(lambda _c=False, k=kind: self._make(k, None))
            save.clicked.connect(lambda _c=False, k=kind: ask_and_save(k))
        self.seminar_id = 0
        self.columns = TwoColumns(f.eligibilityList)
        f.eligibilityList.setItemDelegate(self.columns)
        f.eligibilityList.setResizeMode(QListView.ResizeMode.Adjust)  # lines wrap again as the list is resized
        f.eligibilityList.setUniformItemSizes(False)
        # long session titles are cut in the narrow combo: the whole one as a tooltip
        f.signinSessionCombo.currentTextChanged.connect(f.signinSessionCombo.setToolTip)

    def show_page(self, page: EligibilityPage) -> None:
        """The eligibility list (read by the core on a worker) and the sessions that can have a sign-in sheet."""
        self.seminar_id = page.seminar_id
        f = self.form
        f.eligibilityList.clear()
        self.columns.names_changed()
        f.signinSessionCombo.clear()
        tz = timezones.zone(page.timezone)
        for item in page.sessions:
            start = item.starts_at.astimezone(tz)
            f.signinSessionCombo.addItem(f"{i18n.format_date(start, 'day_time')}  {shown(item.title, item.title_zh)}", item.id)
        for row in page.rows:
            verdict = self.tr("eligible") if row.eligible else self.tr("not eligible")
            code = f" — {row.code}" if row.code else ""
            said = self.tr("{verdict} — {reason}{code}").format(verdict=verdict, reason=localized(row.reason),
                                                                code=code)
            # the text (what is copied, and read out by a screen reader) says it all in one line; the
            # list shows it in two columns (TwoColumns)
            item = QListWidgetItem(self.tr("{name}: {verdict} — {reason}{code}").format(
                name=row.name, verdict=verdict, reason=localized(row.reason), code=code))
            item.setToolTip(item.text())
            item.setData(NAME_ROLE, row.name)
            item.setData(VERDICT_ROLE, said)
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

    def signin_session(self) -> int:
        return int(self.form.signinSessionCombo.currentData() or 0)

    def signin_title(self) -> str:
        """The title of the session chosen for a sign-in sheet (its day and time left out)."""
        return self.form.signinSessionCombo.currentText().split("  ", 1)[-1]
