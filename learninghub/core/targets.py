"""Where a database lives (a file path or a server URL), and whether what was given can be one.

Read before anything opens it: a server URL that cannot be right is refused saying what is wrong
with it, never repeating it whole (it may hold a password).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import ArgumentError

from .errors import DatabaseRefused
from .messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Target:
    """Where a database lives: a SQLAlchemy URL, and the file path for SQLite."""

    url: str
    sqlite_path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def label(self) -> str:
        # Never the user or password; not the query (?connect_timeout=…) either.
        return str(self.sqlite_path) if self.sqlite_path else self.url.split("@")[-1].split("?")[0]


def parse_target(path_or_url: str) -> Target:
    """Accept a plain file path or a SQLAlchemy URL (``sqlite:///x``, ``postgresql+psycopg://``)."""
    if "://" not in path_or_url:
        path = Path(path_or_url).expanduser().resolve()
        return Target(f"sqlite:///{path}", path)
    if path_or_url.startswith("sqlite"):
        raw = path_or_url.split(":///", 1)[1] if ":///" in path_or_url else ""
        if raw in ("", ":memory:"):
            return Target("sqlite://", None)
        path = Path(raw).expanduser().resolve()
        return Target(f"sqlite:///{path}", path)
    return Target(path_or_url, None)


def check_server_url(url: str) -> None:
    """Refuse a server URL that cannot be one, saying what is wrong with it, before any driver sees it.

    The URL is never repeated (it may hold a password); only the part at fault is named."""
    from sqlalchemy.engine import make_url

    def refuse(template: str, **params: Any) -> DatabaseRefused:
        return DatabaseRefused(template, where="--db", **params)

    scheme = url.split("://", 1)[0]
    if not scheme.lower().startswith("postgresql"):
        raise refuse(QT_TRANSLATE_NOOP("core", "{scheme}:// is not a database this program can use: only SQLite "
                                               "files and postgresql+psycopg://user@host:port/database URLs are "
                                               "supported"),
                     scheme=scheme)
    # host[:port] after the last @ (what comes before it, the user and password, is never shown)
    host_port = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    port_text = host_port.rsplit("]", 1)[-1].rpartition(":")[2] if ":" in host_port.rsplit("]", 1)[-1] else None
    if port_text is not None and not port_text.isdigit():
        raise refuse(QT_TRANSLATE_NOOP("core", "the server URL is malformed: the port must be a number from 1 to "
                                               "65535, not {port!r} (write it as "
                                               "postgresql+psycopg://user@host:port/database)"), port=port_text)
    try:
        parsed = make_url(url)
        port = parsed.port
    except (ArgumentError, ValueError):
        raise refuse(QT_TRANSLATE_NOOP("core", "the server URL is malformed: write it as "
                                               "postgresql+psycopg://user@host:port/database")) from None
    from sqlalchemy.exc import NoSuchModuleError

    try:
        parsed.get_dialect()
    except NoSuchModuleError:
        raise refuse(QT_TRANSLATE_NOOP("core", "{scheme}:// names a driver this program does not know: write "
                                               "postgresql+psycopg://"), scheme=scheme) from None
    if port is not None and not 1 <= port <= 65535:
        raise refuse(QT_TRANSLATE_NOOP("core", "the server URL has port {port}: a port is a number from 1 to 65535"),
                     port=port)
    if not parsed.database:
        raise refuse(QT_TRANSLATE_NOOP("core", "the server URL names no database: write it as "
                                               "postgresql+psycopg://user@host:port/database"))
