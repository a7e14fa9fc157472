"""The mail merge against a real SMTP server: personalised messages, attachments, names in five
scripts, a refused recipient, a dropped connection, cancel and resume, drafts, unfillable templates."""

from __future__ import annotations

import io
import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from learninghub.core import outbox
from learninghub.core.errors import RuleViolation, ValidationError
from learninghub.core.services import certificates
from learninghub.mailing import placeholders, plan, sending
from learninghub.mailing.transports import EmlTransport, SmtpTransport
from tests.mail.conftest import SENDER, Programme, Server


def _queue(db, programme: Programme, template: str = "certificate", **kw) -> int:  # type: ignore[no-untyped-def]
    req = plan.request(programme.seminar, template, sender=SENDER, **{"lang": "auto", **kw})
    with db.transaction() as s:
        return plan.queue(s, req)


def _smtp(server: Server) -> SmtpTransport:
    return SmtpTransport(server.host, server.port, security="none")


def _counts(db, batch_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return outbox.get_batch(s, batch_id).counts


def _attachments(msg) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return {part.get_filename(): part.get_payload(decode=True) for part in msg.iter_attachments()}


def test_fifty_personalised_certificates_in_five_scripts(db, programme: Programme, smtp_server: Server) -> None:
    import vobject
    from pypdf import PdfReader

    batch = _queue(db, programme, attachments_=["certificate", "ics"])
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert (report.sent, report.failed, report.left, report.unknown, report.stopped) == (50, 0, 0, 0, None)
    got = smtp_server.messages()
    assert len(got) == 50 and len({m["Message-ID"] for m in got}) == 50
    raw = b"\n".join(data for _, _, data in smtp_server.received)
    assert "李佳".encode() not in raw.split(b"\r\n\r\n")[0]  # headers travel encoded (RFC 2047), not raw UTF-8
    with db.reading() as s:
        holders = {p.email: p for p in (s.get(__import__("learninghub.core.models", fromlist=["Person"]).Person, i)
                                        for i in programme.people)}
    for msg in got:
        person = holders[msg["To"].addresses[0].addr_spec]
        own = person.native_name or f"{person.given_name} {person.family_name}"
        assert msg["To"].addresses[0].display_name.startswith(own)  # decoded intact
        body = msg.get_body(("plain",)).get_content()
        files = _attachments(msg)
        pdf_name = next(n for n in files if n.endswith(".pdf"))
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(files[pdf_name])).pages)
        code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", body).group(0)  # type: ignore[union-attr]
        assert code in text.replace(" ", "")
        with db.reading() as s:
            answer = certificates.verify(s, code)
        assert answer.status == "valid" and answer.person_id == person.id
        chinese = person.country == "CN"
        assert ("尊敬的" in body) == chinese and ("Dear" in body) == (not chinese)
        assert (msg["Subject"].startswith("您的结业证书：公园城市建设") if chinese
                else msg["Subject"] == "Your certificate: Park City Project")
        cal = vobject.readOne(files["invite.ics"].decode())
        assert cal.method.value == "REQUEST" and len(cal.vevent_list) == 3
        assert cal.vevent_list[0].attendee.value == f"mailto:{person.email}"
        zone = {"CN": "Asia/Shanghai", "ES": "Europe/Madrid", "KR": "Asia/Seoul", "BG": "Europe/Sofia",
                "GR": "Europe/Athens"}[person.country]
        assert str(cal.vevent_list[0].dtstart.value.tzinfo).endswith(zone) or zone in files["invite.ics"].decode()
    assert _counts(db, batch)["sent"] == 50
    with db.reading() as s:
        seen = outbox.history(s, programme.people[1])
    assert [(m.status, m.batch_id) for m in seen] == [("sent", batch)] and seen[0].finished_at is not None


def test_people_without_consent_or_email_are_left_out_and_listed(db, programme: Programme) -> None:
    req = plan.request(programme.seminar, "reminder", sender=SENDER)
    with db.reading() as s:
        who, filled = plan.preview(s, req)
    assert len(who.included) == 50
    assert {(r.person_id, str(why)) for r, why in who.excluded} == {
        (programme.no_consent, "no consent to be contacted"), (programme.no_email, "no e-mail address")}
    assert all(not lacking for _, lacking in filled)


def test_a_refused_recipient_fails_with_the_servers_answer_and_the_others_go(db, programme: Programme,
                                                                           smtp_server: Server) -> None:
    smtp_server.refuse = {"p7@example.org"}
    batch = _queue(db, programme, "reminder", attachments_=[])
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert (report.sent, report.failed, report.left) == (49, 1, 0)
    with db.reading() as s:
        failed = outbox.batch_messages(s, batch, states=["failed"])
    assert [m.recipient for m in failed] == ["p7@example.org"]
    assert failed[0].answer.startswith("550 5.1.1 <p7@example.org>: no such mailbox")  # type: ignore[union-attr]
    again = sending.send_batch(db, batch, _smtp(smtp_server))  # resume: nothing left, nothing twice
    assert (again.sent, smtp_server.count()) == (0, 49)


def test_a_connection_dropped_after_17_stops_and_resume_sends_the_33_others(db, programme: Programme,
                                                                           smtp_server: Server) -> None:
    smtp_server.drop_after = 17
    batch = _queue(db, programme, "reminder", attachments_=[])
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert report.stopped and ("421" in report.stopped or "closed" in report.stopped)
    assert _counts(db, batch) == {"queued": 33, "sending": 0, "sent": 17, "failed": 0}
    smtp_server.drop_after = None
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert (report.sent, report.left, report.complete) == (33, 0, True)
    rcpts = [r for _, tos, _ in smtp_server.received for r in tos]
    assert len(rcpts) == 50 and len(set(rcpts)) == 50


