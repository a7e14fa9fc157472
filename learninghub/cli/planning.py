"""Commands for curricula, seminars and agenda sessions."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import timezones, validate, vocab
from . import output
from .common import (
    ANY_INT,
    CAPACITY,
    ID,
    SUPPRESS,
    add_expected_version,
    choices_help,
    command_group,
    given,
    subcommand,
)
from .context import Context


def register(commands: Any) -> None:
    _curriculum(commands)
    _seminar(commands)
    _session(commands)


# ---------------------------------------------------------------- curricula
def _curriculum(commands: Any) -> None:
    group = command_group(commands, "curriculum", "curricula")
    add = subcommand(group, "add", "add a curriculum", curriculum_add)
    add.add_argument("--title", required=True)
    add.add_argument("--start-year", type=ANY_INT)
    add.add_argument("--end-year", type=ANY_INT)
    add.add_argument("--description")
    _chinese_options(add, editing=False)

    subcommand(group, "list", "list curricula", curriculum_list)

    subcommand(group, "show", "one curriculum", curriculum_show, takes_id=True)

    edit = subcommand(group, "edit", "change a curriculum", curriculum_edit, takes_id=True)
    edit.add_argument("--title", default=SUPPRESS)
    edit.add_argument("--start-year", type=ANY_INT, default=SUPPRESS)
    edit.add_argument("--end-year", type=ANY_INT, default=SUPPRESS)
    edit.add_argument("--description", default=SUPPRESS)
    _chinese_options(edit, editing=True)
    add_expected_version(edit)


def _chinese_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    """The Chinese version of the title and description, printed by documents in zh and en+zh."""
    default = SUPPRESS if editing else None
    parser.add_argument("--title-zh", default=default, metavar="中文标题",
                        help="the title in Chinese (documents in zh fall back to --title without it)")
    parser.add_argument("--description-zh", default=default, metavar="TEXT", help="the description in Chinese")


#: Command-line option -> service argument, for the Chinese versions (add and edit).
_CHINESE_FIELDS = {"title_zh": "title_zh", "description_zh": "description_zh"}


def _print_curricula(args: argparse.Namespace, rows: list[Any]) -> None:
    if args.json:
        output.print_json([output.curriculum_json(c) for c in rows])
    else:
        output.print_table(["ID", "Years", "Title"], [(c.id, _years(c), c.title) for c in rows])


def _years(c: Any) -> str:
    return f"{c.start_year or '?'}–{c.end_year or '?'}"


def curriculum_add(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import curricula

    with ctx.db.transaction() as s:
        c = curricula.add_curriculum(
            s, title=args.title, start_year=args.start_year, end_year=args.end_year, description=args.description,
            title_zh=args.title_zh, description_zh=args.description_zh,
        )
        _show_one_curriculum(args, c)


def _show_one_curriculum(args: argparse.Namespace, c: Any) -> None:
    if args.json:
        output.print_json(output.curriculum_json(c))
    else:
        print(f"curriculum {c.id}: {c.title} ({_years(c)})")
        if c.title_zh:
            print(f"  中文: {c.title_zh}")


def curriculum_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import curricula

    with ctx.db.reading() as s:
        _print_curricula(args, curricula.list_curricula(s))


def curriculum_show(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import curricula

    with ctx.db.reading() as s:
        _show_one_curriculum(args, curricula.get_curriculum(s, args.id))


def curriculum_edit(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import curricula

    changes = given(args, {"title": "title", "start_year": "start_year", "end_year": "end_year",
                           "description": "description", **_CHINESE_FIELDS})
    with ctx.db.transaction() as s:
        c = curricula.edit_curriculum(s, args.id, expected_version=args.expected_version, **changes)
        _show_one_curriculum(args, c)


# ---------------------------------------------------------------- seminars
_SEMINAR_FIELDS = {
    "title": "title",
    "start": "start",
    "end": "end",
    "tz": "timezone",
    "kind": "kind",
    "format": "format",
    "venue": "venue",
    "city": "city",
    "capacity": "capacity",
    "status": "status",
    "description": "description",
    **_CHINESE_FIELDS,
}


def _seminar_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    default = SUPPRESS if editing else None
    parser.add_argument("--title", required=not editing, default=default)
    parser.add_argument("--start", required=not editing, default=default, metavar="DATE", help="first day, 2020-07-13")
    parser.add_argument("--end", required=not editing, default=default, metavar="DATE", help="last day")
    parser.add_argument("--tz", required=not editing, default=default, metavar="ZONE", help="IANA zone, Asia/Shanghai")
    parser.add_argument("--kind", default=SUPPRESS if editing else "seminar", help=choices_help(vocab.SEMINAR_KINDS))
    parser.add_argument("--format", default=SUPPRESS if editing else "onsite", help=choices_help(vocab.SEMINAR_FORMATS))
    parser.add_argument("--venue", default=default)
    parser.add_argument("--city", default=default)
    parser.add_argument("--country", default=None, metavar="CC", help="the city's country code")
    parser.add_argument("--capacity", type=CAPACITY, default=default,
                        help=f"seats, 1 to {validate.MAX_CAPACITY:,}")
    parser.add_argument("--status", default=SUPPRESS if editing else "planned", help=choices_help(vocab.SEMINAR_STATUSES))
    parser.add_argument("--description", default=default)
    _chinese_options(parser, editing=editing)


def _seminar(commands: Any) -> None:
    group = command_group(commands, "seminar", "seminars")
    add = subcommand(group, "add", "add a seminar to a curriculum", seminar_add)
    add.add_argument("--curriculum", type=ID, required=True, metavar="ID")
    _seminar_options(add, editing=False)

    lst = subcommand(group, "list", "list seminars", seminar_list)
    lst.add_argument("--curriculum", type=ID, metavar="ID")

    subcommand(group, "show", "one seminar with its partners and seats", seminar_show, takes_id=True)

    edit = subcommand(group, "edit", "change a seminar", seminar_edit, takes_id=True)
    _seminar_options(edit, editing=True)
    add_expected_version(edit)

    subcommand(group, "cancel", "cancel a seminar (its history is kept)", seminar_cancel, takes_id=True)

    partner = subcommand(group, "partner", "add an organiser or partner organisation", seminar_partner, takes_id=True)
    partner.add_argument("--organisation", required=True)
    partner.add_argument("--role", default="partner", help=choices_help(vocab.PARTNER_ROLES))


def _show_seminar(args: argparse.Namespace, s: Any, seminar: Any) -> None:
    from ..core.services.seats import seats_taken

    taken = seats_taken(s, seminar.id)
    if args.json:
        output.print_json(output.seminar_json(seminar, seats_taken=taken))
        return
    city = seminar.city.name if seminar.city else ""
    print(f"seminar {seminar.id}: {seminar.title}")
    if seminar.title_zh:
        print(f"  中文: {seminar.title_zh}")
    print(f"  {seminar.start_date} – {seminar.end_date} ({seminar.timezone}), {seminar.kind}, {seminar.format}, {seminar.status}")
    print(f"  venue: {seminar.venue or '-'}, {city or '-'}")
    print(f"  seats: {taken} of {seminar.capacity if seminar.capacity else 'unlimited'}")
    for p in seminar.partners:
        print(f"  {p.role}: {p.organisation.name}")


def seminar_add(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import seminars

    fields = {svc: getattr(args, opt) for opt, svc in _SEMINAR_FIELDS.items()}
    with ctx.db.transaction() as s:
        seminar = seminars.add_seminar(s, curriculum_id=args.curriculum, country=args.country, **fields)
        _show_seminar(args, s, seminar)


def seminar_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import seminars
    from ..core.services.seats import seats_taken

    with ctx.db.reading() as s:
        rows = seminars.list_seminars(s, args.curriculum)
        if args.json:
            output.print_json([output.seminar_json(r, seats_taken=seats_taken(s, r.id)) for r in rows])
            return
        output.print_table(
            ["ID", "First day", "Last day", "Title", "City", "Format", "Status"],
            [(r.id, r.start_date, r.end_date, r.title, r.city.name if r.city else "", r.format, r.status) for r in rows],
        )


def seminar_show(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import seminars

    with ctx.db.reading() as s:
        _show_seminar(args, s, seminars.get_seminar(s, args.id))


def seminar_edit(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import seminars

    changes = given(args, _SEMINAR_FIELDS)
    with ctx.db.transaction() as s:
        seminar = seminars.edit_seminar(
            s, args.id, expected_version=args.expected_version, country=args.country, **changes
        )
        _show_seminar(args, s, seminar)


def seminar_cancel(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import seminars

    with ctx.db.transaction() as s:
        _show_seminar(args, s, seminars.cancel_seminar(s, args.id))


def seminar_partner(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import seminars

    with ctx.db.transaction() as s:
        seminars.set_partner(s, args.id, args.organisation, args.role)
        _show_seminar(args, s, seminars.get_seminar(s, args.id))


# ---------------------------------------------------------------- sessions
_SESSION_FIELDS = {
    "title": "title",
    "start": "start",
    "end": "end",
    "kind": "kind",
    "room": "room",
    "language": "language",
    "description": "description",
    "moderator": "moderator_id",
    **_CHINESE_FIELDS,
}


def _session_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    default = SUPPRESS if editing else None
    parser.add_argument("--title", required=not editing, default=default)
    parser.add_argument("--start", required=not editing, default=default, metavar='"DATE HH:MM"', help="local time in the seminar's zone")
    parser.add_argument("--end", required=not editing, default=default, metavar='"DATE HH:MM"')
    parser.add_argument("--kind", default=SUPPRESS if editing else "talk", help=choices_help(vocab.SESSION_KINDS))
    parser.add_argument("--room", default=default)
    parser.add_argument("--language", default=default, help="e.g. en, zh, en+zh")
    parser.add_argument("--description", default=default)
    _chinese_options(parser, editing=editing)
    parser.add_argument("--speaker", type=ID, action="append", metavar="PERSON_ID", default=SUPPRESS if editing else [], help="repeat for several speakers")
    parser.add_argument("--moderator", type=ID, metavar="PERSON_ID", default=default)
    parser.add_argument("--fold", choices=["earlier", "later"], help="which one, for a local time that happens twice")


def _session(commands: Any) -> None:
    group = command_group(commands, "session", "agenda sessions")
    add = subcommand(group, "add", "add a session (or a recurring series) to a seminar", session_add)
    add.add_argument("--seminar", type=ID, required=True, metavar="ID")
    _session_options(add, editing=False)
    add.add_argument("--repeat", metavar="RRULE", help="RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=8")

    lst = subcommand(group, "list", "a seminar's agenda", session_list)
    lst.add_argument("--seminar", type=ID, required=True, metavar="ID")
    lst.add_argument("--tz", metavar="ZONE", help="show times in this zone instead of the seminar's")

    show = subcommand(group, "show", "one session", session_show, takes_id=True)
    show.add_argument("--tz", metavar="ZONE")

    edit = subcommand(group, "edit", "change one session (or, with --all, its whole series)", session_edit,
                      takes_id=True)
    _session_options(edit, editing=True)
    edit.add_argument("--all", action="store_true",
                      help="change every occurrence of the session's series; --start/--end are then times (14:00)")
    add_expected_version(edit)

    cancel = subcommand(group, "cancel-occurrence", "cancel one occurrence of a repeating session (EXDATE)",
                        session_cancel_occurrence, takes_id=True)
    cancel.add_argument("--force", action="store_true", help="even if people checked in to it")

    delete = subcommand(group, "delete", "delete one session", session_delete, takes_id=True, json=False)
    delete.add_argument("--force", action="store_true", help="even if people checked in to it")


def _print_sessions(args: argparse.Namespace, rows: list[Any], tz: Any) -> None:
    """The agenda as a table; with another zone than the seminar's, both times and the day difference."""
    if args.json:
        output.print_json([output.session_json(r, tz) for r in rows])
        return
    own = timezones.zone(rows[0].seminar.timezone) if rows else tz
    second = tz if tz.key != own.key else None
    table = []
    for r in rows:
        start, end = r.starts_at.astimezone(own), r.ends_at.astimezone(own)
        cells = [r.id, f"{start:%a} {start.date().isoformat()}", _span(start, end)]
        if second is not None:
            other = r.starts_at.astimezone(second)
            shift = (other.date() - start.date()).days
            cells.append(f"{_span(other, r.ends_at.astimezone(second))} "
                         + ("same day" if shift == 0 else f"{shift:+d} day"))
        cells += [r.title, r.kind, r.room or "", ", ".join(p.display_name for p in r.speakers)]
        table.append(cells)
    headers = ["ID", "Day", f"Time ({own.key})"] + ([f"Time ({second.key})"] if second else [])
    output.print_table(headers + ["Title", "Kind", "Room", "Speakers"], table)


