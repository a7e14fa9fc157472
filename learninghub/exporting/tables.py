"""A table (a header row and value rows) written as CSV or XLSX.

CSV is UTF-8 *with* a byte-order mark: without it Excel reads a CSV in the
computer's legacy code page (GBK on a Chinese Windows, Windows-1252 in Europe)
and shows 李佳 or Ελένη as mojibake; with it Excel, LibreOffice, Numbers and
Python's ``utf-8-sig`` all read the text right.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from .atomic import atomic_path
from .cells import csv_cell, is_dangerous

FORMATS = ("csv", "xlsx")
MAX_COLUMN_WIDTH = 50


@dataclass
class Table:
    """What a sheet shows. ``rows`` hold plain values: str, int, float, bool, date, None."""

    headers: list[str]
    rows: list[list[Any]]
    title: str = "Sheet"
    #: Rows at the bottom shown in bold (totals).
    footer_rows: int = 0
    #: Column index → fixed width (characters); the others fit their contents.
    widths: dict[int, float] = field(default_factory=dict)
    #: Wrap header text (multi-line session headers).
    wrap_headers: bool = False
    #: Columns kept in view when scrolling sideways (names beside a wide matrix).
    frozen_columns: int = 0


def format_of(path: Path, allowed: Sequence[str] = FORMATS) -> str:
    """``csv`` or ``xlsx`` from the file name, refused clearly otherwise."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        names = [f".{x}" for x in allowed]
        if len(names) == 1:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{name}: the file name must end in {suffix}"), where="-o",
                                  name=path.name, suffix=names[0])
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{name}: the file name must end in {suffixes} or {last}"),
                              where="-o", name=path.name, suffixes=" or ".join(names[:-1]), last=names[-1])
    return suffix


def write_table(table: Table, path: Path) -> Path:
    """Write ``table`` to ``path`` (CSV or XLSX by its suffix), atomically."""
    fmt = format_of(Path(path))
    with atomic_path(Path(path)) as tmp:
        if fmt == "csv":
            write_csv(table, tmp)
        else:
            write_xlsx(table, tmp)
    return Path(path)


def write_csv(table: Table, path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_cell(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([csv_cell(_plain(v)) for v in row])


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def display_width(text: str) -> int:
    """Columns a text takes: CJK characters count two, as on screen."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fitting_widths(table: Table) -> list[float]:
    widths = []
    for i, header in enumerate(table.headers):
        if i in table.widths:
            widths.append(table.widths[i])
            continue
        lines = [*header.split("\n"), *(str(_plain(r[i])) for r in table.rows if r[i] is not None)]
        longest = max((display_width(line) for text in lines for line in text.split("\n")), default=0)
        widths.append(min(MAX_COLUMN_WIDTH, max(6, longest + 2)))
    return widths


def write_xlsx(table: Table, path: Path) -> None:
    """Header row bold and frozen, columns as wide as their text, every text an explicit string.

    openpyxl's write-only mode streams rows to the file (several times faster than building
    the sheet in memory); plain values are appended as they are, and only the cells that
    need it (header, totals, formula-like text) become styled cells.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    add_sheet(wb, table)
    wb.save(path)


def write_workbook(tables: Sequence[Table], path: Path) -> Path:
    """Several tables, one sheet each (titles made unique), written atomically to an XLSX file."""
    from openpyxl import Workbook

    format_of(Path(path), ("xlsx",))
    wb = Workbook(write_only=True)
    used: set[str] = set()
    for table in tables:
        title, n = sheet_title(table.title), 2
        while title.casefold() in used:
            suffix = f" ({n})"
            title, n = sheet_title(table.title)[:31 - len(suffix)] + suffix, n + 1
        used.add(title.casefold())
        add_sheet(wb, Table(table.headers, table.rows, title, table.footer_rows, table.widths, table.wrap_headers,
                            table.frozen_columns))
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)


def add_sheet(wb: Any, table: Table) -> None:
    """``table`` as a new sheet of the write-only workbook ``wb``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(sheet_title(table.title))
    ws.freeze_panes = f"{get_column_letter(table.frozen_columns + 1)}2"
    widths = _fitting_widths(table)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def styled(value: Any, *, strong: bool = False, wrapped: bool = False) -> Any:
        cell = WriteOnlyCell(ws, value=_xml_safe(value) if isinstance(value, str) else value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would take '=...' as a formula
            if is_dangerous(value):
                cell.quotePrefix = True  # Excel's own mark for "text, though it looks like a formula"
        if strong:
            cell.font = bold
        if wrapped:
            cell.alignment = wrap
        return cell

    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return styled(value) if is_dangerous(value) else _xml_safe(value)
        return value

    if table.wrap_headers:
        lines = min(8, max((_wrapped_lines(h, w) for h, w in zip(table.headers, widths)), default=1))
        ws.row_dimensions[1].height = 15 * lines
    ws.append([styled(h, strong=True, wrapped=table.wrap_headers) for h in table.headers])
    first_footer = len(table.rows) - table.footer_rows
    for index, row in enumerate(table.rows):
        if index >= first_footer:
            ws.append([styled(v, strong=True) for v in row])
        else:
            ws.append([plain(v) for v in row])


def _wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a wrapped cell ``width`` characters wide."""
    room = max(1, int(width) - 1)
    return sum(max(1, -(-display_width(line) // room)) for line in text.split("\n"))


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_safe(text: str) -> str:
    """XLSX is XML: control characters other than tab / newline / CR cannot be stored; drop them."""
    return _ILLEGAL.sub("", text)


def sheet_title(text: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip() or "Sheet"
    return cleaned[:31]
