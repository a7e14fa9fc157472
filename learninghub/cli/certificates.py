"""Certificates: print a seminar's batch, list who is eligible, verify and revoke codes,
and set a seminar's certificate settings (``seminar certificate ID``).

reportlab is imported only when pages are drawn, so ``verify`` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.errors import ValidationError
from . import output
from .common import COUNT, ID, add_json, group_actions, handled_by
from .context import Context


def register(commands: Any) -> None:
    batch = commands.add_parser(
        "certificates", help="certificates for everyone eligible in a seminar (one PDF or one file each)",
        description="Issue a code to everyone eligible (the same code again to those who have one) and print "
                    "their certificates. --dry-run lists everyone registered, eligible or not, and why.")
    batch.add_argument("--seminar", type=ID, required=True, metavar="ID")
    where = batch.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE.pdf", help="one PDF with every certificate")
    where.add_argument("--split", metavar="DIR", help="one PDF per person in DIR, named after the person")
    batch.add_argument("--min-attendance", type=float, metavar="PCT",
                       help="this run only: eligible with at least PCT %% of the sessions")
    batch.add_argument("--min-hours", type=float, metavar="H",
                       help="this run only: eligible with at least H hours of sessions (with --min-attendance: "
                            "either is enough)")
    batch.add_argument("--lang", choices=("en", "zh", "en+zh"), default=None,
                       help="this run only: the wording in English, Chinese or both (default: the seminar's "
                            "setting, `seminar certificate ID --bilingual`: en+zh, else en)")
    batch.add_argument("--dry-run", action="store_true", help="list who is eligible and why; issue and write nothing")
    batch.add_argument("--list", action="store_true", dest="list_register",
                       help="list the seminar's certificates in the register (valid and revoked)")
    add_json(batch)
    handled_by(batch, run_batch)

    revoke = commands.add_parser("revoke", help="revoke a certificate (verify answers 'revoked' from then on)")
    revoke.add_argument("code", metavar="CODE")
    revoke.add_argument("--reason", help="why (shown by verify)")
    revoke.add_argument("--undo", action="store_true", help="reinstate a revoked certificate")
    add_json(revoke)
    revoke.set_defaults(handler=run_revoke)

    verify = commands.add_parser("verify", help="check a certificate code against the register (offline)",
                                 description="Exit 0 and the holder when the code is valid; "
                                             "exit 1 with 'revoked' or 'unknown' otherwise.")
    verify.add_argument("code", metavar="CODE", help="XXXX-XXXX-XXXX; case, dashes and spaces do not matter")
    add_json(verify)
    verify.set_defaults(handler=run_verify)

    settings = group_actions(commands, "seminar").add_parser(
        "certificate", help="a seminar's certificate settings: rule, signatories, wording, logos",
        description="Without options, show the settings. --min-attendance and/or --min-hours replace the rule "
                    "(with both, either is enough). --signatory and --logo replace the lists.")
    settings.add_argument("id", type=ID, metavar="ID")
    settings.add_argument("--min-attendance", type=float, metavar="PCT",
                          help="eligible with at least PCT %% of the sessions (default 75)")
    settings.add_argument("--min-hours", type=float, metavar="H", help="eligible with at least H hours of sessions")
    settings.add_argument("--signatory", action="append", metavar="NAME|TITLE[|TITLE_ZH]",
                          help="who signs, up to three, in order (repeat the option); TITLE_ZH is the title "
                               "printed on Chinese certificates")
    settings.add_argument("--no-signatories", action="store_true", help="nobody signs")
    bilingual = settings.add_mutually_exclusive_group()
    bilingual.add_argument("--bilingual", action="store_true", default=None,
                           help="English and Chinese wording (en+zh) unless a run asks for another --lang")
    bilingual.add_argument("--english-only", action="store_false", dest="bilingual", default=None,
                           help="English wording only (en) unless a run asks for another --lang")
    settings.add_argument("--logo", action="append", metavar="FILE",
                          help="a PNG or JPEG printed at the top, up to three (repeat the option)")
    settings.add_argument("--no-logos", action="store_true", help="forget the chosen logos: the default ones (resources/logos/) are printed")
    settings.add_argument("--expect-version", type=COUNT, dest="expected_version", default=None, metavar="N",
                          help="refuse the change if the settings are no longer at this version")
    add_json(settings)
    handled_by(settings, run_settings)


# ---------------------------------------------------------------- certificates
def _rule(args: argparse.Namespace) -> Any:
    from ..core.services import certificate_settings

    if args.min_attendance is None and args.min_hours is None:
        return None
    return certificate_settings.check_rule(args.min_attendance, args.min_hours, where="--min-attendance/--min-hours")


def run_batch(args: argparse.Namespace, ctx: Context) -> int:
    rule = _rule(args)
    if args.dry_run:
        return _dry_run(args, ctx, rule)
    if args.list_register:
        return _list_register(args, ctx)
    if args.output is None and args.split is None:
        print("learninghub certificates: error: give -o FILE.pdf or --split DIR (or --dry-run, --list)",
              file=sys.stderr)
        return 2
    from ..documents import certificates_batch

    result = certificates_batch.make_certificates(ctx.db, args.seminar, output=args.output, split_dir=args.split,
                                                  rule=rule, lang=args.lang)
    if result.missing:
        from ..documents.markup import describe

        print(f"learninghub: note: no font has these characters: {describe(result.missing)}", file=sys.stderr)
    if args.json:
        output.print_json([_issued_json(c, split=args.split is not None) for c in result.certificates])
        return 0
    count = len(result.certificates)
    where = f"{result.output}" if args.output else f"{result.output}/ (one file each)"
    print(f"{count} certificate{'s' if count != 1 else ''} of seminar {args.seminar} written to {where}; "
          f"{result.new_codes} new code{'s' if result.new_codes != 1 else ''}, "
          f"{count - result.new_codes} issued before")
    return 0


def _issued_json(c: Any, *, split: bool) -> dict[str, Any]:
    data = {"id": c.id, "code": c.code, "person_id": c.person_id, "seminar_id": c.seminar_id, "status": c.status,
            "name": c.name, "new": c.new}
    if split:
        data["file"] = str(c.file)
    return data


def _dry_run(args: argparse.Namespace, ctx: Context, rule: Any) -> int:
    from ..core.services import certificate_eligibility, certificate_settings

    with ctx.db.reading() as s:
        rule = rule or certificate_settings.get_settings(s, args.seminar).rule
        rows = certificate_eligibility.eligibility(s, args.seminar, rule=rule)
    if args.json:
        output.print_json([
            {"id": r.person_id, "person_id": r.person_id, "seminar_id": args.seminar, "name": r.name,
             "registration_status": r.registration_status, "eligible": r.eligible, "reason": r.reason,
             "sessions_attended": r.sessions_attended, "sessions_total": r.sessions_total,
             "hours": round(r.hours, 2), "code": r.code, "status": r.certificate_status}
            for r in rows
        ])
        return 0
    output.print_table(
        ["Person", "Name", "Registration", "Certificate", "Why", "Code"],
        [(r.person_id, r.name, r.registration_status, "eligible" if r.eligible else "not eligible", r.reason,
          r.code if r.code is None or r.certificate_status == "valid" else f"{r.code} (revoked)")
         for r in rows],
        max_width=90,
    )
    eligible = sum(r.eligible for r in rows)
    print(f"{eligible} of {len(rows)} registered eligible (rule: {rule.describe()}); nothing was issued or written")
    return 0


def _list_register(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services import certificates

    with ctx.db.reading() as s:
        rows = [(c, certificates.answer_for(c)) for c in certificates.list_certificates(s, seminar_id=args.seminar)]
    if args.json:
        output.print_json([_verification_json(v) for _, v in rows])
    else:
        output.print_table(["Code", "Holder", "Status", "Issued", "Revoked"],
                           [(v.code, v.holder, v.status, f"{v.issued_at:%Y-%m-%d}",
                             v.detail if v.status == "revoked" else "") for _, v in rows])
    return 0


# ---------------------------------------------------------------- verify / revoke
def _verification_json(v: Any) -> dict[str, Any]:
    def iso(x: Any) -> str | None:
        return x.isoformat() if x is not None else None

    return {"id": v.certificate_id, "code": v.code, "status": v.status, "person_id": v.person_id,
            "seminar_id": v.seminar_id, "holder": v.holder, "seminar": v.seminar_title,
            "first_day": iso(v.first_day), "last_day": iso(v.last_day), "issued_at": iso(v.issued_at),
            "revoked_at": iso(v.revoked_at), "reason": v.revoke_reason, "detail": v.detail}


def run_verify(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services import certificates

    with ctx.db.reading() as s:
        answer = certificates.verify(s, args.code)
    if args.json:
        output.print_json(_verification_json(answer))
    else:
        print(f"{answer.status}: {answer.code} — {answer.detail}" if answer.status != "valid"
              else f"valid: {answer.code} — {answer.detail}")
    return 0 if answer.status == "valid" else 1


def run_revoke(args: argparse.Namespace, ctx: Context) -> int:
    from ..core import certcodes
    from ..core.services import certificates

    if args.undo and args.reason:
        raise ValidationError("a reinstated certificate has no reason; leave out --reason", where="--undo")
    with ctx.db.transaction() as s:
        cert = (certificates.reinstate(s, args.code) if args.undo
                else certificates.revoke(s, args.code, reason=args.reason))
        code, status = certcodes.format_code(cert.code), cert.status
        data = {"id": cert.id, "code": code, "person_id": cert.person_id, "seminar_id": cert.seminar_id,
                "status": status, "holder": cert.holder_name or "(erased)", "reason": cert.revoke_reason}
    if args.json:
        output.print_json(data)
    else:
        done = "reinstated" if args.undo else "revoked"
        print(f"certificate {code} of {data['holder']} {done}" + (f" ({args.reason})" if args.reason else ""))
    return 0


# ---------------------------------------------------------------- settings
def _signatory(text: str, i: int) -> tuple[str, str | None, str | None]:
    name, _, rest = text.partition("|")
    title, _, title_zh = rest.partition("|")
    if not name.strip():
        raise ValidationError(f"{text!r}: give NAME|TITLE|TITLE_ZH (the titles may be left out)",
                              where=f"--signatory {i}")
    return name, title or None, title_zh or None


def _settings_json(st: Any) -> dict[str, Any]:
    return {"id": st.seminar_id, "seminar_id": st.seminar_id, "min_attendance": st.rule.min_attendance_pct,
            "min_hours": st.rule.min_hours, "rule": st.rule.describe(),
            "signatories": [{"name": x.name, "title": x.title, "title_zh": x.title_zh} for x in st.signatories],
            "bilingual": st.bilingual, "logos": list(st.logos), "version": st.version}


def run_settings(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services import certificate_settings

    changes: dict[str, Any] = {}
    if args.min_attendance is not None or args.min_hours is not None:
        changes["min_attendance_pct"] = args.min_attendance
        changes["min_hours"] = args.min_hours
    if args.signatory and args.no_signatories:
        raise ValidationError("give --signatory or --no-signatories, not both", where="--no-signatories")
    if args.signatory:
        changes["signatories"] = [_signatory(x, i) for i, x in enumerate(args.signatory, start=1)]
    elif args.no_signatories:
        changes["signatories"] = []
    if args.bilingual is not None:
        changes["bilingual"] = args.bilingual
    if args.logo and args.no_logos:
        raise ValidationError("give --logo or --no-logos, not both", where="--no-logos")
    if args.logo:
        changes["logos"] = args.logo
    elif args.no_logos:
        changes["logos"] = []
    if changes:
        with ctx.db.transaction() as s:
            st = certificate_settings.set_settings(s, args.id, expected_version=args.expected_version, **changes)
    else:
        with ctx.db.reading() as s:
            st = certificate_settings.get_settings(s, args.id)
    if args.json:
        output.print_json(_settings_json(st))
        return 0
    print(f"certificates of seminar {args.id}: eligible with {st.rule.describe()}; "
          f"{'English and Chinese' if st.bilingual else 'English'} wording")
    for i, x in enumerate(st.signatories, start=1):
        print(f"  signatory {i}: {x.name}" + (f", {x.title}" if x.title else "")
              + (f" / {x.title_zh}" if x.title_zh else ""))
    for logo in st.logos:
        print(f"  logo: {logo}")
    if not st.logos:
        print("  logos: the default ones (resources/logos/)")
    return 0
