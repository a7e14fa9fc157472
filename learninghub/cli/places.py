"""Commands for cities and organisations (made when a person or seminar first names them)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import add_json
from .context import Context
from . import output


def register(commands: Any) -> None:
    for noun, handler in (("city", city_list), ("organisation", organisation_list)):
        group = commands.add_parser(noun, help=f"{noun} names").add_subparsers(dest="action", metavar="ACTION", required=True)
        lst = group.add_parser("list", help=f"list every {noun}")
        add_json(lst)
        lst.set_defaults(handler=handler)


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
