"""Commands for people, registrations and attendance."""

from __future__ import annotations

import argparse
from typing import Any

from .. import config
from ..core import timezones, vocab
from . import output
from .common import COUNT, ID, SUPPRESS, add_expected_version, choices_help, command_group, given, subcommand
from .context import Context

_PERSON_FIELDS = {
    "given": "given_name",
    "family": "family_name",
    "native_name": "native_name",
    "email": "email",
    "organisation": "organisation",
    "city": "city",
    "country": "country",
    "role": "role",
    "gender": "gender",
    "title": "title",
    "phone": "phone",
    "notes": "notes",
    "consent": "consent_contact",
}


def register(commands: Any) -> None:
    _person(commands)
    _registration(commands)
    _attendance(commands)


def _bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("yes", "y", "true", "1"):
        return True
    if lowered in ("no", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"{text!r} is not yes or no")


def _person_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    default = SUPPRESS if editing else None
    parser.add_argument("--given", default=default, help="given name, Latin script")
    parser.add_argument("--family", default=default, help="family name, Latin script")
    parser.add_argument("--native-name", default=default, help="name in the person's own script: 李佳, 한현숙")
    parser.add_argument("--email", default=default)
    parser.add_argument("--organisation", default=default)
    parser.add_argument("--city", default=default)
    parser.add_argument("--country", default=default, metavar="CC")
    parser.add_argument("--role", default=SUPPRESS if editing else "other",
                        help="the code or the app's name for it, any case (manager or \"City manager\"): "
                        + ", ".join(f"{code} ({name})" for code, name in vocab.PERSON_ROLES.items()))
    parser.add_argument("--gender", default=default,
                        help="optional, reported only in aggregate; the code or the app's name for it, in English "
                        "or Chinese (\"\" clears it: not recorded): "
                        + ", ".join(f"{code} ({name})" for code, name in vocab.PERSON_GENDERS.items()))
    parser.add_argument("--title", default=default, help="job title")
    parser.add_argument("--phone", default=default)
    parser.add_argument("--notes", default=default)
    parser.add_argument("--consent", type=_bool, default=SUPPRESS if editing else False, metavar="yes|no",
                        help="agrees to be contacted")


def _person(commands: Any) -> None:
    group = command_group(commands, "person", "people")
    add = subcommand(group, "add", "add a person", person_add)
    _person_options(add, editing=False)

    lst = subcommand(group, "list", "list or search people", person_list)
    lst.add_argument("--search", metavar="Q", help="part of a name (any script), email, organisation or city")
    lst.add_argument("--limit", type=COUNT, default=int(config.DEFAULTS["search_result_limit"]),  # type: ignore[call-overload]
                     help="at most this many (0: all; default %(default)s)")

    subcommand(group, "show", "one person with their registrations", person_show, takes_id=True)

    edit = subcommand(group, "edit", "change a person", person_edit, takes_id=True)
    _person_options(edit, editing=True)
    add_expected_version(edit)

    subcommand(group, "erase", "remove a person's personal data everywhere", person_erase, takes_id=True)


def _show_person(args: argparse.Namespace, person: Any, registrations: list[Any] | None = None) -> None:
    if args.json:
        data = output.person_json(person)
        if registrations is not None:
            data["registrations"] = [output.registration_json(r) | {"seminar": r.seminar.title} for r in registrations]
        output.print_json(data)
        return
    print(f"person {person.id}: {person.display_name}")
    for label, value in (
        ("title", person.title), ("organisation", person.organisation.name if person.organisation else None),
        ("city", person.city.name if person.city else None), ("country", person.country),
        ("role", output.person_role(person.role)), ("gender", vocab.PERSON_GENDERS.get(person.gender or "")),
        ("email", person.email), ("phone", person.phone),
    ):
        if value:
            print(f"  {label}: {value}")
    for r in registrations or []:
        print(f"  seminar {r.seminar_id} '{r.seminar.title}': {r.status}")


def _role(fields: dict[str, Any]) -> dict[str, Any]:
    """``--role`` as the code the core stores, read as an import reads a role cell (importing.checking.role):
    the code, or the role's name as the app shows it, in English or Chinese, or its plural."""
    if fields.get("role") is not None:
        from ..importing.checking import role

        fields["role"] = role(fields["role"])
    if fields.get("gender") is not None:
        from ..importing.checking import gender

        fields["gender"] = gender(fields["gender"]) or ""
    return fields


