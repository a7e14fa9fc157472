"""``learninghub import people FILE``: people from CSV or XLSX, all rows or none.

A dry run prints what would happen to each row and every problem; problems make the
exit status 1 (nothing imported), with one line per problem on stderr. People already stored
are matched and registered but kept as stored, their differences listed field by field;
``--update-existing`` writes those differences.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core import vocab
from . import output
from .common import add_json, choices_help, command_group
from .context import Context

#: Rows repeating earlier ones are listed (a shared office address merges two people: worth seeing).
SHOW_MERGED = 20
#: Stored people the file differs from are listed with each difference, up to this many.
SHOW_CHANGED = 200


def register(commands: Any) -> None:
    group = command_group(commands, "import", "bring data in from spreadsheets")
    people = group.add_parser("people", help="people from a CSV or XLSX file (all rows or none)")
    people.add_argument("file", metavar="FILE", help="a .csv (any common encoding and delimiter) or .xlsx file")
    people.add_argument("--seminar", type=int, metavar="ID", help="also register everyone to this seminar")
    people.add_argument("--status", default="registered", help=f"their status: {choices_help(vocab.REGISTRATION_STATUSES)}")
    people.add_argument("--dry-run", action="store_true", help="check and show what would happen; change nothing")
    people.add_argument("--update-existing", action="store_true",
                        help="write what the file says about people already stored (the differences listed); "
                             "without it they are kept as stored. Empty cells never clear a stored value")
    people.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                        help="read the column HEADER as FIELD (email, family_name, ... or ignore); repeatable")
    add_json(people)
    people.set_defaults(handler=import_people)


def plan_json(plan: Any) -> dict[str, Any]:
    return {
        "file": plan.source,
        "read_as": plan.reading,
        "seminar_id": plan.seminar_id,
        "mapping": {h or f"column {i + 1}": f for i, (h, f) in enumerate(zip(plan.headers, plan.mapping))},
        "counts": plan.counts,
        "problems": [{"row": p.row, "column": p.column, "message": p.message} for p in plan.problems],
        "update_existing": plan.update_existing,
        "rows": [{"row": r.row, "action": r.action, "id": r.person_id, "name": r.name,
                  "merged_into_row": r.merged_into, "reason": r.reason or None, "changes": r.changes,
                  "differences": [{"field": f, "stored": old, "file": new} for f, old, new in r.differences],
                  "registration": r.registration}
                 for r in plan.rows],
    }


def import_people(args: argparse.Namespace, ctx: Context) -> int:
    from ..importing import ImportRefused, parse_overrides
    from ..importing import import_people as run

    overrides = parse_overrides(args.map)
    try:
        plan = run(ctx.db, args.file, seminar_id=args.seminar, status=args.status, overrides=overrides,
                   dry_run=args.dry_run, update_existing=args.update_existing)
    except ImportRefused as exc:
        plan = exc.plan
    if args.json:
        output.print_json(plan_json(plan))
    else:
        _print_summary(plan, dry_run=args.dry_run)
    if plan.problems:
        n = len(plan.problems)
        print(f"learninghub: error: {plan.source}: {n} problem{'s' if n != 1 else ''}; nothing was imported",
              file=sys.stderr)
        for problem in plan.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


def _print_summary(plan: Any, *, dry_run: bool) -> None:
    from ..importing.planning import describe_differences

    c = plan.counts
    print(f"{plan.source} ({plan.reading}): {c['rows']} rows")
    if plan.problems:
        return
    head = "dry run, nothing changed; would be" if dry_run else "imported"
    print(f"  {head}: created {c['created']}, updated {c['updated']}, kept {c['kept']} (known, kept as stored), "
          f"skipped {c['skipped']} (already stored), merged {c['merged']} (repeating an earlier row)")
    if plan.seminar_id is not None:
        print(f"  seminar {plan.seminar_id}: {plan.status} {c['registered']}, waiting list {c['waitlisted']}")
    changed = [r for r in plan.rows if r.differences]
    if changed:
        if plan.update_existing:
            print(f"  {'would be updated' if dry_run else 'updated'}, field by field:")
        else:
            print("  known, kept as stored; --update-existing would change, field by field:")
    for r in changed[:SHOW_CHANGED]:
        print(f"    row {r.row}: {r.name} (id {r.person_id}): {describe_differences(r)}")
    if len(changed) > SHOW_CHANGED:
        print(f"    … and {len(changed) - SHOW_CHANGED} more people (--json lists them all)")
    merged = [r for r in plan.rows if r.merged_into]
    for r in merged[:SHOW_MERGED]:
        print(f"  row {r.row} ({r.name}) is row {r.merged_into} again: {r.reason}")
    if len(merged) > SHOW_MERGED:
        print(f"  … and {len(merged) - SHOW_MERGED} more rows repeating earlier ones (--json lists them all)")
