"""``learninghub … --help`` lines up in a terminal even where the text is Chinese or Korean.

argparse pads by characters; a CJK character takes two columns, so the help of an option with a
Chinese metavar (``--title-zh 中文标题``) started four columns right of the others', and a usage or
help line with Chinese in it could run past the terminal's edge. These tests measure what a
terminal shows: display columns (``unicodedata.east_asian_width``)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from learninghub.cli import main
from tests.cli.parser_tree import commands


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: An option or command line in an options section: its invocation, two spaces or more, its help.
_ENTRY = re.compile(r"^( {2,4}\S.*?)( {2,})(\S.*)$")
#: A help line continued under the previous one.
_CONTINUED = re.compile(r"^( {5,})\S")


def help_columns(text: str) -> set[int]:
    """The display columns at which help text starts, over every section of a --help."""
    columns, in_section = set(), False
    for line in text.splitlines():
        if not line.strip():
            in_section = False
        elif re.match(r"^\S.*:$", line):
            in_section = True
        elif in_section and (entry := _ENTRY.match(line)):
            columns.add(display_width(entry.group(1) + entry.group(2)))
        elif in_section and (more := _CONTINUED.match(line)):
            columns.add(len(more.group(1)))
    return columns


def all_helps(monkeypatch: pytest.MonkeyPatch, columns: int) -> list[tuple[str, str]]:
    monkeypatch.setenv("COLUMNS", str(columns))
    return [(" ".join(path) or "learninghub", parser.format_help()) for path, parser in commands()]


@pytest.mark.parametrize("columns", [100, 72])
def test_help_text_starts_in_one_column_by_display_width(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    helps = all_helps(monkeypatch, columns)
    assert any("中文标题" in text for _, text in helps) and any("한현숙" in text for _, text in helps)
    crooked = {name: sorted(cols) for name, text in helps if len(cols := help_columns(text)) > 1}
    assert not crooked, f"help text starting in different columns: {crooked}"


def _one_usage_part(line: str) -> bool:
    """A usage line holding one option alone (``[--expect-version EXPECTED_VERSION]``): argparse
    indents it under a long ``usage: learninghub registration status`` and cannot split it."""
    part = line.strip()
    return part[:1] in "[(" and part[-1:] in "])" and not re.search(r"[\])] [\[(]", part)


@pytest.mark.parametrize("columns", [100, 72, 60])
def test_no_help_line_runs_past_the_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    width = columns - 2  # argparse keeps two columns free
    too_wide = [(name, line) for name, text in all_helps(monkeypatch, columns)
                for line in text.splitlines() if display_width(line) > width and not _one_usage_part(line)]
    assert not too_wide, f"lines wider than {width} columns: {too_wide}"


def test_the_chinese_option_lines_up_with_the_others(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as done:
        main(["seminar", "add", "--help"])
    assert done.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    chinese = next(line for line in lines if line.startswith("  --title-zh 中文标题"))
    other = next(line for line in lines if line.startswith("  --tz ZONE"))
    assert display_width(chinese[:chinese.index("the title in Chinese")]) == other.index("IANA zone")
