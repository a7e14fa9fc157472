"""Reading a screen's worth of data in one round trip to the server.

A screen far from its server waits one round trip per statement: 250 ms each between
Barcelona and Chengdu. So a page is read by a :class:`Query`: SELECTs that depend on
nothing but their parameters (never on each other's results), and a function that builds
the page from their rows. :func:`run_queries` sends the statements of one or more queries
together:

- on PostgreSQL through psycopg's pipeline mode, inside ``BEGIN ISOLATION LEVEL
  REPEATABLE READ READ ONLY … COMMIT`` — one round trip, one consistent snapshot;
- on SQLite one after another in one read transaction (a file on the same machine:
  nothing to gain from sending them together).

Statements select *columns*, not ORM entities, so both paths give the same rows
(tuples with named fields). Every statement sent is announced to SQLAlchemy's
``before_cursor_execute`` listeners either way, so statement counts stay honest.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select
from sqlalchemy.engine import Connection, Dialect

T = TypeVar("T")
Rows = Sequence[Any]


@dataclass(frozen=True)
class Query(Generic[T]):
    """Independent SELECTs and how to make a page of their rows (one list of rows per statement)."""

    statements: tuple[Select[Any], ...]
    build: Callable[[list[Rows]], T]


def run_queries(connection: Connection, queries: Sequence[Query[Any]]) -> list[Any]:
    """Every query's page, its statements all sent at once where the driver can."""
    statements = [stmt for query in queries for stmt in query.statements]
    if _can_pipeline(connection):
        results = _pipelined(connection, statements)
    else:
        results = [_named(stmt, connection.execute(stmt).all()) for stmt in statements]
    pages, start = [], 0
    for query in queries:
        end = start + len(query.statements)
        pages.append(query.build(results[start:end]))
        start = end
    return pages


def _can_pipeline(connection: Connection) -> bool:
    """psycopg outside a transaction of the caller's (``Database.reading``); inside one (a command
    reading what it changes), or with a libpq too old for pipelines, the statements run one by one."""
    if connection.dialect.driver != "psycopg":
        return False
    import psycopg

    raw = connection.connection.driver_connection
    # Pipeline mode needs libpq 14 or newer (the binary wheel brings its own; a system libpq may be older).
    return bool(raw is not None and raw.autocommit and psycopg.Pipeline.is_supported())


def _row_type(stmt: Select[Any]) -> type:
    return namedtuple("Row", list(stmt.selected_columns.keys()), rename=True)  # type: ignore[misc]


def _named(stmt: Select[Any], rows: Sequence[Any]) -> list[Any]:
    """Rows as plain named tuples, the same on both paths (no ORM objects, no lazy loading)."""
    make = _row_type(stmt)
    return [make(*row) for row in rows]


def _pipelined(connection: Connection, statements: list[Select[Any]]) -> list[list[Any]]:
    """Send BEGIN, the statements and COMMIT in one go (psycopg's pipeline); the rows come back
    processed by each column's SQLAlchemy type, as a normal execution would give them."""
    dialect = connection.dialect
    compiled = [stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True}) for stmt in statements]
    raw = connection.connection.driver_connection
    cursors = []
    try:
        with raw.pipeline():
            raw.cursor().execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for stmt in compiled:
                cursor = raw.cursor()
                params = _bind_params(stmt, dialect)
                connection.dispatch.before_cursor_execute(connection, cursor, stmt.string, params, None, False)
                cursor.execute(stmt.string, params)
                cursors.append(cursor)
            raw.cursor().execute("COMMIT")
    except BaseException:
        if raw.info.transaction_status != 0:  # not idle: an error left the snapshot open
            raw.rollback()
        raise
    return [_processed(stmt, cursor, dialect) for stmt, cursor in zip(statements, cursors, strict=True)]


def _bind_params(compiled: Any, dialect: Dialect) -> dict[str, Any]:
    """The statement's parameters as the driver takes them (each column type's bind processing applied)."""
    params = compiled.construct_params()
    for bind, name in compiled.bind_names.items():
        if name in params:
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                params[name] = process(params[name])
    return params


def _processed(stmt: Select[Any], cursor: Any, dialect: Dialect) -> list[Any]:
    """The cursor's rows, each value processed by its column's type given the server's type of it
    (``description``'s type code), as SQLAlchemy does for an ordinary execution."""
    rows = cursor.fetchall()
    processors = [column.type.dialect_impl(dialect).result_processor(dialect, described.type_code)
                  for column, described in zip(stmt.selected_columns, cursor.description, strict=True)]
    make = _row_type(stmt)
    if not any(processors):
        return [make(*row) for row in rows]
    return [make(*(value if process is None else process(value) for process, value in zip(processors, row, strict=True)))
            for row in rows]
