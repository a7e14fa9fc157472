"""Bulk loading of people: tens of thousands of rows in one statement.

Inserting people row by row fires the search-index trigger once per statement,
and FTS5 then writes its index once per row (~9k rows/s). Loading the rows into a
temporary staging table and moving them with one ``INSERT … SELECT`` lets the
same trigger feed FTS5 within one statement (~30k rows/s, triggers untouched).
For imports and benchmarks; the caller's transaction makes it all-or-nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection

from .folding import person_search_key, place_search_key
from .models import Person, email_key, person_sort_key

BATCH = 10_000


def with_derived_keys(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` of ``people`` with the keys the model's validators keep: email, sort and search key."""
    return [
        {**row, "email_key": email_key(row.get("email")),
         "sort_key": person_sort_key(row.get("family_name"), row.get("given_name")),
         "search_key": person_search_key(row.get("given_name"), row.get("family_name"), row.get("native_name"),
                                         row.get("email"))}
        for row in rows
    ]


def places_with_search_keys(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` of ``organisations`` or ``cities`` with the search key the model's validators keep."""
    return [{**row, "search_key": place_search_key(row.get("name"), row.get("native_name"))} for row in rows]


def insert_people(conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Insert ``rows`` (column → value dicts of ``people``); derived keys are filled in here."""
    prepared = with_derived_keys(rows)
    if not prepared:
        return 0
    table = Person.__table__
    if conn.dialect.name != "sqlite":
        for i in range(0, len(prepared), BATCH):
            conn.execute(insert(table), prepared[i:i + BATCH])
        return len(prepared)
    columns = list(prepared[0])
    names = ", ".join(columns)
    conn.execute(text("DROP TABLE IF EXISTS temp.people_staging"))
    conn.execute(text("CREATE TEMP TABLE people_staging AS SELECT * FROM main.people WHERE 0"))
    # Each value through its column type's processor, so instants are stored exactly as the ORM stores
    # them (naive UTC), then straight to the driver: SQLAlchemy's own executemany spent 1.8 s of 100,000
    # people on building its parameter dicts.
    processors = [table.c[c].type.bind_processor(conn.dialect) for c in columns]
    staging = f"INSERT INTO temp.people_staging ({names}) VALUES ({', '.join('?' for _ in columns)})"
    for i in range(0, len(prepared), BATCH):
        conn.exec_driver_sql(staging, [
            tuple(value if process is None else process(value)
                  for process, value in zip(processors, (row[c] for c in columns), strict=True))
            for row in prepared[i:i + BATCH]])
    conn.execute(text(f"INSERT INTO main.people ({names}) SELECT {names} FROM temp.people_staging"))
    conn.execute(text("DROP TABLE temp.people_staging"))
    return len(prepared)
