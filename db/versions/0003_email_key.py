"""Email uniqueness in every script: a case-folded ``email_key`` column.

The first schema made ``lower(email)`` unique, but SQLite's lower() folds ASCII
letters only, so ``Иван@example.org`` and ``иван@example.org`` could both be stored.
The key is computed in Python (NFKC + casefold) for existing rows. Two existing
people whose addresses then collide stop the upgrade with their ids named, and the
database is left as it was.

Revision ID: 0003_email_key
Revises: 0002_person_search
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_email_key"
down_revision: str | None = "0002_person_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key(email: str) -> str:
    return unicodedata.normalize("NFKC", email).casefold()


# No batch mode here: a batch rebuild of ``people`` would drop its search-index triggers.
def upgrade() -> None:
    op.add_column("people", sa.Column("email_key", sa.String(length=320), nullable=True))
    bind = op.get_bind()
    people = sa.table("people", sa.column("id", sa.Integer), sa.column("email", sa.String),
                      sa.column("email_key", sa.String))
    owners: dict[str, int] = {}
    for person_id, email in bind.execute(sa.select(people.c.id, people.c.email).where(people.c.email.is_not(None))):
        key = _key(email)
        if key in owners:
            raise RuntimeError(
                f"people {owners[key]} and {person_id} share the email address {email!r} "
                "(differing only in letter case); give one of them another address first"
            )
        owners[key] = person_id
        bind.execute(people.update().where(people.c.id == person_id).values(email_key=key))
    op.drop_index("uq_people_email_ci", table_name="people")
    op.create_index("ix_people_email_key", "people", ["email_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_people_email_key", table_name="people")
    op.execute("ALTER TABLE people DROP COLUMN email_key")  # native in SQLite 3.35+ and PostgreSQL
    op.create_index("uq_people_email_ci", "people", [sa.text("lower(email)")], unique=True)
