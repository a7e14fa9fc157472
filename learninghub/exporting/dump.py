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
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    delete,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ..core import timezones, validate, vocab
from ..core.errors import DatabaseRefused, ValidationError
from ..core.messages import QT_TRANSLATE_NOOP, say
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
    with open(path, encoding="utf-8", errors="replace") as fh:
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


def _sections(path: Path) -> Iterator[tuple[str, list[str], list[list[Any]], int]]:
    """(table, columns, rows, line of the first row) per batch of a table, checking the end
    line; raises on a damaged file."""
    total = 0
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        fh.readline()
        name: str | None = None
        columns: list[str] = []
        rows: list[list[Any]] = []
        first = 0
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
                    yield name, columns, rows, first
                    rows, first = [], number + 1
            elif isinstance(item, dict) and "table" in item:
                if name is not None:
                    yield name, columns, rows, first
                name, columns, rows = _section_head(item, path, number), list(item["columns"]), []
                first = number + 1
            elif isinstance(item, dict) and item.get("end"):
                if item.get("rows") != total:
                    raise DatabaseRefused(
                        QT_TRANSLATE_NOOP("core", "{path}: the dump says {said} rows but holds {held}"),
                        path=str(path), said=item.get("rows"), held=total)
                for after, rest in enumerate(fh, start=number + 1):
                    if rest.strip():
                        raise DatabaseRefused(
                            QT_TRANSLATE_NOOP("core", "{path} line {number}: more after the end of the dump"),
                            path=str(path), number=after)
                if name is not None:
                    yield name, columns, rows, first
                return
            else:
                raise DatabaseRefused(
                    QT_TRANSLATE_NOOP("core", "{path} line {number}: not part of a Learning Hub dump"),
                    path=str(path), number=number)
    raise DatabaseRefused(
        QT_TRANSLATE_NOOP("core", "{path} is cut off (its last line is missing); nothing was restored"),
        path=str(path))


def _section_head(item: dict[str, Any], path: Path, number: int) -> str:
    """The table a ``{"table", "columns"}`` line names, once its columns are a list of distinct names."""
    name, columns = item.get("table"), item.get("columns")
    if (not isinstance(name, str) or not isinstance(columns, list) or not columns
            or not all(isinstance(c, str) for c in columns) or len(set(columns)) != len(columns)):
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("core", "{path} line {number}: a table line without a name and distinct column names"),
            path=str(path), number=number)
    return name


def load_dump(conn: Connection, path: Path) -> int:
    """Insert the dump's rows into the (empty) tables of ``conn``'s database, as it is
    (reflected, so a dump of an older schema loads into that schema). Returns the rows.

    Every row is checked before it is inserted, by the rules a typed or imported value
    meets (:class:`_Checker`: types, lengths, control and invisible-only characters,
    vocabularies, ids that exist and are not repeated); the first row that breaks one
    refuses the file with its line, table and column. The caller's transaction is then
    rolled back: nothing of the file stays.
    """
    meta = MetaData()
    meta.reflect(conn)
    known = {t.name for t in model_tables()}
    checker = _Checker(path)
    total = 0
    for name, columns, rows, first in _sections(path):
        table = meta.tables.get(name) if name in known else None
        if table is None:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path}: table {table!r} does not exist in schema"),
                                  path=str(path), table=name)
        unknown = [c for c in columns if c not in table.c]
        if unknown:
            raise DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path}: table {table!r} has no column {column!r}"),
                                  path=str(path), table=name, column=unknown[0])
        records = checker.rows(table, columns, rows, first)
        if not records:
            continue
        try:
            conn.execute(insert(table), records)
        except DBAPIError as exc:  # a rule of the database the checks do not know (a CHECK of a future schema)
            raise DatabaseRefused(
                QT_TRANSLATE_NOOP("core", "{path} lines {first} to {last}: table {table!r}: the database refuses "
                                          "a row: {reason}"),
                where="restore", path=str(path), first=first, last=first + len(rows) - 1, table=name,
                reason=str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__) from None
        total += len(records)
    return total


# -- the checks of a restored row

_INT_LEAST = -validate.INT_MAX - 1
Check = Callable[[Any], Any]


def _line(required: bool = False) -> Callable[[int], Check]:
    """One line of typed text (a name, a title): validate.text's rules, at the column's length."""
    return lambda most: lambda v: validate.text(v, "", required=required, max_len=most)


def _long(_most: int) -> Check:
    return lambda v: validate.long_text(v, "")


def _choice(choices: dict[str, str]) -> Callable[[int], Check]:
    return lambda _most: lambda v: vocab.check_choice(v, choices, "")


def _zone(_most: int) -> Check:
    return lambda v: timezones.zone(v, where="").key and v.strip()


