"""Commands about the database itself and the app: init, demo, gui."""

from __future__ import annotations

import argparse
from typing import Any

from . import output
from .common import subcommand
from .context import Context


def register(commands: Any) -> None:
    subcommand(commands, "init", "create or upgrade the database", init_db)
    demo = subcommand(commands, "demo", "load the demo Learning Hub curriculum 2020–2022", load_demo)
    demo.add_argument("--force", action="store_true", help="replace everything already in the database")
    gui = subcommand(commands, "gui", "open the desktop app", run_gui, json=False)
    gui.add_argument("--lang", choices=("en", "zh", "system"), default=None,
                     help="interface language for this run (default: $LEARNINGHUB_LANG, else Preferences, "
                          "else the system's)")


def init_db(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.store import head_revision

    db = ctx.db
    read_only = getattr(db, "read_only", False)
    if args.json:
        output.print_json({"id": db.target.label, "database": db.target.label, "schema": head_revision(),
                           "dialect": db.dialect, "read_only": read_only})
    else:
        note = "; read-only: it can be read but not changed" if read_only else ""
        print(f"database ready: {db.target.label} (schema {head_revision()}{note})")


def load_demo(args: argparse.Namespace, ctx: Context) -> int:
    import dataclasses
    import sys

    from ..core.services import demo

    db = ctx.db
    with db.transaction() as s:
        if not demo.is_empty(s):
            if not args.force:
                print(f"learninghub: error: {db.target.label} already holds data; "
                      "pass --force to replace all of it with the demo", file=sys.stderr)
                return 1
            demo.clear_everything(s)
        summary = demo.load_demo(s)
    if args.json:
        output.print_json({"id": db.target.label, **dataclasses.asdict(summary)})
    else:
        print(f"demo loaded into {db.target.label}: {summary.curricula} curricula, {summary.seminars} seminars, "
              f"{summary.sessions} sessions, {summary.people} people, {summary.registrations} registrations, "
              f"{summary.check_ins} check-ins")
    return 0


def run_gui(args: argparse.Namespace, ctx: Context) -> int:
    import os
    import sys

    from .. import config

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )
    if headless:
        print("learninghub: error: no display to open the window on (DISPLAY is not set); "
              "the command line works without one: learninghub --help", file=sys.stderr)
        return 1
    from ..gui.app import run

    return run(config.resolve_database(args.db), language=args.lang)
