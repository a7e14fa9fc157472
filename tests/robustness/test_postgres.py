"""What only PostgreSQL has: the migrations both ways, the pg_trgm search index in use,
and what erasing a person leaves in the server's files (skipped without a server)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from learninghub.core import store
from learninghub.core.services import people, search
from learninghub.core.store import open_database


@pytest.fixture
def pg_url(pg_server):
    name = pg_server.create(migrated=False)
    yield pg_server.url(name)
    pg_server.drop(name)


def test_the_same_migrations_build_the_schema_and_take_it_down_again(pg_url):
    from alembic import command

    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            index = conn.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_people_search_doc_trgm'")).scalar_one()
        assert {"people", "people_search", "registrations", "alembic_version"} <= tables
        assert "gin" in index and "gin_trgm_ops" in index
        with db.engine.begin() as conn:
            command.downgrade(store.alembic_config(conn), "base")
        with db.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        store.upgrade(db.engine)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == store.head_revision()
    finally:
        db.close()


def test_search_uses_the_trigram_index_and_follows_renamed_organisations(pg_url):
    with open_database(pg_url) as db:
        with db.transaction() as s:
            li = people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳",
                                   organisation="Chengdu Open University", email="li.jia@example.cn").id
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE organisations SET name = 'Sichuan Normal University'"))
        with db.reading() as s:
            assert [r.id for r in search.list_people(s, search_text="normal univ")] == [li]
            assert search.list_people(s, search_text="Open University") == []
            assert [r.id for r in search.list_people(s, search_text="李佳")] == [li]
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(s.execute(text(
                "EXPLAIN SELECT person_id FROM people_search WHERE doc ILIKE '%univ%'")).scalars())
        assert "ix_people_search_doc_trgm" in plan, plan


SECRETS = ("li.jia@example.cn", "李佳", "vegetarian", "Professor")


def test_erase_leaves_no_personal_data_in_any_row_and_vacuum_full_clears_the_files(pg_url, pg_server):
    with open_database(pg_url) as db:
        with db.transaction() as s:
            li = people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳", title="Professor",
                                   email="li.jia@example.cn", notes="vegetarian; prefers Mandarin").id
        with db.transaction() as s:
            people.erase_person(s, li)
        db.flush_to_main_file()  # plain VACUUM of the personal tables
        with db.engine.connect() as conn:
            for table in inspect(conn).get_table_names():
                rows = " ".join(map(str, conn.execute(text(f'SELECT * FROM "{table}"')).all()))
                for secret in SECRETS:
                    assert secret not in rows, f"{secret!r} still in a row of {table}"
    # The files: readable only with superuser rights (pg_read_binary_file), as on CI's throwaway server.
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
                pytest.skip("reading the server's files needs a superuser")
            conn.execute(text(f"VACUUM FULL {', '.join(store.PERSONAL_TABLES)}"))
            conn.execute(text("CHECKPOINT"))
            for table in store.PERSONAL_TABLES:
                path = conn.execute(text("SELECT pg_relation_filepath(:t)"), {"t": table}).scalar_one()
                data = conn.execute(text("SELECT pg_read_binary_file(:p)"), {"p": path}).scalar_one()
                for secret in SECRETS:
                    assert secret.encode() not in bytes(data), f"{secret!r} still in the file of {table}"
    finally:
        admin.dispose()