#: How the values people type are checked when a dump brings them back, by (table, column).
#: Columns not named here (derived keys, codes, rules) are checked for their type, length and
#: the characters no database stores (NUL, lone surrogates) only.
_TYPED: dict[tuple[str, str], Callable[[int], Check]] = {
    ("cities", "name"): _line(required=True), ("cities", "native_name"): _line(),
    ("cities", "country"): lambda _m: lambda v: validate.country(v),
    ("organisations", "name"): _line(required=True), ("organisations", "native_name"): _line(),
    ("organisations", "country"): lambda _m: lambda v: validate.country(v),
    ("people", "given_name"): _line(), ("people", "family_name"): _line(), ("people", "native_name"): _line(),
    ("people", "title"): _line(), ("people", "phone"): _line(), ("people", "notes"): _long,
    ("people", "email"): lambda _m: lambda v: validate.email(v), ("people", "country"): lambda _m: validate.country,
    ("people", "role"): _choice(vocab.PERSON_ROLES), ("people", "gender"): _choice(vocab.PERSON_GENDERS),
    ("curricula", "title"): _line(required=True), ("curricula", "title_zh"): _line(),
    ("curricula", "description"): _long, ("curricula", "description_zh"): _long,
    ("seminars", "title"): _line(required=True), ("seminars", "title_zh"): _line(), ("seminars", "venue"): _line(),
    ("seminars", "description"): _long, ("seminars", "description_zh"): _long,
    ("seminars", "kind"): _choice(vocab.SEMINAR_KINDS), ("seminars", "format"): _choice(vocab.SEMINAR_FORMATS),
    ("seminars", "status"): _choice(vocab.SEMINAR_STATUSES), ("seminars", "timezone"): _zone,
    ("seminars", "capacity"): lambda _m: lambda v: validate.capacity(v, ""),
    ("sessions", "title"): _line(required=True), ("sessions", "title_zh"): _line(), ("sessions", "room"): _line(),
    ("sessions", "language"): _line(), ("sessions", "description"): _long, ("sessions", "description_zh"): _long,
    ("sessions", "kind"): _choice(vocab.SESSION_KINDS),
    ("seminar_partners", "role"): _choice(vocab.PARTNER_ROLES),
    ("registrations", "status"): _choice(vocab.REGISTRATION_STATUSES),
    ("registration_events", "old_status"): _choice(vocab.REGISTRATION_STATUSES),
    ("registration_events", "new_status"): _choice(vocab.REGISTRATION_STATUSES),
    ("registration_events", "note"): _long,
    ("certificates", "holder_name"): _line(), ("certificates", "seminar_title"): _line(),
    ("certificates", "revoke_reason"): _long,
    ("session_series", "rrule"): _line(required=True),
}


def _whole(v: Any) -> int:
    return validate.whole_number(v, "", least=_INT_LEAST)


def _number(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not a number"), value=_short(v))
    return v


def _boolean(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not true or false"), value=_short(v))
    return v


def _instant(v: Any) -> dt.datetime:
    """An ISO 8601 date-time, stored as naive UTC (an offset is applied)."""
    try:
        value = dt.datetime.fromisoformat(v) if isinstance(v, str) else None
    except ValueError:
        value = None
    if value is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not a date and time (2020-07-13T09:00:00)"),
                              value=_short(v))
    if value.tzinfo is not None:
        validate.calendar_day(value, "")
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return validate.calendar_day(value, "")


def _day(v: Any) -> dt.date:
    try:
        value = dt.date.fromisoformat(v) if isinstance(v, str) else None
    except ValueError:
        value = None
    if value is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not a date (2020-07-13)"), value=_short(v))
    return validate.calendar_day(value, "")


def _stored_text(most: int | None) -> Check:
    def check(v: Any) -> str:
        if not isinstance(v, str):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not text"), value=_short(v))
        if "\x00" in v:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "contains control characters"))
        if validate.LONE_SURROGATES.search(v):
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "contains bytes that are not text (is it in another encoding than UTF-8?)"))
        if most is not None and len(v) > most:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "is {length} characters long; at most {most} fit"),
                                  length=len(v), most=most)
        return v
    return check


def _json(v: Any) -> Any:
    """A JSON column (signatories, logos): a list of texts or of objects of texts."""
    items = v if isinstance(v, list) else None
    if items is None or not all(isinstance(x, str) or (isinstance(x, dict) and all(
            isinstance(y, str) or y is None for y in x.values())) for x in items):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not a list of texts"), value=_short(v))
    for x in items:
        for part in [x] if isinstance(x, str) else [y for y in x.values() if y is not None]:
            validate.text(part, "", max_len=1000)
    return v


def _as_it_is(v: Any) -> Any:
    return v


