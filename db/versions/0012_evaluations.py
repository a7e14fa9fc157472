"""Evaluation questionnaires (issue 17): a form per seminar, its questions, responses and answers.

Why a question row per session (or speaker) of a repeated block and not one question with a
session column on each answer: a result file from Microsoft Forms, Google Forms or 问卷星 has one
column per question as asked, the paper form one box per question as printed; one row per asked
question keeps import, typing and printing one-to-one, and results stay a GROUP BY on question
rows (``code`` names the block, ``session_id``/``speaker_id`` what it is about).

A multiple-choice answer is one row per ticked option (``value`` its number), so a distribution
is a COUNT grouped by value. New tables only: no existing row changes, the same revision on SQLite
and PostgreSQL.

Revision ID: 0012_evaluations
Revises: 0011_mail_outbox
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_evaluations"
down_revision: str | None = "0011_mail_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "evaluation_forms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seminar_id", sa.Integer(), _fk("evaluation_forms", "seminar_id", "seminars", "CASCADE"),
                  nullable=False),
        sa.Column("template", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("title_zh", sa.String(300), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_forms"),
        sa.UniqueConstraint("seminar_id", name="uq_evaluation_forms_seminar_id"),
    )
    op.create_table(
        "evaluation_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), _fk("evaluation_questions", "form_id", "evaluation_forms", "CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("text_zh", sa.String(500), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("session_id", sa.Integer(), _fk("evaluation_questions", "session_id", "sessions", "SET NULL"),
                  nullable=True),
        sa.Column("speaker_id", sa.Integer(), _fk("evaluation_questions", "speaker_id", "people", "SET NULL"),
                  nullable=True),
        sa.Column("about", sa.String(500), nullable=True),
        sa.Column("about_zh", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_questions"),
    )
    op.create_index("ix_evaluation_questions_form_id", "evaluation_questions", ["form_id"])
    op.create_index("ix_evaluation_questions_session_id", "evaluation_questions", ["session_id"])
    op.create_index("ix_evaluation_questions_speaker_id", "evaluation_questions", ["speaker_id"])
    op.create_table(
        "evaluation_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), _fk("evaluation_responses", "form_id", "evaluation_forms", "CASCADE"),
                  nullable=False),
        sa.Column("registration_id", sa.Integer(),
                  _fk("evaluation_responses", "registration_id", "registrations", "SET NULL"), nullable=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("external_id", sa.String(100), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_responses"),
        sa.UniqueConstraint("form_id", "source", "external_id", name="uq_evaluation_responses_form_id"),
    )
    op.create_index("ix_evaluation_responses_form_id", "evaluation_responses", ["form_id"])
    op.create_index("ix_evaluation_responses_registration_id", "evaluation_responses", ["registration_id"])
    op.create_table(
        "evaluation_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(),
                  _fk("evaluation_answers", "response_id", "evaluation_responses", "CASCADE"), nullable=False),
        sa.Column("question_id", sa.Integer(),
                  _fk("evaluation_answers", "question_id", "evaluation_questions", "CASCADE"), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_answers"),
    )
    op.create_index("ix_evaluation_answers_response_id", "evaluation_answers", ["response_id"])
    op.create_index("ix_evaluation_answers_question_id", "evaluation_answers", ["question_id"])


def downgrade() -> None:
    op.drop_table("evaluation_answers")
    op.drop_table("evaluation_responses")
    op.drop_table("evaluation_questions")
    op.drop_table("evaluation_forms")
