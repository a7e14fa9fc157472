"""Argument helpers shared by the command modules."""

from __future__ import annotations

import argparse
from typing import Any

SUPPRESS = argparse.SUPPRESS


def given(args: argparse.Namespace, mapping: dict[str, str]) -> dict[str, Any]:
    """The edit options the user actually typed, renamed for the service call.

    Options default to SUPPRESS, so an absent option leaves the field unchanged and
    an empty string (``--venue ""``) clears it.
    """
    values = vars(args)
    return {service: values[option] for option, service in mapping.items() if option in values}


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON on stdout")


def add_expected_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--expect-version",
        type=int,
        dest="expected_version",
        default=None,
        help="refuse the edit if the record is no longer at this version",
    )


def choices_help(choices: dict[str, str]) -> str:
    return "|".join(choices)


def subcommand(group: Any, name: str, help: str, handler: Any, *, takes_id: bool = False,
               json: bool = True) -> argparse.ArgumentParser:
    """One ``ACTION`` of a command group: its parser, the id argument, ``--json`` and the handler."""
    parser = group.add_parser(name, help=help)
    if takes_id:
        parser.add_argument("id", type=int)
    if json:
        add_json(parser)
    parser.set_defaults(handler=handler)
    return parser


def command_group(commands: Any, name: str, help: str) -> Any:
    """A command with actions (``seminar add|list|…``); returns where to add the actions."""
    parser = commands.add_parser(name, help=help)
    parser.command_actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    return parser.command_actions


def group_actions(commands: Any, name: str) -> Any:
    """Where to add an action to the group ``name`` made by another module (``seminar certificate``)."""
    return commands.choices[name].command_actions
