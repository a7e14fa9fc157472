"""Nothing typed is lost: leaving a page of fields with unsaved edits asks Save / Discard / Cancel.

The Overview tab and the curriculum page are edited in place and saved with a button. Choosing
another item in the tree, opening another database, making a new seminar or closing the window
with edits on screen asks first; a refresh caused by another change (a partner added, an undo)
keeps the edits on screen.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from learninghub.core.services import curricula, seminars
from learninghub.gui.window.main_window import MainWindow
from tests.conftest import table_snapshot
from tests.gui.conftest import settle, visible_box

VENUE = "Tianfu Greenway Visitor Centre, 天府绿道"


def _stored(db, seminar_id: int):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return seminars.get_seminar(s, seminar_id)


def _other_seminar(db, seminar_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return next(x.id for x in seminars.list_seminars(s) if x.id != seminar_id)


def _question(window: MainWindow) -> QMessageBox:
    box = visible_box(window, "unsavedChangesBox")
    assert box is not None, "no question open"
    return box


def _no_question(window: MainWindow) -> None:
    assert visible_box(window, "unsavedChangesBox") is None


def _answer(window: MainWindow, button: QMessageBox.StandardButton) -> None:
    """Click ``button`` of the question, once it is asked (another database is opened off the GUI thread
    first: the question comes when it is ready)."""
    from PySide6.QtTest import QTest

    for _ in range(1000):
        if visible_box(window, "unsavedChangesBox") is not None:
            break
        QTest.qWait(10)
    _question(window).button(button).click()


def _choose(window: MainWindow, seminar_id: int) -> None:
    window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_seminar(seminar_id))


def _shown(qtbot, window: MainWindow, seminar_id: int):  # type: ignore[no-untyped-def]
    """Wait, around the block, for ``seminar_id``'s page to be painted (it is read off the GUI thread)."""
    return qtbot.waitSignal(window.seminar_shown, check_params_cb=lambda shown: shown == seminar_id)


def _choose_and_wait(qtbot, window: MainWindow, seminar_id: int) -> None:  # type: ignore[no-untyped-def]
    with _shown(qtbot, window, seminar_id):
        _choose(window, seminar_id)
    settle(qtbot, window)


def _on_screen(window: MainWindow) -> int:
    return window.tree_model.seminar_id(window.form.programmeTree.currentIndex())


