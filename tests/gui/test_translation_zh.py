"""The interface in Chinese: every window and dialog opened on the demo, no English left but data.

Each widget's visible words are walked (labels, buttons, group and tab titles, menu
actions, table headers and cells, combo items, placeholders, tooltips, window titles);
what remains once the data (names, titles, rooms, zones... read from the database) and a
short list of fixed tokens (file types, key names, the brand) are taken out must hold no
Latin letter. The core's own words shown here (conflict notes, eligibility reasons, the
importer's description of a file and its problems) are translated too: no allowance for
them; test_translation_zh_core.py provokes refusals and checks them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import available_timezones

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from learninghub.gui import i18n

#: Not data, yet not to translate: the brand, file types, keys, paper, language codes and names.
FIXED = [r"Learning Hub Planner", r"Learning Hub", r"\(&[A-Z]\)", r"PDF", r"CSV", r"UTF-8", r"XLSX", r"Excel",
         r"iCalendar", r"(?:/[\w\-.]+)+", r"[\w\-.]*\.(?:ics|csv|xlsx|sqlite|db|jsonl|json|txt|tsv|pdf)\b",
         r"Ctrl\+(?:Shift\+)?[A-Z]", r"\bAlt\+",  # the keys as the keyboard names them
         r"PostgreSQL", r"postgresql", r"psycopg", r"PGPASSWORD",
         r"Delete", r"\bA4\b", r"\ben\+zh\b", r"\ben\b", r"\bzh\b", r"English", r"\bUTC\b", r"[+-]\d\d:\d\d"]
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")



def data_strings(db_path: Path) -> set[str]:
    """Every name, title, room, zone, code... the demo holds: data, shown as typed."""
    columns = {"cities": ("name", "native_name", "country"), "organisations": ("name", "native_name", "country"),
               "curricula": ("title", "description", "title_zh", "description_zh"),
               "seminars": ("title", "venue", "timezone", "description", "title_zh", "description_zh"),
               "people": ("given_name", "family_name", "native_name", "title", "country", "email", "phone", "notes"),
               "sessions": ("title", "room", "language", "description", "title_zh", "description_zh"),
               "certificates": ("code", "holder_name")}
    found: set[str] = set()
    with sqlite3.connect(db_path) as con:
        for table, names in columns.items():
            for name in names:
                found.update(str(v) for (v,) in con.execute(f"SELECT {name} FROM {table}") if v)  # noqa: S608
    found |= available_timezones()
    return found


class Allowed:
    """Takes data and fixed tokens out of a text; what is left is the interface's own words."""

    def __init__(self, strings: set[str]) -> None:
        parts = sorted({s.strip() for s in strings if s and s.strip()}, key=len, reverse=True)
        self.data = re.compile("|".join(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])" for p in parts))
        self.fixed = re.compile("|".join(FIXED))

    def leftover(self, text: str) -> str:
        text = re.sub(r"<[^>]+>", "", text)  # rich text: the tags are not shown
        return self.fixed.sub(" ", self.data.sub(" ", text))