def test_cancel_midway_then_resume_sends_exactly_the_rest(db, programme: Programme, smtp_server: Server) -> None:
    batch = _queue(db, programme, "reminder", attachments_=[])
    seen: list[int] = []
    report = sending.send_batch(db, batch, _smtp(smtp_server), per_minute=6000,
                                progress=lambda done, total, label: seen.append(done),
                                cancelled=lambda: smtp_server.count() >= 20)
    assert report.stopped == "cancelled" and smtp_server.count() == 20 and report.left == 30
    assert seen[0] == 0 and seen[-1] == 20
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert report.sent == 30 and report.complete
    rcpts = [r for _, tos, _ in smtp_server.received for r in tos]
    assert sorted(rcpts) == sorted(f"p{n}@example.org" for n in range(1, 51))


def test_pacing_spaces_the_messages(db, programme: Programme, smtp_server: Server) -> None:
    import time

    batch = _queue(db, programme, "reminder", attachments_=[], only=programme.people[:4])
    start = time.monotonic()
    sending.send_batch(db, batch, _smtp(smtp_server), per_minute=600)  # one each 0.1 s
    assert time.monotonic() - start >= 0.3 and smtp_server.count() == 4


def test_drafts_parse_and_carry_x_unsent(db, programme: Programme, tmp_path: Path) -> None:
    batch = _queue(db, programme, "invitation", audience="registered", attachments_=["agenda", "badge", "ics"],
                   only=programme.people[:5])
    report = sending.send_batch(db, batch, EmlTransport(tmp_path / "drafts"))
    assert report.sent == 5
    files = sorted((tmp_path / "drafts").glob("*.eml"))
    assert len(files) == 5
    names = set()
    for path in files:
        msg = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert msg["X-Unsent"] == "1"
        names.add(msg["To"].addresses[0].display_name)
        parts = _attachments(msg)
        assert {n.rsplit(".", 1)[-1] for n in parts} == {"pdf", "ics"} and len(parts) == 3
        assert all(data.startswith(b"%PDF") for n, data in parts.items() if n.endswith(".pdf"))
    assert any("李佳2" in n for n in names) and any("Ελένη" in n for n in names)


def test_a_placeholder_that_cannot_be_filled_refuses_the_whole_batch_naming_the_person(db, programme: Programme,
                                                                                   smtp_server: Server) -> None:
    from learninghub.core.services import people

    with db.transaction() as s:  # no country, no city: no time zone for them
        people.edit_person(s, programme.people[3], country="", city="")
    req = plan.request(programme.seminar, "reminder", sender=SENDER)
    with pytest.raises(RuleViolation, match=r"1 people: Константин Петров4 \(Konstantin Petrov 4\) "
                                            r"\(\$start_local\); nothing was queued") as info, \
            db.transaction() as s:
        plan.queue(s, req)
    assert info.value.where == "template"
    with db.reading() as s:
        assert outbox.list_batches(s) == []
    assert smtp_server.count() == 0


def test_unknown_placeholders_and_code_in_templates_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"unknown placeholder \$secret"):
        placeholders.check("Dear $secret")
    assert placeholders.check("${name}: $$5 {name.__class__} {0}") == ["name"]
    assert placeholders.fill("${name} $$", {"name": "$seminar {x}"}) == "$seminar {x} $"  # filled once, as text


def test_a_crash_between_sending_and_sent_is_unknown_and_resume_asks(db, programme: Programme,
                                                                    smtp_server: Server) -> None:
    batch = _queue(db, programme, "reminder", attachments_=[], only=programme.people[:3])
    with db.transaction() as s:
        first = outbox.batch_messages(s, batch)[0]
        outbox.mark_sending(s, first.id)  # as a process killed right after handing it over leaves it
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert (report.sent, report.unknown, report.complete) == (2, 1, False)
    with db.transaction() as s:
        assert outbox.settle_unknown(s, batch, sent=False) == 1
    report = sending.send_batch(db, batch, _smtp(smtp_server))
    assert report.complete and smtp_server.messages()[-1]["Message-ID"] == first.message_id


@pytest.mark.slow
@pytest.mark.sqlite_only(reason="the drawing ahead, not the database, is under test")
def test_a_large_batch_draws_its_certificates_ahead_and_each_message_carries_its_own(db, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from learninghub.documents.certificate_files import PARALLEL_FROM
    from tests.mail.conftest import make_programme

    programme = make_programme(db, PARALLEL_FROM)
    batch = _queue(db, programme, attachments_=["certificate"])
    report = sending.send_batch(db, batch, EmlTransport(tmp_path / "drafts"))
    assert report.sent == PARALLEL_FROM
    for path in sorted((tmp_path / "drafts").glob("*.eml"))[::15]:
        msg = message_from_bytes(path.read_bytes(), policy=policy.default)
        code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", msg.get_body(("plain",)).get_content()).group(0)  # type: ignore[union-attr]
        (pdf,) = _attachments(msg).values()
        assert code in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert not list(Path(__import__("tempfile").gettempdir()).glob("learninghub-mail-*"))  # cleaned up
