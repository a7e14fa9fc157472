"""Person search index: an FTS5 trigram table kept in step by triggers (SQLite only).

A case-insensitive substring search over names in any script, email, organisation
and city answers in about a millisecond on 100,000 people, where ``LIKE '%abc%'``
scans the table. Rows that exist when the upgrade runs are indexed by it.
PostgreSQL gets its own index in a later revision; until then search uses ILIKE.

Revision ID: 0002_person_search
Revises: 0001_initial
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_person_search"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _doc(p: str) -> str:
    """The searchable text of the person row aliased ``p``."""
    return (
        f"coalesce({p}.given_name,'') || ' ' || coalesce({p}.family_name,'') || ' ' || "
        f"coalesce({p}.native_name,'') || ' ' || coalesce({p}.email,'') || ' ' || "
        f"coalesce((SELECT o.name || ' ' || coalesce(o.native_name,'') FROM organisations o "
        f"WHERE o.id = {p}.organisation_id),'') || ' ' || "
        f"coalesce((SELECT c.name || ' ' || coalesce(c.native_name,'') FROM cities c "
        f"WHERE c.id = {p}.city_id),'')"
    )


def _reindex_people_where(condition: str) -> str:
    return (
        f"DELETE FROM people_search WHERE rowid IN (SELECT id FROM people WHERE {condition}); "
        f"INSERT INTO people_search(rowid, doc) SELECT p.id, {_doc('p')} FROM people p WHERE {condition};"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE people_search USING fts5(doc, tokenize='trigram')")
    op.execute(f"INSERT INTO people_search(rowid, doc) SELECT p.id, {_doc('p')} FROM people p")
    op.execute(
        "CREATE TRIGGER people_search_ai AFTER INSERT ON people BEGIN "
        f"INSERT INTO people_search(rowid, doc) VALUES (new.id, {_doc('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER people_search_au AFTER UPDATE ON people BEGIN "
        "DELETE FROM people_search WHERE rowid = old.id; "
        f"INSERT INTO people_search(rowid, doc) VALUES (new.id, {_doc('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER people_search_ad AFTER DELETE ON people BEGIN "
        "DELETE FROM people_search WHERE rowid = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER organisations_search_au AFTER UPDATE OF name, native_name ON organisations BEGIN "
        f"{_reindex_people_where('organisation_id = new.id')} END"
    )
    op.execute(
        "CREATE TRIGGER cities_search_au AFTER UPDATE OF name, native_name ON cities BEGIN "
        f"{_reindex_people_where('city_id = new.id')} END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in (
        "people_search_ai",
        "people_search_au",
        "people_search_ad",
        "organisations_search_au",
        "cities_search_au",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS people_search")
