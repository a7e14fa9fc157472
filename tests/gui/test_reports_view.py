"""The Reports view (issue 16): the outcome report of a curriculum (its years) or a seminar, on the demo.

Opened with the keyboard from the main window, the scope chosen with clicks and keys; the figures shown
are those of ``core.reports.outcome`` for the same scope, section by section, as the documents print
them; a PDF and a workbook saved and read back; the read runs off the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from learninghub.core.reports.outcome import Scope, outcome_report
from learninghub.documents.outcome_sections import sections
from tests.gui.conftest import Heartbeat, settle, shown_window

DEMO = "Metropolis Learning Hub Chengdu 2020–2022"


def open_view(qtbot, window):  # type: ignore[no-untyped-def]
    """View → Outcome report… by its shortcut (Ctrl+Shift+O); the view once its figures are painted."""
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "reports_view", None) is not None and window.reports_view.isVisible())
    view = window.reports_view
    shown(qtbot, window, view)
    return view


def shown(qtbot, window, view) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot, window)
    qtbot.waitUntil(lambda: not window.runner.busy() and view.statusLabel.text() != "Reading the figures…")


def expected(db, scope: Scope, lang: str = "en") -> list[Any]:  # type: ignore[no-untyped-def]
    return sections(db.read(outcome_report(scope))[0], lang)


def table_text(view, key: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """What a section's table shows, cell by cell."""
    from PySide6.QtWidgets import QTableView

    table = view.findChild(QTableView, f"table_{key}")
    model = table.model()
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def check_figures(view, wanted: list[Any]) -> None:  # type: ignore[no-untyped-def]
    """Every section on screen shows the core's rows, numbers right-aligned, under the core's headings."""
    from PySide6.QtWidgets import QLabel, QTableView

    from learninghub.gui.reports.section_table import shown as cell

    assert [s.key for s in view.sections] == [s.key for s in wanted]
    for section in wanted:
        title = view.findChild(QLabel, f"title_{section.key}")
        assert title is not None and title.text() == section.title
        if not section.rows:
            assert view.findChild(QLabel, f"none_{section.key}") is not None
            continue
        assert table_text(view, section.key) == [[cell(v) for v in row] for row in section.rows], section.key
        model = view.findChild(QTableView, f"table_{section.key}").model()
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == section.headers
        for column in section.numeric:
            assert model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def charts_of(view) -> list[Any]:  # type: ignore[no-untyped-def]
    from learninghub.gui.reports.charts import ChartView

    return view.figuresScroll.widget().findChildren(ChartView)