def person_add(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import people

    fields = _role({svc: getattr(args, opt) for opt, svc in _PERSON_FIELDS.items()})
    with ctx.db.transaction() as s:
        _show_person(args, people.add_person(s, **fields))


def person_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import people

    with ctx.db.reading() as s:
        rows = people.list_people(s, search_text=args.search, limit=args.limit or None)
        if args.json:
            output.print_json([output.person_json(p) for p in rows])
            return
        output.print_table(
            ["ID", "Family", "Given", "Native", "Organisation", "City", "Role", "Email"],
            [(p.id, p.family_name, p.given_name, p.native_name or "", p.organisation_name or "",
              p.city_name or "", vocab.PERSON_ROLES.get(p.role, p.role), p.email or "") for p in rows],
        )
        if args.limit and len(rows) == args.limit:
            print(f"(first {args.limit} shown; narrow the search or pass --limit 0)")


def person_show(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import people, registration

    with ctx.db.reading() as s:
        person = people.get_person(s, args.id)
        _show_person(args, person, registration.list_registrations(s, person_id=args.id))


def person_edit(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import people

    changes = _role(given(args, _PERSON_FIELDS))
    with ctx.db.transaction() as s:
        _show_person(args, people.edit_person(s, args.id, expected_version=args.expected_version, **changes))


def person_erase(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import people

    with ctx.db.transaction() as s:
        person = people.erase_person(s, args.id)
    ctx.db.flush_to_main_file()
    if args.json:
        output.print_json(output.person_json(person))
    else:
        print(f"erased the personal data of person {person.id}; their registrations and attendance still count")


# ---------------------------------------------------------------- registrations
def _registration(commands: Any) -> None:
    reg = subcommand(commands, "register", "register a person to a seminar, or change their status", register_person)
    reg.add_argument("--seminar", type=ID, required=True, metavar="ID")
    reg.add_argument("--person", type=ID, required=True, metavar="ID")
    reg.add_argument("--status", default="registered", help=choices_help(vocab.REGISTRATION_STATUSES))
    reg.add_argument("--note", help="why (kept in the registration's history)")

    group = command_group(commands, "registration", "list registrations and their history")
    lst = subcommand(group, "list", "registrations of a seminar or a person", registration_list)
    lst.add_argument("--seminar", type=ID, metavar="ID")
    lst.add_argument("--person", type=ID, metavar="ID")
    lst.add_argument("--status", help=choices_help(vocab.REGISTRATION_STATUSES))

    subcommand(group, "history", "every status change of one registration", registration_history, takes_id=True)

    status = subcommand(group, "status", "change the status of a registration", registration_status, takes_id=True)
    status.add_argument("status", help=choices_help(vocab.REGISTRATION_STATUSES))
    status.add_argument("--note")
    add_expected_version(status)

    remove = subcommand(group, "remove", "remove a registration made by mistake (none with check-ins or a certificate)",
                        registration_remove, takes_id=True)
    add_expected_version(remove)


def _show_registration(args: argparse.Namespace, r: Any) -> None:
    if args.json:
        output.print_json(output.registration_json(r))
        return
    text = f"registration {r.id}: {r.person.display_name} — seminar {r.seminar_id} '{r.seminar.title}': {r.status}"
    if r.status == "waitlisted" and r.events and r.events[-1].note:
        text += f" ({r.events[-1].note})"
    print(text)


def register_person(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import registration

    with ctx.db.transaction() as s:
        r = registration.register(s, seminar_id=args.seminar, person_id=args.person, status=args.status, note=args.note)
        _show_registration(args, r)


def registration_status(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import registration

    with ctx.db.transaction() as s:
        r = registration.set_status(s, args.id, args.status, note=args.note, expected_version=args.expected_version)
        _show_registration(args, r)


def registration_remove(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import registration

    with ctx.db.transaction() as s:
        r = registration.get_registration(s, args.id)
        what = output.registration_json(r)
        promoted = registration.unregister(s, args.id, expected_version=args.expected_version)
        moved = [output.registration_json(p) for p in promoted]
    if args.json:
        output.print_json({"removed": what, "promoted": moved})
        return
    print(f"removed registration {what['id']}: {what['person']} — seminar {what['seminar_id']}")
    for p in moved:
        print(f"registration {p['id']} (person {p['person_id']}) moved up from the waiting list")


def registration_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import registration

    with ctx.db.reading() as s:
        rows = registration.list_registrations(s, seminar_id=args.seminar, person_id=args.person, status=args.status)
        if args.json:
            output.print_json([output.registration_json(r) for r in rows])
            return
        output.print_table(
            ["ID", "Seminar", "Person ID", "Person", "Status"],
            [(r.id, r.seminar_id, r.person_id, r.person.display_name, r.status) for r in rows],
        )


def registration_history(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import registration

    with ctx.db.reading() as s:
        r = registration.get_registration(s, args.id)
        if args.json:
            output.print_json(output.registration_json(r, history=True))
            return
        tz = timezones.zone(r.seminar.timezone)
        output.print_table(
            ["When", "From", "To", "Note"],
            [(f"{e.at.astimezone(tz):%Y-%m-%d %H:%M}", e.old_status or "", e.new_status, e.note or "") for e in r.events],
        )


# ---------------------------------------------------------------- attendance
def _attendance(commands: Any) -> None:
    att = subcommand(commands, "attend", "check a person in to one session", attend)
    att.add_argument("--session", type=ID, required=True, metavar="ID")
    att.add_argument("--person", type=ID, required=True, metavar="ID")
    att.add_argument("--undo", action="store_true", help="remove the check-in instead")

    group = command_group(commands, "attendance", "who checked in")
    lst = subcommand(group, "list", "check-ins of one session", attendance_list)
    lst.add_argument("--session", type=ID, required=True, metavar="ID")


def attend(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import attendance

    with ctx.db.transaction() as s:
        if args.undo:
            attendance.undo_check_in(s, session_id=args.session, person_id=args.person)
            if args.json:
                output.print_json({"id": None, "session_id": args.session, "person_id": args.person, "removed": True})
            else:
                print(f"removed the check-in of person {args.person} to session {args.session}")
            return
        record = attendance.check_in(s, session_id=args.session, person_id=args.person)
        tz = timezones.zone(record.session.seminar.timezone)
        if args.json:
            output.print_json(output.attendance_json(record, tz))
        else:
            print(f"checked in {record.person.display_name} to session {args.session} "
                  f"at {record.checked_in_at.astimezone(tz):%H:%M} ({tz.key})")


def attendance_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda, attendance

    with ctx.db.reading() as s:
        tz = timezones.zone(agenda.get_session(s, args.session).seminar.timezone)
        rows = attendance.list_attendance(s, session_id=args.session)
        if args.json:
            output.print_json([output.attendance_json(a, tz) for a in rows])
            return
        output.print_table(["Person ID", "Person", "Checked in"],
                           [(a.person_id, a.person.display_name, f"{a.checked_in_at.astimezone(tz):%Y-%m-%d %H:%M}") for a in rows])
