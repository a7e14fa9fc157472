"""Cancelled occurrences of a recurring session: the series keeps their EXDATEs.

An occurrence cancelled on its own is deleted as a session but remembered on its
series (local wall-clock times, RFC 5545 basic format, space-separated), so the rest
of the series stays intact and an iCalendar export can write RRULE + EXDATE.

Revision ID: 0005_series_exdates
Revises: 0004_person_sort_key
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_series_exdates"
down_revision: str | None = "0004_person_sort_key"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("session_series", sa.Column("exdates", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE session_series DROP COLUMN exdates")
