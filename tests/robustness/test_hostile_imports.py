"""Hostile spreadsheets: every bad file ends in a clear problem report saying what and where,
never a traceback, and a refused import changes nothing (the SQLite file byte for byte, every
row on PostgreSQL). On both databases (tests/databases.py).

The files are written here: a cell over the csv module's limit, an unclosed quote, an XLSX
"zip bomb" (1 GiB of cells packed in about 2 MB, built without deflating a gigabyte), names of
only invisible characters, a known person the file says something else about; then random
bytes, random text and random cells (hypothesis) through reading, checking and importing.
"""

from __future__ import annotations

import csv
import io
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from learninghub.core.errors import LearningHubError
from learninghub.core.services import people
from learninghub.importing import ImportRefused, import_people, read_table
from learninghub.importing.reading import CELL_LIMIT
from learninghub.importing.workbook_guard import MAX_RATIO, MAX_UNPACKED
from tests.databases import snapshot
from tests.importing.conftest import write_csv, write_xlsx, write_zip_bomb


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


def frozen(db: Any) -> tuple[Any, ...]:
    """What must not change when an import is refused: every row, and on SQLite the file's bytes."""
    rows = snapshot(db)  # first: a checkpoint it may cause is not the import's doing
    path = db.target.sqlite_path
    if path is None:
        return (rows,)
    wal = Path(f"{path}-wal")
    return (rows, path.read_bytes(), wal.read_bytes() if wal.exists() else b"")


def unchanged(db: Any, before: tuple[Any, ...]) -> bool:
    path = db.target.sqlite_path
    if path is not None:
        wal = Path(f"{path}-wal")
        files = (path.read_bytes(), wal.read_bytes() if wal.exists() else b"")
        if files != before[1:]:
            return False
    return snapshot(db) == before[0]


def refusal(db: Any, path: Path, **kw: Any) -> str:
    """The one-line refusal of importing ``path`` (dry run and real), having changed nothing."""
    before = frozen(db)
    messages = []
    for dry_run in (True, False):
        with pytest.raises(LearningHubError) as info:
            import_people(db, path, dry_run=dry_run, **kw)
        messages.append(str(info.value))
    assert unchanged(db, before), "a refused import changed the database"
    assert messages[0] == messages[1] and "\n" not in messages[0] and "Traceback" not in messages[0]
    return messages[0]


def person_rows(count: int, start: int = 2) -> list[list[str]]:
    return [[f"Person{i} Example", f"p{i}@example.org", "Note"] for i in range(start, start + count)]


# --- 1. a cell over the csv module's field limit ------------------------------------------------

def test_a_cell_over_the_csv_limit_is_a_problem_at_its_row_and_column(db, files: Path) -> None:
    rows = [["Name", "Email", "Notes"], *person_rows(15), ["Ana Ruiz", "ana@example.es", "x" * 200_000],
            ["Tom Berg", "tom@example.se", ""]]
    message = refusal(db, write_csv(files / "long.csv", rows))
    assert message == ("long.csv: row 17, column Notes: the cell holds 200,000 characters, more than the 131,072 a "
                       "cell may have (no field takes more than 20,000)")
    quoted = files / "quoted.csv"  # a quoted cell with line breaks in it, over the limit
    quoted.write_text('Name,Email,Notes\r\nAna Ruiz,ana@example.es,"' + "line\r\n" * 30_000 + '"\r\n', encoding="utf-8")
    assert refusal(db, quoted).startswith("quoted.csv: row 2, column Notes: the cell holds 180,000 characters")
    header = files / "header.csv"
    header.write_text("Name," + "h" * 140_000 + "\r\nAna Ruiz,x\r\n", encoding="utf-8")
    assert refusal(db, header).startswith("header.csv: row 1, column 2: the cell holds 140,000 characters")
    assert csv.field_size_limit() == CELL_LIMIT  # refused, not allowed by raising the limit


def test_a_long_cell_under_the_limit_is_a_problem_of_its_field(db, files: Path) -> None:
    rows = [["Name", "Email", "Notes"], ["Ana Ruiz", "ana@example.es", "x" * 100_000]]
    before = frozen(db)
    plan = import_people(db, write_csv(files / "notes.csv", rows), dry_run=True)
    assert [str(p) for p in plan.problems] == ["row 2, column Notes: is longer than 20,000 characters"]
    with pytest.raises(ImportRefused):
        import_people(db, write_csv(files / "notes.csv", rows))
    assert unchanged(db, before)


