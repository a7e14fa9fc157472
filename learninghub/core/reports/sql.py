"""SQL the two databases write differently, as SQLAlchemy constructs compiled per dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement


class minutes_between(FunctionElement[int]):
    """Whole minutes from one stored instant to another (a session's length), rounded.

    Why: eligibility by hours sums the minutes each person attended; summing in SQL keeps
    one row per group instead of one per person. SQLite keeps instants as text, PostgreSQL as timestamps."""

    type = Integer()
    inherit_cache = True
    name = "minutes_between"

    def __init__(self, start: ColumnElement[Any], end: ColumnElement[Any]) -> None:
        super().__init__(start, end)


@compiles(minutes_between)
def _sqlite(element: minutes_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (f"CAST(ROUND((julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"
            f" * 1440) AS INTEGER)")


@compiles(minutes_between, "postgresql")
def _postgresql(element: minutes_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (f"CAST(ROUND(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)}))"
            f" / 60) AS INTEGER)")
