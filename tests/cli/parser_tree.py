"""Every command the parser knows (``seminar add``, ``import people``, ``verify``…), with its own parser."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from learninghub.cli import build_parser


def commands(parser: argparse.ArgumentParser | None = None,
             path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """``(("learninghub",), top parser)`` first, then each command and action, depth first; a
    command with actions (``seminar``) comes before them."""
    parser = parser or build_parser()
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


def leaf_commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The commands that run something: ``seminar add``, ``init``… (not ``seminar`` alone)."""
    return [(path, p) for path, p in commands() if path and not any(
        isinstance(a, argparse._SubParsersAction) for a in p._actions)]
