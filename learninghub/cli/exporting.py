"""``export people|attendance|ics``: data out as CSV, XLSX and iCalendar files.

openpyxl and icalendar are imported inside the handlers, so ``learninghub --help`` stays fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import output
from .common import command_group, subcommand
from .context import Context
from .documents import LANGS

LANG_HELP = "the titles' language: en (default), zh (Chinese titles where set) or en+zh (both)"


def register(commands: Any) -> None:
    group = command_group(commands, "export", "write people, attendance or a calendar to a file")
    people = subcommand(group, "people", "everyone, or a seminar's participants with status, as CSV or XLSX",
                        export_people)
    people.add_argument("--seminar", type=int, metavar="ID", help="only this seminar's registrations (with status)")
    people.add_argument("-o", "--output", required=True, metavar="FILE.csv|FILE.xlsx")
    matrix = subcommand(group, "attendance", "a seminar's attendance matrix (people × sessions) as XLSX",
                        export_attendance)
    matrix.add_argument("--seminar", type=int, required=True, metavar="ID")
    matrix.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    matrix.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    ics = subcommand(group, "ics", "a seminar's or a curriculum's sessions as iCalendar (.ics)", export_ics)
    which = ics.add_mutually_exclusive_group(required=True)
    which.add_argument("--seminar", type=int, metavar="ID")
    which.add_argument("--curriculum", type=int, metavar="ID")
    ics.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    ics.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)


def _done(args: argparse.Namespace, ident: int | None, what: str, path: Path, **extra: Any) -> None:
    if args.json:
        output.print_json({"id": ident, "file": str(path), **extra})
    else:
        print(f"{what} written to {path}")


def export_people(args: argparse.Namespace, ctx: Context) -> None:
    from ..exporting.people import export_people as write

    path = Path(args.output)
    rows = write(ctx.db, path, seminar_id=args.seminar)
    what = f"{rows} participant{'s' if rows != 1 else ''} of seminar {args.seminar}" if args.seminar \
        else f"{rows} {'person' if rows == 1 else 'people'}"
    _done(args, args.seminar, what, path, rows=rows)


def export_attendance(args: argparse.Namespace, ctx: Context) -> None:
    from ..exporting.attendance import export_attendance as write

    path = Path(args.output)
    table = write(ctx.db, args.seminar, path, lang=args.lang)
    people = len(table.rows) - 1
    sessions = len(table.headers) - 6
    _done(args, args.seminar, f"attendance of seminar {args.seminar} ({people} people × {sessions} sessions)",
          path, people=people, sessions=sessions)


def export_ics(args: argparse.Namespace, ctx: Context) -> None:
    from ..exporting.ics import export_ics as write

    path = Path(args.output)
    events = write(ctx.db, path, seminar_id=args.seminar, curriculum_id=args.curriculum, lang=args.lang)
    what = f"seminar {args.seminar}" if args.seminar is not None else f"curriculum {args.curriculum}"
    _done(args, args.seminar if args.seminar is not None else args.curriculum,
          f"calendar of {what} ({events} events)", path, events=events)
