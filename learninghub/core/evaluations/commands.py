"""The changes the window makes to a questionnaire, each with its exact inverse (see commands/base.py).

Why snapshots for the inverses: removing a questionnaire or responses removes answers too; the
undo puts back the very rows (same ids), so results and an import's record read as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ..commands.base import Done, Touched
from ..messages import QT_TRANSLATE_NOOP, say
from . import forms
from .templates import Template

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class CreateEvaluation:
    """Make a seminar's questionnaire from a template (its blocks repeated for the agenda's sessions)."""

    seminar_id: int
    template: Template
    anonymous: bool | None = None

    def run(self, session: Session) -> Done:
        form_id = forms.create_form(session, self.seminar_id, self.template, anonymous=self.anonymous)
        return Done(say(QT_TRANSLATE_NOOP("core", "creating the evaluation questionnaire")),
                    DeleteEvaluation(self.seminar_id), Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "evaluation questionnaire created")), self.seminar_id, form_id)


@dataclass(frozen=True)
class DeleteEvaluation:
    """Remove a seminar's questionnaire, its responses with it."""

    seminar_id: int

    def run(self, session: Session) -> Done:
        removed = forms.delete_form(session, self.seminar_id)
        return Done(say(QT_TRANSLATE_NOOP("core", "removing the evaluation questionnaire")),
                    RestoreRows(self.seminar_id, removed, whole=True), Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "evaluation questionnaire removed")), self.seminar_id)


@dataclass(frozen=True)
class RestoreRows:
    """Put back rows a removal took (the whole questionnaire, or some responses), with their ids."""

    seminar_id: int
    rows: Rows = field(hash=False, compare=False)
    whole: bool = False

    def run(self, session: Session) -> Done:
        forms.restore(session, self.rows)
        if self.whole:
            return Done(say(QT_TRANSLATE_NOOP("core", "removing the evaluation questionnaire")),
                        DeleteEvaluation(self.seminar_id), Touched.SEMINAR,
                        say(QT_TRANSLATE_NOOP("core", "evaluation questionnaire restored")), self.seminar_id)
        ids = tuple(r["id"] for r in self.rows.get("evaluation_responses", ()))
        form_id = self.rows["evaluation_responses"][0]["form_id"] if ids else 0
        return Done(_adding(len(ids)), RemoveResponses(self.seminar_id, form_id, ids), Touched.SEMINAR,
                    _added(len(ids)), self.seminar_id, list(ids))


@dataclass(frozen=True)
class AddResponses:
    """Store responses (typed from paper, or a checked import); the undo removes exactly them."""

    seminar_id: int
    form_id: int
    responses: tuple[forms.NewResponse, ...] = field(hash=False, compare=False)

    def run(self, session: Session) -> Done:
        forms.get_or_refuse(session, forms.EvaluationForm, self.form_id, "evaluation questionnaire")
        ids = forms.add_responses(session, self.form_id, self.responses)
        return Done(_adding(len(ids)), RemoveResponses(self.seminar_id, self.form_id, tuple(ids)), Touched.SEMINAR,
                    _added(len(ids)), self.seminar_id, ids)


@dataclass(frozen=True)
class RemoveResponses:
    seminar_id: int
    form_id: int
    ids: Sequence[int]

    def run(self, session: Session) -> Done:
        removed = forms.remove_responses(session, self.form_id, self.ids)
        n = len(removed["evaluation_responses"])
        return Done(_adding(n), RestoreRows(self.seminar_id, removed), Touched.SEMINAR,
                    say(QT_TRANSLATE_NOOP("core", "{count} evaluation responses removed"), count=n), self.seminar_id)


def _adding(n: int) -> str:
    return say(QT_TRANSLATE_NOOP("core", "adding {count} evaluation responses"), count=n)


def _added(n: int) -> str:
    return say(QT_TRANSLATE_NOOP("core", "{count} evaluation responses added"), count=n)
