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
        with db.engine.begin() as conn:  # SET LOCAL needs a transaction (the app reads in autocommit)
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(conn.execute(text(
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


def test_a_deadlock_the_server_breaks_is_a_clear_refusal_and_saves_nothing(pg_url):
    import threading

    from sqlalchemy import select

    from learninghub.core.errors import DatabaseBusy
    from learninghub.core.models import Curriculum

    with open_database(pg_url) as db:
        with db.transaction() as s:
            from learninghub.core.services import curricula

            ids = [curricula.add_curriculum(s, title=f"Curriculum {i}", start_year=2020, end_year=2022).id
                   for i in range(2)]
        both_locked_one = threading.Barrier(2, timeout=20)
        outcomes: dict[int, str] = {}

        def lock_in_order(first: int, second: int) -> None:
            try:
                with db.transaction() as s:
                    s.scalars(select(Curriculum).where(Curriculum.id == first).with_for_update()).one().title = "x"
                    s.flush()
                    both_locked_one.wait()
                    s.scalars(select(Curriculum).where(Curriculum.id == second).with_for_update()).one().title = "y"
                    s.flush()
                outcomes[first] = "saved"
            except DatabaseBusy as exc:
                outcomes[first] = str(exc)

        threads = [threading.Thread(target=lock_in_order, args=pair) for pair in (ids, ids[::-1])]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        saved = [first for first, outcome in outcomes.items() if outcome == "saved"]
        refused = [outcome for outcome in outcomes.values() if outcome != "saved"]
        assert len(saved) == 1 and len(refused) == 1, outcomes
        assert refused[0].startswith("someone else changed the same records at the same moment")
        with db.reading() as s:
            titles = sorted(c.title for c in s.scalars(select(Curriculum)))
        assert titles == ["x", "y"]  # the winner's two changes, nothing of the loser's
        with db.reading() as s:
            assert s.get(Curriculum, saved[0]).title == "x"


def _drop_the_apps_connections(pg_server, url: str) -> int:
    """What a server restart, a firewall's idle timeout or a laptop's sleep does to pooled connections."""
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with pg_server.admin.connect() as conn:
        return conn.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name}).scalar_one()


def test_a_page_read_after_the_server_dropped_the_connection_reads_again(pg_url, pg_server):
    """No ping on every checkout (a round trip 250 ms away): a read that meets a dropped connection is made
    again on a new one — reading twice is harmless."""
    from learninghub.core.pages.programme import outline_query

    with open_database(pg_url) as db:
        assert db.read(outline_query())[0] == []
        assert _drop_the_apps_connections(pg_server, pg_url) >= 1
        assert db.read(outline_query())[0] == []


def test_a_change_after_a_long_pause_finds_its_connection_checked(pg_url, pg_server, monkeypatch):
    """A pooled connection idle for longer than IDLE_PING_SECONDS is checked before a change uses it, so a
    connection the server dropped meanwhile fails nobody's change (a change is never run twice)."""
    with open_database(pg_url) as db:
        with db.transaction() as s:
            people.add_person(s, given_name="Jia", family_name="Li", email="li.jia@example.cn")
        assert _drop_the_apps_connections(pg_server, pg_url) >= 1
        monkeypatch.setattr(store, "IDLE_PING_SECONDS", 0.0)  # as if the user had been away for a while
        with db.transaction() as s:
            people.add_person(s, given_name="Ana", family_name="García", email="ana@example.es")
        with db.reading() as s:
            assert len(search.list_people(s)) == 2
