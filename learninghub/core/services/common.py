"""Helpers every service uses: fetch-or-refuse, and the stale-edit check."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from ..errors import NotFound, StaleEdit

T = TypeVar("T")


def get_or_refuse(session: Session, model: type[T], ident: int, what: str, **kw: Any) -> T:
    """The row ``ident`` of ``model``, or NotFound saying which ``what`` is missing."""
    row = session.get(model, ident, **kw)
    if row is None:
        raise NotFound(f"there is no {what} with id {ident}", where=what)
    return row


def check_version(row: Any, expected_version: int | None, what: str) -> None:
    """Refuse an edit made on a copy older than the stored row (two people, one row)."""
    if expected_version is not None and row.version != expected_version:
        raise StaleEdit(
            f"{what} {row.id} was changed by someone else meanwhile "
            f"(you edited version {expected_version}, it is now version {row.version}); "
            "reload it and apply your change again",
            where=what,
        )


UNSET: Any = object()
"""Marks an edit argument that was not given (None means 'clear the field')."""
