"""The mail merge's outbox (the ``mailing`` package fills and sends it): batches and their messages,
and the only moves a message's state may make.

States: ``queued`` (recorded, not yet handed over) -> ``sending`` (committed just before the
hand-over) -> ``sent`` or ``failed`` (committed just after, with the server's answer). Each
move is its own short transaction, so whatever happens in between, the table says what the
server may have: a crash between ``sending`` and ``sent`` leaves that one message ``sending``
— its fate **unknown**. ``resume`` never sends an unknown message again by itself; the user
either says it arrived (:func:`settle_unknown` ``sent=True``: checked in the Sent folder or
with the recipient) or asks to send it again (``sent=False``: it goes out with the *same*
Message-ID, so a mail client that got it twice shows it once). Decided so because a second
certificate is a smaller harm than a silent gap, but a silent double is what the issue forbids.

The tables are the models ``MailBatch`` and ``MailMessage`` (``models.py``), used here as tables:
rows are written in bulk and moved by guarded UPDATEs, never edited or undone as objects. Being
models, they travel with every backup and restore, and ``people.erase_person`` blanks a person's
messages (:func:`forget_person`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .errors import NotFound
from .messages import QT_TRANSLATE_NOOP
from .models import MailBatch, MailMessage, utcnow

batches = MailBatch.__table__
messages = MailMessage.__table__

QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"
STATES = (QUEUED, SENDING, SENT, FAILED)


@dataclass(frozen=True)
class Batch:
    id: int
    seminar_id: int | None
    template: str
    lang: str
    audience: str
    sender: str
    #: lang -> (subject, body) as edited for the batch
    texts: dict[str, tuple[str, str]]
    attachments: tuple[str, ...]
    created_at: dt.datetime
    #: state -> how many messages are in it
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Message:
    id: int
    batch_id: int
    person_id: int | None
    position: int
    recipient: str
    recipient_name: str
    lang: str
    subject: str
    body: str
    message_id: str
    idempotency_key: str
    status: str
    answer: str | None
    attempts: int
    queued_at: dt.datetime
    sending_at: dt.datetime | None
    finished_at: dt.datetime | None


@dataclass(frozen=True)
class NewMessage:
    """What ``plan`` queues for one recipient."""

    person_id: int
    recipient: str
    recipient_name: str
    lang: str
    subject: str
    body: str
    message_id: str
    idempotency_key: str


def create_batch(session: Session, *, seminar_id: int, template: str, lang: str, audience: str, sender: str,
                 texts: dict[str, tuple[str, str]], attachments: Sequence[str], items: Sequence[NewMessage],
                 now: dt.datetime | None = None) -> int:
    """Record a batch and all its messages ``queued``, in the caller's transaction; return its id."""
    now = now or utcnow()
    batch_id = session.execute(batches.insert().values(
        seminar_id=seminar_id, template=template, lang=lang, audience=audience, sender=sender,
        texts=json.dumps(texts, ensure_ascii=False), attachments=",".join(attachments), created_at=now,
    ).returning(batches.c.id)).scalar_one()
    if items:
        session.execute(messages.insert(), [
            {"batch_id": batch_id, "person_id": m.person_id, "position": n, "recipient": m.recipient,
             "recipient_name": m.recipient_name, "lang": m.lang, "subject": m.subject, "body": m.body,
             "message_id": m.message_id, "idempotency_key": m.idempotency_key, "status": QUEUED,
             "attempts": 0, "queued_at": now}
            for n, m in enumerate(items, 1)])
    return batch_id


def _batch(row, counts: dict[str, int]) -> Batch:  # type: ignore[no-untyped-def]
    texts = {lang: (pair[0], pair[1]) for lang, pair in json.loads(row.texts).items()}
    return Batch(row.id, row.seminar_id, row.template, row.lang, row.audience, row.sender, texts,
                 tuple(a for a in row.attachments.split(",") if a), row.created_at,
                 {state: counts.get(state, 0) for state in STATES})


def get_batch(session: Session, batch_id: int) -> Batch:
    row = session.execute(select(batches).where(batches.c.id == batch_id)).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no mail batch with id {id}"), where="batch", id=batch_id)
    counts = dict(session.execute(select(messages.c.status, func.count()).where(messages.c.batch_id == batch_id)
                                  .group_by(messages.c.status)).all())
    return _batch(row, counts)