def _short(v: Any) -> str:
    """A value for a message, cut to a readable length."""
    shown = repr(v) if not isinstance(v, int) or isinstance(v, bool) else validate.shown_number(v)
    return shown if len(shown) <= 60 else shown[:57] + "..."


class _Checker:
    """Checks the rows of a dump in file order: each value by its column, each row against the
    rows before it (a repeated key, a reference to a row the dump does not hold)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: (table, columns) of a primary key or unique constraint -> values seen -> line.
        self.seen: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], int]] = {}

    def refused(self, number: int, table: str, column: str, reason: str) -> DatabaseRefused:
        return DatabaseRefused(QT_TRANSLATE_NOOP("core", "{path} line {number}: table {table!r}, column {column!r}: "
                                                         "{reason}; nothing was restored"),
                               where="restore", path=str(self.path), number=number, table=table, column=column,
                               reason=reason)

    def _check(self, table: Table, column: Any) -> Check:
        kind = column.type
        length = getattr(kind, "length", None)
        if isinstance(kind, Boolean):
            base: Check = _boolean
        elif isinstance(kind, Integer):
            base = _whole
        elif isinstance(kind, (Float, Numeric)):
            base = _number
        elif isinstance(kind, DateTime):
            base = _instant
        elif isinstance(kind, Date):
            base = _day
        elif isinstance(kind, JSON):
            base = _json
        elif isinstance(kind, String):
            base = _stored_text(length)
        else:
            base = _as_it_is
        typed = _TYPED.get((table.name, column.name))
        rule = typed(length or 20_000) if typed is not None else None
        integer_key = column.primary_key and isinstance(kind, Integer)
        nullable = column.nullable or (integer_key and len(table.primary_key.columns) == 1)

        def check(v: Any) -> Any:
            if v is None:
                if nullable:
                    return None
                raise ValidationError(QT_TRANSLATE_NOOP("core", "is required"))
            v = base(v)
            if integer_key and not validate.is_id(v):
                raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not an id (1 to {most})"),
                                      value=_short(v), most=f"{validate.INT_MAX:,}")
            if rule is not None:
                v = rule(v)
                if v is None and not column.nullable:
                    v = ""  # an optional name stored as '' (given or family name)
            return v

        return check

    def rows(self, table: Table, columns: list[str], rows: list[list[Any]], first: int) -> list[dict[str, Any]]:
        """The rows of one batch of ``table`` checked and decoded, as insert parameters."""
        name = table.name
        missing = [c.name for c in table.c if c.name not in columns and not c.nullable
                   and c.server_default is None and not (c.primary_key and len(table.primary_key.columns) == 1)]
        if missing:
            raise self.refused(first, name, missing[0], say(QT_TRANSLATE_NOOP("core", "missing from the table's columns")))
        checks = [self._check(table, table.c[c]) for c in columns]
        keys = [tuple(c.name for c in table.primary_key.columns)]
        keys += [tuple(c.name for c in x.columns) for x in table.constraints if isinstance(x, UniqueConstraint)]
        keys += [tuple(c.name for c in x.columns) for x in table.indexes if x.unique]
        keys = [k for k in keys if k and all(c in columns for c in k)]
        references = [(fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys
                      if fk.parent.name in columns]
        records = []
        for offset, row in enumerate(rows):
            number = first + offset
            record: dict[str, Any] = {}
            for column, check, value in zip(columns, checks, row):
                try:
                    record[column] = check(value)
                except ValidationError as exc:
                    raise self.refused(number, name, column, exc.message) from None
            if name == "people" and not record.get("erased_at") and {"given_name", "family_name"} <= record.keys() \
                    and not record["given_name"] and not record["family_name"]:
                raise self.refused(number, name, "family_name", say(QT_TRANSLATE_NOOP(
                    "core", "a person needs a given or a family name in Latin script")))
            for column, target, target_column in references:
                value = record[column]
                if value is not None and (value,) not in self.seen.get((target, (target_column,)), {}):
                    raise self.refused(number, name, column, say(QT_TRANSLATE_NOOP(
                        "core", "refers to {target} {value}, which no row before it holds"),
                        target=target, value=_short(value)))
            for key in keys:
                values = tuple(record[c] for c in key)
                if any(v is None for v in values):
                    continue  # NULLs do not collide
                earlier = self.seen.setdefault((name, key), {})
                if values in earlier:
                    raise self.refused(number, name, ", ".join(key), say(QT_TRANSLATE_NOOP(
                        "core", "repeats {value}, the key of the row on line {line}"),
                        value=_short(values[0] if len(values) == 1 else list(values)), line=earlier[values]))
                earlier[values] = number
            records.append(record)
        return records


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
