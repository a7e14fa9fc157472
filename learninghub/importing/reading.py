"""Reading a people spreadsheet (CSV in any of the encodings offices save, or XLSX) into rows of text.

Why strict, ordered decoding instead of a statistical guess: the encodings we meet are
few (UTF-8, UTF-8 with BOM, UTF-16, GB18030/GBK from Chinese Excel) and a guesser
confuses short GBK files with Latin code pages. A byte-order mark decides first; then
NUL patterns (UTF-16 without BOM); then UTF-8, which rarely decodes anything else;
then GB18030, accepted only when the text it yields is plainly Chinese; then Windows-1252.
Anything that is not a spreadsheet is refused with a sentence saying what it is.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP, Text, say
from .workbook_guard import inspect_zip, megabytes

#: Delimiters we accept, in the order we prefer them on a tie.
DELIMITERS = (",", ";", "\t", "|")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", QT_TRANSLATE_NOOP("core", "a PDF document")),
    (b"\x89PNG", QT_TRANSLATE_NOOP("core", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("core", "a JPEG image")),
    (b"GIF8", QT_TRANSLATE_NOOP("core", "a GIF image")),
    (b"\xd0\xcf\x11\xe0", QT_TRANSLATE_NOOP("core", "an old Excel (.xls) or Word file; save it as .xlsx or CSV")),
    (b"SQLite format 3", QT_TRANSLATE_NOOP("core", "an SQLite database")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("core", "a gzip archive")),
    (b"Rar!", QT_TRANSLATE_NOOP("core", "a RAR archive")),
    (b"7z\xbc\xaf", QT_TRANSLATE_NOOP("core", "a 7-Zip archive")),
)
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SANDWICHED = re.compile(r"[A-Za-z][\u4e00-\u9fff][A-Za-z]")
#: What a GB18030 file from a Chinese office holds beyond ASCII: Chinese, punctuation, full-width
#: forms, and the Korean, Japanese, Cyrillic, Greek and accented Latin letters GB18030 also encodes.
_EXPECTED_IN_GB18030 = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
    r"\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u00b7]")


@dataclass
class Table:
    """A spreadsheet as the importer sees it: header texts and data rows of text."""

    headers: list[str]
    rows: list[list[str]]
    #: The row number the spreadsheet shows for each data row (the header is row 1).
    row_numbers: list[int]
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> Text:
        """'CSV, GB18030, comma-separated' — shown to the user so a wrong guess is visible."""
        if self.kind == "xlsx":
            return say(QT_TRANSLATE_NOOP("core", "XLSX workbook, sheet {sheet!r}"), sheet=self.extra.get("sheet", "?"))
        encoding: str | None = self.encoding
        if encoding == "UTF-8 with BOM":
            encoding = say(QT_TRANSLATE_NOOP("core", "UTF-8 with BOM"))
        delimiter = self.delimiter or ","
        if delimiter == "\t":
            return say(QT_TRANSLATE_NOOP("core", "CSV, {encoding}, tab-separated"), encoding=encoding)
        if delimiter == ",":
            return say(QT_TRANSLATE_NOOP("core", "CSV, {encoding}, comma-separated"), encoding=encoding)
        if delimiter == ";":
            return say(QT_TRANSLATE_NOOP("core", "CSV, {encoding}, semicolon-separated"), encoding=encoding)
        if delimiter == "|":
            return say(QT_TRANSLATE_NOOP("core", "CSV, {encoding}, bar-separated"), encoding=encoding)
        return say(QT_TRANSLATE_NOOP("core", "CSV, {encoding}, {delimiter}-separated"), encoding=encoding,
                   delimiter=delimiter)


def refuse(path: Path, message: str, **params: object) -> ValidationError:
    """A refusal of the file at ``path``: ``message`` is a marked template (or a ready Text)."""
    return ValidationError(message, where=path.name, **params)


def read_table(path: str | Path) -> Table:
    """The spreadsheet at ``path``; refuses empty, binary and mislabelled files clearly."""
    path = Path(path)
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_FILE:
            raise refuse(path, QT_TRANSLATE_NOOP("core", "is {size}, more than the {cap} a file of people may be; "
                                                         "split it"), size=megabytes(size), cap=megabytes(MAX_FILE))
        data = path.read_bytes()
    except FileNotFoundError:
        raise refuse(path, QT_TRANSLATE_NOOP("core", "there is no such file")) from None
    except IsADirectoryError:
        raise refuse(path, QT_TRANSLATE_NOOP("core", "is a folder, not a spreadsheet")) from None
    except OSError as exc:
        raise refuse(path, QT_TRANSLATE_NOOP("core", "cannot be read ({reason})"), reason=exc.strerror) from None
    if not data.strip():
        raise refuse(path, QT_TRANSLATE_NOOP("core", "the file is empty: no header row and no people"))
    suffix = path.suffix.lower()
    is_zip = data.startswith(b"PK\x03\x04")
    try:
        workbook = is_zip and _is_workbook(data)
    except ValidationError as exc:
        raise refuse(path, exc.message) from None
    if suffix in (".xlsx", ".xlsm"):
        if not is_zip:
            what = _magic(data) or (say(QT_TRANSLATE_NOOP("core", "CSV or other text")) if _looks_text(data)
                                    else say(QT_TRANSLATE_NOOP("core", "not a spreadsheet")))
            raise refuse(path, QT_TRANSLATE_NOOP("core", "the name says Excel workbook (.xlsx) but the file is {what}"),
                         what=what)
        if not workbook:
            raise refuse(path, QT_TRANSLATE_NOOP("core", "the name says Excel workbook (.xlsx) but the file is another "
                                                         "kind of ZIP archive (a Word or OpenDocument file?)"))
        return read_xlsx(path, data)
    if suffix == ".xls" and data.startswith(b"\xd0\xcf\x11\xe0"):
        raise refuse(path, QT_TRANSLATE_NOOP("core", "is an old Excel (.xls) file; save it as .xlsx or CSV in Excel "
                                                     "and import that"))
    if is_zip:
        if workbook:
            if not suffix:
                raise refuse(path, QT_TRANSLATE_NOOP("core", "the name says text but the file is an Excel workbook; "
                                                             "rename it to .xlsx"))
            raise refuse(path, QT_TRANSLATE_NOOP("core", "the name says {suffix} but the file is an Excel workbook; "
                                                         "rename it to .xlsx"), suffix=suffix)
        raise refuse(path, QT_TRANSLATE_NOOP("core", "is a ZIP archive, not a spreadsheet"))
    what = _magic(data)
    if what:
        raise refuse(path, QT_TRANSLATE_NOOP("core", "is {what}, not a spreadsheet (CSV or XLSX)"), what=what)
    return read_csv_bytes(data, path)


def _magic(data: bytes) -> Text | None:
    """What the bytes are, by their first bytes ("a PDF document"), or None."""
    return next((Text(what) for magic, what in _MAGIC if data.startswith(magic)), None)


def _looks_text(data: bytes) -> bool:
    try:
        decode(data)
    except ValueError:
        return False
    return True


def _is_workbook(data: bytes) -> bool:
    """Whether the ZIP archive ``data`` is an Excel workbook; refuses a damaged one (cut short...)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "xl/workbook.xml" in z.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is a damaged ZIP archive (cut short, or not wholly "
                                                        "copied?), not a workbook we can read")) from None


