"""``learninghub conflicts``: speaker, room, schedule and seat conflicts across all seminars.

Conflicts are warnings (a clash may be wanted), so finding some still exits 0; only an
unknown ``--seminar`` is an error (exit 1, printed by the main command).
"""

from __future__ import annotations

import argparse
from typing import Any

from . import output
from .common import subcommand
from .context import Context


def register(commands: Any) -> None:
    parser = subcommand(commands, "conflicts", "speaker, room, schedule and seat conflicts across all seminars",
                        conflicts_command)
    parser.add_argument("--seminar", type=int, metavar="ID",
                        help="only conflicts with a side in this seminar (the other side may be anywhere)")


def conflict_json(conflict: Any) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "message": conflict.message,
        "items": [{"type": i.type, "id": i.id, "seminar_id": i.seminar_id, "label": i.label} for i in conflict.items],
    }


def count_line(count: int) -> str:
    return "no conflicts" if count == 0 else f"{count} conflict{'s' if count != 1 else ''}"


def conflicts_command(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import conflicts

    with ctx.db.reading() as s:
        found = conflicts.find_conflicts(s, args.seminar)
    if args.json:
        output.print_json([conflict_json(c) for c in found])
        return
    for conflict in found:
        print(f"{conflict.kind}: {conflict.message}")
    print(count_line(len(found)))
