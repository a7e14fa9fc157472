"""QR codes drawn fast: a compiled encoder, and the dark modules as one PDF path.

reportlab's ``QrCodeWidget`` encodes in pure Python (twice, with ``getBounds()``)
and draws one rectangle object per module: it caps a certificate batch at ~28
pages/s. Here zxing-cpp (C++) makes the matrix in ~0.1 ms, neighbouring dark
modules become one rectangle (runs along a row, merged down identical rows), and
the rectangles go into the page as a single filled path written in module units
under one transformation matrix, so the operators are small integers.

segno (pure Python, ~1.5 ms a code) is the fallback where no zxing-cpp wheel exists.

The quiet zone (4 modules of white around the symbol) is *not* drawn: the caller
leaves that much white space, which :func:`quiet_zone` tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: Error correction: M restores ~15 % of a damaged symbol (a fold, a stamp), and keeps
#: a 14-character code at version 1 (21 x 21 modules).
DEFAULT_EC = "M"
QUIET_MODULES = 4
_DARK_RUN = re.compile(rb"\x01+")


@dataclass(frozen=True)
class QrMatrix:
    """A QR symbol without its quiet zone: ``size`` x ``size`` modules, and its dark
    modules as rectangles ``(x, y, width, height)`` in modules, y counted from the top."""

    text: str
    size: int
    rects: tuple[tuple[int, int, int, int], ...]

    def dark(self, x: int, y: int) -> bool:
        """Whether the module in column ``x``, row ``y`` is dark (for tests and images)."""
        return any(rx <= x < rx + w and ry <= y < ry + h for rx, ry, w, h in self.rects)

    def path(self) -> str:
        """PDF path operators filling the dark modules, in module units (``re`` ... ``f``)."""
        parts = [f"{x} {y} {w} {h} re" for x, y, w, h in self.rects]
        parts.append("f")
        return " ".join(parts)


def _zxing_rows(text: str, ec: str) -> tuple[int, bytes]:
    import zxingcpp

    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ec)
    image = memoryview(symbol.to_image(scale=1, add_quiet_zones=False))
    size = image.shape[0]
    # zxing-cpp's image is 0 for dark, 255 for light: as 1 / 0.
    return size, bytes(image).translate(_LIGHT_TO_ZERO)


_LIGHT_TO_ZERO = bytes([1] + [0] * 255)


def _segno_rows(text: str, ec: str) -> tuple[int, bytes]:
    import segno

    symbol = segno.make_qr(text, error=ec.lower(), boost_error=False)
    rows = symbol.matrix
    return len(rows), b"".join(bytes(row) for row in rows)


_BACKENDS = {"zxing": _zxing_rows, "segno": _segno_rows}


def backend() -> str:
    """The encoder in use: 'zxing' when zxing-cpp imports, else 'segno'."""
    global _backend
    if _backend is None:
        try:
            import zxingcpp  # noqa: F401
            _backend = "zxing"
        except ImportError:
            _backend = "segno"
    return _backend


_backend: str | None = None


def encode(text: str, *, ec: str = DEFAULT_EC, using: str | None = None) -> QrMatrix:
    """The QR symbol for ``text`` (byte mode, UTF-8), smallest version that holds it."""
    if not text:
        raise ValueError("a QR code needs some text")
    size, cells = _BACKENDS[using or backend()](text, ec)
    return QrMatrix(text, size, _rectangles(size, cells))


def _rectangles(size: int, cells: bytes) -> tuple[tuple[int, int, int, int], ...]:
    """Dark runs of each row, a run merged into the one above when they span the same columns."""
    done: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], list[int]] = {}  # (x, width) -> [top row, height]
    for y in range(size):
        row = cells[y * size:(y + 1) * size]
        seen: dict[tuple[int, int], list[int]] = {}
        for match in _DARK_RUN.finditer(row):
            key = (match.start(), match.end() - match.start())
            above = open_runs.pop(key, None)
            if above is not None and above[0] + above[1] == y:
                above[1] += 1
                seen[key] = above
            else:
                seen[key] = [y, 1]
        done.extend((x, top, w, h) for (x, w), (top, h) in open_runs.items())
        open_runs = seen
    done.extend((x, top, w, h) for (x, w), (top, h) in open_runs.items())
    return tuple(done)


def quiet_zone(matrix: QrMatrix, side: float) -> float:
    """The white margin to keep around a symbol drawn ``side`` points wide."""
    return QUIET_MODULES * side / matrix.size


def draw(canvas: Any, matrix: QrMatrix, x: float, y: float, side: float, *, color: Any = None) -> None:
    """Draw ``matrix`` on a reportlab canvas with its lower left corner at (``x``, ``y``),
    ``side`` points wide, as one filled path (black unless ``color`` is given)."""
    module = side / matrix.size
    canvas.saveState()
    if color is not None:
        canvas.setFillColor(color)
    else:
        canvas.setFillGray(0)
    # Module units, y downwards from the symbol's top edge.
    canvas.addLiteral(f"{module:.4f} 0 0 {-module:.4f} {x:.3f} {y + side:.3f} cm {matrix.path()}")
    canvas.restoreState()
