"""``learninghub mail (templates|preview|send|outbox|resume)``: the mail merge without a screen (issue 18).

The SMTP password is never an argument: ``$LEARNINGHUB_SMTP_PASSWORD``, else the system keyring
(``--keyring``, when it holds one), else asked on the terminal (getpass). ``--keyring`` also keeps
a password typed at the prompt once the server accepted it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from . import output
from .common import ID, add_json, command_group, handled_by
from .context import Context

PASSWORD_ENV = "LEARNINGHUB_SMTP_PASSWORD"


def register(commands: Any) -> None:
    from ..mailing import attachments, recipients, templates

    group = command_group(commands, "mail", "invitations, reminders and certificates by e-mail, never sent twice")
    show = group.add_parser("templates", help="the templates, their placeholders, audiences and attachments")
    add_json(show)
    handled_by(show, run_templates)

    def choose(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--seminar", type=ID, required=True, metavar="ID")
        parser.add_argument("--template", required=True, choices=tuple(templates.TEMPLATES), metavar="T",
                            help=", ".join(templates.TEMPLATES))
        parser.add_argument("--lang", choices=("en", "zh", "auto"), default="auto",
                            help="the wording: English, Chinese, or each person's (auto: Chinese for people from "
                                 "CN, TW, HK, MO or with a name in Han characters; the default)")
        parser.add_argument("--audience", choices=tuple(recipients.AUDIENCES), metavar="A",
                            help=f"who gets it: {', '.join(recipients.AUDIENCES)} (default: the template's: "
                                 f"invitation → invited, certificate → eligible, …)")
        parser.add_argument("--person", type=ID, action="append", metavar="ID",
                            help="only this person of the audience (repeat the option)")
        parser.add_argument("--subject", help="the subject for this batch (with --lang en or zh)")
        parser.add_argument("--body-file", metavar="FILE", help="the body for this batch, UTF-8 text "
                                                                "(with --lang en or zh)")
        parser.add_argument("--attach", metavar="KINDS",
                            help=f"comma-separated, of {','.join(attachments.KINDS)}; '' for none "
                                 f"(default: the template's)")
        parser.add_argument("--from", dest="sender", metavar="'NAME <ADDRESS>'",
                            default=os.environ.get("LEARNINGHUB_MAIL_FROM"),
                            help="the sender (default: $LEARNINGHUB_MAIL_FROM)")

    def way_out(parser: argparse.ArgumentParser) -> None:
        out = parser.add_mutually_exclusive_group(required=True)
        out.add_argument("--smtp", metavar="HOST:PORT", help="send through this server")
        out.add_argument("--eml", metavar="DIR", help="write .eml drafts (X-Unsent: 1) to DIR instead")
        parser.add_argument("--security", choices=("starttls", "ssl", "none"), default="starttls",
                            help="how to protect the connection (default starttls; none only for a local relay)")
        parser.add_argument("--user", metavar="NAME", help="log in as NAME (the password: "
                                                           f"${PASSWORD_ENV}, the keyring, or asked)")
        parser.add_argument("--keyring", action="store_true",
                            help="take the password from the system keyring, and keep one typed there")
        parser.add_argument("--per-minute", type=float, metavar="N", default=None,
                            help="at most N messages a minute (default: as fast as the server takes them)")

    preview = group.add_parser("preview", help="who gets it, who is left out and why, and one message as it reads")
    choose(preview)
    add_json(preview)
    handled_by(preview, run_preview)

    send = group.add_parser("send", help="check the whole batch, record it in the outbox, then send it")
    choose(send)
    way_out(send)
    add_json(send)
    handled_by(send, run_send)

    box = group.add_parser("outbox", help="the batches and their counts; a batch's messages; a person's history")
    which = box.add_mutually_exclusive_group()
    which.add_argument("--batch", type=ID, metavar="ID", help="the messages of this batch")
    which.add_argument("--person", type=ID, metavar="ID", help="what was sent to this person, and when")
    box.add_argument("--seminar", type=ID, metavar="ID", help="only this seminar's batches")
    add_json(box)
    handled_by(box, run_outbox)

    resume = group.add_parser("resume", help="send exactly the batch's messages not yet sent")
    resume.add_argument("batch", type=ID, metavar="BATCH")
    way_out(resume)
    resume.add_argument("--retry-failed", action="store_true", help="also send again the ones a server refused")
    unknown = resume.add_mutually_exclusive_group()
    unknown.add_argument("--resend-unknown", action="store_true",
                         help="send again the ones left 'sending' by a crash (same Message-ID)")
    unknown.add_argument("--mark-unknown-sent", action="store_true",
                         help="record the ones left 'sending' by a crash as sent (you checked they arrived)")
    add_json(resume)
    handled_by(resume, run_resume)


# -- the request


def _request(args: argparse.Namespace) -> Any:
    from ..mailing import plan

    if not args.sender:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "give the sender: --from 'Name <address>' "
                                                        "(or set LEARNINGHUB_MAIL_FROM)"), where="--from")
    texts: dict[str, tuple[str, str]] = {}
    if args.subject is not None or args.body_file is not None:
        if args.lang == "auto":
            raise ValidationError(QT_TRANSLATE_NOOP("core", "--subject and --body-file are one language's: "
                                                            "give --lang en or --lang zh"), where="--lang")
        built_in = plan.templates.wording(args.template, args.lang)
        body = built_in.body
        if args.body_file is not None:
            try:
                with open(args.body_file, encoding="utf-8") as fh:
                    body = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "cannot read {path}: {error}"), where="--body-file",
                                      path=args.body_file, error=str(exc)) from None
        texts[args.lang] = (args.subject if args.subject is not None else built_in.subject, body)
    kinds = None if args.attach is None else [k.strip() for k in args.attach.split(",") if k.strip()]
    return plan.request(args.seminar, args.template, lang=args.lang, audience=args.audience, sender=args.sender,
                        texts=texts, attachments_=kinds, only=args.person)


def _transport(args: argparse.Namespace) -> Any:
    from ..mailing import transports

    if args.eml is not None:
        return transports.EmlTransport(args.eml)
    host, port = transports.parse_server(args.smtp)
    password = None
    if args.user:
        password = _password(host, args.user, args.keyring)
    transport = transports.SmtpTransport(host, port, security=args.security, user=args.user, password=password)
    if args.user and args.keyring and not os.environ.get(PASSWORD_ENV):
        transport.remember = True  # type: ignore[attr-defined]
    return transport


def _password(host: str, user: str, use_keyring: bool) -> str:
    from ..mailing import passwords

    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if use_keyring:
        if not passwords.keyring_available():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "--keyring needs the keyring package: "
                                                            "pip install 'learninghub-planner[keyring]'"),
                                  where="--keyring")
        kept = passwords.remembered(host, user)
        if kept:
            return kept
    import getpass

    return getpass.getpass(f"Password for {user} at {host}: ")


def _report_json(report: Any) -> dict[str, Any]:
    return {"id": report.batch_id, "sent": report.sent, "failed": report.failed, "left": report.left,
            "unknown": report.unknown, "stopped": report.stopped, "complete": report.complete}


def _run(args: argparse.Namespace, ctx: Context, batch_id: int) -> int:
    from ..core import outbox
    from ..mailing import passwords, sending

    transport = _transport(args)
    per_minute = args.per_minute
    if per_minute is not None and not per_minute > 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value} is not a number of messages a minute"),
                              where="--per-minute", value=per_minute)

    def said(done: int, total: int, label: str) -> None:
        if not args.json and label:
            print(f"{done}/{total} {label}", file=sys.stderr)

    report = sending.send_batch(ctx.db, batch_id, transport, per_minute=per_minute, progress=said)
    if getattr(transport, "remember", False):
        passwords.remember(transport.host, transport.user, transport.password or "")
    if args.json:
        output.print_json(_report_json(report))
    else:
        print(f"batch {batch_id}: {report.sent} sent, {report.failed} failed, {report.left} left, "
              f"{report.unknown} unknown")
    with ctx.db.reading() as s:
        failed = outbox.batch_messages(s, batch_id, states=[outbox.FAILED])
    for message in failed:
        print(f"learninghub: failed: {message.recipient}: {message.answer}", file=sys.stderr)
    if report.unknown:
        print(f"learninghub: {report.unknown} left 'sending' by an earlier crash or a lost connection: check "
              f"whether they arrived, then `learninghub mail resume {batch_id} --mark-unknown-sent` or "
              f"`--resend-unknown`", file=sys.stderr)
    if report.stopped or report.left:
        print(f"learninghub: error: stopped ({report.stopped or 'not finished'}); {report.left} not sent yet: "
              f"`learninghub mail resume {batch_id}` sends exactly those", file=sys.stderr)
        return 1
    return 0


# -- handlers


def run_templates(args: argparse.Namespace, ctx: Context) -> int:
    from ..mailing import placeholders, templates

    data = [{"id": None, "template": name, "label": templates.KINDS[name],
             "audience": templates.DEFAULT_AUDIENCE[name], "attachments": list(templates.DEFAULT_ATTACHMENTS[name]),
             "en": {"subject": by["en"].subject, "body": by["en"].body},
             "zh": {"subject": by["zh"].subject, "body": by["zh"].body}}
            for name, by in templates.TEMPLATES.items()]
    if args.json:
        output.print_json({"id": None, "templates": data, "placeholders": placeholders.PLACEHOLDERS})
        return 0
    output.print_table(["Template", "Audience", "Attachments", "Subject (en)"],
                       [(d["template"], d["audience"], ",".join(d["attachments"]), d["en"]["subject"]) for d in data])
    print()
    output.print_table(["Placeholder", "Holds"], [(f"${{{k}}}", v) for k, v in placeholders.PLACEHOLDERS.items()],
                       max_width=90)
    return 0


def run_preview(args: argparse.Namespace, ctx: Context) -> int:
    from ..mailing import plan

    req = _request(args)
    with ctx.db.reading() as s:
        who, filled = plan.preview(s, req)
    shown = [(f, lacking) for f, lacking in filled if args.person is None or f.recipient.person_id in args.person]
    if args.json:
        output.print_json({
            "id": req.seminar_id,
            "recipients": [{"id": f.recipient.person_id, "name": f.recipient.display, "email": f.recipient.email,
                            "lang": f.lang, "subject": f.subject, "body": f.body, "cannot_fill": lacking}
                           for f, lacking in shown],
            "left_out": [{"id": r.person_id, "name": r.display, "reason": str(why)} for r, why in who.excluded],
            "attachments": list(req.attachments)})
        return 0
    output.print_table(["ID", "Name", "E-mail", "Lang", "Cannot fill"],
                       [(f.recipient.person_id, f.recipient.display, f.recipient.email, f.lang,
                         " ".join(f"${n}" for n in lacking)) for f, lacking in shown])
    if who.excluded:
        print(f"\nLeft out ({len(who.excluded)}):")
        output.print_table(["ID", "Name", "Why"], [(r.person_id, r.display, str(why)) for r, why in who.excluded])
    if shown:
        first = shown[0][0]
        print(f"\nTo: {first.recipient.display} <{first.recipient.email}>\nSubject: {first.subject}\n"
              f"Attachments: {', '.join(req.attachments) or 'none'}\n\n{first.body}")
    return 0


def run_send(args: argparse.Namespace, ctx: Context) -> int:
    from ..mailing import plan

    req = _request(args)
    if args.eml is None:
        from ..mailing import transports

        transports.parse_server(args.smtp)  # refused before anything is queued
    with ctx.db.transaction() as s:
        batch_id = plan.queue(s, req)
    if not args.json:
        print(f"batch {batch_id} queued", file=sys.stderr)
    return _run(args, ctx, batch_id)


def run_resume(args: argparse.Namespace, ctx: Context) -> int:
    from ..core import outbox

    with ctx.db.transaction() as s:
        outbox.get_batch(s, args.batch)
        if args.retry_failed:
            outbox.retry_failed(s, args.batch)
        if args.resend_unknown or args.mark_unknown_sent:
            outbox.settle_unknown(s, args.batch, sent=args.mark_unknown_sent)
    return _run(args, ctx, args.batch)


def _message_json(m: Any) -> dict[str, Any]:
    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {"id": m.id, "batch_id": m.batch_id, "person_id": m.person_id, "recipient": m.recipient,
            "name": m.recipient_name, "lang": m.lang, "subject": m.subject, "status": m.status, "answer": m.answer,
            "attempts": m.attempts, "message_id": m.message_id, "queued_at": iso(m.queued_at),
            "sending_at": iso(m.sending_at), "finished_at": iso(m.finished_at)}


def run_outbox(args: argparse.Namespace, ctx: Context) -> int:
    from ..core import outbox

    with ctx.db.reading() as s:
        if args.batch is not None or args.person is not None:
            rows = (outbox.batch_messages(s, args.batch) if args.batch is not None
                    else outbox.history(s, args.person))
            if args.json:
                output.print_json([_message_json(m) for m in rows])
            else:
                output.print_table(
                    ["ID", "Batch", "To", "Subject", "Status", "When", "Answer"],
                    [(m.id, m.batch_id, f"{m.recipient_name} <{m.recipient}>" if m.recipient else "(erased)", m.subject, m.status,
                      f"{(m.finished_at or m.sending_at or m.queued_at):%Y-%m-%d %H:%M}", m.answer or "")
                     for m in rows])
            return 0
        batches = outbox.list_batches(s, seminar_id=args.seminar)
    if args.json:
        output.print_json([{"id": b.id, "seminar_id": b.seminar_id, "template": b.template, "lang": b.lang,
                            "audience": b.audience, "sender": b.sender, "attachments": list(b.attachments),
                            "created_at": b.created_at.isoformat(), "total": b.total, **b.counts} for b in batches])
        return 0
    output.print_table(["Batch", "Seminar", "Template", "Audience", "Created", "Sent", "Failed", "Queued", "Sending"],
                       [(b.id, b.seminar_id, b.template, b.audience, f"{b.created_at:%Y-%m-%d %H:%M}",
                         b.counts["sent"], b.counts["failed"], b.counts["queued"], b.counts["sending"])
                        for b in batches])
    return 0
