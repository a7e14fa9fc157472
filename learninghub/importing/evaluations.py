"""Bringing in evaluation responses from the result files of Microsoft Forms, Google Forms and 问卷星.

Why one importer for three tools: each writes one row per response and one column per question
titled as the question was asked, after a few columns of its own (Microsoft Forms: ID, Start
time, Completion time, Email, Name; Google Forms: Timestamp; 问卷星: 序号, 提交答卷时间, 所用时间 …).
The file is read like a file of people (``reading.read_table``: CSV in any encoding, XLSX), its
question columns matched to the questionnaire by title in English or Chinese (or an explicit
mapping), every row checked and every problem named by row and column; then all rows or none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.errors import ValidationError
from ..core.evaluations.answers import Question, key, parse, question_of
from ..core.evaluations.forms import NewResponse, form_of
from ..core.messages import QT_TRANSLATE_NOOP, Text, say
from ..core.models import EvaluationQuestion, EvaluationResponse, Person, Registration, Seminar, email_key
from .checking import Problem
from .reading import Table, read_table

#: The tools' own columns, by their folded titles: what each is for (None: ignored).
_META = {
    "id": "id", "序号": "id", "编号": "id", "responseid": "id",
    "completiontime": "time", "timestamp": "time", "时间戳记": "time", "提交答卷时间": "time", "submittedat": "time",
    "提交时间": "time", "完成时间": "time",
    "email": "email", "emailaddress": "email", "电子邮件": "email", "电子邮件地址": "email", "邮箱": "email",
    "电子邮箱": "email", "邮箱地址": "email",
    "starttime": None, "开始时间": None, "name": None, "姓名": None, "lastmodifiedtime": None, "所用时间": None,
    "来源": None, "来源详情": None, "来自ip": None, "总分": None, "score": None, "totalpoints": None,
}
#: How a tool's file is recognised: the folded titles only it writes.
_TOOLS = (("msforms", {"completiontime", "starttime"}), ("wjx", {"提交答卷时间"}), ("wjx", {"所用时间"}),
          ("google", {"timestamp"}), ("google", {"时间戳记"}))
_NUMBERING = re.compile(r"^\s*(?:Q|第)?\s*\d+\s*(?:题)?\s*[、.．:：)）]\s*")
_GMT = re.compile(r"\s*(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*$", re.IGNORECASE)
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%m/%d/%Y %H:%M:%S",
                 "%m/%d/%Y %H:%M", "%m/%d/%y %H:%M:%S", "%m/%d/%y %H:%M", "%Y/%m/%d %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p",
                 "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y年%m月%d日 %H:%M:%S")
#: The longest external id kept (the tools' ids are short numbers).
_MAX_ID = 100


@dataclass
class QuestionColumn:
    """A question as the importer matches it: its id, how it is checked, the titles that name it."""

    question: Question
    titles: tuple[str, ...]
    label: str


@dataclass
class EvaluationImport:
    """What a file would bring in: the responses ready to store, or the problems that stop it."""

    path: str
    tool: str
    described: str
    columns: list[tuple[str, str | None]]  # (column title, question it is read as, None: ignored)
    responses: list[NewResponse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0  # rows imported before (same tool and id)
    linked: int = 0
    unknown_emails: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {"file": self.path, "tool": self.tool, "read_as": str(self.described),
                "columns": [{"column": c, "question": q} for c, q in self.columns],
                "responses": len(self.responses), "skipped": self.skipped, "linked": self.linked,
                "unknown_emails": self.unknown_emails,
                "problems": [{"row": p.row, "column": p.column, "message": str(p.message)} for p in self.problems]}


def detect_tool(headers: Sequence[str]) -> str:
    """msforms, google, wjx, or csv (a plain file): by the columns only each tool writes."""
    folded = {key(h) for h in headers}
    for tool, marks in _TOOLS:
        if marks <= folded:
            return tool
    return "csv"


def title_key(title: str) -> str:
    """A column or question title as compared: numbering ('3、', 'Q3.') and a required mark dropped, folded."""
    return key(_NUMBERING.sub("", title or "").rstrip("*＊ "))


def question_columns(rows: Sequence[Any]) -> list[QuestionColumn]:
    """Every question of a form (rows with text, about, kind, options …) with the titles that name it."""
    found = []
    for r in rows:
        names = set()
        for text in (r.text, r.text_zh):
            for about in (r.about, r.about_zh) if r.about else (None,):
                if text:
                    names.add(title_key(f"{text} {about or ''}"))
        if r.text_zh:  # the bilingual listing's title: 'text / 中文 [about / 中文]'
            names.add(title_key(f"{r.text} {r.text_zh} {r.about or ''} {r.about_zh or ''}"))
        shown = f"{r.text} [{r.about}]" if r.about else r.text
        found.append(QuestionColumn(question_of(r), tuple(sorted(names)), shown))
    return found


def map_columns(headers: Sequence[str], questions: Sequence[QuestionColumn],
                overrides: Mapping[str, str | None] | None = None) -> tuple[list[tuple[str, Any]], list[Problem]]:
    """Each column's role: ("question", QuestionColumn), ("id"|"time"|"email", None) or (None, None: ignored).

    ``overrides`` maps a column title to a question's number (its position, 1…), its title, or None to
    ignore it. A column matching no question, or two columns one question, is a problem naming the column."""
    overrides = {key(k): v for k, v in (overrides or {}).items()}
    by_title: dict[str, QuestionColumn] = {}
    for q in questions:
        for t in q.titles:
            by_title.setdefault(t, q)
    roles: list[tuple[str, Any]] = []
    problems: list[Problem] = []
    taken: dict[int, str] = {}
    for header in headers:
        folded = key(header)
        if folded in overrides:
            wanted = overrides[folded]
            if wanted is None or wanted.strip() in ("", "-"):
                roles.append((None, None))
                continue
            q = _chosen(wanted, questions, by_title)
            if q is None:
                problems.append(Problem(None, header, say(QT_TRANSLATE_NOOP(
                    "core", "the mapping names {wanted!r}, which is no question of the questionnaire"), wanted=wanted)))
                roles.append((None, None))
                continue
        elif folded in _META:
            roles.append((_META[folded], None))
            continue
        elif not folded:
            roles.append((None, None))
            continue
        else:
            q = by_title.get(title_key(header))
            if q is None:
                problems.append(Problem(None, header, say(QT_TRANSLATE_NOOP(
                    "core", "matches no question of the questionnaire; map it to one or leave it out "
                            "(--map \"{header}=-\")"), header=header[:80])))
                roles.append((None, None))
                continue
        if q.question.id in taken:
            problems.append(Problem(None, header, say(QT_TRANSLATE_NOOP(
                "core", "is the same question as column {other}"), other=taken[q.question.id])))
        taken[q.question.id] = header
        roles.append(("question", q))
    return roles, problems


def _chosen(wanted: str, questions: Sequence[QuestionColumn], by_title: dict[str, QuestionColumn]
            ) -> QuestionColumn | None:
    if wanted.strip().isdigit():
        number = int(wanted)
        return questions[number - 1] if 1 <= number <= len(questions) else None
    return by_title.get(title_key(wanted))


def parse_time(text: str, zone: ZoneInfo) -> dt.datetime | None:
    """A tool's submission time ('2021/11/18 10:22:33', '11/18/2021 10:22:33 GMT+8'): naive times are the
    seminar's local time. None: not a time."""
    text = text.strip()
    offset = None
    gmt = _GMT.search(text)
    if gmt:
        sign = 1 if gmt.group(1) == "+" else -1
        offset = dt.timezone(sign * dt.timedelta(hours=int(gmt.group(2)), minutes=int(gmt.group(3) or 0)))
        text = text[:gmt.start()].strip()
    for fmt in (_last_format[0], *_TIME_FORMATS):  # a file writes every time alike: its format first
        try:
            when = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        _last_format[0] = fmt
        return when.replace(tzinfo=offset or zone)
    return None


