"""The session and person dialogs ask before dropping typed work (Cancel, Escape, closing the window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from learninghub.gui.people.person_dialog import PersonDialog
from learninghub.gui.window.main_window import MainWindow
from tests.conftest import table_snapshot
from tests.gui.conftest import session_dialog, visible_box


def _session_dialog(qtbot, window: MainWindow, row: int | None = None):  # type: ignore[no-untyped-def]
    """The agenda's session dialog, new (``row`` None) or on the session in ``row``, once its values are read."""
    if row is None:
        dialog = session_dialog(qtbot, window, window.agenda.new_session)
    else:
        window.agenda.form.agendaView.selectRow(row)
        dialog = session_dialog(qtbot, window, window.agenda.edit_session)
    qtbot.addWidget(dialog)
    return dialog


def _question(dialog: QDialog) -> QMessageBox | None:
    return visible_box(dialog, "discardChangesBox")


def _cancel(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.form.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_cancel_with_a_typed_session_asks_and_keep_editing_keeps_it(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    before = table_snapshot(demo_db.target.sqlite_path)
    dialog = _session_dialog(qtbot, window)
    dialog.form.titleEdit.setText("Field visit: Jincheng Lake Park")
    dialog.form.titleZhEdit.setText("现场考察：锦城湖公园")
    _cancel(dialog)
    box = _question(dialog)
    assert box is not None and dialog.isVisible()
    assert {b.text() for b in box.buttons()} == {"Discard", "Keep editing"}
    box.button(QMessageBox.StandardButton.Cancel).click()  # Keep editing
    assert dialog.isVisible() and dialog.form.titleZhEdit.text() == "现场考察：锦城湖公园"

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the same question from the keyboard
    box = _question(dialog)
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert table_snapshot(demo_db.target.sqlite_path) == before


def test_an_untouched_dialog_closes_at_once(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    session = _session_dialog(qtbot, window, 0)
    assert session.session_id == window.agenda.model.key(0)
    person = PersonDialog(window, None, parent=window)
    qtbot.addWidget(person)
    person.show()
    for dialog in (session, person):
        _cancel(dialog)
        assert not dialog.isVisible() and _question(dialog) is None


def test_a_prefilled_new_person_is_not_an_edit_but_typing_is(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    window.participants.form.registerFind.setText("王小明")
    dialog = window.participants.new_person()
    qtbot.addWidget(dialog)
    assert dialog.form.nativeEdit.text() == "王小明"
    dialog.close()  # the window's close button
    assert not dialog.isVisible() and _question(dialog) is None

    window.participants.form.registerFind.setText("王小明")
    dialog = window.participants.new_person()
    qtbot.addWidget(dialog)
    dialog.form.emailEdit.setText("wang.xm@example.cn")
    dialog.close()
    assert dialog.isVisible() and _question(dialog) is not None


def test_editing_a_session_then_undoing_the_typing_closes_at_once(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    dialog = _session_dialog(qtbot, window, 0)
    title = dialog.form.titleEdit.text()
    dialog.form.titleEdit.setText(title + " (draft)")
    dialog.form.titleEdit.setText(title)
    _cancel(dialog)
    assert not dialog.isVisible()



def test_the_question_in_chinese(qtbot, chinese, demo_db, park_city) -> None:
    window, _ = park_city
    dialog = _session_dialog(qtbot, window)
    dialog.form.descriptionZhEdit.setPlainText("锦江沿岸城市更新。")
    _cancel(dialog)
    box = _question(dialog)
    assert box is not None and box.windowTitle() == "放弃更改？"
    assert box.text() == "不保存此处所做的更改就关闭吗？"
    assert {b.text() for b in box.buttons()} == {"丢弃", "继续编辑"}
