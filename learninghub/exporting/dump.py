"""A portable dump of every table as JSON lines, and loading one back.

For PostgreSQL (which has no single-file copy a desktop user can make) and as a
format any database can read. Line 1 says what the file is and which schema wrote
it; each table is a ``{"table", "columns"}`` line followed by one JSON array per
row; the last line counts the rows, so a cut-off file is refused, not half-loaded.

Values: instants as ISO 8601 in UTC, dates as ISO dates, the rest as JSON.
Derived tables (SQLite's person search index) are not dumped: triggers rebuild them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Date, DateTime, MetaData, Table, delete, insert, select, text
from sqlalchemy.engine import Connection

from ..core.errors import DatabaseRefused
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.models import Base

FORMAT = "learninghub-dump"
FORMAT_VERSION = 1
BATCH = 1000


def is_dump(path: Path) -> bool:
    """Whether the file starts like a dump (cheap: reads the first line only)."""
    try:
        with open(path, "rb") as fh:
            first = fh.readline(4096)
        return json.loads(first.decode("utf-8")).get("format") == FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def model_tables() -> list[Table]:
    """Every table of the models, parents before children (foreign keys)."""
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_dump(conn: Connection, out: IO[str], revision: str) -> int:
    """Write every model table read through ``conn`` (one consistent transaction); return the row count."""
    tables = model_tables()
    header = {"format": FORMAT, "version": FORMAT_VERSION, "schema": revision,
              "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "tables": [t.name for t in tables]}
    out.write(json.dumps(header, ensure_ascii=False) + "\n")
    total = 0
    for table in tables:
        columns = [c.name for c in table.columns]
        out.write(json.dumps({"table": table.name, "columns": columns}) + "\n")
        order = [table.c[c.name] for c in table.primary_key.columns]
        for row in conn.execute(select(table).order_by(*order)):
            out.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
            total += 1
    out.write(json.dumps({"end": True, "rows": total}) + "\n")
    return total


def read_header(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        try:
            header = json.loads(fh.readline())
        except ValueError:
            header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} is not a Learning Hub dump"), path=str(path))
    if header.get("version") != FORMAT_VERSION or not isinstance(header.get("schema"), str):
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("core", "{path} is a dump in a format this version does not read (version {version})"),
            path=str(path), version=header.get("version"))
    return header


def _sections(path: Path) -> Iterator[tuple[str, list[str], list[list[Any]]]]:
    """(table, columns, rows) per table, checking the end line; raises on a damaged file."""
    total = 0
    with open(path, encoding="utf-8") as fh:
        fh.readline()
        name: str | None = None
        columns: list[str] = []
        rows: list[list[Any]] = []
        for number, line in enumerate(fh, start=2):
            try:
                item = json.loads(line)
            except ValueError:
                raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} line {number}: damaged (not JSON)"),
                                      path=str(path), number=number) from None
            if isinstance(item, list):
                if name is None or len(item) != len(columns):
                    raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} line {number}: a row that fits no table"),
                                          path=str(path), number=number)
                rows.append(item)
                total += 1
                if len(rows) >= BATCH:
                    yield name, columns, rows
                    rows = []
            elif isinstance(item, dict) and "table" in item:
                if name is not None:
                    yield name, columns, rows
                name, columns, rows = str(item["table"]), list(item["columns"]), []
            elif isinstance(item, dict) and item.get("end"):
                if item.get("rows") != total:
                    raise DatabaseRefused(
                        QT_TRANSLATE_NOOP("core", "{path}: the dump says {said} rows but holds {held}"),
                        path=str(path), said=item.get("rows"), held=total)
                if name is not None:
                    yield name, columns, rows
                return
            else:
                raise DatabaseRefused(
                    QT_TRANSLATE_NOOP("core", "{path} line {number}: not part of a Learning Hub dump"),
                    path=str(path), number=number)
    raise DatabaseRefused(
        QT_TRANSLATE_NOOP("core", "{path} is cut off (its last line is missing); nothing was restored"),
        path=str(path))


def load_dump(conn: Connection, path: Path) -> int:
    """Insert the dump's rows into the (empty) tables of ``conn``'s database, as it is
    (reflected, so a dump of an older schema loads into that schema). Returns the rows."""
    meta = MetaData()
    meta.reflect(conn)
    total = 0
    for name, columns, rows in _sections(path):
        table = meta.tables.get(name)
        if table is None:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path}: table {table!r} does not exist in schema"),
                                  path=str(path), table=name)
        unknown = [c for c in columns if c not in table.c]
        if unknown:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path}: table {table!r} has no column {column!r}"),
                                  path=str(path), table=name, column=unknown[0])
        decoders = [_decoder(table.c[c].type) for c in columns]
        if rows:
            conn.execute(insert(table), [
                {c: dec(v) for c, dec, v in zip(columns, decoders, row)} for row in rows
            ])
            total += len(rows)
    return total


def _decoder(kind: Any):  # type: ignore[no-untyped-def]
    if isinstance(kind, DateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    return lambda v: v


def replace_rows(source: Connection, target: Connection) -> int:
    """Make ``target``'s tables hold exactly ``source``'s rows (both at the same schema),
    inside the caller's transaction. Returns the number of rows copied."""
    tables = model_tables()
    for table in reversed(tables):
        target.execute(delete(table))
    total = 0
    for table in tables:
        result = source.execute(select(table))
        while chunk := result.fetchmany(BATCH):
            target.execute(insert(table), [dict(row._mapping) for row in chunk])
            total += len(chunk)
    if target.dialect.name == "postgresql":
        _reset_sequences(target, tables)
    return total


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: move each id sequence past the highest one."""
    for table in tables:
        if "id" in table.c and table.c["id"].primary_key:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 1), "
                f"(SELECT MAX(id) FROM \"{table.name}\") IS NOT NULL)"
            ))