def test_choosing_another_seminar_asks_and_cancel_keeps_the_edit_on_screen(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    other = _other_seminar(demo_db, seminar_id)
    window.overview.form.venueEdit.setText(VENUE)
    _choose(window, other)
    box = _question(window)
    assert "Park City Project" in box.text() and box.windowTitle() == "Unsaved changes"
    assert _on_screen(window) == seminar_id  # the tree stays on the page being edited while it asks
    _answer(window, QMessageBox.StandardButton.Cancel)
    assert _on_screen(window) == seminar_id and window.current_seminar == seminar_id
    assert window.overview.form.venueEdit.text() == VENUE
    assert _stored(demo_db, seminar_id).venue != VENUE


def test_discard_moves_on_and_the_stored_seminar_is_untouched(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    other = _other_seminar(demo_db, seminar_id)
    before = table_snapshot(Path(demo_db.target.sqlite_path))
    window.overview.form.venueEdit.setText(VENUE)
    _choose(window, other)
    with _shown(qtbot, window, other):
        _answer(window, QMessageBox.StandardButton.Discard)
    settle(qtbot, window)
    assert _on_screen(window) == other and window.current_seminar == other
    assert window.overview.form.titleEdit.text() == _stored(demo_db, other).title
    assert table_snapshot(Path(demo_db.target.sqlite_path)) == before
    _choose_and_wait(qtbot, window, seminar_id)
    _no_question(window)
    assert window.overview.form.venueEdit.text() == _stored(demo_db, seminar_id).venue != VENUE


def test_save_stores_the_edit_then_moves_on_and_is_one_undo_step(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    other = _other_seminar(demo_db, seminar_id)
    old_venue = _stored(demo_db, seminar_id).venue
    window.overview.form.venueEdit.setText(VENUE)
    _choose(window, other)
    with _shown(qtbot, window, other):
        _answer(window, QMessageBox.StandardButton.Save)
    settle(qtbot, window)
    assert _stored(demo_db, seminar_id).venue == VENUE
    assert _on_screen(window) == other and window.overview.form.titleEdit.text() == _stored(demo_db, other).title
    _no_question(window)
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    settle(qtbot, window)
    assert _stored(demo_db, seminar_id).venue == old_venue


def test_a_save_the_core_refuses_stays_on_the_page_with_the_refusal_shown(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    other = _other_seminar(demo_db, seminar_id)
    window.overview.form.endDate.setDate(QDate(2020, 7, 1))  # before the first day
    _choose(window, other)
    _answer(window, QMessageBox.StandardButton.Save)
    settle(qtbot, window)  # the core refuses on its worker
    assert _on_screen(window) == seminar_id and window.current_seminar == seminar_id
    assert "2020-07-01" in window.overview.form.errorLabel.text()
    assert window.overview.form.endDate.date() == QDate(2020, 7, 1)
    assert _stored(demo_db, seminar_id).end_date.isoformat() == "2020-07-17"


def test_a_clean_page_never_asks(qtbot, demo_db, park_city) -> None:
    """Right after it is shown, no seminar or curriculum of the demo counts as edited (no needless question)."""
    window, _ = park_city
    with demo_db.reading() as s:
        seminar_ids = [x.id for x in seminars.list_seminars(s)]
        curriculum_ids = [c.id for c in curricula.list_curricula(s)]
    for sid in seminar_ids:
        if sid != window.current_seminar:
            _choose_and_wait(qtbot, window, sid)
        assert window.current_seminar == sid and window.overview.unsaved() == {}
    for cid in curriculum_ids:
        with qtbot.waitSignal(window.curriculum_shown, check_params_cb=lambda shown, cid=cid: shown == cid):
            window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_curriculum(cid))
        settle(qtbot, window)
        assert window.current_curriculum == cid and window.curriculum_page.unsaved() == {}
    _no_question(window)


def test_a_refresh_from_another_change_keeps_the_edits(qtbot, demo_db, park_city) -> None:
    """Typing a venue, then adding a partner (saved at once, the window refreshes): the venue stays typed."""
    window, seminar_id = park_city
    f = window.overview.form
    f.venueEdit.setText(VENUE)
    f.descriptionZhEdit.setPlainText("成都公园城市：绿道与社区。")
    f.partnerEdit.setText("成都市规划设计研究院")
    with _shown(qtbot, window, seminar_id):  # saved at once; the page is read again
        f.addPartnerButton.click()
    settle(qtbot, window)
    assert any("成都市规划设计研究院" in f.partnersList.item(i).text() for i in range(f.partnersList.count()))
    assert f.venueEdit.text() == VENUE and f.descriptionZhEdit.toPlainText() == "成都公园城市：绿道与社区。"
    with _shown(qtbot, window, seminar_id):
        window.undo_action.trigger()  # takes the partner back; the typing stays
    settle(qtbot, window)
    assert not any("成都市规划设计研究院" in f.partnersList.item(i).text() for i in range(f.partnersList.count()))
    assert f.venueEdit.text() == VENUE
    assert set(window.overview.unsaved()) == {"venue", "description_zh"}
    _no_question(window)


def test_closing_the_window_asks_and_cancel_keeps_it_open(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.overview.form.venueEdit.setText(VENUE)
    window.close()
    assert window.isVisible()
    _answer(window, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and window.overview.form.venueEdit.text() == VENUE
    window.close()
    _answer(window, QMessageBox.StandardButton.Save)
    qtbot.waitUntil(lambda: not window.isVisible())  # once the core has saved
    assert _stored(demo_db, seminar_id).venue == VENUE


def test_closing_after_discard_closes_without_storing(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.overview.form.titleEdit.setText("Park City Project (draft)")
    window.close()
    _answer(window, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()
    assert _stored(demo_db, seminar_id).title == "Park City Project"


def test_opening_another_database_asks_first_and_cancel_keeps_this_one(qtbot, demo_db, park_city, tmp_path) -> None:
    window, seminar_id = park_city
    window.overview.form.venueEdit.setText(VENUE)
    window.databases.open_path(str(tmp_path / "other.sqlite"))
    assert window.db is demo_db
    _answer(window, QMessageBox.StandardButton.Cancel)
    assert window.db is demo_db and window.current_seminar == seminar_id
    assert window.overview.form.venueEdit.text() == VENUE
    window.databases.open_path(str(tmp_path / "other.sqlite"))
    _answer(window, QMessageBox.StandardButton.Save)
    qtbot.waitUntil(lambda: window.db is not demo_db)  # once the core has saved
    settle(qtbot, window)
    assert window.current_seminar == 0 and window.tree_model.rowCount() == 0
    assert window.db is not demo_db and window.db.target.sqlite_path.name == "other.sqlite"
    assert _stored(demo_db, seminar_id).venue == VENUE


def test_the_curriculum_page_asks_too(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    with demo_db.reading() as s:
        curriculum_id = curricula.list_curricula(s)[0].id
    with qtbot.waitSignal(window.curriculum_shown, check_params_cb=lambda shown: shown == curriculum_id):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index_of_curriculum(curriculum_id))
    page = window.curriculum_page.form
    page.descriptionZhEdit.setPlainText("三年课程：城市间培训。")
    _choose(window, seminar_id)
    assert window.current_curriculum == curriculum_id
    with _shown(qtbot, window, seminar_id):
        _answer(window, QMessageBox.StandardButton.Save)
    settle(qtbot, window)
    assert window.current_seminar == seminar_id and _on_screen(window) == seminar_id
    with demo_db.reading() as s:
        assert curricula.get_curriculum(s, curriculum_id).description_zh == "三年课程：城市间培训。"


def test_a_new_seminar_asks_about_the_page_before_it_shows(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.overview.form.venueEdit.setText(VENUE)
    dialog = window.new_seminar()
    dialog.form.titleEdit.setText("Chengdu–Barcelona study visit 2022")
    dialog.accept()
    qtbot.waitUntil(lambda: visible_box(window, "unsavedChangesBox") is not None)  # once the core made it
    new_id = dialog.seminar_id
    assert new_id and window.current_seminar == seminar_id  # made; the page on screen not yet left
    with _shown(qtbot, window, new_id):
        _answer(window, QMessageBox.StandardButton.Discard)
    settle(qtbot, window)
    assert window.current_seminar == new_id and _on_screen(window) == new_id
    assert _stored(demo_db, seminar_id).venue != VENUE


def test_restore_asks_about_the_page_before_choosing_a_backup(qtbot, demo_db, park_city) -> None:
    """The edits belong to the data a restore replaces: they are saved (into the safety copy) or dropped first."""
    window, _ = park_city
    window.overview.form.venueEdit.setText(VENUE)
    window.databases.backups.ask_restore()
    assert "Park City Project" in _question(window).text()
    _answer(window, QMessageBox.StandardButton.Cancel)  # no file dialog follows
    assert window.db is demo_db and window.overview.form.venueEdit.text() == VENUE


def test_the_title_marks_unsaved_edits_and_save_works_only_then(qtbot, demo_db, park_city) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    window, seminar_id = park_city
    save = window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Save)
    reset = window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Reset)
    assert "[*]" in window.windowTitle()  # Qt's placeholder: "*" shown there while modified
    assert not window.isWindowModified() and not save.isEnabled() and not reset.isEnabled()
    window.overview.form.venueEdit.setText(VENUE)
    assert window.isWindowModified() and save.isEnabled() and reset.isEnabled()
    reset.click()
    assert not window.isWindowModified() and not save.isEnabled()
    window.overview.form.capacitySpin.setValue(33)
    assert window.isWindowModified()
    window.overview.form.capacitySpin.setValue(_stored(demo_db, seminar_id).capacity)  # typed back: nothing to save
    assert not window.isWindowModified() and not save.isEnabled()
    window.overview.form.descriptionEdit.setPlainText("Five days of keynotes.")
    save.click()
    settle(qtbot, window)
    assert not window.isWindowModified() and not save.isEnabled()
    assert _stored(demo_db, seminar_id).description == "Five days of keynotes."
    window.undo_action.trigger()
    settle(qtbot, window)
    assert window.overview.form.descriptionEdit.toPlainText() == (_stored(demo_db, seminar_id).description or "")
    assert not window.isWindowModified()
    window.overview.form.titleZhEdit.setText("公园城市项目（草稿）")
    other = _other_seminar(demo_db, seminar_id)
    _choose(window, other)
    with _shown(qtbot, window, other):
        _answer(window, QMessageBox.StandardButton.Discard)
    settle(qtbot, window)
    assert not window.isWindowModified() and not save.isEnabled()


def test_ctrl_s_saves_the_page_on_screen(qtbot, demo_db, park_city) -> None:
    from PySide6.QtCore import Qt

    window, seminar_id = park_city
    action = window.save_action
    assert action in window.form.menuFile.actions() and action.shortcut().toString() == "Ctrl+S"
    assert not action.isEnabled()
    window.overview.form.venueEdit.setFocus()
    window.overview.form.venueEdit.setText(VENUE)
    assert action.isEnabled()
    qtbot.keyClick(window.overview.form.venueEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert _stored(demo_db, seminar_id).venue == VENUE
    assert not action.isEnabled() and not window.isWindowModified()
    assert window.statusBar().currentMessage() == "Saved the changes to “Park City Project”"
    window.overview.form.endDate.setDate(QDate(2020, 7, 1))  # refused: stays edited, the refusal next to the field
    action.trigger()
    settle(qtbot, window)
    assert action.isEnabled() and "2020-07-01" in window.overview.form.errorLabel.text()


def test_a_save_reads_the_seminar_once(qtbot, demo_db, park_city) -> None:
    """After a save the window reads the seminar's page again once, in one ``db.read`` with the tree (the
    tree's reselection does not load it a second time), and paints it once."""
    from sqlalchemy import event

    from learninghub.core.pages.programme import outline_query
    from learninghub.core.pages.seminar import seminar_page

    window, seminar_id = park_city
    lock = threading.Lock()
    statements: list[tuple[int, str]] = []  # (thread, SQL) of every statement, whichever thread runs it

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        with lock:
            statements.append((threading.get_ident(), statement))

    def taken() -> list[tuple[int, str]]:
        with lock:
            found = list(statements)
            statements.clear()
        return found

    event.listen(demo_db.engine, "before_cursor_execute", seen)
    try:
        demo_db.read(outline_query(), seminar_page(seminar_id, window.check_in.session_id()))
        one_read = [sql for _thread, sql in taken()]  # what one read of the tree and the page sends
        shown: list[int] = []
        window.seminar_shown.connect(shown.append)
        window.overview.form.venueEdit.setText(VENUE)
        window.save_page()
        settle(qtbot, window)
        ran = taken()
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", seen)
    writers = {thread for thread, sql in ran if sql.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))}
    assert len(writers) == 1, "the save ran as one command on the change thread"
    reads = [sql for thread, sql in ran if thread not in writers]
    assert reads == one_read, "after the save: one read of the tree and the page, nothing more"
    assert shown == [seminar_id]
    assert _stored(demo_db, seminar_id).venue == VENUE
