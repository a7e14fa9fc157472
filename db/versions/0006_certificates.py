"""The certificate register and each seminar's certificate settings.

``certificates`` is the register ``learninghub verify`` answers from offline: the code,
who and which seminar, when issued or revoked and why, and the holder's name and the
seminar's title as printed. ``certificate_settings`` holds a seminar's attendance rule,
signatories, bilingual wording flag and logo files. Plain CREATE TABLEs: no batch mode
and nothing SQLite-only, so the same revision runs on PostgreSQL.

Revision ID: 0006_certificates
Revises: 0005_series_exdates
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_certificates"
down_revision: str | None = "0005_series_exdates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("seminar_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("holder_name", sa.String(length=410), nullable=False),
        sa.Column("seminar_title", sa.String(length=300), nullable=False),
        sa.Column("sessions_attended", sa.Integer(), nullable=False),
        sa.Column("sessions_total", sa.Integer(), nullable=False),
        sa.Column("minutes_attended", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_certificates_person_id_people"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["seminar_id"], ["seminars.id"], name=op.f("fk_certificates_seminar_id_seminars"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("code", name=op.f("uq_certificates_code")),
        sa.UniqueConstraint("person_id", "seminar_id", name="uq_certificates_person_seminar"),
    )
    op.create_index(op.f("ix_certificates_person_id"), "certificates", ["person_id"], unique=False)
    op.create_index(op.f("ix_certificates_seminar_id"), "certificates", ["seminar_id"], unique=False)
    op.create_table(
        "certificate_settings",
        sa.Column("seminar_id", sa.Integer(), nullable=False),
        sa.Column("min_attendance_pct", sa.Float(), nullable=True),
        sa.Column("min_hours", sa.Float(), nullable=True),
        sa.Column("signatories", sa.JSON(), nullable=False),
        sa.Column("bilingual", sa.Boolean(), nullable=False),
        sa.Column("logos", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["seminar_id"], ["seminars.id"],
                                name=op.f("fk_certificate_settings_seminar_id_seminars"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seminar_id", name=op.f("pk_certificate_settings")),
    )


def downgrade() -> None:
    op.drop_table("certificate_settings")
    op.drop_index(op.f("ix_certificates_seminar_id"), table_name="certificates")
    op.drop_index(op.f("ix_certificates_person_id"), table_name="certificates")
    op.drop_table("certificates")