def _span(start: Any, end: Any) -> str:
    """'09:00–10:30', or '23:30–01:00 +1 day' for a session that crosses midnight."""
    days = (end.date() - start.date()).days
    return f"{start:%H:%M}–{end:%H:%M}" + (f" +{days} day" if days else "")


def _zone_for(s: Any, seminar_id: int, override: str | None) -> Any:
    from ..core.services.seminars import get_seminar

    return timezones.zone(override or get_seminar(s, seminar_id).timezone, where="--tz")


def session_add(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda

    fields = {svc: getattr(args, opt) for opt, svc in _SESSION_FIELDS.items()}
    with ctx.db.transaction() as s:
        rows = agenda.add_session(
            s, seminar_id=args.seminar, speaker_ids=args.speaker, repeat=args.repeat, fold=args.fold, **fields
        )
        tz = _zone_for(s, args.seminar, None)
        if args.json:
            data = [output.session_json(r, tz) for r in rows]
            output.print_json(data if args.repeat else data[0])
        else:
            _print_sessions(args, rows, tz)


def session_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda

    with ctx.db.reading() as s:
        tz = _zone_for(s, args.seminar, args.tz)
        _print_sessions(args, agenda.list_sessions(s, args.seminar), tz)


def session_show(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda

    with ctx.db.reading() as s:
        row = agenda.get_session(s, args.id)
        tz = _zone_for(s, row.seminar_id, args.tz)
        if args.json:
            output.print_json(output.session_json(row, tz))
        else:
            _print_sessions(args, [row], tz)


def session_edit(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda

    changes = given(args, _SESSION_FIELDS)
    if "speaker" in vars(args):
        changes["speaker_ids"] = args.speaker
    with ctx.db.transaction() as s:
        if args.all:
            series_id = agenda.get_session(s, args.id).series_id
            if series_id is None:
                from ..core.errors import RuleViolation

                raise RuleViolation(f"session {args.id} is not part of a repeating series", where="--all")
            if "moderator_id" in changes:
                from ..core.errors import ValidationError

                raise ValidationError("the moderator of a series is changed one occurrence at a time", where="--all")
            times = {"start_time": changes.pop("start", None), "end_time": changes.pop("end", None)}
            rows = agenda.edit_series(s, series_id, fold=args.fold, **changes,
                                      **{k: v for k, v in times.items() if v is not None})
        else:
            rows = [agenda.edit_session(s, args.id, expected_version=args.expected_version, fold=args.fold,
                                        **changes)]
        tz = _zone_for(s, rows[0].seminar_id, None)
        if args.json:
            data = [output.session_json(r, tz) for r in rows]
            output.print_json(data if args.all else data[0])
        else:
            _print_sessions(args, rows, tz)


def session_cancel_occurrence(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda

    with ctx.db.transaction() as s:
        series = agenda.cancel_occurrence(s, args.id, force=args.force)
        if args.json:
            output.print_json({"id": series.id, "rrule": series.rrule, "exdates": series.exdates.split()})
        else:
            print(f"cancelled session {args.id}; its series {series.id} now skips {series.exdates.split()[-1]}")


def session_delete(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import agenda

    with ctx.db.transaction() as s:
        agenda.delete_session(s, args.id, force=args.force)
    print(f"deleted session {args.id}")
