"""``--help`` that lines up in a terminal when it holds Chinese, Japanese or Korean text.

argparse measures text in characters, but a terminal gives a wide character (中, 한) two
columns: the help of ``--title-zh 中文标题`` started four columns right of the others', and a
usage or help line with CJK text ran past the terminal's edge. This formatter lets argparse
count display columns instead: while it lays the help out, every wide character is followed by
an invisible filler character (so ``len`` counts two for it), and the fillers are taken out of
the finished text. argparse's own layout code is used unchanged, whatever the Python version.
"""

from __future__ import annotations

import argparse
import unicodedata
from typing import Any

#: Follows each wide character while argparse measures; never shown (a private-use character).
_FILLER = "\ue000"


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a wide (CJK) character, one otherwise."""
    return sum(2 if is_wide(ch) else 1 for ch in text)


def _measured(text: Any) -> Any:
    """``text`` with a filler after each wide character, so that ``len`` gives its display width
    (anything but a string, such as argparse's trial metavar None, as it is)."""
    if not isinstance(text, str) or text.isascii():
        return text
    text = text.replace(_FILLER, "")
    return "".join(ch + _FILLER if is_wide(ch) else ch for ch in text)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, measuring metavars, help texts and descriptions in display columns."""

    def __init__(self, prog: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(_measured(prog), *args, **kwargs)

    def _metavar_formatter(self, action: argparse.Action, default_metavar: str) -> Any:
        format_metavars = super()._metavar_formatter(action, default_metavar)
        return lambda size: tuple(_measured(m) for m in format_metavars(size))

    def _expand_help(self, action: argparse.Action) -> str:
        return _measured(super()._expand_help(action))

    def _format_text(self, text: str) -> str:
        return super()._format_text(_measured(text))

    def format_help(self) -> str:
        return super().format_help().replace(_FILLER, "")


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help (and its subcommands', which are made of the same class)
    is laid out by display width."""

    def __init__(self, *args: Any, formatter_class: type[argparse.HelpFormatter] = HelpFormatter,
                 **kwargs: Any) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)