# --- 2. an unclosed quote -----------------------------------------------------------------------

def test_an_unclosed_quote_is_reported_where_it_opened_not_read_as_one_row(db, files: Path) -> None:
    path = files / "unclosed.csv"
    path.write_text("Name,Email,Organisation\r\nAna Ruiz,ana@example.es,Ajuntament\r\n"
                    '"Tom Berg,tom@example.se,Tongji\r\n'
                    + "".join(f"Person{i} Example,p{i}@example.org,Org\r\n" for i in range(40)), encoding="utf-8")
    assert refusal(db, path) == (
        'unclosed.csv: row 3, column Name: a quote (") opens this cell and is never closed, so everything after it '
        "to the end of the file (line 43) would be one cell; close the quote or remove it")


def test_a_quote_closed_rows_later_by_another_quote_is_caught(db, files: Path) -> None:
    path = files / "stray.csv"
    path.write_text("Name,Email,Organisation\r\nAna Ruiz,ana@example.es,Ajuntament\r\n"
                    '"Tom Berg,tom@example.se,Tongji\r\n'
                    + "".join(f"Person{i} Example,p{i}@example.org,Org\r\n" for i in range(5))
                    + 'Eva Novak,eva@example.cz,"Charles" University\r\nLast One,last@example.org,X\r\n',
                    encoding="utf-8")
    assert refusal(db, path) == (
        'stray.csv: row 3, column Name: a quote (") opens this cell and runs on over 6 lines that read as rows of '
        "their own (to line 9): a closing quote is missing, or one quote too many")


def test_cells_with_line_breaks_that_are_no_rows_still_import(db, files: Path) -> None:
    path = files / "notes.csv"
    path.write_text('Name,Email,Notes\r\nAna Ruiz,ana@example.es,"Carrer Major 1,\r\nBarcelona\r\n08001"\r\n'
                    'Tom Berg,tom@example.se,"one, two\r\nthree"\r\n', encoding="utf-8")
    plan = import_people(db, path)
    assert plan.counts["created"] == 2
    with db.reading() as s:
        ana = people.list_people(s, search_text="Ruiz")[0]
        assert ana.notes == "Carrer Major 1,\r\nBarcelona\r\n08001"


# --- 3. XLSX zip bombs and what is no workbook ------------------------------------------------

def test_a_zip_bomb_is_refused_before_anything_unpacks_it(db, files: Path) -> None:
    bomb = write_zip_bomb(files / "bomb.xlsx")  # 1 GiB of cells
    assert bomb.stat().st_size < 3 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        message = refusal(db, bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10  # (two refusals and the database snapshots)
    assert peak < 64 * 1024 * 1024  # the file is read, never what it unpacks to
    assert message == ('bomb.xlsx: is refused unread: it would unpack to 1,023 MB, more than the 256 MB a workbook '
                       'may take (a "zip bomb"?); split it, or save it as CSV')
    assert MAX_UNPACKED == 256 * 1024 * 1024


def test_a_part_packed_more_than_a_sheet_can_be_is_refused(db, files: Path) -> None:
    bomb = write_zip_bomb(files / "dense.xlsx", 40 * 1024 * 1024)  # under the size cap, packed ~500 times
    message = refusal(db, bomb)
    assert message.startswith("dense.xlsx: is refused unread: its part xl/worksheets/sheet1.xml packs 40 MB into ")
    assert message.endswith(f'more than {MAX_RATIO} times (a "zip bomb"?); a real sheet packs 5 to 30 times')


def test_a_part_lying_about_its_size_is_refused(db, files: Path) -> None:
    liar = write_zip_bomb(files / "liar.xlsx", 40 * 1024 * 1024, declared=4096)
    assert refusal(db, liar) == ("liar.xlsx: is a damaged or unusual ZIP archive, not a workbook we can read "
                                 "(Bad CRC-32 for file 'xl/worksheets/sheet1.xml')")


@pytest.mark.parametrize(("content", "said"), [
    (b"Name,Email\r\nAna Ruiz,ana@example.es\r\n",
     "the name says Excel workbook (.xlsx) but the file is CSV or other text"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "the name says Excel workbook (.xlsx) but the file is a PDF document"),
    (b"\x00\x01\x02\xff" * 64, "the name says Excel workbook (.xlsx) but the file is not a spreadsheet"),
])
def test_a_file_that_is_no_zip_named_xlsx_is_refused_in_plain_words(db, files: Path, content: bytes,
                                                                    said: str) -> None:
    path = files / "people.xlsx"
    path.write_bytes(content)
    assert refusal(db, path) == f"people.xlsx: {said}"


def test_a_truncated_workbook_is_refused_as_damaged(db, files: Path) -> None:
    whole = write_xlsx(files / "whole.xlsx", [["Name", "Email"], ["Ana Ruiz", "ana@example.es"]]).read_bytes()
    cut = files / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert refusal(db, cut) == ("cut.xlsx: is a damaged ZIP archive (cut short, or not wholly copied?), not a "
                                "workbook we can read")


@pytest.mark.parametrize("formula", [False, True])  # without formulas calamine reads the sheet, with them openpyxl
def test_entities_expanding_a_billion_times_are_refused(db, files: Path, formula: bool) -> None:
    import zipfile

    base = write_xlsx(files / "base.xlsx", [["Name", "Organisation"], ["Ana Ruiz", "=1+1" if formula else "x"]])
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol0 "lolololololololololol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)) + "]>")
    path = files / "laughs.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = (laughs + data.decode().replace("Ana Ruiz", "&lol9;")).encode()
            out.writestr(info, data)
    message = refusal(db, path)
    assert message.startswith("laughs.xlsx: is not a readable Excel workbook (")


