"""The Documents tab: documents made off the GUI thread as the CLI makes them, previewed, printed, saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from learninghub.gui.documents.pdf_preview import PdfPreview


def _make(qtbot, window, kind: str, target: Path | None = None):  # type: ignore[no-untyped-def]
    op = window.documents.make(kind, target)
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    return window.documents.preview


def test_save_the_agenda_with_a_second_zone(qtbot, park_city, tmp_path: Path) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    window.documents.form.secondZoneCombo.setCurrentText("Europe/Madrid")
    target = tmp_path / "park-city agenda.pdf"
    preview = _make(qtbot, window, "agenda", target)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Park City Project" in text and "李佳" in text and "03:00" in text  # 09:00 Chengdu = 03:00 Madrid
    assert str(target) in window.documents.form.documentsStatus.text()
    assert preview.path == target


def test_nothing_made_yet_shows_a_placeholder_and_no_actions(qtbot, park_city) -> None:
    window, _ = park_city
    preview = window.documents.preview
    f = preview.form
    assert f.previewStack.currentWidget() is f.placeholder and "Nothing to preview yet" in f.placeholder.text()
    assert not f.printButton.isEnabled() and not f.saveAsButton.isEnabled() and not f.openViewerButton.isEnabled()
    assert preview.ask_print() is None


def test_preview_shows_every_page_as_an_image(qtbot, park_city) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    preview = _make(qtbot, window, "agenda")
    pages = len(PdfReader(preview.path).pages)
    assert len(preview.images) == len(preview.page_labels()) == pages
    assert preview.form.pagesLabel.text() == f"Agenda: {pages} page{'s' if pages != 1 else ''}"
    assert preview.form.previewStack.currentWidget() is preview.form.pagesScroll
    image = preview.images[0]
    assert 0.65 < image.width() / image.height() < 0.8  # a portrait page
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert "#ffffff" in colours and len(colours) > 5  # white paper with text drawn on it
    assert preview.form.printButton.isEnabled()


def test_another_seminar_empties_the_preview(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    _make(qtbot, window, "agenda")
    from learninghub.core.services import seminars

    with demo_db.reading() as s:
        other = next(x.id for x in seminars.list_seminars(s) if x.id != seminar_id)
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == other):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(other))
    assert window.documents.preview.path is None
    with qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == other):
        window.refresh()  # the same seminar shown again keeps nothing stale either
    assert window.documents.preview.path is None


def test_print_to_a_pdf_printer_gives_every_page_as_text(qtbot, park_city, tmp_path: Path) -> None:
    """Print to File hands over the document itself: its text, not a picture of each page."""
    window, _ = park_city
    preview = _make(qtbot, window, "programme")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    op = preview.print_to(printer)
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert preview.printed == len(preview.images) >= 1
    printed, shown = PdfReader(out), PdfReader(preview.path)
    assert len(printed.pages) == len(shown.pages)
    assert [page.extract_text() for page in printed.pages] == [page.extract_text() for page in shown.pages]
    assert "Metropolis Learning Hub Chengdu 2020–2022" in printed.pages[0].extract_text()
    assert not any(page.images for page in printed.pages), "vector text, no page images"
    assert out.stat().st_size < 200_000  # a page image was ~1 MB
    assert "sent to the printer" in window.statusBar().currentMessage()


def test_print_to_a_pdf_printer_gives_the_chosen_pages(qtbot, park_city, tmp_path: Path) -> None:
    window, _ = park_city
    preview = _make(qtbot, window, "agenda")
    shown = PdfReader(preview.path)
    assert len(shown.pages) >= 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "pages-2-3.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    op = preview.print_to(printer)
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert preview.printed == 2
    assert [page.extract_text() for page in PdfReader(out).pages] == [page.extract_text() for page in shown.pages[1:3]]


def test_the_print_dialog_opens_without_blocking_and_prints_on_accept(qtbot, tmp_path: Path, demo_db) -> None:
    from learninghub.core.services import seminars
    from learninghub.documents import build

    with demo_db.reading() as s:
        seminar_id = seminars.list_seminars(s)[0].id
    source = tmp_path / "agenda.pdf"
    build.agenda(demo_db, seminar_id).save(source)
    from learninghub.gui.documents import pdf_pages

    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_document(source, pdf_pages.render(source, 50), "Agenda")
    dialog = preview.ask_print()
    assert dialog is not None and dialog.isVisible()
    from PySide6.QtWidgets import QLineEdit

    out = tmp_path / "via-dialog.pdf"
    # no printer is installed here: the dialog offers "Print to File (PDF)"; type the file name into it
    dialog.findChild(QLineEdit, "filename").setText(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: not preview.print_op.running, timeout=30_000)
    assert len(PdfReader(out).pages) == pdf_pages.page_count(source)


def test_save_a_copy_and_open_in_the_viewer(qtbot, park_city, tmp_path: Path) -> None:
    window, _ = park_city
    preview = _make(qtbot, window, "programme")
    opened: list[Path] = []
    preview.opener = opened.append  # the user's PDF viewer
    preview.form.openViewerButton.click()
    assert opened == [preview.path]
    copy = tmp_path / "copy.pdf"
    preview.save_copy(copy)
    assert "Metropolis Learning Hub Chengdu" in PdfReader(copy).pages[0].extract_text()


def test_cancelled_printing_sends_nothing(qtbot, park_city, tmp_path: Path) -> None:
    window, _ = park_city
    preview = _make(qtbot, window, "agenda")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "cancelled.pdf"
    printer.setOutputFileName(str(out))
    from learninghub.gui.documents import pdf_pages

    with pdf_pages._LOCK:  # the job waits to read the document: Cancel is pressed while it runs, not after
        op = preview.print_to(printer)
        op.progress.cancel()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert preview.printed == 0
    assert not out.exists()


def test_pdf_rendering_and_printing_load_only_when_used(tmp_path: Path, demo_file: Path) -> None:
    """Start-up budget: neither PDFium nor QtPrintSupport load with the window, even once attached."""
    import os
    import subprocess
    import sys

    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())

    probe = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        f"QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "from learninghub.core.store import open_database\n"
        "from learninghub.gui.window.main_window import MainWindow\n"
        f"w = MainWindow(open_database({str(copy)!r})); w.show(); app.processEvents()\n"
        "print(sorted(m for m in ('pypdfium2', 'PySide6.QtPrintSupport') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _save_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QFileDialog, "saveFileDialog")))
    return next(d for d in window.findChildren(QFileDialog, "saveFileDialog") if d.isVisible())


def test_save_dialogs_name_the_file_after_the_seminar_and_remember_the_folder(qtbot, park_city, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from learninghub.gui import file_places

    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    qtbot.mouseClick(window.documents.form.saveAgendaButton, Qt.MouseButton.LeftButton)
    dialog = _save_dialog(qtbot, window)
    assert Path(dialog.selectedFiles()[0]).name == "Park City Project – agenda.pdf"
    assert Path(dialog.directory().absolutePath()) == file_places.last_folder()  # Documents, not the program's folder
    dialog.selectFile(str(tmp_path / "Park City Project – agenda.pdf"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.documents.op is not None and not window.documents.op.running, timeout=30_000)
    assert (tmp_path / "Park City Project – agenda.pdf").is_file()
    assert QSettings().value(file_places.FOLDER_KEY) == str(tmp_path)

    qtbot.mouseClick(window.documents.attendance.form.saveBadgesButton, Qt.MouseButton.LeftButton)
    dialog = _save_dialog(qtbot, window)
    assert Path(dialog.directory().absolutePath()) == tmp_path  # where the last one went
    assert Path(dialog.selectedFiles()[0]).name == "Park City Project – badges.pdf"
    dialog.reject()
    assert window.documents.file_name("programme") == "Metropolis Learning Hub Chengdu 2020-2022 – programme.pdf"


# offscreen, as on a computer without a PDF viewer, nothing opens documents (and Qt says so on its log)
@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")
def test_open_in_viewer_without_a_viewer_says_so(qtbot, park_city) -> None:
    from tests.gui.conftest import visible_box

    window, _ = park_city
    preview = _make(qtbot, window, "agenda")
    assert preview.path.name == "Park City Project – agenda.pdf"  # "Save copy" offers that name too
    qtbot.mouseClick(preview.form.openViewerButton, Qt.MouseButton.LeftButton)  # nothing here opens PDF files
    box = visible_box(window, "notOpenedBox")
    assert box is not None and box.text() == "No program on this computer opens Park City Project – agenda.pdf."
    assert str(preview.path) in box.informativeText()


def test_pages_fit_the_preview_landscape_certificates_too_and_follow_its_width(qtbot, park_city) -> None:
    """The certificates (A4 landscape) and the sign-in sheet used to be drawn at a fixed resolution for
    letter-wide paper: both were cut at the right of the preview, behind a horizontal scroll bar."""
    window, _ = park_city
    window.resize(1280, 820)
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    for kind in ("certificates", "signin"):
        preview = _make(qtbot, window, kind)
        qtbot.wait(50)
        scroll = preview.form.pagesScroll
        widths = [label.pixmap().width() for label in preview.page_labels()]
        assert widths and max(widths) <= scroll.viewport().width(), (kind, widths, scroll.viewport().width())
        assert not scroll.horizontalScrollBar().isVisible(), kind
        assert abs(max(widths) - preview.page_width()) <= 1, kind  # as wide as the preview, not a thumbnail
    narrow = preview.page_width()
    window.resize(1600, 820)  # a wider window: the pages widen with the preview
    qtbot.waitUntil(lambda: preview.page_width() > narrow + 50)
    qtbot.waitUntil(lambda: preview.page_labels()[0].pixmap().width() == preview.page_width())
    assert not preview.form.pagesScroll.horizontalScrollBar().isVisible()