def texts_of(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every piece of text a user can see in ``top`` and its children."""
    for w in [top, *top.findChildren(QWidget)]:
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow():
            yield f"{name} windowTitle", w.windowTitle()
        yield f"{name} toolTip", w.toolTip()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
                yield f"{name} tab {i} toolTip", w.tabToolTip(i)
        elif isinstance(w, QLineEdit):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QPlainTextEdit):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
            if w.lineEdit() is not None:
                yield f"{name} placeholder", w.lineEdit().placeholderText()
        elif isinstance(w, QAbstractSpinBox):
            yield f"{name} shown", w.text()
            yield f"{name} special", w.specialValueText()
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                yield f"{name} row {i}", w.item(i).text()
        if (isinstance(w, QAbstractItemView) and not isinstance(w, (QListWidget, QHeaderView))
                and w.model() is not None):
            model = w.model()
            for column in range(model.columnCount()):
                yield f"{name} header {column}", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            yield from _cells(name, model)
        if isinstance(w, QMenu):
            yield from menu_texts(w)


def _cells(name: str, model, parent=None, depth: int = 0) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(min(model.rowCount(parent), 60)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield f"{name} cell {row},{column}", str(index.data() or "")
        if depth < 3:
            yield from _cells(name, model, model.index(row, 0, parent), depth + 1)


def menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled on opening (Open recent)
    for action in menu.actions():
        if action.isSeparator() and not action.text():
            continue
        yield f"menu {menu.title()!r} action", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def english_left(allowed: Allowed, texts: Iterator[tuple[str, str]]) -> list[str]:
    return [f"{where}: {text!r}" for where, text in texts if text and LATIN.search(allowed.leftover(text))]


@pytest.fixture
def allowed(demo_db) -> Allowed:  # type: ignore[no-untyped-def]
    """The demo's data (and the database's name): shown as typed, in any language."""
    strings = data_strings(demo_db.target.sqlite_path)
    strings.add(str(demo_db.target.label))
    return Allowed(strings)


def test_the_allowlist_lets_no_interface_english_through(allowed: Allowed) -> None:
    """The check can fail: English words of the interface stay after data is taken out."""
    assert LATIN.search(allowed.leftover("Park City Project  ·  Jul 13"))
    assert LATIN.search(allowed.leftover("&File"))
    assert not LATIN.search(allowed.leftover("文件(&F)"))
    assert not LATIN.search(allowed.leftover("Park City Project  ·  7月13日  ·  已举办"))


def test_main_window_every_tab_and_menu_in_chinese(qtbot, chinese, demo_db, allowed, monkeypatch,
                                                   tmp_path: Path) -> None:
    from tests.gui.conftest import open_seminar, settle, visible_box

    window, seminar_id = open_seminar(qtbot, demo_db, lambda seminar: seminar.title == "Park City Project")
    f = window.form
    left = []
    for i in range(f.seminarTabs.count()):
        f.seminarTabs.setCurrentIndex(i)
        settle(qtbot, window)  # the Documents tab reads its eligibility list when it shows
        left += english_left(allowed, texts_of(window))
    left += english_left(allowed, menu_texts_of_bar(window))
    # what only shows after doing something: an agenda made and previewed, a status line, a refusal box
    f.seminarTabs.setCurrentWidget(f.documentsTab)
    docs = window.documents.form
    op = window.documents.make("agenda", None)
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert "议程" in docs.documentsStatus.text() and "页" in window.documents.preview.form.pagesLabel.text()
    # documents follow the interface language unless another is chosen: the agenda is in Chinese
    from pypdf import PdfReader

    assert docs.docLanguageCombo.currentData() == "zh"
    text = " ".join(page.extract_text() for page in PdfReader(window.documents.preview.path).pages)
    assert "星期一" in text and "2020年7月13日" in text
    left += english_left(allowed, texts_of(window))
    left += english_left(allowed, [("status", window.statusBar().currentMessage())])
    # File → Restore… asks first, in a standard box: its OK / Cancel are qtbase's Chinese
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(tmp_path / "x.sqlite"), "")))
    window.databases.backups.ask_restore()
    box = [b for b in window.findChildren(QMessageBox) if b.isVisible()][-1]
    assert {b.text() for b in box.buttons()} == {"确定", "取消"}
    left += english_left(allowed, texts_of(box))
    box.reject()
    # what a session deleted says, on the status line and in Edit → Undo; a refusal's box
    from learninghub.core.services import agenda, attendance

    with demo_db.transaction() as s:  # a session nobody attended (those are kept)
        made = agenda.add_session(s, seminar_id=seminar_id, title="报告撰写", start="2020-07-16 16:00",
                                  end="2020-07-16 17:00")[0].id
    with demo_db.reading() as s:
        attended = next(item.id for item in agenda.list_sessions(s, seminar_id)
                        if attendance.list_attendance(s, session_id=item.id))
    with qtbot.waitSignal(window.seminar_shown):
        window.refresh()
    f.seminarTabs.setCurrentWidget(f.agendaTab)
    agenda_tab = window.agenda

    def select(session_id: int) -> None:
        agenda_tab.form.agendaView.selectRow(
            next(r for r in range(agenda_tab.model.rowCount()) if agenda_tab.model.key(r) == session_id))

    select(made)
    agenda_tab.delete_session()
    settle(qtbot, window)  # deleted by the core off the GUI thread, the agenda read again
    assert window.statusBar().currentMessage() == "已删除7月16日 星期四的“报告撰写”——按 Ctrl+Z 可恢复"
    assert window.undo_action.text() == "撤销(&U) 删除7月16日 星期四的“报告撰写”"  # the step as the core names it
    select(attended)  # people checked in to it: the core refuses, and a box says why
    agenda_tab.delete_session()
    settle(qtbot, window)
    refusal = visible_box(window, "refusalBox")
    assert refusal is not None and refusal.windowTitle() == "未完成" and "签到" in refusal.text()
    left += english_left(allowed, texts_of(refusal))
    refusal.close()
    left += english_left(allowed, [("status", window.statusBar().currentMessage()),
                                   ("undo", window.undo_action.text())])
    # an export, said on the status line with its count
    op = window.exports.export_to(window.exports.people_job(), tmp_path / "people.xlsx")
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert window.statusBar().currentMessage() == f"已导出 41 人，保存在 {tmp_path / 'people.xlsx'}"
    left += english_left(allowed, texts_of(window.exports.open_links))
    # a long job's progress dialog
    from learninghub.gui.operations import BackgroundOp

    progress = BackgroundOp(window, "导出", lambda p: None, lambda r: None, lambda e: None).dialog
    left += english_left(allowed, texts_of(progress))
    assert not left, "English in the Chinese interface:\n" + "\n".join(left)
    # dates in the Chinese way, from QLocale zh_CN
    day = window.agenda.model.row(0)[0]
    assert re.fullmatch(r"\d{1,2}月\d{1,2}日 星期[一二三四五六日]", day), day
    window.statusBar().clearMessage()  # the export's line stays until another replaces it; the tree's count then
    window.reload()
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "2 个课程体系"


def menu_texts_of_bar(window) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    for action in window.menuBar().actions():
        yield "menu bar", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def test_curriculum_page_and_people_directory_in_chinese(qtbot, chinese, demo_db, allowed) -> None:
    from learninghub.gui.window.main_window import MainWindow
    from tests.gui.conftest import settle

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0)  # the tree is read off the GUI thread
    with qtbot.waitSignal(window.curriculum_shown):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index(0, 0))
    assert window.form.detailStack.currentWidget() is window.curriculum_page
    left = english_left(allowed, texts_of(window.curriculum_page))
    left += english_left(allowed, texts_of(window.form.programmeTree))
    people = window.show_people()
    settle(qtbot, window)  # the directory reads its people off the GUI thread
    assert people.model.rowCount() > 0
    left += english_left(allowed, texts_of(people))
    assert "人" in people.form.countLabel.text()
    assert not left, "English in the Chinese interface:\n" + "\n".join(left)


def test_every_dialog_in_chinese(qtbot, chinese, demo_db, allowed, tmp_path: Path) -> None:
    from learninghub.core.services import people as people_service
    from learninghub.gui.database.connect_dialog import ConnectServerDialog
    from learninghub.gui.database.import_wizard import ImportWizard
    from learninghub.gui.people.person_dialog import PersonDialog, open_person_dialog
    from learninghub.gui.window.preferences import PreferencesDialog
    from tests.gui.conftest import open_seminar
    from tests.importing.conftest import write_csv

    window, seminar_id = open_seminar(qtbot, demo_db, lambda seminar: seminar.title == "Park City Project")
    with demo_db.reading() as s:
        person_id = people_service.list_people(s, limit=1)[0].id

    def session_dialog(action):  # type: ignore[no-untyped-def]
        """The session dialog ``action`` opens once its values are read off the GUI thread."""
        before = window.agenda.dialog
        action()
        qtbot.waitUntil(lambda: window.agenda.dialog is not before)
        return window.agenda.dialog

    def person_dialog():  # type: ignore[no-untyped-def]
        """An existing person's dialog, opened once the person is read off the GUI thread."""
        opened: list[PersonDialog] = []
        open_person_dialog(window, person_id, window, opened=opened.append)
        qtbot.waitUntil(lambda: bool(opened))
        return opened[0]

    window.agenda.form.agendaView.selectRow(0)  # the session edited and duplicated
    dialogs = [
        session_dialog(window.agenda.new_session),
        session_dialog(window.agenda.edit_session),
        session_dialog(window.agenda.duplicate_session),
        PersonDialog(window, None, parent=window),
        person_dialog(),
        window.new_seminar(),
        PreferencesDialog(window),
        window.participants.new_person(),
        ConnectServerDialog(window, lambda db, settings: None),
    ]
    window.overview.form.venueEdit.setText("成都天府国际会议中心")
    dialogs.append(window.ask_to_leave(lambda: None))  # unsaved edits: Save / Discard / Cancel
    wizard = ImportWizard(demo_db, window, seminar_id=seminar_id)
    qtbot.addWidget(wizard)
    path = write_csv(tmp_path / "名单.csv", [["姓名", "电子邮件"], ["王小明", "wang.xm@example.cn"], ["", "bad"]])
    op = wizard.load(str(path))
    qtbot.waitUntil(lambda: not op.running and not wizard.busy, timeout=30_000)
    assert wizard.form.problemsTable.rowCount() > 0  # the problems table, filled
    left: list[str] = []
    for dialog in dialogs:
        dialog.show()
        left += english_left(allowed, texts_of(dialog))
        dialog.reject()
    wizard.show()
    cells = {"wang.xm@example.cn", "bad"}  # the file's own cells, shown in the preview
    left += english_left(allowed, ((w, re.sub("|".join(map(re.escape, cells)), " ", t)) for w, t in texts_of(wizard)))
    assert not left, "English in the Chinese interface:\n" + "\n".join(left)
    assert dialogs[0].windowTitle() == "新建日程" and dialogs[3].windowTitle() == "新建人员"
    assert {b.text() for b in dialogs[6].form.buttons.buttons()} == {"确定", "取消"}
    assert dialogs[-1].text() == "是否保存对“公园城市项目”的更改？"
    assert {b.text() for b in dialogs[-1].buttons()} == {"保存", "丢弃", "取消"}  # Qt's own translations