def test_a_row_wider_than_a_sheet_of_people_is_refused_but_empty_cells_at_its_end_are_not(db, files: Path) -> None:
    wide = files / "wide.csv"
    wide.write_text("Name,Email\r\nAna Ruiz,ana@example.es" + ",x" * 5_000 + "\r\n", encoding="utf-8")
    assert refusal(db, wide) == ("wide.csv: row 2, column 5002: the row fills 5,002 columns, more than the 1,000 a "
                                 "sheet of people may have")
    padded = files / "padded.csv"  # a sheet saved with its formatting out to column XFD
    padded.write_text("Name,Email" + "," * 16_382 + "\r\nAna Ruiz,ana@example.es" + "," * 16_382 + "\r\n",
                      encoding="utf-8")
    table = read_table(padded)
    assert (table.headers, table.rows) == (["Name", "Email"], [["Ana Ruiz", "ana@example.es"]])
    assert import_people(db, padded).counts["created"] == 1


def test_a_file_over_the_size_cap_is_refused_unread(db, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from learninghub.importing import reading

    monkeypatch.setattr(reading, "MAX_FILE", 1024 * 1024)  # 256 MB in truth: the test writes 2 MB
    path = files / "huge.csv"
    path.write_bytes(b"Name,Email\r\n" + b"Ana Ruiz,a@x.es\r\n" * (2 * 1024 * 1024 // 17))
    assert refusal(db, path) == "huge.csv: is 2 MB, more than the 1 MB a file of people may be; split it"


# --- 4. names of only invisible characters -----------------------------------------------------

@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200c\u200d\u2060", "\ufeff", "\u202e\u202c", "\u3164", "\u00ad "])
def test_a_name_of_only_invisible_characters_is_a_problem_at_its_row_and_column(db, files: Path, name: str) -> None:
    rows = [["Family name", "Given name", "Email"], ["Ruiz", "Ana", "ana@example.es"], [name, name, "zw@example.org"]]
    for path in (write_csv(files / "zw.csv", rows), write_xlsx(files / "zw.xlsx", rows)):
        before = frozen(db)
        plan = import_people(db, path, dry_run=True)
        assert [(p.row, p.column) for p in plan.problems] == [(3, "Family name")]
        assert str(plan.problems[0]).startswith("row 3, column Family name: no name")
        with pytest.raises(ImportRefused, match="1 problem, nothing was imported: row 3, column Family name"):
            import_people(db, path)
        assert unchanged(db, before)
    single = write_csv(files / "one.csv", [["Name", "Email"], [name, "zw@example.org"]])
    assert [(p.row, p.column) for p in import_people(db, single, dry_run=True).problems] == [(2, "Name")]


# --- 5. a known person the file says something else about -----------------------------------

def test_a_known_person_is_kept_as_stored_unless_updating_is_chosen(db, hub, files: Path) -> None:
    rows = [["Name", "Email", "Organisation", "Phone", "City"],
            ["Jia Li", "LI.JIA@example.cn", "Sichuan University", "+86 28 1234", ""],  # empty city: kept
            ["Ana Ruiz", "ana@example.es", "Ajuntament de Barcelona", "", ""]]
    path = write_csv(files / "known.csv", rows)
    before = frozen(db)
    dry = import_people(db, path, dry_run=True)
    assert unchanged(db, before)
    li = dry.rows[0]
    assert (li.action, li.person_id, li.differences) == ("keep", hub.li, [
        ("organisation", "Chengdu Foreign Affairs Office", "Sichuan University"), ("phone", None, "+86 28 1234")])
    kept = import_people(db, path, seminar_id=hub.seminar)
    assert (kept.counts["kept"], kept.counts["updated"], kept.counts["created"]) == (1, 0, 1)
    assert kept.rows[0].registration == "registered"  # matched and registered all the same
    with db.reading() as s:
        stored = people.get_person(s, hub.li)
        assert (stored.organisation.name, stored.phone, stored.city.name, stored.version) == (
            "Chengdu Foreign Affairs Office", None, "Chengdu", 1)
    updated = import_people(db, path, update_existing=True)
    assert [(r.action, r.changes) for r in updated.rows] == [("update", ["organisation", "phone"]), ("skip", [])]
    with db.reading() as s:
        stored = people.get_person(s, hub.li)
        assert (stored.organisation.name, stored.phone, stored.city.name) == ("Sichuan University", "+86 28 1234",
                                                                              "Chengdu")  # empty never clears


# --- 6. anything at all (hypothesis) ----------------------------------------------------------

KNOWN = ["li.jia@example.cn", "HAN@example.kr", "k.petrov@example.org", "new@example.org", ""]
HEADERS = ["Name", "Family name", "Given name", "姓名", "Email", "邮箱", "Organisation", "City", "Country", "Role",
           "Phone", "Notes", "Registration date", "Title", "", "Whatever"]
cell = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(), max_size=300),  # any code point: controls, surrogates, invisibles
    st.sampled_from(KNOWN + ["\u200b", "\ufeff", '"', '"unclosed', "a\r\nb", "=1+1", "x" * 25_000, "2020-07-15",
                             "15/07/2020", "CN", "Narnia", "manager", "城市管理者", "\x00", "\ud800"]),
)


def _attempt(db: Any, path: Path, hub: Any, choices: Any) -> None:
    """Import ``path`` as a user might; anything but a plan or a LearningHubError fails the test."""
    kw = {"seminar_id": hub.seminar if choices.draw(st.booleans()) else None,
          "update_existing": choices.draw(st.booleans())}
    before = frozen(db)
    try:
        dry = import_people(db, path, dry_run=True, **kw)
    except LearningHubError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        assert unchanged(db, before)
        event("file refused")
        return
    assert unchanged(db, before)
    assert all(p.row is None or p.row >= 1 for p in dry.problems)
    try:
        real = import_people(db, path, **kw)
    except LearningHubError as exc:
        assert dry.problems or not isinstance(exc, ImportRefused), exc
        assert unchanged(db, before)
        event("rows refused" if dry.problems else "import refused")
        return
    assert not dry.problems and real.counts == dry.counts
    event("imported")


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


@FUZZ
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ""]),
       choices=st.data())
