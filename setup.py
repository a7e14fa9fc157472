"""The wheel carries the repository's ``resources/``, ``forms/`` and ``db/`` as package data.

Those three folders stay at the top of the repository (translators, Qt Designer and Alembic find
them there), so ``build_py`` copies them into ``learninghub/_data/`` of the built package, where
``learninghub.config`` looks first (through ``importlib.resources``). An editable install
(``pip install -e .``, what ``make setup`` does) copies nothing: the checkout reads the folders in place.
Everything else about the package is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: The folders shipped, and what in them is not (caches, compiled translations, editor leftovers).
DATA_FOLDERS = ("resources", "forms", "db")
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "*~", ".*")


class BuildWithData(build_py):
    """``build_py`` that also copies the data folders into ``<build>/learninghub/_data``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "learninghub" / "_data"
        shutil.rmtree(target, ignore_errors=True)  # a folder or file removed since the last build goes too
        for name in DATA_FOLDERS:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {name}/ is missing from {ROOT}; build from a checkout or its sdist")
            shutil.copytree(source, target / name, ignore=LEFT_OUT)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        target = Path(self.build_lib) / "learninghub" / "_data"
        if target.is_dir():
            outputs += [str(p) for p in target.rglob("*") if p.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildWithData})
