"""PDF pages as images, for the preview and for printing, rendered by PDFium (pypdfium2).

Why pypdfium2 and not QtPdf: QtPdf ships only in PySide6-Addons (a 175 MB wheel)
and its PySide6-Pdf split exists only for 6.12, which we cannot use on Python 3.11.
pypdfium2 is a 4 MB wheel with the same PDFium engine Chrome uses. It is imported
here on first use only, so the window's start-up does not pay for it.

PDFium is not thread-safe: every call goes through one lock, so a preview rendered
on a pool thread and a print job on the GUI thread never overlap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

_LOCK = threading.Lock()
# Resolution of print images: sharp text on paper without huge print jobs.
MAX_PRINT_DPI = 300


def _pdfium():  # type: ignore[no-untyped-def]
    import pypdfium2

    return pypdfium2


def page_count(path: Path) -> int:
    with _LOCK:
        doc = _pdfium().PdfDocument(str(path))
        try:
            return len(doc)
        finally:
            doc.close()


def _image(page, dpi: float) -> QImage:  # type: ignore[no-untyped-def]
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True, may_draw_forms=False)
    try:
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
        image = image.copy()  # own the pixels: the bitmap's buffer goes away with it
    finally:
        bitmap.close()
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image


def render(path: Path, dpi: float = 96, *, should_stop: Callable[[int, int], None] | None = None) -> list[QImage]:
    """Every page of the PDF at ``path`` as an image; ``should_stop(done, total)`` may raise to stop early."""
    images = []
    with _LOCK:
        doc = _pdfium().PdfDocument(str(path))
        try:
            for number in range(len(doc)):
                if should_stop is not None:
                    should_stop(number, len(doc))
                page = doc[number]
                try:
                    images.append(_image(page, dpi))
                finally:
                    page.close()
        finally:
            doc.close()
    return images


def print_pdf(path: Path, printer: QPrinter, step: Callable[[int, int], None] | None = None) -> int:
    """Print every page of ``path`` on ``printer``, each fitted to the printable area; the pages printed.

    Runs on a worker thread as well (Qt paints on a QPrinter outside the GUI thread).
    ``step(done, total)`` is called before each page and may raise to stop: the print
    job is then aborted, so no half document reaches the printer (or the file).

    Pages are drawn as images at the printer's resolution (at most MAX_PRINT_DPI), so what
    comes out is what the preview showed, whatever the printer driver can do with PDF.
    """
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PdfPages", "the printer could not be started"))
    printed, aborted = 0, False
    try:
        with _LOCK:
            doc = _pdfium().PdfDocument(str(path))
            try:
                for number in range(len(doc)):
                    if step is not None:
                        step(number, len(doc))
                    if number:
                        printer.newPage()
                    page = doc[number]
                    try:
                        image = _image(page, dpi)
                    finally:
                        page.close()
                    area = printer.pageLayout().paintRectPixels(printer.resolution())
                    size = QSizeF(image.size()).scaled(QSizeF(area.size()), Qt.AspectRatioMode.KeepAspectRatio)
                    target = QRectF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2,
                                    size.width(), size.height())
                    painter.drawImage(target, image)
                    printed += 1
            finally:
                doc.close()
    except BaseException:
        aborted = True
        printer.abort()
        raise
    finally:
        painter.end()
        if aborted and printer.outputFormat() == printer.OutputFormat.PdfFormat and printer.outputFileName():
            Path(printer.outputFileName()).unlink(missing_ok=True)  # "print to file": no half document
    return printed

