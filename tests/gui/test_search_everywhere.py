"""Every name search of the window finds people however a desk types them (issue 19): no accents, any case,
Chinese names by their pinyin. Typed with real key presses (ASCII, as a volunteer's keyboard gives)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from learninghub.core.services import people
from tests.gui.conftest import session_dialog, settle


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.clear()
    QTest.keyClicks(widget, text)


def _wang(db) -> int:  # type: ignore[no-untyped-def]
    with db.transaction() as s:  # a Chinese name whose Latin form is Cantonese: only the pinyin says wang xiaoming
        return people.add_person(s, given_name="Siu Ming", family_name="Wong", native_name="王小明",
                                 email="wong.siuming@example.cn").id


def test_the_people_directory(qtbot, demo_db) -> None:
    from learninghub.gui.window.main_window import MainWindow

    _wang(demo_db)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    directory = window.show_people()
    settle(qtbot, window)
    for typed, expected in (("nuria", "Núria Puig i Ferrer"), ("NURIA PUIG", "Núria Puig i Ferrer"),
                            ("wang xiaoming", "王小明 (Siu Ming Wong)"), ("xiaoming", "王小明 (Siu Ming Wong)"),
                            ("ibanez", "Elena Moreno Ibáñez")):
        _type(directory.form.filterEdit, typed)
        QTest.keyClick(directory.form.filterEdit, Qt.Key.Key_Return)  # Enter at the end, as people do
        settle(qtbot, window)
        names = [directory.model.index(r, 0).data() for r in range(directory.model.rowCount())]
        assert expected in names, (typed, names)


def test_register_box_and_speaker_search(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    wang = _wang(demo_db)
    window.form.seminarTabs.setCurrentWidget(window.form.participantsTab)
    f = window.participants.form
    _type(f.registerFind, "wangxiaoming")
    settle(qtbot, window)
    assert [f.registerMatches.itemData(i) for i in range(f.registerMatches.count())] == [wang]

    window.form.seminarTabs.setCurrentWidget(window.form.agendaTab)
    settle(qtbot, window)
    dialog = session_dialog(qtbot, window, window.agenda.new_session)
    _type(dialog.form.speakerFind, "montserrat ribas")  # Montserrat Ribas Soler, as typed without care
    qtbot.waitUntil(lambda: dialog.form.speakerMatches.count() > 0)
    assert "Montserrat Ribas Soler" in dialog.form.speakerMatches.item(0).text()
    _type(dialog.form.speakerFind, "elena ibanez")  # the middle name left out
    qtbot.waitUntil(lambda: dialog.form.speakerMatches.count() > 0
                    and "Ibáñez" in dialog.form.speakerMatches.item(0).text())
    QTest.keyClick(dialog.form.speakerFind, Qt.Key.Key_Return)  # Enter adds the match
    qtbot.waitUntil(lambda: dialog.form.speakersList.count() == 1)
    assert "Elena Moreno Ibáñez" in dialog.form.speakersList.item(0).text()
    assert dialog.isVisible()  # and does not save the dialog
    dialog.done(0)
