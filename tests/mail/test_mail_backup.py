"""The outbox is part of the data: a portable backup (.jsonl) and its restore keep every batch and
message with its state, answer and times; the migration builds exactly the outbox's models."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from learninghub.core import outbox
from learninghub.core.store import Database
from learninghub.exporting import backup as backups
from learninghub.mailing import plan, sending
from learninghub.mailing.transports import SmtpTransport
from tests.mail.conftest import SENDER, Server, make_programme


def _rows(db: Database) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    with db.reading() as s:
        return {table.name: [dict(r._mapping) for r in s.execute(select(table).order_by(table.c.id))]
                for table in (outbox.batches, outbox.messages)}


def _queue(db: Database, seminar: int, only: list[int]) -> int:
    req = plan.request(seminar, "reminder", sender=SENDER, lang="auto", attachments_=[], only=only)
    with db.transaction() as s:
        return plan.queue(s, req)


def test_a_portable_backup_and_restore_keep_the_outbox(db: Database, smtp_server: Server, tmp_path: Path) -> None:
    programme = make_programme(db, count=8)
    smtp_server.refuse = {"p2@example.org"}
    first = _queue(db, programme.seminar, programme.people[:5])
    sending.send_batch(db, first, SmtpTransport(smtp_server.host, smtp_server.port, security="none"))
    second = _queue(db, programme.seminar, programme.people[5:])
    with db.transaction() as s:  # as a crash right after a hand-over leaves it: unknown
        outbox.mark_sending(s, outbox.batch_messages(s, second)[0].id)
    before = _rows(db)
    assert {m["status"] for m in before["mail_messages"]} == {"sent", "failed", "sending", "queued"}
    assert all(m["finished_at"] is not None for m in before["mail_messages"] if m["status"] in ("sent", "failed"))

    made = backups.backup(db, tmp_path / "hub.jsonl")
    assert made.format == "dump"
    assert '"table": "mail_messages"' in made.path.read_text(encoding="utf-8")
    with db.transaction() as s:  # changes after the backup, which the restore takes back
        outbox.settle_unknown(s, second, sent=False)
    sending.send_batch(db, second, SmtpTransport(smtp_server.host, smtp_server.port, security="none"))
    _queue(db, programme.seminar, programme.people[:1])
    assert _rows(db) != before

    backups.restore(db, made.path, safety_folder=tmp_path / "safety")
    assert _rows(db) == before  # batches and messages: states, answers, attempts, every time to the microsecond
    with db.reading() as s:
        counts = {b.id: b.counts for b in outbox.list_batches(s)}
        assert outbox.batch_messages(s, first, states=["failed"])[0].answer.startswith("550")  # type: ignore[union-attr]
    assert counts == {first: {"queued": 0, "sending": 0, "sent": 4, "failed": 1},
                      second: {"queued": 2, "sending": 1, "sent": 0, "failed": 0}}
    third = _queue(db, programme.seminar, programme.people[:1])  # new ids past the restored ones (PostgreSQL too)
    with db.reading() as s:
        assert third > second
        assert s.scalar(select(func.min(outbox.messages.c.id)).where(outbox.messages.c.batch_id == third)) > max(
            m["id"] for m in before["mail_messages"])


def test_the_migration_builds_exactly_the_outbox_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from learninghub.core.models import Base

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "mail_" in repr(d)] == []
