"""A questionnaire's results: per question the answers, mean and distribution, per session and per
speaker, comments listed — as one Query of six statements, whatever the number of responses.

Why GROUP BYs and not rows: a 40-session seminar with 5,000 responses holds half a million
answers; the database counts them and only (question, value, count) rows come back. Pooled
figures of a repeated block (every session's usefulness together) are sums of those counts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import distinct, func, select

from ..models import EvaluationAnswer, EvaluationForm, EvaluationQuestion, EvaluationResponse, Seminar
from ..reading import Query


@dataclass(frozen=True)
class QuestionResult:
    """One question as asked (a session's or speaker's row of a repeated block) and its answers."""

    id: int
    position: int
    code: str
    kind: str
    text: str
    text_zh: str | None
    options: tuple[tuple[str, str | None], ...]
    required: bool
    session_id: int | None
    speaker_id: int | None
    about: str | None
    about_zh: str | None
    answered: int
    mean: float | None
    #: How many chose each option (index 0: option 1); a rating's five values.
    distribution: tuple[int, ...]
    comments: tuple[str, ...]

    @property
    def per(self) -> str | None:
        return "session" if self.session_id is not None or (self.about and self.speaker_id is None) else (
            "speaker" if self.speaker_id is not None else None)

    def title(self, zh: bool = False) -> str:
        """The question as a column title: 'How useful was this session? [Opening plenary]'."""
        text = (self.text_zh or self.text) if zh else self.text
        about = (self.about_zh or self.about) if zh else self.about
        return f"{text} [{about}]" if about else text


@dataclass(frozen=True)
class BlockResult:
    """A template question over all its rows: every session's answers pooled (or the one question's)."""

    code: str
    kind: str
    text: str
    text_zh: str | None
    options: tuple[tuple[str, str | None], ...]
    repeated: bool
    answered: int
    mean: float | None
    distribution: tuple[int, ...]


@dataclass(frozen=True)
class EvaluationResults:
    form_id: int
    seminar_id: int
    seminar_title: str
    seminar_title_zh: str | None
    title: str
    title_zh: str | None
    template: str
    anonymous: bool
    responses: int
    linked: int
    questions: tuple[QuestionResult, ...]

    @property
    def blocks(self) -> tuple[BlockResult, ...]:
        """The template's questions in order, each pooled over its rows."""
        order: list[str] = []
        rows: dict[str, list[QuestionResult]] = {}
        for q in self.questions:
            if q.code not in rows:
                order.append(q.code)
            rows.setdefault(q.code, []).append(q)
        return tuple(_pooled(rows[code]) for code in order)

    def block(self, code: str) -> BlockResult | None:
        return next((b for b in self.blocks if b.code == code), None)

    @property
    def overall_mean(self) -> float | None:
        """The mean of every rating given (all questions pooled): the one score a report line shows."""
        ratings = [b for b in self.blocks if b.kind == "rating"]
        n = sum(b.answered for b in ratings)
        return sum((b.mean or 0) * b.answered for b in ratings) / n if n else None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for line in data["questions"]:
            line["mean"] = _round(line["mean"])
            line["options"] = [{"en": en, "zh": zh} for en, zh in line["options"]]
        data["blocks"] = [asdict(b) | {"mean": _round(b.mean), "options": [{"en": en, "zh": zh}
                                                                          for en, zh in b.options]}
                          for b in self.blocks]
        data["overall_mean"] = _round(self.overall_mean)
        return data


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _pooled(rows: list[QuestionResult]) -> BlockResult:
    first = rows[0]
    width = max(len(r.distribution) for r in rows)
    dist = tuple(sum(r.distribution[i] for r in rows if i < len(r.distribution)) for i in range(width))
    answered = sum(r.answered for r in rows)
    mean = None
    if first.kind == "rating":
        n = sum(dist)
        mean = sum((i + 1) * c for i, c in enumerate(dist)) / n if n else None
    return BlockResult(first.code, first.kind, first.text, first.text_zh, first.options, len(rows) > 1 or
                       first.about is not None, answered, mean, dist)


def evaluation_results(seminar_id: int) -> Query[EvaluationResults | None]:
    """The results of the seminar's questionnaire (None: it has none), in six statements."""
    form = (select(EvaluationForm.id).where(EvaluationForm.seminar_id == seminar_id).scalar_subquery())
    header = (select(EvaluationForm.id, EvaluationForm.title, EvaluationForm.title_zh, EvaluationForm.template,
                     EvaluationForm.anonymous, Seminar.id.label("seminar_id"), Seminar.title.label("seminar_title"),
                     Seminar.title_zh.label("seminar_title_zh"))
              .join(Seminar, Seminar.id == EvaluationForm.seminar_id).where(EvaluationForm.seminar_id == seminar_id))
    Q = EvaluationQuestion
    questions = (select(Q.id, Q.position, Q.code, Q.kind, Q.text, Q.text_zh, Q.options, Q.required, Q.session_id,
                        Q.speaker_id, Q.about, Q.about_zh).where(Q.form_id == form).order_by(Q.position, Q.id))
    A = EvaluationAnswer
    in_form = A.question_id.in_(select(Q.id).where(Q.form_id == form))
    answered = (select(A.question_id, func.count(distinct(A.response_id)).label("n"), func.avg(A.value).label("mean"))
                .where(in_form).group_by(A.question_id))
    spread = (select(A.question_id, A.value, func.count().label("n")).where(in_form, A.value.is_not(None))
              .group_by(A.question_id, A.value))
    comments = (select(A.question_id, A.text).where(in_form, A.text.is_not(None)).order_by(A.question_id, A.id))
    R = EvaluationResponse
    counts = select(func.count().label("n"), func.count(R.registration_id).label("linked")).where(R.form_id == form)

    def build(rows: list[Any]) -> EvaluationResults | None:
        head, qrows, answered_rows, spread_rows, comment_rows, count_rows = rows
        if not head:
            return None
        h = head[0]
        got = {r.question_id: r for r in answered_rows}
        dist: dict[int, dict[int, int]] = {}
        for r in spread_rows:
            dist.setdefault(r.question_id, {})[int(r.value)] = int(r.n)
        said: dict[int, list[str]] = {}
        for r in comment_rows:
            said.setdefault(r.question_id, []).append(r.text)
        lines = []
        for q in qrows:
            options = tuple((o.get("en", ""), o.get("zh")) for o in q.options or ())
            mine = dist.get(q.id, {})
            a = got.get(q.id)
            lines.append(QuestionResult(
                q.id, q.position, q.code, q.kind, q.text, q.text_zh, options, bool(q.required), q.session_id,
                q.speaker_id, q.about, q.about_zh, int(a.n) if a else 0,
                float(a.mean) if a is not None and a.mean is not None and q.kind == "rating" else None,
                tuple(mine.get(i, 0) for i in range(1, len(options) + 1)), tuple(said.get(q.id, ()))))
        c = count_rows[0]
        return EvaluationResults(h.id, h.seminar_id, h.seminar_title, h.seminar_title_zh, h.title, h.title_zh,
                                 h.template, bool(h.anonymous), int(c.n), int(c.linked), tuple(lines))

    return Query((header, questions, answered, spread, comments, counts), build)  # type: ignore[arg-type]
