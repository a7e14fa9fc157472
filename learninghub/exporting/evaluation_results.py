"""A questionnaire's results as a workbook: a sheet per section (questions, per session, per speaker,
choices, comments), numbers as numbers, headings in the chosen language."""

from __future__ import annotations

from pathlib import Path

from ..core.evaluations.results import EvaluationResults
from ..documents.evaluation_sections import sections
from ..documents.language import as_language
from .tables import Table, write_workbook


def write_results_xlsx(results: EvaluationResults, path: Path, lang: str = "en") -> int:
    """Write the results to ``path`` (.xlsx); return how many sheets were written."""
    tables = [Table(s.headers, [list(r) for r in s.rows], title=s.title.split(" / ")[0])
              for s in sections(results, as_language(lang))]
    write_workbook(tables, Path(path))
    return len(tables)
