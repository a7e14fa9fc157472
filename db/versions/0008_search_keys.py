"""Search that ignores accents and case in every script and finds Chinese names by their pinyin.

``Nuria`` found nobody called Núria: the index held the text as written, and neither FTS5's trigram
tokenizer (SQLite 3.40 has no remove_diacritics for it) nor ILIKE folds accents, Turkish İ/ı or
Vietnamese đ, and nothing held the pinyin of 王小明. Folding needs Unicode tables and pypinyin, so
it is done in Python (``learninghub.core.folding``): people, organisations and cities get a
``search_key``, kept by the models' validators and ``core/bulk.py`` as ``sort_key`` is, and the
index triggers index the keys instead of the columns.

The index gets a second column, ``words``: what is met only from the start of a word (names joined,
``ǂminjichoi``; the word starts of names, organisations and cities, ``ǂǂmi``), so that ``minji`` finds Min-ji while ``yeonsu`` does not find
Hyeon-suk, and one or two letters are served by the trigram index instead of a scan. ``doc`` keeps
the text as written, and folded where folding changes it. A key is ``doc part`` GS ``words part``.

A key starts with the row's text exactly as the old triggers concatenated it (its *head*) and RS.
The triggers use a key only while it still starts so; a row changed with plain SQL (not through the
app) is indexed as written, as before 0008, never under a stale key. A person's, their organisation's
and their city's part of ``doc`` are joined with RS, so nothing typed matches across them.

The keys of existing rows are computed here in Python, in batches, with the triggers dropped; the
index is then rebuilt once (SQLite: the FTS5 table made again; PostgreSQL: refilled).

Revision ID: 0008_search_keys
Revises: 0007_bilingual_titles
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The app's folding, so that keys written here are the keys the app writes. Should the folding
# change, a later migration computes every key again.
from learninghub.core.folding import GS, RS, person_search_key, place_search_key

revision: str = "0008_search_keys"
down_revision: str | None = "0007_bilingual_titles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5_000
TABLES = ("people", "organisations", "cities")
assert (RS, GS) == ("\x1e", "\x1d"), "the SQL below writes them as char(30), char(29)"


def _chr(code: int, dialect: str) -> str:
    return f"char({code})" if dialect == "sqlite" else f"chr({code})"


def _key_parts(key: str, head: str, dialect: str) -> tuple[str, str]:
    """SQL: the ``doc`` and ``words`` parts of a row's ``key`` while it starts with ``head`` + RS,
    else ``head`` and nothing (a row changed with plain SQL)."""
    rs, gs = _chr(30, dialect), _chr(29, dialect)
    valid = f"substr({key}, 1, length({head}) + 1) = {head} || {rs}"
    if dialect == "sqlite":
        text, words = f"substr({key}, 1, instr({key}, {gs}) - 1)", f"substr({key}, instr({key}, {gs}) + 1)"
    else:
        text, words = f"split_part({key}, {gs}, 1)", f"split_part({key}, {gs}, 2)"
    # A row changed with plain SQL: its text lowered (PostgreSQL's search matches with LIKE what is typed, folded).
    fallback = head if dialect == "sqlite" else f"lower({head})"
    return f"CASE WHEN {valid} THEN {text} ELSE {fallback} END", f"CASE WHEN {valid} THEN {words} ELSE '' END"


def _parts(p: str, dialect: str) -> tuple[str, str]:
    """SQL: columns ``doc`` and ``words`` for the person row aliased ``p``: their part, their
    organisation's, their city's, joined with RS."""
    rs = _chr(30, dialect)
    place = "{t}.name || ' ' || coalesce({t}.native_name,'')"
    person = _key_parts(f"{p}.search_key", _person_head(p), dialect)
    org = _key_parts("o.search_key", place.format(t="o"), dialect)
    city = _key_parts("c.search_key", place.format(t="c"), dialect)
    return tuple(  # type: ignore[return-value]
        f"{person[i]} || {rs} || "
        f"coalesce((SELECT {org[i]} FROM organisations o WHERE o.id = {p}.organisation_id),'') || {rs} || "
        f"coalesce((SELECT {city[i]} FROM cities c WHERE c.id = {p}.city_id),'')"
        for i in (0, 1)
    )


def _doc(p: str, dialect: str) -> str:
    return _parts(p, dialect)[0]


def _words(p: str, dialect: str) -> str:
    return _parts(p, dialect)[1]


def _person_head(p: str) -> str:
    return (f"coalesce({p}.given_name,'') || ' ' || coalesce({p}.family_name,'') || ' ' || "
            f"coalesce({p}.native_name,'') || ' ' || coalesce({p}.email,'')")


def _doc_0002(p: str) -> str:
    """SQL: the index text of migration 0002 (the columns as written), for the downgrade."""
    return (
        f"{_person_head(p)} || ' ' || "
        f"coalesce((SELECT o.name || ' ' || coalesce(o.native_name,'') FROM organisations o "
        f"WHERE o.id = {p}.organisation_id),'') || ' ' || "
        f"coalesce((SELECT c.name || ' ' || coalesce(c.native_name,'') FROM cities c "
        f"WHERE c.id = {p}.city_id),'')"
    )


def _fill_keys(bind: sa.engine.Connection) -> None:
    """Every row's key, computed in Python, written in batches (the triggers are dropped meanwhile)."""
    people = sa.table("people", sa.column("id", sa.Integer), sa.column("given_name", sa.String),
                      sa.column("family_name", sa.String), sa.column("native_name", sa.String),
                      sa.column("email", sa.String), sa.column("search_key", sa.Text))
    update = people.update().where(people.c.id == sa.bindparam("pid")).values(search_key=sa.bindparam("key"))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(people.c.id, people.c.given_name, people.c.family_name, people.c.native_name, people.c.email)
            .where(people.c.id > last).order_by(people.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        bind.execute(update, [{"pid": r.id, "key": person_search_key(r.given_name, r.family_name, r.native_name,
                                                                      r.email)} for r in rows])
        last = rows[-1].id
    for name in ("organisations", "cities"):
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("name", sa.String),
                         sa.column("native_name", sa.String), sa.column("search_key", sa.Text))
        rows = bind.execute(sa.select(table.c.id, table.c.name, table.c.native_name)).all()
        if rows:
            bind.execute(
                table.update().where(table.c.id == sa.bindparam("pid")).values(search_key=sa.bindparam("key")),
                [{"pid": r.id, "key": place_search_key(r.name, r.native_name)} for r in rows],
            )


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return
    _drop_index(dialect)
    # No batch mode: a rebuild of ``people`` would drop its triggers (plain ADD COLUMN on both databases).
    for table in TABLES:
        op.add_column(table, sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
    _fill_keys(bind)
    if dialect == "sqlite":
        _create_sqlite_index(lambda p: _doc(p, "sqlite"), lambda p: _words(p, "sqlite"),
                             "name, native_name, search_key")
    else:
        op.execute("ALTER TABLE people_search ADD COLUMN words text NOT NULL DEFAULT ''")
        op.execute("CREATE INDEX ix_people_search_words_trgm ON people_search USING gin (words gin_trgm_ops)")
        # The list order beside the text: a page of matches is read from this table alone, sorted or
        # walked in order (services/search.py), and only its 500 people are looked up.
        op.execute("ALTER TABLE people_search ADD COLUMN sort_key varchar(410) NOT NULL DEFAULT ''")
        op.execute("CREATE INDEX ix_people_search_sort_key ON people_search (sort_key, person_id)")
        _create_postgresql_index(lambda p: _doc(p, "postgresql"), lambda p: _words(p, "postgresql"),
                                 "name, native_name, search_key")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return
    _drop_index(dialect)
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_key")  # native in SQLite 3.35+ and PostgreSQL
    if dialect == "sqlite":
        _create_sqlite_index(_doc_0002, None, "name, native_name")
    else:
        op.execute("DROP INDEX IF EXISTS ix_people_search_words_trgm")
        op.execute("DROP INDEX IF EXISTS ix_people_search_sort_key")
        op.execute("ALTER TABLE people_search DROP COLUMN words")
        op.execute("ALTER TABLE people_search DROP COLUMN sort_key")
        _create_postgresql_index(_doc_0002, None, "name, native_name")


def _drop_index(dialect: str) -> None:
    """The triggers (and on SQLite the FTS5 table) of the index, to be made again."""
    if dialect == "sqlite":
        for trigger in ("people_search_ai", "people_search_au", "people_search_ad", "organisations_search_au",
                        "cities_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS people_search")
        return
    for trigger, table in (("people_search_aiu", "people"), ("organisations_search_au", "organisations"),
                           ("cities_search_au", "cities")):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    for function in ("people_search_index", "organisations_search_reindex", "cities_search_reindex"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}()")


def _create_sqlite_index(doc, words, place_columns: str) -> None:  # type: ignore[no-untyped-def]
    """The FTS5 trigram table of 0002 (with column ``words`` when ``words`` is given) and its triggers;
    ``doc(alias)``/``words(alias)``: SQL of a column's text for a person row."""
    columns, values = ("doc, words", lambda p: f"{doc(p)}, {words(p)}") if words else ("doc", doc)

    def reindex_people_where(condition: str) -> str:
        return (
            f"DELETE FROM people_search WHERE rowid IN (SELECT id FROM people WHERE {condition}); "
            f"INSERT INTO people_search(rowid, {columns}) SELECT p.id, {values('p')} FROM people p "
            f"WHERE {condition};"
        )

    op.execute(f"CREATE VIRTUAL TABLE people_search USING fts5({columns}, tokenize='trigram')")
    op.execute(f"INSERT INTO people_search(rowid, {columns}) SELECT p.id, {values('p')} FROM people p")
    op.execute(
        "CREATE TRIGGER people_search_ai AFTER INSERT ON people BEGIN "
        f"INSERT INTO people_search(rowid, {columns}) VALUES (new.id, {values('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER people_search_au AFTER UPDATE ON people BEGIN "
        "DELETE FROM people_search WHERE rowid = old.id; "
        f"INSERT INTO people_search(rowid, {columns}) VALUES (new.id, {values('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER people_search_ad AFTER DELETE ON people BEGIN "
        "DELETE FROM people_search WHERE rowid = old.id; END"
    )
    for table, column in (("organisations", "organisation_id"), ("cities", "city_id")):
        op.execute(
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE OF {place_columns} ON {table} BEGIN "
            f"{reindex_people_where(f'{column} = new.id')} END"
        )


def _create_postgresql_index(doc, words, place_columns: str) -> None:  # type: ignore[no-untyped-def]
    """The people_search table of 0002 (pg_trgm GIN indexes) refilled, and its trigger functions."""
    columns, values = ("doc, words, sort_key", lambda p: f"{doc(p)}, {words(p)}, {p}.sort_key") if words else (
        "doc", doc)
    update = ("doc = EXCLUDED.doc, words = EXCLUDED.words, sort_key = EXCLUDED.sort_key" if words
              else "doc = EXCLUDED.doc")
    op.execute("DELETE FROM people_search")
    op.execute(f"INSERT INTO people_search(person_id, {columns}) SELECT p.id, {values('p')} FROM people p")
    op.execute(
        "CREATE FUNCTION people_search_index() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO people_search(person_id, {columns}) SELECT p.id, {values('p')} FROM people p "
        f"WHERE p.id = NEW.id ON CONFLICT (person_id) DO UPDATE SET {update}; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER people_search_aiu AFTER INSERT OR UPDATE ON people "
        "FOR EACH ROW EXECUTE FUNCTION people_search_index()"
    )
    for table, column in (("organisations", "organisation_id"), ("cities", "city_id")):
        set_columns = f"doc = {doc('p')}, words = {words('p')}" if words else f"doc = {doc('p')}"
        op.execute(
            f"CREATE FUNCTION {table}_search_reindex() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"UPDATE people_search s SET {set_columns} FROM people p "
            f"WHERE p.{column} = NEW.id AND s.person_id = p.id; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE OF {place_columns} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_search_reindex()"
        )
