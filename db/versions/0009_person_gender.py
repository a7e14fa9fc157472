"""A person's gender, optional: a code of ``vocab.PERSON_GENDERS`` or NULL (not recorded).

Funders' outcome reports ask for participants by gender, in aggregate. A plain ADD COLUMN
of a nullable column: no batch mode, the same revision on SQLite and PostgreSQL, and every
existing person stays "not recorded".

Revision ID: 0009_person_gender
Revises: 0008_search_keys
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_person_gender"
down_revision: str | None = "0008_search_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("people", sa.Column("gender", sa.String(length=20), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE people DROP COLUMN gender")
