"""The core's messages can be said in another language: marked templates, parameters apart.

The Chinese interface translates a refusal's template and fills in its parameters
(gui/core_text.py). A refusal written as an f-string, or a template whose ``{names}``
are not the parameters given, would reach a Chinese user in English (or not at all):
these tests read the code's syntax tree and fail on either.
"""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from learninghub import config
from learninghub.core.errors import RuleViolation, StaleEdit, ValidationError
from learninghub.core.messages import QT_TRANSLATE_NOOP, Text, field, join, say, word

#: The packages whose messages the interface shows (the command line's own stay English).
PACKAGES = ("core", "documents", "importing", "exporting", "mailing")
ERRORS = {"LearningHubError", "ValidationError", "RuleViolation", "NotFound", "StaleEdit", "DatabaseBusy",
          "DatabaseRefused", "ImportRefused"}
#: Keyword arguments of the errors that are not template parameters.
NOT_PARAMS = {"where", "fresh"}


#: The machinery itself (it passes templates through, it does not write them).
MACHINERY = {"messages.py", "errors.py"}


def _files() -> list[Path]:
    package = config.PROJECT_ROOT / "learninghub"
    return [path for name in PACKAGES for path in sorted((package / name).rglob("*.py"))
            if not (name == "core" and path.parent.name == "core" and path.name in MACHINERY)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _marked(node: ast.AST) -> str | None:
    """The template of ``QT_TRANSLATE_NOOP("ctx", "template")``, else None."""
    if isinstance(node, ast.Call) and _name(node) == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
        text = node.args[1]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            return text.value
    return None


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _problems_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(config.PROJECT_ROOT)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _name(node.exc) in ERRORS:
            call = node.exc
            if _name(call) == "ImportRefused" or not call.args:
                continue
            message = call.args[0]
            if isinstance(message, (ast.JoinedStr, ast.BinOp)) or (
                    isinstance(message, ast.Constant) and isinstance(message.value, str)):
                problems.append(f"{where}:{node.lineno}: write the message as QT_TRANSLATE_NOOP(\"core\", ...) "
                                "with its values as keyword arguments")
                continue
            template = _marked(message)
            if template is not None:
                given = {k.arg for k in call.keywords if k.arg and k.arg not in NOT_PARAMS}
                if _fields(template) != given:
                    problems.append(f"{where}:{node.lineno}: template names {sorted(_fields(template))}, "
                                    f"parameters given {sorted(given)}")
        elif isinstance(node, ast.Call) and _name(node) == "say" and node.args:
            template = _marked(node.args[0])
            if template is None:
                problems.append(f"{where}:{node.lineno}: say() takes a QT_TRANSLATE_NOOP(...) template")
                continue
            given = {k.arg for k in node.keywords if k.arg and k.arg != "context"}
            if any(k.arg is None for k in node.keywords):
                continue  # **params: checked when it runs
            if _fields(template) != given:
                problems.append(f"{where}:{node.lineno}: template names {sorted(_fields(template))}, "
                                f"parameters given {sorted(given)}")
    return problems


def test_every_refusal_and_message_of_the_core_is_a_marked_template() -> None:
    problems = [problem for path in _files() for problem in _problems_of(path)]
    assert not problems, "\n".join(problems)


def test_the_check_catches_an_f_string_and_a_missing_parameter(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The check above is not blind: an f-string refusal and a template short of a value both fail."""
    package = tmp_path / "learninghub" / "core"
    package.mkdir(parents=True)
    (package / "bad.py").write_text(
        "def f(x):\n"
        "    raise RuleViolation(f'seminar {x} is cancelled', where='seminar')\n"
        "def g(x):\n"
        "    raise RuleViolation(QT_TRANSLATE_NOOP('core', 'seminar {id} is {what}'), id=x)\n"
        "def h(x):\n"
        "    return say(QT_TRANSLATE_NOOP('core', '{a} and {b}'), a=1)\n", encoding="utf-8")
    monkeypatch.setattr(config, "PROJECT_ROOT", tmp_path)
    problems = _problems_of(package / "bad.py")
    assert problems == [
        'learninghub/core/bad.py:2: write the message as QT_TRANSLATE_NOOP("core", ...) with its values as keyword '
        "arguments",
        "learninghub/core/bad.py:4: template names ['id', 'what'], parameters given ['id']",
        "learninghub/core/bad.py:6: template names ['a', 'b'], parameters given ['a']",
    ]


def test_a_refusal_reads_in_english_and_keeps_its_template() -> None:
    exc = RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="seminar",
                        id=7, title="Park {City}")
    assert exc.message == "seminar 7 'Park {City}' is cancelled"
    assert exc.user_message == "seminar: seminar 7 'Park {City}' is cancelled"
    assert exc.message.template == "seminar {id} '{title}' is cancelled"
    assert exc.message.params == {"id": 7, "title": "Park {City}"}
    # a template without parameters is taken as it is: braces in it need no doubling
    assert ValidationError(QT_TRANSLATE_NOOP("core", "use {braces} freely")).message == "use {braces} freely"
    stale = StaleEdit(QT_TRANSLATE_NOOP("core", "{what} changed"), where="person", fresh={"a": 1}, what="person")
    assert (stale.message, stale.fresh) == ("person changed", {"a": 1})


def test_texts_nest_cross_processes_and_join() -> None:
    status = word("RegistrationStatus", "Waiting list", "waitlisted")
    text = say(QT_TRANSLATE_NOOP("core", "already {status}"), status=status)
    assert text == "already waitlisted" and text.params["status"].template == "Waiting list"
    again = pickle.loads(pickle.dumps(text))
    assert (again, again.template, again.params["status"].context) == (text, text.template, "RegistrationStatus")
    both = join([text, say(QT_TRANSLATE_NOOP("core", "then {n}"), n=2)])
    assert both == "already waitlisted; then 2"
    assert field("email") == "email" and field("email").context == "field"


@pytest.mark.parametrize("plain", ["", "a plain note"])
def test_plain_text_stays_plain(plain: str) -> None:
    assert Text(plain) == plain and Text(plain).template == plain
