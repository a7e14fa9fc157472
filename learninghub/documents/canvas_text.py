"""Mixed-script text drawn straight on a canvas, measured, shrunk or wrapped to fit.

Fixed layouts (certificates, badges) need no Platypus: a Paragraph parses markup
and breaks lines for every piece of text, ~20x the cost of ``drawString``. Here a
text is split into font runs once (cached: a batch prints the same seminar title
1,000 times), widths come from the fonts' metrics, and the canvas gets plain
``drawString`` calls — no markup, so user text like ``<b>Li & Co</b>`` is drawn as
it is written. Control characters and line breaks become spaces (:func:`clean`).

Hebrew and Arabic: each line is put in visual order (and Arabic letters joined) by
:func:`.rtl.visual` when it is measured, so wrapping and truncating work on the
stored (logical) text and every drawn line is reordered on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import FontSet, split_runs
from .rtl import visual

_SPACES = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
ELLIPSIS = "…"
LEFT, CENTRE, RIGHT = "left", "centre", "right"


def clean(text: str | None) -> str:
    """One line of text: control characters, line breaks and runs of spaces as one space, trimmed."""
    return " ".join(_SPACES.sub(" ", text or "").split())


@dataclass(frozen=True)
class Runs:
    """A line of text as (font name, piece) runs in drawing (visual) order and its width at 1 pt."""

    pieces: tuple[tuple[str, str], ...]
    unit_width: float

    def width(self, size: float) -> float:
        return self.unit_width * size


class TextDrawer:
    """Draws text for one document (or a batch), remembering runs, widths and the
    characters no font has. Not thread-safe: one per rendering."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: set[str] = set()
        self._cache: dict[tuple[str, bool], Runs] = {}

    def runs(self, text: str, *, bold: bool = False) -> Runs:
        key = (text, bold)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._measure(text, bold)
        return found

    def _measure(self, text: str, bold: bool) -> Runs:
        pieces: list[tuple[str, str]] = []
        for font, piece in split_runs(visual(text), self.fonts, self.missing):
            for name, part in (self.fonts.bold_pieces(font, piece) if bold else ((font.name, piece),)):
                if pieces and pieces[-1][0] == name:
                    pieces[-1] = (name, pieces[-1][1] + part)
                else:
                    pieces.append((name, part))
        width = sum(stringWidth(piece, name, 1.0) for name, piece in pieces)
        return Runs(tuple(pieces), width)

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        return self.runs(text, bold=bold).width(size)

    def draw(self, canvas: Any, text: str, x: float, y: float, size: float, *, bold: bool = False,
             align: str = LEFT) -> float:
        """Draw one line with its baseline at ``y``, ``x`` being its left end, centre or
        right end; returns its width."""
        runs = self.runs(text, bold=bold)
        width = runs.width(size)
        if align == CENTRE:
            x -= width / 2
        elif align == RIGHT:
            x -= width
        for name, piece in runs.pieces:  # bold CJK without a bold face: a heavy alias (.heavy), drawn heavy
            canvas.setFont(name, size)
            canvas.drawString(x, y, piece)
            x += stringWidth(piece, name, size) if len(runs.pieces) > 1 else 0
        return width

    def fit_size(self, text: str, max_width: float, size: float, *, min_size: float, bold: bool = False) -> float:
        """The largest size up to ``size`` (not below ``min_size``) at which ``text`` is
        at most ``max_width`` wide."""
        unit = self.runs(text, bold=bold).unit_width
        if unit * size <= max_width or unit == 0:
            return size
        return max(min_size, max_width / unit)

    def wrap(self, text: str, max_width: float, size: float, *, bold: bool = False) -> list[str]:
        """``text`` broken into lines at most ``max_width`` wide: at spaces, and between
        any two CJK characters (they need no space); a word wider than the line is cut."""
        words = _break_points(text)
        lines: list[str] = []
        line = ""
        for word in words:
            candidate = (line + word) if line else word.lstrip()
            if not line or self.width(candidate.rstrip(), size, bold=bold) <= max_width:
                line = candidate
                continue
            lines.append(line.rstrip())
            line = word.lstrip()
        if line.strip():
            lines.append(line.rstrip())
        out: list[str] = []
        for one in lines:  # a single word still too wide: cut by characters
            while self.width(one, size, bold=bold) > max_width and len(one) > 1:
                cut = len(one) - 1
                while cut > 1 and self.width(one[:cut], size, bold=bold) > max_width:
                    cut -= 1
                out.append(one[:cut])
                one = one[cut:]
            out.append(one)
        return out

    def fit_lines(self, text: str, max_width: float, size: float, *, min_size: float, max_lines: int,
                  bold: bool = False) -> tuple[float, list[str]]:
        """Size and lines for ``text``: one line shrunk down to ``min_size``; if still too
        wide, wrapped at the largest size whose lines number at most ``max_lines``; the
        last line ends in '…' if even ``min_size`` is not enough."""
        text = clean(text)
        one = self.fit_size(text, max_width, size, min_size=min_size, bold=bold)
        if self.width(text, one, bold=bold) <= max_width + 0.01 or max_lines <= 1:
            if self.width(text, one, bold=bold) > max_width + 0.01:
                return one, [self.truncate(text, max_width, one, bold=bold)]
            return one, [text]
        current = size
        while current > min_size:
            lines = self.wrap(text, max_width, current, bold=bold)
            if len(lines) <= max_lines:
                return current, lines
            current = max(min_size, current - 0.5)
        lines = self.wrap(text, max_width, min_size, bold=bold)
        if len(lines) > max_lines:
            rest = " ".join(lines[max_lines - 1:])
            lines = lines[:max_lines - 1] + [self.truncate(rest, max_width, min_size, bold=bold)]
        return min_size, lines

    def truncate(self, text: str, max_width: float, size: float, *, bold: bool = False) -> str:
        """``text`` cut to fit ``max_width`` with '…' at the end (or whole if it fits)."""
        if self.width(text, size, bold=bold) <= max_width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:  # the longest prefix that fits with the ellipsis
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, size, bold=bold) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + ELLIPSIS


def _break_points(text: str) -> list[str]:
    """Pieces between which a line may break: each word with the spaces before it, and
    each Han or kana character alone (Hangul words are kept whole: Korean breaks at spaces)."""
    pieces: list[str] = []
    current = ""
    for ch in text:
        cp = ord(ch)
        if ch.isspace():
            if current and not current.isspace():
                pieces.append(current)
                current = ""
            current += ch
        elif (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF):
            pieces.append(current + ch)
            current = ""
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces
