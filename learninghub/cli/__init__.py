"""``learninghub``: every data operation of the app, without a screen (the reference: docs/cli.md).

Exit status: 0 done; 1 refused by a rule or bad input (one line on stderr saying
what and where); 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..runtime import freeze_startup_objects
from . import (
    admin,
    backup,
    certificates,
    conflicts,
    documents,
    evaluation,
    exporting,
    importing,
    mail,
    people,
    places,
    planning,
    report,
)
from .context import Context
from .widehelp import ArgumentParser


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="learninghub",
        description="Plan city-to-city training programmes: curricula, seminars, agendas, people.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: $LEARNINGHUB_DB, else the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"learninghub {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (admin, planning, people, places, conflicts, documents, importing, exporting, backup, certificates,
                   report, mail, evaluation):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    freeze_startup_objects()
    context = Context(args.db, restoring=args.command == "restore")
    try:
        return int(args.handler(args, context) or 0)
    except context.user_errors as exc:
        print(f"learninghub: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`learninghub person list | head`): not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("learninghub: interrupted; the current change was not saved", file=sys.stderr)
        return 130
    finally:
        context.close()


if __name__ == "__main__":
    raise SystemExit(main())
