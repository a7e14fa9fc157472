"""The printable evaluation form: one response per sheet, bilingual, the sessions' names filled in.

Why boxes drawn as shapes and not '☐' characters: a box must print the same in every font and
every language; a drawn square does, and it is what a person ticks with a pen. Ratings of a block
repeated per session or speaker are one grid (a line per session, five boxes), the quickest to fill
and to type back in. Text from the database goes through :class:`.markup.Markup` (escaped, fonts per
script).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ..core.evaluations.results import EvaluationResults, QuestionResult
from .agenda_pdf import pdf_lang, wrap_for
from .fonts import SANS, FontSet, font_set
from .language import DocLanguage, language
from .markup import Markup
from .outcome_sections import both
from .page import CREATOR, Rendered, build, frame_width, styles

BOX = 3.6 * mm
#: Lines left for a free-text answer.
TEXT_LINES = 4

WORDS = {
    "form": ("Evaluation form", "评估问卷"),
    "intro": ("Please tick one box per line (several where it says so). Thank you!",
              "请在每行勾选一项（注明可多选处除外）。谢谢！"),
    "response": ("Response no.", "问卷编号"),
    "multiple": ("(tick all that apply)", "（可多选）"),
    "name": ("Name (optional)", "姓名（选填）"),
    "email": ("Email (optional)", "电子邮件（选填）"),
}


def _w(lg: DocLanguage, key: str, sep: str = " / ") -> str:
    en, zh = WORDS[key]
    return both(lg, en, zh, sep)


def render_evaluation_form(results: EvaluationResults, *, paper: str = "a4", lang: str = "en", copies: int = 1,
                           printed: dt.date | None = None, fonts: FontSet | None = None) -> Rendered:
    """``copies`` blank forms of the seminar's questionnaire, each starting on a new sheet."""
    lg = language(lang)
    markup = Markup(fonts or font_set())
    title = both(lg, results.title, results.title_zh)

    def footer(day: dt.date, page: int, total: int) -> tuple[str, str]:
        return results.seminar_title[:80], _w(lg, "response") + " ______"

    def story(split_rows: bool) -> list[Flowable]:
        one = _one_form(results, markup, lg, paper)
        out: list[Flowable] = []
        for n in range(max(1, copies)):
            if n:
                out.append(PageBreak())
            out += one if n == 0 else _one_form(results, markup, lg, paper)
        return out

    data, pages = build(story, paper=paper, title=f"{title} – {results.seminar_title}", author=CREATOR,
                        subject=_w(lg, "form"), printed=printed, footer=footer, fonts=markup.fonts, lang=pdf_lang(lg))
    return Rendered(data, pages, markup.report("evaluation form"))


def _boxes(n: int, width: float) -> Drawing:
    """``n`` boxes spread over ``width`` (the rating grid's cells)."""
    d = Drawing(width, BOX + 2)
    step = width / n
    for i in range(n):
        d.add(Rect(i * step + (step - BOX) / 2, 1, BOX, BOX, fillColor=None, strokeColor=colors.black,
                   strokeWidth=0.7))
    return d


def _box() -> Drawing:
    d = Drawing(BOX + 2, BOX + 2)
    d.add(Rect(1, 1, BOX, BOX, fillColor=None, strokeColor=colors.black, strokeWidth=0.7))
    return d


def _grid_style(rows: int) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ])


def _rating_grid(rows: list[QuestionResult], labels: list[str], m: Markup, lg: DocLanguage, width: float,
                 label_of: Any, *, key: bool = False) -> Table:
    st = styles()
    first = width * 0.44
    cell = (width - first) / 5
    head = [m.para("", st.head_cell)] + [m.para(f"{n} {label}", wrap_for(label, st.small))
                                         for n, label in enumerate(labels, 1)]
    names = [label_of(q.id if key else q) for q in rows]
    body = [[m.para(name, wrap_for(name, st.cell))] + [_box() for _ in range(5)] for name in names]
    table = Table([head, *body], colWidths=[first] + [cell] * 5, repeatRows=1)
    table.setStyle(_grid_style(len(body)))
    return table


def _one_form(r: EvaluationResults, m: Markup, lg: DocLanguage, paper: str) -> list[Flowable]:
    st = styles()
    width = frame_width(paper)
    out: list[Flowable] = []
    for line in lg.pick(r.title, r.title_zh):
        out.append(m.para(line, wrap_for(line, st.title), bold=True))
    for line in lg.pick(r.seminar_title, r.seminar_title_zh):
        out.append(m.para(line, wrap_for(line, st.heading), bold=True))
    out.append(m.para(_w(lg, "intro"), wrap_for(_w(lg, "intro"), st.info)))
    if not r.anonymous:
        out.append(m.para(f"{_w(lg, 'name')}: ____________________    {_w(lg, 'email')}: ____________________",
                          st.info))
    out.append(Spacer(1, 3 * mm))
    questions = list(r.questions)
    i, number = 0, 0
    while i < len(questions):
        q = questions[i]
        number += 1
        if q.kind == "rating":  # this question and the next ones with the same labels make one grid
            j = i + 1
            while j < len(questions):
                nxt = questions[j]
                if nxt.kind != "rating" or nxt.options != q.options or \
                        (nxt.code != q.code if q.about else bool(nxt.about)):
                    break
                j += 1
            group = questions[i:j]
            labels = [both(lg, en, zh, "\n") for en, zh in q.options]
            if q.about:
                heading = f"{number}. {both(lg, q.text, q.text_zh)}"
                out.append(m.para(heading, wrap_for(heading, st.name), bold=True))
                out.append(_rating_grid(group, labels, m, lg, width, lambda x: both(lg, x.about or "", x.about_zh)))
            else:
                start = number
                number += len(group) - 1
                numbered = {x.id: f"{start + k}. {both(lg, x.text, x.text_zh, chr(10))}" for k, x in enumerate(group)}
                out.append(_rating_grid(group, labels, m, lg, width, numbered.__getitem__, key=True))
            out.append(Spacer(1, 3 * mm))
            i += len(group)
            continue
        heading = f"{number}. {both(lg, q.text, q.text_zh, chr(10))}"
        if q.kind == "multiple":
            heading += " " + _w(lg, "multiple")
        parts: list[Flowable] = [m.para(heading, wrap_for(heading, st.name), bold=True)]
        if q.kind in ("single", "multiple"):
            cells = [[_box(), m.para(both(lg, en, zh), st.cell)] for en, zh in q.options]
            per_line = 3
            rows = [[c for pair in cells[k:k + per_line] for c in pair] for k in range(0, len(cells), per_line)]
            rows = [row + [""] * (2 * per_line - len(row)) for row in rows]
            col = (width / per_line)
            grid = Table(rows, colWidths=[BOX + 4, col - BOX - 4] * per_line)
            grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), SANS, 8),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
            parts.append(grid)
        else:
            lines = Table([[""] for _ in range(TEXT_LINES)], colWidths=[width], rowHeights=[7 * mm] * TEXT_LINES)
            lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999"))]))
            parts.append(lines)
        out.append(KeepTogether(parts))
        out.append(Spacer(1, 3 * mm))
        i += 1
    return out
