"""Erasing a person forgets them in the outbox too: no address, name, text or server answer of
theirs stays, each batch's counts stay, and nothing queued for them goes out afterwards."""

from __future__ import annotations

from sqlalchemy import select

from learninghub.core import outbox
from learninghub.core.services import people
from learninghub.core.store import Database
from learninghub.mailing import plan, sending
from learninghub.mailing.transports import SmtpTransport
from tests.mail.conftest import SENDER, Server, make_programme


def _outbox_text(db: Database) -> str:
    with db.reading() as s:
        rows = [*s.execute(select(outbox.batches)), *s.execute(select(outbox.messages))]
    return "\n".join(repr(tuple(r)) for r in rows)


def test_erasing_a_person_forgets_them_in_the_outbox(db: Database, smtp_server: Server) -> None:
    programme = make_programme(db, count=6)
    han, li = programme.people[2], programme.people[1]  # 한현숙3 (Hyeon-suk Han 3), 李佳2 (Jia Li 2)
    smtp = SmtpTransport(smtp_server.host, smtp_server.port, security="none")
    sent_batch = plan.request(programme.seminar, "reminder", sender=SENDER, lang="auto", attachments_=[])
    with db.transaction() as s:
        first = plan.queue(s, sent_batch)
    smtp_server.refuse = {"p2@example.org"}  # Li's message fails, with an answer that quotes the address
    sending.send_batch(db, first, smtp)
    with db.transaction() as s:
        second = plan.queue(s, sent_batch)  # queued, not yet sent
    with db.reading() as s:
        counts_before = {b.id: b.total for b in outbox.list_batches(s)}
    text = _outbox_text(db)
    assert "p3@example.org" in text and "한현숙3" in text and "p2@example.org" in text

    with db.transaction() as s:
        people.erase_person(s, han)
        people.erase_person(s, li)

    text = _outbox_text(db)
    for gone in ("p3@example.org", "한현숙3", "Hyeon-suk", "Han 3", "p2@example.org", "李佳2", "Jia", "Li 2"):
        assert gone not in text, gone
    with db.reading() as s:
        assert {b.id: b.total for b in outbox.list_batches(s)} == counts_before  # every message still counted
        assert outbox.get_batch(s, first).counts == {"queued": 0, "sending": 0, "sent": 5, "failed": 1}
        mine = outbox.history(s, han)  # the person's history: when, and in what state, without the content
        assert [(m.batch_id, m.status) for m in mine] == [(first, "sent"), (second, "failed")]
        assert all((m.recipient, m.recipient_name, m.subject, m.body) == ("", "", "", "") for m in mine)
        assert mine[0].finished_at is not None and mine[0].answer is None and mine[1].answer == outbox.ERASED
        assert outbox.history(s, li)[0].answer is None  # the server's answer named the address

    smtp_server.refuse = set()
    report = sending.send_batch(db, second, smtp)  # the rest goes out; nothing to the erased
    with db.transaction() as s:
        assert outbox.retry_failed(s, first) == 1  # Li's failed message, retried: still nobody to send it to
    again = sending.send_batch(db, first, smtp)
    assert (report.sent, report.left, again.sent, again.failed) == (4, 0, 0, 1)
    rcpts = [r for _, tos, _ in smtp_server.received for r in tos]
    assert "p3@example.org" not in rcpts[5:] and "p2@example.org" not in rcpts and len(rcpts) == 5 + 4
