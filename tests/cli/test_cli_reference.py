"""docs/cli.md, the command line's reference, and the parser cannot drift apart: every command the
parser knows has its section there with exactly its flags, no section documents a command that is gone,
the JSON fields listed are the ones printed, and the worked examples run as written."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from learninghub import config
from tests.cli.conftest import make_programme
from tests.cli.parser_tree import commands, leaf_commands

DOC = config.PROJECT_ROOT / "docs" / "cli.md"
README = config.PROJECT_ROOT / "README.md"


def sections() -> dict[str, str]:
    """``{"seminar add": text of its section}``, from the ``#### `seminar add` `` headings."""
    text = DOC.read_text(encoding="utf-8")
    found = {}
    parts = re.split(r"^(#{2,4} .*)$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2]):
        if (name := re.fullmatch(r"#### `([a-z -]+)`", heading.strip())):
            found[name.group(1)] = body
    return found


def documented_flags(section: str) -> tuple[set[str], set[str]]:
    """The options and the positional arguments named in the first column of the section's tables."""
    options, positionals = set(), set()
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first = line.split(" | ")[0]
        for code in re.findall(r"`([^`]+)`", first):
            options.update(re.findall(r"(?<![\w-])(--?[a-z][a-z0-9-]*)", code))
            if re.fullmatch(r"[A-Z][A-Z_]*", code):
                positionals.add(code)
    return options, positionals


def parser_flags(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    options, positionals = set(), set()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            options.update(action.option_strings)
        else:
            positionals.add(str(action.metavar or action.dest).upper())
    return options, positionals


def test_every_command_has_its_section_and_no_section_is_stale() -> None:
    known = {" ".join(path) for path, _ in leaf_commands()}
    documented = set(sections())
    assert not known - documented, f"commands missing from docs/cli.md: {sorted(known - documented)}"
    assert not documented - known, f"docs/cli.md documents commands the parser does not know: {sorted(documented - known)}"


@pytest.mark.parametrize(("name", "parser"), [(" ".join(path), parser) for path, parser in leaf_commands()])
def test_each_section_lists_exactly_the_commands_flags(name: str, parser: argparse.ArgumentParser) -> None:
    section = sections().get(name)
    assert section is not None, f"docs/cli.md has no section for `{name}`"
    doc_options, doc_positionals = documented_flags(section)
    options, positionals = parser_flags(parser)
    assert doc_options == options, (f"`{name}`: missing from docs/cli.md {sorted(options - doc_options)}, "
                                    f"documented but unknown {sorted(doc_options - options)}")
    assert doc_positionals == positionals, f"`{name}`: arguments {sorted(positionals)}, documented {sorted(doc_positionals)}"


def test_the_global_options_are_documented() -> None:
    (_, top), *_ = commands()
    options, _ = parser_flags(top)
    text = DOC.read_text(encoding="utf-8")
    assert options == {"--db", "--version"}
    assert "[--db PATH_OR_URL]" in text and "`learninghub --version`" in text


def test_the_readme_points_at_the_reference_in_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    assert "docs/cli.md" in text
    assert "shared/CLI.md" not in text and "../shared" not in text


def _top_level(documented: str) -> set[str]:
    """An object's own fields: the backticked names outside the ``(…)`` asides (``{id, name}``, value lists)."""
    return set(re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", documented)))


def test_the_json_fields_listed_are_the_ones_printed(cli) -> None:
    table = dict(re.findall(r"^\| (curriculum|seminar|session|person|registration|attendance) \| (.*) \|$",
                            DOC.read_text(encoding="utf-8"), flags=re.MULTILINE))
    ids = make_programme(cli)
    session = cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Opening",
                       "--start", "2020-07-13 09:00", "--end", "2020-07-13 10:00", "--speaker", str(ids["person"]))
    cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    printed = {
        "curriculum": cli.json("curriculum", "show", str(ids["curriculum"])),
        "seminar": cli.json("seminar", "show", str(ids["seminar"])),
        "session": session,
        "person": cli.json("person", "list")[0],
        "registration": cli.json("registration", "list", "--seminar", str(ids["seminar"]))[0],
        "attendance": cli.json("attend", "--session", str(session["id"]), "--person", str(ids["person"])),
    }
    assert set(table) == set(printed)
    for name, data in printed.items():
        documented = _top_level(table[name])
        assert documented == set(data), (f"{name}: printed but not in docs/cli.md {sorted(set(data) - documented)}, "
                                         f"documented but not printed {sorted(documented - set(data))}")


def _shell_lines(text: str, heading: str) -> list[list[str]]:
    """The commands of the first ``sh`` block after ``heading``, joined at ``\\``, comments dropped."""
    block = re.search(re.escape(heading) + r".*?```sh\n(.*?)```", text, flags=re.DOTALL)
    assert block, heading
    joined = re.sub(r"\\\n\s*", " ", block.group(1))
    return [shlex.split(line, comments=True) for line in joined.splitlines() if line.strip()]


def _run_example(cli, lines: list[list[str]]) -> dict[str, str]:
    outputs = {}
    for words in lines:
        assert words[0].endswith("learninghub") and words[1] == "--db", words
        code, out, err = cli(*words[3:])
        assert code == 0, f"{shlex.join(words)}: {err}"
        outputs[" ".join(words[3:5])] = out
    return outputs


def test_the_worked_example_of_the_reference_runs_as_written(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # it writes agenda.pdf
    text = DOC.read_text(encoding="utf-8")
    outputs = _run_example(cli, _shell_lines(text, "## A seminar from scratch"))
    shown = re.search(r"\$ learninghub session list --seminar 1 --tz Europe/Madrid.*?\n(.*?)```", text, flags=re.DOTALL)
    assert shown
    for line in shown.group(1).splitlines():
        if line != "…":
            assert line in outputs["session list"].splitlines(), line


def test_the_readme_example_runs_as_written(cli) -> None:
    text = README.read_text(encoding="utf-8")
    outputs = _run_example(cli, _shell_lines(text, "A seminar planned from scratch"))
    assert "10:00–11:30 same day" in outputs["session list"]  # Madrid's clocks changed on 28 March
