"""The Documents tab's preview: the pages of the last document made, ready to print or save.

Pages arrive as images rendered off the GUI thread (pdf_pages.render inside the
document's BackgroundOp); this widget only shows them. Printing goes through the
system's print dialog (QtPrintSupport), opened window-modal so nothing blocks.
Each page is shown as wide as the preview (a landscape certificate too), and follows the
preview's width when the window or the splitter changes it: no page is cut at the right.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from .. import forms


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("pdf_preview").Ui_PdfPreview()
        self.form.setupUi(self)
        f = self.form
        f.printButton.clicked.connect(self.ask_print)
        f.saveAsButton.clicked.connect(self.ask_save_copy)
        f.openViewerButton.clicked.connect(self.open_in_viewer)
        # The PDF shown (None: nothing made yet).
        self.path: Path | None = None
        self.title = ""
        self.images: list[QImage] = []
        self.opener: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        f.pagesScroll.viewport().installEventFilter(self)  # pages follow the preview's width
        self.print_dialog = None  # the open QPrintDialog, if any (tests accept it)
        self.print_op = None  # the running print job, if any
        self.printed = 0  # pages of the last finished print job
        self.clear()

    def clear(self) -> None:
        """Nothing to show: the placeholder, and no button that would act on nothing."""
        self.path, self.images, self.title = None, [], ""
        self._drop_pages()
        f = self.form
        f.previewStack.setCurrentWidget(f.placeholder)
        f.pagesLabel.setText(self.tr("No document yet"))
        for button in (f.printButton, f.saveAsButton, f.openViewerButton):
            button.setEnabled(False)

    def show_document(self, path: Path, images: list[QImage], title: str) -> None:
        self._drop_pages()
        self.path, self.images, self.title = path, images, title
        f = self.form
        for number, image in enumerate(images, start=1):
            page = QLabel(f.pagesHolder)
            page.setObjectName(f"page{number}")
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            page.setStyleSheet("background: white; border: 1px solid #b8b8b8;")
            page.setToolTip(self.tr("Page {number} of {count}").format(number=number, count=len(images)))
            f.pagesLayout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        f.pagesLayout.addStretch(1)
        self._fit_pages()
        count = len(images)
        f.pagesLabel.setText(self.tr("{title}: %n page(s)", None, count).format(title=title))
        f.previewStack.setCurrentWidget(f.pagesScroll)
        f.pagesScroll.verticalScrollBar().setValue(0)
        for button in (f.printButton, f.saveAsButton, f.openViewerButton):
            button.setEnabled(True)

    def page_width(self) -> int:
        """How wide a page is shown: the preview's width less its margins and a scroll bar."""
        f = self.form
        bar = f.pagesScroll.verticalScrollBar().sizeHint().width()
        margins = f.pagesLayout.contentsMargins()
        return max(120, f.pagesScroll.width() - bar - margins.left() - margins.right() - 8)

    def _fit_pages(self) -> None:
        """Each page as wide as the preview, its image scaled (down, or up to 1.5 times its size)."""
        width = self.page_width()
        for label, image in zip(self.page_labels(), self.images, strict=False):
            shown = min(width, round(image.width() * 1.5))
            if label.pixmap().width() != shown:
                label.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                    shown, Qt.TransformationMode.SmoothTransformation))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.images:
            self._fit_pages()
        return super().eventFilter(watched, event)

    def page_labels(self) -> list[QLabel]:
        return [w for w in self.form.pagesHolder.findChildren(QLabel) if w.objectName().startswith("page")]

    def _drop_pages(self) -> None:
        layout = self.form.pagesLayout
        while layout.count():
            item = layout.takeAt(0)
            if (widget := item.widget()) is not None:
                widget.deleteLater()

    # -- printing
    def ask_print(self):  # type: ignore[no-untyped-def]
        """The system print dialog; the document is printed once the user confirms."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.path is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title or self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.title))
        dialog.setMinMax(1, max(1, len(self.images)))
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # window-modal as open() would be (PySide6 hides QDialog.open() on QPrintDialog)
        return dialog

    def print_to(self, printer):  # type: ignore[no-untyped-def]
        """Print the shown document on ``printer`` off the GUI thread, with progress and Cancel:
        a PDF file printer gets the document itself (vector text), a real printer page images
        (a 300 dpi page takes ~0.3 s to draw; see pdf_pages.print_pdf). Returns the running job."""
        from ..operations import BackgroundOp, Cancelled
        from . import pdf_pages

        if self.path is None:
            return None
        path, title = self.path, self.title
        page_of = self.tr("Printing page {number} of {count}")

        def work(progress):  # type: ignore[no-untyped-def]
            return pdf_pages.print_pdf(path, printer, lambda done, total: progress.step(
                done, total, page_of.format(number=done + 1, count=total)))

        def done(printed: int) -> None:
            self.printed = printed
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(
                    self.tr("{title}: %n page(s) sent to the printer", None, printed).format(title=title), 8000)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                QMessageBox(QMessageBox.Icon.Warning, self.tr("Not printed"),
                            self.tr("Printing failed: {error}").format(error=exc), parent=self).open()

        self.printed = 0
        self.print_op = BackgroundOp(self, self.tr("Printing {title}").format(title=title), work, done, failed)
        self._printer = printer  # alive until the job ends
        return self.print_op.start()

    # -- saving and opening
    def ask_save_copy(self) -> None:
        if self.path is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), self.path.name, self.tr("PDF files (*.pdf)"))
        if target:
            self.save_copy(Path(target))

    def save_copy(self, target: Path) -> None:
        assert self.path is not None
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), self.tr("Cannot write {path}: {error}").format(
                path=target, error=exc.strerror or exc), parent=self).open()

    def open_in_viewer(self) -> None:
        if self.path is not None:
            self.opener(self.path)