# --- CSV ---------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or ValueError when the bytes are no text we know."""
    for bom, name, codec in (
        (codecs.BOM_UTF8, "UTF-8 with BOM", "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
        (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
        (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data, codec, name)
    sample = data[:4096]
    if b"\x00" in sample:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.1:
            return _checked(data, "utf-16-le", "UTF-16 LE")
        if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.1:
            return _checked(data, "utf-16-be", "UTF-16 BE")
        raise ValueError("binary")
    for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030")):
        try:
            text, _ = _checked(data, codec, name)
        except ValueError:
            continue
        if codec == "gb18030" and not _plainly_chinese(text):
            break
        return text, name
    return _checked(data, "cp1252", "Windows-1252")


def _checked(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise ValueError(codec) from None
    if _BINARY_CONTROLS.search(text):
        raise ValueError("binary")
    return text, name


def _plainly_chinese(text: str) -> bool:
    """GB18030 decodes most byte soup; accept it when nearly all non-ASCII is common Chinese."""
    if _SANDWICHED.search(text):
        return False  # 'Müller' in Windows-1252 reads as 'M黮ler' in GB18030
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    common = sum(1 for ch in non_ascii if _EXPECTED_IN_GB18030.match(ch))
    return common >= len(non_ascii) * 0.95


#: The csv module's limit on one cell (its default, 131,072 characters). Kept, not raised: no field
#: takes more than 20,000 (notes), so a longer cell is a mistake to report, never a value to store.
CELL_LIMIT = 131_072
#: What the delimiter is guessed from: the first lines, at most this many characters.
_SNIFF_CHARS = 65_536
_SNIFFER_CHARS = 8_192


def sniff_delimiter(text: str) -> str:
    """The delimiter of ``text``: csv.Sniffer when its answer splits the header, else the
    candidate that splits the first lines into the most equal, widest rows."""
    lines: list[str] = []
    size = 0
    for line in io.StringIO(text[:_SNIFF_CHARS * 2], newline=""):
        if not line.strip():
            continue
        lines.append(line.rstrip("\r\n")[:_SNIFF_CHARS])
        size += len(lines[-1])
        if len(lines) >= 50 or size >= _SNIFF_CHARS:
            break
    sample = "\n".join(lines)
    try:  # the Sniffer's patterns can take quadratic time on hostile text: it reads the first lines only
        sniffed = csv.Sniffer().sniff(sample[:_SNIFFER_CHARS], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    best, best_score = ",", (0, 0.0)
    for candidate in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=candidate))
        except csv.Error:  # a cell over the limit: this candidate cannot be judged here
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        same = sum(1 for r in rows if len(r) == width) / len(rows)
        score = (1 if same >= 0.8 else 0, same * width)
        if candidate == sniffed and same >= 0.8:
            return candidate
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv_bytes(data: bytes, path: Path) -> Table:
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        if str(exc) == "binary":
            raise refuse(path, QT_TRANSLATE_NOOP("core", "is not a text spreadsheet (CSV) or an XLSX workbook: its "
                                                         "bytes are binary data")) from None
        raise refuse(path, QT_TRANSLATE_NOOP("core", "its text is in no encoding we can read (UTF-8, UTF-16, "
                                                     "GB18030, Windows-1252); save it as \"CSV UTF-8\" and import "
                                                     "that")) from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise refuse(path, QT_TRANSLATE_NOOP("core", "the file is empty: no header row and no people"))
    # Excel's own hint on the first line ("sep=;"): Excel does not show it, nor count it as a row.
    hint = re.match(r"sep=(.)\r?\n", text)
    if hint:
        text = text[hint.end():]
    delimiter = hint.group(1) if hint else sniff_delimiter(text)
    # Split as the csv module splits (\r\n, \r or \n), so a record's lines can be looked at again.
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    while True:
        start = reader.line_num  # lines read before this record: it starts on line start + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _malformed(path, lines, start, delimiter, headers, str(exc)) from None
        # The row number a spreadsheet shows: a quoted cell with line breaks is still one row.
        number = start + 1
        if reader.line_num - start > 1 or reader.line_num == len(lines):
            _check_quotes(path, lines, start, reader.line_num, delimiter, headers)
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > MAX_COLUMNS:
            _check_width(path, number, record)
        if headers is None:
            headers = _trimmed([cell.strip() for cell in record], 0)
            continue
        rows.append(_trimmed(record, len(headers)))
        numbers.append(number)
    if headers is None:
        raise refuse(path, QT_TRANSLATE_NOOP("core", "the file is empty: no header row and no people"))
    return Table(headers, rows, numbers, "csv", encoding, delimiter, source=path.name)


#: The most columns a sheet of people may fill: the app shows a chooser for each one.
MAX_COLUMNS = 1_000
#: The largest file read at all (it is read whole into memory): 256 MB.
MAX_FILE = 256 * 1024 * 1024


def _trimmed(cells: list[str], keep: int) -> list[str]:
    """``cells`` without the empty ones at the end beyond the first ``keep`` (a sheet formatted to
    column XFD reads as rows of 16,384 cells)."""
    end = len(cells)
    while end > keep and not cells[end - 1].strip():
        end -= 1
    return cells if end == len(cells) else cells[:end]


def _check_width(path: Path, row: int, cells: list[str]) -> None:
    """Refuse a row filling more than MAX_COLUMNS columns (empty cells at its end do not count)."""
    last = max((i for i, cell in enumerate(cells) if cell.strip()), default=-1)
    if last >= MAX_COLUMNS:
        raise _at(path, row, str(last + 1), say(QT_TRANSLATE_NOOP(
            "core", "the row fills {count} columns, more than the {cap} a sheet of people may have"),
            count=f"{last + 1:,}", cap=f"{MAX_COLUMNS:,}"))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class _Cell:
    """Where a cell of a CSV record lies in the record's text, as the csv module reads it."""

    index: int
    start: int
    end: int
    quoted: bool
    closed: bool


def _scan_record(text: str, delimiter: str) -> list[_Cell]:
    """The cells of the first record of ``text``, read by the csv module's rules (a quote opens a
    cell only as its first character, two quotes inside are one, no strict mode). For reporting
    only: it finds where a quote opened and whether it closed, with str.find, not char by char."""
    stop = re.compile(f"[{re.escape(delimiter)}\r\n]")
    cells: list[_Cell] = []
    pos, n = 0, len(text)
    while True:
        start, quoted, closed = pos, pos < n and text[pos] == '"', True
        if quoted:
            closed, pos = False, pos + 1
            while (quote := text.find('"', pos)) >= 0:
                if text.startswith('"', quote + 1):
                    pos = quote + 2
                    continue
                pos, closed = quote + 1, True
                break
            else:
                pos = n
        if closed:
            found = stop.search(text, pos)
            pos = found.start() if found else n
        cells.append(_Cell(len(cells), start, pos, quoted, closed))
        if pos >= n or text[pos] in "\r\n":
            return cells
        pos += 1


def _column(headers: list[str] | None, index: int) -> str:
    """The column as the user names it: its header, else its number."""
    if headers and index < len(headers) and headers[index]:
        return headers[index]
    return str(index + 1)


def _at(path: Path, row: int, column: str, message: Text) -> ValidationError:
    """A refusal of the file naming the row and column, 'row 5, column Name: …' (``message``: ``say(...)``)."""
    from .checking import Problem

    problem = Problem(row, column, message)
    error = refuse(path, problem.as_text())
    error.problem = problem  # type: ignore[attr-defined]  # the app lists it by row and column
    return error


def _unclosed(path: Path, lines: list[str], start: int, cell: _Cell, headers: list[str] | None) -> ValidationError:
    return _at(path, start + 1, _column(headers, cell.index), say(QT_TRANSLATE_NOOP(
        "core", "a quote (\") opens this cell and is never closed, so everything after it to the end of the file "
                "(line {last}) would be one cell; close the quote or remove it"), last=len(lines)))


def _malformed(path: Path, lines: list[str], start: int, delimiter: str, headers: list[str] | None,
               error: str) -> ValidationError:
    """The csv module stopped in the record starting after line ``start``: say where and why."""
    cells = _scan_record("".join(lines[start:]), delimiter)
    for cell in cells:
        if cell.quoted and not cell.closed:
            return _unclosed(path, lines, start, cell, headers)
    for cell in cells:
        length = cell.end - cell.start - (2 if cell.quoted else 0)
        if length > CELL_LIMIT:
            return _at(path, start + 1, _column(headers, cell.index), say(QT_TRANSLATE_NOOP(
                "core", "the cell holds {length} characters, more than the {limit} a cell may have (no field "
                        "takes more than 20,000)"), length=f"{length:,}", limit=f"{CELL_LIMIT:,}"))
    return refuse(path, QT_TRANSLATE_NOOP("core", "line {line}: the CSV is malformed ({error})"),
                  line=start + 1, error=error)


def _check_quotes(path: Path, lines: list[str], start: int, end: int, delimiter: str,
                  headers: list[str] | None) -> None:
    """Refuse a record whose quote swallowed what follows: one never closed (to the end of the
    file), or a cell running over line breaks whose lines read as rows of the file themselves."""
    text = "".join(lines[start:end])
    width = len(headers) if headers else 0
    for cell in _scan_record(text, delimiter):
        if not cell.quoted:
            continue
        if not cell.closed and end == len(lines):
            raise _unclosed(path, lines, start, cell, headers)
        inner = _LINE_BREAK.split(text[cell.start:cell.end])[1:]
        if width < 2 or len(inner) < 2:
            continue
        rowlike = sum(1 for line in inner if line.count(delimiter) == width - 1)
        if rowlike >= 2 and rowlike * 2 >= len(inner):
            raise _at(path, start + 1, _column(headers, cell.index), say(QT_TRANSLATE_NOOP(
                "core", "a quote (\") opens this cell and runs on over {lines} lines that read as rows of their "
                        "own (to line {last}): a closing quote is missing, or one quote too many"),
                lines=len(inner), last=start + len(inner) + 1))


# --- XLSX --------------------------------------------------------------------------------------

def read_xlsx(path: Path, data: bytes | None = None) -> Table:
    """The first worksheet. Formulas come back as their text, never evaluated:
    ``=HYPERLINK(...)`` is stored as those characters.

    Why two readers: calamine (Rust) reads 10,000 rows in ~20 ms where openpyxl takes
    ~2 s, but it only sees a formula's cached result; a workbook with formulas is read
    with openpyxl (read_only, data_only=False) to get the formula text itself.
    """
    data = path.read_bytes() if data is None else data
    try:
        formulas = inspect_zip(data)
        rows = _openpyxl_rows(data) if formulas else _calamine_rows(data)
    except ValidationError as exc:
        raise refuse(path, exc.message) from None
    except Exception as exc:  # both readers raise many kinds for a damaged file
        raise refuse(path, QT_TRANSLATE_NOOP("core", "is not a readable Excel workbook ({kind}: {error})"),
                     kind=type(exc).__name__, error=str(exc)) from None
    sheet, values = rows
    headers: list[str] | None = None
    texts: list[list[str]] = []
    numbers: list[int] = []
    for number, row in enumerate(values, start=1):
        cells = [cell_text(v) for v in row]
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > MAX_COLUMNS:
            _check_width(path, number, cells)
        if headers is None:
            headers = _trimmed([c.strip() for c in cells], 0)
            continue
        texts.append(_trimmed(cells, len(headers)))
        numbers.append(number)
    if not headers:
        raise refuse(path, QT_TRANSLATE_NOOP("core", "the workbook is empty: no header row and no people"))
    return Table(headers, texts, numbers, "xlsx", source=path.name, extra={"sheet": sheet})


def _calamine_rows(data: bytes) -> tuple[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    if not workbook.sheet_names:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "the workbook has no worksheet"))
    first: tuple[str, list[list[Any]]] | None = None
    for index in range(len(workbook.sheet_names)):
        sheet = workbook.get_sheet_by_index(index)
        # Not skipping the empty area keeps row numbers as the spreadsheet shows them (from A1).
        rows = sheet.to_python(skip_empty_area=False)
        first = first or (sheet.name, rows)
        if _has_content(rows):
            return sheet.name, rows  # the first sheet with anything in it
    assert first is not None
    return first


def _has_content(rows: list[list[Any]]) -> bool:
    return any(v not in (None, "") for row in rows for v in row)


def _openpyxl_rows(data: bytes) -> tuple[str, list[list[Any]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        if not workbook.worksheets:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "the workbook has no worksheet"))
        first: tuple[str, list[list[Any]]] | None = None
        for sheet in workbook.worksheets:
            rows = [list(values) for values in sheet.iter_rows(values_only=True)]
            first = first or (sheet.title, rows)
            if _has_content(rows):
                return sheet.title, rows  # the first sheet with anything in it
        assert first is not None
        return first
    finally:
        workbook.close()


def cell_text(value: Any) -> str:
    """A cell as the text a person would read in it (whole numbers without '.0', dates ISO)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
