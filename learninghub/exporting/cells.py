"""Spreadsheet cells that can never run as formulas ("CSV injection").

A name such as ``=HYPERLINK("http://evil","click")`` or a phone number ``+1 555``
would be taken as a formula by Excel or LibreOffice when the file is opened. Cells
that start with ``= + - @`` or a tab / carriage return are therefore neutralised:

- in CSV, which has no types, by a leading apostrophe (the OWASP advice; Excel and
  LibreOffice show the text, the apostrophe is visible in a text editor);
- in XLSX, by writing an explicit string cell with Excel's own "quote prefix" style,
  so the value stays exactly what the user typed and is still never evaluated.
"""

from __future__ import annotations

from typing import Any

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_dangerous(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(DANGEROUS_STARTS)


def csv_cell(value: Any) -> str:
    """The text written to a CSV cell: empty for None, apostrophe before a formula-like start."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text
