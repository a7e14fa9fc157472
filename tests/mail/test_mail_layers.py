"""Arrows point down only (docs/architecture.md): the core imports nothing above it, and the mail
merge reaches the documents and calendars through their public functions."""

from __future__ import annotations

import ast
from pathlib import Path

from learninghub import config

PACKAGE = config.PROJECT_ROOT / "learninghub"
ABOVE_CORE = ("documents", "exporting", "importing", "mailing", "cli", "gui")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module, names) of every import in ``path``, relative ones resolved."""
    parts = list(path.relative_to(config.PROJECT_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = parts[: len(parts) - node.level] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((module, [alias.name for alias in node.names]))
    return found


def test_the_core_imports_nothing_above_it() -> None:
    wrong = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for module, names in _imports(path):
            targets = [module] + [f"{module}.{n}" for n in names] if module == "learninghub" else [module]
            for target in targets:
                if any(target == f"learninghub.{up}" or target.startswith(f"learninghub.{up}.") for up in ABOVE_CORE):
                    wrong.append(f"{path.relative_to(PACKAGE)}: {target}")
    assert not wrong


def test_the_mail_merge_uses_no_private_name_of_another_package() -> None:
    wrong = []
    for path in sorted((PACKAGE / "mailing").rglob("*.py")):
        outside = [(module, names) for module, names in _imports(path) if not module.startswith("learninghub.mailing")]
        wrong += [f"{path.name}: {module}.{n}" for module, names in outside for n in names if n.startswith("_")
                  and not n.startswith("__")]
        modules = {n for _, names in outside for n in names}  # from ..exporting import ics: ics._x is private
        wrong += [f"{path.name}: {node.value.id}.{node.attr}"
                  for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                  and node.attr.startswith("_") and not node.attr.startswith("__")]
    assert not wrong
