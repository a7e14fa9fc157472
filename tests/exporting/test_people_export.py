"""People to CSV and XLSX: read back with `csv` and openpyxl, values equal in any script,
formula-like cells neutralised, files replaced whole or not at all."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from learninghub.core.errors import ValidationError
from learninghub.exporting.people import PERSON_HEADERS, export_people

from .conftest import PEOPLE, World

FORMULAS = ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1:A9)"]


def _by_id(rows: list[list[object]]) -> dict[int, list[object]]:
    return {int(r[0]): r for r in rows}  # type: ignore[arg-type]


def _expected(key: str) -> dict[str, object]:
    given, family, native, org, title, email = PEOPLE[key]
    return {"Given name": given, "Family name": family, "Native name": native, "Organisation": org,
            "Title": title, "Email": email}


def test_csv_has_a_bom_and_reads_back_equal(db, world: World, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    assert export_people(db, path) == 4
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert header == PERSON_HEADERS
    got = _by_id(rows)
    for key in ("li", "han", "eleni"):
        row = dict(zip(header, got[world.people[key]]))
        for column, value in _expected(key).items():
            assert row[column] == (value or ""), (key, column)


def test_csv_neutralises_formulas_with_an_apostrophe(db, world: World, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    export_people(db, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        evil = next(r for r in reader if int(r["ID"]) == world.people["evil"])
    assert [evil["Given name"], evil["Family name"], evil["Organisation"], evil["Title"]] == [
        "'" + f for f in FORMULAS
    ]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in evil.values())


def test_xlsx_reads_back_equal_with_explicit_string_cells(db, world: World, tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    export_people(db, path)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header == PERSON_HEADERS
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
    got = {int(row[0].value): row for row in ws.iter_rows(min_row=2)}
    for key in ("li", "han", "eleni"):
        row = {h: c.value for h, c in zip(header, got[world.people[key]])}
        for column, value in _expected(key).items():
            assert row[column] == value, (key, column)
    evil = {h: c for h, c in zip(header, got[world.people["evil"]])}
    cells = [evil["Given name"], evil["Family name"], evil["Organisation"], evil["Title"]]
    # The text is kept as typed, but as a string cell with Excel's quote prefix: never a formula.
    assert [c.value for c in cells] == FORMULAS
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    # Widths follow the text; the Greek organisation makes its column wider than the minimum.
    assert ws.column_dimensions["F"].width > 10


def test_no_formula_is_stored_in_the_xlsx_file(db, world: World, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "people.xlsx"
    export_people(db, path)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_a_seminars_participants_come_with_their_status(db, world: World, tmp_path: Path) -> None:
    from learninghub.core.services import registration

    with db.transaction() as s:
        reg = next(r for r in registration.list_registrations(s, seminar_id=world.seminar)
                   if r.person_id == world.people["han"])
        registration.set_status(s, reg.id, "cancelled")
    path = tmp_path / "participants.xlsx"
    assert export_people(db, path, seminar_id=world.seminar) == 4
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["Status", "Registered at (UTC)"]
    status = {row[0]: row[-2] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert status[world.people["han"]] == "cancelled"
    assert status[world.people["li"]] == "attended"  # checked in
    assert status[world.people["eleni"]] == "attended"


def test_a_wrong_suffix_is_refused_before_writing(db, world: World, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match=r"must end in \.csv or \.xlsx"):
        export_people(db, out / "people.txt")
    assert not list(out.iterdir())


def test_a_failed_export_leaves_the_old_file_whole(db, world: World, tmp_path: Path, monkeypatch) -> None:
    from learninghub.exporting import tables

    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "people.xlsx"
    path.write_bytes(b"the previous export")

    def broken(table, target):  # type: ignore[no-untyped-def]
        Path(target).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(tables, "write_xlsx", broken)
    with pytest.raises(OSError):
        export_people(db, path)
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in path.parent.iterdir()] == ["people.xlsx"], "no temporary file left behind"
