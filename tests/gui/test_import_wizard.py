"""File → Import people…: preview, mapping as combo boxes, problems by row and column, import
off the GUI thread — the same core calls as `learninghub import people`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from learninghub.core.models import Person, Registration
from tests.gui.conftest import settle
from tests.importing.conftest import write_csv

ROWS = [["姓名", "电子邮件", "单位", "城市", "国家", "职务", "手机"],
        ["王小明", "wang.xm@example.cn", "成都市规划设计研究院", "成都", "中国", "总规划师", "13800138000"],
        ["欧阳明华", "ouyang@example.cn", "成都开放大学", "成都", "CN", "教授", ""],
        ["한현숙", "han.hs@example.kr", "연수구청", "Yeonsu", "KR", "", ""],
        ["Maria GARCÍA LÓPEZ", "maria@example.es", "Ajuntament de Barcelona", "Barcelona", "ES", "", ""]]


def wizard_on(qtbot, db, path: Path, **kw):  # type: ignore[no-untyped-def]
    from learninghub.gui.database.import_wizard import ImportWizard

    wizard = ImportWizard(db, **kw)
    qtbot.addWidget(wizard)
    wizard.show()
    op = wizard.load(str(path))
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    return wizard


def wait(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not wizard.busy, timeout=30_000)


def test_preview_mapping_and_import_of_a_chinese_csv(qtbot, demo_db, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "成都名单.csv", ROWS, encoding="gb18030")
    with demo_db.reading() as s:
        people_before = len(s.scalars(select(Person.id)).all())
    wizard = wizard_on(qtbot, demo_db, path)
    f = wizard.form
    assert "GB18030" in f.readingLabel.text() and "4 rows" in f.readingLabel.text()
    assert [f.previewTable.horizontalHeaderItem(i).text() for i in range(7)] == ROWS[0]
    assert [f.previewTable.cellWidget(0, i).currentData() for i in range(7)] == [
        "name", "email", "organisation", "city", "country", "title", "phone"]
    assert f.previewTable.item(1, 0).text() == "王小明" and f.previewTable.verticalHeaderItem(1).text() == "2"
    assert f.problemsTable.rowCount() == 0 and f.importButton.isEnabled()
    assert f.countsLabel.text().startswith("Would be: 4 created · 0 updated")
    wizard.grab().save(str(tmp_path / "wizard.png"))

    wizard.set_field(6, None)  # the user decides not to import phone numbers
    wait(qtbot, wizard)
    assert wizard.mapping[6] is None
    op = wizard.start_import()
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert f.countsLabel.text().startswith("Imported: 4 created") and not f.importButton.isEnabled()
    with demo_db.reading() as s:
        assert len(s.scalars(select(Person.id)).all()) == people_before + 4
        wang = s.scalars(select(Person).where(Person.email == "wang.xm@example.cn")).one()
        assert (wang.native_name, wang.family_name, wang.given_name, wang.phone) == ("王小明", "Wang", "Xiaoming", None)


def test_problems_listed_by_row_and_column_and_import_refused(qtbot, demo_db, tmp_path: Path) -> None:
    rows = [ROWS[0], ROWS[1], ["李雷", "li.lei@", "", "", "中国", "", ""], ["", "x@example.cn", "", "", "", "", ""],
            ["韩梅梅", "hmm@example.cn", "", "", "Narnia", "", ""]]
    wizard = wizard_on(qtbot, demo_db, write_csv(tmp_path / "bad.csv", rows))
    f = wizard.form
    shown = [tuple(f.problemsTable.item(r, c).text() for c in range(3)) for r in range(f.problemsTable.rowCount())]
    assert shown == [("3", "电子邮件", "'li.lei@' is not an email address"),
                     ("4", "姓名", "no name: a person needs at least a family or given name"),
                     ("5", "国家", "'Narnia' is not a country (a name or a two-letter code: CN, ES, KR...)")]
    assert not f.importButton.isEnabled() and "Problems: 3" in f.problemsBox.title()
    wizard.set_field(1, None)  # email not imported: one problem fewer
    wait(qtbot, wizard)
    assert f.problemsTable.rowCount() == 2


def test_no_name_column_says_what_to_choose(qtbot, demo_db, tmp_path: Path) -> None:
    wizard = wizard_on(qtbot, demo_db, write_csv(tmp_path / "odd.csv", [["Who", "Mail"], ["Ana Ruiz", "a@example.es"]]))
    f = wizard.form
    assert "no column holds names" in f.errorLabel.text() and not f.importButton.isEnabled()
    wizard.set_field(0, "name")
    wait(qtbot, wizard)
    assert f.errorLabel.text() == "" and f.importButton.isEnabled()


def test_unreadable_file_refused_in_the_dialog(qtbot, demo_db, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    wizard = wizard_on(qtbot, demo_db, path)
    assert wizard.form.errorLabel.text() == "photo.csv: is a PNG image, not a spreadsheet (CSV or XLSX)"
    assert not wizard.form.importButton.isEnabled()


def test_from_the_main_window_registering_to_the_seminar_shown(qtbot, park_city, demo_db, tmp_path: Path) -> None:
    from learninghub.gui.database.import_wizard import open_for

    window, seminar_id = park_city
    assert window.import_action in window.form.menuFile.actions()
    assert window.import_action.text() == "&Import people…"
    wizard = open_for(window)
    qtbot.addWidget(wizard)
    assert wizard.seminar_id == seminar_id  # preset to the seminar shown
    op = wizard.load(str(write_csv(tmp_path / "p.csv", ROWS[:3], encoding="gb18030")))
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert "registered" in wizard.form.countsLabel.text()
    participants_before = window.participants.model.rowCount()
    op = wizard.start_import()
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    settle(qtbot, window)  # the window reads the seminar again
    with demo_db.reading() as s:
        ids = s.scalars(select(Person.id).where(Person.email.in_(["wang.xm@example.cn", "ouyang@example.cn"]))).all()
        statuses = s.scalars(select(Registration.status).where(Registration.seminar_id == seminar_id,
                                                               Registration.person_id.in_(ids))).all()
    assert len(statuses) == 2
    assert window.participants.model.rowCount() == participants_before + 2  # the window reloaded


def test_a_second_file_chosen_while_the_first_is_read_wins(qtbot, demo_db, tmp_path: Path) -> None:
    from learninghub.gui.database.import_wizard import ImportWizard

    first = write_csv(tmp_path / "first.csv", ROWS, encoding="gb18030")
    second = write_csv(tmp_path / "second.csv", [["Name", "Email"], ["Ana Ruiz", "ana@example.es"]])
    wizard = ImportWizard(demo_db)
    qtbot.addWidget(wizard)
    wizard.load(str(first))
    wizard.load(str(second))  # while the first is still being read
    qtbot.waitUntil(lambda: not wizard.busy and wizard.table is not None and wizard.table.source == "second.csv",
                    timeout=30_000)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=30_000)
    assert wizard.form.readingLabel.text().startswith("second.csv:") and wizard.form.previewTable.columnCount() == 2
    assert wizard.form.countsLabel.text().startswith("Would be: 1 created")


def test_people_already_stored_are_kept_unless_update_is_ticked(qtbot, demo_db, tmp_path: Path) -> None:
    from learninghub.core.services import people

    with demo_db.transaction() as s:
        nuria = people.add_person(s, given_name="Núria", family_name="Puig", email="nuria.puig@example.es",
                                  organisation="Ajuntament de Barcelona", city="Barcelona", country="ES").id
    path = write_csv(tmp_path / "bcn.csv", [["Name", "Email", "Organisation", "Phone", "City"],
                                            ["Núria Puig", "NURIA.PUIG@example.es", "Àrea Metropolitana", "+34 93 000", ""],
                                            ["Pau Vidal", "pau@example.es", "Àrea Metropolitana", "", ""]])
    wizard = wizard_on(qtbot, demo_db, path)
    f = wizard.form
    assert not f.changesBox.isHidden() and not f.updateCheck.isChecked()
    shown = [tuple(f.changesTable.item(r, c).text() for c in range(5)) for r in range(f.changesTable.rowCount())]
    assert shown == [("2", f"Núria Puig (id {nuria})", "Organisation", "Ajuntament de Barcelona", "Àrea Metropolitana"),
                     ("2", f"Núria Puig (id {nuria})", "Phone", "—", "+34 93 000")]
    assert f.countsLabel.text().startswith("Would be: 1 created · 0 updated")
    assert "1 kept as stored (known; the file differs)" in f.countsLabel.text()
    wizard.grab().save(str(tmp_path / "changes.png"))

    op = wizard.start_import()  # not ticked: Núria stays as stored
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    with demo_db.reading() as s:
        stored = people.get_person(s, nuria)
        assert (stored.organisation.name, stored.phone, stored.version) == ("Ajuntament de Barcelona", None, 1)

    wizard = wizard_on(qtbot, demo_db, path)  # the same file again, this time updating
    f = wizard.form
    f.updateCheck.setChecked(True)
    wait(qtbot, wizard)
    assert f.countsLabel.text().startswith("Would be: 0 created · 1 updated")
    assert f.changesTable.rowCount() == 2
    op = wizard.start_import()
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert f.errorLabel.text() == "" and not f.updateCheck.isEnabled()
    assert f.countsLabel.text().startswith("Imported: 0 created · 1 updated")
    with demo_db.reading() as s:
        stored = people.get_person(s, nuria)
        assert (stored.organisation.name, stored.phone, stored.city.name) == (
            "Àrea Metropolitana", "+34 93 000", "Barcelona")  # the empty city cell cleared nothing


def test_a_new_file_starts_with_update_unticked_and_no_changes_shown(qtbot, demo_db, tmp_path: Path) -> None:
    wizard = wizard_on(qtbot, demo_db, write_csv(tmp_path / "new.csv", [["Name", "Email"], ["Ana Ruiz", "ana@x.es"]]))
    assert wizard.form.changesBox.isHidden() and "kept" not in wizard.form.countsLabel.text()
    wizard.form.updateCheck.setChecked(True)
    wait(qtbot, wizard)
    op = wizard.load(str(write_csv(tmp_path / "other.csv", [["Name"], ["Tom Berg"]])))
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert not wizard.form.updateCheck.isChecked()


def test_hostile_files_refused_in_the_dialog_saying_where(qtbot, demo_db, tmp_path: Path) -> None:
    from tests.importing.conftest import write_zip_bomb

    unclosed = tmp_path / "unclosed.csv"
    unclosed.write_text('Name,Email\r\nAna Ruiz,ana@example.es\r\n"Tom Berg,tom@example.se\r\nEva Novak,eva@x.cz\r\n',
                        encoding="utf-8")
    wizard = wizard_on(qtbot, demo_db, unclosed)
    assert wizard.form.errorLabel.text().startswith(
        'unclosed.csv: row 3, column Name: a quote (") opens this cell and is never closed')
    assert not wizard.form.importButton.isEnabled()
    long = write_csv(tmp_path / "long.csv", [["Name", "Notes"], ["Ana Ruiz", "x" * 140_000]])
    op = wizard.load(str(long))
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert wizard.form.errorLabel.text().startswith("long.csv: row 2, column Notes: the cell holds 140,000 characters")
    op = wizard.load(str(write_zip_bomb(tmp_path / "bomb.xlsx")))
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert wizard.form.errorLabel.text().startswith("bomb.xlsx: is refused unread: it would unpack to 1,023 MB")
    assert not wizard.form.importButton.isEnabled()
