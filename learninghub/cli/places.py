"""Commands for cities and organisations (made when a person or seminar first names them)."""

from __future__ import annotations

import argparse
from typing import Any

from . import output
from .common import command_group, subcommand
from .context import Context


def register(commands: Any) -> None:
    for noun, handler in (("city", city_list), ("organisation", organisation_list)):
        group = command_group(commands, noun, f"{noun} names")
        subcommand(group, "list", f"list every {noun}", handler)


def city_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import places

    with ctx.db.reading() as s:
        rows = places.list_cities(s)
        if args.json:
            output.print_json([{"id": c.id, "name": c.name, "native_name": c.native_name, "country": c.country} for c in rows])
        else:
            output.print_table(["ID", "Name", "Native", "Country"], [(c.id, c.name, c.native_name, c.country) for c in rows])


def organisation_list(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.services import places

    with ctx.db.reading() as s:
        rows = places.list_organisations(s)
        if args.json:
            output.print_json([{"id": o.id, "name": o.name, "native_name": o.native_name,
                                "city": o.city.name if o.city else None, "country": o.country} for o in rows])
        else:
            output.print_table(["ID", "Name", "Native", "City", "Country"],
                               [(o.id, o.name, o.native_name, o.city.name if o.city else "", o.country) for o in rows])
