"""The migration builds exactly the evaluation models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from learninghub.core.models import Base


def test_the_migration_builds_exactly_the_evaluation_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "evaluation" in repr(d)] == []
