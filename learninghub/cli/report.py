"""``learninghub report``: the outcome report funders ask for, of a curriculum (some years) or a seminar,
as a PDF or a workbook. The figures are counted by the database (core/reports/outcome.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from . import output
from .common import ID, Whole, add_json, handled_by
from .context import Context
from .documents import LANGS, _target, save_rendered

YEAR = Whole(1, 9999)


def register(commands: Any) -> None:
    report = commands.add_parser("report", help="the outcome report of a curriculum or a seminar (PDF or XLSX)")
    scope = report.add_mutually_exclusive_group(required=True)
    scope.add_argument("--curriculum", type=ID, metavar="ID", help="a curriculum's seminars")
    scope.add_argument("--seminar", type=ID, metavar="ID", help="one seminar")
    report.add_argument("--from", dest="first_year", type=YEAR, metavar="YEAR",
                        help="only the curriculum's seminars starting in this year or later")
    report.add_argument("--to", dest="last_year", type=YEAR, metavar="YEAR",
                        help="only the curriculum's seminars starting in this year or earlier")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.xlsx",
                        help="the PDF (a page per section, charts) or the workbook (a sheet per table)")
    report.add_argument("--lang", choices=LANGS, default="en",
                        help="headings and titles: en (default), zh (Chinese titles where set) or en+zh (both)")
    add_json(report)
    handled_by(report, print_report)


def scope_of(args: argparse.Namespace) -> Any:
    """The report's scope from the flags; years only with a curriculum, the first not after the last."""
    from ..core.reports.outcome import Scope

    if args.seminar is not None and (args.first_year is not None or args.last_year is not None):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "--from and --to take a curriculum's years; give --curriculum"),
                              where="--from" if args.first_year is not None else "--to")
    if args.first_year is not None and args.last_year is not None and args.first_year > args.last_year:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{first} is after {last} (--to)"), where="--from",
                              first=args.first_year, last=args.last_year)
    return Scope(curriculum_id=args.curriculum, seminar_id=args.seminar, first_year=args.first_year,
                 last_year=args.last_year)


def print_report(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.reports.outcome import outcome_report
    from ..exporting.tables import format_of

    scope = scope_of(args)
    target = _target(args.output)
    kind = format_of(target, ("pdf", "xlsx"))
    report = ctx.db.read(outcome_report(scope))[0]
    ident = args.seminar if args.seminar is not None else args.curriculum
    result: dict[str, Any] = {"id": ident, "file": str(target)}
    if kind == "pdf":
        from ..documents.outcome_pdf import render_outcome_report

        rendered = render_outcome_report(report, lang=args.lang)
        save_rendered(rendered, target)
        result["pages"], said = rendered.pages, f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
    else:
        from ..exporting.outcome_report import write_report_xlsx

        try:
            sheets = write_report_xlsx(report, Path(target), lang=args.lang)
        except OSError as exc:
            raise ValidationError(f"cannot write {target}: {exc.strerror or exc}", where="-o") from None
        result["sheets"], said = sheets, f"{sheets} sheets"
    if args.json:
        output.print_json(result | {"figures": report.as_json()})
        return
    what = f"seminar {args.seminar}" if args.seminar is not None else f"curriculum {args.curriculum}"
    print(f"report of {what} written to {target} ({said}): {report.seminars_total} seminars "
          f"({report.seminars_held} held, {report.seminars_cancelled} cancelled), {report.participants} participants, "
          f"{report.attended} attendances of {report.registered} registered")
