"""The demo's questionnaire and made-up responses (resources/demo: a seminar's ``evaluation``).

Why answers by question code and label: the file stays readable and survives a change of the
template's wording; each answer goes through the same check as a typed or imported one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..messages import QT_TRANSLATE_NOOP
from ..models import EvaluationQuestion, Registration
from .answers import parse, question_of
from .forms import NewResponse, add_responses, create_form
from .templates import shipped


def load_evaluation(session: Session, seminar_id: int, spec: dict[str, Any], person_ids: dict[str, int]) -> int:
    """Make the seminar's questionnaire and store the responses; returns how many."""
    form_id = create_form(session, seminar_id, shipped(spec.get("template", "standard")),
                          anonymous=spec.get("anonymous"))
    rows = session.execute(select(EvaluationQuestion).where(EvaluationQuestion.form_id == form_id)
                           .order_by(EvaluationQuestion.position)).scalars().all()
    by_code: dict[str, list[Any]] = {}
    for row in rows:
        by_code.setdefault(row.code, []).append(row)
    registrations = dict(session.execute(select(Registration.person_id, Registration.id)
                                         .where(Registration.seminar_id == seminar_id)).all())
    made = []
    for n, item in enumerate(spec.get("responses", [])):
        answers: list[tuple[int, int | None, str | None]] = []
        for code, given in item.items():
            if code == "person":
                continue
            questions = by_code.get(code)
            if questions is None:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "no question {code!r}"), where=f"responses[{n}]",
                                      code=code)
            values = given if isinstance(given, list) and len(questions) > 1 else [given]
            for question, value in zip(questions, values):
                if value is None:
                    continue
                cell = "; ".join(value) if isinstance(value, list) else str(value)
                got, problem = parse(question_of(question), cell)
                if problem is not None:
                    raise ValidationError(problem, where=f"responses[{n}] {code}")
                answers += [(question.id, v, t) for v, t in got]
        person = item.get("person")
        made.append(NewResponse(answers, registrations.get(person_ids[person]) if person else None, "paper"))
    add_responses(session, form_id, made)
    return len(made)
