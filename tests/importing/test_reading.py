"""Reading spreadsheets: encodings, delimiters, XLSX, and clear refusals of what is no spreadsheet."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from learninghub.core.errors import ValidationError
from learninghub.importing import read_table
from tests.importing.conftest import write_csv, write_xlsx

CHINESE = [["姓名", "邮箱", "单位", "城市"], ["李佳", "li.jia@example.cn", "成都市外事办公室", "成都"],
           ["欧阳明华", "ouyang@example.cn", "成都开放大学", "成都"]]


def test_gb18030_with_chinese_headers(files: Path) -> None:
    table = read_table(write_csv(files / "名单.csv", CHINESE, encoding="gb18030"))
    assert (table.encoding, table.delimiter) == ("GB18030", ",")
    assert table.headers == CHINESE[0] and table.rows == CHINESE[1:]
    assert table.row_numbers == [2, 3]


def test_utf8_bom_with_semicolons(files: Path) -> None:
    rows = [["Family name", "Given name", "E-mail"], ["García López", "María", "maria@example.es"]]
    table = read_table(write_csv(files / "bcn.csv", rows, encoding="utf-8-sig", delimiter=";"))
    assert (table.encoding, table.delimiter) == ("UTF-8 with BOM", ";")
    assert table.headers == rows[0]  # no BOM left on the first header
    assert table.rows == rows[1:]


@pytest.mark.parametrize("encoding, shown", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16 LE"),
                                             ("utf-16-be", "UTF-16 BE")])
def test_utf16_with_and_without_bom_tab_separated(files: Path, encoding: str, shown: str) -> None:
    rows = [["Name", "Email"], ["한현숙", "han@example.kr"], ["Константин Петров", "k.petrov@example.org"]]
    table = read_table(write_csv(files / "x.csv", rows, encoding=encoding, delimiter="\t"))
    assert (table.encoding, table.delimiter) == (shown, "\t")
    assert table.rows == rows[1:]


def test_windows_1252_is_not_mistaken_for_chinese(files: Path) -> None:
    rows = [["Name", "City"], ["Jürgen Müller", "Köln"], ["François Lefèvre", "Besançon"]]
    table = read_table(write_csv(files / "de.csv", rows, encoding="cp1252"))
    assert table.encoding == "Windows-1252" and table.rows == rows[1:]


def test_bar_delimiter_and_commas_inside_cells(files: Path) -> None:
    rows = [["Name", "Organisation", "City"], ["Li, Jia", "Chengdu Foreign Affairs Office, Protocol", "Chengdu"]]
    table = read_table(write_csv(files / "x.txt", rows, delimiter="|"))
    assert table.delimiter == "|" and table.rows == rows[1:]


def test_row_numbers_are_those_the_spreadsheet_shows(files: Path) -> None:
    path = files / "gaps.csv"
    path.write_text('Name,Notes\r\nA One,"two\r\nlines"\r\n,\r\nB Two,x\r\n', encoding="utf-8")
    table = read_table(path)
    assert table.row_numbers == [2, 5]  # a blank row 4 is skipped, not renumbered


def test_xlsx_with_a_date_column_and_numbers(files: Path) -> None:
    rows = [["Name", "Phone", "Registration date"], ["李佳", 13800138000, dt.datetime(2020, 7, 1)],
            [None, None, None], ["Jia LI", "+86 28 1234", dt.date(2020, 7, 2)]]
    table = read_table(write_xlsx(files / "reg.xlsx", rows))
    assert table.kind == "xlsx" and table.headers == ["Name", "Phone", "Registration date"]
    assert table.rows == [["李佳", "13800138000", "2020-07-01"], ["Jia LI", "+86 28 1234", "2020-07-02"]]
    assert table.row_numbers == [2, 4]
    assert "Participants" in table.describe()


def test_formulas_are_read_as_their_text(files: Path) -> None:
    rows = [["Name", "Organisation"], [None, None], ["Jia Li", '=HYPERLINK("http://evil.example","Click")']]
    table = read_table(write_xlsx(files / "f.xlsx", rows))
    assert table.rows[0][1] == '=HYPERLINK("http://evil.example","Click")'
    assert table.row_numbers == [3]  # openpyxl's reading numbers rows as the sheet does, too


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_file_is_refused(files: Path, content: bytes) -> None:
    path = files / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match="empty.csv: the file is empty"):
        read_table(path)


def test_empty_workbook_is_refused(files: Path) -> None:
    with pytest.raises(ValidationError, match="empty.xlsx: the workbook is empty"):
        read_table(write_xlsx(files / "empty.xlsx", []))


def test_binary_file_is_refused(files: Path) -> None:
    path = files / "people.csv"
    path.write_bytes(bytes(range(256)) * 4 + os.urandom(512))
    with pytest.raises(ValidationError, match="people.csv: is not a text spreadsheet .* binary"):
        read_table(path)


@pytest.mark.parametrize("content, what", [(b"%PDF-1.7\n...", "a PDF document"),
                                           (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
                                           (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "old Excel")])
def test_known_binary_kinds_are_named(files: Path, content: bytes, what: str) -> None:
    path = files / "list.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=what):
        read_table(path)


def test_extension_that_lies_is_refused(files: Path) -> None:
    workbook = write_xlsx(files / "real.xlsx", [["Name"], ["Jia Li"]])
    fake_csv = files / "people.csv"
    fake_csv.write_bytes(workbook.read_bytes())
    with pytest.raises(ValidationError, match="people.csv: the name says .csv but the file is an Excel workbook"):
        read_table(fake_csv)
    fake_xlsx = write_csv(files / "people.xlsx", [["Name"], ["Jia Li"]])
    with pytest.raises(ValidationError, match=r"people.xlsx: the name says Excel workbook \(.xlsx\) but the file is CSV"):
        read_table(fake_xlsx)


def test_missing_file(files: Path) -> None:
    with pytest.raises(ValidationError, match="nope.csv: there is no such file"):
        read_table(files / "nope.csv")


def test_gb18030_file_holding_korean_and_accented_names_too(files: Path) -> None:
    rows = [["姓名", "城市"], ["王小明", "成都"], ["한현숙", "연수구"], ["María García", "Barcelona"]]
    table = read_table(write_csv(files / "mixed.csv", rows, encoding="gb18030"))
    assert table.encoding == "GB18030" and table.rows == rows[1:]


def test_text_in_no_known_encoding_says_so(files: Path) -> None:
    path = files / "odd.csv"
    path.write_bytes("Name\nJosé Ruiz\n".encode("cp1252") + b"\x81\x8d\x90 x\n")  # bytes Windows-1252 lacks
    with pytest.raises(ValidationError, match="odd.csv: its text is in no encoding we can read"):
        read_table(path)


def test_excel_separator_hint_line(files: Path) -> None:
    path = files / "excel.csv"
    path.write_bytes(b"sep=;\r\nName;Organisation\r\nAna Ruiz;Ajuntament de Barcelona, Relacions\r\n")
    table = read_table(path)
    assert table.delimiter == ";" and table.headers == ["Name", "Organisation"]
    assert table.rows == [["Ana Ruiz", "Ajuntament de Barcelona, Relacions"]] and table.row_numbers == [2]


def test_first_sheet_with_content_is_read(files: Path) -> None:
    from openpyxl import Workbook

    for formula in (False, True):  # the fast reader, and openpyxl for sheets with formulas
        workbook = Workbook()
        workbook.active.title = "Cover"
        sheet = workbook.create_sheet("名单")
        sheet.append(["姓名", "备注"])
        sheet.append(["李佳", "=1+1" if formula else "ok"])
        path = files / f"sheets{formula}.xlsx"
        workbook.save(path)
        table = read_table(path)
        assert table.extra["sheet"] == "名单" and table.rows == [["李佳", "=1+1" if formula else "ok"]]


def test_zip_that_is_no_workbook_is_refused(files: Path) -> None:
    import zipfile

    path = files / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ValidationError, match="letter.xlsx: .* another kind of ZIP archive"):
        read_table(path)