_last_format = [_TIME_FORMATS[0]]


def plan_import(session: Session, seminar_id: int, path: str | Path,
                overrides: Mapping[str, str | None] | None = None, table: Table | None = None) -> EvaluationImport:
    """Read and check ``path`` against the seminar's questionnaire; writes nothing (the dry run)."""
    form = form_of(session, seminar_id)
    table = table or read_table(path)
    tool = detect_tool(table.headers)
    questions = question_columns(session.execute(
        select(EvaluationQuestion.id, EvaluationQuestion.kind, EvaluationQuestion.options,
               EvaluationQuestion.required, EvaluationQuestion.text, EvaluationQuestion.text_zh,
               EvaluationQuestion.about, EvaluationQuestion.about_zh)
        .where(EvaluationQuestion.form_id == form.id).order_by(EvaluationQuestion.position)).all())
    roles, problems = map_columns(table.headers, questions, overrides)
    plan = EvaluationImport(str(path), tool, table.describe(),
                            [(h, r[1].label if r[0] == "question" else (f"({r[0]})" if r[0] else None))
                             for h, r in zip(table.headers, roles)], problems=problems)
    if problems:
        return plan
    zone = ZoneInfo(session.scalar(select(Seminar.timezone).where(Seminar.id == seminar_id)) or "UTC")
    registrations: dict[str, int] = {}
    if not form.anonymous:
        registrations = {k: r for k, r in session.execute(
            select(Person.email_key, Registration.id).join(Registration, Registration.person_id == Person.id)
            .where(Registration.seminar_id == seminar_id, Person.email_key.is_not(None))).all()}
    done = set(session.scalars(select(EvaluationResponse.external_id).where(
        EvaluationResponse.form_id == form.id, EvaluationResponse.source == tool)))
    _check_rows(plan, table, roles, zone, registrations, done)
    return plan


