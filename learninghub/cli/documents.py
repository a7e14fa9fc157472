"""Commands that print documents: a seminar's agenda, a curriculum's programme, a seminar's
name badges and a session's sign-in sheet, as PDFs.

reportlab is imported inside the handlers, so ``learninghub --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.errors import ValidationError
from . import output
from .common import add_json
from .context import Context

PAPERS = ("a4", "letter")
LANGS = ("en", "zh", "en+zh")
LANG_HELP = "the document's language: en (default), zh (Chinese titles where set) or en+zh (both)"


def register(commands: Any) -> None:
    agenda = commands.add_parser("agenda", help="a seminar's agenda as a PDF")
    agenda.add_argument("--seminar", type=int, required=True, metavar="ID")
    agenda.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    agenda.add_argument("--second-tz", metavar="ZONE", help="also show every time in this IANA zone")
    agenda.add_argument("--paper", choices=PAPERS, default="a4", help="a4 (default) or letter")
    agenda.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    add_json(agenda)
    agenda.set_defaults(handler=print_agenda)

    programme = commands.add_parser("programme", help="a curriculum's programme (every seminar, by year) as a PDF")
    programme.add_argument("--curriculum", type=int, required=True, metavar="ID")
    programme.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    programme.add_argument("--paper", choices=PAPERS, default="a4", help="a4 (default) or letter")
    programme.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    add_json(programme)
    programme.set_defaults(handler=print_programme)

    badges = commands.add_parser("badges", help="name badges for a seminar's participants (8 to an A4 page)")
    badges.add_argument("--seminar", type=int, required=True, metavar="ID")
    badges.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    badges.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    add_json(badges)
    badges.set_defaults(handler=print_badges)

    timetable = commands.add_parser("timetable", help="a seminar's timetable as a PDF grid, a page a day")
    timetable.add_argument("--seminar", type=int, required=True, metavar="ID")
    timetable.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    timetable.add_argument("--second-zone", metavar="ZONE", help="a second time ruler in this IANA zone")
    timetable.add_argument("--by-room", action="store_true", help="a column per room within each day")
    timetable.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    add_json(timetable)
    timetable.set_defaults(handler=print_timetable)

    signin = commands.add_parser("signin", help="a session's sign-in sheet (registered people, by family name)")
    signin.add_argument("--session", type=int, required=True, metavar="ID")
    signin.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    signin.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    add_json(signin)
    signin.set_defaults(handler=print_signin)


def print_agenda(args: argparse.Namespace, ctx: Context) -> None:
    from ..documents import build

    target = _target(args.output)
    rendered = build.agenda(ctx.db, args.seminar, second_tz=args.second_tz, paper=args.paper, lang=args.lang)
    _finish(args, rendered, target, args.seminar, f"agenda of seminar {args.seminar}")


def print_programme(args: argparse.Namespace, ctx: Context) -> None:
    from ..documents import build

    target = _target(args.output)
    rendered = build.programme(ctx.db, args.curriculum, paper=args.paper, lang=args.lang)
    _finish(args, rendered, target, args.curriculum, f"programme of curriculum {args.curriculum}")


def print_badges(args: argparse.Namespace, ctx: Context) -> None:
    from ..documents import build

    target = _target(args.output)
    rendered = build.badges(ctx.db, args.seminar, lang=args.lang)
    _finish(args, rendered, target, args.seminar, f"badges of seminar {args.seminar}")


def print_timetable(args: argparse.Namespace, ctx: Context) -> None:
    from ..documents import timetable_pdf

    target = _target(args.output)
    rendered = timetable_pdf.build(ctx.db, args.seminar, second_zone=args.second_zone, lang=args.lang,
                                   by_room=args.by_room)
    _finish(args, rendered, target, args.seminar, f"timetable of seminar {args.seminar}")


def print_signin(args: argparse.Namespace, ctx: Context) -> None:
    from ..documents import build

    target = _target(args.output)
    rendered = build.signin(ctx.db, args.session, lang=args.lang)
    _finish(args, rendered, target, args.session, f"sign-in sheet of session {args.session}")


def _target(name: str) -> Path:
    """The output file, refused before any work if it cannot be written there."""
    path = Path(name)
    if path.is_dir():
        raise ValidationError(f"{name} is a folder; give a file name such as agenda.pdf", where="-o")
    if not path.parent.is_dir():
        raise ValidationError(f"folder {path.parent} does not exist", where="-o")
    return path


def save_rendered(rendered: Any, target: Path) -> None:
    """Write a rendered document to ``-o``: a refusal that names the file, a note for characters no font has."""
    try:
        rendered.save(target)
    except OSError as exc:
        raise ValidationError(f"cannot write {target}: {exc.strerror or exc}", where="-o") from None
    if rendered.missing:
        from ..documents.markup import describe

        print(f"learninghub: note: no font has these characters: {describe(rendered.missing)}", file=sys.stderr)


def _finish(args: argparse.Namespace, rendered: Any, target: Path, ident: int, what: str) -> None:
    save_rendered(rendered, target)
    if args.json:
        output.print_json({"id": ident, "file": str(target), "pages": rendered.pages})
    else:
        print(f"{what} written to {target} ({rendered.pages} page{'s' if rendered.pages != 1 else ''})")
