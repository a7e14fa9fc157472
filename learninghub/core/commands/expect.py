"""What an inverse expects to find: the rows as its change left them.

Why more than a version: versions only grow. Save two edits of one seminar and undo both:
undoing the second puts its fields back but moves the version on, so the first edit's
inverse, which expects the version its edit left, would be refused although nobody else
changed anything. So an inverse also carries what it *saw*: a digest of each row's values
as its change left them (the version and the update time left out). It runs when the row
still has the version it expects, or still has exactly those values — a change someone
else made and did not take back always shows in them, so it is never overwritten.
A digest also covers what a version misses: a session's speakers are rows of their own,
and changing them leaves the session's version as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from ..errors import StaleEdit
from ..messages import QT_TRANSLATE_NOOP
from ..messages import field as field_name
from ..services.common import check_version, stored_values

#: (table, row id, digest) of each row as a change left it.
Seen = tuple[tuple[str, int, str], ...]

#: Columns that move on every write whatever it changed.
_MOVING = frozenset({"version", "updated_at"})


def digest(values: Mapping[str, Any]) -> str:
    """A short fingerprint of ``values`` (instants compared in UTC, whatever their zone object)."""
    def plain(value: Any) -> str:
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.astimezone(dt.UTC).isoformat()
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(plain(v) for v in value) + "]"
        return repr(value)

    text = "\x1f".join(f"{key}={plain(values[key])}" for key in sorted(values))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def row_digest(row: Any) -> str:
    """The digest of a row's stored values; a session's speakers (in order) count as its values."""
    values = {k: v for k, v in stored_values(row).items() if k not in _MOVING}
    if hasattr(row, "speaker_links"):
        values["speakers"] = [link.person_id for link in row.speaker_links]
    return digest(values)


def state_of(session: Session, *rows: Any) -> Seen:
    """What an inverse must find: ``rows`` as they are now, read back as stored."""
    session.flush()
    out = []
    for row in rows:
        session.refresh(row)
        out.append((inspect(row).mapper.local_table.name, row.id, row_digest(row)))
    return tuple(out)


def version_to_expect(row: Any, version: int | None, saw: Seen, what: str) -> int | None:
    """The version to hand a service for ``row``: its own when the row is as ``saw`` says
    (our own undo and redo may have moved the version on), else ``version`` (the service
    checks it). Refused (StaleEdit) when the values seen changed: someone else's change.
    """
    table = inspect(row).mapper.local_table.name
    wanted = next((d for t, i, d in saw if t == table and i == row.id), None)
    if wanted is None:
        return version
    if row_digest(row) == wanted:
        return row.version
    check_version(row, version, what)  # says which version was expected, when it moved on
    raise changed_meanwhile(row, what)


def changed_meanwhile(row: Any, what: str) -> StaleEdit:
    """The refusal of an undo or redo that finds ``row`` (or what hangs on it) changed by someone else."""
    return StaleEdit(
        QT_TRANSLATE_NOOP("core", "{what} {id} was changed by someone else meanwhile; "
                                  "reload it and apply your change again"),
        where=what, fresh=stored_values(row), what=field_name(what), id=row.id,
    )
