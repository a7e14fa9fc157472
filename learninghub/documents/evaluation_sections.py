"""A questionnaire's results as sections (a titled table each, most with a chart), in a document language.

Why plain values: the results PDF, the results workbook and the app's Evaluations tab show the same
tables with the same headings; they are made once here, like the outcome report's sections.
"""

from __future__ import annotations

from ..core.evaluations.results import EvaluationResults, QuestionResult
from .language import DocLanguage, as_language
from .outcome_sections import Chart, Section, both

#: Headings: key -> (English, Chinese).
WORDS: dict[str, tuple[str, str]] = {
    "results": ("Evaluation results", "评估结果"),
    "summary": ("Questions", "问题汇总"),
    "per_session": ("Per session", "按日程"),
    "per_speaker": ("Per speaker", "按发言人"),
    "choices": ("Choices", "选择题"),
    "comments": ("Comments", "意见与建议"),
    "question": ("Question", "问题"),
    "session": ("Session", "日程"),
    "speaker": ("Speaker", "发言人"),
    "answered": ("Answers", "回答数"),
    "mean": ("Mean", "平均分"),
    "option": ("Option", "选项"),
    "count": ("Count", "人数"),
    "share": ("Share %", "占比 %"),
    "comment": ("Comment", "意见"),
    "responses": ("Responses", "问卷数"),
    "linked": ("linked to a registration", "已关联报名"),
    "overall": ("Mean of all ratings", "全部评分平均"),
    "none": ("No answers yet.", "尚无回答。"),
}


def said(lg: DocLanguage, key: str, sep: str = " / ") -> str:
    en, zh = WORDS[key]
    return both(lg, en, zh, sep)


def mean_of(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def question_text(lg: DocLanguage, q: QuestionResult) -> str:
    return both(lg, q.text, q.text_zh)


def about(lg: DocLanguage, q: QuestionResult) -> str:
    return both(lg, q.about or "", q.about_zh)


def option_label(lg: DocLanguage, option: tuple[str, str | None]) -> str:
    return both(lg, option[0], option[1])


def sections(results: EvaluationResults, lang: str | DocLanguage = "en") -> list[Section]:
    """Every section in ``lang``: the questions pooled, per session, per speaker, choices, comments."""
    lg = as_language(lang)
    found = [_summary(results, lg)]
    for per, key in (("session", "per_session"), ("speaker", "per_speaker")):
        rows = [q for q in results.questions if q.kind == "rating" and q.about and
                ((q.speaker_id is not None) == (per == "speaker"))]
        if rows:
            found.append(_repeated(rows, lg, key, per))
    found.append(_choices(results, lg))
    found.append(_comments(results, lg))
    return found


def _summary(r: EvaluationResults, lg: DocLanguage) -> Section:
    headers = [said(lg, "question"), said(lg, "answered"), said(lg, "mean"), "1", "2", "3", "4", "5"]
    rows = []
    for b in r.blocks:
        if b.kind != "rating":
            continue
        rows.append([both(lg, b.text, b.text_zh), b.answered, mean_of(b.mean), *b.distribution[:5]])
    rows.append([said(lg, "responses"), r.responses, None, None, None, None, None, None])
    rows.append([said(lg, "overall"), None, mean_of(r.overall_mean), None, None, None, None, None])
    rated = [b for b in r.blocks if b.kind == "rating" and b.mean is not None]
    chart = Chart("bar", [_short(both(lg, b.text, b.text_zh, "\n")) for b in rated], [round(b.mean or 0, 2)
                                                                                      for b in rated]) if rated else None
    return Section("summary", said(lg, "summary"), headers, rows, chart, numeric={1, 2, 3, 4, 5, 6, 7})


def _repeated(rows: list[QuestionResult], lg: DocLanguage, key: str, per: str) -> Section:
    """A line per session (or speaker); the question named once in the title when the block asks one."""
    one = len({q.code for q in rows}) == 1
    title = said(lg, key) + (f" — {question_text(lg, rows[0])}" if one else "")
    asked = [] if one else [said(lg, "question")]
    headers = [said(lg, per), *asked, said(lg, "answered"), said(lg, "mean"), "1", "2", "3", "4", "5"]
    lines = [[about(lg, q), *([] if one else [question_text(lg, q)]), q.answered, mean_of(q.mean),
              *q.distribution[:5]] for q in rows]
    shown = [q for q in rows if q.mean is not None]
    chart = Chart("bar", [_short(about(lg, q)) for q in shown], [round(q.mean or 0, 2) for q in shown]) \
        if shown else None
    first = len(headers) - 7
    return Section(key, title, headers, lines, chart, numeric=set(range(first, len(headers))))


def _choices(r: EvaluationResults, lg: DocLanguage) -> Section:
    headers = [said(lg, "question"), said(lg, "option"), said(lg, "count"), said(lg, "share")]
    rows = []
    for q in r.questions:
        if q.kind not in ("single", "multiple"):
            continue
        for option, n in zip(q.options, q.distribution):
            rows.append([question_text(lg, q), option_label(lg, option), n,
                         round(100 * n / q.answered, 1) if q.answered else None])
    return Section("choices", said(lg, "choices"), headers, rows, numeric={2, 3})


def _comments(r: EvaluationResults, lg: DocLanguage) -> Section:
    headers = [said(lg, "question"), said(lg, "comment")]
    rows = [[question_text(lg, q) + (f" [{about(lg, q)}]" if q.about else ""), text]
            for q in r.questions if q.kind == "text" for text in q.comments]
    return Section("comments", said(lg, "comments"), headers, rows)


def _short(text: str, most: int = 30) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"
