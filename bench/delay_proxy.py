"""A TCP proxy that makes a server look far away: every chunk arrives RTT/2 after it was sent.

Why: the app's cost on a distant server is its number of round trips, and a local server
answers in microseconds. Between the app and a local server, this proxy delivers each chunk
read, in each direction, one-way delay (RTT/2) after it *arrived*: chunks are queued with
their arrival time and a writer per direction waits until that time + delay. Sleeping per
chunk instead would add the delays up, so pipelined traffic would look slower than on a
real network (latency, not bandwidth, is what we model).

It also records when each client→server chunk arrived (``time.perf_counter()``, which is the
system-wide monotonic clock on Linux, so another process's timestamps compare with it): a
client sends one chunk per round trip it waits for, so chunks in a time window ≈ round trips.

    with DelayProxy("127.0.0.1", 5432, rtt_ms=250) as proxy:
        connect to 127.0.0.1:proxy.port ...
        proxy.chunks_between(t0, t1), proxy.connections_between(t0, t1)
"""

from __future__ import annotations

import asyncio
import bisect
import threading
import time
from typing import Any

CHUNK = 64 * 1024


class DelayProxy:
    """The proxy, running in a background thread with its own event loop while the ``with`` lasts."""

    def __init__(self, target_host: str, target_port: int, rtt_ms: float, listen_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.delay = rtt_ms / 2000  # one way, in seconds
        self.listen_host = listen_host
        self.port = 0
        self._lock = threading.Lock()
        self._to_server: list[float] = []  # arrival times of client→server chunks, ascending
        self._connections: list[float] = []  # when each client connected
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stop: asyncio.Event | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    # -- figures (any thread)
    @property
    def chunks_to_server(self) -> int:
        with self._lock:
            return len(self._to_server)

    def chunks_between(self, start: float, end: float) -> int:
        """Client→server chunks that arrived in [start, end] (perf_counter seconds)."""
        with self._lock:
            return bisect.bisect_right(self._to_server, end) - bisect.bisect_left(self._to_server, start)

    def connections_between(self, start: float, end: float) -> int:
        with self._lock:
            return bisect.bisect_right(self._connections, end) - bisect.bisect_left(self._connections, start)

    # -- life
    def __enter__(self) -> DelayProxy:
        ready = threading.Event()
        failure: list[BaseException] = []

        def main() -> None:
            try:
                asyncio.run(self._serve(ready))
            except BaseException as exc:  # noqa: BLE001 - told to the thread that waits for ready
                failure.append(exc)
                ready.set()

        self._thread = threading.Thread(target=main, name="delay-proxy", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        """A task we hold on to: asyncio keeps only weak references, and a task of a connection half closed
        can otherwise be collected while pending."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        server = await asyncio.start_server(lambda r, w: self._spawn(self._client(r, w)), self.listen_host, 0)
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        async with server:
            await self._stop.wait()
            server.close()
            for task in list(self._tasks):  # connections still open (a client that died without closing): dropped
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _client(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        with self._lock:
            self._connections.append(time.perf_counter())
        try:
            server_r, server_w = await asyncio.open_connection(*self.target)
        except OSError:
            client_w.close()
            return
        pipes = [self._spawn(self._pipe(client_r, server_w, self._to_server)),
                 self._spawn(self._pipe(server_r, client_w, None))]
        try:
            # Each direction ends at its end of stream; a broken one ends the connection.
            done, pending = await asyncio.wait(pipes, return_when=asyncio.FIRST_EXCEPTION)
            if pending:
                for w in (client_w, server_w):
                    w.close()
                await asyncio.wait(pending)
        finally:
            for task in pipes:
                task.cancel()
            for w in (client_w, server_w):
                w.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    arrivals: list[float] | None) -> None:
        """One direction: a reader task that stamps each chunk, and here the writer that delivers it at stamp +
        delay (so chunks in flight overlap, as on a wire)."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def read() -> None:
            while True:
                try:
                    data = await reader.read(CHUNK)
                except (ConnectionError, OSError):
                    data = b""
                due = loop.time() + self.delay
                if data and arrivals is not None:
                    with self._lock:
                        arrivals.append(time.perf_counter())
                queue.put_nowait((due, data))
                if not data:
                    return

        reading = self._spawn(read())
        try:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:  # the sender closed: so does our side, once everything before it is delivered
                    if writer.can_write_eof() and not writer.is_closing():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
        finally:
            reading.cancel()
