"""New and edited people through the dialog: rules of the core, shown next to the field."""

from __future__ import annotations

from learninghub.core.services import people
from learninghub.gui.people.people_directory import PeopleDirectory
from learninghub.gui.window.main_window import MainWindow
from tests.conftest import table_snapshot
from tests.gui.conftest import settle


def _directory(qtbot, db) -> tuple[MainWindow, PeopleDirectory]:  # type: ignore[no-untyped-def]
    """The People directory on ``db``; it reads and saves through the main window's runner and history."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    directory = PeopleDirectory(window)
    qtbot.addWidget(directory)
    settle(qtbot, window)
    return window, directory


def _open_person(qtbot, window: MainWindow, directory: PeopleDirectory, person_id: int):  # type: ignore[no-untyped-def]
    """The person's dialog, once their page is read off the GUI thread."""
    directory.open_person(person_id)
    qtbot.waitUntil(lambda: directory.dialog is not None and directory.dialog.isVisible())
    settle(qtbot, window)
    assert directory.dialog.person_id == person_id
    return directory.dialog


def _filter(qtbot, window: MainWindow, directory: PeopleDirectory, text: str) -> None:  # type: ignore[no-untyped-def]
    directory.form.filterEdit.setText(text)
    settle(qtbot, window)


def test_new_person_with_a_chinese_name_appears_in_the_directory(qtbot, demo_db) -> None:
    window, directory = _directory(qtbot, demo_db)
    dialog = directory.new_person()
    assert directory.dialog is dialog
    f = dialog.form
    f.givenEdit.setText("Yuxuan")
    f.familyEdit.setText("Zhang")
    f.nativeEdit.setText("张宇轩")
    f.organisationEdit.setText("Chengdu Open University")
    f.cityEdit.setText("Chengdu")
    f.countryEdit.setText("cn")
    f.emailEdit.setText("zhang.yuxuan@example.cn")
    f.roleCombo.setCurrentIndex(f.roleCombo.findData("planner"))
    dialog.accept()
    settle(qtbot, window)  # saved by the core off the GUI thread
    assert not dialog.isVisible()
    _filter(qtbot, window, directory, "张宇轩")
    assert directory.model.rowCount() == 1
    assert directory.model.index(0, 0).data() == "张宇轩 (Yuxuan Zhang)"
    with demo_db.reading() as s:
        stored = people.get_person(s, dialog.person_id)
        assert (stored.country, stored.role, stored.organisation_name) == ("CN", "planner", "Chengdu Open University")


def test_a_taken_email_is_shown_next_to_the_field(qtbot, demo_db) -> None:
    window, directory = _directory(qtbot, demo_db)
    before = table_snapshot(demo_db.target.sqlite_path)
    dialog = directory.new_person()
    dialog.form.familyEdit.setText("Li")
    dialog.form.emailEdit.setText("LI.JIA@example.cn")
    dialog.accept()
    settle(qtbot, window)  # refused by the core off the GUI thread
    assert dialog.isVisible() and "is already the address of person" in dialog.form.errorLabel.text()
    assert "#b00020" in dialog.form.emailEdit.styleSheet()
    assert table_snapshot(demo_db.target.sqlite_path) == before
    dialog.reject()


def test_editing_shows_their_seminars_and_saves_changes(qtbot, demo_db) -> None:
    window, directory = _directory(qtbot, demo_db)
    _filter(qtbot, window, directory, "李佳")
    person_id = directory.model.person(0).id
    dialog = _open_person(qtbot, window, directory, person_id)
    assert dialog.form.nativeEdit.text() == "李佳"
    assert any("Park City Project" in dialog.form.seminarsList.item(i).text()
               for i in range(dialog.form.seminarsList.count()))
    dialog.form.titleEdit.setText("Deputy Director-General")
    dialog.accept()
    settle(qtbot, window)  # saved by the core off the GUI thread
    assert not dialog.isVisible() and window.undo_stack.count() == 1
    with demo_db.reading() as s:
        assert people.get_person(s, person_id).title == "Deputy Director-General"


def test_a_persons_certificates_are_shown_with_their_seminars(qtbot, demo_db) -> None:
    from learninghub.core.certcodes import format_code
    from learninghub.core.services import certificates

    window, directory = _directory(qtbot, demo_db)
    _filter(qtbot, window, directory, "李佳")
    person_id = directory.model.person(0).id
    with demo_db.transaction() as s:
        seminar_id = next(j for j in _eligible_seminars(s, person_id))
        certificates.issue_certificates(s, seminar_id)
        code = format_code(next(c.code for c in certificates.list_certificates(s, person_id=person_id)))
    dialog = _open_person(qtbot, window, directory, person_id)
    lines = [dialog.form.seminarsList.item(i).text() for i in range(dialog.form.seminarsList.count())]
    assert any(f"certificate {code} (issued " in line for line in lines)
    dialog.reject()


def _eligible_seminars(s, person_id: int):  # type: ignore[no-untyped-def]
    from learninghub.core.services import certificate_eligibility, registration

    for r in registration.list_registrations(s, person_id=person_id):
        if any(j.person_id == person_id and j.eligible for j in certificate_eligibility.eligibility(s, r.seminar_id)):
            yield r.seminar_id


def test_a_chinese_name_alone_suggests_its_pinyin(qtbot, demo_db, park_city) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox

    from learninghub.core.services import registration

    window, seminar_id = park_city
    window.participants.form.registerFind.setText("王小明")  # searched for, not found: New person, registered
    dialog = window.participants.new_person()
    qtbot.addWidget(dialog)
    f = dialog.form
    assert (f.nativeEdit.text(), f.familyEdit.text(), f.givenEdit.text()) == ("王小明", "Wang", "Xiaoming")
    assert f.roleCombo.currentData() == "participant"  # added while registering: a participant, to start with
    f.nativeEdit.setText("欧阳明华")  # the suggestion follows the name while it is the suggestion
    assert (f.familyEdit.text(), f.givenEdit.text()) == ("Ouyang", "Minghua")
    f.givenEdit.selectAll()
    QTest.keyClicks(f.givenEdit, "Ming Hua")  # typed over: the user's
    f.nativeEdit.setText("王小明")
    assert (f.familyEdit.text(), f.givenEdit.text()) == ("Ouyang", "Ming Hua")
    f.familyEdit.setText("")
    f.givenEdit.setText("")
    f.nativeEdit.setText("王小明 ")
    assert (f.familyEdit.text(), f.givenEdit.text()) == ("Wang", "Xiaoming")  # empty again: suggested again
    qtbot.mouseClick(f.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)  # saved, not refused for want of a Latin name
    settle(qtbot, window)
    with demo_db.reading() as s:
        person = people.get_person(s, dialog.person_id)
        assert (person.family_name, person.given_name, person.native_name) == ("Wang", "Xiaoming", "王小明")
        assert person.role == "participant"
        assert dialog.person_id in {r.person_id for r in registration.list_registrations(s, seminar_id=seminar_id)}
