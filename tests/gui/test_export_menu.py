"""File → Export ▸ and Seminar → Export ▸ on the demo programme: the save dialog patched,
each action triggered, the worker waited for, the file read back (csv, openpyxl, icalendar)."""

from __future__ import annotations

import csv
from pathlib import Path

import icalendar
import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from learninghub import filenames
from learninghub.core.models import Seminar
from learninghub.core.services import agenda, registration, search
from learninghub.gui.database import export_menu
from learninghub.gui.database.export_menu import CSV_FILTER, XLSX_FILTER, Job, safe_stem
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import settle

PARK = "Park City Project"


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what was asked, answers ``path``."""

    def __init__(self, monkeypatch, path: Path | str, name_filter: str | None = None) -> None:  # type: ignore[no-untyped-def]
        self.path, self.name_filter = str(path), name_filter
        self.asked: list[tuple[str, str, list[str], str]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self))

    def __call__(self, parent, caption, suggested, filters, selected="", *rest):  # type: ignore[no-untyped-def]
        self.asked.append((caption, suggested, filters.split(";;"), selected))
        return self.path, self.name_filter or selected


def _run(qtbot, window: MainWindow, action) -> None:  # type: ignore[no-untyped-def]
    assert action.isEnabled()
    before = window.exports.op
    action.trigger()
    qtbot.waitUntil(lambda: window.exports.op is not before and not window.exports.op.running, timeout=15_000)


def _visible_boxes(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_the_export_menus_follow_the_selection(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)  # the programme tree is read off the GUI thread
    file_items = [a.text() for a in window.form.menuFile.actions() if not a.isSeparator()]
    assert file_items.index("&Import people…") + 1 == file_items.index("&Export")
    exports = window.exports
    assert [a.text() for a in exports.menu.actions() if not a.isSeparator()] == [
        "All &people…", "Programme &calendar (.ics)…", "P&articipants…", "Attendance &matrix (XLSX)…",
        "&Seminar calendar (.ics)…"]
    assert exports.seminar_menu is not None
    assert exports.seminar_menu.menuAction() in window.seminar_menu.actions()
    # nothing chosen: only "All people" (a tree view given the focus once filled makes its first row
    # current; the tree fills off the GUI thread, so whether it did depends on timing: no choice again)
    window.form.programmeTree.setCurrentIndex(QModelIndex())
    assert window.current_curriculum == window.current_seminar == 0
    assert exports.people_action.isEnabled()
    assert not exports.programme_action.isEnabled()
    seminar_actions = [exports.participants_action, exports.attendance_action, exports.seminar_calendar_action]
    assert not any(a.isEnabled() for a in seminar_actions)
    # a curriculum: its calendar, no seminar export
    tree = window.form.programmeTree
    tree.setCurrentIndex(window.tree_model.index(0, 0))
    assert exports.programme_action.isEnabled()
    assert not any(a.isEnabled() for a in seminar_actions)
    # a seminar: everything (the programme is the seminar's curriculum)
    with demo_db.reading() as s:
        from learninghub.core.services import seminars

        park = next(x for x in seminars.list_seminars(s) if x.title == PARK)
    tree.setCurrentIndex(window.tree_model.index_of_seminar(park.id))
    assert all(a.isEnabled() for a in [exports.programme_action, *seminar_actions])
    assert exports._curriculum_id() == park.curriculum_id
    settle(qtbot, window)  # the seminar's page, read meanwhile, is painted before the window closes


def test_all_people_as_csv_with_the_chinese_names_and_neutralised_phones(
        qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    target = tmp_path / "out" / "everyone"  # no extension typed: the CSV filter's is added
    target.parent.mkdir()
    dialog = SaveDialog(monkeypatch, target, CSV_FILTER)
    _run(qtbot, window, window.exports.people_action)

    caption, suggested, filters, selected = dialog.asked[0]
    assert Path(suggested).name.startswith("people ") and suggested.endswith(".xlsx")
    assert filters == [XLSX_FILTER, CSV_FILTER] and selected == XLSX_FILTER
    written = target.with_name("everyone.csv")
    with open(written, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with demo_db.reading() as s:
        everyone = search.list_people(s)
    assert len(rows) == len(everyone) == 41
    chen = next(r for r in rows if r["Family name"] == "Chen" and r["Given name"] == "Yutong")
    assert chen["Native name"] == "陈雨桐"
    assert chen["Organisation"] == "Chengdu Park City Bureau"
    assert chen["Phone"] == "'+86 28 5550 0122"  # would be a formula in Excel without the apostrophe
    message = window.statusBar().currentMessage()
    assert message == f"Exported 41 people to {written}"
    assert not window.exports.open_links.isHidden()
    # the folder and the format are remembered for the next export
    assert QSettings().value(export_menu.FOLDER_KEY) == str(written.parent)
    dialog.asked.clear()
    window.exports.ask_people()
    caption, suggested, filters, selected = dialog.asked[0]
    assert Path(suggested).parent == written.parent
    assert filters == [CSV_FILTER, XLSX_FILTER] and selected == CSV_FILTER and suggested.endswith(".csv")
    qtbot.waitUntil(lambda: not window.exports.op.running, timeout=15_000)


def test_participants_as_xlsx_with_status(qtbot, park_city, tmp_path: Path, monkeypatch) -> None:
    window, seminar_id = park_city
    target = tmp_path / "park.xlsx"
    dialog = SaveDialog(monkeypatch, target)  # the user keeps the XLSX filter
    _run(qtbot, window, window.exports.participants_action)

    assert Path(dialog.asked[0][1]).name == "Park City Project - participants.xlsx"
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[-2:] == ("Status", "Registered at (UTC)")
    with window.db.reading() as s:
        registrations = registration.list_registrations(s, seminar_id=seminar_id)
        statuses = sorted(r.status for r in registrations)
    assert sorted(r[header.index("Status")] for r in body) == statuses
    chen = next(r for r in body if r[1] == "Chen" and r[2] == "Yutong")
    assert chen[3] == "陈雨桐"
    assert chen[header.index("Phone")] == "+86 28 5550 0122"  # XLSX keeps the text as typed
    assert window.statusBar().currentMessage() == (
        f"Exported {len(registrations)} registrations of {PARK} to {target}")


def test_attendance_matrix_has_a_column_per_session(qtbot, park_city, tmp_path: Path, monkeypatch) -> None:
    window, seminar_id = park_city
    target = tmp_path / "matrix.xlsx"
    dialog = SaveDialog(monkeypatch, target)
    window.seminar_menu.aboutToShow.emit()  # as when the user opens the Seminar menu
    _run(qtbot, window, window.exports.attendance_action)

    assert dialog.asked[0][2] == [XLSX_FILTER]
    assert Path(dialog.asked[0][1]).name == "Park City Project - attendance.xlsx"
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    with window.db.reading() as s:
        sessions = agenda.list_sessions(s, seminar_id)
    header = rows[0]
    assert len(sessions) == 30
    assert len(header) == 5 + len(sessions) + 1  # names and status, one per session, Total
    assert sessions[0].title in header[5]
    chen = next(r for r in rows[1:] if r[0] == "Chen" and r[1] == "Yutong")
    assert chen[2] == "陈雨桐"
    total = rows[-1]
    assert total[0] == "Total" and total[-1] == sum(r[-1] for r in rows[1:-1]) > 0
    people = len(rows) - 2
    assert window.statusBar().currentMessage() == (
        f"Exported the attendance of {people} people × 30 sessions of {PARK} to {target}")


def test_seminar_and_programme_calendars(qtbot, park_city, tmp_path: Path, monkeypatch) -> None:
    window, seminar_id = park_city
    seminar_file = tmp_path / "park"
    dialog = SaveDialog(monkeypatch, seminar_file, "iCalendar (*.ics)")
    _run(qtbot, window, window.exports.seminar_calendar_action)
    assert Path(dialog.asked[0][1]).name == "Park City Project.ics"
    cal = icalendar.Calendar.from_ical(seminar_file.with_suffix(".ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    with window.db.reading() as s:
        sessions = agenda.list_sessions(s, seminar_id)
    summaries = [str(e["summary"]) for e in events]
    assert PARK in summaries  # the whole-days banner
    assert {x.title for x in sessions} <= set(summaries)
    assert window.statusBar().currentMessage().startswith(f"Exported {len(events)} calendar events of {PARK}")

    programme_file = tmp_path / "programme.ics"
    dialog.path = str(programme_file)
    _run(qtbot, window, window.exports.programme_action)
    assert Path(dialog.asked[1][1]).name == "Metropolis Learning Hub Chengdu 2020-2022.ics"  # the en dash made plain
    programme = icalendar.Calendar.from_ical(programme_file.read_bytes())
    assert str(programme["x-wr-calname"]) == "Metropolis Learning Hub Chengdu 2020–2022"
    banners = {str(e["summary"]) for e in programme.walk("VEVENT") if e["uid"].startswith("lh-seminar-")}
    assert PARK in banners and len(banners) >= 4
    assert len(list(programme.walk("VEVENT"))) > len(events)


def test_calendars_and_matrix_follow_the_documents_language(qtbot, park_city, tmp_path: Path, monkeypatch) -> None:
    """With 中文 chosen in the Documents tab, the seminar calendar has the Chinese titles (the
    English one where a session has none) and the matrix Chinese headers."""
    window, seminar_id = park_city
    combo = window.documents.form.docLanguageCombo
    assert combo.currentData() == "en"  # the English interface's default
    combo.setCurrentIndex(combo.findText("中文"))
    assert combo.currentData() == "zh"
    calendar = tmp_path / "park.ics"
    dialog = SaveDialog(monkeypatch, calendar)
    _run(qtbot, window, window.exports.seminar_calendar_action)
    data = calendar.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    with window.db.reading() as s:
        sessions = agenda.list_sessions(s, seminar_id)
        seminar_zh = s.get(Seminar, seminar_id).title_zh
    summaries = {str(e["summary"]) for e in cal.walk("VEVENT")}
    assert seminar_zh == "公园城市项目" and seminar_zh in summaries and PARK not in summaries
    assert str(cal["x-wr-calname"]) == seminar_zh
    with_zh = [x for x in sessions if x.title_zh]
    without = [x for x in sessions if not x.title_zh]
    assert with_zh and without
    assert {x.title_zh for x in with_zh} <= summaries
    assert {x.title for x in without} <= summaries
    assert not {x.title for x in with_zh} & summaries
    assert b"SUMMARY;LANGUAGE=zh-CN:" in data

    matrix = tmp_path / "matrix.xlsx"
    dialog.path = str(matrix)
    _run(qtbot, window, window.exports.attendance_action)
    header = next(openpyxl.load_workbook(matrix).active.iter_rows(values_only=True))
    assert header[:2] == ("姓", "名") and header[-1] == "合计"
    assert header[5].endswith("\n" + sessions[0].title_zh)


def test_refusals_are_shown_in_a_message_box(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    # a folder that is gone: refused before any work, in plain words
    SaveDialog(monkeypatch, tmp_path / "gone" / "people.csv")
    window.exports.people_action.trigger()
    boxes = _visible_boxes(window)
    assert boxes and boxes[-1].text() == f"folder {tmp_path / 'gone'} does not exist"
    boxes[-1].close()
    # a refusal inside the worker (the seminar no longer exists) comes back as a message too
    from learninghub.exporting.people import export_people

    job = Job("Export", "x", (CSV_FILTER,), lambda db, path: str(export_people(db, path, seminar_id=9999)))
    op = window.exports.export_to(job, tmp_path / "x.csv")
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=15_000)
    boxes = _visible_boxes(window)
    assert boxes and "9999" in boxes[-1].text() and "Traceback" not in boxes[-1].text()
    assert not (tmp_path / "x.csv").exists()
    assert window.exports.open_links.isHidden()


def test_open_links_ask_the_desktop_and_hide_with_the_next_message(
        qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    assert window.exports.open_result("file") is False  # nothing exported yet
    SaveDialog(monkeypatch, tmp_path / "people.xlsx")
    _run(qtbot, window, window.exports.people_action)
    window.exports.open_links.linkActivated.emit("file")
    window.exports.open_links.linkActivated.emit("folder")
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "people.xlsx"), str(tmp_path)]
    window.statusBar().showMessage("something else")
    assert window.exports.open_links.isHidden()


@pytest.mark.parametrize(("title", "stem"), [
    ("Park City Project", "Park City Project"),
    ("Study visit: Superblocks and green corridors in Barcelona",
     "Study visit Superblocks and green corridors in Barcelona"),
    ("Yeonsu 2021 – 5th International Conference", "Yeonsu 2021 - 5th International Conference"),
    ("成都公园城市/研讨会 2020", "成都公园城市 研讨会 2020"),
    ("연수구 평생학습 <세미나>", "연수구 평생학습 세미나"),
    ('a\\b*c?"d|e', "a b c d e"),
    ("CON", "CON_"),
    ("../..", "export"),
    ("", "export"),
])
def test_safe_file_names(title: str, stem: str) -> None:
    assert safe_stem(title) == stem


def test_long_titles_are_cut_at_a_word() -> None:
    title = "Education, jobs, skills and entrepreneurship: synergies between European and Chinese cities"
    stem = safe_stem(title)
    assert len(stem) <= filenames.MAX_STEM and title.startswith(stem.split(" ")[0])
    assert stem == "Education jobs skills and entrepreneurship synergies between European and"
    chinese = safe_stem("成都公园城市" * 30)  # no space: cut at a character, short enough in bytes
    assert chinese.startswith("成都公园城市") and len(chinese.encode()) <= filenames.MAX_STEM_BYTES
    assert len(chinese) == filenames.MAX_STEM_BYTES // 3


def test_the_work_runs_off_the_gui_thread_and_cancel_is_quiet(qtbot, demo_db, tmp_path: Path) -> None:
    import threading

    from learninghub.gui.operations import Cancelled

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    seen: list[threading.Thread] = []

    def work(db, path: Path) -> str:  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread())
        path.write_text("李佳\n", encoding="utf-8")
        return "1 line"

    op = window.exports.export_to(Job("Export", "x", (CSV_FILTER,), work), tmp_path / "x.csv")
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=15_000)
    assert seen and seen[0] is not threading.main_thread()
    assert window.statusBar().currentMessage() == f"Exported 1 line to {tmp_path / 'x.csv'}"
    assert window.exports._failed(Cancelled()) is None  # the user's own Cancel: no message box
    assert window.statusBar().currentMessage() == "Export cancelled"
    assert not _visible_boxes(window)
