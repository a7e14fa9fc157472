"""Bilingual content: a Chinese title and description beside the main (English or original) text.

Curricula, seminars and agenda sessions keep ``title``/``description`` as the main text and
gain ``title_zh``/``description_zh`` (nullable: no Chinese version means documents printed
in Chinese fall back to the main text). Plain ADD COLUMNs of nullable columns: no batch
mode and nothing SQLite-only, so the same revision runs on PostgreSQL and existing rows
stay as they are.

Revision ID: 0007_bilingual_titles
Revises: 0006_certificates
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_bilingual_titles"
down_revision: str | None = "0006_certificates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table -> length of its title column (the Chinese title has the same limit)
TITLE_LENGTHS = {"curricula": 300, "seminars": 300, "sessions": 500}


def upgrade() -> None:
    for table, length in TITLE_LENGTHS.items():
        op.add_column(table, sa.Column("title_zh", sa.String(length=length), nullable=True))
        op.add_column(table, sa.Column("description_zh", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TITLE_LENGTHS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN description_zh")
        op.execute(f"ALTER TABLE {table} DROP COLUMN title_zh")
