"""``backup -o FILE`` and ``restore FILE``: the whole database as one file, and back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import output
from .common import add_json
from .context import Context


def register(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="a consistent copy of the whole database (SQLite copy, or a .jsonl dump)"
    )
    backup.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="FILE.sqlite for an SQLite copy; FILE.jsonl for a portable dump (always for PostgreSQL)")
    backup.add_argument("--portable", action="store_true", help="write a portable JSON-lines dump whatever the name")
    add_json(backup)
    backup.set_defaults(handler=make_backup)

    restore = commands.add_parser(
        "restore", help="replace the whole database by a backup (a safety copy of the current one is kept)"
    )
    restore.add_argument("file", metavar="FILE", help="a backup made by `backup` (SQLite copy or .jsonl dump)")
    add_json(restore)
    restore.set_defaults(handler=restore_backup)


def make_backup(args: argparse.Namespace, ctx: Context) -> None:
    from ..exporting.backup import backup

    result = backup(ctx.db, Path(args.output), portable=True if args.portable else None)
    if args.json:
        output.print_json({"id": None, "file": str(result.path), "format": result.format,
                           "schema": result.schema, "rows": result.rows})
    else:
        kind = "SQLite copy" if result.format == "sqlite" else f"portable dump, {result.rows} rows"
        print(f"backup written to {result.path} ({kind}, schema {result.schema})")


def restore_backup(args: argparse.Namespace, ctx: Context) -> None:
    from ..exporting.backup import restore

    result = restore(ctx.db, Path(args.file))
    if args.json:
        output.print_json({"id": None, "file": str(result.source), "format": result.format,
                           "schema_of_backup": result.schema_of_backup, "schema": result.schema_now,
                           "upgraded": result.upgraded,
                           "safety_copy": str(result.safety_copy) if result.safety_copy else None})
    else:
        upgraded = f"; upgraded from schema {result.schema_of_backup}" if result.upgraded else ""
        print(f"restored {result.source}{upgraded}; the database as it was is kept as {result.safety_copy}")