def test_random_bytes(db, hub, tmp_path: Path, content: bytes, suffix: str, choices: Any) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(content)
    _attempt(db, path, hub, choices)


@FUZZ
@given(header=st.sampled_from(["", "Name,Email,Notes\r\n", "姓名;邮箱;单位\n", "Name\tCountry\r"]),
       text=st.text(st.characters(), max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "gb18030"]),
       choices=st.data())
def test_random_text(db, hub, tmp_path: Path, header: str, text: str, encoding: str, choices: Any) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes((header + text).encode(encoding, "surrogatepass" if encoding != "gb18030" else "replace"))
    _attempt(db, path, hub, choices)


@FUZZ
@given(headers=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
       rows=st.lists(st.lists(cell, max_size=7), max_size=8), kind=st.sampled_from(["csv", "xlsx"]),
       delimiter=st.sampled_from([",", ";", "\t"]), choices=st.data())
def test_random_cells(db, hub, tmp_path: Path, headers: list[str], rows: list[list[str]], kind: str, delimiter: str,
                      choices: Any) -> None:
    if kind == "csv":
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([headers, *rows])
        path = tmp_path / "cells.csv"
        path.write_bytes(out.getvalue().encode("utf-8", "surrogatepass"))
    else:
        path = tmp_path / "cells.xlsx"
        try:
            write_xlsx(path, [headers, *rows])
        except (IllegalCharacterError, ValueError, UnicodeEncodeError):  # openpyxl writes no control characters
            return
    _attempt(db, path, hub, choices)

