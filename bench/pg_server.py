"""A throwaway PostgreSQL server for benchmarks, or the one named in $LEARNINGHUB_BENCH_PG_URL.

Why: the app is shared over a PostgreSQL server, and how it behaves there (round trips, not
disk) can only be measured against a real one. Like ``.ci/postgres.sh`` for the tests, this
makes a cluster in a temporary folder from Debian's server binaries (as the ``postgres`` user
when run as root: initdb refuses root), listens on 127.0.0.1 on a free port with durability
off, and stops and deletes it at exit, also on Ctrl+C or an exception.

    with pg_server.server() as base_url:   # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        ...
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

URL_ENV = "LEARNINGHUB_BENCH_PG_URL"
BINARIES = "/usr/lib/postgresql/*/bin"


class PostgresUnavailable(Exception):
    """No server to run on; the message says what to install."""


def find_bindir() -> Path:
    """The newest Debian server binaries (the version folders sort as numbers: 9.6 < 15 < 16)."""
    def version(path: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", Path(path).parent.name))

    found = [d for d in glob.glob(BINARIES) if os.access(os.path.join(d, "initdb"), os.X_OK)]
    if not found:
        raise PostgresUnavailable(f"no PostgreSQL server binaries in {BINARIES}: install them with "
                                  f"`apt-get install postgresql`, or set {URL_ENV} to a server's URL")
    return Path(max(found, key=version))


def free_port() -> int:
    """A port nobody listens on now (the server takes it a moment later; good enough for a bench)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """One cluster in a temporary folder, owned by ``postgres`` when we are root. Start with
    :meth:`start` (or ``with``); :meth:`stop` is idempotent and also runs at interpreter exit."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.tmp: Path | None = None
        self.port = 0
        self._as_owner: list[str] = []

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, log: str) -> None:
        assert self.tmp is not None
        with open(self.tmp / log, "ab") as out:
            # A session of its own: Ctrl+C in the terminal reaches us, and we stop the server in order.
            subprocess.run([*self._as_owner, *args], stdout=out, stderr=subprocess.STDOUT, check=True,
                           start_new_session=True)

    def start(self) -> PostgresServer:
        self.tmp = Path(tempfile.mkdtemp(prefix="lh-bench-pg-"))
        atexit.register(self.stop)
        if os.geteuid() == 0:
            if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
            shutil.chown(self.tmp, "postgres")
            self._as_owner = ["runuser", "-u", "postgres", "--"]
        self.port = free_port()
        data = str(self.tmp / "data")
        try:
            self._run(str(self.bindir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                      "--locale=C.UTF-8", log="initdb.log")
            self._run(str(self.bindir / "pg_ctl"), "-D", data, "-l", str(self.tmp / "server.log"), "-w", "start",
                      "-o", f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
                            "-c synchronous_commit=off -c full_page_writes=off", log="pg_ctl.log")
        except subprocess.CalledProcessError as exc:
            logs = "".join(p.read_text(errors="replace")[-2000:] for p in sorted(self.tmp.glob("*.log")))
            self.stop()
            raise PostgresUnavailable(f"the throwaway PostgreSQL server did not start ({exc}):\n{logs}") from None
        return self

    def stop(self) -> None:
        tmp, self.tmp = self.tmp, None
        if tmp is None:
            return
        if (tmp / "data" / "postmaster.pid").exists():
            subprocess.run([*self._as_owner, str(self.bindir / "pg_ctl"), "-D", str(tmp / "data"), "-m", "immediate",
                            "stop"], capture_output=True, start_new_session=True)
        shutil.rmtree(tmp, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def server() -> Iterator[str]:
    """The base URL of a server whose user may create databases: $LEARNINGHUB_BENCH_PG_URL, else a
    throwaway one (raises :class:`PostgresUnavailable` when there are no binaries to make it)."""
    given = os.environ.get(URL_ENV, "").strip()
    if given:
        yield given
        return
    with PostgresServer() as pg:
        yield pg.url
