"""The mail merge end to end: 1,000 personalised messages, each with its certificate PDF, to an SMTP server.

Why: issue 18's budget is 1,000 personalised messages with a certificate PDF each to a local server in
<= 15 s (pacing off). What is timed is what a user waits for after pressing Send: the batch checked and
queued (certificates issued, every message filled, the outbox written), then each message's PDF drawn,
the message built, recorded ``sending``, handed to the server and recorded ``sent``.

How: a fresh SQLite file (or ``--db URL``) with the tests' seminar (tests/mail/conftest.py: names in five
scripts, three sessions, everyone checked in, so eligible), the tests' aiosmtpd server on 127.0.0.1 in a
process of its own (as a real server is: in this process its parsing would take turns with ours on the
interpreter lock), ``plan.queue`` then ``sending.send_batch`` with no pacing. ``--profile`` prints where
the send's time goes (cProfile, top 25 by cumulative time).

    python -m bench.mail_send [--people N] [--db URL] [--profile] [--strict]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_S = 15.0


def serve(port: int, tally: Path) -> None:
    """The test server (tests/mail/conftest.py) on ``port`` until terminated; after each message, the count
    and the bytes received so far in ``tally``."""
    import signal

    from aiosmtpd.controller import Controller

    from tests.mail.conftest import Server, _Handler

    server = Server("127.0.0.1", port)

    class Counting(_Handler):
        async def handle_DATA(self, srv, session, envelope):  # type: ignore[no-untyped-def]
            answer = await super().handle_DATA(srv, session, envelope)
            received = self.server.received
            tally.write_text(f"{len(received)} {sum(len(data) for _, _, data in received)}")
            received[-1] = (received[-1][0], received[-1][1], b"x" * len(received[-1][2]))  # keep the size only
            return answer

    controller = Controller(Counting(server), hostname=server.host, port=port, data_size_limit=0)
    controller.start()
    print("ready", flush=True)
    signal.sigwait({signal.SIGTERM})
    controller.stop()


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--serve"]:
        serve(int(sys.argv[2]), Path(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--db", help="a database URL (default: a temporary SQLite file)")
    parser.add_argument("--profile", action="store_true", help="profile the send and print the top 25")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over the budget")
    args = parser.parse_args(argv)

    from learninghub.core import outbox
    from learninghub.core.store import open_database
    from learninghub.mailing import plan, sending
    from learninghub.mailing.transports import SmtpTransport
    from tests.mail.conftest import SENDER, _free_port, make_programme

    tmp = Path(tempfile.mkdtemp(prefix="bench-mail-"))
    db = open_database(args.db or str(tmp / "hub.sqlite"))
    started = time.perf_counter()
    programme = make_programme(db, args.people)
    setup = time.perf_counter() - started

    port = _free_port()
    # The server in a process of its own, as a real one is: in this process its parsing of each message
    # would take turns with ours on the interpreter lock.
    child = subprocess.Popen([sys.executable, "-m", "bench.mail_send", "--serve", str(port), str(tmp / "got")],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    try:
        t0 = time.perf_counter()
        req = plan.request(programme.seminar, "certificate", sender=SENDER, lang="auto")
        with db.transaction() as s:
            batch = plan.queue(s, req)
        t1 = time.perf_counter()
        transport = SmtpTransport("127.0.0.1", port, security="none")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            report = profiler.runcall(sending.send_batch, db, batch, transport)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        else:
            report = sending.send_batch(db, batch, transport)
        t2 = time.perf_counter()
    finally:
        child.terminate()
        child.wait()
    with db.reading() as s:
        counts = outbox.get_batch(s, batch).counts
    db.close()
    received, size = (int(x) for x in (tmp / "got").read_text().split())
    total = t2 - t0
    print(f"mail_send: {args.people} people ({setup:.1f} s to set up), certificate template, one PDF each")
    print(f"  queue (issue certificates, fill, record) {t1 - t0:6.2f} s")
    print(f"  send  (PDF, message, sending, SMTP, sent) {t2 - t1:6.2f} s  "
          f"{received / (t2 - t1):.0f} messages/s, {size / received / 1024:.0f} KiB each")
    print(f"  total {total:.2f} s for {received} messages (budget {BUDGET_S:.0f} s: "
          f"{'ok' if total <= BUDGET_S else 'OVER'}); outbox {counts}, complete={report.complete}")
    ok = report.complete and received == args.people and counts["sent"] == args.people
    return 1 if not ok or (args.strict and total > BUDGET_S) else 0


if __name__ == "__main__":
    sys.exit(main())