def test_the_language_comes_from_lang_then_environment_then_preferences(monkeypatch) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    i18n.set_preference("system")
    assert i18n.resolve() == i18n.system_language()
    i18n.set_preference("zh_CN")
    assert i18n.resolve() == "zh_CN"
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert i18n.resolve() == "en"
    assert i18n.resolve("zh") == "zh_CN" and i18n.resolve("system") in ("en", "zh_CN")
    monkeypatch.setenv(i18n.LANG_ENV, "tlh")  # Klingon: not ours, so the next source decides
    assert i18n.resolve() == "zh_CN"


def test_without_lrelease_the_interface_stays_english_and_says_why(qapp, monkeypatch, tmp_path: Path,
                                                                   caplog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from learninghub.gui import forms

    monkeypatch.setattr(forms, "_cache_dir", lambda kind="forms": tmp_path)  # a first start: nothing compiled
    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    try:
        assert i18n.install("zh_CN") == "en"
        assert QCoreApplication.translate("MainWindow", "&Quit") == "&Quit"
        assert "lrelease" in caplog.text and "English" in caplog.text
    finally:
        monkeypatch.undo()
        i18n.install(i18n.EN)


def test_compiled_once_then_loaded_from_the_cache(qapp, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from learninghub.gui import forms

    runs = []
    real = i18n.compile_ts
    monkeypatch.setattr(forms, "_cache_dir", lambda kind="forms": tmp_path)
    monkeypatch.setattr(i18n, "compile_ts", lambda ts, target: (runs.append(ts), real(ts, target)))
    first, again = i18n.compiled("zh_CN"), i18n.compiled("zh_CN")
    assert first == again and first is not None and first.stat().st_size > 10_000
    assert len(runs) == 1 and first.parent == tmp_path and first.suffix == ".qm"
    assert not list(tmp_path.glob("*.tmp"))
