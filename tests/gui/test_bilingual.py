"""Chinese titles and descriptions in the app: edited like the other fields, shown in the Chinese interface."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from learninghub.core.services import agenda, curricula, seminars
from learninghub.gui.window.main_window import MainWindow
from tests.gui.conftest import save_overview, saved, session_dialog, settle, step


def _seminar(db, seminar_id: int):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return seminars.get_seminar(s, seminar_id)


def _select(window: MainWindow, title: str) -> None:
    model = window.agenda.model
    window.agenda.form.agendaView.selectRow(next(r for r in range(model.rowCount()) if model.index(r, 2).data() == title))


def _ctrl_z(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z as the user presses it, with the focus in the programme tree (not in a text box,
    which would undo its own typing)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.form.programmeTree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.programmeTree)
    QTest.keyClick(window.form.programmeTree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)


def test_chinese_title_and_description_on_the_overview_then_ctrl_z(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    f = window.overview.form
    assert f.titleZhEdit.text() == "公园城市项目"  # the demo's Chinese title is shown for editing
    f.titleZhEdit.setText("公园城市：绿道与公园")
    f.descriptionZhEdit.setPlainText("五天的主旨演讲、圆桌、工作坊和实地考察。")
    save_overview(qtbot, window)
    stored = _seminar(demo_db, seminar_id)
    assert (stored.title, stored.title_zh) == ("Park City Project", "公园城市：绿道与公园")
    assert stored.description_zh == "五天的主旨演讲、圆桌、工作坊和实地考察。"
    assert window.undo_stack.count() == 1

    _ctrl_z(qtbot, window)
    stored = _seminar(demo_db, seminar_id)
    assert stored.title_zh == "公园城市项目"
    assert stored.description_zh == "成都公园城市建设经验国际研讨会：绿道、公园与以人为本的城市发展。"
    assert f.titleZhEdit.text() == "公园城市项目"
    step(qtbot, window, window.redo_action)
    assert _seminar(demo_db, seminar_id).title_zh == "公园城市：绿道与公园"

    f.titleZhEdit.setText("  ")  # emptied: no Chinese title any more
    save_overview(qtbot, window)
    assert _seminar(demo_db, seminar_id).title_zh is None


def test_a_refused_chinese_title_is_marked_and_nothing_changes(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    window.overview.form.titleZhEdit.setText("公" * 301)
    save_overview(qtbot, window)
    assert "Chinese title" in window.overview.form.errorLabel.text()
    assert "#b00020" in window.overview.form.titleZhEdit.styleSheet()
    assert _seminar(demo_db, seminar_id).title_zh == "公园城市项目"
    assert window.undo_stack.count() == 0


def test_session_dialog_sets_chinese_title_and_description(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    f = dialog.form
    assert f.titleZhEdit.isVisibleTo(dialog) and f.descriptionZhEdit.isVisibleTo(dialog)
    f.titleEdit.setText("Evening exchange")
    f.titleZhEdit.setText("晚间交流")
    f.descriptionZhEdit.setPlainText("与成都市民一起散步天府绿道。")
    f.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 19, 0)))
    f.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 16, 20, 0)))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(f.errorLabel.text()), timeout=10_000)
    assert not dialog.isVisible(), f.errorLabel.text()
    settle(qtbot, window)
    with demo_db.reading() as s:
        added = next(r for r in agenda.list_sessions(s, seminar_id) if r.title == "Evening exchange")
        assert (added.title_zh, added.description_zh) == ("晚间交流", "与成都市民一起散步天府绿道。")
        added_id = added.id

    _select(window, "Evening exchange")  # edit it again: the dialog shows the Chinese version
    again = session_dialog(qtbot, window, window.agenda.edit_session)
    assert again.form.titleZhEdit.text() == "晚间交流"
    again.form.titleZhEdit.setText("晚间交流：绿道散步")
    saved(qtbot, window, again)
    with demo_db.reading() as s:
        assert agenda.get_session(s, added_id).title_zh == "晚间交流：绿道散步"
    step(qtbot, window, window.undo_action)
    with demo_db.reading() as s:
        assert agenda.get_session(s, added_id).title_zh == "晚间交流"

    _select(window, "Evening exchange")  # a duplicate keeps both versions
    copy = session_dialog(qtbot, window, window.agenda.duplicate_session)
    assert copy.form.titleZhEdit.text() == "晚间交流"
    copy.form.titleEdit.setText("Evening exchange (again)")
    copy.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 17, 19, 0)))
    copy.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 17, 20, 0)))
    saved(qtbot, window, copy)
    with demo_db.reading() as s:
        again_row = next(r for r in agenda.list_sessions(s, seminar_id) if r.title == "Evening exchange (again)")
        assert (again_row.title_zh, again_row.description_zh) == ("晚间交流", "与成都市民一起散步天府绿道。")

    _select(window, "Evening exchange")  # deleted, then brought back by undo: the Chinese comes back too
    window.agenda.form.deleteSessionButton.click()
    settle(qtbot, window)
    with demo_db.reading() as s:
        assert "Evening exchange" not in [r.title for r in agenda.list_sessions(s, seminar_id)]
    step(qtbot, window, window.undo_action)
    with demo_db.reading() as s:
        back = next(r for r in agenda.list_sessions(s, seminar_id) if r.title == "Evening exchange")
        assert (back.title_zh, back.description_zh) == ("晚间交流", "与成都市民一起散步天府绿道。")


def test_a_whole_series_edit_carries_the_chinese_title(qtbot, demo_db) -> None:
    from tests.gui.conftest import open_seminar

    window, seminar_id = open_seminar(qtbot, demo_db, lambda seminar: seminar.kind == "meeting")

    def series() -> list:  # type: ignore[type-arg]
        with demo_db.reading() as s:
            return [r for r in agenda.list_sessions(s, seminar_id) if r.series_id]

    first = series()[0]
    before = {r.id: r.title_zh for r in series()}
    _select(window, first.title)
    dialog = session_dialog(qtbot, window, window.agenda.edit_session)
    dialog.form.wholeSeriesCheck.setChecked(True)
    dialog.form.titleZhEdit.setText("创业集群协调会")
    saved(qtbot, window, dialog)
    assert {r.title_zh for r in series()} == {"创业集群协调会"}
    step(qtbot, window, window.undo_action)
    assert {r.id: r.title_zh for r in series()} == before


def test_curriculum_page_edits_the_chinese_title_and_description(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    with demo_db.reading() as s:
        hub = next(c for c in curricula.list_curricula(s) if c.title.startswith("Metropolis Learning Hub"))
    qtbot.waitUntil(lambda: window.tree_model.index_of_curriculum(hub.id) is not None)  # chosen from the tree, read first
    with qtbot.waitSignal(window.curriculum_shown, check_params_cb=lambda shown: shown == hub.id):
        window.show_curriculum(hub.id)
    page = window.curriculum_page
    assert page.form.titleZhEdit.text() == "大都市学习中心（成都）2020–2022"
    page.form.titleZhEdit.setText("大都市学习中心（成都）")
    page.form.descriptionZhEdit.setPlainText("联合国际培训课程。")
    page.save()
    settle(qtbot, window)
    with demo_db.reading() as s:
        stored = curricula.get_curriculum(s, hub.id)
        assert (stored.title_zh, stored.description_zh) == ("大都市学习中心（成都）", "联合国际培训课程。")
    step(qtbot, window, window.undo_action)
    with demo_db.reading() as s:
        assert curricula.get_curriculum(s, hub.id).title_zh == "大都市学习中心（成都）2020–2022"


def test_new_seminar_with_an_optional_chinese_title(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0)  # the curricula a new seminar can go in

    def made(dialog) -> int:  # type: ignore[no-untyped-def]
        """OK: the dialog closes once the core made the seminar (or shows why not)."""
        dialog.accept()
        qtbot.waitUntil(lambda: bool(dialog.seminar_id) or bool(dialog.form.errorLabel.text()), timeout=10_000)
        settle(qtbot, window)
        assert dialog.seminar_id and not dialog.isVisible(), dialog.form.errorLabel.text()
        return int(dialog.seminar_id)

    dialog = window.new_seminar()
    f = dialog.form
    f.curriculumCombo.setCurrentIndex(0)
    f.titleEdit.setText("Green corridors")
    f.titleZhEdit.setText("绿色廊道")
    assert _seminar(demo_db, made(dialog)).title_zh == "绿色廊道"

    plain = window.new_seminar()
    plain.form.curriculumCombo.setCurrentIndex(0)
    plain.form.titleEdit.setText("Blue corridors")
    assert _seminar(demo_db, made(plain)).title_zh is None


def _tree_labels(window: MainWindow) -> list[str]:
    model, found = window.tree_model, []

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return found


def test_english_interface_shows_the_main_titles(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    leaf = window.tree_model.index_of_seminar(seminar_id)
    assert leaf.data().startswith("Park City Project")
    assert "公园城市项目" in leaf.data(Qt.ItemDataRole.ToolTipRole)  # the other version as a hint
    assert window.overview.form.seminarTitle.text() == "Park City Project"
    titles = [window.agenda.model.index(r, 2).data() for r in range(window.agenda.model.rowCount())]
    assert "Opening ceremony" in titles and "开幕式" not in titles


def test_chinese_interface_shows_the_chinese_titles_where_set(qtbot, demo_db, chinese) -> None:
    from tests.gui.conftest import open_seminar

    with demo_db.transaction() as s:  # a seminar without a Chinese title falls back to its main title
        digital = next(x for x in seminars.list_seminars(s) if x.title.startswith("Digital governance"))
        seminars.edit_seminar(s, digital.id, title_zh=None)
    window, seminar_id = open_seminar(qtbot, demo_db, lambda seminar: seminar.title == "Park City Project")
    leaf = window.tree_model.index_of_seminar(seminar_id)
    assert leaf.data().startswith("公园城市项目")
    assert "Park City Project" in leaf.data(Qt.ItemDataRole.ToolTipRole)
    assert window.tree_model.index_of_seminar(digital.id).data().startswith("Digital governance")
    assert any(label.startswith("大都市学习中心（成都）") for label in _tree_labels(window))
    assert window.overview.form.seminarTitle.text() == "公园城市项目"
    titles = [window.agenda.model.index(r, 2).data() for r in range(window.agenda.model.rowCount())]
    assert "开幕式" in titles and "Opening ceremony" not in titles
    assert window.overview.form.titleEdit.text() == "Park City Project"  # editing shows both versions as stored
    assert window.overview.form.titleZhEditLabel.text() == "中文标题(&I)"
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    assert dialog.form.zoneHint.text().startswith("公园城市项目")
    dialog.reject()

    with qtbot.waitSignal(window.curriculum_shown):
        window.form.programmeTree.setCurrentIndex(window.tree_model.index(0, 0))  # the curriculum page
    assert window.curriculum_page.form.heading.text() == "大都市学习中心（成都）2020–2022"


def test_the_fast_first_screen_carries_the_chinese_titles(demo_file) -> None:
    from learninghub.core.quickread import programme_outline

    outline = programme_outline(str(demo_file))
    assert outline is not None
    park = next(s for c in outline for s in c.seminars if s.title == "Park City Project")
    assert park.title_zh == "公园城市项目"
    assert any(c.title_zh == "大都市学习中心（成都）2020–2022" for c in outline)
