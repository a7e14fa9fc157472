"""Forms laid out in Qt Designer (``forms/*.ui``), compiled by Qt's ``uic`` on first use.

The ``.ui`` file is the one source of a form's layout and objectNames. Its Python
translation is generated into the user's cache folder, keyed by the file's content,
so nothing generated is committed and an edited form is recompiled automatically.
A bundle, which has no ``uic``, carries its forms compiled at build time in
``config.PREBUILT_DIR`` under the same names (``packaging/prebuild.py``).
Usage, as in Anki: ``self.form = forms.load("main_window").Ui_MainWindow(); self.form.setupUi(self)``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

from .. import config

FORMS_DIR = config.FORMS_DIR


def _uic() -> list[str]:
    import PySide6

    binary = Path(PySide6.__file__).parent / "Qt" / "libexec" / "uic"
    if binary.exists():
        return [str(binary), "-g", "python"]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]  # pragma: no cover - other layouts


def _cache_dir(kind: str = "forms") -> Path:
    from platformdirs import user_cache_path

    path = user_cache_path(config.APP_NAME, config.APP_AUTHOR) / kind
    path.mkdir(parents=True, exist_ok=True)
    return path


def built_name(source: Path, suffix: str) -> str:
    """The file name of ``source`` built: its stem and a hash of its content (``main_window_0123abcd….py``)."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"{source.stem}_{digest}{suffix}"


def cached_build(source: Path, kind: str, suffix: str, build: Callable[[Path, Path], None]) -> Path:
    """``source`` built by ``build(source, target)`` into the user cache, once per content.

    The file name holds a hash of the source, so an edited source is rebuilt and an
    unchanged one costs a stat. A copy built in advance (``config.PREBUILT_DIR/kind``, a bundle's) is
    used as it is. Each process builds into a temporary name of its own
    and renames it: two instances starting at once never write one file together.
    """
    name = built_name(source, suffix)
    prebuilt = config.PREBUILT_DIR / kind / name
    if prebuilt.is_file():  # a bundle: compiled when it was built, from this very content
        return prebuilt
    target = _cache_dir(kind) / name
    if not target.exists():
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        build(source, tmp)
        tmp.replace(target)
    return target


def compile_form(ui_file: Path, target: Path) -> None:
    """Translate one ``.ui`` file to Python with ``uic``; raise with uic's message on failure."""
    import subprocess  # only on a first start or after a change: not on the way to the first window

    result = subprocess.run([*_uic(), str(ui_file)], check=False, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"uic could not compile {ui_file.name}: {result.stderr.strip()}")
    target.write_text(result.stdout, encoding="utf-8")


@cache
def load(name: str) -> ModuleType:
    """The compiled module of ``forms/<name>.ui`` (holding its ``Ui_<Class>``)."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a form name: {name!r}")
    target = cached_build(FORMS_DIR / f"{name}.ui", "forms", ".py", compile_form)
    spec = importlib.util.spec_from_file_location(f"learninghub_forms.{name}", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
