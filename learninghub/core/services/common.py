"""Helpers every service uses: fetch-or-refuse, and the stale-edit check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from .. import validate
from ..errors import NotFound, StaleEdit
from ..messages import QT_TRANSLATE_NOOP
from ..messages import field as field_name

T = TypeVar("T")


def get_or_refuse(session: Session, model: type[T], ident: int, what: str, **kw: Any) -> T:
    """The row ``ident`` of ``model``, or NotFound saying which ``what`` is missing.

    An id no row can have (0, negative, beyond the databases' integers, not a number) is
    refused the same way without asking the database (which would overflow on it)."""
    check_id(ident, what)
    row = session.get(model, ident, **kw)
    if row is None:
        raise not_found(what, ident)
    return row


def check_id(ident: object, what: str) -> None:
    """Refuse, as not found, an id no stored row can have; a filter on it would overflow the database."""
    if not validate.is_id(ident):
        raise not_found(what, ident)


def check_optional_id(ident: object, what: str) -> None:
    if ident is not None:
        check_id(ident, what)


def not_found(what: str, ident: object) -> NotFound:
    """"there is no seminar with id 7": the one refusal for a row asked for by id that is not there."""
    shown: object = ident
    if isinstance(ident, int) and not isinstance(ident, bool):
        shown = ident if ident.bit_length() <= 100 else validate.shown_number(ident)
    elif not isinstance(ident, str):
        shown = repr(ident)
    return NotFound(QT_TRANSLATE_NOOP("core", "there is no {what} with id {id}"), where=what, what=field_name(what),
                    id=shown)


def check_version(row: Any, expected_version: int | None, what: str) -> None:
    """Refuse an edit made on a copy older than the stored row (two people, one row)."""
    if expected_version is not None and row.version != expected_version:
        raise StaleEdit(
            QT_TRANSLATE_NOOP("core", "{what} {id} was changed by someone else meanwhile "
                              "(you edited version {edited}, it is now version {stored}); "
                              "reload it and apply your change again"),
            where=what,
            fresh=stored_values(row),
            what=field_name(what),
            id=row.id,
            edited=expected_version,
            stored=row.version,
        )


def stored_values(row: Any) -> dict[str, Any]:
    """The row's column values as stored now (the "fresh values" of a stale edit)."""
    from sqlalchemy import inspect

    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


UNSET: Any = object()
"""Marks an edit argument that was not given (None means 'clear the field')."""


Cleaner = Callable[[Any], Any]


def cleaned(cleaners: dict[str, Cleaner], **values: Any) -> dict[str, Any]:
    """The given values, each checked and normalised by its field's cleaner; UNSET ones left out.

    One table of cleaners per entity serves both adding (every field) and editing (the
    fields given), so a rule on a field is written once.
    """
    return {field: cleaners[field](value) for field, value in values.items() if value is not UNSET}


def assign(row: Any, values: dict[str, Any]) -> None:
    for field, value in values.items():
        setattr(row, field, value)
