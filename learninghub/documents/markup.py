"""User text as reportlab Paragraph markup: escaped first, then wrapped in font runs.

Paragraph text *is* markup: an unescaped ``<font name=x>`` aborts the build and
``<img src='/etc/passwd'/>`` makes reportlab open that file. So every piece of
text goes through :func:`escape` before any tag of ours is put around it.

A line with Hebrew or Arabic is put in visual order first (:func:`.rtl.visual`, on
the raw text, before escaping), since the Paragraph draws characters as stored. That
is right for every line that fits on one printed line (names, titles). A right-to-left
line the Paragraph must wrap comes out with each printed line reading right, but the
lines in reverse order (the logical end is on the first line): reportlab wraps the
already reordered string. Callers that know the paragraph's width and font size pass
them (``width=``, ``size=``): such a line is then broken here first, on the stored
text, and each piece reordered on its own. Alignment stays the style's (left-aligned
Hebrew is not moved to the right).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from itertools import groupby
from xml.sax.saxutils import escape as _xml_escape

from .fonts import SANS, SANS_BOLD, FontSet, split_runs
from .canvas_text import TextDrawer
from .rtl import has_rtl, visual

LOG = logging.getLogger("learninghub.documents")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """Text made inert for Paragraph markup: ``& < >`` as entities, control characters as spaces."""
    return _xml_escape(_CONTROL.sub(" ", text))


class Markup:
    """Turns text into Paragraph markup for one document, and remembers which
    characters no font could draw, to report them once when the document is done."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: set[str] = set()
        self._drawer: TextDrawer | None = None  # measures right-to-left lines, made on first need

    def __call__(self, text: str | None, *, bold: bool = False, width: float | None = None,
                 size: float | None = None) -> str:
        """Markup for ``text`` in a paragraph whose style font is DejaVu Sans (bold if ``bold``).

        Line breaks in the text become ``<br/>``. With the paragraph's ``width`` and font
        ``size``, a line holding Hebrew or Arabic is broken into lines of that width here
        (see the module docstring); other lines are left to the Paragraph.
        """
        if not text:
            return ""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if width and size:
            lines = [piece for line in lines for piece in self._broken(line, width, size, bold)]
        return "<br/>".join(self._line(line, bold) for line in lines)

    def _broken(self, line: str, width: float, size: float, bold: bool) -> list[str]:
        """A right-to-left line cut where it must break at ``width`` (a hair less, so the
        Paragraph, measuring the same fonts, breaks none of the pieces again)."""
        if not has_rtl(line):
            return [line]
        if self._drawer is None:
            self._drawer = TextDrawer(self.fonts)
            self._drawer.missing = self.missing
        return self._drawer.wrap(" ".join(line.split()), width - 0.5, size, bold=bold) or [line]

    def _line(self, text: str, bold: bool) -> str:
        base = SANS_BOLD if bold else SANS
        parts = []
        for name, piece in self._named_runs(visual(text), bold):
            if name == base:
                parts.append(escape(piece))
            else:
                parts.append(f'<font name="{name}">{escape(piece)}</font>')
        return "".join(parts)

    def _named_runs(self, text: str, bold: bool) -> Iterator[tuple[str, str]]:
        """(font name, piece) runs; in bold text, the few characters DejaVu Sans Bold
        lacks (mathematical letters...) stay in the regular face rather than vanish."""
        has_bold = self.fonts.sans_bold.covers
        for font, piece in split_runs(text, self.fonts, self.missing):
            if font.name != SANS:
                yield font.name, piece
            elif not bold:
                yield SANS, piece
            elif piece.isascii():
                yield SANS_BOLD, piece
            else:
                for in_bold, chars in groupby(piece, key=lambda ch: has_bold(ord(ch)) or ch.isspace()):
                    yield (SANS_BOLD if in_bold else SANS), "".join(chars)

    def report(self, what: str) -> tuple[str, ...]:
        """Log the characters no font has, once for the document; return them sorted."""
        if not self.missing:
            return ()
        chars = tuple(sorted(self.missing))
        LOG.warning("%s: no font has these characters: %s", what, describe(chars))
        return chars


def describe(chars: tuple[str, ...] | list[str]) -> str:
    """'𠀀 (U+20000), ☃ (U+2603)': the characters with their code points, for a note to a user."""
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)