def _check_rows(plan: EvaluationImport, table: Table, roles: list[tuple[str, Any]], zone: ZoneInfo,
                registrations: dict[str, int], done: set[str | None]) -> None:
    questions = [(i, role[1]) for i, role in enumerate(roles) if role[0] == "question"]
    required = [(i, q) for i, q in questions if q.question.required]
    id_at = next((i for i, r in enumerate(roles) if r[0] == "id"), None)
    time_at = next((i for i, r in enumerate(roles) if r[0] == "time"), None)
    email_at = next((i for i, r in enumerate(roles) if r[0] == "email"), None)
    headers = table.headers
    seen: dict[str, int] = {}
    problems = plan.problems
    for number, cells in zip(table.row_numbers, table.rows):
        def cell(i: int | None, cells: list[str] = cells) -> str:
            return cells[i].strip() if i is not None and i < len(cells) else ""

        answers: list[tuple[int, int | None, str | None]] = []
        answered: set[int] = set()
        for i, q in questions:
            got, problem = parse(q.question, cell(i))
            if problem is not None:
                answered.add(q.question.id)  # wrong, not missing: said once
                problems.append(Problem(number, headers[i], problem))
            elif got:
                answered.add(q.question.id)
                answers += [(q.question.id, v, t) for v, t in got]
        for i, q in required:
            if q.question.id not in answered:
                problems.append(Problem(number, headers[i], say(QT_TRANSLATE_NOOP(
                    "core", "no answer to a required question"))))
        when = None
        if time_at is not None and cell(time_at):
            when = parse_time(cell(time_at), zone)
            if when is None:
                problems.append(Problem(number, headers[time_at], say(QT_TRANSLATE_NOOP(
                    "core", "{value!r} is not a date and time"), value=cell(time_at)[:40])))
        external = cell(id_at) or (cell(time_at) if id_at is None else "") or None
        if external is not None:
            if len(external) > _MAX_ID:
                problems.append(Problem(number, headers[id_at if id_at is not None else time_at],  # type: ignore[index]
                                        say(QT_TRANSLATE_NOOP("core", "is longer than {most} characters"),
                                            most=_MAX_ID)))
                continue
            if external in seen and id_at is not None:
                problems.append(Problem(number, headers[id_at], say(QT_TRANSLATE_NOOP(
                    "core", "{value!r} is on row {other} too"), value=external, other=seen[external])))
            elif external in seen:  # two Google responses in the same second
                external = f"{external}#{number}"
            seen.setdefault(external, number)
            if external in done:
                plan.skipped += 1
                continue
        registration = None
        mail = cell(email_at)
        if mail and email_at is not None:
            registration = registrations.get(email_key(mail) or "")
            plan.linked += registration is not None
            plan.unknown_emails += registration is None and bool(registrations)
        if not answers:
            continue  # an empty row: nothing to store
        plan.responses.append(NewResponse(answers, registration, plan.tool, external, when))


def parse_overrides(pairs: Sequence[str]) -> dict[str, str | None]:
    """``--map "COLUMN=3"`` (question 3), ``"COLUMN=Question title"`` or ``"COLUMN=-"`` (leave it out)."""
    found: dict[str, str | None] = {}
    for pair in pairs:
        column, sep, question = pair.rpartition("=")
        if not sep or not column.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{pair!r} is not COLUMN=QUESTION"), where="--map",
                                  pair=pair)
        found[column.strip()] = None if question.strip() in ("", "-") else question.strip()
    return found


def refusal(plan: EvaluationImport) -> ValidationError:
    """The plan's problems as one refusal (the first ten, and how many more)."""
    lines: list[str] = [p.as_text() for p in plan.problems[:10]]
    if len(plan.problems) > 10:
        lines.append(say(QT_TRANSLATE_NOOP("core", "… and {count} more problems"), count=len(plan.problems) - 10))
    return ValidationError(QT_TRANSLATE_NOOP("core", "nothing imported, {count} problems:\n{problems}"),
                           where=Path(plan.path).name, count=len(plan.problems), problems=Text("\n".join(lines)))