def choose(qtbot, combo, data: Any) -> None:  # type: ignore[no-untyped-def]
    """Pick ``data`` in ``combo`` with the arrow keys, as a person would with the keyboard."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, f"{data!r} not offered"
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_the_demo_curriculum_then_its_years_then_one_seminar(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, demo_db)
    view = open_view(qtbot, window)
    assert view.curriculumCombo.currentText() == DEMO and view.wholeRadio.isChecked()
    curriculum = view.curriculumCombo.currentData()

    # another curriculum, then the demo's again: each read and shown
    choose(qtbot, view.curriculumCombo, next(c.id for c in window.tree_model.outline if c.id != curriculum))
    shown(qtbot, window, view)
    assert view.report.scope.curriculum_id != curriculum
    choose(qtbot, view.curriculumCombo, curriculum)
    shown(qtbot, window, view)
    wanted = expected(demo_db, Scope(curriculum_id=curriculum))
    check_figures(view, wanted)
    summary = dict(table_text(view, "summary"))
    report = demo_db.read(outcome_report(Scope(curriculum_id=curriculum)))[0]
    assert summary["Participants (unique people)"] == str(report.participants)
    assert summary["Attended"] == str(report.attended) and summary["Registered"] == str(report.registered)
    # every chart the PDF draws (one with something to draw), drawn here too, with its labels and values
    drawn = [s.chart for s in wanted if s.chart is not None and any(s.chart.values)]
    assert [c.chart for c in charts_of(view)] == drawn and len(drawn) >= 10
    assert view.savePdfButton.isEnabled() and view.saveXlsxButton.isEnabled()
    assert view.file_name("pdf") == "Metropolis Learning Hub Chengdu 2020-2022 – outcome report.pdf"

    # the years 2021 to 2021
    choose(qtbot, view.fromCombo, 2021)
    shown(qtbot, window, view)
    choose(qtbot, view.toCombo, 2021)
    shown(qtbot, window, view)
    scope = Scope(curriculum_id=curriculum, first_year=2021, last_year=2021)
    assert view.report.scope == scope
    check_figures(view, expected(demo_db, scope))
    assert view.file_name("xlsx") == "Metropolis Learning Hub Chengdu 2020-2022 2021 – outcome report.xlsx"

    # the first year after the last: said in words, nothing to save
    choose(qtbot, view.fromCombo, 2022)
    assert view.stack.currentWidget() is view.message
    assert view.message.text() == "The first year (2022) is after the last (2021)."
    assert not view.savePdfButton.isEnabled()
    choose(qtbot, view.toCombo, None)  # to the last year again
    shown(qtbot, window, view)
    assert view.report.scope == Scope(curriculum_id=curriculum, first_year=2022)

    # one seminar: a click on "One seminar", then the Park City Project
    qtbot.mouseClick(view.seminarRadio, Qt.MouseButton.LeftButton)
    assert view.seminarCombo.isEnabled() and not view.fromCombo.isEnabled()
    park_city = next(s.id for c in window.tree_model.outline for s in c.seminars if s.title == "Park City Project")
    choose(qtbot, view.seminarCombo, park_city)
    shown(qtbot, window, view)
    assert view.report.scope == Scope(seminar_id=park_city)
    check_figures(view, expected(demo_db, Scope(seminar_id=park_city)))
    assert view.findChild(type(view.message), "reportHeading").text() == f"{DEMO} — Park City Project"


def _save(qtbot, view, button, target: Path):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QFileDialog, "saveFileDialog")))
    dialog = next(d for d in view.findChildren(QFileDialog, "saveFileDialog") if d.isVisible())
    offered = Path(dialog.selectedFiles()[0]).name
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: view.op is not None and not view.op.running and view.last_file == target, timeout=60_000)
    return offered


def test_one_seminar_saved_as_pdf_and_xlsx_and_read_back(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl
    from pypdf import PdfReader

    window, park_city = _on_park_city(qtbot, demo_db)
    window.seminar_report_action.trigger()  # Seminar → Outcome report of this seminar…
    view = window.reports_view
    shown(qtbot, window, view)
    assert view.seminarRadio.isChecked() and view.seminarCombo.currentData() == park_city
    report = demo_db.read(outcome_report(Scope(seminar_id=park_city)))[0]
    assert view.report == report

    offered = _save(qtbot, view, view.savePdfButton, tmp_path / "report.pdf")
    assert offered == "Park City Project – outcome report.pdf"
    pdf = PdfReader(str(tmp_path / "report.pdf"))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) >= len(view.sections)  # a page a section (a long table runs on)
    assert "Outcome report" in text and "Park City Project" in text and "Key figures" in text
    assert "By city" in text and "Chengdu" in text
    assert "report.pdf" in view.statusLabel.text()

    offered = _save(qtbot, view, view.saveXlsxButton, tmp_path / "report.xlsx")
    assert offered == "Park City Project – outcome report.xlsx"
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert len(book.sheetnames) == len(view.sections)
    figures = {row[0]: row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert figures["Participants (unique people)"] == report.participants
    assert figures["Attended"] == report.attended and figures["Registered"] == report.registered
    on_screen = dict(table_text(view, "summary"))
    assert on_screen["Participants (unique people)"] == str(figures["Participants (unique people)"])


def _on_park_city(qtbot, db):  # type: ignore[no-untyped-def]
    from tests.gui.conftest import open_seminar

    return open_seminar(qtbot, db, lambda seminar: seminar.title == "Park City Project")


def test_print_shows_the_pages_and_the_print_dialog(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, demo_db)
    view = open_view(qtbot, window)
    qtbot.mouseClick(view.printButton, Qt.MouseButton.LeftButton)
    assert view.tabs.currentWidget() is view.preview
    qtbot.waitUntil(lambda: view.preview.print_dialog is not None and view.preview.print_dialog.isVisible(),
                    timeout=60_000)
    assert len(view.preview.page_labels()) >= len(view.sections)  # a page a section at least (long tables run on)
    view.preview.print_dialog.reject()
    first = view.preview.path
    # another language: the figures read again, and the pages (on screen) made again for it
    choose(qtbot, view.langCombo, "zh")
    shown(qtbot, window, view)
    assert view.findChild(type(view.message), "title_summary").text() == "主要数据"
    qtbot.waitUntil(lambda: not view.op.running and view.preview.path not in (None, first), timeout=60_000)
    assert view._pages_for == (view.report.scope, "zh")


def test_a_curriculum_without_seminars_says_so(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from learninghub.core.services import curricula

    with demo_db.transaction() as s:
        empty = curricula.add_curriculum(s, title="Nothing yet", start_year=2024, end_year=2025).id
    window = shown_window(qtbot, demo_db)
    view = open_view(qtbot, window)
    choose(qtbot, view.curriculumCombo, empty)
    shown(qtbot, window, view)
    assert view.stack.currentWidget() is view.message
    assert view.message.text() == "This curriculum has no seminar yet: there is nothing to report."
    assert not view.savePdfButton.isEnabled() and not view.printButton.isEnabled()
    assert not view.seminarRadio.isEnabled()
    choose(qtbot, view.fromCombo, 2025)
    shown(qtbot, window, view)
    assert view.message.text() == "No seminar of this curriculum starts in these years."


def test_the_figures_are_read_off_the_gui_thread(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from learninghub.gui.reports import reports_view

    window = shown_window(qtbot, demo_db)
    view = open_view(qtbot, window)
    gate, held = threading.Event(), threading.Event()
    real = reports_view.read_report
    readers: list[str] = []

    def slow(db, scope, lang):  # type: ignore[no-untyped-def]
        readers.append(threading.current_thread().name)
        held.set()
        assert gate.wait(20)
        return real(db, scope, lang)

    monkeypatch.setattr(reports_view, "read_report", slow)
    heartbeat = Heartbeat()
    try:
        choose(qtbot, view.langCombo, "en+zh")
        qtbot.waitUntil(held.is_set)
        ticks = heartbeat.ticks
        qtbot.waitUntil(lambda: heartbeat.ticks >= ticks + 20)  # the window answers while the figures are read
        assert window.runner.busy() and view.statusLabel.text() == "Reading the figures…"
        assert view.findChild(type(view.message), "title_summary").text() == "Key figures"  # the old ones stay
        gate.set()
        shown(qtbot, window, view)
    finally:
        gate.set()
        heartbeat.timer.stop()
    assert readers and readers[0] != threading.main_thread().name
    assert heartbeat.longest < 0.5
    assert view.findChild(type(view.message), "title_summary").text() == "Key figures / 主要数据"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_looks(qtbot, demo_db, lang: str, request) -> None:  # type: ignore[no-untyped-def]
    """A picture of the view for a person to look at (/tmp/reports_en.png, /tmp/reports_zh.png); in the
    Chinese interface the report is in Chinese: its headings, the curriculum's and the cities' names."""
    if lang == "zh":
        request.getfixturevalue("chinese")
    window = shown_window(qtbot, demo_db)
    view = open_view(qtbot, window)
    assert view.langCombo.currentData() == lang
    view.resize(1200, 1400)
    qtbot.wait(50)
    view.grab().save(f"/tmp/reports_{lang}.png")
    heading = view.findChild(type(view.message), "reportHeading").text()
    if lang == "zh":
        assert heading == "大都市学习中心（成都）2020–2022"
        assert view.curriculumCombo.currentText() == "大都市学习中心（成都）2020–2022"
        assert ["已报名", "已出席", "未出席", "候补名单"] == charts_of(view)[0].labels
        assert "成都" in [row[0] for row in table_text(view, "city")]
    else:
        assert heading == DEMO
        assert charts_of(view)[0].labels == ["Registered", "Attended", "No-shows", "Waiting list"]
