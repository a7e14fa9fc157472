"""The mail merge's outbox: a batch of messages and each message's state (issue 18).

Why tables and not a folder of files: the outbox must survive a cancel, a crash or a lost
connection and tell exactly which messages went out, and the person's history must say what
was sent to them and when; both are queries. A message row is written ``queued`` when the
batch is made, ``sending`` in its own transaction just before it is handed to the server and
``sent`` or ``failed`` (with the server's answer) in another just after, so a crash leaves at
most one message per batch whose fate is unknown (``sending``): ``resume`` never sends it again
on its own (``core/outbox.py``).

``person_id`` and ``seminar_id`` are SET NULL on delete: the record of what went out stays.
New tables only: no existing row changes, the same revision on SQLite and PostgreSQL.

Revision ID: 0011_mail_outbox
Revises: 0010_search_walk_index
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_mail_outbox"
down_revision: str | None = "0010_search_walk_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seminar_id", sa.Integer(), sa.ForeignKey("seminars.id", ondelete="SET NULL",
                                                            name="fk_mail_batches_seminar_id_seminars"),
                  nullable=True),
        sa.Column("template", sa.String(20), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("sender", sa.String(400), nullable=False),
        # {"en": [subject, body], "zh": [subject, body]} as edited for this batch
        sa.Column("texts", sa.Text(), nullable=False),
        # attachment kinds, comma-separated: certificate,badge,agenda,ics
        sa.Column("attachments", sa.String(100), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mail_batches"),
    )
    op.create_table(
        "mail_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("mail_batches.id", ondelete="CASCADE",
                                                          name="fk_mail_messages_batch_id_mail_batches"),
                  nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("people.id", ondelete="SET NULL",
                                                           name="fk_mail_messages_person_id_people"),
                  nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("recipient_name", sa.String(410), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(250), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        # queued, sending, sent, failed
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("sending_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_mail_messages"),
        sa.UniqueConstraint("idempotency_key", name="uq_mail_messages_idempotency_key"),
    )
    op.create_index("ix_mail_messages_batch_id", "mail_messages", ["batch_id", "position"])
    op.create_index("ix_mail_messages_person_id", "mail_messages", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_mail_messages_person_id", table_name="mail_messages")
    op.drop_index("ix_mail_messages_batch_id", table_name="mail_messages")
    op.drop_table("mail_messages")
    op.drop_table("mail_batches")
