"""The app's icon in the sizes and formats platforms want, drawn from ``resources/icons/learninghub.svg``
(the one source; nothing drawn here is committed): PNGs from 16 to 512 pixels (a Linux desktop entry),
``learninghub.ico`` (Windows: the executable's icon) and ``learninghub.icns`` (macOS: the app's), through
Qt's own image writers. ``python packaging/make_icons.py OUT`` (run by packaging/learninghub.spec).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "learninghub.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def make(out: Path) -> dict[str, Path]:
    """Draw the icons into ``out``; the files made, by format ("png256", "ico", "icns")."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon, QImageWriter

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - Qt draws only with an application
    icon = QIcon(str(SOURCE))
    if icon.isNull():
        raise SystemExit(f"cannot draw {SOURCE}: Qt's SVG image plugin is missing")
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for size in SIZES:
        path = out / f"learninghub-{size}.png"
        icon.pixmap(QSize(size, size)).toImage().save(str(path), "PNG")
        made[f"png{size}"] = path
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    for fmt, size in (("ico", 256), ("icns", 512)):
        if fmt in formats:
            path = out / f"learninghub.{fmt}"
            if icon.pixmap(QSize(size, size)).toImage().save(str(path), fmt.upper()):
                made[fmt] = path
    return made


if __name__ == "__main__":
    for kind, path in make(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons").items():
        print(kind, path)
