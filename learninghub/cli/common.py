"""Argument helpers shared by the command modules."""

from __future__ import annotations

import argparse
import functools
from typing import Any

from ..core import validate

SUPPRESS = argparse.SUPPRESS


class Whole:
    """An argparse ``type``: a whole number from ``least`` to ``most``.

    Text that is no number stays a usage error (exit 2, "invalid int value"). A number out
    of the range is bad input like any other: :func:`checked_numbers` refuses it when the
    command runs, as one line naming the option, with exit status 1 (argparse itself could
    only exit 2, and a number beyond the database's integers used to end in a traceback).
    """

    __name__ = "int"  # what argparse calls the type in "invalid int value: 'x'"

    def __init__(self, least: int, most: int = validate.INT_MAX) -> None:
        self.least, self.most = least, most

    def __call__(self, text: str) -> int:
        try:
            return int(text)
        except ValueError:
            digits = text.strip().lstrip("+-")
            if not (digits.isdigit() and len(digits) > 4000):
                raise
            # Python reads at most 4,300 digits; a longer number is beyond any range all the same.
            return -(10**4300) if text.strip().startswith("-") else 10**4300

    def check(self, value: int, where: str) -> int:
        return validate.whole_number(value, where, least=self.least, most=self.most)

    def __repr__(self) -> str:
        return "int"


#: Any id: 1 to 2**31 - 1 (PostgreSQL ``integer``; SQLite's 64 bits are not used, one bound for both).
ID = Whole(1, validate.INT_MAX)
#: A count or a limit where 0 means none/all.
COUNT = Whole(0, validate.INT_MAX)
#: A seminar's seats.
CAPACITY = Whole(1, validate.MAX_CAPACITY)
#: What a plain ``type=int`` option may hold: any value of a database integer.
ANY_INT = Whole(-validate.INT_MAX - 1, validate.INT_MAX)


def _option_name(action: argparse.Action) -> str:
    if action.option_strings:
        return max(action.option_strings, key=len)
    return str(action.metavar or action.dest)


def check_numbers(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse (ValidationError, exit 1) a number given to an option of ``parser`` out of its range."""
    for action in parser._actions:
        kind = ANY_INT if action.type is int else action.type
        if not isinstance(kind, Whole):
            continue
        value = getattr(args, action.dest, None)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, int) and not isinstance(item, bool):
                kind.check(item, _option_name(action))


def handled_by(parser: argparse.ArgumentParser, handler: Any) -> None:
    """Run ``handler`` for ``parser``'s command once its numbers are checked (:func:`check_numbers`)."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: Any) -> Any:
        check_numbers(parser, args)
        return handler(args, ctx)

    parser.set_defaults(handler=run)


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
        type=ID,
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
        parser.add_argument("id", type=ID)
    if json:
        add_json(parser)
    handled_by(parser, handler)
    return parser


def command_group(commands: Any, name: str, help: str) -> Any:
    """A command with actions (``seminar add|list|…``); returns where to add the actions."""
    parser = commands.add_parser(name, help=help)
    parser.command_actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    return parser.command_actions


def group_actions(commands: Any, name: str) -> Any:
    """Where to add an action to the group ``name`` made by another module (``seminar certificate``)."""
    return commands.choices[name].command_actions
