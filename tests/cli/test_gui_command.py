"""`learninghub gui` on a machine without a display says so instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is an X11/Wayland notion")
def test_gui_without_a_display_explains_itself(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "learninghub", "--db", str(tmp_path / "x.sqlite"), "gui"], check=False,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "no display" in result.stderr and "Traceback" not in result.stderr
