"""A PostgreSQL server connection as the user types it, and as it may be shown or stored.

Why a module of its own: the password must never reach the screen or the disk. Every
place that shows a database (title bar, Open recent, status bar, messages) goes through
:func:`display_name`, and everything stored goes through :func:`storable`, which drop
the password (libpq reads ``PGPASSWORD`` or ``~/.pgpass`` itself, or the app asks again).
No Qt here: the dialog and the menu share it, and the tests read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported when used: the main window loads this module before it
    from sqlalchemy.engine import URL

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
# Seconds libpq waits for an unreachable host before giving up (its own default is forever).
CONNECT_TIMEOUT = 10
# URL query keys that may hold a secret: never shown, never stored.
SECRET_KEYS = frozenset({"password", "passfile", "sslpassword"})


@dataclass(frozen=True)
class ServerSettings:
    """What the Connect to a server dialog holds."""

    host: str = "localhost"
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""

    def url(self, *, with_password: bool = True) -> str:
        """The SQLAlchemy URL; special characters of user and password are %-quoted, an IPv6
        host bracketed, and a connect timeout added so an unreachable host fails in seconds."""
        from sqlalchemy.engine import URL

        url = URL.create(DRIVER, username=self.user or None,
                         password=(self.password or None) if with_password else None,
                         host=self.host.strip().strip("[]") or None, port=self.port or None,
                         database=self.database or None, query={"connect_timeout": str(CONNECT_TIMEOUT)})
        return url.render_as_string(hide_password=False)

    @property
    def display(self) -> str:
        return display_name(self.url(with_password=False))

    def without_password(self) -> ServerSettings:
        return replace(self, password="")


def is_server_url(text: str) -> bool:
    return "://" in text and not text.strip().lower().startswith("sqlite")


def parse(text: str) -> ServerSettings:
    """The settings of a pasted URL (``postgresql://`` or ``postgresql+psycopg://``); ValueError
    with a short reason when it is not one. A password given as ``?password=`` is taken too."""
    url = _parsed(text.strip())
    if url is None:
        raise ValueError("not a database URL (it starts postgresql://)")
    if not url.drivername.startswith("postgresql"):
        raise ValueError(f"not a PostgreSQL URL (it is {url.drivername})")
    password = url.password or url.query.get("password") or ""
    return ServerSettings(host=url.host or url.query.get("host") or "localhost", port=url.port or DEFAULT_PORT,
                          database=url.database or "", user=url.username or "",
                          password=password if isinstance(password, str) else password[0])


def _parsed(text: str) -> URL | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(text)
    except (ArgumentError, ValueError):
        return None


def storable(url_text: str) -> str:
    """``url_text`` with the password (and other secrets of the query) taken out, for QSettings."""
    url = _parsed(url_text)
    if url is None:
        return url_text
    query = {k: v for k, v in url.query.items() if k.lower() not in SECRET_KEYS}
    return url._replace(password=None, query=query).render_as_string(hide_password=False)


def display_name(path_or_url: str) -> str:
    """How a database is shown: a file's path, or ``user@host:port/database`` (the port only
    when not 5432) — never a password, never the query."""
    if not is_server_url(path_or_url):
        if path_or_url.lower().startswith("sqlite"):
            return path_or_url.split(":///", 1)[-1] or path_or_url
        return path_or_url
    url = _parsed(path_or_url)
    if url is None:
        return "?"
    host = url.host or str(url.query.get("host") or "localhost")
    if ":" in host:
        host = f"[{host}]"
    port = f":{url.port}" if url.port and url.port != DEFAULT_PORT else ""
    user = f"{url.username}@" if url.username else ""
    return f"{user}{host}{port}/{url.database or ''}"


def has_password(url_text: str) -> bool:
    url = _parsed(url_text)
    return url is not None and bool(url.password or url.query.get("password"))


def database_label(target: object) -> str:
    """What the window calls an open database (a ``store.Target``): its file, or ``user@host/db``."""
    path = getattr(target, "sqlite_path", None)
    return str(path) if path is not None else display_name(str(getattr(target, "url", "")))
