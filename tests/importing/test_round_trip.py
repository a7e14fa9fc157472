"""Export → import: what we write is what we read, without the spreadsheet-safety apostrophes."""

from __future__ import annotations

from pathlib import Path

from learninghub.core.services import people
from learninghub.core.store import open_database
from learninghub.exporting.people import export_people
from learninghub.importing import import_people
from tests.importing.test_import_rules import people_by_email


def test_exported_csv_imports_back_with_formula_like_cells_as_typed(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳", email="li.jia@example.cn",
                          phone="+86 28 8888 0000", title="=HYPERLINK(\"x\")")
    exported = tmp_path / "people.csv"
    export_people(db, exported)
    assert "'+86 28 8888 0000" in exported.read_text(encoding="utf-8-sig"), "the export must neutralise the phone"

    fresh = open_database(str(tmp_path / "fresh.sqlite"))
    try:
        plan = import_people(fresh, exported)
        assert plan.counts["created"] == 1
        person = people_by_email(fresh)["li.jia@example.cn"]
        assert person.phone == "+86 28 8888 0000"
        assert person.title == "=HYPERLINK(\"x\")"
        assert person.native_name == "李佳"
    finally:
        fresh.close()
