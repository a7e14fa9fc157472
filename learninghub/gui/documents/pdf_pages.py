"""PDF pages as images for the preview, rendered by PDFium (pypdfium2), and printing.

Printing hands over the PDF itself where it can: to a PDF file printer ("Print to
File") the document is copied (the chosen pages of it), so the file has the document's
vector text and fonts, searchable and sharp at any size, not one page image each (a
~1 MB picture of a page, with no text). Other printers get the pages as images at the
printer's resolution: Qt offers no way to draw a PDF's own vectors on a printer.

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
        return page_count_unlocked(path)


def page_count_unlocked(path: Path) -> int:
    """:func:`page_count` for a caller that holds the lock."""
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


def render(path: Path, dpi: float = 96, *, width: int | None = None,
           should_stop: Callable[[int, int], None] | None = None) -> list[QImage]:
    """Every page of the PDF at ``path`` as an image, at ``dpi`` or, given ``width``, each page as wide as
    that many pixels (a landscape certificate and a portrait agenda alike); ``should_stop(done, total)``
    may raise to stop early."""
    images = []
    with _LOCK:
        doc = _pdfium().PdfDocument(str(path))
        try:
            for number in range(len(doc)):
                if should_stop is not None:
                    should_stop(number, len(doc))
                page = doc[number]
                try:
                    images.append(_image(page, width * 72 / page.get_width() if width else dpi))
                finally:
                    page.close()
        finally:
            doc.close()
    return images


def print_pdf(path: Path, printer: QPrinter, step: Callable[[int, int], None] | None = None) -> int:
    """Print the pages of ``path`` the printer asks for (all, or its page range) on
    ``printer``; the pages printed.

    Runs on a worker thread as well (Qt paints on a QPrinter outside the GUI thread).
    ``step(done, total)`` is called before each page and may raise to stop: the print
    job is then aborted, so no half document reaches the printer (or the file).

    A PDF file printer gets the document itself (:func:`_copy_pages`): vector text, not
    images. Any other printer gets each page as an image at its resolution (at most
    MAX_PRINT_DPI), fitted to the printable area, so what comes out is what the preview
    showed, whatever the printer driver can do with PDF.
    """
    if printer.outputFormat() == printer.OutputFormat.PdfFormat and printer.outputFileName():
        return _copy_pages(path, Path(printer.outputFileName()), _chosen_pages(printer, page_count(path)), step)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PdfPages", "the printer could not be started"))
    printed, aborted = 0, False
    try:
        with _LOCK:
            doc = _pdfium().PdfDocument(str(path))
            try:
                chosen = _chosen_pages(printer, len(doc))
                for n, number in enumerate(chosen):
                    if step is not None:
                        step(n, len(chosen))
                    if n:
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



def _chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) the print dialog asked for: its page range, else every page."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() == printer.PrintRange.PageRange and first > 0:
        return list(range(first - 1, min(last or count, count)))
    return list(range(count))


def _copy_pages(path: Path, target: Path, pages: list[int], step: Callable[[int, int], None] | None) -> int:
    """``pages`` of the PDF at ``path`` written to ``target`` as they are (vector text, embedded
    fonts): the whole file copied, or a PDF of the chosen pages. Written to a temporary name
    first, so a stop (``step`` raising) or a failure leaves no half document."""
    import os
    import shutil
    import tempfile

    if step is not None:
        step(0, len(pages))
    handle, temporary = tempfile.mkstemp(prefix=".printing-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        with _LOCK:
            if pages == list(range(page_count_unlocked(path))):
                shutil.copyfile(path, temporary)
            else:
                pdfium = _pdfium()
                source, chosen = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
                try:
                    chosen.import_pages(source, pages=pages)
                    chosen.save(temporary)
                finally:
                    chosen.close()
                    source.close()
        if step is not None:
            step(len(pages) - 1, len(pages))  # the last chance to stop
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return len(pages)