def list_batches(session: Session, *, seminar_id: int | None = None) -> list[Batch]:
    """Every batch, newest first, with its counts (two statements whatever their number)."""
    query = select(batches).order_by(batches.c.id.desc())
    if seminar_id is not None:
        query = query.where(batches.c.seminar_id == seminar_id)
    rows = session.execute(query).all()
    counts: dict[int, dict[str, int]] = {}
    for batch_id, state, count in session.execute(
            select(messages.c.batch_id, messages.c.status, func.count()).group_by(messages.c.batch_id,
                                                                                  messages.c.status)):
        counts.setdefault(batch_id, {})[state] = count
    return [_batch(row, counts.get(row.id, {})) for row in rows]


def _messages(session: Session, *conditions) -> list[Message]:  # type: ignore[no-untyped-def]
    rows = session.execute(select(messages).where(*conditions).order_by(messages.c.batch_id, messages.c.position))
    return [Message(**row._mapping) for row in rows]


def batch_messages(session: Session, batch_id: int, *, states: Sequence[str] | None = None) -> list[Message]:
    get_batch(session, batch_id)
    conditions = [messages.c.batch_id == batch_id]
    if states is not None:
        conditions.append(messages.c.status.in_(states))
    return _messages(session, *conditions)


def history(session: Session, person_id: int) -> list[Message]:
    """What was sent (or tried) to a person, oldest first: the person's page shows it."""
    return _messages(session, messages.c.person_id == person_id)


def mark_sending(session: Session, message_id: int) -> bool:
    """queued -> sending; False when it was not queued (another sender took it)."""
    done = session.execute(update(messages).where(messages.c.id == message_id, messages.c.status == QUEUED)
                           .values(status=SENDING, sending_at=utcnow(), attempts=messages.c.attempts + 1))
    return done.rowcount == 1  # type: ignore[attr-defined]


def mark_done(session: Session, message_id: int, state: str, answer: str | None) -> None:
    """sending -> sent, failed, or back to queued (not handed over: a connection lost before it)."""
    assert state in (SENT, FAILED, QUEUED)
    session.execute(update(messages).where(messages.c.id == message_id, messages.c.status == SENDING)
                    .values(status=state, answer=answer, finished_at=None if state == QUEUED else utcnow()))


def note(session: Session, message_id: int, answer: str) -> None:
    """Keep what the server or the connection said about a message left ``sending`` (unknown)."""
    session.execute(update(messages).where(messages.c.id == message_id).values(answer=answer))


def retry_failed(session: Session, batch_id: int) -> int:
    """failed -> queued for the batch (``resume --retry-failed``); how many."""
    get_batch(session, batch_id)
    done = session.execute(update(messages).where(messages.c.batch_id == batch_id, messages.c.status == FAILED)
                           .values(status=QUEUED, finished_at=None))
    return int(done.rowcount)  # type: ignore[attr-defined]


def settle_unknown(session: Session, batch_id: int, *, sent: bool) -> int:
    """Decide the messages left ``sending`` by a crash: ``sent=True`` they arrived (marked sent, answer
    saying so), ``sent=False`` send them again (queued; the same Message-ID). How many."""
    get_batch(session, batch_id)
    where = (messages.c.batch_id == batch_id, messages.c.status == SENDING)
    values = ({"status": SENT, "finished_at": utcnow(), "answer": "marked sent by the user after a crash"} if sent
              else {"status": QUEUED, "finished_at": None})
    done = session.execute(update(messages).where(*where).values(**values))
    return int(done.rowcount)  # type: ignore[attr-defined]


#: The answer of a message whose person was erased before it went out (it never will).
ERASED = "not sent: the person was erased"


def forget_person(session: Session, person_id: int) -> int:
    """Blank what the outbox says about a person (their erasure): address, name, text and the server's
    answer (it may quote the address). The messages stay, so each batch's counts stay right; one still
    queued can no longer go out and becomes ``failed`` (:data:`ERASED`). How many messages."""
    blank = {"recipient": "", "recipient_name": "", "subject": "", "body": ""}
    session.execute(update(messages).where(messages.c.person_id == person_id, messages.c.status == QUEUED)
                    .values(**blank, status=FAILED, answer=ERASED, finished_at=utcnow()))
    session.execute(update(messages).where(messages.c.person_id == person_id, messages.c.recipient != "")
                    .values(**blank, answer=None))
    return int(session.execute(select(func.count()).where(messages.c.person_id == person_id)).scalar_one())
