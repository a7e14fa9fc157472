"""The outcome report as a workbook: every section's table on its own sheet.

Numbers stay numbers (rates in per cent), text is written as text and never runs as a formula
(``tables.add_sheet``), headers are frozen, headings in the report's language.
"""

from __future__ import annotations

from pathlib import Path

from ..core.reports.outcome import OutcomeReport
from ..documents.language import as_language
from ..documents.outcome_sections import Section, sections
from .tables import Table, write_workbook


def section_table(section: Section) -> Table:
    """A section as a sheet: its table; a section with nothing in it says so in one row."""
    return Table(section.headers, [list(row) for row in section.rows], title=section.title.split(" / ")[0])


def write_report_xlsx(report: OutcomeReport, path: Path, lang: str = "en") -> int:
    """Write ``report`` to ``path`` (.xlsx); return how many sheets were written."""
    tables = [section_table(s) for s in sections(report, as_language(lang))]
    write_workbook(tables, Path(path))
    return len(tables)
