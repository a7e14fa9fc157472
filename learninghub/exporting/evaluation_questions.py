"""A questionnaire's questions for the online form tools: a text to paste, or a CSV/XLSX listing.

Why titles exactly as the importer reads them: a question built in Microsoft Forms, Google
Forms or 问卷星 from this listing comes back in the tool's result file under the same title,
so the import maps its column without help ('How useful was this session? [Opening]').
The text follows 问卷星's batch-entry layout (title with its kind in brackets, one option a
line, a blank line between questions), which Microsoft Forms' quick import also reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.evaluations.results import EvaluationResults, QuestionResult
from .atomic import atomic_path
from .tables import Table, format_of, write_table

_KIND = {"rating": ("Rating 1–5", "量表题"), "single": ("Single choice", "单选题"),
         "multiple": ("Multiple choice", "多选题"), "text": ("Text", "填空题")}


def title(q: QuestionResult, lang: str) -> str:
    """The question's title in ``lang`` (en, zh, en+zh), as the importer matches it."""
    if lang == "zh":
        return q.title(zh=True)
    if lang == "en+zh" and q.text_zh:
        text = f"{q.text} / {q.text_zh}"
        about = f"{q.about} / {q.about_zh}" if q.about and q.about_zh else q.about
        return f"{text} [{about}]" if about else text
    return q.title()


def _options(q: QuestionResult, lang: str) -> list[str]:
    labels = []
    for n, (en, zh) in enumerate(q.options, 1):
        label = zh or en if lang == "zh" else f"{en} / {zh}" if lang == "en+zh" and zh else en
        labels.append(f"{n} {label}" if q.kind == "rating" else label)
    return labels


def as_text(results: EvaluationResults, lang: str = "en") -> str:
    """The questions in 问卷星's batch-entry layout."""
    blocks = []
    for n, q in enumerate(results.questions, 1):
        kind = _KIND[q.kind][1 if lang == "zh" else 0]
        mark = "*" if q.required else ""
        blocks.append("\n".join([f"{n}. {title(q, lang)}{mark}[{kind}]", *_options(q, lang)]))
    return "\n\n".join(blocks) + "\n"


def as_table(results: EvaluationResults, lang: str = "en") -> Table:
    headers = ["No.", "Question", "Kind", "Required", "Options"]
    rows: list[list[Any]] = [[n, title(q, lang), q.kind, "yes" if q.required else "", "\n".join(_options(q, lang))]
                             for n, q in enumerate(results.questions, 1)]
    return Table(headers, rows, title="Questions")


def write_questions(results: EvaluationResults, path: Path, lang: str = "en") -> Path:
    """Write the listing: .txt to paste, .csv or .xlsx to keep."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        with atomic_path(path) as tmp:
            Path(tmp).write_text(as_text(results, lang), encoding="utf-8")
        return path
    format_of(path, ("txt", "csv", "xlsx"))
    return write_table(as_table(results, lang), path)
