"""The paced sending loop: record, hand over, record, one message at a time.

For each queued message: its attachments are drawn and the ``EmailMessage`` built; a
transaction marks it ``sending``; the transport hands it over; another transaction marks it
``sent`` or ``failed`` with the server's answer. So the outbox is never behind the server by more
than the one message in hand. Cancel is honoured between messages (never inside a hand-over);
pacing waits between messages in short steps so Cancel is quick. A lost connection stops the
batch: the message in hand goes back to ``queued`` (lost before DATA) or stays ``sending``
(lost during DATA: unknown, see ``outbox``), and ``resume`` goes on from there.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any, Protocol

from ..core import outbox
from . import compose
from .attachments import AttachmentMaker
from .recipients import Recipient
from .transports import ConnectionLost, Outcome

if TYPE_CHECKING:
    from ..core.store import Database


class Transport(Protocol):
    drafts: bool

    def open(self) -> None: ...
    def send(self, msg: EmailMessage, sender: str, recipient: str, position: int) -> Outcome: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Report:
    """How a run ended: what it did, what is left, and why it stopped early (None: it did not)."""

    batch_id: int
    sent: int
    failed: int
    left: int
    unknown: int
    stopped: str | None = None

    @property
    def complete(self) -> bool:
        return self.stopped is None and self.left == 0 and self.unknown == 0


def _people(db: Database, batch: outbox.Batch, todo: list[outbox.Message]) -> dict[int, Recipient]:
    """The batch's people as the attachments need them (their zone, their sessions), read once."""
    from . import recipients

    ids = [m.person_id for m in todo if m.person_id is not None]
    if batch.seminar_id is None or not ids:
        return {}
    with db.reading() as s:
        found = recipients.find(s, batch.seminar_id, batch.audience, only=ids)
    return {r.person_id: r for r in (*found.included, *(r for r, _ in found.excluded))}


def _recipient(people: dict[int, Recipient], message: outbox.Message) -> Recipient:
    """The person now, with the address the message was queued for (someone no longer in the audience:
    what the message says of them)."""
    person = people.get(message.person_id or 0)
    if person is not None:
        return dataclasses.replace(person, email=message.recipient)
    return Recipient(message.person_id or 0, message.recipient_name, "", None, None, None, message.recipient,
                     None, None, None, None)


def send_batch(db: Database, batch_id: int, transport: Transport, *, per_minute: float | None = None,
               progress: Callable[[int, int, str], Any] | None = None,
               cancelled: Callable[[], bool] | None = None,
               sleep: Callable[[float], None] = time.sleep) -> Report:
    """Send the batch's queued messages through ``transport``; ``per_minute`` paces them.

    ``progress(done, total, label)`` after each message (done counts the batch's sent and failed);
    ``cancelled()`` asked between messages stops the run cleanly (what is left stays queued).
    """
    with db.reading() as s:
        batch = outbox.get_batch(s, batch_id)
        todo = outbox.batch_messages(s, batch_id, states=[outbox.QUEUED])
    total = batch.total
    done = batch.counts[outbox.SENT] + batch.counts[outbox.FAILED]
    sent = failed = 0
    stopped: str | None = None
    gap = 60.0 / per_minute if per_minute else 0.0
    maker = AttachmentMaker(db, batch.seminar_id, batch.sender) if batch.seminar_id is not None else None
    envelope_from = parseaddr(batch.sender)[1]
    people = _people(db, batch, todo)
    if progress is not None:
        progress(done, total, "")

    def build(message: outbox.Message) -> EmailMessage:
        person = _recipient(people, message)
        files = maker.make(batch.attachments, person, message.lang) if maker else []
        return compose.build(sender=batch.sender, name=message.recipient_name, email=message.recipient,
                             subject=message.subject, body=message.body, msg_id=message.message_id,
                             key=message.idempotency_key, attachments=files, draft=transport.drafts)

    # The next message is drawn and built on a helper thread while this one is handed over and recorded
    # (the waits for the server and the disk): nothing is recorded for it until its turn, in order.
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mail-build")
    ahead: dict[int, Future[EmailMessage]] = {}

    def build_ahead(index: int) -> None:
        if index < len(todo) and todo[index].recipient:
            ahead[index] = pool.submit(build, todo[index])

    if todo:
        transport.open()
    try:
        last = None
        if maker is not None:
            maker.prepare(batch.attachments, [m.person_id for m in todo if m.person_id is not None and m.recipient])
        build_ahead(0)
        for index, message in enumerate(todo):
            if cancelled is not None and cancelled():
                stopped = "cancelled"
                break
            if last is not None and gap and _wait(last + gap, sleep, cancelled):
                stopped = "cancelled"
                break
            if not message.recipient:  # its person was erased since it was queued (a failed one retried)
                with db.transaction() as s:
                    if outbox.mark_sending(s, message.id):
                        outbox.mark_done(s, message.id, outbox.FAILED, outbox.ERASED)
                        failed += 1
                        done += 1
                build_ahead(index + 1)
                continue
            msg = ahead.pop(index).result()
            build_ahead(index + 1)
            with db.transaction() as s:
                if not outbox.mark_sending(s, message.id):
                    continue  # another run took it
            last = time.monotonic()
            try:
                outcome = transport.send(msg, envelope_from, message.recipient, message.position)
            except ConnectionLost as lost:
                with db.transaction() as s:  # lost during DATA: stays "sending", the answer noted
                    if lost.unknown:
                        outbox.note(s, message.id, lost.answer)
                    else:
                        outbox.mark_done(s, message.id, outbox.QUEUED, lost.answer)
                stopped = lost.answer
                break
            except Exception as exc:  # a fault of ours before or while handing over: failed, saying so
                with db.transaction() as s:
                    outbox.mark_done(s, message.id, outbox.FAILED, f"not sent: {exc!r}")
                raise
            # Ctrl+C (KeyboardInterrupt) is not caught: the message stays "sending", unknown, as after a crash.
            with db.transaction() as s:
                outbox.mark_done(s, message.id, outbox.SENT if outcome.state == "sent" else outbox.FAILED,
                                 outcome.answer)
            if outcome.state == "sent":
                sent += 1
            else:
                failed += 1
            done += 1
            if progress is not None:
                progress(done, total, message.recipient_name)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if maker is not None:
            maker.close()
        transport.close()
    with db.reading() as s:
        after = outbox.get_batch(s, batch_id)
    return Report(batch_id, sent, failed, after.counts[outbox.QUEUED], after.counts[outbox.SENDING], stopped)


def _wait(until: float, sleep: Callable[[float], None], cancelled: Callable[[], bool] | None) -> bool:
    """Wait until ``until`` (monotonic) in steps of at most 0.1 s; True if cancelled meanwhile."""
    while (left := until - time.monotonic()) > 0:
        if cancelled is not None and cancelled():
            return True
        sleep(min(left, 0.1))
    return False
